/* output_file.h — writing build outputs: whole or not at all (SPEC §9). */
#ifndef POLICYC_OUTPUT_FILE_H
#define POLICYC_OUTPUT_FILE_H

#include <stddef.h>
#include <sys/types.h>

/* mkdir -p. Returns 0, or an errno value with *failed set to the directory
 * that could not be made (caller frees). */
int make_dirs(const char *dir, char **failed);
/* Writes content to path through a temporary file in the same directory and
 * rename(2), so a reader (or an interrupted build) sees the old file or the
 * new one; a file that already holds these bytes is left alone. Returns 0 or
 * an errno value. */
int write_atomically(const char *path, const char *content, size_t len, mode_t mode);
#endif
