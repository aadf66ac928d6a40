/* output_file.c — directories and atomic, change-only file writes. */
#include "output_file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* The directory made, or there already (as a directory). */
static bool made_or_there(const char *path)
{
	struct stat st;
	if (mkdir(path, 0777) == 0)
		return true;
	return errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int make_dirs(const char *dir, char **failed)
{
	/* Usually the whole path is there, or only its last part is missing:
	 * one mkdir (and a stat) instead of one of each for every component.
	 * Anything else takes the walk below, which names the part that fails. */
	if (made_or_there(dir))
		return 0;
	char *path = xstrdup(dir);
	int error = 0;
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		struct stat st;
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			error = errno;
		else if (stat(path, &st) != 0)
			error = errno;
		else if (!S_ISDIR(st.st_mode))
			error = ENOTDIR;
		if (error) {
			*failed = path;
			return error;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(path);
	return 0;
}

bool directory_empty_or_absent(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return errno == ENOENT;
	bool empty = true;
	for (struct dirent *entry; empty && (entry = readdir(d)) != NULL;)
		empty = strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0;
	closedir(d);
	return empty;
}

/* A summary of what stat says of a file: another file put there, or the same
 * one written to, gives another value (but for a collision of the hash). */
static uint64_t identity_of(const struct stat *st)
{
	uint64_t parts[] = {(uint64_t)st->st_dev, (uint64_t)st->st_ino, (uint64_t)st->st_size,
			    (uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec,
			    (uint64_t)st->st_ctim.tv_sec, (uint64_t)st->st_ctim.tv_nsec};
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		h = (h ^ parts[i]) * 0x100000001b3u;
	return h | 1; /* never FILE_ABSENT */
}

enum { COMPARE_CHUNK = 256 * 1024 };

/* True when path holds exactly these bytes; reads no more than it must.
 * *seen (when not NULL): the file that was compared, or FILE_ABSENT. */
static bool same_content(const char *path, const char *content, size_t len, uint64_t *seen)
{
	if (seen)
		*seen = FILE_ABSENT;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool same = fstat(fd, &st) == 0;
	if (same && seen)
		*seen = identity_of(&st);
	same = same && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
	/* a page in one read, where a small chunk on the stack took two or
	 * three; the largest files in a few */
	size_t room = len < COMPARE_CHUNK ? len : COMPARE_CHUNK;
	char *chunk = same && room > 0 ? xmalloc(room) : NULL;
	for (size_t at = 0, want; same && at < len; at += want) {
		want = len - at < room ? len - at : room;
		same = pread_all(fd, chunk, want, (off_t)at) && memcmp(chunk, content + at, want) == 0;
	}
	free(chunk);
	close(fd);
	return same;
}

uint64_t file_identity(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? identity_of(&st) : FILE_ABSENT;
}

/* Exactly len bytes between data and fd at offset, by pwrite from `from`
 * or pread into `into` (one of them NULL): the one loop over short
 * transfers and interruptions, for both directions. */
static bool transfer_all(int fd, char *into, const char *from, size_t len, off_t offset)
{
	for (size_t at = 0; at < len;) {
		ssize_t n = from ? pwrite(fd, from + at, len - at, offset + (off_t)at)
				 : pread(fd, into + at, len - at, offset + (off_t)at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			errno = n == 0 ? EIO : errno;
			return false;
		}
		at += (size_t)n;
	}
	return true;
}

bool pwrite_all(int fd, const char *data, size_t len, off_t offset)
{
	return transfer_all(fd, NULL, data, len, offset);
}

bool pread_all(int fd, char *data, size_t len, off_t offset)
{
	return transfer_all(fd, data, NULL, len, offset);
}

int write_and_close(int fd, const char *data, size_t len)
{
	int error = pwrite_all(fd, data, len, 0) ? 0 : errno;
	if (close(fd) != 0 && error == 0)
		error = errno;
	return error;
}

char *temporary_path(const char *path, const char *suffix)
{
	const char *slash = strrchr(path, '/');
	return slash ? xasprintf("%.*s/.%s.%s", (int)(slash - path), path, slash + 1, suffix)
		     : xasprintf(".%s.%s", path, suffix);
}

/* Attempts at a free temporary name before giving up, as mkstemp does after
 * its own many: only a directory filled on purpose runs out of them. */
enum { TEMPORARY_ATTEMPTS = 100 };

/* The six characters of a temporary name for path: what mkstemp would put
 * there, but from the clock (read without a system call, where getrandom and
 * getpid take one) and the path instead of random bytes, and no counter
 * shared between threads. Two threads or processes that meet on a name are
 * kept apart by O_EXCL: the one that loses takes the next attempt. */
static void temporary_suffix(const char *path, uint64_t seed, unsigned attempt, char suffix[7])
{
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	uint64_t h = 0xcbf29ce484222325u;
	for (const char *p = path; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3u;
	h = (h ^ seed) * 0x100000001b3u;
	h = (h ^ attempt) * 0x100000001b3u;
	h ^= h >> 29; /* the multiplications leave the low bits poorly mixed */
	for (int i = 0; i < 6; i++, h /= 62)
		suffix[i] = letters[h % 62];
	suffix[6] = '\0';
}

/* A new temporary beside path, made by make (an open for writing, or a
 * mkdir) under a name from temporary_suffix; *name set (caller frees).
 * Returns make's result (a descriptor, or 0 for a directory), or -1 with
 * errno set. */
typedef int temporary_maker(const char *name, mode_t mode);

static int make_temporary(const char *path, mode_t mode, temporary_maker *make, char **name)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	uint64_t seed = (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
	char suffix[7];
	for (unsigned attempt = 0; attempt < TEMPORARY_ATTEMPTS; attempt++) {
		temporary_suffix(path, seed, attempt, suffix);
		*name = temporary_path(path, suffix);
		int made = make(*name, mode);
		if (made >= 0)
			return made;
		int error = errno;
		free(*name);
		*name = NULL;
		if (error != EEXIST) {
			errno = error;
			return -1;
		}
	}
	errno = EEXIST;
	return -1;
}

/* Created with mode, which is 0666 less the umask (build_file_mode): the
 * kernel takes the umask off again, which leaves it as it is, so the file
 * has the bits mkstemp's 0600 and an fchmod(mode) gave, in one call. (A
 * default ACL on the directory is honoured, as by any file created with
 * open, where fchmod overrode it.) */
static int create_file(const char *name, mode_t mode)
{
	return open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
}

static int create_directory(const char *name, mode_t mode)
{
	return mkdir(name, mode);
}

int make_temporary_directory(const char *path, char **name)
{
	return make_temporary(path, 0777, create_directory, name) < 0 ? errno : 0;
}

/* fd (open on the new file name, in dir) given content and closed; the
 * file removed when it could not be written whole. Returns 0 or an errno
 * value. */
static int fill_new_file(int fd, int dir, const char *name, const char *content, size_t len)
{
	int error = write_and_close(fd, content, len);
	if (error)
		unlinkat(dir, name, 0);
	return error;
}

int write_new_file_at(int dir, const char *name, const char *content, size_t len, mode_t mode)
{
	int fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	return fd < 0 ? errno : fill_new_file(fd, dir, name, content, len);
}

int write_new_file(const char *path, const char *content, size_t len, mode_t mode)
{
	return write_new_file_at(AT_FDCWD, path, content, len, mode);
}

int write_temporary(const char *path, const char *content, size_t len, mode_t mode, char **tmp, uint64_t *seen)
{
	*tmp = NULL;
	if (same_content(path, content, len, seen))
		return 0;
	return write_new_temporary(path, content, len, mode, tmp);
}

int write_new_temporary(const char *path, const char *content, size_t len, mode_t mode, char **tmp)
{
	*tmp = NULL;
	char *name;
	int fd = make_temporary(path, mode, create_file, &name);
	if (fd < 0)
		return errno;
	int error = fill_new_file(fd, AT_FDCWD, name, content, len);
	if (error) {
		free(name);
		return error;
	}
	*tmp = name;
	return 0;
}

int rename_into_place(const char *path, char *tmp, int error)
{
	if (tmp == NULL)
		return error;
	if (error == 0 && rename(tmp, path) != 0)
		error = errno;
	if (error)
		unlink(tmp);
	free(tmp);
	return error;
}

int write_atomically(const char *path, const char *content, size_t len, mode_t mode)
{
	char *tmp;
	int error = write_temporary(path, content, len, mode, &tmp, NULL);
	return rename_into_place(path, tmp, error);
}

int write_new_atomically(const char *path, const char *content, size_t len, mode_t mode)
{
	char *tmp;
	int error = write_new_temporary(path, content, len, mode, &tmp);
	return rename_into_place(path, tmp, error);
}

char *make_staging_directory(const char *out_dir)
{
	struct stat st;
	if (lstat(out_dir, &st) == 0 || errno != ENOENT)
		return NULL;
	char *path = xstrdup(out_dir);
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	char *staging = NULL;
	if (*name != '\0' && strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
		char *failed = NULL;
		int error = 0;
		if (slash != NULL && slash > path) {
			*slash = '\0';
			error = make_dirs(path, &failed);
			*slash = '/';
		}
		if (error == 0 && make_temporary_directory(path, &staging) != 0)
			staging = NULL;
		free(failed);
	}
	free(path);
	return staging;
}

void remove_directory_files(const char *dir)
{
	DIR *d = opendir(dir);
	for (struct dirent *entry; d && (entry = readdir(d)) != NULL;) {
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		char *path = path_join(dir, entry->d_name);
		unlink(path);
		free(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}
