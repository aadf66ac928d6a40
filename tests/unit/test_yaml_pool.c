/* test_yaml_pool.c — libyaml's allocation functions with and without a pool
 * (yaml_pool.h): seeded random runs of allocations, growths and frees of
 * 0 to 600 bytes, every byte checked after every step (and ASan watching the
 * heap side); freed chunks are used again; pointers from the heap are freed
 * and grown inside a pool; pools nest. */
#include <stdint.h>
#include <stdlib.h>

#include "unit.h"
#include "yaml_pool.h"

enum { LIVE = 64, STEPS = 20000 };

struct live {
	unsigned char *p;
	size_t size;
	unsigned char fill;
};

static uint32_t rng = 12345;

static uint32_t next_random(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

static bool intact(const struct live *l)
{
	for (size_t i = 0; i < l->size; i++)
		if (l->p[i] != (unsigned char)(l->fill + i))
			return false;
	return true;
}

static void fill(struct live *l, size_t from)
{
	for (size_t i = from; i < l->size; i++)
		l->p[i] = (unsigned char)(l->fill + i);
}

/* One random run; false at the first byte lost or chunk misaligned. */
static bool random_run(unsigned seed)
{
	rng = seed;
	struct live live[LIVE] = {{0}};
	bool ok = true;
	for (int step = 0; step < STEPS && ok; step++) {
		struct live *l = &live[next_random() % LIVE];
		size_t size = next_random() % 4 == 0 ? next_random() % 600 : next_random() % 120;
		if (l->p && !intact(l))
			ok = false;
		else if (!l->p && next_random() % 5 == 0) {
			char text[600];
			memset(text, 'a' + (int)(size % 26), size);
			text[size] = '\0';
			l->p = yaml_strdup((const yaml_char_t *)text);
			ok = l->p && strcmp((const char *)l->p, text) == 0;
			yaml_free(l->p);
			l->p = NULL;
		} else if (!l->p) {
			l->p = yaml_malloc(size);
			l->size = size;
			l->fill = (unsigned char)next_random();
			fill(l, 0);
		} else if (next_random() % 2) {
			size_t old = l->size;
			l->p = yaml_realloc(l->p, size);
			l->size = size;
			ok = l->p && (size < old || intact(&(struct live){l->p, old, l->fill}));
			fill(l, 0);
		} else {
			yaml_free(l->p);
			l->p = NULL;
		}
		if (l->p && (uintptr_t)l->p % _Alignof(max_align_t) != 0)
			ok = false;
	}
	for (size_t i = 0; i < LIVE; i++) {
		if (live[i].p && !intact(&live[i]))
			ok = false;
		yaml_free(live[i].p);
	}
	return ok;
}

int main(void)
{
	struct yaml_pool pool;
	yaml_pool_enter(&pool);
	CHECK(pool.usable, "this libyaml allocates through yaml_malloc and yaml_free: pools are used");
	yaml_pool_leave(&pool);

	bool all = true;
	for (unsigned seed = 1; seed <= 20; seed++)
		all = all && random_run(seed);
	CHECK(all, "without a pool: 20 random runs keep every byte");

	all = true;
	for (unsigned seed = 1; seed <= 20 && all; seed++) {
		yaml_pool_enter(&pool);
		all = random_run(seed);
		yaml_pool_leave(&pool);
	}
	CHECK(all, "in a pool: 20 random runs keep every byte, chunks aligned");

	/* A string made and freed a million times over takes one chunk. */
	yaml_pool_enter(&pool);
	for (int i = 0; i < 1000000; i++)
		yaml_free(yaml_malloc(40));
	CHECK(pool.blocks == NULL, "a freed chunk is taken again: no block beyond the pool's own");
	yaml_pool_leave(&pool);

	/* made on the heap before the pool, grown and freed inside it */
	unsigned char *outside = yaml_malloc(24), *outside2 = yaml_malloc(24);
	memcpy(outside, "made outside any pool", 22);
	yaml_pool_enter(&pool);
	outside = yaml_realloc(outside, 200);
	CHECK(outside && memcmp(outside, "made outside any pool", 22) == 0, "a heap pointer grows inside a pool");
	yaml_free(outside);
	yaml_free(outside2);
	yaml_pool_leave(&pool);

	/* nested: the inner pool's chunks go with it, the outer's stay */
	struct yaml_pool inner;
	yaml_pool_enter(&pool);
	unsigned char *a = yaml_malloc(30);
	memcpy(a, "outer", 6);
	yaml_pool_enter(&inner);
	unsigned char *b = yaml_malloc(30);
	memcpy(b, "inner", 6);
	bool inner_ok = strcmp((char *)b, "inner") == 0;
	yaml_free(b);
	yaml_pool_leave(&inner);
	CHECK(inner_ok && strcmp((char *)a, "outer") == 0, "pools nest");
	yaml_free(a);
	yaml_pool_leave(&pool);
	UNIT_END();
}
