/* numeral.c — Chinese numerals: one lenient reader, one canonical writer.
 *
 * numeral_parse accepts the spellings people really write and decides whether
 * a run is standard by comparing it with what numeral_format writes for its
 * value, so the reader and the writer can never disagree about "standard".
 *
 * Decisions about spellings outside the standard form (all NONSTANDARD, value
 * as a Chinese reader would read it):
 *   - 一十, 一十一 (the 一 before 十 written out), 一百十 (十 without 一 inside
 *     a number), 一千零十;
 *   - 〇 in place of 零 (一百〇一; 〇 alone is zero);
 *   - 两 as the multiplier of 百, 千, 万 or 亿 (两百), or alone (两);
 *   - the colloquial shortening 一百一 = 110, 一万二 = 12000: a digit right
 *     after 百, 千, 万 or 亿 (no 零 between) counts one position lower;
 *   - digit by digit, as years are written (二〇二六, 一二 = 12), provided the
 *     first digit is not zero;
 *   - Arabic and full-width digits (11, １１, 011), alone in their run.
 * INVALID: a unit after an equal or smaller unit (十十, 一百百, 十百), 百 or 千
 * without its digit (百一), 万 or 亿 without a group before it, two digits in a
 * row among units (一二百), 零 that does not stand between a unit and a digit
 * (零一, 一零, 一百零), 两 not followed by its unit, and Arabic digits mixed with
 * Chinese numerals in one run (3十).
 */
#include "numeral.h"

#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* One past the largest value: where accumulating values stop growing. */
#define SATURATED ((unsigned long long)NUMERAL_MAX + 1)
#define NO_DIGIT (-1)

enum symbol_kind {
	SYM_DIGIT,  /* 一 … 九, 两 */
	SYM_ZERO,   /* 零, 〇 */
	SYM_SMALL,  /* 十 百 千 */
	SYM_BIG,    /* 万 亿 */
	SYM_ARABIC, /* 0-9, ０-９ */
	SYM_NONE    /* before the first symbol */
};

struct symbol {
	enum symbol_kind kind;
	unsigned long long value; /* the digit, or the unit's magnitude */
	bool liang;               /* 两: a 2 that must be followed by a unit */
};

static bool classify(uint32_t cp, struct symbol *sym)
{
	sym->liang = cp == 0x4E24;
	if (cp >= '0' && cp <= '9') {
		sym->kind = SYM_ARABIC;
		sym->value = cp - '0';
		return true;
	}
	if (cp >= 0xFF10 && cp <= 0xFF19) {
		sym->kind = SYM_ARABIC;
		sym->value = cp - 0xFF10;
		return true;
	}
	enum symbol_kind kind = SYM_DIGIT;
	unsigned long long value;
	switch (cp) {
	case 0x96F6: /* 零 */
	case 0x3007: /* 〇 */
		kind = SYM_ZERO;
		value = 0;
		break;
	case 0x4E00: value = 1; break; /* 一 */
	case 0x4E8C:                   /* 二 */
	case 0x4E24: value = 2; break; /* 两 */
	case 0x4E09: value = 3; break; /* 三 */
	case 0x56DB: value = 4; break; /* 四 */
	case 0x4E94: value = 5; break; /* 五 */
	case 0x516D: value = 6; break; /* 六 */
	case 0x4E03: value = 7; break; /* 七 */
	case 0x516B: value = 8; break; /* 八 */
	case 0x4E5D: value = 9; break; /* 九 */
	case 0x5341: kind = SYM_SMALL; value = 10; break;       /* 十 */
	case 0x767E: kind = SYM_SMALL; value = 100; break;      /* 百 */
	case 0x5343: kind = SYM_SMALL; value = 1000; break;     /* 千 */
	case 0x4E07: kind = SYM_BIG; value = 10000; break;      /* 万 */
	case 0x4EBF: kind = SYM_BIG; value = 100000000; break;  /* 亿 */
	default:
		return false;
	}
	sym->kind = kind;
	sym->value = value;
	return true;
}

