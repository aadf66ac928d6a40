/* build_holes.h — a policy's page rendered early with holes, filled in when
 * it is committed (build_holes.c). */
#ifndef POLICYC_BUILD_HOLES_H
#define POLICYC_BUILD_HOLES_H

#include <stdbool.h>
#include <sys/types.h>

#include "render.h"

/* The page rendered with holes, waiting in the temporary tmp beside path
 * (taken: freed), put in place with the parts filled in by html: where no
 * file was at path when the build began (in_place), written over its own
 * temporary (the page only grows) and renamed, as build.c's put_output
 * would write it; else written as put_output writes it, compared with the
 * file first, and the temporary removed. False when the temporary does not
 * hold what was written: it is left as it is, and the page is to be
 * rendered afresh. *error: 0, or the errno value of a write that failed. */
bool fill_holed_page(const char *path, char *tmp, bool in_place, mode_t mode, const struct document *doc,
		     const struct html_holes *holes, const struct html_renderer *html, int *error);
/* fill_holed_page for a page rendered with holes straight into its file at
 * path, in a directory no one else writes in (build_early.c's staging
 * directory): filled in there, over itself (the page only grows); the file
 * is removed when that write fails (*error). False, nothing written, when
 * the file does not hold what was written. */
bool fill_holed_page_here(const char *path, const struct document *doc, const struct html_holes *holes,
			  const struct html_renderer *html, int *error);
#endif
