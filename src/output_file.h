/* output_file.h — writing build outputs: whole or not at all (SPEC §9). */
#ifndef POLICYC_OUTPUT_FILE_H
#define POLICYC_OUTPUT_FILE_H

#include <stdbool.h>
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
/* write_atomically for a path where no file was when the build began
 * (write_new_temporary): written without comparing. */
int write_new_atomically(const char *path, const char *content, size_t len, mode_t mode);

/* write_atomically in two steps, for outputs rendered before it is known
 * whether they will be wanted (build_early.c). The first writes the
 * temporary and sets *tmp (caller frees; NULL: path holds these bytes
 * already, nothing written) and *seen, the identity of the file at path
 * compared (FILE_ABSENT: none); the caller renames *tmp over path, or unlinks
 * it. Returns 0 or an errno value (nothing left behind). */
#define FILE_ABSENT ((uint64_t)0)
int write_temporary(const char *path, const char *content, size_t len, mode_t mode, char **tmp, uint64_t *seen);
/* The step after write_temporary: tmp (NULL: nothing to do) renamed over
 * path, or removed when error (a failure before, or 0) is set or the rename
 * fails, so no temporary is left behind; frees tmp. Returns error, or the
 * rename's errno value. */
int rename_into_place(const char *path, char *tmp, int error);
/* write_temporary for a path known to have had no file when the build
 * began (its directory was empty or absent then): nothing to compare with,
 * so not even an open to find that out. What else put a file there since is
 * replaced, as a file with other bytes would be. */
int write_new_temporary(const char *path, const char *content, size_t len, mode_t mode, char **tmp);
/* content written to a new file at path, which must not be there yet
 * (EEXIST: it is), with mode; a file that could not be written whole is
 * removed. Returns 0 or an errno value. For a directory no one else writes
 * in (build_early.c's staging directory), where a temporary and a rename
 * would only cost. */
int write_new_file(const char *path, const char *content, size_t len, mode_t mode);
/* write_new_file for name in the directory open as dir (openat): no walk
 * of the directory's own path, which a thousand files each repeat. */
int write_new_file_at(int dir, const char *name, const char *content, size_t len, mode_t mode);
/* A new directory beside path, named as its temporaries are
 * (temporary_path), made as mkdir(path, 0777) would make path; *name set
 * (caller frees). Returns 0 or an errno value. */
int make_temporary_directory(const char *path, char **name);
/* Exactly len bytes written from data (read into data) at offset of fd,
 * however many calls it takes; false on an error, errno set (EIO for an end
 * of file met first). */
bool pwrite_all(int fd, const char *data, size_t len, off_t offset);
bool pread_all(int fd, char *data, size_t len, off_t offset);
/* pwrite_all at the start of fd, then fd closed (also on an error): 0 or an
 * errno value, the first failure's. */
int write_and_close(int fd, const char *data, size_t len);
/* True when dir holds no entry, or is not there at all. */
bool directory_empty_or_absent(const char *dir);
/* What stat says of path, summed up: differs when the file was replaced or
 * written to since. FILE_ABSENT when there is none. */
uint64_t file_identity(const char *path);
/* The hidden temporary beside path with this suffix (six characters, as
 * mkstemp's): DIR/.NAME.SUFFIX. */
char *temporary_path(const char *path, const char *suffix);
/* The staging directory of an OUT that is not there at all
 * (build_early.c), made now beside it with the directories above it, as
 * make_temporary_directory names it; NULL when OUT is there, or names no
 * directory that could be renamed into place ("/", ".", ".."), or the
 * staging directory cannot be made (build then makes OUT itself, and says
 * what fails). Caller frees. */
char *make_staging_directory(const char *out_dir);
/* Removes the files of dir, then dir: a directory of the build's own (the
 * staging directory, its forms), which holds nothing else. */
void remove_directory_files(const char *dir);
#endif
