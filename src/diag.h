/* diag.h — diagnostics collected per document, reported after the run. */
#ifndef POLICYC_DIAG_H
#define POLICYC_DIAG_H

#include <stddef.h>

#include "rules.h"

struct diag {
	int line, col; /* 1-based; col counts code points */
	enum rule rule;
	enum severity severity;
	char *message;
};

/* One document's diagnostics. Each document owns its list, so documents can be
 * checked in parallel without locks. */
struct diags {
	struct diag *v;
	size_t n, cap;
	/* Effective severity of each rule (the configuration's), SEV_OFF drops it. */
	const enum severity *severity;
};

void diags_init(struct diags *d, const enum severity *severity);
/* Adds a diagnostic unless its rule is off. The message follows SPEC §2: what
 * was found and what was expected, in the document's own words. */
void diag_add(struct diags *d, enum rule rule, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Sorts by line, column, then rule. */
void diags_sort(struct diags *d);
size_t diags_count(const struct diags *d, enum severity sev);
void diags_free(struct diags *d);
#endif
