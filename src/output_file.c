/* output_file.c — directories and atomic, change-only file writes. */
#include "output_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int make_dirs(const char *dir, char **failed)
{
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
	char chunk[16384];
	size_t at = 0;
	while (same && at < len) {
		size_t want = len - at < sizeof chunk ? len - at : sizeof chunk;
		ssize_t n = read(fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || memcmp(chunk, content + at, (size_t)n) != 0)
			same = false;
		else
			at += (size_t)n;
	}
	close(fd);
	return same;
}

uint64_t file_identity(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? identity_of(&st) : FILE_ABSENT;
}

static bool write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			errno = EIO;
		if (n <= 0)
			return false;
		s += n;
		len -= (size_t)n;
	}
	return true;
}

char *temporary_path(const char *path, const char *suffix)
{
	const char *slash = strrchr(path, '/');
	return slash ? xasprintf("%.*s/.%s.%s", (int)(slash - path), path, slash + 1, suffix)
		     : xasprintf(".%s.%s", path, suffix);
}

int write_temporary(const char *path, const char *content, size_t len, mode_t mode, char **tmp, uint64_t *seen)
{
	*tmp = NULL;
	if (same_content(path, content, len, seen))
		return 0;
	char *name = temporary_path(path, "XXXXXX");
	int fd = mkstemp(name);
	if (fd < 0) {
		int error = errno;
		free(name);
		return error;
	}
	int error = 0;
	errno = 0;
	if (!write_all(fd, content, len) || fchmod(fd, mode) != 0)
		error = errno ? errno : EIO;
	if (close(fd) != 0 && error == 0)
		error = errno;
	if (error) {
		unlink(name);
		free(name);
		return error;
	}
	*tmp = name;
	return 0;
}

int write_atomically(const char *path, const char *content, size_t len, mode_t mode)
{
	char *tmp;
	int error = write_temporary(path, content, len, mode, &tmp, NULL);
	if (error == 0 && tmp != NULL && rename(tmp, path) != 0) {
		error = errno;
		unlink(tmp);
	}
	free(tmp);
	return error;
}
