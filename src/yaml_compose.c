/* yaml_compose.c — a YAML document composed from libyaml's parser events,
 * in libyaml's yaml_document_t shape, so that yaml_load.c's readers and the
 * callers walk it as they walked yaml_parser_load's.
 *
 * Why not yaml_parser_load: it made two or three allocations a node — a copy
 * of the default tag, which nothing here reads, and a growing list for every
 * collection — and yaml_document_delete freed them one by one: a quarter of
 * yaml_load's instructions, the rest being libyaml's parsing. Here the nodes sit in one array,
 * and every collection's items or pairs and every scalar's text in one block
 * (a few for large texts), all freed at once by yaml_unload. The nodes are
 * numbered, linked and marked as libyaml's loader does it, aliases point at
 * their anchor's node as there, and its two errors of its own (an undefined
 * alias, an anchor given twice) carry its words and marks. */
#include "yaml_compose.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "yaml_load.h"
#include "yaml_pool.h"

/* A block of the texts and lists of one document; the newest first. */
struct yaml_block {
	struct yaml_block *next;
	size_t used, size;
	max_align_t bytes[];
};

/* What doc->nodes.start points into: the nodes, after the blocks' list. */
struct loaded {
	struct yaml_block *blocks;
	yaml_node_t nodes[];
};

/* A collection whose end event has not come yet. */
struct open_collection {
	int node;            /* numbered from 1, as libyaml numbers nodes */
	size_t first_child;  /* where its children start in composer.children */
};

struct anchor {
	yaml_char_t *name;   /* taken over from its event */
	int node;
};

/* The lists a composition needs only while it runs start on the C stack:
 * front matter and forms nest a few levels and hold a few dozen nodes. */
enum { LOCAL_CHILDREN = 256, LOCAL_OPEN = 32 };

struct composer {
	yaml_parser_t *parser;
	struct loaded *loaded;
	size_t nnodes, nodes_cap;
	size_t block_size;  /* of the first block */
	int *children;      /* of the open collections, the innermost's last */
	size_t nchildren, children_cap;
	struct open_collection *open;
	size_t nopen, open_cap;
	struct anchor *anchors;
	size_t nanchors, anchors_cap;
	int local_children[LOCAL_CHILDREN];
	struct open_collection local_open[LOCAL_OPEN];
};

/* *v (n of *cap elements of `size` bytes, at first in `local`) with room for
 * one more: moved to the heap when local is full, grown there after. */
static void *room_for_one_more(void *v, const void *local, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap *= 2;
	if (v != local)
		return xrealloc(v, *cap * size);
	void *heap = xmalloc(*cap * size);
	memcpy(heap, v, n * size);
	return heap;
}

static void *take_bytes(struct composer *c, size_t n, size_t align)
{
	struct yaml_block *b = c->loaded->blocks;
	size_t at = b ? (b->used + align - 1) / align * align : 0;
	if (!b || at > b->size || n > b->size - at) {
		size_t size = b ? b->size * 2 : c->block_size;
		if (size < n)
			size = n;
		b = xmalloc(offsetof(struct yaml_block, bytes) + size);
		b->next = c->loaded->blocks;
		b->size = size;
		c->loaded->blocks = b;
		at = 0;
	}
	b->used = at + n;
	return (unsigned char *)b->bytes + at;
}

/* A new node of the given type and marks; its number is c->nnodes. */
static yaml_node_t *add_node(struct composer *c, yaml_node_type_t type, const yaml_event_t *event)
{
	if (c->nnodes == c->nodes_cap) {
		if (c->nodes_cap > INT_MAX / 2) /* numbered in an int, as libyaml's */
			out_of_memory();
		c->nodes_cap *= 2;
		c->loaded = xrealloc(c->loaded, offsetof(struct loaded, nodes) + c->nodes_cap * sizeof(yaml_node_t));
	}
	yaml_node_t *node = &c->loaded->nodes[c->nnodes++];
	memset(node, 0, sizeof *node);
	node->type = type;
	node->start_mark = event->start_mark;
	node->end_mark = event->end_mark;
	return node;
}

