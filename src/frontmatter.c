/* frontmatter.c — the YAML block between two --- lines (SPEC §3) and the
 * frontmatter-* rules of SPEC §6.
 *
 * The YAML is parsed with libyaml (yaml_load.h); positions are mapped into
 * the file: the YAML text starts at line 2, column 1, so a node's file line
 * is its YAML line + 1 and its column is unchanged.
 *
 * One mistake, one diagnostic: a required key that is present but empty gets
 * frontmatter-required only (no frontmatter-type for its emptiness), and an
 * optional key left empty counts as absent. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"
#include "yaml_load.h"

struct fm {
	struct document *doc;
	yaml_document_t *yaml;
	int closing_line; /* the line of the closing --- */
};

static void report(struct fm *fm, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void report(struct fm *fm, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(&fm->doc->diags, rule, yaml_line(at) + 1, yaml_col(at), "%s", message);
	free(message);
}

/* "KEY is a list; expected WHAT", naming what was found. */
static void report_wrong_kind(struct fm *fm, const char *key, const yaml_node_t *value,
			      const char *expected)
{
	report(fm, RULE_FRONTMATTER_TYPE, value, "%s is %s; expected %s", key,
	       yaml_kind_name(value), expected);
}

static bool is_empty(const yaml_node_t *node)
{
	if (yaml_is_null(node))
		return true;
	switch (node->type) {
	case YAML_SCALAR_NODE:
		return node->data.scalar.length == 0;
	case YAML_SEQUENCE_NODE:
		return yaml_seq_size(node) == 0;
	case YAML_MAPPING_NODE:
		return yaml_map_size(node) == 0;
	default:
		return true;
	}
}

/* ---- value forms ---- */

/* A quoted "\0" puts a NUL inside a scalar, where C strings would stop. */
static bool has_nul(const yaml_node_t *scalar)
{
	return strlen(yaml_scalar(scalar)) != scalar->data.scalar.length;
}

static bool valid_id(const char *s)
{
	if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') ||
	      (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (const char *p = s + 1; *p; p++) {
		char c = *p;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

enum date_form { DATE_OK, DATE_MALFORMED, DATE_NOT_REAL };

static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static enum date_form date_check(const char *s)
{
	static const char pattern[] = "dddd-dd-dd";
	if (strlen(s) != sizeof pattern - 1)
		return DATE_MALFORMED;
	for (size_t i = 0; pattern[i]; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9';
		if (pattern[i] == 'd' ? !digit : s[i] != '-')
			return DATE_MALFORMED;
	}
	int year = digits(s, 4), month = digits(s + 5, 2), day = digits(s + 8, 2);
	static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1 || month < 1 || month > 12 || day < 1)
		return DATE_NOT_REAL;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	int last = month_days[month - 1] + (month == 2 && leap);
	return day <= last ? DATE_OK : DATE_NOT_REAL;
}

/* ---- one checker per known key ---- */

/* Each checker sees a value that is not empty and stores what it accepts. */
typedef void check_fn(struct fm *fm, const char *key, const yaml_node_t *value);

static char *text_value(struct fm *fm, const char *key, const yaml_node_t *value,
			const char *expected)
{
	if (value->type != YAML_SCALAR_NODE) {
		report_wrong_kind(fm, key, value, expected);
		return NULL;
	}
	return xstrdup(yaml_scalar(value));
}

static void replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

static void check_title(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *title = text_value(fm, key, value, "a string, the policy's name");
	if (!title)
		return;
	replace(&fm->doc->meta.title, title);
	fm->doc->meta.title_line = yaml_line(value) + 1;
	fm->doc->meta.title_col = yaml_col(value);
}

static void check_owner(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *owner = text_value(fm, key, value, "a string, the department that drafts the policy");
	if (owner)
		replace(&fm->doc->meta.owner, owner);
}

static void check_approved_by(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *approver = text_value(fm, key, value, "a string, who approved the policy");
	if (approver)
		replace(&fm->doc->meta.approved_by, approver);
}

static void check_version(struct fm *fm, const char *key, const yaml_node_t *value)
{
	if (yaml_is_bool(value)) {
		report(fm, RULE_FRONTMATTER_TYPE, value, "%s is the boolean %s; expected a version such as \"1.0\"",
		       key, yaml_scalar(value));
		return;
	}
	char *version = text_value(fm, key, value, "a string or number such as \"1.0\"");
	if (version)
		replace(&fm->doc->meta.version, version);
}

/* An id, checked; NULL (reported) when it is not one. `what` names it in
 * messages: "id", "supersedes entry". */
static char *id_value(struct fm *fm, const char *what, const yaml_node_t *value)
{
	static const char expected[] = "a document number of letters, digits, '.', '_' and '-' "
				       "that starts with a letter or digit, such as HR-001";
	if (value->type != YAML_SCALAR_NODE) {
		report_wrong_kind(fm, what, value, expected);
		return NULL;
	}
	if (!valid_id(yaml_scalar(value)) || has_nul(value)) {
		char *shown = yaml_shown(value);
		report(fm, RULE_FRONTMATTER_TYPE, value, "%s %s is not a valid document number; expected %s",
		       what, shown, expected);
		free(shown);
		return NULL;
	}
	return xstrdup(yaml_scalar(value));
}

static void check_id(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *id = id_value(fm, key, value);
	if (!id)
		return;
	replace(&fm->doc->meta.id, id);
	fm->doc->meta.id_line = yaml_line(value) + 1;
	fm->doc->meta.id_col = yaml_col(value);
}

/* A date YYYY-MM-DD that exists; NULL (reported) otherwise. */
static char *date_value(struct fm *fm, const char *what, const yaml_node_t *value)
{
	if (value->type != YAML_SCALAR_NODE) {
		report_wrong_kind(fm, what, value, "a date YYYY-MM-DD such as 2024-01-01");
		return NULL;
	}
	const char *text = yaml_scalar(value);
	enum date_form form = has_nul(value) ? DATE_MALFORMED : date_check(text);
	if (form == DATE_OK)
		return xstrdup(text);
	char *shown = yaml_shown(value);
	if (form == DATE_MALFORMED)
		report(fm, RULE_FRONTMATTER_TYPE, value,
		       "%s %s is not a date of the form YYYY-MM-DD; expected a date such as 2024-01-01",
		       what, shown);
	else
		report(fm, RULE_FRONTMATTER_TYPE, value,
		       "%s %s is not a real calendar date; expected a date that exists", what, shown);
	free(shown);
	return NULL;
}

static void check_effective(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *date = date_value(fm, key, value);
	if (date)
		replace(&fm->doc->meta.effective, date);
}

static const char *const statuses[] = {"draft", "active", "superseded", "repealed"};

static void check_status(struct fm *fm, const char *key, const yaml_node_t *value)
{
	static const char expected[] = "draft, active, superseded or repealed";
	const char *text = yaml_scalar(value);
	if (!text) {
		report_wrong_kind(fm, key, value, expected);
		return;
	}
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++) {
		if (strcmp(text, statuses[i]) == 0) {
			replace(&fm->doc->meta.status, xstrdup(text));
			return;
		}
	}
	char *shown = yaml_shown(value);
	report(fm, RULE_FRONTMATTER_TYPE, value, "status %s is not known; expected %s", shown, expected);
	free(shown);
}

static void check_scheme(struct fm *fm, const char *key, const yaml_node_t *value)
{
	static const char expected[] = "articles, outline, decimal or en";
	const char *text = yaml_scalar(value);
	if (!text) {
		report_wrong_kind(fm, key, value, expected);
		return;
	}
	enum scheme scheme = scheme_lookup(text);
	if (scheme == SCHEME_COUNT) {
		char *shown = yaml_shown(value);
		report(fm, RULE_FRONTMATTER_TYPE, value, "scheme %s is not known; expected %s", shown,
		       expected);
		free(shown);
		return;
	}
	fm->doc->meta.scheme = scheme;
}

static void check_supersedes(struct fm *fm, const char *key, const yaml_node_t *value)
{
	struct meta *meta = &fm->doc->meta;
	char **ids = NULL;
	size_t n = 0, cap = 0;
	if (value->type == YAML_SCALAR_NODE) {
		char *id = id_value(fm, key, value);
		if (id)
			ARRAY_PUSH(ids, n, cap, id);
	} else if (value->type == YAML_SEQUENCE_NODE) {
		for (size_t i = 0; i < yaml_seq_size(value); i++) {
			char *id = id_value(fm, "supersedes entry", yaml_seq_item(fm->yaml, value, i));
			if (id)
				ARRAY_PUSH(ids, n, cap, id);
		}
	} else {
		report_wrong_kind(fm, key, value, "a document id or a list of ids");
	}
	strings_free(meta->supersedes, meta->nsupersedes);
	meta->supersedes = ids;
	meta->nsupersedes = n;
}

static void check_tags(struct fm *fm, const char *key, const yaml_node_t *value)
{
	struct meta *meta = &fm->doc->meta;
	if (value->type != YAML_SEQUENCE_NODE) {
		report_wrong_kind(fm, key, value, "a list of strings such as [人事, 考勤]");
		return;
	}
	char **tags = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < yaml_seq_size(value); i++) {
		char *tag = text_value(fm, "tag", yaml_seq_item(fm->yaml, value, i), "a string");
		if (tag)
			ARRAY_PUSH(tags, n, cap, tag);
	}
	strings_free(meta->tags, meta->ntags);
	meta->tags = tags;
	meta->ntags = n;
}

static const char *const revision_keys[] = {"version", "date", "note"};

/* One revision {version, date, note}; version and date are needed to say
 * which revision it is, the note may be left out. False when unusable. */
static bool revision_value(struct fm *fm, const yaml_node_t *item, struct revision *out)
{
	static const char expected[] = "a mapping {version, date, note}";
	if (item->type != YAML_MAPPING_NODE) {
		report_wrong_kind(fm, "revision", item, expected);
		return false;
	}
	memset(out, 0, sizeof *out);
	bool ok = true;
	yaml_node_t *seen[3] = {NULL, NULL, NULL};
	for (size_t i = 0; i < yaml_map_size(item); i++) {
		yaml_node_t *key, *value;
		if (!yaml_map_entry(fm->yaml, item, i, &key, &value))
			continue;
		const char *name = yaml_scalar(key);
		size_t k = 0;
		while (name && k < 3 && strcmp(name, revision_keys[k]) != 0)
			k++;
		if (!name || k == 3) {
			char *shown = yaml_shown(key);
			const char *near = name ? yaml_closest_key(name, revision_keys, 3) : NULL;
			report(fm, RULE_FRONTMATTER_UNKNOWN, key,
			       "unknown revision key %s; %s%s%s", shown,
			       near ? "did you mean " : "expected version, date or note",
			       near ? near : "", near ? "?" : "");
			free(shown);
			continue;
		}
		if (seen[k]) {
			report(fm, RULE_FRONTMATTER_DUPLICATE, key,
			       "revision key %s is given twice; first at line %d", name,
			       yaml_line(seen[k]) + 1);
			continue;
		}
		seen[k] = key;
		char *text = NULL;
		if (is_empty(value))
			report(fm, RULE_FRONTMATTER_TYPE, key, "revision %s is empty; expected %s", name,
			       k == 1 ? "a date YYYY-MM-DD" : "a value");
		else if (k == 1)
			text = date_value(fm, "revision date", value);
		else
			text = text_value(fm, k == 0 ? "revision version" : "revision note", value,
					  "a string");
		if (!text)
			ok = false;
		replace(k == 0 ? &out->version : k == 1 ? &out->date : &out->note, text);
	}
	for (size_t k = 0; k < 2; k++) {
		if (!seen[k]) {
			report(fm, RULE_FRONTMATTER_TYPE, item, "revision has no %s; expected %s",
			       revision_keys[k], expected);
			ok = false;
		}
	}
	if (!ok) {
		free(out->version);
		free(out->date);
		free(out->note);
	}
	return ok;
}

static void check_revisions(struct fm *fm, const char *key, const yaml_node_t *value)
{
	struct meta *meta = &fm->doc->meta;
	if (value->type != YAML_SEQUENCE_NODE) {
		report_wrong_kind(fm, key, value, "a list of {version, date, note}");
		return;
	}
	size_t cap = 0;
	for (size_t i = 0; i < yaml_seq_size(value); i++) {
		struct revision revision;
		if (revision_value(fm, yaml_seq_item(fm->yaml, value, i), &revision))
			ARRAY_PUSH(meta->revisions, meta->nrevisions, cap, revision);
	}
}

/* The keys of SPEC §3, with what a missing one should hold. */
static const struct known_key {
	const char *name;
	check_fn *check;
	const char *holds;
} known_keys[] = {
	{"title", check_title, "the policy's name"},
	{"id", check_id, "a document number such as HR-001"},
	{"version", check_version, "a version such as \"1.0\""},
	{"owner", check_owner, "the department that drafts the policy"},
	{"effective", check_effective, "the date it takes effect, YYYY-MM-DD"},
	{"status", check_status, "draft, active, superseded or repealed"},
	{"scheme", check_scheme, "articles, outline, decimal or en"},
	{"supersedes", check_supersedes, "the ids of the documents it replaces"},
	{"approved-by", check_approved_by, "who approved the policy"},
	{"revisions", check_revisions, "a list of {version, date, note}"},
	{"tags", check_tags, "a list of strings"},
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
	for (size_t i = 0; i < NKNOWN; i++)
		if (strcmp(known_keys[i].name, name) == 0)
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
		report(fm, RULE_FRONTMATTER_UNKNOWN, key, "unknown key %s; did you mean %s?", shown, near);
	else
		report(fm, RULE_FRONTMATTER_UNKNOWN, key,
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
			report(fm, RULE_FRONTMATTER_TYPE, key, "a key that is %s; expected a key name such as title",
			       yaml_kind_name(key));
			continue;
		}
		if (first[i] != i) {
			yaml_node_t *first_key, *first_value;
			yaml_map_entry(fm->yaml, map, first[i], &first_key, &first_value);
			char *shown = yaml_shown(key);
			report(fm, RULE_FRONTMATTER_DUPLICATE, key, "key %s is given twice; first at line %d",
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
		if (!is_empty(value))
			known->check(fm, known->name, value);
	}
	free(first);
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
	for (size_t i = 0; i < nrequired; i++) {
		const struct known_key *known = find_known(required[i]);
		const char *holds = known ? known->holds : "a value";
		yaml_node_t *key = NULL;
		yaml_node_t *value = map ? yaml_map_get(fm->yaml, map, required[i], &key) : NULL;
		if (!key)
			diag_add(&fm->doc->diags, RULE_FRONTMATTER_REQUIRED, fm->closing_line, 1,
				 "required key %s is missing; expected %s: with %s", required[i],
				 required[i], holds);
		else if (is_empty(value))
			report(fm, RULE_FRONTMATTER_REQUIRED, key, "required key %s is empty; expected %s",
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
		report(&fm, RULE_FRONTMATTER_TYPE, root,
		       "front matter is %s; expected a mapping of keys such as title: and id:",
		       yaml_kind_name(root));
		yaml_document_delete(&yaml);
		return;
	}
	if (root && root->type == YAML_MAPPING_NODE)
		check_entries(&fm, root);
	check_required(&fm, root && root->type == YAML_MAPPING_NODE ? root : NULL);
	yaml_document_delete(&yaml);
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
		struct buf keys = {0};
		for (size_t i = 0; config && i < config->nrequired_front_matter; i++)
			buf_printf(&keys, "%s%s:", i ? ", " : "", config->required_front_matter[i]);
		diag_add(&doc->diags, RULE_FRONTMATTER_MISSING, 1, 1,
			 "no front matter; expected the file to start with a --- line, then the keys "
			 "(%s), then a closing --- line",
			 keys.len ? keys.data : "title:, id:, …");
		buf_free(&keys);
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
