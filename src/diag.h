/* diag.h — diagnostics collected per document, reported after the run. */
#ifndef POLICYC_DIAG_H
#define POLICYC_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

struct diag {
	int line, col; /* 1-based; col counts code points */
	enum rule rule;
	enum severity severity;
	char *message;
	bool over_limit; /* the one that counts a rule's diagnostics past DIAG_RULE_LIMIT */
};

/* At most this many diagnostics of one rule are listed per document. Past it
 * they are counted, and diags_sort adds one diagnostic that says how many more
 * there are, where the first of them stands: hostile input (a line of a
 * million wrong commas) cannot fill memory and the terminal with messages,
 * and nothing is dropped without saying so (docs/limits.md). */
enum { DIAG_RULE_LIMIT = 1000 };

/* One document's diagnostics. Each document owns its list, so documents can be
 * checked in parallel without locks. */
struct diags {
	struct diag *v;
	size_t n, cap;
	/* Effective severity of each rule (the configuration's), SEV_OFF drops it. */
	const enum severity *severity;
	/* Per rule: diagnostics listed; those past the limit, the earliest
	 * position among them, and how many the over-limit diagnostic says. */
	size_t listed[RULE_COUNT], over[RULE_COUNT], over_told[RULE_COUNT];
	int over_line[RULE_COUNT], over_col[RULE_COUNT];
};

void diags_init(struct diags *d, const enum severity *severity);
/* Adds a diagnostic unless its rule is off. The message follows SPEC §2: what
 * was found and what was expected, in the document's own words. */
void diag_add(struct diags *d, enum rule rule, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Sorts by line, column, then rule; first adds (or brings up to date) the
 * diagnostic of each rule that went past DIAG_RULE_LIMIT. */
void diags_sort(struct diags *d);
size_t diags_count(const struct diags *d, enum severity sev);
void diags_free(struct diags *d);
#endif
