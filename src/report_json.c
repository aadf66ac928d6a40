/* report_json.c — diagnostics as a JSON array and as a SARIF 2.1.0 log
 * (SPEC §2). Both are written by hand with one string escaper: the output is
 * small, fixed in shape and must be byte-identical from run to run. */
#include "report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "version.h"

void json_put_string(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	buf_putc(out, '"');
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t step = utf8_decode(s + i, n - i, &cp);
		if (step == 0) {
			buf_puts(out, "\\ufffd");
			i++;
			continue;
		}
		switch (cp) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\t': buf_puts(out, "\\t"); break;
		default:
			if (cp < 0x20 || cp == 0x7F)
				buf_printf(out, "\\u%04x", (unsigned)cp);
			else
				buf_put(out, s + i, step);
			break;
		}
		i += step;
	}
	buf_putc(out, '"');
}

void report_json(const struct corpus *corpus, struct buf *out)
{
	bool first = true;
	buf_putc(out, '[');
	for (size_t i = 0; i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		for (size_t k = 0; k < doc->diags.n; k++) {
			const struct diag *d = &doc->diags.v[k];
			buf_puts(out, first ? "\n  {\"file\": " : ",\n  {\"file\": ");
			first = false;
			json_put_string(out, doc->path);
			buf_printf(out, ", \"line\": %d, \"column\": %d, \"severity\": \"%s\", \"rule\": ",
				   d->line, d->col, severity_name(d->severity));
			json_put_string(out, rule_table[d->rule].id);
			buf_puts(out, ", \"message\": ");
			json_put_string(out, d->message);
			buf_putc(out, '}');
		}
	}
	buf_puts(out, first ? "]\n" : "\n]\n");
}

/* SARIF levels are the severity names, except that a note is "note" too. */
static const char *sarif_level(enum severity sev)
{
	switch (sev) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_NOTE: return "note";
	case SEV_OFF: break;
	}
	return "none";
}

static bool uri_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

/* A relative path stays a relative reference; an absolute one becomes a
 * file: URI. Every byte outside the unreserved set is percent-encoded, so
 * Chinese file names survive byte for byte. */
static char *path_to_uri(const char *path)
{
	struct buf uri = {0};
	if (path[0] == '/')
		buf_puts(&uri, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (uri_unreserved(*p))
			buf_putc(&uri, (char)*p);
		else
			buf_printf(&uri, "%%%02X", *p);
	}
	return buf_take(&uri);
}

static void sarif_rules(struct buf *out)
{
	for (int r = 0; r < RULE_COUNT; r++) {
		buf_puts(out, r == 0 ? "\n            {\"id\": " : ",\n            {\"id\": ");
		json_put_string(out, rule_table[r].id);
		buf_puts(out, ", \"shortDescription\": {\"text\": ");
		json_put_string(out, rule_table[r].summary);
		buf_printf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
			   sarif_level(rule_table[r].severity));
	}
}

static void sarif_result(struct buf *out, const struct document *doc, const struct diag *d)
{
	buf_puts(out, "{\"ruleId\": ");
	json_put_string(out, rule_table[d->rule].id);
	buf_printf(out, ", \"ruleIndex\": %d, \"level\": \"%s\", \"message\": {\"text\": ",
		   (int)d->rule, sarif_level(d->severity));
	json_put_string(out, d->message);
	buf_puts(out, "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
	char *uri = path_to_uri(doc->path);
	json_put_string(out, uri);
	free(uri);
	buf_printf(out, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d}}}]}", d->line, d->col);
}

void report_sarif(const struct corpus *corpus, struct buf *out)
{
	buf_puts(out, "{\n"
		      "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		      "  \"version\": \"2.1.0\",\n"
		      "  \"runs\": [\n"
		      "    {\n"
		      "      \"tool\": {\n"
		      "        \"driver\": {\n"
		      "          \"name\": \"policyc\",\n"
		      "          \"version\": \"" POLICYC_VERSION "\",\n"
		      "          \"informationUri\": \"" POLICYC_HOME_URI "\",\n"
		      "          \"rules\": [");
	sarif_rules(out);
	/* Our columns count code points, not SARIF's default UTF-16 code units. */
	buf_puts(out, "\n          ]\n"
		      "        }\n"
		      "      },\n"
		      "      \"columnKind\": \"unicodeCodePoints\",\n"
		      "      \"results\": [");
	bool first = true;
	for (size_t i = 0; i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		for (size_t k = 0; k < doc->diags.n; k++) {
			buf_puts(out, first ? "\n        " : ",\n        ");
			first = false;
			sarif_result(out, doc, &doc->diags.v[k]);
		}
	}
	buf_puts(out, first ? "]\n" : "\n      ]\n");
	buf_puts(out, "    }\n"
		      "  ]\n"
		      "}\n");
}