/* Reads the symbol at s; returns its length in bytes, 0 when none is there. */
static size_t next_symbol(const char *s, size_t n, struct symbol *sym)
{
	if (n == 0)
		return 0;
	/* Every symbol starts with an ASCII digit or one of these lead bytes
	 * (〇 E3, 一…亿 E4 E5 E7 E9, ０…９ EF): text rules most runs out here. */
	unsigned char lead = (unsigned char)s[0];
	if (!(lead >= '0' && lead <= '9') && lead != 0xE3 && lead != 0xE4 && lead != 0xE5 && lead != 0xE7 &&
	    lead != 0xE9 && lead != 0xEF)
		return 0;
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);
	if (len == 0 || !classify(cp, sym))
		return 0;
	return len;
}

/* What a run is made of, found in a first pass so the second can pick its
 * reader. The first SHAPE_KEPT symbols are kept, so that the second pass
 * of a run no longer than that (nearly every one) need not decode them
 * again. */
#define SHAPE_KEPT 16
struct run_shape {
	size_t len;
	size_t symbols;
	bool has_arabic, has_chinese, has_units;
	struct symbol kept[SHAPE_KEPT];
};

static void measure_run(const char *s, size_t n, struct run_shape *shape)
{
	struct symbol sym;
	size_t len;
	shape->len = shape->symbols = 0;
	shape->has_arabic = shape->has_chinese = shape->has_units = false;
	while ((len = next_symbol(s + shape->len, n - shape->len, &sym)) > 0) {
		if (shape->symbols < SHAPE_KEPT)
			shape->kept[shape->symbols] = sym;
		shape->len += len;
		shape->symbols++;
		if (sym.kind == SYM_ARABIC)
			shape->has_arabic = true;
		else
			shape->has_chinese = true;
		if (sym.kind == SYM_SMALL || sym.kind == SYM_BIG)
			shape->has_units = true;
	}
}

/* The symbols of a measured run, in order: the kept ones, or decoded again
 * from s when the run is longer than those. */
struct symbol_reader {
	const struct run_shape *shape;
	const char *s;
	size_t pos, index;
};

static bool read_symbol(struct symbol_reader *in, struct symbol *sym)
{
	const struct run_shape *shape = in->shape;
	if (in->index >= shape->symbols)
		return false;
	if (shape->symbols <= SHAPE_KEPT) {
		*sym = shape->kept[in->index++];
		return true;
	}
	size_t step = next_symbol(in->s + in->pos, shape->len - in->pos, sym);
	in->pos += step;
	in->index++;
	return step > 0;
}

struct reading {
	unsigned long long value; /* never above SATURATED */
	bool invalid;
};

static unsigned long long append_decimal_digit(unsigned long long value, unsigned long long digit)
{
	if (value >= SATURATED)
		return SATURATED;
	value = value * 10 + digit;
	return value > SATURATED ? SATURATED : value;
}

/* Arabic digits, or Chinese digits written one by one (二〇二六). */
static struct reading read_positional(struct symbol_reader *in)
{
	struct reading r = {0, false};
	struct symbol sym;
	size_t symbols = in->shape->symbols;
	bool first = true;
	while (read_symbol(in, &sym)) {
		if (sym.kind != SYM_ARABIC && symbols > 1 && ((first && sym.kind == SYM_ZERO) || sym.liang))
			r.invalid = true;
		r.value = append_decimal_digit(r.value, sym.value);
		first = false;
	}
	return r;
}

/* Digits and units (二十, 一百零一, 十万零一十), groups of four closed by 万 or 亿. */
struct unit_reader {
	unsigned long long total;      /* the groups closed so far */
	unsigned long long group;      /* the group being read */
	int pending;                   /* a digit waiting for its unit, or NO_DIGIT */
	bool pending_liang;
	unsigned long long last_small; /* the last 十/百/千 of this group */
	unsigned long long last_big;   /* the last 万/亿 */
	struct symbol prev;            /* the symbol just before */
	struct symbol last_unit;       /* the last unit of any size */
	bool zero_since_unit;          /* a 零 stands between last_unit and now */
	bool invalid, too_large;
};

/* The digit that ends a group: units after 零 or 十, one position below a
 * larger unit otherwise (一百一 is 110, 一万二 is 12000). */
