/* yaml_pool.h — libyaml's small allocations, while yaml_load parses a text,
 * from a pool of that text's own instead of malloc and free.
 *
 * libyaml allocates through four functions of its own (yaml_malloc,
 * yaml_realloc, yaml_free, yaml_strdup), called from its scanner and parser
 * through the dynamic linker's table like any function of the library. This
 * file defines them, and so takes their place in the process: a few hundred
 * allocations of 16 to 100 bytes a text (four strings for every scalar the
 * scanner reads, freed a moment later), which were three quarters of all the
 * malloc and free calls of a check, become a pop and a push on a list.
 *
 * A pool is one yaml_load's, on its stack; it is the thread's current pool
 * between yaml_pool_enter and yaml_pool_leave, and everything libyaml took
 * from it is given back by then (libyaml's parser and events are deleted
 * before). Outside a pool, and for anything larger than a small string, the
 * four functions are libyaml's own: malloc, realloc, free and strdup.
 *
 * Should this libyaml call malloc or free directly from within itself (a
 * build that inlines its yaml_free), a pointer from a pool could reach free:
 * so before the first pool a probe checks that libyaml's own parser setup
 * and teardown come here for both, and if not, no pool is ever used. */
#ifndef POLICYC_YAML_POOL_H
#define POLICYC_YAML_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

/* Chunks of 16 to SMALL_MAX bytes, by sixteens: libyaml's strings start at
 * 16 and double. */
enum { YAML_POOL_CLASSES = 16, YAML_POOL_SMALL_MAX = 16 * YAML_POOL_CLASSES, YAML_POOL_FIRST = 8192 };

struct yaml_pool_block;

struct yaml_pool {
	struct yaml_pool *outer;   /* the thread's pool before this one, if any */
	bool usable;               /* false: libyaml does not allocate through us */
	size_t heap_taken, heap_given; /* in a pool not used (the probe's): libyaml's allocations and frees */
	struct yaml_pool_block *blocks; /* beyond `first`, the newest first */
	char *next, *end;          /* unused room of the newest block */
	void *free_chunks[YAML_POOL_CLASSES];
	_Alignas(max_align_t) char first[YAML_POOL_FIRST];
};

/* The thread's current pool becomes `pool`, until yaml_pool_leave. */
void yaml_pool_enter(struct yaml_pool *pool);
/* Frees the pool's blocks; the pool before it is current again. Nothing
 * libyaml took from it may be in use. */
void yaml_pool_leave(struct yaml_pool *pool);

/* libyaml's allocation functions (its yaml_private.h), defined here. */
void *yaml_malloc(size_t size);
void *yaml_realloc(void *ptr, size_t size);
void yaml_free(void *ptr);
yaml_char_t *yaml_strdup(const yaml_char_t *str);
#endif
