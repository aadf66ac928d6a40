/* numeral.h — Chinese numerals as written in markers (第十一条, （二十）). */
#ifndef POLICYC_NUMERAL_H
#define POLICYC_NUMERAL_H

#include <stdbool.h>
#include <stddef.h>

#define NUMERAL_MAX 99999999L

enum numeral_status {
	NUMERAL_STANDARD,     /* 十一, 一百零一 */
	NUMERAL_NONSTANDARD,  /* a valid value in another spelling: 一十一, 一百十, 〇, 11, １１ */
	NUMERAL_INVALID,      /* not a number at all: 十十, 一百百, 零一 */
	NUMERAL_TOO_LARGE     /* more than NUMERAL_MAX */
};

struct numeral {
	long value;
	enum numeral_status status;
	size_t len; /* bytes consumed */
};

/* Parses the longest run of numeral characters (Chinese digits and units, 〇,
 * 两, ASCII or full-width digits) at s, at most n bytes. len 0: none there. */
struct numeral numeral_parse(const char *s, size_t n);
/* Writes the standard form of value (1 <= value <= NUMERAL_MAX) into out,
 * which holds at least 64 bytes. Returns out. */
char *numeral_format(long value, char *out);
#endif
