/* test_yaml_compose.c — yaml_compose_next against libyaml's own loader
 * (yaml_parser_load): for every text below and every prefix of it (cut
 * anywhere: most are syntax errors), document after document, the same nodes
 * (numbering, types, texts, styles, marks, items and pairs) or the same error
 * (kind, words, marks). Each comparison runs twice: with libyaml's
 * allocations from the heap, and from a pool (yaml_pool.h), as yaml_load
 * runs it. */
#include <stdlib.h>

#include "unit.h"
#include "util.h"
#include "yaml_compose.h"
#include "yaml_load.h"
#include "yaml_pool.h"

static bool same_mark(yaml_mark_t a, yaml_mark_t b)
{
	return a.index == b.index && a.line == b.line && a.column == b.column;
}

static bool same_node(const yaml_node_t *x, const yaml_node_t *y)
{
	if (x->type != y->type || !same_mark(x->start_mark, y->start_mark) || !same_mark(x->end_mark, y->end_mark))
		return false;
	switch (x->type) {
	case YAML_SCALAR_NODE:
		return x->data.scalar.length == y->data.scalar.length && x->data.scalar.style == y->data.scalar.style &&
		       memcmp(x->data.scalar.value, y->data.scalar.value, x->data.scalar.length + 1) == 0;
	case YAML_SEQUENCE_NODE: {
		size_t n = (size_t)(x->data.sequence.items.top - x->data.sequence.items.start);
		return x->data.sequence.style == y->data.sequence.style &&
		       n == (size_t)(y->data.sequence.items.top - y->data.sequence.items.start) &&
		       (n == 0 || memcmp(x->data.sequence.items.start, y->data.sequence.items.start,
					 n * sizeof(yaml_node_item_t)) == 0);
	}
	case YAML_MAPPING_NODE: {
		size_t n = (size_t)(x->data.mapping.pairs.top - x->data.mapping.pairs.start);
		if (x->data.mapping.style != y->data.mapping.style ||
		    n != (size_t)(y->data.mapping.pairs.top - y->data.mapping.pairs.start))
			return false;
		for (size_t i = 0; i < n; i++)
			if (x->data.mapping.pairs.start[i].key != y->data.mapping.pairs.start[i].key ||
			    x->data.mapping.pairs.start[i].value != y->data.mapping.pairs.start[i].value)
				return false;
		return true;
	}
	default:
		return false;
	}
}

static bool same_document(yaml_document_t *a, yaml_document_t *b)
{
	size_t n = (size_t)(a->nodes.top - a->nodes.start);
	if ((yaml_root(a) == NULL) != (yaml_root(b) == NULL))
		return false;
	if (yaml_root(a) == NULL)
		return true;
	if (n != (size_t)(b->nodes.top - b->nodes.start) || a->start_implicit != b->start_implicit ||
	    a->end_implicit != b->end_implicit || !same_mark(a->start_mark, b->start_mark) ||
	    !same_mark(a->end_mark, b->end_mark))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!same_node(a->nodes.start + i, b->nodes.start + i))
			return false;
	return true;
}

