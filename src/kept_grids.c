/* kept_grids.c — forms' grids kept from a policy's page for the forms' own
 * files (kept_grids.h). */
#include "kept_grids.h"

#include <stdlib.h>

#include "util.h"

void kept_grids_keep(struct kept_grids *k, const struct form *form, char *grid)
{
	ARRAY_PUSH(k->v, k->n, k->cap, ((struct kept_grid){form, grid}));
}

char *kept_grids_take(struct kept_grids *k, const struct form *form)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].form == form && k->v[i].grid) {
			char *grid = k->v[i].grid;
			k->v[i].grid = NULL;
			return grid;
		}
	return NULL;
}

void kept_grids_drop(struct kept_grids *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i].grid);
	k->n = 0;
}

void kept_grids_free(struct kept_grids *k)
{
	kept_grids_drop(k);
	free(k->v);
	*k = (struct kept_grids){0};
}
