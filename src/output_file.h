/* output_file.h — writing build outputs: whole or not at all (SPEC §9). */
#ifndef POLICYC_OUTPUT_FILE_H
#define POLICYC_OUTPUT_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* mkdir -p. Returns 0, or an errno value with *failed set to the directory
 * that could not be made (caller frees). */
int make_dirs(const char *dir, char **failed);
/* Writes content to path through a temporary file in the same directory and
 * rename(2), so a reader (or an interrupted build) sees the old file or the
 * new one; a file that already holds these bytes is left alone. Returns 0 or
 * an errno value. */
int write_atomically(const char *path, const char *content, size_t len, mode_t mode);

/* write_atomically in two steps, for outputs rendered before it is known
 * whether they will be wanted (build_early.c). The first writes the
 * temporary and sets *tmp (caller frees; NULL: path holds these bytes
 * already, nothing written) and *seen, the identity of the file at path
 * compared (FILE_ABSENT: none); the caller renames *tmp over path, or unlinks
 * it. Returns 0 or an errno value (nothing left behind). */
#define FILE_ABSENT ((uint64_t)0)
int write_temporary(const char *path, const char *content, size_t len, mode_t mode, char **tmp, uint64_t *seen);
/* What stat says of path, summed up: differs when the file was replaced or
 * written to since. FILE_ABSENT when there is none. */
uint64_t file_identity(const char *path);
/* The hidden temporary beside path with this suffix (six characters, as
 * mkstemp's): DIR/.NAME.SUFFIX. */
char *temporary_path(const char *path, const char *suffix);
#endif
