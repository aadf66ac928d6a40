/* text_scan.h — line ends and the end of valid text in a policy's bytes,
 * a block of bytes at a time (text_scan.c). */
#ifndef POLICYC_TEXT_SCAN_H
#define POLICYC_TEXT_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Bit k set: s[at + k] is "\n" or "\r", for the 64 bytes from at, or those
 * of them before len. A 64-byte block a step (with SSE2): split_lines finds
 * a line's end in a bit, not in a call that scans to it. */
uint64_t line_break_bits(const char *s, size_t at, size_t len);

/* The first byte of s[at..len) that is NUL or begins no well-formed UTF-8
 * character (utf8_decode), or len. s[len] must be readable (doc->src ends
 * with a NUL). */
size_t text_end(const char *s, size_t at, size_t len);
#endif
