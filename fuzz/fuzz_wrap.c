/* fuzz_wrap.c — any bytes through wrap_text (textwidth.h), the line breaking
 * of every plain-text output (SPEC §9). The first byte sets the width (0..127,
 * so widths narrower than the indent are fuzzed too), the second the indents;
 * the rest is the text, newlines made spaces (wrap_text takes one paragraph).
 *
 * What must hold, checked here (abort on a violation):
 * - no text is lost, added or reordered: the lines without their indents and
 *   spaces are the input without its spaces (invalid bytes and NUL shown as
 *   U+FFFD, as wrap_text documents);
 * - the output is valid UTF-8, each line ends with '\n' and begins with its
 *   indent, and no line but the last ends with a space (spaces at a break
 *   are dropped; a text that fits on one line is written as it is);
 * - clreq: no line but the first begins with a closing mark, no line but the
 *   last ends with an opening one (the marks as the lists below; textwidth.c's
 *   own lists are wider, so these are a subset it must honour). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "textwidth.h"
#include "util.h"

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

static bool in_list(uint32_t cp, const uint32_t *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == cp)
			return true;
	return false;
}

/* ，。、；：？！）》」』】 and their ASCII kin */
static const uint32_t closing[] = {')', ',', '.', ';', ':', '?', '!', 0xFF0C, 0x3002, 0x3001, 0xFF1B,
				   0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D, 0x300F, 0x3011};
/* （《「『【 */
static const uint32_t opening[] = {'(', 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010};

static const char *const indents[] = {"", "\xE3\x80\x80\xE3\x80\x80", "  ", "（一）", "1. ",
				      "\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80"};
enum { NINDENTS = sizeof indents / sizeof *indents };

/* Appends the visible code points of s[0..n) to out (invalid bytes and NUL as
 * U+FFFD). */
static void visible(const char *s, size_t n, uint32_t **out, size_t *count, size_t *cap)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0 || cp == 0)
			cp = 0xFFFD, len = 1;
		if (!is_space(cp))
			ARRAY_PUSH(*out, *count, *cap, cp);
		i += len;
	}
}

static uint32_t first_cp(const char *s, size_t n)
{
	uint32_t cp = 0;
	return utf8_decode(s, n, &cp) ? cp : 0;
}

static uint32_t last_cp(const char *s, size_t n)
{
	size_t at = n;
	while (at > 0 && ((unsigned char)s[at - 1] & 0xC0) == 0x80)
		at--;
	return at > 0 ? first_cp(s + at - 1, n - at + 1) : 0;
}

static void check_lines(const char *out, const char *first_indent, const char *indent,
			uint32_t **seen, size_t *nseen, size_t *cap)
{
	size_t total = strlen(out);
	if (utf8_first_invalid(out, total) != (size_t)-1 || (total > 0 && out[total - 1] != '\n'))
		abort();
	bool first = true;
	for (const char *line = out; *line;) {
		const char *end = strchr(line, '\n');
		const char *prefix = first ? first_indent : indent;
		size_t plen = strlen(prefix), n = (size_t)(end - line);
		if (n > plen || (n == plen && plen > 0)) { /* text, or the indent alone (all of the text was spaces) */
			if (memcmp(line, prefix, plen) != 0)
				abort();
			const char *text = line + plen;
			size_t tn = n - plen;
			uint32_t head = first_cp(text, tn), tail = last_cp(text, tn);
			if (is_space(tail) && end[1] != '\0')
				abort();
			if (!first && in_list(head, closing, sizeof closing / sizeof *closing))
				abort();
			if (end[1] != '\0' && in_list(tail, opening, sizeof opening / sizeof *opening))
				abort();
			visible(text, tn, seen, nseen, cap);
		} else if (n > 0) {
			abort(); /* a line cut inside its indent */
		}
		first = false;
		line = end + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int width = data[0] % 128;
	const char *first_indent = indents[data[1] % NINDENTS];
	const char *indent = indents[data[1] / NINDENTS % NINDENTS];
	size_t n = size - 2;
	char *text = xmalloc(n + 1);
	memcpy(text, data + 2, n);
	for (size_t i = 0; i < n; i++)
		if (text[i] == '\n')
			text[i] = ' ';

	char *out = wrap_text(text, n, width, first_indent, indent);
	uint32_t *want = NULL, *seen = NULL;
	size_t nwant = 0, nseen = 0, want_cap = 0, seen_cap = 0;
	visible(text, n, &want, &nwant, &want_cap);
	check_lines(out, first_indent, indent, &seen, &nseen, &seen_cap);
	if (nwant != nseen || (nwant && memcmp(want, seen, nwant * sizeof *want) != 0))
		abort();
	free(want);
	free(seen);
	free(out);
	free(text);
	return 0;
}
