/* test_textwidth.c — display widths, and line wrapping against the clreq
 * prohibitions. The mark lists here are written out independently of
 * src/textwidth.c so that a mark dropped there is caught here. */
#include "textwidth.h"
#include "unit.h"
#include "util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <unicode/uchar.h>

#define IDEOGRAPHIC_SPACE "\xE3\x80\x80"
#define INDENT2 IDEOGRAPHIC_SPACE IDEOGRAPHIC_SPACE

static const char *const closing_marks[] = {
	"，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〉",
	"”", "’", "…", ",", ".", ";", ":", "?", "!", ")", "]", "～", "·",
};
static const char *const opening_marks[] = {
	"（", "《", "「", "『", "【", "〔", "〈", "“", "‘", "(", "[",
};

static bool in_list(const char *const *list, size_t count, uint32_t cp)
{
	for (size_t i = 0; i < count; i++) {
		uint32_t mark;
		utf8_decode(list[i], strlen(list[i]), &mark);
		if (mark == cp)
			return true;
	}
	return false;
}

static bool is_closing(uint32_t cp)
{
	return in_list(closing_marks, sizeof closing_marks / sizeof closing_marks[0], cp);
}

static bool is_opening(uint32_t cp)
{
	return in_list(opening_marks, sizeof opening_marks / sizeof opening_marks[0], cp);
}

/* The output split into lines, each without its '\n'. */
struct lines {
	char **line;
	size_t count, cap;
};

static struct lines split_lines(const char *text)
{
	struct lines l = {0};
	while (*text) {
		const char *end = strchr(text, '\n');
		if (end == NULL) {
			ARRAY_PUSH(l.line, l.count, l.cap, xstrdup(text)); /* unterminated: caught below */
			ARRAY_PUSH(l.line, l.count, l.cap, xstrdup("<no newline at end>"));
			break;
		}
		ARRAY_PUSH(l.line, l.count, l.cap, xstrndup(text, (size_t)(end - text)));
		text = end + 1;
	}
	return l;
}

static void free_lines(struct lines *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->line[i]);
	free(l->line);
}

static struct lines wrap_lines(const char *text, int width, const char *first, const char *rest)
{
	char *out = wrap_text(text, strlen(text), width, first, rest);
	struct lines l = split_lines(out);
	free(out);
	return l;
}

static char *joined(const struct lines *l)
{
	struct buf b = {0};
	for (size_t i = 0; i < l->count; i++) {
		buf_puts(&b, l->line[i]);
		buf_putc(&b, '|');
	}
	return buf_take(&b);
}

/* want: the lines separated by '|', each followed by one. */
static void check_wrap(const char *text, int width, const char *first, const char *rest, const char *want,
                       const char *what)
{
	struct lines l = wrap_lines(text, width, first, rest);
	char *got = joined(&l);
	CHECK_STR(got, want, "wrap at %d: %s", width, what);
	free(got);
	free_lines(&l);
}

