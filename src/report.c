/* report.c — diagnostics as text (SPEC §2, like a C compiler) and as GitHub
 * Actions workflow commands; json and sarif are in report_json.c. */
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "textwidth.h"

/* Source lines wider than this are shown as a window around the caret. */
enum { CONTEXT_MAX_WIDTH = 100, CONTEXT_LEAD = 40, TAB_STOP = 8 };

struct palette {
	const char *path, *error, *warning, *note, *caret, *reset;
};

static const struct palette colored = {"\033[1m", "\033[1;31m", "\033[1;35m", "\033[1;36m",
				       "\033[1;32m", "\033[0m"};
static const struct palette plain = {"", "", "", "", "", ""};

static bool use_color(enum color_mode mode)
{
	if (mode == COLOR_ALWAYS)
		return true;
	if (mode == COLOR_NEVER)
		return false;
	const char *no_color = getenv("NO_COLOR");
	return isatty(STDERR_FILENO) && (no_color == NULL || no_color[0] == '\0');
}

static const char *severity_color(const struct palette *p, enum severity sev)
{
	switch (sev) {
	case SEV_ERROR: return p->error;
	case SEV_WARNING: return p->warning;
	default: return p->note;
	}
}

/* One character of a source line as shown: its bytes, or a replacement. */
struct shown_char {
	size_t off, len;   /* bytes in the line; len 0: show `replacement` */
	const char *replacement;
	int width;
};

static const char replacement_char[] = "\xEF\xBF\xBD"; /* U+FFFD */
static const char tab_spaces[] = "        ";

/* Splits a source line into the characters shown: tabs expanded to the next
 * tab stop, invalid bytes and control characters as U+FFFD, so the terminal
 * shows what the caret counts. */
static struct shown_char *split_line(const char *s, size_t n, size_t *count)
{
	struct shown_char *v = NULL;
	size_t len = 0, cap = 0;
	size_t x = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t step = utf8_decode(s + i, n - i, &cp);
		struct shown_char c = {i, step, NULL, 0};
		if (step == 0) {
			c = (struct shown_char){i, 0, replacement_char, 1};
			step = 1;
		} else if (cp == '\t') {
			int spaces = TAB_STOP - (int)(x % TAB_STOP);
			c = (struct shown_char){i, 0, tab_spaces + (TAB_STOP - spaces), spaces};
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			c = (struct shown_char){i, 0, replacement_char, 1};
		} else {
			c.width = (int)text_width(s + i, step);
		}
		x += (size_t)c.width;
		ARRAY_PUSH(v, len, cap, c);
		i += step;
	}
	*count = len;
	return v;
}

static void put_shown(struct buf *out, const char *line, const struct shown_char *c)
{
	if (c->len > 0)
		buf_put(out, line + c->off, c->len);
	else
		buf_puts(out, c->replacement);
}

static void put_spaces(struct buf *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_putc(out, ' ');
}

/* The source line and a caret under column `col` (code points), each line
 * beginning with a space as SPEC §2 asks of context lines. */
static void put_context(struct buf *out, const struct document *doc, const struct diag *d,
			const struct palette *p)
{
	if (doc->nlines == 0 || d->line < 1 || (size_t)d->line > doc->nlines)
		return;
	size_t n = 0;
	const char *line = document_line(doc, d->line, &n);
	if (line == NULL || n == 0)
		return;
	size_t count = 0;
	struct shown_char *chars = split_line(line, n, &count);
	size_t caret_index = (size_t)d->col - 1;
	if (caret_index > count)
		caret_index = count;

	size_t caret_x = 0, total = 0;
	for (size_t i = 0; i < count; i++) {
		if (i < caret_index)
			caret_x += (size_t)chars[i].width;
		total += (size_t)chars[i].width;
	}
	/* A long line is cut to a window that keeps the caret in view. */
	size_t first = 0, x = 0;
	bool cut_left = false;
	if (total > CONTEXT_MAX_WIDTH && caret_x > CONTEXT_LEAD) {
		while (first < count && x + (size_t)chars[first].width <= caret_x - CONTEXT_LEAD)
			x += (size_t)chars[first++].width;
		cut_left = first > 0;
	}
	size_t start_x = x;
	buf_putc(out, ' ');
	if (cut_left)
		buf_puts(out, "...");
	size_t last = first;
	bool cut_right = false;
	for (; last < count; last++) {
		if (x - start_x + (size_t)chars[last].width > CONTEXT_MAX_WIDTH && last > caret_index) {
			cut_right = true;
			break;
		}
		put_shown(out, line, &chars[last]);
		x += (size_t)chars[last].width;
	}
	if (cut_right)
		buf_puts(out, "...");
	buf_putc(out, '\n');

	buf_putc(out, ' ');
	put_spaces(out, (cut_left ? 3 : 0) + caret_x - start_x);
	buf_printf(out, "%s^%s\n", p->caret, p->reset);
	free(chars);
}

