/* test_numeral.c — Chinese numerals: parse tables, format tables, the ICU
 * sweep and the round trip. */
#include "numeral.h"
#include "unit.h"

#include <stdlib.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

struct parse_case {
	const char *text;
	enum numeral_status status;
	long value;  /* checked for STANDARD and NONSTANDARD */
	size_t len;  /* bytes consumed; 0 means the whole text */
};

static const char *status_name(enum numeral_status s)
{
	switch (s) {
	case NUMERAL_STANDARD: return "STANDARD";
	case NUMERAL_NONSTANDARD: return "NONSTANDARD";
	case NUMERAL_INVALID: return "INVALID";
	case NUMERAL_TOO_LARGE: return "TOO_LARGE";
	}
	return "?";
}

static void check_parse(const struct parse_case *c)
{
	size_t n = strlen(c->text);
	size_t want_len = c->len ? c->len : n;
	struct numeral got = numeral_parse(c->text, n);
	bool value_matters = c->status == NUMERAL_STANDARD || c->status == NUMERAL_NONSTANDARD;
	CHECK(got.status == c->status && got.len == want_len && (!value_matters || got.value == c->value),
	      "parse %s -> %s %ld len %zu (got %s %ld len %zu)", c->text, status_name(c->status),
	      c->value, want_len, status_name(got.status), got.value, got.len);
}

