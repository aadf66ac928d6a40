/* textwidth.h — display width (UAX #11) and line breaking (UAX #14 + clreq). */
#ifndef POLICYC_TEXTWIDTH_H
#define POLICYC_TEXTWIDTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* cp_width of the code points it does not tell at once (ICU's properties). */
int cp_width_by_properties(uint32_t cp);
/* Columns taken by one code point: 2 for East Asian Wide and Fullwidth, 0 for
 * combining marks and controls, 1 otherwise. Inline for the characters of
 * nearly every text, asked once a character by the line filling. */
static inline int cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	/* CJK Unified Ideographs: all East Asian Wide letters, the bulk of a policy */
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
	/* the punctuation around them: 、。〈〉《》「」『』【】〔〕 and the
	 * full-width forms （），：；！？ (all East Asian Wide or Fullwidth, none a
	 * mark; tests/unit/test_textwidth.c holds them to ICU's properties) */
	if ((cp >= 0x3000 && cp <= 0x3029) || (cp >= 0xFF01 && cp <= 0xFF60))
		return 2;
	return cp_width_by_properties(cp);
}
/* Columns taken by n bytes of UTF-8 text. */
size_t text_width(const char *s, size_t n);

/* Breaks UTF-8 text (no newlines) into lines of at most `width` display
 * columns, following UAX #14 break opportunities and the clreq prohibitions: no
 * line begins with a closing mark (，。、；：？！）》」』】…) and none ends with an
 * opening one (（《「『【…). A line exceeds the width only for a single
 * unbreakable token longer than it. `first_indent` and `indent` are prefixes
 * (e.g. two U+3000) written before the first and the following lines; their
 * width counts. Returns a NUL-terminated string of lines, each ended by '\n'. */
char *wrap_text(const char *text, size_t n, int width, const char *first_indent, const char *indent);
/* The same lines appended to out. */
struct buf;
void wrap_text_into(struct buf *out, const char *text, size_t n, int width, const char *first_indent,
		    const char *indent);
/* A prefix of wrapped lines with its length and columns, measured once for
 * all the texts written after it. */
struct wrap_prefix {
	const char *text;
	size_t len;
	long cols;
};
/* text (NULL: "") measured. */
struct wrap_prefix wrap_prefix(const char *text);
/* wrap_text_into with its prefixes measured. */
void wrap_text_prefixed(struct buf *out, const char *text, size_t n, int width, const struct wrap_prefix *first,
			const struct wrap_prefix *rest);
/* wrap_text without its one pass for plain Chinese text (ideographs, the
 * punctuation around them, digits): the lines of the general path, which the
 * one pass must give too. For tests. */
char *wrap_text_general(const char *text, size_t n, int width, const char *first_indent, const char *indent);
/* Columns of the widest line wrap_text(text, n, width, "", "") gives (at
 * width 1: the widest unbreakable token); text is not NULL. */
size_t wrap_widest_line(const char *text, size_t n, int width);
/* The UAX #14 opportunities wrap_text starts from, one flag per code point of
 * text (a line may begin there), with or without its shortcut for plain
 * Chinese text (icu_only: ICU's iterator alone). For tests. */
void text_break_opportunities(const char *text, size_t n, bool icu_only, bool *break_before);
#endif
