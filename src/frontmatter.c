/* frontmatter.c — the YAML block between two --- lines (SPEC §3) and the
 * frontmatter-* rules of SPEC §6.
 *
 * The YAML is parsed with libyaml (yaml_load.h); positions are mapped into
 * the file: the YAML text starts at line 2, column 1, so a node's file line
 * is its YAML line + 1 and its column is unchanged.
 *
 * One mistake, one diagnostic: a required key that is present but empty gets
 * frontmatter-required only (no frontmatter-type for its emptiness), and an
 * optional key left empty counts as absent.
 *
 * This file finds the block and walks its keys (duplicates, unknown keys,
 * required keys); frontmatter_values.c checks each known key's value. */
#include <stdlib.h>
#include <string.h>

#include "frontmatter_values.h"
#include "util.h"

/* The keys of SPEC §3, with what a missing one should hold. */
static const struct known_key {
	const char *name;
	fm_check_fn *check;
	const char *holds;
} known_keys[] = {
	{"title", fm_check_title, "the policy's name"},
	{"id", fm_check_id, "a document number such as HR-001"},
	{"version", fm_check_version, "a version such as \"1.0\""},
	{"owner", fm_check_owner, "the department that drafts the policy"},
	{"effective", fm_check_effective, "the date it takes effect, YYYY-MM-DD"},
	{"status", fm_check_status, "draft, active, superseded or repealed"},
	{"scheme", fm_check_scheme, "articles, outline, decimal or en"},
	{"supersedes", fm_check_supersedes, "the ids of the documents it replaces"},
	{"approved-by", fm_check_approved_by, "who approved the policy"},
	{"revisions", fm_check_revisions, "a list of {version, date, note}"},
	{"tags", fm_check_tags, "a list of strings"},
};
enum { NKNOWN = sizeof known_keys / sizeof *known_keys };

/* Chinese names a drafter might write for a key. */
static const struct {
	const char *alias, *key;
} chinese_names[] = {
	{"标题", "title"},        {"名称", "title"},       {"制度名称", "title"},
	{"编号", "id"},           {"文号", "id"},          {"文件编号", "id"},
	{"版本", "version"},      {"版本号", "version"},   {"制订部门", "owner"},
	{"制定部门", "owner"},    {"归口部门", "owner"},   {"部门", "owner"},
	{"生效日期", "effective"}, {"施行日期", "effective"}, {"实施日期", "effective"},
	{"状态", "status"},       {"审批人", "approved-by"}, {"批准人", "approved-by"},
	{"标签", "tags"},         {"修订记录", "revisions"}, {"替代", "supersedes"},
};

static const struct known_key *find_known(const char *name)
{
	for (size_t i = 0; i < NKNOWN; i++) /* the first byte rules out most keys without a call */
		if (known_keys[i].name[0] == name[0] && strcmp(known_keys[i].name, name) == 0)
			return &known_keys[i];
	return NULL;
}

static bool is_extra_key(const struct config *config, const char *name)
{
	if (!config)
		return false;
	for (size_t i = 0; i < config->nextra_keys; i++)
		if (strcmp(config->extra_keys[i], name) == 0)
			return true;
	return false;
}

static void report_unknown(struct fm *fm, const yaml_node_t *key, const char *name)
{
	const char *near = NULL;
	for (size_t i = 0; i < sizeof chinese_names / sizeof *chinese_names && !near; i++)
		if (strcmp(chinese_names[i].alias, name) == 0)
			near = chinese_names[i].key;
	if (!near) {
		const char *candidates[NKNOWN];
		for (size_t i = 0; i < NKNOWN; i++)
			candidates[i] = known_keys[i].name;
		near = yaml_closest_key(name, candidates, NKNOWN);
		const struct config *config = fm->doc->config;
		if (!near && config)
			near = yaml_closest_key(name, (const char *const *)config->extra_keys,
						config->nextra_keys);
	}
	char *shown = yaml_shown(key);
	if (near)
		fm_report(fm, RULE_FRONTMATTER_UNKNOWN, key, "unknown key %s; did you mean %s?", shown, near);
	else
		fm_report(fm, RULE_FRONTMATTER_UNKNOWN, key,
		          "unknown key %s; expected one of title, id, version, owner, effective, status, "
		          "scheme, supersedes, approved-by, revisions, tags (declare others in "
		          "front-matter-keys of policyc.yml)",
		          shown);
	free(shown);
}

static void check_entries(struct fm *fm, const yaml_node_t *map)
{
	size_t *first = yaml_map_first_entries(fm->yaml, map);
	for (size_t i = 0; i < yaml_map_size(map); i++) {
		yaml_node_t *key, *value;
		if (!yaml_map_entry(fm->yaml, map, i, &key, &value))
			continue;
		const char *name = yaml_scalar(key);
		if (!name || yaml_is_null(key)) {
			fm_report(fm, RULE_FRONTMATTER_TYPE, key, "a key that is %s; expected a key name such as title",
			          yaml_kind_name(key));
			continue;
		}
		if (first[i] != i) {
			yaml_node_t *first_key, *first_value;
			yaml_map_entry(fm->yaml, map, first[i], &first_key, &first_value);
			char *shown = yaml_shown(key);
			fm_report(fm, RULE_FRONTMATTER_DUPLICATE, key, "key %s is given twice; first at line %d",
			          shown, yaml_line(first_key) + 1);
			free(shown);
			continue;
		}
		const struct known_key *known = find_known(name);
		if (!known) {
			if (!is_extra_key(fm->doc->config, name))
				report_unknown(fm, key, name);
			continue;
		}
		if (!fm_is_empty(value))
			known->check(fm, known->name, value);
	}
	free(first);
}