static const struct parse_case parse_cases[] = {
	/* standard */
	{"零", NUMERAL_STANDARD, 0, 0},
	{"一", NUMERAL_STANDARD, 1, 0},
	{"九", NUMERAL_STANDARD, 9, 0},
	{"十", NUMERAL_STANDARD, 10, 0},
	{"十一", NUMERAL_STANDARD, 11, 0},
	{"二十", NUMERAL_STANDARD, 20, 0},
	{"九十九", NUMERAL_STANDARD, 99, 0},
	{"一百", NUMERAL_STANDARD, 100, 0},
	{"一百零一", NUMERAL_STANDARD, 101, 0},
	{"一百一十", NUMERAL_STANDARD, 110, 0},
	{"一百一十一", NUMERAL_STANDARD, 111, 0},
	{"二百", NUMERAL_STANDARD, 200, 0},
	{"一千", NUMERAL_STANDARD, 1000, 0},
	{"一千零一", NUMERAL_STANDARD, 1001, 0},
	{"一千零一十", NUMERAL_STANDARD, 1010, 0},
	{"一千一百", NUMERAL_STANDARD, 1100, 0},
	{"九千九百九十九", NUMERAL_STANDARD, 9999, 0},
	{"一万", NUMERAL_STANDARD, 10000, 0},
	{"一万零一", NUMERAL_STANDARD, 10001, 0},
	{"一万零一十", NUMERAL_STANDARD, 10010, 0},
	{"一万零一百", NUMERAL_STANDARD, 10100, 0},
	{"一万一千", NUMERAL_STANDARD, 11000, 0},
	{"十万", NUMERAL_STANDARD, 100000, 0},
	{"十一万", NUMERAL_STANDARD, 110000, 0},
	{"十万一千", NUMERAL_STANDARD, 101000, 0},
	{"一百万零一十", NUMERAL_STANDARD, 1000010, 0},
	{"一千万一千", NUMERAL_STANDARD, 10001000, 0},
	{"九千九百九十九万九千九百九十九", NUMERAL_STANDARD, 99999999, 0},
	/* other spellings of valid numbers */
	{"〇", NUMERAL_NONSTANDARD, 0, 0},
	{"两", NUMERAL_NONSTANDARD, 2, 0},
	{"一十", NUMERAL_NONSTANDARD, 10, 0},
	{"一十一", NUMERAL_NONSTANDARD, 11, 0},
	{"一百十", NUMERAL_NONSTANDARD, 110, 0},
	{"一百十一", NUMERAL_NONSTANDARD, 111, 0},
	{"一百〇一", NUMERAL_NONSTANDARD, 101, 0},
	{"一千零十", NUMERAL_NONSTANDARD, 1010, 0},
	{"两百", NUMERAL_NONSTANDARD, 200, 0},
	{"两千零五", NUMERAL_NONSTANDARD, 2005, 0},
	{"两万", NUMERAL_NONSTANDARD, 20000, 0},
	{"一百一", NUMERAL_NONSTANDARD, 110, 0},
	{"一千二", NUMERAL_NONSTANDARD, 1200, 0},
	{"一万二", NUMERAL_NONSTANDARD, 12000, 0},
	{"二百五十万", NUMERAL_STANDARD, 2500000, 0},
	{"二百五万", NUMERAL_NONSTANDARD, 2500000, 0},
	{"一万一十", NUMERAL_NONSTANDARD, 10010, 0},
	{"十万零一千", NUMERAL_NONSTANDARD, 101000, 0},
	{"二〇二六", NUMERAL_NONSTANDARD, 2026, 0},
	{"二零二", NUMERAL_NONSTANDARD, 202, 0},
	{"一二", NUMERAL_NONSTANDARD, 12, 0},
	{"一零", NUMERAL_NONSTANDARD, 10, 0},
	{"11", NUMERAL_NONSTANDARD, 11, 0},
	{"0", NUMERAL_NONSTANDARD, 0, 0},
	{"011", NUMERAL_NONSTANDARD, 11, 0},
	{"１１", NUMERAL_NONSTANDARD, 11, 0},
	{"1１", NUMERAL_NONSTANDARD, 11, 0},
	{"99999999", NUMERAL_NONSTANDARD, 99999999, 0},
	/* not numbers */
	{"十十", NUMERAL_INVALID, 0, 0},
	{"一百百", NUMERAL_INVALID, 0, 0},
	{"百一", NUMERAL_INVALID, 0, 0},
	{"百", NUMERAL_INVALID, 0, 0},
	{"千", NUMERAL_INVALID, 0, 0},
	{"万", NUMERAL_INVALID, 0, 0},
	{"十百", NUMERAL_INVALID, 0, 0},
	{"一十百", NUMERAL_INVALID, 0, 0},
	{"零一", NUMERAL_INVALID, 0, 0},
	{"零十", NUMERAL_INVALID, 0, 0},
	{"〇一", NUMERAL_INVALID, 0, 0},
	{"一百零", NUMERAL_INVALID, 0, 0},
	{"一百零零一", NUMERAL_INVALID, 0, 0},
	{"一百一零", NUMERAL_INVALID, 0, 0},
	{"一千零万", NUMERAL_INVALID, 0, 0},
	{"一二百", NUMERAL_INVALID, 0, 0},
	{"两十", NUMERAL_INVALID, 0, 0},
	{"一百两", NUMERAL_INVALID, 0, 0},
	{"两三", NUMERAL_INVALID, 0, 0},
	{"一万万", NUMERAL_INVALID, 0, 0},
	{"万一", NUMERAL_INVALID, 0, 0},
	{"一万二千亿", NUMERAL_INVALID, 0, 0},
	{"3十", NUMERAL_INVALID, 0, 0},
	{"十3", NUMERAL_INVALID, 0, 0},
	{"2〇", NUMERAL_INVALID, 0, 0},
	/* beyond NUMERAL_MAX */
	{"100000000", NUMERAL_TOO_LARGE, 0, 0},
	{"１００００００００", NUMERAL_TOO_LARGE, 0, 0},
	{"一亿", NUMERAL_TOO_LARGE, 0, 0},
	{"一亿零一", NUMERAL_TOO_LARGE, 0, 0},
	{"一万亿", NUMERAL_TOO_LARGE, 0, 0},
	{"一二三四五六七八九", NUMERAL_TOO_LARGE, 0, 0},
	{"99999999999999999999999999999999999999999", NUMERAL_TOO_LARGE, 0, 0},
	/* the run stops at the first character that is no numeral */
	{"十一条", NUMERAL_STANDARD, 11, 6},
	{"二十）", NUMERAL_STANDARD, 20, 6},
	{"一百零一条第二款", NUMERAL_STANDARD, 101, 12},
	{"12. 文本", NUMERAL_NONSTANDARD, 12, 2},
	{"", NUMERAL_INVALID, 0, 0},
};