static void settle_pending(struct unit_reader *r)
{
	if (r->pending == NO_DIGIT)
		return;
	if (r->pending_liang) {
		r->invalid = true;
		return;
	}
	unsigned long long place = 1;
	if (r->last_unit.kind != SYM_NONE && !r->zero_since_unit && r->last_unit.value > 10)
		place = r->last_unit.value / 10;
	r->group += (unsigned long long)r->pending * place;
	r->pending = NO_DIGIT;
}

static void read_small_unit(struct unit_reader *r, const struct symbol *sym)
{
	if (sym->value >= r->last_small) {
		r->invalid = true;
		return;
	}
	unsigned long long digit;
	if (r->pending != NO_DIGIT) {
		if (r->pending_liang && sym->value == 10)
			r->invalid = true;
		digit = (unsigned long long)r->pending;
	} else if (sym->value == 10) {
		digit = 1;
	} else {
		r->invalid = true;
		return;
	}
	r->group += digit * sym->value;
	r->last_small = sym->value;
	r->pending = NO_DIGIT;
}

static void add_to_total(struct unit_reader *r, unsigned long long add)
{
	r->total = r->total + add >= SATURATED ? SATURATED : r->total + add;
	if (r->total >= SATURATED)
		r->too_large = true;
}

static void read_big_unit(struct unit_reader *r, const struct symbol *sym)
{
	bool empty_group = r->group == 0 && r->pending == NO_DIGIT;
	if (empty_group && r->prev.kind == SYM_BIG && r->prev.value < sym->value) {
		/* 万亿: a trillion, and what follows is smaller than it. */
		add_to_total(r, SATURATED);
		r->last_big = r->prev.value * sym->value;
		return;
	}
	if (empty_group || r->prev.kind == SYM_ZERO || sym->value >= r->last_big) {
		r->invalid = true;
		return;
	}
	r->pending_liang = false; /* 两万: 两 found its unit */
	settle_pending(r);
	add_to_total(r, r->group * sym->value);
	r->group = 0;
	r->last_small = 10000;
	r->last_big = sym->value;
}

static void read_unit_symbol(struct unit_reader *r, const struct symbol *sym)
{
	switch (sym->kind) {
	case SYM_DIGIT:
		if (r->pending != NO_DIGIT)
			r->invalid = true;
		r->pending = (int)sym->value;
		r->pending_liang = sym->liang;
		break;
	case SYM_ZERO:
		if (r->prev.kind != SYM_SMALL && r->prev.kind != SYM_BIG)
			r->invalid = true;
		r->zero_since_unit = true;
		break;
	case SYM_SMALL:
	case SYM_BIG:
		if (sym->kind == SYM_SMALL)
			read_small_unit(r, sym);
		else
			read_big_unit(r, sym);
		r->last_unit = *sym;
		r->zero_since_unit = false;
		break;
	case SYM_ARABIC:
	case SYM_NONE:
		r->invalid = true;
		break;
	}
	r->prev = *sym;
}

static struct reading read_with_units(struct symbol_reader *in)
{
	struct unit_reader r = {
		.pending = NO_DIGIT,
		.last_small = 10000,
		.last_big = SATURATED * 10,
		.prev = {SYM_NONE, 0, false},
		.last_unit = {SYM_NONE, 0, false},
	};
	struct symbol sym;
	while (!r.invalid && read_symbol(in, &sym))
		read_unit_symbol(&r, &sym);
	if (r.prev.kind == SYM_ZERO)
		r.invalid = true;
	settle_pending(&r);
	add_to_total(&r, r.group);
	struct reading result = {r.too_large ? SATURATED : r.total, r.invalid};
	return result;
}

static char *format_standard(long value, char *out);

static bool is_plain_digit(const struct symbol *sym)
{
	return sym->kind == SYM_DIGIT && !sym->liang;
}

static bool is_ten(const struct symbol *sym)
{
	return sym->kind == SYM_SMALL && sym->value == 10;
}

/* 一 to 九十九 in the standard form (一, 十, 十一, 二十, 二十一), the
 * numbers nearly every marker and reference is written with: their value
 * straight from the kept symbols, which the general reading and the
 * comparison with numeral_format would only confirm. */
