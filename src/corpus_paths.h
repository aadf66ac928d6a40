/* corpus_paths.h — the files named by the PATH arguments (SPEC §1). */
#ifndef POLICYC_CORPUS_PATHS_H
#define POLICYC_CORPUS_PATHS_H

#include <stdbool.h>
#include <stddef.h>

struct path_list {
	char **v;
	size_t n, cap;
};

/* Files are taken as given; directories are searched recursively for *.md
 * (hidden directories and files skipped). The result is sorted by path
 * (strcmp), each file once. On a path that cannot be read, prints
 * "policyc: cannot read PATH: REASON" and returns false. */
bool paths_expand(char *const *paths, size_t npaths, struct path_list *out);
void path_list_free(struct path_list *list);
#endif