static bool same_words(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_error(const yaml_parser_t *a, const yaml_parser_t *b)
{
	return a->error == b->error && same_words(a->problem, b->problem) && same_words(a->context, b->context) &&
	       a->problem_offset == b->problem_offset && same_mark(a->problem_mark, b->problem_mark) &&
	       same_mark(a->context_mark, b->context_mark);
}

/* Both loaders over the whole stream of text[0..len). */
static bool composes_alike_here(const char *text, size_t len)
{
	yaml_parser_t a, b;
	if (!yaml_parser_initialize(&a) || !yaml_parser_initialize(&b))
		return false;
	yaml_parser_set_input_string(&a, (const unsigned char *)text, len);
	yaml_parser_set_input_string(&b, (const unsigned char *)text, len);
	bool alike = true;
	for (bool more = true; alike && more;) {
		yaml_document_t x, y;
		bool ok_a = yaml_parser_load(&a, &x) != 0, ok_b = yaml_compose_next(&b, &y, len);
		alike = ok_a == ok_b && (ok_a ? same_document(&x, &y) : same_error(&a, &b));
		more = ok_a && ok_b && yaml_root(&x) != NULL;
		if (ok_a)
			yaml_document_delete(&x);
		if (ok_b)
			yaml_unload(&y);
	}
	yaml_parser_delete(&a);
	yaml_parser_delete(&b);
	return alike;
}

static bool composes_alike(const char *text, size_t len)
{
	if (!composes_alike_here(text, len))
		return false;
	struct yaml_pool pool;
	yaml_pool_enter(&pool);
	bool alike = composes_alike_here(text, len);
	yaml_pool_leave(&pool);
	return alike;
}

static const char *const texts[] = {
	"title: 制度\nid: A-1\ntags: [一, 二]\nrevisions:\n  - {version: 1, date: 2024-01-01}\n",
	"rows:\n  - [姓名: name, 日期: {type: date}]\n  - - 同意\n    - options: [是, 否]\n",
	"? a\n? b\n: c\n[a: b, c: d, : e, ? f]: {a, b: , : c}\n",
	"a: \"x\\0y\\x41\\u00e9\\U0001F600\"\nb: 'z''q'\nc: |\n  lit\n  lines\nd: >-\n  folded\n\n  text\n",
	"a: &x [1, &y 2]\nb: *x\nc: *y\n? *x\n: *y\n",
	"a: &x 1\nb: &x 2\n",
	"a: &x [1, &x 2]\n",
	"&x [*x, {*x : *x}]\n",
	"a: *nowhere\n",
	"a: 1\n---\nb: *x\n",
	"a: &y 1\n---\nb: *y\n",
	"a: &y 1\n---\nb: &z 1\nc: &z 2\n",
	"a: 1\n---\nb: 2\n---\nc: [\n",
	"%YAML 1.1\n%TAG !e! tag:example.com,2000:\n--- !!map\na: !e!x 1\nb: ! 2\nc: !local []\n...\n",
	"--- a\n--- b\n...\n# end\n",
	"--- \n--- \n",
	"# only a comment\n",
	"",
	"- - - - a\n  - b\n- c\n",
	"a:\tb\nc: d\n\te: f\n",
	"a: \xff\xfe\n",
	"\xef\xbb\xbf" "a: 1\r\nb: 2\r",
	"a: \"unclosed\nb: 'also\n",
	"{a: [b, {c: d}], e: [[[]]]}\n",
};

/* yaml_load refuses lists nested more than 100 deep; it looks for the depth
 * only when it counts more than 100 bytes that may open a level, sixteen
 * at a time and the rest one by one. 101 brackets left open (and nothing
 * else that opens) are found too deep wherever they fall in the blocks; 100
 * are only left open. */
static void test_depth_guard(void)
{
	bool all = true;
	for (int shift = 0; shift < 32 && all; shift++)
		for (int depth = 100; depth <= 101; depth++) {
			struct buf text = {0};
			buf_puts(&text, "#");
			for (int i = 0; i < shift; i++)
				buf_putc(&text, 'x');
			buf_putc(&text, '\n');
			for (int i = 0; i < depth; i++)
				buf_putc(&text, '[');
			yaml_document_t doc;
			struct yaml_error err;
			bool ok = yaml_load(&doc, text.data, text.len, &err);
			if (ok)
				yaml_unload(&doc);
			all = all && !ok && (strstr(err.problem, "nested more than 100 deep") != NULL) == (depth == 101);
			buf_free(&text);
		}
	CHECK(all, "lists 101 deep are refused as too deep wherever their brackets fall, 100 deep are not");
}

int main(void)
{
	test_depth_guard();
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		size_t len = strlen(texts[t]);
		size_t bad = (size_t)-1;
		for (size_t cut = 0; cut <= len && bad == (size_t)-1; cut++)
			if (!composes_alike(texts[t], cut))
				bad = cut;
		CHECK(bad == (size_t)-1, "text %zu and its prefixes compose as yaml_parser_load does%s", t,
		      bad == (size_t)-1 ? "" : " (not the prefix printed below)");
		if (bad != (size_t)-1)
			printf("  [%.*s]\n", (int)bad, texts[t]);
	}
	UNIT_END();
}