/* libyaml's words and marks for the errors only composing finds. */
static bool composer_error(yaml_parser_t *parser, const char *context, yaml_mark_t context_mark,
			   const char *problem, yaml_mark_t problem_mark)
{
	parser->error = YAML_COMPOSER_ERROR;
	if (context) {
		parser->context = context;
		parser->context_mark = context_mark;
	}
	parser->problem = problem;
	parser->problem_mark = problem_mark;
	return false;
}

/* Takes over *name (the anchor of the newest node) unless it repeats one. */
static bool register_anchor(struct composer *c, yaml_char_t **name)
{
	for (size_t i = 0; i < c->nanchors; i++)
		if (strcmp((const char *)c->anchors[i].name, (const char *)*name) == 0)
			return composer_error(c->parser, "found duplicate anchor; first occurrence",
					      c->loaded->nodes[c->anchors[i].node - 1].start_mark,
					      "second occurrence", c->loaded->nodes[c->nnodes - 1].start_mark);
	ARRAY_PUSH(c->anchors, c->nanchors, c->anchors_cap, ((struct anchor){*name, (int)c->nnodes}));
	*name = NULL;
	return true;
}

/* A node goes into the innermost open collection; the root into none. */
static void add_child(struct composer *c, int node)
{
	if (c->nopen == 0)
		return;
	c->children = room_for_one_more(c->children, c->local_children, c->nchildren, &c->children_cap,
					sizeof *c->children);
	c->children[c->nchildren++] = node;
}

static bool compose_scalar(struct composer *c, yaml_event_t *event)
{
	size_t length = event->data.scalar.length;
	yaml_char_t *text = take_bytes(c, length + 1, 1);
	memcpy(text, event->data.scalar.value, length);
	text[length] = '\0';
	yaml_node_t *node = add_node(c, YAML_SCALAR_NODE, event);
	node->data.scalar.value = text;
	node->data.scalar.length = length;
	node->data.scalar.style = event->data.scalar.style;
	if (event->data.scalar.anchor && !register_anchor(c, &event->data.scalar.anchor))
		return false;
	add_child(c, (int)c->nnodes);
	return true;
}

static bool compose_alias(struct composer *c, const yaml_event_t *event)
{
	for (size_t i = 0; i < c->nanchors; i++)
		if (strcmp((const char *)c->anchors[i].name, (const char *)event->data.alias.anchor) == 0) {
			add_child(c, c->anchors[i].node);
			return true;
		}
	return composer_error(c->parser, NULL, event->start_mark, "found undefined alias", event->start_mark);
}

static bool open_collection(struct composer *c, yaml_event_t *event)
{
	yaml_char_t **anchor;
	if (event->type == YAML_SEQUENCE_START_EVENT) {
		yaml_node_t *node = add_node(c, YAML_SEQUENCE_NODE, event);
		node->data.sequence.style = event->data.sequence_start.style;
		anchor = &event->data.sequence_start.anchor;
	} else {
		yaml_node_t *node = add_node(c, YAML_MAPPING_NODE, event);
		node->data.mapping.style = event->data.mapping_start.style;
		anchor = &event->data.mapping_start.anchor;
	}
	if (*anchor && !register_anchor(c, anchor))
		return false;
	add_child(c, (int)c->nnodes);
	c->open = room_for_one_more(c->open, c->local_open, c->nopen, &c->open_cap, sizeof *c->open);
	c->open[c->nopen++] = (struct open_collection){(int)c->nnodes, c->nchildren};
	return true;
}

/* The children gathered since the collection opened become its items or
 * its (key, value) pairs: the parser gives a mapping's keys and values in
 * turn. */
static void close_collection(struct composer *c, const yaml_event_t *event)
{
	struct open_collection o = c->open[--c->nopen];
	size_t n = c->nchildren - o.first_child;
	const int *kids = c->children + o.first_child;
	yaml_node_t *node = &c->loaded->nodes[o.node - 1];
	if (node->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *items = take_bytes(c, n * sizeof *items, _Alignof(yaml_node_item_t));
		for (size_t i = 0; i < n; i++)
			items[i] = kids[i];
		node->data.sequence.items.start = items;
		node->data.sequence.items.top = node->data.sequence.items.end = items + n;
	} else {
		size_t npairs = (n + 1) / 2;
		yaml_node_pair_t *pairs = take_bytes(c, npairs * sizeof *pairs, _Alignof(yaml_node_pair_t));
		for (size_t i = 0; i < npairs; i++)
			pairs[i] = (yaml_node_pair_t){kids[2 * i], 2 * i + 1 < n ? kids[2 * i + 1] : 0};
		node->data.mapping.pairs.start = pairs;
		node->data.mapping.pairs.top = node->data.mapping.pairs.end = pairs + npairs;
	}
	node->end_mark = event->end_mark;
	c->nchildren = o.first_child;
}