static void check_no_run(const char *text)
{
	struct numeral got = numeral_parse(text, strlen(text));
	CHECK(got.len == 0 && got.status == NUMERAL_INVALID, "no numeral at [%s] (len %zu)", text, got.len);
}

/* The byte limit n is respected: a character cut by it is not read. */
static void check_limits(void)
{
	struct numeral got = numeral_parse("十一", 3);
	CHECK(got.len == 3 && got.status == NUMERAL_STANDARD && got.value == 10, "n stops the run after 十");
	got = numeral_parse("十一", 4);
	CHECK(got.len == 3 && got.value == 10, "n cutting 一 in half leaves it out");
	got = numeral_parse("\xe5\x8d", 2);
	CHECK(got.len == 0, "truncated UTF-8 is no numeral");
	got = numeral_parse("十\xff一", 5);
	CHECK(got.len == 3 && got.value == 10, "an invalid byte ends the run");
}

static char *repeat(const char *unit, size_t times)
{
	size_t n = strlen(unit);
	char *s = malloc(n * times + 1);
	for (size_t i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	s[n * times] = '\0';
	return s;
}

/* Runs of 10 000 characters: consumed whole, no overflow, no slow path. */
static void check_long_runs(void)
{
	static const struct {
		const char *unit;
		enum numeral_status status;
	} cases[] = {
		{"9", NUMERAL_TOO_LARGE},
		{"０", NUMERAL_NONSTANDARD},
		{"一", NUMERAL_TOO_LARGE},
		{"〇", NUMERAL_INVALID},
		{"十", NUMERAL_INVALID},
		{"亿", NUMERAL_INVALID},
		{"九亿", NUMERAL_INVALID},
		{"一万", NUMERAL_INVALID},
		{"1一", NUMERAL_INVALID},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = repeat(cases[i].unit, 10000);
		size_t n = strlen(s);
		struct numeral got = numeral_parse(s, n);
		CHECK(got.len == n && got.status == cases[i].status,
		      "10000 x %s -> %s, whole run (got %s, len %zu of %zu)", cases[i].unit,
		      status_name(cases[i].status), status_name(got.status), got.len, n);
		free(s);
	}
	char *zeros = repeat("0", 10000);
	zeros[9999] = '7';
	struct numeral got = numeral_parse(zeros, 10000);
	CHECK(got.status == NUMERAL_NONSTANDARD && got.value == 7, "9999 leading zeros then 7 is 7");
	free(zeros);
}

static void check_format_table(void)
{
	static const struct {
		long value;
		const char *text;
	} cases[] = {
		{1, "一"}, {10, "十"}, {11, "十一"}, {19, "十九"}, {20, "二十"}, {100, "一百"},
		{101, "一百零一"}, {110, "一百一十"}, {119, "一百一十九"}, {1001, "一千零一"},
		{1010, "一千零一十"}, {1100, "一千一百"}, {10000, "一万"}, {10100, "一万零一百"},
		{10010, "一万零一十"}, {100000, "十万"}, {100010, "十万零一十"}, {101000, "十万一千"},
		{150000, "十五万"}, {1000001, "一百万零一"}, {20000000, "二千万"},
		{99999999, "九千九百九十九万九千九百九十九"},
	};
	char out[64];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK_STR(numeral_format(cases[i].value, out), cases[i].text, "format %ld", cases[i].value);
	CHECK_STR(numeral_format(0, out), "零", "format 0 (outside the contract) is 零");
}

static UNumberFormat *open_icu_cardinal(void)
{
	UErrorCode status = U_ZERO_ERROR;
	UNumberFormat *fmt = unum_open(UNUM_SPELLOUT, NULL, 0, "zh", NULL, &status);
	if (U_FAILURE(status))
		return NULL;
	/* The default %spellout-numbering writes 〇 where documents write 零. */
	static const UChar ruleset[] = u"%spellout-cardinal";
	unum_setTextAttribute(fmt, UNUM_DEFAULT_RULESET, ruleset, -1, &status);
	if (U_FAILURE(status)) {
		unum_close(fmt);
		return NULL;
	}
	return fmt;
}

static bool icu_spellout(UNumberFormat *fmt, long value, char *out, int32_t size)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar spelled[128];
	int32_t n = unum_format(fmt, (int32_t)value, spelled, 128, NULL, &status);
	u_strToUTF8(out, size, NULL, spelled, n, &status);
	return U_SUCCESS(status);
}

