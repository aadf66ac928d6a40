/* yaml_pool.c — see yaml_pool.h. */
#include "yaml_pool.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Before every chunk of a pool: its size class. Sixteen bytes keep the
 * chunk aligned for anything libyaml stores. */
struct chunk_head {
	size_t class;
	size_t unused;
};

struct yaml_pool_block {
	struct yaml_pool_block *next;
	char *end;
	max_align_t bytes[];
};

static _Thread_local struct yaml_pool *current;

/* ---- whether libyaml allocates and frees through the functions below ---- */

static pthread_once_t probe_once = PTHREAD_ONCE_INIT;
static bool pools_usable; /* written once, under probe_once */

static void start(struct yaml_pool *pool, bool usable)
{
	pool->outer = current;
	pool->usable = usable;
	pool->heap_taken = pool->heap_given = 0;
	pool->blocks = NULL;
	pool->next = pool->first;
	pool->end = pool->first + sizeof pool->first;
	memset(pool->free_chunks, 0, sizeof pool->free_chunks);
	current = pool;
}

/* libyaml's parser setup and teardown in a pool that only counts. */
static void probe(void)
{
	struct yaml_pool counter;
	start(&counter, false);
	yaml_parser_t parser;
	if (yaml_parser_initialize(&parser))
		yaml_parser_delete(&parser);
	yaml_pool_leave(&counter);
	pools_usable = counter.heap_taken > 0 && counter.heap_taken == counter.heap_given;
}

void yaml_pool_enter(struct yaml_pool *pool)
{
	pthread_once(&probe_once, probe);
	start(pool, pools_usable);
}

void yaml_pool_leave(struct yaml_pool *pool)
{
	for (struct yaml_pool_block *b = pool->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	pool->blocks = NULL;
	current = pool->outer;
}

/* ---- chunks ---- */

static size_t class_of(size_t size)
{
	return size == 0 ? 0 : (size - 1) / 16;
}

static size_t class_size(size_t class)
{
	return 16 * (class + 1);
}

static bool within(const void *p, const char *start, const char *end)
{
	uintptr_t u = (uintptr_t)p;
	return u >= (uintptr_t)start && u < (uintptr_t)end;
}

static bool from_pool(const struct yaml_pool *pool, const void *p)
{
	if (within(p, pool->first, pool->first + sizeof pool->first))
		return true;
	for (const struct yaml_pool_block *b = pool->blocks; b; b = b->next)
		if (within(p, (const char *)b->bytes, b->end))
			return true;
	return false;
}

static struct chunk_head *head_of(void *p)
{
	return (struct chunk_head *)p - 1;
}

/* A new block of room, twice the size of the one before (the first is
 * the pool's own). */
static void add_block(struct yaml_pool *pool, size_t need)
{
	size_t size = pool->blocks ? 2 * (size_t)(pool->blocks->end - (char *)pool->blocks->bytes) : 2 * sizeof pool->first;
	if (size < need)
		size = need;
	struct yaml_pool_block *b = xmalloc(offsetof(struct yaml_pool_block, bytes) + size);
	b->next = pool->blocks;
	b->end = (char *)b->bytes + size;
	pool->blocks = b;
	pool->next = (char *)b->bytes;
	pool->end = b->end;
}

static void *pool_take(struct yaml_pool *pool, size_t size)
{
	size_t class = class_of(size);
	void *p = pool->free_chunks[class];
	if (p) {
		memcpy(&pool->free_chunks[class], p, sizeof(void *));
		return p;
	}
	size_t need = sizeof(struct chunk_head) + class_size(class);
	if ((size_t)(pool->end - pool->next) < need)
		add_block(pool, need);
	struct chunk_head *head = (struct chunk_head *)(void *)pool->next;
	pool->next += need;
	head->class = class;
	return head + 1;
}

static void pool_give_back(struct yaml_pool *pool, void *p)
{
	size_t class = head_of(p)->class;
	memcpy(p, &pool->free_chunks[class], sizeof(void *));
	pool->free_chunks[class] = p;
}

/* ---- libyaml's four, as its api.c has them outside a pool ---- */

void *yaml_malloc(size_t size)
{
	struct yaml_pool *pool = current;
	if (pool && pool->usable && size <= YAML_POOL_SMALL_MAX)
		return pool_take(pool, size);
	if (pool && !pool->usable) /* the probe counts */
		pool->heap_taken++;
	return malloc(size ? size : 1);
}

void yaml_free(void *ptr)
{
	if (!ptr)
		return;
	struct yaml_pool *pool = current;
	if (pool && pool->usable && from_pool(pool, ptr)) {
		pool_give_back(pool, ptr);
		return;
	}
	if (pool && !pool->usable)
		pool->heap_given++;
	free(ptr);
}

void *yaml_realloc(void *ptr, size_t size)
{
	if (!ptr)
		return yaml_malloc(size);
	struct yaml_pool *pool = current;
	if (!pool || !pool->usable || !from_pool(pool, ptr))
		return realloc(ptr, size ? size : 1);
	size_t have = class_size(head_of(ptr)->class);
	if (size <= have)
		return ptr;
	void *moved = yaml_malloc(size);
	if (moved) {
		memcpy(moved, ptr, have);
		pool_give_back(pool, ptr);
	}
	return moved;
}

yaml_char_t *yaml_strdup(const yaml_char_t *str)
{
	if (!str)
		return NULL;
	size_t size = strlen((const char *)str) + 1;
	yaml_char_t *copy = yaml_malloc(size);
	if (copy)
		memcpy(copy, str, size);
	return copy;
}
