/* running_text.c — one walk of the running text for its checks (running_text.h). */
#include "running_text.h"

#include <assert.h>

#include "util.h"

/* The two checks read the text independently: each keeps its own place in
 * the file (text_cursor), and diagnostics are sorted before they are told,
 * so giving each piece to both in turn changes nothing they report. */
#define MAX_CHECKS 2

struct walk {
	const struct text_check *const *checks;
	void *state[MAX_CHECKS];
	size_t n;
};

static void on_piece(void *arg, const struct piece *piece)
{
	const struct walk *walk = arg;
	for (size_t i = 0; i < walk->n; i++)
		walk->checks[i]->piece(walk->state[i], piece);
}

void run_text_checks(struct document *doc, const struct text_check *const *checks, size_t n)
{
	assert(n <= MAX_CHECKS); /* a caller's mistake, not the document's */
	if (!doc->root || !doc->md || n == 0 || n > MAX_CHECKS)
		return;
	struct walk walk = {checks, {NULL}, n};
	for (size_t i = 0; i < n; i++)
		walk.state[i] = checks[i]->begin(doc);
	/* one check takes its pieces straight from the walk */
	piece_fn fn = n == 1 ? checks[0]->piece : on_piece;
	void *arg = n == 1 ? walk.state[0] : &walk;
	struct text_walk text = {NULL};
	for (const struct pnode *p = doc->root; p; p = pnode_next_preorder(p)) {
		for (size_t i = 0; i < n; i++)
			if (checks[i]->enter)
				checks[i]->enter(walk.state[i], p);
		pnode_walk_inline(&text, p, fn, arg);
	}
	text_walk_free(&text);
	for (size_t i = 0; i < n; i++)
		checks[i]->end(walk.state[i]);
}

void check_running_text(struct document *doc)
{
	static const struct text_check *const checks[] = {&xref_text_check, &punct_text_check};
	run_text_checks(doc, checks, sizeof checks / sizeof *checks);
}
