#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void out_of_memory(void)
{
	/* An internal failure is exit status 2 (SPEC §1), not a signal; _Exit
	 * because other threads may still be running. */
	fputs("policyc: out of memory\n", stderr);
	_Exit(2);
}

static void *check(void *p)
{
	if (p == NULL)
		out_of_memory();
	return p;
}

void *xmalloc(size_t n) { return check(malloc(n ? n : 1)); }
void *xcalloc(size_t count, size_t size) { return check(calloc(count ? count : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return check(realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return check(strdup(s)); }

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Formatting twice (to measure, then to write) doubled the cost of every
 * short string: format into a stack buffer and copy, and only a long result
 * is formatted again. */
char *xvasprintf(const char *fmt, va_list ap)
{
	char small[256];
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (n < 0)
		n = 0;
	char *s = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(s, small, (size_t)n + 1);
	else
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

static bool letter_or_digit(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A loop: it is asked of every policy and every link to one, and strspn
 * with these 65 characters builds a table of 256 on every call. */
bool id_chars_ok(const char *s)
{
	if (!letter_or_digit(s[0]))
		return false;
	for (const char *p = s + 1; *p; p++)
		if (!letter_or_digit(*p) && *p != '.' && *p != '_' && *p != '-')
			return false;
	return true;
}

int word_index(const char *const *words, const char *word)
{
	for (int i = 0; words[i]; i++) /* the first byte rules out most words without a call */
		if (words[i][0] == word[0] && strcmp(words[i], word) == 0)
			return i;
	return -1;
}

/* Without printf: thousands of names are joined before the workers start. */
char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir), m = strlen(name);
	bool slash = n > 0 && dir[n - 1] == '/';
	char *path = xmalloc(n + !slash + m + 1);
	memcpy(path, dir, n);
	if (!slash)
		path[n++] = '/';
	memcpy(path + n, name, m + 1);
	return path;
}

void buf_grow(struct buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
	b->data[b->len] = '\0'; /* a buffer made room in and then left empty is "" */
}

/* Formatted straight into the buffer's room; only a result longer than
 * the room is formatted a second time, once room is made for it. */
void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	buf_grow(b, 64);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->data + b->len, room, fmt, ap);
	if (n > 0 && (size_t)n >= room) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n;
	b->data[b->len] = '\0';
}

void buf_expect(struct buf *b, size_t n)
{
	const size_t most = (size_t)1 << 20;
	buf_grow(b, n < most ? n : most);
}

void buf_put_repeat(struct buf *b, const char *s, size_t n, size_t times)
{
	if (times == 0 || n == 0)
		return;
	if (n == 1) { /* padding: one memset */
		buf_grow(b, times);
		memset(b->data + b->len, s[0], times);
		b->len += times;
		b->data[b->len] = '\0';
		return;
	}
	buf_put(b, s, n);
	buf_grow(b, n * (times - 1));
	/* the copies made so far copied at once: log2(times) memcpy calls */
	size_t start = b->len - n, made = 1;
	while (made < times) {
		size_t more = made < times - made ? made : times - made;
		memcpy(b->data + start + made * n, b->data + start, more * n);
		made += more;
	}
	b->len = start + times * n;
	b->data[b->len] = '\0';
}

void buf_put_long(struct buf *b, long value)
{
	char digits[24];
	size_t at = sizeof digits;
	unsigned long magnitude = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
	do
		digits[--at] = (char)('0' + magnitude % 10);
	while ((magnitude /= 10) > 0);
	if (value < 0)
		digits[--at] = '-';
	buf_put(b, digits + at, sizeof digits - at);
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *buf_take(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

size_t utf8_decode_multibyte(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return 0;
	/* three bytes: every Chinese character, so checked first and unrolled */
	if ((u[0] & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		uint32_t c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		*cp = c;
		return 3;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t len;
	uint32_t c, min;
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_count(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; count++) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		i += len ? len : 1;
	}
	return count;
}

size_t utf8_first_invalid(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return i;
		i += len;
	}
	return (size_t)-1;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, n);
	int failed = ferror(f);
	int saved = errno;
	fclose(f);
	if (failed) {
		buf_free(&b);
		errno = saved ? saved : EIO;
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

bool str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