/* "title:, id:, version:" — keys as they are written. */
static char *keys_list(const char *const *keys, size_t n)
{
	struct buf out = {0};
	for (size_t i = 0; i < n; i++)
		buf_printf(&out, "%s%s:", i ? ", " : "", keys[i]);
	return buf_take(&out);
}

/* A missing key has no place of its own in the file. It is reported at the
 * closing --- (column 1): that is where the key would be added, and the
 * position stays inside the front matter the reader is asked to fix. */
static void check_required(struct fm *fm, const yaml_node_t *map)
{
	const struct config *config = fm->doc->config;
	static const char *const builtin[] = {"title", "id", "version", "owner", "effective"};
	const char *const *required = config ? (const char *const *)config->required_front_matter : builtin;
	size_t nrequired = config ? config->nrequired_front_matter : sizeof builtin / sizeof *builtin;
	if (nrequired > 1 && (map == NULL || yaml_map_size(map) == 0)) {
		/* An empty block is one mistake (not filled in), like a missing
		 * one (SPEC §2): one diagnostic naming every key it needs. */
		char *keys = keys_list(required, nrequired);
		diag_add(&fm->doc->diags, RULE_FRONTMATTER_REQUIRED, fm->closing_line, 1,
			 "front matter is empty; expected the keys %s", keys);
		free(keys);
		return;
	}
	for (size_t i = 0; i < nrequired; i++) {
		const struct known_key *known = find_known(required[i]);
		const char *holds = known ? known->holds : "a value";
		yaml_node_t *key = NULL;
		yaml_node_t *value = map ? yaml_map_get(fm->yaml, map, required[i], &key) : NULL;
		if (!key)
			diag_add(&fm->doc->diags, RULE_FRONTMATTER_REQUIRED, fm->closing_line, 1,
				 "required key %s is missing; expected %s: with %s", required[i],
				 required[i], holds);
		else if (fm_is_empty(value))
			fm_report(fm, RULE_FRONTMATTER_REQUIRED, key, "required key %s is empty; expected %s",
			          required[i], holds);
	}
}

/* A fence is a line of exactly "---" (trailing blanks tolerated). */
static bool is_fence(const struct document *doc, int line)
{
	size_t n;
	const char *text = document_line(doc, line, &n);
	if (n < 3 || memcmp(text, "---", 3) != 0)
		return false;
	for (size_t i = 3; i < n; i++)
		if (text[i] != ' ' && text[i] != '\t')
			return false;
	return true;
}

static void check_yaml(struct document *doc, int closing_line)
{
	size_t start = doc->line_start[1];
	size_t end = doc->line_start[closing_line - 1];
	yaml_document_t yaml;
	struct yaml_error err;
	if (!yaml_load(&yaml, doc->src + start, end - start, &err)) {
		if (err.context_line)
			diag_add(&doc->diags, RULE_FRONTMATTER_SYNTAX, err.line + 1, err.col,
				 "front matter YAML does not parse: %s started at line %d, column %d",
				 err.problem, err.context_line + 1, err.context_col);
		else
			diag_add(&doc->diags, RULE_FRONTMATTER_SYNTAX, err.line + 1, err.col,
				 "front matter YAML does not parse: %s", err.problem);
		return;
	}
	struct fm fm = {doc, &yaml, closing_line};
	yaml_node_t *root = yaml_root(&yaml);
	if (root && !yaml_is_null(root) && root->type != YAML_MAPPING_NODE) {
		fm_report(&fm, RULE_FRONTMATTER_TYPE, root,
		          "front matter is %s; expected a mapping of keys such as title: and id:",
		          yaml_kind_name(root));
		yaml_unload(&yaml);
		return;
	}
	if (root && root->type == YAML_MAPPING_NODE)
		check_entries(&fm, root);
	check_required(&fm, root && root->type == YAML_MAPPING_NODE ? root : NULL);
	yaml_unload(&yaml);
	doc->meta_ok = true;
}

void frontmatter_check(struct document *doc)
{
	const struct config *config = doc->config;
	doc->meta.scheme = config ? config->scheme : SCHEME_ARTICLES;
	doc->body_line = 1;
	if (!doc->readable)
		return;
	if (!is_fence(doc, 1)) {
		char *keys = config ? keys_list((const char *const *)config->required_front_matter,
						config->nrequired_front_matter)
				    : xstrdup("");
		diag_add(&doc->diags, RULE_FRONTMATTER_MISSING, 1, 1,
			 "no front matter; expected the file to start with a --- line, then the keys "
			 "(%s), then a closing --- line",
			 *keys ? keys : "title:, id:, …");
		free(keys);
		return;
	}
	int closing = 0;
	for (int line = 2; (size_t)line <= doc->nlines && !closing; line++)
		if (is_fence(doc, line))
			closing = line;
	if (!closing) {
		diag_add(&doc->diags, RULE_FRONTMATTER_MISSING, 1, 1,
			 "front matter opened by --- on line 1 is not closed; expected a closing --- line");
		doc->body_line = (int)doc->nlines + 1;
		return;
	}
	doc->body_line = closing + 1;
	check_yaml(doc, closing);
	if (!doc->meta.status)
		doc->meta.status = xstrdup("active");
}
