/* text_scan.h — line ends and the end of valid text in a policy's bytes,
 * a block of bytes at a time (text_scan.c). */
#ifndef POLICYC_TEXT_SCAN_H
#define POLICYC_TEXT_SCAN_H

#include <stddef.h>

/* The first "\n" or "\r" in s[i..len), or len. */
size_t next_line_break(const char *s, size_t i, size_t len);

/* The first byte of s[at..len) that is NUL or begins no well-formed UTF-8
 * character (utf8_decode), or len. s[len] must be readable (doc->src ends
 * with a NUL). */
size_t text_end(const char *s, size_t at, size_t len);
#endif
