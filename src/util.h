/* util.h — allocation that never returns NULL, growable buffers, UTF-8. */
#ifndef POLICYC_UTIL_H
#define POLICYC_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Out of memory is not a recoverable condition for a compiler: the program
 * says so and exits with status 2. */
/* Says so and exits with status 2. */
_Noreturn void out_of_memory(void);
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);
/* dir/name, with no second slash when dir ends in one. */
char *path_join(const char *dir, const char *name);
/* A policy id's characters (SPEC §3): an ASCII letter or digit, then
 * letters, digits, '.', '_' and '-'; they name its files. */
bool id_chars_ok(const char *s);
/* The index of word in the NULL-ended list words, or -1. */
int word_index(const char *const *words, const char *word);

/* Append to a dynamic array: ARRAY_PUSH(v, n, cap, value). */
#define ARRAY_GROW(v, n, cap)                                              \
	do {                                                                   \
		if ((n) >= (cap)) {                                                \
			(cap) = (cap) ? (cap) * 2 : 8;                                 \
			(v) = xrealloc((v), (cap) * sizeof(*(v)));                     \
		}                                                                  \
	} while (0)
#define ARRAY_PUSH(v, n, cap, value)                                       \
	do {                                                                   \
		ARRAY_GROW(v, n, cap);                                             \
		(v)[(n)++] = (value);                                              \
	} while (0)

/* A NUL-terminated byte buffer that grows. */
struct buf {
	char *data;
	size_t len, cap;
};
/* Room for n more bytes and the NUL after them. */
void buf_grow(struct buf *b, size_t n);
/* Room for an output expected to reach about n bytes, made at once rather
 * than by a dozen copies as it grows; at most 1 MiB of it, so that a huge
 * document (7 MiB on one line, in 256 MiB of address space) does not hold
 * its whole output's room while the text is still being worked out. */
void buf_expect(struct buf *b, size_t n);
/* Inline, as buf_puts and buf_putc: the renderers append a few bytes at a
 * time, hundreds of thousands of times a build, and a call (and strlen, for
 * a literal the compiler measures) cost more than the copy. */
static inline void buf_put(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}
static inline void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}
static inline void buf_putc(struct buf *b, char c)
{
	if (b->cap - b->len <= 1)
		buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* `times` copies of the n bytes at s (a padding, a rule). */
void buf_put_repeat(struct buf *b, const char *s, size_t n, size_t times);
/* A number in decimal, as printf's %ld writes it. */
void buf_put_long(struct buf *b, long value);
void buf_free(struct buf *b);
/* Empties the buffer and keeps its room, for the next text. */
void buf_reset(struct buf *b);
/* Hands the contents over (never NULL) and empties the buffer. */
char *buf_take(struct buf *b);

/* The start of the first 8-byte word of s at or after `from` in which
 * `flagged` (a test of all 8 bytes at once) may find a byte, or of the tail
 * shorter than a word: the bytes before it need no look one by one. */
static inline size_t skip_clean_words(const char *s, size_t from, size_t n, bool (*flagged)(uint64_t word))
{
	while (n - from >= sizeof(uint64_t)) {
		uint64_t word;
		memcpy(&word, s + from, sizeof word);
		if (flagged(word))
			break;
		from += sizeof word;
	}
	return from;
}

/* Decodes one code point at s (at most n bytes). Returns its length in bytes
 * (>= 1) and stores the code point, or returns 0 for an invalid sequence. */
size_t utf8_decode_multibyte(const char *s, size_t n, uint32_t *cp);
static inline size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n > 0 && u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	/* three bytes, not a surrogate (ED), not overlong (E0): every Chinese
	 * character and the full-width punctuation (EF) around them */
	if (n >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		return 3;
	}
	return utf8_decode_multibyte(s, n, cp);
}
/* Encodes cp into out (4 bytes at least); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points in the first n bytes of s (invalid bytes count 1 each). */
size_t utf8_count(const char *s, size_t n);
/* Byte offset of the first invalid UTF-8 sequence, or (size_t)-1. */
size_t utf8_first_invalid(const char *s, size_t n);

/* Reads a whole file; returns NULL (errno set) on failure. */
char *read_file(const char *path, size_t *len);

bool str_starts_with(const char *s, const char *prefix);
#endif