/* ICU's Chinese cardinal spellout is the reference for the standard form. */
static void check_against_icu(long from, long to)
{
	UNumberFormat *fmt = open_icu_cardinal();
	CHECK(fmt != NULL, "ICU opens the zh %%spellout-cardinal formatter");
	if (fmt == NULL)
		return;
	long mismatches = 0;
	for (long n = from; n <= to; n++) {
		char ours[64], theirs[256];
		numeral_format(n, ours);
		if (!icu_spellout(fmt, n, theirs, sizeof theirs) || strcmp(ours, theirs) != 0) {
			if (++mismatches <= 5)
				printf("  mismatch %ld: ours [%s], ICU [%s]\n", n, ours, theirs);
		}
	}
	CHECK(mismatches == 0, "numeral_format equals ICU zh spellout for %ld..%ld (%ld mismatches)",
	      from, to, mismatches);
	unum_close(fmt);
}

/* Beyond the required 1..9999: a sample up to NUMERAL_MAX, same reference. */
static void check_against_icu_sampled(void)
{
	UNumberFormat *fmt = open_icu_cardinal();
	if (fmt == NULL)
		return;
	long mismatches = 0, checked = 0;
	for (long n = 10000; n <= NUMERAL_MAX; n = n * 7 / 6 + 13) {
		static const long offsets[] = {0, 1, 10, 100, 1000, 10000, 10001, 100000};
		for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
			long v = n + offsets[i];
			if (v > NUMERAL_MAX)
				continue;
			char ours[64], theirs[256];
			numeral_format(v, ours);
			checked++;
			if (!icu_spellout(fmt, v, theirs, sizeof theirs) || strcmp(ours, theirs) != 0)
				if (++mismatches <= 5)
					printf("  mismatch %ld: ours [%s], ICU [%s]\n", v, ours, theirs);
		}
	}
	CHECK(mismatches == 0, "numeral_format equals ICU on %ld values up to NUMERAL_MAX", checked);
	unum_close(fmt);
}

static void check_round_trip(long to)
{
	long failures = 0;
	for (long n = 1; n <= to; n++) {
		char text[64];
		numeral_format(n, text);
		struct numeral got = numeral_parse(text, strlen(text));
		if (got.value != n || got.status != NUMERAL_STANDARD || got.len != strlen(text)) {
			if (++failures <= 5)
				printf("  round trip %ld: [%s] -> %ld %s\n", n, text, got.value, status_name(got.status));
		}
	}
	CHECK(failures == 0, "numeral_parse(numeral_format(n)) == n, STANDARD, for 1..%ld (%ld failures)", to, failures);
}

int main(void)
{
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++)
		check_parse(&parse_cases[i]);
	check_no_run("条");
	check_no_run("a1");
	check_no_run("　一");
	check_limits();
	check_long_runs();
	check_format_table();
	check_against_icu(1, 9999);
	check_against_icu_sampled();
	check_round_trip(99999);
	UNIT_END();
}
