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
	/* NO_COLOR (no-color.org) set to anything; a terminal that says it cannot. */
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	return isatty(STDERR_FILENO) && (no_color == NULL || no_color[0] == '\0') &&
	       (term == NULL || strcmp(term, "dumb") != 0);
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
	size_t x;          /* display column where it starts, 0-based */
	int width;
};

/* A source line split once for all the diagnostics that point into it. */
struct shown_line {
	const struct document *doc;
	int number;
	const char *text;
	struct shown_char *chars;
	size_t count, cap;
	size_t width; /* of the whole line */
};

static const char replacement_char[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* C0 and C1 control characters and DEL. */
static bool is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}
static const char tab_spaces[] = "        ";

/* Splits a source line into the characters shown: tabs expanded to the next
 * tab stop, invalid bytes and control characters as U+FFFD, so the terminal
 * shows what the caret counts. */
static void split_line(struct shown_line *sl, const char *s, size_t n)
{
	sl->text = s;
	sl->count = 0;
	size_t x = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t step = utf8_decode(s + i, n - i, &cp);
		struct shown_char c = {i, step, NULL, x, 0};
		if (step == 0) {
			c.replacement = replacement_char, c.len = 0, c.width = 1;
			step = 1;
		} else if (cp == '\t') {
			c.width = TAB_STOP - (int)(x % TAB_STOP);
			c.replacement = tab_spaces + (TAB_STOP - c.width), c.len = 0;
		} else if (is_control(cp)) {
			c.replacement = replacement_char, c.len = 0, c.width = 1;
		} else {
			c.width = (int)text_width(s + i, step);
		}
		x += (size_t)c.width;
		ARRAY_PUSH(sl->chars, sl->count, sl->cap, c);
		i += step;
	}
	sl->width = x;
}

static void put_shown(struct buf *out, const char *line, const struct shown_char *c)
{
	if (c->len > 0)
		buf_put(out, line + c->off, c->len);
	else
		buf_puts(out, c->replacement);
}

/* The first character that ends after display column `x`. */
static size_t char_ending_after(const struct shown_line *sl, size_t x)
{
	size_t lo = 0, hi = sl->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sl->chars[mid].x + (size_t)sl->chars[mid].width <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The source line and a caret under column `col` (code points), each line
 * beginning with a space as SPEC §2 asks of context lines. A long line is cut
 * to a window that keeps the caret in view. */
static void put_context(struct buf *out, struct shown_line *sl, const struct document *doc,
			const struct diag *d, const struct palette *p)
{
	if (d->line < 1 || (size_t)d->line > doc->nlines)
		return;
	if (sl->doc != doc || sl->number != d->line) {
		size_t n = 0;
		const char *text = document_line(doc, d->line, &n);
		split_line(sl, text ? text : "", text ? n : 0);
		sl->doc = doc;
		sl->number = d->line;
	}
	if (sl->count == 0)
		return;
	size_t caret_index = (size_t)d->col - 1;
	if (caret_index > sl->count)
		caret_index = sl->count;
	size_t caret_x = caret_index < sl->count ? sl->chars[caret_index].x : sl->width;

	size_t first = 0;
	if (sl->width > CONTEXT_MAX_WIDTH && caret_x > CONTEXT_LEAD)
		first = char_ending_after(sl, caret_x - CONTEXT_LEAD);
	if (caret_index > 2 * CONTEXT_MAX_WIDTH && first < caret_index - 2 * CONTEXT_MAX_WIDTH)
		first = caret_index - 2 * CONTEXT_MAX_WIDTH;
	bool cut_left = first > 0;
	size_t start_x = first < sl->count ? sl->chars[first].x : sl->width;
	buf_putc(out, ' ');
	if (cut_left)
		buf_puts(out, "...");
	size_t last = first;
	/* The count limit stops lines of zero-width characters too. */
	for (; last < sl->count; last++) {
		const struct shown_char *c = &sl->chars[last];
		bool past_caret = last > caret_index;
		if (past_caret && (c->x + (size_t)c->width - start_x > CONTEXT_MAX_WIDTH ||
				   last - first >= 4 * CONTEXT_MAX_WIDTH))
			break;
		put_shown(out, sl->text, c);
	}
	if (last < sl->count)
		buf_puts(out, "...");
	buf_putc(out, '\n');

	buf_putc(out, ' ');
	buf_put_repeat(out, " ", 1, (cut_left ? 3 : 0) + caret_x - start_x);
	buf_printf(out, "%s^%s\n", p->caret, p->reset);
}

/* A path or message on the diagnostic's one line: a line break, a carriage
 * return or an escape sequence (from a file name or a quoted front-matter
 * value) would break the line's form or reach the terminal, so control
 * characters but the tab are shown as U+FFFD. Other bytes pass unchanged: a
 * file name is shown as the user gave it, in whatever encoding. */
static void put_one_line(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t step = utf8_decode(s + i, n - i, &cp);
		if (step == 0) {
			buf_putc(out, s[i++]);
			continue;
		}
		if (cp != '\t' && is_control(cp))
			buf_puts(out, replacement_char);
		else
			buf_put(out, s + i, step);
		i += step;
	}
}

static void report_text(const struct corpus *corpus, struct buf *out, const struct palette *p)
{
	struct shown_line line = {0};
	for (size_t i = 0; i < corpus->ndocs; i++) {
		const struct document *doc = corpus->docs[i];
		for (size_t k = 0; k < doc->diags.n; k++) {
			const struct diag *d = &doc->diags.v[k];
			buf_puts(out, p->path);
			put_one_line(out, doc->path);
			buf_printf(out, ":%d:%d:%s %s%s:%s ", d->line, d->col, p->reset,
				   severity_color(p, d->severity), severity_name(d->severity), p->reset);
			put_one_line(out, d->message);
			buf_printf(out, " [%s]\n", rule_table[d->rule].id);
			put_context(out, &line, doc, d, p);
		}
	}
	free(line.chars);
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
