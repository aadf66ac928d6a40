/* md_arena.c — see md_arena.h. */
#include "md_arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { BLOCK_SIZE = 64 * 1024 };

/* Before every allocation: its size, and whether the heap holds it. */
struct header {
	size_t size;
	size_t on_heap;
};
/* Keeps what follows a header aligned for any type. */
#define HEADER_SIZE ((sizeof(struct header) + alignof(max_align_t) - 1) / alignof(max_align_t) * alignof(max_align_t))

struct block {
	struct block *next;
};
#define BLOCK_HEADER ((sizeof(struct block) + alignof(max_align_t) - 1) / alignof(max_align_t) * alignof(max_align_t))

struct md_arena {
	struct block *blocks;
	char *next;  /* free space in the newest block */
	size_t left;
	const struct header *newest; /* of the allocations made for cmark */
};

static _Thread_local struct md_arena *current;

struct md_arena *md_arena_new(void)
{
	return xcalloc(1, sizeof(struct md_arena));
}

void md_arena_free(struct md_arena *arena)
{
	if (arena == NULL)
		return;
	for (struct block *b = arena->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(arena);
}

void md_arena_enter(struct md_arena *arena) { current = arena; }
void md_arena_leave(void) { current = NULL; }

static size_t round_up(size_t n)
{
	size_t align = alignof(max_align_t);
	return (n + align - 1) / align * align;
}

/* `need` bytes (a multiple of the alignment), zeroed: a block is zeroed
 * whole when it is made (at once, that costs less than clearing each of the
 * thousands of nodes cut from it), and no byte of it is handed out twice. */
static void *bump(struct md_arena *arena, size_t need)
{
	if (need > arena->left) {
		size_t block_size = need > BLOCK_SIZE - BLOCK_HEADER ? BLOCK_HEADER + need : BLOCK_SIZE;
		struct block *b = xcalloc(1, block_size);
		b->next = arena->blocks;
		arena->blocks = b;
		arena->next = (char *)b + BLOCK_HEADER;
		arena->left = block_size - BLOCK_HEADER;
	}
	void *p = arena->next;
	arena->next += need;
	arena->left -= need;
	return p;
}

/* Zeroed memory for `size` bytes after a header. */
static struct header *take(size_t size)
{
	if (size > SIZE_MAX / 2)
		out_of_memory();
	size_t need = HEADER_SIZE + round_up(size);
	struct md_arena *arena = current;
	struct header *h;
	if (arena == NULL) {
		h = xcalloc(1, need);
		h->on_heap = 1;
	} else {
		h = bump(arena, need); /* zeroed */
		arena->newest = h;
	}
	h->size = size;
	return h;
}

void *md_arena_alloc(struct md_arena *arena, size_t size)
{
	if (size > SIZE_MAX / 2)
		out_of_memory();
	return bump(arena, round_up(size)); /* zeroed */
}

char *md_arena_strndup(struct md_arena *arena, const char *s, size_t n)
{
	n = strnlen(s, n);
	char *copy = bump(arena, round_up(n + 1));
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

static void *arena_calloc(size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		out_of_memory();
	return (char *)take(count * size) + HEADER_SIZE;
}

static void arena_free(void *p)
{
	if (p == NULL)
		return;
	struct header *h = (struct header *)((char *)p - HEADER_SIZE);
	if (h->on_heap)
		free(h);
}

size_t md_arena_newest_size(const struct md_arena *arena, const void *p)
{
	const struct header *h = arena->newest;
	return h && (const char *)h + HEADER_SIZE == (const char *)p ? h->size : 0;
}

static void *arena_realloc(void *p, size_t size)
{
	if (p == NULL)
		return arena_calloc(1, size);
	struct header *old = (struct header *)((char *)p - HEADER_SIZE);
	if (old->on_heap && current == NULL) {
		struct header *h = xrealloc(old, HEADER_SIZE + size);
		h->size = size;
		return (char *)h + HEADER_SIZE;
	}
	if (size <= old->size) {
		old->size = size;
		return p;
	}
	/* cmark's buffers grow while they are the newest allocation: in place,
	 * when the block has room (realloc's new bytes need not be zero). */
	struct md_arena *arena = current;
	size_t have = round_up(old->size);
	if (arena && !old->on_heap && (char *)p + have == arena->next && size <= SIZE_MAX / 2 &&
	    round_up(size) - have <= arena->left) {
		bump(arena, round_up(size) - have);
		old->size = size;
		return p;
	}
	void *moved = (char *)take(size) + HEADER_SIZE;
	memcpy(moved, p, old->size);
	arena_free(p);
	return moved;
}

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

cmark_mem *md_arena_mem(void)
{
	return &arena_mem;
}
