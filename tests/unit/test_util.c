/* test_util.c — the buffer writers the renderers use instead of printf:
 * buf_put_repeat, buf_put_long, buf_reset, and skip_clean_words. Each is held
 * to what printf or a plain loop gives. */
#include "unit.h"
#include "util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static void check_repeat(void)
{
	size_t differ = 0;
	for (size_t times = 0; times < 70; times++) {
		struct buf got = {0}, want = {0};
		buf_puts(&got, "ab");
		buf_puts(&want, "ab");
		buf_put_repeat(&got, "\xe2\x94\x80", 3, times); /* ─ */
		for (size_t i = 0; i < times; i++)
			buf_put(&want, "\xe2\x94\x80", 3);
		if (got.len != want.len || (want.data && strcmp(got.data, want.data) != 0))
			differ++;
		buf_free(&got);
		buf_free(&want);
	}
	CHECK(differ == 0, "buf_put_repeat writes what a loop of buf_put writes, 0 to 69 copies (%zu differ)", differ);
	struct buf b = {0};
	buf_put_repeat(&b, " ", 1, 0);
	CHECK(b.data == NULL && b.len == 0, "buf_put_repeat of no copies writes nothing");
	buf_put_repeat(&b, " ", 1, 1000);
	CHECK(b.len == 1000 && b.data[999] == ' ' && b.data[1000] == '\0', "1000 spaces, NUL-terminated");
	buf_free(&b);
}

static void check_long(void)
{
	static const long values[] = {0, 1, -1, 9, 10, 99, 100, 12345, -12345, INT_MAX, INT_MIN, LONG_MAX, LONG_MIN};
	size_t differ = 0;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		char want[32];
		snprintf(want, sizeof want, "x%ld", values[i]);
		struct buf got = {0};
		buf_putc(&got, 'x');
		buf_put_long(&got, values[i]);
		if (strcmp(got.data, want) != 0) {
			printf("    %ld: got %s\n", values[i], got.data);
			differ++;
		}
		buf_free(&got);
	}
	CHECK(differ == 0, "buf_put_long writes what %%ld writes, LONG_MIN and LONG_MAX included (%zu differ)", differ);
}

static void check_reset(void)
{
	struct buf b = {0};
	buf_reset(&b);
	CHECK(b.data == NULL && b.len == 0, "buf_reset of an empty buffer");
	buf_puts(&b, "第一条");
	size_t cap = b.cap;
	buf_reset(&b);
	CHECK(b.len == 0 && b.data && b.data[0] == '\0' && b.cap == cap, "buf_reset empties the text and keeps the room");
	buf_free(&b);
}

static bool has_byte_x(uint64_t word)
{
	unsigned char bytes[sizeof word];
	memcpy(bytes, &word, sizeof word);
	return memchr(bytes, 'x', sizeof word) != NULL;
}

static void check_skip_clean_words(void)
{
	const char *s = "abcdefghabcdefghabcxefghabc";
	size_t n = strlen(s);
	CHECK(skip_clean_words(s, 0, n, has_byte_x) == 16, "skip_clean_words stops at the word holding the byte");
	CHECK(skip_clean_words(s, 20, n, has_byte_x) == 20, "and at a tail shorter than a word");
	CHECK(skip_clean_words("abcdefgh", 0, 8, has_byte_x) == 8, "and after the last clean word");
}

int main(void)
{
	check_repeat();
	check_long();
	check_reset();
	check_skip_clean_words();
	UNIT_END();
}
