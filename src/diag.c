#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void diags_init(struct diags *d, const enum severity *severity)
{
	*d = (struct diags){.severity = severity};
}

void diag_add(struct diags *d, enum rule rule, int line, int col, const char *fmt, ...)
{
	enum severity sev = d->severity ? d->severity[rule] : rule_table[rule].severity;
	if (sev == SEV_OFF)
		return;
	line = line > 0 ? line : 1;
	col = col > 0 ? col : 1;
	if (d->listed[rule] >= DIAG_RULE_LIMIT) {
		if (d->over[rule]++ == 0 || line < d->over_line[rule] ||
		    (line == d->over_line[rule] && col < d->over_col[rule])) {
			d->over_line[rule] = line;
			d->over_col[rule] = col;
		}
		return;
	}
	d->listed[rule]++;
	va_list ap;
	va_start(ap, fmt);
	char *message = xvasprintf(fmt, ap);
	va_end(ap);
	struct diag diag = {line, col, rule, sev, message, false};
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

static void tell_over_limit(struct diags *d, enum rule rule)
{
	enum severity sev = d->severity ? d->severity[rule] : rule_table[rule].severity;
	char *message = xasprintf("%zu more %s %s%s not listed, the first of them here; policyc lists at most "
				  "%d of one rule in a file",
				  d->over[rule], rule_table[rule].id, severity_name(sev), d->over[rule] > 1 ? "s" : "",
				  DIAG_RULE_LIMIT);
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].over_limit && d->v[i].rule == rule) {
			free(d->v[i].message);
			d->v[i].message = message;
			d->v[i].line = d->over_line[rule];
			d->v[i].col = d->over_col[rule];
			d->over_told[rule] = d->over[rule];
			return;
		}
	struct diag diag = {d->over_line[rule], d->over_col[rule], rule, sev, message, true};
	ARRAY_PUSH(d->v, d->n, d->cap, diag);
	d->over_told[rule] = d->over[rule];
}

void diags_sort(struct diags *d)
{
	for (int rule = 0; rule < RULE_COUNT; rule++)
		if (d->over[rule] != d->over_told[rule])
			tell_over_limit(d, (enum rule)rule);
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, compare_diag);
	/* The same message at the same place is one mistake met twice (a YAML
	 * alias read through every entry that names it): say it once. */
	size_t kept = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (kept > 0 && compare_diag(&d->v[kept - 1], &d->v[i]) == 0) {
			free(d->v[i].message);
			continue;
		}
		d->v[kept++] = d->v[i];
	}
	d->n = kept;
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
