#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void diags_init(struct diags *d, const enum severity *severity)
{
	d->v = NULL;
	d->n = d->cap = 0;
	d->severity = severity;
}

void diag_add(struct diags *d, enum rule rule, int line, int col, const char *fmt, ...)
{
	enum severity sev = d->severity ? d->severity[rule] : rule_table[rule].severity;
	if (sev == SEV_OFF)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *message = xvasprintf(fmt, ap);
	va_end(ap);
	struct diag diag = {line > 0 ? line : 1, col > 0 ? col : 1, rule, sev, message};
	ARRAY_PUSH(d->v, d->n, d->cap, diag);
}

/* qsort is not stable, so the message breaks the last ties: the order must not
 * depend on the order in which checks ran. */
static int compare_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return strcmp(x->message, y->message);
}

void diags_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, compare_diag);
}

size_t diags_count(const struct diags *d, enum severity sev)
{
	size_t count = 0;
	for (size_t i = 0; i < d->n; i++)
		count += d->v[i].severity == sev;
	return count;
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].message);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