static bool compose_event(struct composer *c, yaml_event_t *event)
{
	switch (event->type) {
	case YAML_SCALAR_EVENT:
		return compose_scalar(c, event);
	case YAML_ALIAS_EVENT:
		return compose_alias(c, event);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return open_collection(c, event);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(c, event);
		return true;
	default:
		return true;
	}
}

/* The nodes of the document whose DOCUMENT-START was start, up to and with
 * its DOCUMENT-END. */
static bool compose_document(struct composer *c, const yaml_event_t *start, yaml_document_t *doc)
{
	doc->start_implicit = start->data.document_start.implicit;
	doc->start_mark = start->start_mark;
	for (;;) {
		yaml_event_t event;
		if (!yaml_parser_parse(c->parser, &event))
			return false;
		if (event.type == YAML_DOCUMENT_END_EVENT) {
			doc->end_implicit = event.data.document_end.implicit;
			doc->end_mark = event.end_mark;
			return true;
		}
		bool ok = compose_event(c, &event);
		yaml_event_delete(&event);
		if (!ok)
			return false;
	}
}

/* Room for a text of len bytes: about one node for 8 bytes and 1.3 bytes of
 * scalar text and lists for one byte in front matter and forms. A larger
 * text starts as one of a megabyte, lest a few long scalars reserve room
 * for millions of nodes; both grow by doubling. */
static void start_loaded(struct composer *c, size_t len)
{
	enum { LARGE_TEXT = 1 << 20 };
	size_t sized = len < LARGE_TEXT ? len : LARGE_TEXT;
	c->nodes_cap = 16 + sized / 6;
	c->block_size = 64 + sized + sized / 2;
	c->loaded = xmalloc(offsetof(struct loaded, nodes) + c->nodes_cap * sizeof(yaml_node_t));
	c->loaded->blocks = NULL;
}

static void finish(struct composer *c, yaml_document_t *doc)
{
	for (size_t i = 0; i < c->nanchors; i++)
		yaml_free(c->anchors[i].name); /* libyaml's, maybe from a pool */
	free(c->anchors);
	if (c->open != c->local_open)
		free(c->open);
	if (c->children != c->local_children)
		free(c->children);
	if (c->loaded) {
		doc->nodes.start = c->loaded->nodes;
		doc->nodes.top = doc->nodes.start + c->nnodes;
		doc->nodes.end = doc->nodes.start + c->nodes_cap;
	}
}

bool yaml_compose_next(yaml_parser_t *parser, yaml_document_t *doc, size_t len)
{
	struct composer c = {.parser = parser, .children_cap = LOCAL_CHILDREN, .open_cap = LOCAL_OPEN};
	c.children = c.local_children;
	c.open = c.local_open;
	memset(doc, 0, sizeof *doc);
	yaml_event_t event;
	bool ok = true, first = !parser->stream_start_produced;
	if (first) {
		ok = yaml_parser_parse(parser, &event);
		if (ok)
			yaml_event_delete(&event);
		start_loaded(&c, len);
	}
	if (ok && !parser->stream_end_produced) {
		ok = yaml_parser_parse(parser, &event);
		if (ok && event.type == YAML_DOCUMENT_START_EVENT) {
			if (!c.loaded)
				start_loaded(&c, len);
			ok = compose_document(&c, &event, doc);
		}
		yaml_event_delete(&event);
	}
	finish(&c, doc);
	if (!ok)
		yaml_unload(doc);
	return ok;
}

void yaml_unload(yaml_document_t *doc)
{
	if (doc->nodes.start) {
		struct loaded *loaded = (struct loaded *)(void *)((char *)doc->nodes.start - offsetof(struct loaded, nodes));
		for (struct yaml_block *b = loaded->blocks, *next; b; b = next) {
			next = b->next;
			free(b);
		}
		free(loaded);
	}
	memset(doc, 0, sizeof *doc);
}
