/* unit.h — the smallest harness: each check prints "ok NAME" or "FAIL NAME: why";
 * tests/run.sh counts the lines. */
#ifndef POLICYC_UNIT_H
#define POLICYC_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failures;

#define CHECK(cond, ...)                                                         \
	do {                                                                         \
		if (cond) {                                                              \
			printf("ok ");                                                       \
		} else {                                                                 \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);                          \
			unit_failures++;                                                     \
		}                                                                        \
		printf(__VA_ARGS__);                                                     \
		putchar('\n');                                                           \
	} while (0)

#define CHECK_STR(got, want, ...)                                                \
	do {                                                                         \
		const char *got_ = (got), *want_ = (want);                               \
		int same_ = got_ && want_ && strcmp(got_, want_) == 0;                   \
		CHECK(same_, __VA_ARGS__);                                               \
		if (!same_)                                                              \
			printf("  got:  [%s]\n  want: [%s]\n", got_ ? got_ : "(null)",       \
			       want_ ? want_ : "(null)");                                    \
	} while (0)

#define UNIT_END() return unit_failures ? 1 : 0
#endif
