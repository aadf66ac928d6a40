/* frontmatter_values.c — the value each front matter key of SPEC §3 must
 * hold: strings, ids, real dates, the known statuses and schemes, lists. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter_values.h"
#include "util.h"

void fm_report(struct fm *fm, enum rule rule, const yaml_node_t *at, const char *fmt, ...)
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
	fm_report(fm, RULE_FRONTMATTER_TYPE, value, "%s is %s; expected %s", key,
	          yaml_kind_name(value), expected);
}

bool fm_is_empty(const yaml_node_t *node)
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

/* An id names output files (ID.html, and .ID.html.XXXXXX while it is
 * written), which must fit in a file name of 255 bytes. */
enum { ID_MAX_LENGTH = 100 };

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

static char *text_value(struct fm *fm, const char *key, const yaml_node_t *value,
			const char *expected)
{
	if (value->type != YAML_SCALAR_NODE) {
		report_wrong_kind(fm, key, value, expected);
		return NULL;
	}
	if (has_nul(value)) {
		/* read as a C string it would end at the NUL, unseen */
		char *shown = yaml_shown(value);
		fm_report(fm, RULE_FRONTMATTER_TYPE, value, "%s %s holds a NUL character (\\0); expected %s", key,
		          shown, expected);
		free(shown);
		return NULL;
	}
	return xstrdup(yaml_scalar(value));
}

static void replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

void fm_check_title(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *title = text_value(fm, key, value, "a string, the policy's name");
	if (!title)
		return;
	replace(&fm->doc->meta.title, title);
	fm->doc->meta.title_line = yaml_line(value) + 1;
	fm->doc->meta.title_col = yaml_col(value);
}

void fm_check_owner(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *owner = text_value(fm, key, value, "a string, the department that drafts the policy");
	if (owner)
		replace(&fm->doc->meta.owner, owner);
}

void fm_check_approved_by(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *approver = text_value(fm, key, value, "a string, who approved the policy");
	if (approver)
		replace(&fm->doc->meta.approved_by, approver);
}

void fm_check_version(struct fm *fm, const char *key, const yaml_node_t *value)
{
	if (yaml_is_bool(value)) {
		fm_report(fm, RULE_FRONTMATTER_TYPE, value, "%s is the boolean %s; expected a version such as \"1.0\"",
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
	size_t length = utf8_count(yaml_scalar(value), strlen(yaml_scalar(value)));
	if (length > ID_MAX_LENGTH && id_chars_ok(yaml_scalar(value)) && !has_nul(value)) {
		char *shown = yaml_shown(value);
		fm_report(fm, RULE_FRONTMATTER_TYPE, value,
		          "%s %s is %zu characters long; expected a document number of at most %d, such as HR-001",
		          what, shown, length, ID_MAX_LENGTH);
		free(shown);
		return NULL;
	}
	if (!id_chars_ok(yaml_scalar(value)) || has_nul(value)) {
		char *shown = yaml_shown(value);
		fm_report(fm, RULE_FRONTMATTER_TYPE, value, "%s %s is not a valid document number; expected %s",
		          what, shown, expected);
		free(shown);
		return NULL;
	}
	return xstrdup(yaml_scalar(value));
}

void fm_check_id(struct fm *fm, const char *key, const yaml_node_t *value)
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
		fm_report(fm, RULE_FRONTMATTER_TYPE, value,
		          "%s %s is not a date of the form YYYY-MM-DD; expected a date such as 2024-01-01",
		          what, shown);
	else
		fm_report(fm, RULE_FRONTMATTER_TYPE, value,
		          "%s %s is not a real calendar date; expected a date that exists", what, shown);
	free(shown);
	return NULL;
}

void fm_check_effective(struct fm *fm, const char *key, const yaml_node_t *value)
{
	char *date = date_value(fm, key, value);
	if (date)
		replace(&fm->doc->meta.effective, date);
}

static const char *const statuses[] = {"draft", "active", "superseded", "repealed"};

void fm_check_status(struct fm *fm, const char *key, const yaml_node_t *value)
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
	fm_report(fm, RULE_FRONTMATTER_TYPE, value, "status %s is not known; expected %s", shown, expected);
	free(shown);
}

void fm_check_scheme(struct fm *fm, const char *key, const yaml_node_t *value)
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
		fm_report(fm, RULE_FRONTMATTER_TYPE, value, "scheme %s is not known; expected %s", shown,
		          expected);
		free(shown);
		return;
	}
	fm->doc->meta.scheme = scheme;
}

void fm_check_supersedes(struct fm *fm, const char *key, const yaml_node_t *value)
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

void fm_check_tags(struct fm *fm, const char *key, const yaml_node_t *value)
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
			fm_report(fm, RULE_FRONTMATTER_UNKNOWN, key,
			          "unknown revision key %s; %s%s%s", shown,
			          near ? "did you mean " : "expected version, date or note",
			          near ? near : "", near ? "?" : "");
			free(shown);
			continue;
		}
		if (seen[k]) {
			fm_report(fm, RULE_FRONTMATTER_DUPLICATE, key,
			          "revision key %s is given twice; first at line %d", name,
			          yaml_line(seen[k]) + 1);
			continue;
		}
		seen[k] = key;
		char *text = NULL;
		if (fm_is_empty(value))
			fm_report(fm, RULE_FRONTMATTER_TYPE, key, "revision %s is empty; expected %s", name,
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
			fm_report(fm, RULE_FRONTMATTER_TYPE, item, "revision has no %s; expected %s",
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

void fm_check_revisions(struct fm *fm, const char *key, const yaml_node_t *value)
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
