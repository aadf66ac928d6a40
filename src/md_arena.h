/* md_arena.h — one arena per document for its cmark-gfm tree and the
 * provision tree built on it (parse.c), which live and go together.
 *
 * A parsed policy is thousands of small cmark allocations, each freed again
 * one by one when the document is done with; from an arena they cost a
 * pointer increment and go all at once. cmark's allocator callbacks carry no
 * context, so the arena that serves them is the calling thread's current one
 * (md_arena_enter/leave around the parse); outside that window they fall back
 * to the heap, and every block says where it came from, so a free is always
 * right. */
#ifndef POLICYC_MD_ARENA_H
#define POLICYC_MD_ARENA_H

#include <cmark-gfm.h>

struct md_arena;

struct md_arena *md_arena_new(void);
/* Frees every block, and with them the tree allocated in them: nothing of
 * it may be on the heap (parse.c asks cmark for every string it makes
 * lazily while the arena is current). */
void md_arena_free(struct md_arena *arena);
/* Zeroed memory in the arena, aligned for any type; it goes with the arena. */
void *md_arena_alloc(struct md_arena *arena, size_t size);
/* The first n bytes of s (fewer at a NUL), NUL-terminated, in the arena. */
char *md_arena_strndup(struct md_arena *arena, const char *s, size_t n);
/* The size cmark asked for when p is the newest of its allocations in the
 * arena, else 0: a string cmark has just copied is that long, with its NUL
 * (parse.c). */
size_t md_arena_newest_size(const struct md_arena *arena, const void *p);
/* The allocator to give cmark_parser_new_with_mem. */
cmark_mem *md_arena_mem(void);
/* Makes arena the current thread's arena until md_arena_leave. */
void md_arena_enter(struct md_arena *arena);
void md_arena_leave(void);
#endif