static void report_text(const struct corpus *corpus, struct buf *out, const struct palette *p)
{
	for (size_t i = 0; i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		for (size_t k = 0; k < doc->diags.n; k++) {
			const struct diag *d = &doc->diags.v[k];
			buf_printf(out, "%s%s:%d:%d:%s %s%s:%s %s [%s]\n", p->path, doc->path, d->line,
				   d->col, p->reset, severity_color(p, d->severity),
				   severity_name(d->severity), p->reset, d->message, rule_table[d->rule].id);
			put_context(out, doc, d, p);
		}
	}
}

/* The actions toolkit's escaping: escapeData, and escapeProperty for the
 * key=value properties, which also escapes ':' and ','. */
static void github_escape(struct buf *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': buf_puts(out, "%25"); break;
		case '\r': buf_puts(out, "%0D"); break;
		case '\n': buf_puts(out, "%0A"); break;
		case ':': buf_puts(out, property ? "%3A" : ":"); break;
		case ',': buf_puts(out, property ? "%2C" : ","); break;
		default: buf_putc(out, *s); break;
		}
	}
}

static const char *github_command(enum severity sev)
{
	switch (sev) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	default: return "notice";
	}
}

static void report_github(const struct corpus *corpus, struct buf *out)
{
	for (size_t i = 0; i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		for (size_t k = 0; k < doc->diags.n; k++) {
			const struct diag *d = &doc->diags.v[k];
			buf_printf(out, "::%s file=", github_command(d->severity));
			github_escape(out, doc->path, true);
			buf_printf(out, ",line=%d,col=%d,title=", d->line, d->col);
			github_escape(out, rule_table[d->rule].id, true);
			buf_puts(out, "::");
			github_escape(out, d->message, false);
			buf_putc(out, '\n');
		}
	}
}

static void plural(struct buf *out, size_t n, const char *word)
{
	buf_printf(out, "%zu %s%s", n, word, n == 1 ? "" : "s");
}

static void put_summary(struct buf *out, const struct corpus *corpus, size_t errors,
			size_t warnings, size_t notes)
{
	plural(out, errors, "error");
	buf_puts(out, ", ");
	plural(out, warnings, "warning");
	if (notes > 0) {
		buf_puts(out, ", ");
		plural(out, notes, "note");
	}
	buf_puts(out, " in ");
	plural(out, corpus->ndocs, "file");
	buf_putc(out, '\n');
}

static void write_out(FILE *stream, struct buf *b)
{
	if (b->len > 0)
		fwrite(b->data, 1, b->len, stream);
	buf_free(b);
}

size_t report_diagnostics(const struct corpus *corpus)
{
	const struct options *options = corpus->options;
	size_t errors = 0, warnings = 0, notes = 0;
	for (size_t i = 0; i < corpus->ndocs; i++) {
		errors += diags_count(&corpus->docs[i]->diags, SEV_ERROR);
		warnings += diags_count(&corpus->docs[i]->diags, SEV_WARNING);
		notes += diags_count(&corpus->docs[i]->diags, SEV_NOTE);
	}

	struct buf out = {0};
	switch (options->format) {
	case FORMAT_TEXT:
		report_text(corpus, &out, use_color(options->color) ? &colored : &plain);
		break;
	case FORMAT_JSON: report_json(corpus, &out); break;
	case FORMAT_SARIF: report_sarif(corpus, &out); break;
	case FORMAT_GITHUB: report_github(corpus, &out); break;
	}
	/* Text is for people, next to the summary; the rest is for programs. */
	write_out(options->format == FORMAT_TEXT ? stderr : stdout, &out);
	if (!options->quiet) {
		put_summary(&out, corpus, errors, warnings, notes);
		write_out(stderr, &out);
	}
	return errors + (options->werror ? warnings : 0);
}
