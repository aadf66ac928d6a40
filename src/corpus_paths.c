/* corpus_paths.c — expanding PATH arguments into the corpus's files. */
#include "corpus_paths.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

/* A file found, with its identity so that one file named twice (a.md and
 * ./a.md, or a file and its directory) is one document. */
struct found {
	char *path;
	dev_t dev;
	ino_t ino;
};

struct found_list {
	struct found *v;
	size_t n, cap;
};

static void cannot_read(const char *path, int err)
{
	fprintf(stderr, "policyc: cannot read %s: %s\n", path, strerror(err));
}

static bool is_markdown_name(const char *name)
{
	size_t n = strlen(name);
	return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

static void add_found(struct found_list *list, char *path, dev_t dev, ino_t ino)
{
	struct found f = {path, dev, ino};
	ARRAY_PUSH(list->v, list->n, list->cap, f);
}

/* An entry of a directory: its name; whether readdir already said it is a
 * regular file (then a name without .md needs no stat at all); and what
 * fstatat said of it while the directory was open. */
struct entry {
	char *name;
	bool regular;
	bool skipped;    /* a regular file that is no policy: never looked at */
	int error;       /* errno of the fstatat that failed, or 0 */
	bool linked_dir; /* a symbolic link to a directory */
	struct stat st;
};

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* The entries of d, hidden ones left out, sorted; NULL on failure. */
static struct entry *read_entries(DIR *d, size_t *count)
{
	struct entry *entries = NULL;
	size_t n = 0, cap = 0;
	struct dirent *found;
	errno = 0;
	while ((found = readdir(d)) != NULL) {
		if (found->d_name[0] != '.') {
			struct entry e = {.name = xstrdup(found->d_name)};
#ifdef _DIRENT_HAVE_D_TYPE
			e.regular = found->d_type == DT_REG;
#endif
			ARRAY_PUSH(entries, n, cap, e);
		}
		errno = 0;
	}
	if (errno != 0) {
		int err = errno;
		for (size_t i = 0; i < n; i++)
			free(entries[i].name);
		free(entries);
		errno = err;
		return NULL;
	}
	if (n > 1)
		qsort(entries, n, sizeof *entries, compare_entries);
	*count = n;
	return entries ? entries : xcalloc(1, sizeof *entries);
}

/* What each entry is, by an fstatat relative to the open directory (no path
 * to walk again) and a second one for a link; none for a regular file whose
 * name is not a policy's. A corpus of thousands of files is listed on one
 * core before any worker starts. */
static void look_at_entries(int dir_fd, struct entry *entries, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		struct entry *e = &entries[i];
		if (e->regular && !is_markdown_name(e->name)) {
			e->skipped = true;
		} else if (fstatat(dir_fd, e->name, &e->st, AT_SYMLINK_NOFOLLOW) != 0) {
			e->error = errno;
		} else if (S_ISLNK(e->st.st_mode)) {
			if (fstatat(dir_fd, e->name, &e->st, 0) != 0)
				e->error = errno;
			else
				e->linked_dir = S_ISDIR(e->st.st_mode);
		}
	}
}

/* Symbolic links to directories are not followed (as find and grep -r do):
 * they would make loops and count one document twice. The directory is
 * closed before its subdirectories are walked, so that a deep tree holds
 * one descriptor at a time. */
static bool walk_directory(const char *dir, struct found_list *out)
{
	DIR *d = opendir(dir);
	size_t count = 0;
	struct entry *entries = d ? read_entries(d, &count) : NULL;
	if (entries == NULL) {
		cannot_read(dir, errno);
		if (d)
			closedir(d);
		return false;
	}
	look_at_entries(dirfd(d), entries, count);
	closedir(d);
	bool ok = true;
	for (size_t i = 0; i < count; i++) {
		const struct entry *e = &entries[i];
		char *path = e->skipped || e->linked_dir ? NULL : path_join(dir, e->name);
		if (path == NULL) {
			/* a regular file that is no policy, or a link to a directory */
		} else if (e->error != 0) {
			/* A dangling link is no policy; anything else is a real failure. */
			if (e->error != ENOENT) {
				cannot_read(path, e->error);
				ok = false;
			}
		} else if (S_ISDIR(e->st.st_mode)) {
			if (!walk_directory(path, out))
				ok = false;
		} else if (S_ISREG(e->st.st_mode) && is_markdown_name(e->name)) {
			add_found(out, path, e->st.st_dev, e->st.st_ino);
			path = NULL;
		}
		free(path);
		free(entries[i].name);
	}
	free(entries);
	return ok;
}

static int compare_found(const void *a, const void *b)
{
	const struct found *x = a, *y = b;
	return strcmp(x->path, y->path);
}

static int compare_identity(const void *a, const void *b)
{
	const struct found *const *x = a, *const *y = b;
	if ((*x)->dev != (*y)->dev)
		return (*x)->dev < (*y)->dev ? -1 : 1;
	if ((*x)->ino != (*y)->ino)
		return (*x)->ino < (*y)->ino ? -1 : 1;
	return *x < *y ? -1 : *x > *y; /* earlier in path order first */
}

/* Keeps the first path (in sorted order) of each file. */
static void drop_repeated_files(struct found_list *list)
{
	if (list->n < 2)
		return;
	struct found **by_identity = xcalloc(list->n, sizeof *by_identity);
	for (size_t i = 0; i < list->n; i++)
		by_identity[i] = &list->v[i];
	qsort(by_identity, list->n, sizeof *by_identity, compare_identity);
	for (size_t i = 1; i < list->n; i++)
		if (by_identity[i]->dev == by_identity[i - 1]->dev &&
		    by_identity[i]->ino == by_identity[i - 1]->ino) {
			free(by_identity[i]->path);
			by_identity[i]->path = NULL;
		}
	free(by_identity);
	size_t kept = 0;
	for (size_t i = 0; i < list->n; i++)
		if (list->v[i].path != NULL)
			list->v[kept++] = list->v[i];
	list->n = kept;
}

bool paths_expand(char *const *paths, size_t npaths, struct path_list *out)
{
	struct found_list found = {0};
	bool ok = true;
	for (size_t i = 0; i < npaths; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0) {
			cannot_read(paths[i], errno);
			ok = false;
		} else if (S_ISDIR(st.st_mode)) {
			ok = walk_directory(paths[i], &found) && ok;
		} else {
			add_found(&found, xstrdup(paths[i]), st.st_dev, st.st_ino);
		}
	}
	if (found.n > 1)
		qsort(found.v, found.n, sizeof *found.v, compare_found);
	drop_repeated_files(&found);
	for (size_t i = 0; i < found.n; i++)
		ARRAY_PUSH(out->v, out->n, out->cap, found.v[i].path);
	free(found.v);
	return ok;
}

void path_list_free(struct path_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i]);
	free(list->v);
	list->v = NULL;
	list->n = list->cap = 0;
}
