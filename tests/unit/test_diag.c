/* test_diag.c — diag.c: the per-rule limit (DIAG_RULE_LIMIT) and one
 * diagnostic for one mistake met twice. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"
#include "unit.h"

static size_t count_rule(const struct diags *d, enum rule rule)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].rule == rule;
	return n;
}

static const struct diag *over_limit_diag(const struct diags *d, enum rule rule)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].rule == rule && d->v[i].over_limit)
			return &d->v[i];
	return NULL;
}

static void test_limit(void)
{
	struct diags d;
	diags_init(&d, NULL);
	/* added from the back of a line, so the earliest past the limit is
	 * not the first one added past it */
	for (int i = DIAG_RULE_LIMIT + 500; i >= 1; i--)
		diag_add(&d, RULE_PUNCTUATION_WIDTH, 3, i, "half-width ',' number %d", i);
	diag_add(&d, RULE_XREF_ARTICLE, 2, 1, "another rule");
	diags_sort(&d);
	CHECK(count_rule(&d, RULE_PUNCTUATION_WIDTH) == DIAG_RULE_LIMIT + 1,
	      "%d listed and one that counts the rest (got %zu)", DIAG_RULE_LIMIT,
	      count_rule(&d, RULE_PUNCTUATION_WIDTH));
	CHECK(count_rule(&d, RULE_XREF_ARTICLE) == 1, "another rule is not limited by this one");
	const struct diag *over = over_limit_diag(&d, RULE_PUNCTUATION_WIDTH);
	CHECK(over != NULL, "the rest are reported");
	if (over) {
		CHECK_STR(over->message,
			  "500 more punctuation-width warnings not listed, the first of them here; policyc lists at "
			  "most 1000 of one rule in a file",
			  "says how many, which rule and the limit");
		CHECK(over->line == 3 && over->col == 1, "at the earliest of them (3:%d)", over->col);
		CHECK(over->severity == SEV_WARNING, "with the rule's severity");
	}
	/* more of them after a first sort: the same diagnostic, brought up to date */
	diag_add(&d, RULE_PUNCTUATION_WIDTH, 1, 7, "earlier");
	diags_sort(&d);
	CHECK(count_rule(&d, RULE_PUNCTUATION_WIDTH) == DIAG_RULE_LIMIT + 1, "still one that counts the rest");
	over = over_limit_diag(&d, RULE_PUNCTUATION_WIDTH);
	CHECK(over && strncmp(over->message, "501 more", 8) == 0 && over->line == 1 && over->col == 7,
	      "counts the new one and moves to it");
	CHECK(d.v[0].over_limit, "sorted in its place");
	diags_free(&d);
}

static void test_errors_keep_status(void)
{
	struct diags d;
	diags_init(&d, NULL);
	for (int i = 0; i < DIAG_RULE_LIMIT + 1; i++)
		diag_add(&d, RULE_ARTICLE_NUMBER, i + 1, 1, "wrong");
	diags_sort(&d);
	const struct diag *over = over_limit_diag(&d, RULE_ARTICLE_NUMBER);
	CHECK(over && strncmp(over->message, "1 more article-number error not", 31) == 0,
	      "one more error, singular: %s", over ? over->message : "(none)");
	CHECK(diags_count(&d, SEV_ERROR) == DIAG_RULE_LIMIT + 1, "errors past the limit still count as errors");
	diags_free(&d);
}

static void test_duplicates(void)
{
	struct diags d;
	diags_init(&d, NULL);
	diag_add(&d, RULE_FRONTMATTER_TYPE, 5, 3, "tag is a list; expected a string");
	diag_add(&d, RULE_FRONTMATTER_TYPE, 5, 3, "tag is a list; expected a string");
	diag_add(&d, RULE_FRONTMATTER_TYPE, 5, 3, "tag is a mapping; expected a string");
	diag_add(&d, RULE_FRONTMATTER_TYPE, 5, 4, "tag is a list; expected a string");
	diags_sort(&d);
	CHECK(d.n == 3, "the same message at the same place once; others kept (got %zu)", d.n);
	diags_free(&d);
}

static void test_rule_off(void)
{
	enum severity severity[RULE_COUNT];
	for (int i = 0; i < RULE_COUNT; i++)
		severity[i] = rule_table[i].severity;
	severity[RULE_PUNCTUATION_WIDTH] = SEV_OFF;
	struct diags d;
	diags_init(&d, severity);
	for (int i = 0; i < DIAG_RULE_LIMIT + 10; i++)
		diag_add(&d, RULE_PUNCTUATION_WIDTH, 1, i + 1, "off");
	diags_sort(&d);
	CHECK(d.n == 0, "a rule turned off says nothing, not even past the limit");
	diags_free(&d);
}

int main(void)
{
	test_limit();
	test_errors_keep_status();
	test_duplicates();
	test_rule_off();
	UNIT_END();
}