static void check_widths(void)
{
	static const struct {
		uint32_t cp;
		int width;
		const char *what;
	} cases[] = {
		{'a', 1, "ASCII letter"},       {' ', 1, "ASCII space"},
		{0x4E2D, 2, "中"},              {0x3002, 2, "。"},
		{0xFF21, 2, "full-width Ａ"},   {0xFF0C, 2, "full-width ，"},
		{0x3000, 2, "ideographic space"}, {0x0301, 0, "combining acute"},
		{0x20DD, 0, "enclosing circle"}, {0x200B, 0, "zero width space"},
		{0x0009, 0, "tab (control)"},   {0x00E9, 1, "é"},
		{0x201C, 1, "“ (ambiguous)"},   {0xFF61, 1, "half-width ｡"},
		{0x20000, 2, "CJK extension B"}, {0x1F600, 2, "emoji"},
		{0xAC00, 2, "Hangul syllable"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK(cp_width(cases[i].cp) == cases[i].width, "cp_width U+%04X %s = %d (got %d)",
		      (unsigned)cases[i].cp, cases[i].what, cases[i].width, cp_width(cases[i].cp));
	CHECK(text_width("中文ab", strlen("中文ab")) == 6, "text_width 中文ab = 6");
	CHECK(text_width("e\xCC\x81", 3) == 1, "text_width e + combining acute = 1");
	CHECK(text_width(INDENT2, strlen(INDENT2)) == 4, "text_width two U+3000 = 4");
	CHECK(text_width("a\xFF\xC3", 3) == 3, "text_width counts invalid bytes one column each");
	CHECK(text_width("中文", 4) == 3, "text_width of a cut sequence: 中 + 1 invalid byte");
	CHECK(text_width("", 0) == 0, "text_width of nothing = 0");
}

static void check_plain_wrapping(void)
{
	check_wrap("为加强公司内部沟通提高工作效率特制定本制度", 10, "", "",
	           "为加强公司|内部沟通提|高工作效率|特制定本制|度|", "pure Chinese, five per line");
	check_wrap("为加强公司内部沟通提高工作效率特制定本制度", 11, "", "",
	           "为加强公司|内部沟通提|高工作效率|特制定本制|度|", "odd width leaves a column");
	check_wrap("为加强公司内部沟通，提高工作效率，特制定本制度。", 20, "", "",
	           "为加强公司内部沟通，|提高工作效率，特制定|本制度。|", "a comma that fits ends the line");
	check_wrap("本制度自2026年1月1日起施行，由人力资源部（Human Resources Department）负责解释。", 20, "", "",
	           "本制度自2026年1月1日|起施行，由人力资源部|（Human Resources|Department）负责解|释。|",
	           "Latin words and numbers are not split");
	check_wrap("Employees shall report within 3 working days.", 16, "", "",
	           "Employees shall|report within 3|working days.|", "spaces at breaks are dropped");
	check_wrap("第一条　本制度适用于公司全体员工。", 8, "", "", "第一条|本制度适|用于公司|全体员|工。|",
	           "an ideographic space at a break is dropped");
}

/* The natural break would put the mark first on the next line: the last
 * character of the line goes down with it. */
static void check_closing_marks_at_break(void)
{
	for (size_t i = 0; i < sizeof closing_marks / sizeof closing_marks[0]; i++) {
		char *text = xasprintf("一二三四五%s六七八", closing_marks[i]);
		char *want = xasprintf("一二三四|五%s六七八|", closing_marks[i]);
		check_wrap(text, 10, "", "", want, closing_marks[i]);
		free(text);
		free(want);
	}
	/* more than one mark in a row goes down together */
	check_wrap("一二三四五）。六七八", 10, "", "", "一二三四|五）。六七|八|", "）。 together");
	check_wrap("一二三四）。六七八", 10, "", "", "一二三|四）。六七|八|", "）。 on the limit");
	check_wrap("一二三四五……六七八九", 10, "", "", "一二三四|五……六七八|九|", "an ellipsis (narrow)");
	check_wrap("一二三四五 。六七八", 10, "", "", "一二三四|五 。六七|八|", "a space before the mark");
	check_wrap("一二三四 　，六七", 10, "", "", "一二三|四 　，六|七|", "spaces of two kinds before the mark");
}

/* The natural break would leave the mark last on the line: it goes down. */
static void check_opening_marks_at_break(void)
{
	for (size_t i = 0; i < sizeof opening_marks / sizeof opening_marks[0]; i++) {
		/* wide marks fill columns 9-10, narrow ones column 9 with no room for 五 */
		const char *mark = opening_marks[i];
		char *text = xasprintf("一二三四%s五六七八", mark);
		char *want = xasprintf("一二三四|%s五六七八|", mark);
		check_wrap(text, 10, "", "", want, mark);
		free(text);
		free(want);
	}
	check_wrap("一二三「《五六七八", 10, "", "", "一二三|「《五六七|八|", "「《 together");
	check_wrap("一二三四（ 五六七八", 10, "", "", "一二三四|（ 五六七|八|", "a space after the mark");
}

static void check_indents(void)
{
	check_wrap("为加强公司内部沟通提高工作效率", 10, INDENT2, "", INDENT2 "为加强|公司内部沟|通提高工作|效率|",
	           "two U+3000 on the first line only");
	check_wrap("为加强公司内部沟通提高工作效率", 10, INDENT2, INDENT2,
	           INDENT2 "为加强|" INDENT2 "公司内|" INDENT2 "部沟通|" INDENT2 "提高工|" INDENT2 "作效率|",
	           "two U+3000 on every line");
	check_wrap("一二三四。五六", 12, INDENT2, INDENT2, INDENT2 "一二三|" INDENT2 "四。五六|",
	           "a closing mark after an indent");
	check_wrap("一二三（四五六七", 12, INDENT2, INDENT2, INDENT2 "一二三|" INDENT2 "（四五六|" INDENT2 "七|",
	           "an opening mark after an indent");
}

static void check_long_token(void)
{
	check_wrap("详见https://example.com/averyveryveryveryverylongpathname_0123456789，以此为准。", 20, "", "",
	           "详见https://|example.com/|averyveryveryveryverylongpathname_0123456789，|以此为准。|",
	           "a long URL overflows only with its unbreakable tail (and the comma after it)");
	check_wrap("abcdefghij", 4, "", "", "abcdefghij|", "one token is never cut");
}

static void check_hostile(void)
{
	char *out = wrap_text("", 0, 72, INDENT2, INDENT2);
	CHECK_STR(out, "", "empty text gives no lines");
	free(out);
	out = wrap_text("   " IDEOGRAPHIC_SPACE, 6, 72, "", "");
	CHECK_STR(out, "", "spaces only give no lines");
	free(out);
	out = wrap_text(IDEOGRAPHIC_SPACE IDEOGRAPHIC_SPACE, 6, 72, ">", ">");
	CHECK_STR(out, "", "ideographic spaces alone give no line either, not the indent alone");
	free(out);
	out = wrap_text(NULL, 0, 72, NULL, NULL);
	CHECK_STR(out, "", "NULL text and indents");
	free(out);
	check_wrap("一二三", 1, "", "", "一|二|三|", "width 1: one character a line");
	check_wrap("一二三", 0, "", "", "一|二|三|", "width 0");
	check_wrap("一二三", -5, "", "", "一|二|三|", "negative width");
	check_wrap("一二三", 2, INDENT2, INDENT2, INDENT2 "一|" INDENT2 "二|" INDENT2 "三|",
	           "width below the indent: one break unit a line");
	check_wrap("a\xFF" "b\xC3", 10, "", "", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD|", "invalid UTF-8 becomes U+FFFD");
	/* an ideograph's lead bytes, without the bytes that must follow them,
	 * are no ideograph */
	check_wrap("一\xE4\xB8" "1", 10, "", "", "一\xEF\xBF\xBD\xEF\xBF\xBD" "1|", "E4 B8 before a digit: two U+FFFD");
	check_wrap("一\xE5" "1\x80", 10, "", "", "一\xEF\xBF\xBD" "1\xEF\xBF\xBD|", "E5 before a digit: U+FFFD");
	CHECK(text_width("\xE4\xB8" "1", 3) == 3 && text_width("\xE5" "1\x80", 3) == 3,
	      "text_width: an ideograph's lead bytes before a digit are a column each");
	out = wrap_text("a\0b", 3, 10, "", "");
	CHECK_STR(out, "a\xEF\xBF\xBD" "b\n", "NUL becomes U+FFFD");
	free(out);
	out = wrap_text("一二三", 4, 72, "", ""); /* n cuts 二 */
	CHECK_STR(out, "一\xEF\xBF\xBD\n", "n stops reading inside a character");
	free(out);
	check_wrap("第一条\n第二条", 72, "", "", "第一条|第二条|", "a newline is a hard break");
	check_wrap("（（（（（（（（（（（（", 4, "", "", "（（（（（（（（（（（（|", "only opening marks: one line");
	check_wrap("。。。。。。。。。。。。", 4, "", "", "。。。。。。。。。。。。|", "only closing marks: one line");
}

struct rng {
	uint64_t state;
};

static uint32_t rng_next(struct rng *r)
{
	r->state ^= r->state << 13;
	r->state ^= r->state >> 7;
	r->state ^= r->state << 17;
	return (uint32_t)(r->state >> 16);
}

/* Joining the lines (indents removed) gives the text back, except for spaces
 * dropped where a line ends. */
static bool rejoins(const struct lines *l, const char *text, const char *first, const char *rest)
{
	size_t pos = 0, len = strlen(text);
	for (size_t i = 0; i < l->count; i++) {
		const char *prefix = i == 0 ? first : rest;
		const char *line = l->line[i];
		if (!str_starts_with(line, prefix))
			return false;
		line += strlen(prefix);
		if (i > 0)
			while (text[pos] == ' ' || str_starts_with(text + pos, IDEOGRAPHIC_SPACE))
				pos += text[pos] == ' ' ? 1 : 3;
		size_t n = strlen(line);
		if (pos + n > len || memcmp(text + pos, line, n) != 0)
			return false;
		pos += n;
	}
	while (text[pos] == ' ' || str_starts_with(text + pos, IDEOGRAPHIC_SPACE))
		pos += text[pos] == ' ' ? 1 : 3;
	return pos == len;
}

static uint32_t first_cp(const char *s)
{
	uint32_t cp = 0;
	utf8_decode(s, strlen(s), &cp);
	return cp;
}

static uint32_t last_cp(const char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	uint32_t cp = 0;
	if (i > 0)
		utf8_decode(s + i - 1, n - i + 1, &cp);
	return cp;
}

/* One line's checks: width, no closing mark first, no opening mark last.
 * Returns a reason or NULL. */
static const char *line_fault(const char *line, const char *prefix, int width, const char *const *tokens,
                              size_t token_count, bool first_of_text, bool last_of_text)
{
	const char *content = line + strlen(prefix);
	if ((int)text_width(line, strlen(line)) > width) {
		bool one_token = false;
		for (size_t t = 0; t < token_count; t++) {
			size_t n = strlen(tokens[t]);
			/* the token may carry the closing marks that follow it */
			if (strncmp(content, tokens[t], n) == 0) {
				const char *tail = content + n;
				one_token = true;
				while (*tail) {
					uint32_t cp;
					size_t step = utf8_decode(tail, strlen(tail), &cp);
					if (step == 0 || !is_closing(cp))
						one_token = false;
					tail += step ? step : 1;
				}
			}
		}
		if (!one_token)
			return "wider than the limit";
	}
	if (*content == '\0')
		return "empty line";
	if (!first_of_text && is_closing(first_cp(content)))
		return "begins with a closing mark";
	if (!last_of_text && is_opening(last_cp(content)))
		return "ends with an opening mark";
	return NULL;
}

static const char long_token[] = "averyveryveryveryveryveryveryveryveryveryverylongpathname_without_breaks_"
                                 "0123456789abcdefghijklmnopqrstuvwxyz";

static const char *const mixed_paragraph =
	"第三条　为规范公司内部沟通（包括书面、口头及电子邮件等形式），提高工作效率，"
	"依据《中华人民共和国劳动合同法》及公司章程，制定本制度。员工应当于每月5日前"
	"提交上月工作呈报（见附件一“工作呈报”），部门负责人应在3个工作日内给予答复；"
	"逾期未答复的，视为同意。Employees working in the Shanghai office shall also "
	"follow the Employee Handbook (2026 edition), section 4.2: \"Internal communication\"。"
	"详细规定请访问https://intranet.example.com/";

static void check_sweep(void)
{
	char *text = xasprintf("%s%s。本制度由人力资源部负责解释，自2026年1月1日起施行！其他未尽事宜，"
	                       "按《员工手册》第十二条、第十三条的规定执行……如有疑问，请联系【行政部】。",
	                       mixed_paragraph, long_token);
	const char *const tokens[] = {long_token, "intranet.example.com/"};
	static const struct {
		const char *first, *rest;
	} indents[] = {{"", ""}, {INDENT2, ""}, {INDENT2, INDENT2}};
	size_t faults = 0, lines_checked = 0;
	for (size_t k = 0; k < sizeof indents / sizeof indents[0]; k++) {
		for (int width = 20; width <= 100; width++) {
			struct lines l = wrap_lines(text, width, indents[k].first, indents[k].rest);
			if (!rejoins(&l, text, indents[k].first, indents[k].rest) && ++faults <= 5)
				printf("  width %d indent %zu: lines do not join back to the text\n", width, k);
			for (size_t i = 0; i < l.count; i++, lines_checked++) {
				const char *prefix = i == 0 ? indents[k].first : indents[k].rest;
				const char *why = line_fault(l.line[i], prefix, width, tokens, 2, i == 0, i + 1 == l.count);
				if (why && ++faults <= 5)
					printf("  width %d indent %zu line %zu [%s]: %s\n", width, k, i + 1, l.line[i], why);
			}
			free_lines(&l);
		}
	}
	CHECK(faults == 0 && lines_checked > 1000,
	      "widths 20..100 x 3 indents: %zu lines, every one within width, no mark misplaced, text rejoins (%zu faults)",
	      lines_checked, faults);
	free(text);
}

/* Random strings over a troublesome alphabet: termination, valid UTF-8, the
 * prohibitions, and the text coming back. */
static void check_random(void)
{
	static const char *const alphabet[] = {
		"中", "文", "字", "，", "。", "（", "）", "《", "》", "“", "”", "、", "…", " ",
		IDEOGRAPHIC_SPACE, "a", "b", "word", "12", ",", ".", "(", ")", "-", "/", "\xCC\x81", "https://x.y/",
	};
	struct rng rng = {0x9E3779B97F4A7C15ull};
	size_t faults = 0;
	for (int round = 0; round < 3000; round++) {
		struct buf b = {0};
		buf_puts(&b, "中"); /* the text starts and ends with a letter, so no edge excuses */
		int length = (int)(rng_next(&rng) % 60);
		for (int i = 0; i < length; i++)
			buf_puts(&b, alphabet[rng_next(&rng) % (sizeof alphabet / sizeof alphabet[0])]);
		buf_puts(&b, "文");
		int width = (int)(rng_next(&rng) % 30) - 2;
		struct lines l = wrap_lines(b.data, width, "", "");
		bool ok = rejoins(&l, b.data, "", "");
		for (size_t i = 0; ok && i < l.count; i++) {
			if (utf8_first_invalid(l.line[i], strlen(l.line[i])) != (size_t)-1)
				ok = false;
			else if (i > 0 && is_closing(first_cp(l.line[i])))
				ok = false;
			else if (i + 1 < l.count && is_opening(last_cp(l.line[i])))
				ok = false;
		}
		if (!ok && ++faults <= 3) {
			char *got = joined(&l);
			printf("  width %d [%s] -> [%s]\n", width, b.data, got);
			free(got);
		}
		free_lines(&l);
		buf_free(&b);
	}
	CHECK(faults == 0, "3000 random strings: valid lines, marks in place, text rejoins (%zu faults)", faults);
}

/* Whether the opportunities wrap_text takes for text are ICU's; where not,
 * says so when `show`. */
static bool shortcut_agrees(const char *text, size_t len, bool show)
{
	size_t count = utf8_count(text, len);
	bool *fast = xcalloc(count + 1, sizeof *fast), *icu = xcalloc(count + 1, sizeof *icu);
	text_break_opportunities(text, len, false, fast);
	text_break_opportunities(text, len, true, icu);
	bool same = true;
	for (size_t k = 0; k < count && same; k++)
		if (fast[k] != icu[k]) {
			if (show)
				printf("    %s: at code point %zu: shortcut %d, ICU %d\n", text, k, fast[k], icu[k]);
			same = false;
		}
	free(fast);
	free(icu);
	return same;
}

/* wrap_text takes the break opportunities of plain Chinese text (ideographs
 * and the punctuation around them) without ICU's iterator: on random texts
 * from such characters, with others mixed in now and then, they must be
 * exactly ICU's. */
static void check_shortcut_agrees_with_icu(void)
{
	static const char *const pool[] = {
		"制", "度", "第", "条", "员", "工", "〇", "々", "（", "）", "《", "》", "「", "」", "『",
		"』", "【", "】", "〔", "〕", "〈", "〉", "、", "。", "，", "．", "：", "；", "！", "？",
		"ー", "ぁ", "ゝ", "｛", "｝", "［", "］", "﹙", "﹚", "\u3000", "1", "2", "０", "９",
		"“", "”", "‘", "’", ")", "]",
		/* others, which leave the text to ICU */
		"…", "a", "％", " ", "(", ".", "—", "·",
	};
	const size_t npool = sizeof pool / sizeof pool[0], nsimple = npool - 8;
	unsigned seed = 12345;
	size_t differ = 0, simple_texts = 0;
	for (int t = 0; t < 20000; t++) {
		struct buf text = {0};
		size_t len = 1 + (size_t)(t % 24);
		bool simple = t % 4 != 0;
		for (size_t k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_puts(&text, pool[(seed >> 8) % (simple ? nsimple : npool)]);
		}
		simple_texts += simple;
		differ += !shortcut_agrees(text.data, text.len, differ < 5);
		buf_free(&text);
	}
	CHECK(differ == 0, "the shortcut for plain Chinese text breaks where ICU does (%zu of 20000 texts differ, %zu of them plain)",
	      differ, simple_texts);
}

/* wrap_text fills plain Chinese text in one pass of its own: on random texts
 * of the characters it takes (ideographs, the punctuation around them, “‘’”
 * quotes, U+3000, digits) and of those that send a text back to the general
 * path (letters, spaces, newlines, ) ], long ASCII tokens, invalid bytes, an
 * ideograph's lead bytes before others),
 * at every width and indent, its lines must be the general path's exactly,
 * appended after what the buffer already holds. */
static void check_one_pass_agrees_with_general(void)
{
	static const char *const pool[] = {
		"制", "度", "第", "条", "一", "\u9FFF", "\u3400", "〇", "々", "，", "。", "；", "：", "、", "（",
		"）", "“", "”", "‘", "’", "《", "》", "【", "】", "〔", "〕", "「", "」", "！", "？", "！",
		"\u3000", "\u3000\u3000", "1", "2", "0", "１", "９", "!", "?", "}", "ー", "ぁ", "〜", "・",
		"～", "｛", "｝", "｡", "･", "‼",
		/* others, which leave the text to the general path */
		"a", "Z", "word", " ", "  ", ")", "]", "(", "[", "\n", "…", "—", "·", "%", ".", "\xC3\xA9",
		"\xCC\x81", "\xFF", "\xE4\xB8", "\xE4\xB8" "1", "\xE5" "1" "\x80", "abcdefghijklmnopqrstuvwxyz0123456789",
		"https://example.com/very/long/path_0123",
	};
	static const char *const indents[] = {"", INDENT2, "  ", "注：", "\u3000"};
	const size_t npool = sizeof pool / sizeof pool[0], nplain = npool - 23;
	struct rng rng = {0x2545F4914F6CDD1Dull};
	size_t differ = 0, plain = 0;
	for (int t = 0; t < 30000; t++) {
		struct buf text = {0};
		bool only_plain = t % 10 < 7;
		size_t len = rng_next(&rng) % (t % 3 == 0 ? 120 : 30);
		for (size_t k = 0; k < len; k++) {
			/* a text that is not plain often goes wrong only late */
			bool other = !only_plain && (k + 1 == len || rng_next(&rng) % 8 == 0);
			buf_puts(&text, pool[other ? nplain + rng_next(&rng) % (npool - nplain)
						   : rng_next(&rng) % nplain]);
		}
		plain += only_plain;
		int width = t % 50 == 0 ? 72 : (int)(rng_next(&rng) % 44) - 3;
		const char *first = indents[rng_next(&rng) % 5], *rest = indents[rng_next(&rng) % 5];
		char *want = wrap_text_general(text.data ? text.data : "", text.len, width, first, rest);
		struct buf got = {0};
		buf_puts(&got, "前文\n");
		wrap_text_into(&got, text.data ? text.data : "", text.len, width, first, rest);
		if (strncmp(got.data, "前文\n", strlen("前文\n")) != 0 || strcmp(got.data + strlen("前文\n"), want) != 0) {
			if (differ++ < 5)
				printf("    width %d [%s] [%s] [%s]: one pass\n%s  general path\n%s", width, first, rest,
				       text.data ? text.data : "", got.data, want);
		}
		free(want);
		buf_free(&got);
		buf_free(&text);
	}
	CHECK(differ == 0, "the one pass for plain text gives the general path's lines (%zu of 30000 texts differ, %zu plain)",
	      differ, plain);
}

/* cp_width answers the common ranges without asking ICU: every code point
 * must still get the width ICU's properties give it. */
static void check_widths_against_icu(void)
{
	size_t differ = 0;
	for (uint32_t cp = 0x20; cp <= 0x10FFFF; cp++) {
		int8_t type = u_charType((UChar32)cp);
		int ea = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
		int want = type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
				   type == U_CONTROL_CHAR
			       ? 0
			   : ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2
								     : 1;
		if (cp_width(cp) != want && differ++ < 5)
			printf("    U+%04X: cp_width %d, ICU %d\n", (unsigned)cp, cp_width(cp), want);
	}
	CHECK(differ == 0, "cp_width agrees with ICU's properties on every code point (%zu differ)", differ);
}

/* The shortcut's classes of the CJK punctuation and full-width forms are a
 * table: each of those characters, between ideographs, digits and marks,
 * must break where ICU breaks. */
static void check_punctuation_classes(void)
{
	static const char *const contexts[][2] = {
		{"中", "中"}, {"1", "1"}, {"（", "）"}, {"", "、"}, {"。", ""}, {"《", "1"}, {"1", "（"},
	};
	size_t differ = 0;
	const uint32_t ranges[][2] = {{0x3000, 0x303F}, {0xFF00, 0xFF65}};
	for (size_t r = 0; r < 2; r++)
		for (uint32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++)
			for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++) {
				char mark[5] = {0};
				utf8_encode(cp, mark);
				struct buf text = {0};
				buf_puts(&text, contexts[c][0]);
				buf_puts(&text, mark);
				buf_puts(&text, mark);
				buf_puts(&text, contexts[c][1]);
				differ += !shortcut_agrees(text.data, text.len, differ < 5);
				buf_free(&text);
			}
	CHECK(differ == 0, "CJK punctuation and full-width forms break where ICU does (%zu texts differ)", differ);
}

int main(void)
{
	check_widths_against_icu();
	check_punctuation_classes();
	check_shortcut_agrees_with_icu();
	check_one_pass_agrees_with_general();
	check_widths();
	check_plain_wrapping();
	check_closing_marks_at_break();
	check_opening_marks_at_break();
	check_indents();
	check_long_token();
	check_hostile();
	check_sweep();
	check_random();
	UNIT_END();
}
