/* kept_grids.h — the grids of a policy's forms as rendered into its page or
 * text, kept so that the form's own file (OUT/forms/ID.html, .txt) takes
 * them instead of rendering each grid a second time. Used by form_html.c and
 * render_text.c. */
#ifndef POLICYC_KEPT_GRIDS_H
#define POLICYC_KEPT_GRIDS_H

#include <stddef.h>

struct form;

struct kept_grid {
	const struct form *form;
	char *grid;
};

/* Zero-initialised: empty. */
struct kept_grids {
	struct kept_grid *v;
	size_t n, cap;
};

/* Keeps grid (taken over), rendered for form. */
void kept_grids_keep(struct kept_grids *k, const struct form *form, char *grid);
/* The grid kept for form, handed over (caller frees); NULL when none is
 * kept or it was taken already. */
char *kept_grids_take(struct kept_grids *k, const struct form *form);
/* Frees the grids not taken: done at the next policy, whose forms may reuse
 * the addresses of the last one's. */
void kept_grids_drop(struct kept_grids *k);
/* kept_grids_drop, and the room. */
void kept_grids_free(struct kept_grids *k);
#endif