static bool small_standard(const struct run_shape *shape, long *value)
{
	const struct symbol *k = shape->kept;
	switch (shape->symbols) {
	case 1:
		if (!is_plain_digit(&k[0]) && !is_ten(&k[0]))
			return false;
		*value = (long)k[0].value;
		return true;
	case 2:
		if (is_ten(&k[0]) && is_plain_digit(&k[1])) {
			*value = 10 + (long)k[1].value;
			return true;
		}
		if (is_plain_digit(&k[0]) && k[0].value > 1 && is_ten(&k[1])) {
			*value = 10 * (long)k[0].value;
			return true;
		}
		return false;
	case 3:
		if (!is_plain_digit(&k[0]) || k[0].value < 2 || !is_ten(&k[1]) || !is_plain_digit(&k[2]))
			return false;
		*value = 10 * (long)k[0].value + (long)k[2].value;
		return true;
	default:
		return false;
	}
}

struct numeral numeral_parse(const char *s, size_t n)
{
	struct numeral result = {0, NUMERAL_INVALID, 0};
	struct run_shape shape;
	measure_run(s, n, &shape);
	if (shape.len == 0)
		return result;
	result.len = shape.len;
	if (small_standard(&shape, &result.value)) {
		result.status = NUMERAL_STANDARD;
		return result;
	}

	struct reading r;
	if (shape.has_arabic && shape.has_chinese)
		return result;
	struct symbol_reader in = {&shape, s, 0, 0};
	if (shape.has_units)
		r = read_with_units(&in);
	else
		r = read_positional(&in);
	if (r.invalid)
		return result;
	if (r.value >= SATURATED) {
		result.status = NUMERAL_TOO_LARGE;
		return result;
	}

	result.value = (long)r.value;
	char standard[64] = "零";
	size_t standard_len = result.value == 0 ? strlen(standard)
						: (size_t)(format_standard(result.value, standard) - standard);
	bool same = standard_len == shape.len && memcmp(standard, s, shape.len) == 0;
	result.status = same ? NUMERAL_STANDARD : NUMERAL_NONSTANDARD;
	return result;
}

/* Every digit and unit of the standard form is one 3-byte UTF-8 sequence. */
#define GLYPH 3

static char *put(char *p, const char *glyph)
{
	memcpy(p, glyph, GLYPH);
	return p + GLYPH;
}

/* One group of up to four digits. Zeros between digits are written once as
 * 零; the 一 of 一十 is left out only at the very start of the number (十一,
 * 十万, but 一百一十). */
static const char digits[10][GLYPH + 1] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

static char *format_group(char *p, long group, bool starts_number)
{
	static const long place_value[] = {1000, 100, 10, 1};
	static const char place_name[3][GLYPH + 1] = {"千", "百", "十"};
	bool written = false, gap = false;
	for (int i = 0; i < 4; i++) {
		long digit = group / place_value[i] % 10;
		if (digit == 0) {
			gap = written;
			continue;
		}
		if (gap)
			p = put(p, digits[0]);
		if (!(digit == 1 && place_value[i] == 10 && starts_number && !written))
			p = put(p, digits[digit]);
		if (i < 3)
			p = put(p, place_name[i]);
		written = true;
		gap = false;
	}
	return p;
}

/* The standard form of 1 <= value <= NUMERAL_MAX, unterminated; returns its end. */
static char *format_standard(long value, char *out)
{
	char *p = out;
	if (value < 100) { /* most numbers written: format_group's output, straight */
		long tens = value / 10, ones = value % 10;
		if (tens > 1)
			p = put(p, digits[tens]);
		if (tens > 0)
			p = put(p, "十");
		if (ones > 0)
			p = put(p, digits[ones]);
		return p;
	}
	long high = value / 10000, low = value % 10000;
	if (high > 0) {
		p = format_group(p, high, true);
		p = put(p, "万");
		if (low > 0 && low < 1000)
			p = put(p, "零");
		if (low > 0)
			p = format_group(p, low, false);
	} else {
		p = format_group(p, low, true);
	}
	return p;
}

char *numeral_format(long value, char *out)
{
	if (value == 0) {
		strcpy(out, "零");
		return out;
	}
	if (value < 0 || value > NUMERAL_MAX) {
		/* Outside the contract; Arabic digits at least say what it was. */
		snprintf(out, 64, "%ld", value);
		return out;
	}
	*format_standard(value, out) = '\0';
	return out;
}
