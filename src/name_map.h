/* name_map.h — names (ids, titles) mapped to what first carries them: a hash
 * table, so that ten thousand documents cost ten thousand lookups and not
 * fifty million comparisons. */
#ifndef POLICYC_NAME_MAP_H
#define POLICYC_NAME_MAP_H

#include <stdbool.h>
#include <stddef.h>

struct name_map_entry {
	const char *name; /* borrowed; NULL: a free slot */
	const void *value;
	size_t order;     /* the lowest order put wins */
};

struct name_map {
	struct name_map_entry *slots; /* open addressing */
	size_t cap, n;
};

/* Maps name to value unless it is mapped already with a lower order. False
 * when the name was there before (whichever order wins). */
bool name_map_put(struct name_map *map, const char *name, const void *value, size_t order);
/* The entry of name, or NULL. */
const struct name_map_entry *name_map_get(const struct name_map *map, const char *name);
void name_map_free(struct name_map *map);
#endif
