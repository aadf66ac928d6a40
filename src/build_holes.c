/* build_holes.c — the page of a policy that supersedes another or is
 * superseded, filled in when it is committed.
 *
 * Such a page names policies found anywhere in the corpus (its status
 * notice, the row of the policies it supersedes: html_names_others), which
 * are not all known when build_early.c renders it, right after the
 * document's own check. Reading and parsing the document again after the
 * corpus checks, only for these few names, cost 4 % of a build
 * (docs/performance.md); so it is rendered early without those parts
 * (html_render_policy_holed), which mark where they go, and here its
 * temporary is read back and the page written with them filled in
 * (docs/output.md). */
#include "build_holes.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output_file.h"
#include "util.h"

/* The page without its holes, from its temporary (fd), with the parts
 * filled in; NULL when the temporary does not hold what was written. */
static char *fill_holes(int fd, const struct document *doc, const struct html_holes *holes,
			const struct html_renderer *html)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || (size_t)st.st_size != holes->len)
		return NULL;
	struct buf page = {0};
	buf_grow(&page, holes->len + 4096);
	char *holed = xmalloc(holes->len + 1);
	if (!pread_all(fd, holed, holes->len, 0)) {
		free(holed);
		buf_free(&page);
		return NULL;
	}
	html_fill_holes(&page, holed, holes, html, doc);
	free(holed);
	return buf_take(&page);
}

/* The page with holes in the file name, and that file open (*fd; -1 when
 * it could not be opened), read and written when writable, else read only.
 * NULL as fill_holes gives it. */
static char *filled_page_of(const char *name, bool writable, const struct document *doc,
			    const struct html_holes *holes, const struct html_renderer *html, int *fd)
{
	*fd = open(name, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	return *fd < 0 ? NULL : fill_holes(*fd, doc, holes, html);
}

bool fill_holed_page(const char *path, char *tmp, bool in_place, mode_t mode, const struct document *doc,
		     const struct html_holes *holes, const struct html_renderer *html, int *error)
{
	*error = 0;
	int fd;
	char *page = filled_page_of(tmp, in_place, doc, holes, html, &fd);
	if (page && in_place) {
		*error = rename_into_place(path, tmp, write_and_close(fd, page, strlen(page)));
		tmp = NULL;
	} else if (page) {
		close(fd);
		unlink(tmp);
		*error = write_atomically(path, page, strlen(page), mode);
	} else if (fd >= 0) {
		close(fd);
	}
	bool filled = page != NULL;
	free(page);
	free(tmp);
	return filled;
}

bool fill_holed_page_here(const char *path, const struct document *doc, const struct html_holes *holes,
			  const struct html_renderer *html, int *error)
{
	*error = 0;
	int fd;
	char *page = filled_page_of(path, true, doc, holes, html, &fd);
	if (page)
		*error = write_and_close(fd, page, strlen(page));
	else if (fd >= 0)
		close(fd);
	if (*error) /* cut: no file rather than part of one */
		unlink(path);
	bool filled = page != NULL;
	free(page);
	return filled;
}
