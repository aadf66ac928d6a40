/* name_map.c — see name_map.h. */
#include "name_map.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static size_t name_hash(const char *name)
{
	size_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

/* The slot of name, or the free slot where it would go. */
static struct name_map_entry *slot_of(const struct name_map *map, const char *name)
{
	size_t i = name_hash(name) & (map->cap - 1);
	while (map->slots[i].name && strcmp(map->slots[i].name, name) != 0)
		i = (i + 1) & (map->cap - 1);
	return &map->slots[i];
}

bool name_map_put(struct name_map *map, const char *name, const void *value, size_t order)
{
	if (2 * (map->n + 1) > map->cap) {
		struct name_map bigger = {xcalloc(map->cap ? 2 * map->cap : 64, sizeof *map->slots),
					  map->cap ? 2 * map->cap : 64, map->n};
		for (size_t i = 0; i < map->cap; i++)
			if (map->slots[i].name)
				*slot_of(&bigger, map->slots[i].name) = map->slots[i];
		free(map->slots);
		*map = bigger;
	}
	struct name_map_entry *slot = slot_of(map, name);
	if (slot->name) {
		if (order < slot->order)
			*slot = (struct name_map_entry){name, value, order};
		return false;
	}
	*slot = (struct name_map_entry){name, value, order};
	map->n++;
	return true;
}

const struct name_map_entry *name_map_get(const struct name_map *map, const char *name)
{
	if (map->cap == 0)
		return NULL;
	const struct name_map_entry *slot = slot_of(map, name);
	return slot->name ? slot : NULL;
}

void name_map_free(struct name_map *map)
{
	free(map->slots);
	*map = (struct name_map){0};
}
