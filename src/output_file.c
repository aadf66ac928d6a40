/* output_file.c — directories and atomic, change-only file writes. */
#include "output_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
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

/* True when path holds exactly these bytes; reads no more than it must. */
static bool same_content(const char *path, const char *content, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
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

int write_atomically(const char *path, const char *content, size_t len, mode_t mode)
{
	if (same_content(path, content, len))
		return 0;
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1)
			  : xasprintf(".%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int error = errno;
		free(tmp);
		return error;
	}
	int error = 0;
	errno = 0;
	if (!write_all(fd, content, len) || fchmod(fd, mode) != 0)
		error = errno ? errno : EIO;
	if (close(fd) != 0 && error == 0)
		error = errno;
	if (error == 0 && rename(tmp, path) != 0)
		error = errno;
	if (error)
		unlink(tmp);
	free(tmp);
	return error;
}
