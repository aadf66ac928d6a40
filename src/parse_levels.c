/* parse_levels.c — heading-level: chapters, sections and articles written as
 * headings at the level the structure gives them (SPEC §4, §6), for parse.c.
 *
 * One mistake gives one diagnostic. Headings written alike at the same wrong
 * level (every chapter at level 2 under a title written `# 制度名`, every
 * article at level 3) are one choice of the writer: the first is reported,
 * with a count of the others. A heading one below where its misplaced parent
 * should stand is not reported again. */
#include <stdlib.h>
#include <string.h>

#include "parse_impl.h"
#include "util.h"

/* The heading level a node stands at: its own, or for a node written as a
 * paragraph the level it should have had. */
static int structure_depth(const struct pnode *node)
{
	int depth = 0;
	for (; node && node->level != LV_DOCUMENT; node = node->parent) {
		if (node->heading) {
			depth += cmark_node_get_heading_level(node->block);
			break;
		}
		depth++;
	}
	return depth;
}

/* The heading level a node should stand at when every division above it
 * stands where it should: chapter 1, section 2, an article one below. */
static int intended_depth(const struct pnode *node)
{
	int depth = 0;
	for (; node && node->level != LV_DOCUMENT; node = node->parent)
		depth++;
	return depth;
}

static const char *plural_of(enum level level)
{
	return level == LV_SECTION ? "section headings" : level == LV_ARTICLE ? "article headings" : "headings";
}

/* Reports a heading of `node` at `written` instead of `expected`, unless one
 * of its level was already reported at the same two levels: then it is
 * counted there (level_groups_close adds the count to that message). */
static void report_level(struct builder *b, const struct pnode *node, int written, int expected,
			 const char *message)
{
	for (size_t i = 0; i < b->nlevel_groups; i++) {
		struct level_group *g = &b->level_groups[i];
		if (g->level == node->level && g->written == written && g->expected == expected) {
			g->others++;
			return;
		}
	}
	size_t before = b->doc->diags.n;
	diag_add(&b->doc->diags, RULE_HEADING_LEVEL, node->line, node->col, "%s", message);
	if (b->doc->diags.n == before || b->nlevel_groups == LEVEL_GROUPS_MAX)
		return;
	b->level_groups[b->nlevel_groups++] = (struct level_group){node->level, written, expected, before, 0};
}

void level_groups_close(struct builder *b)
{
	for (size_t i = 0; i < b->nlevel_groups; i++) {
		struct level_group *g = &b->level_groups[i];
		if (g->others == 0)
			continue;
		struct diag *d = &b->doc->diags.v[g->diag_index];
		char *message = xasprintf("%s (so %s %zu %s after it)", d->message, g->others == 1 ? "is" : "are",
					  g->others, g->others == 1 ? "other" : plural_of(g->level));
		free(d->message);
		d->message = message;
	}
}

/* Articles of a document without chapters stand at level 1 or, below the
 * title that renderers print, at level 2; all at the level of the first. */
static void check_top_article(struct builder *b, const struct pnode *node, int level)
{
	if (!b->top_article_level) {
		b->top_article_level = level;
		if (level > 2)
			diag_add(&b->doc->diags, RULE_HEADING_LEVEL, node->line, node->col,
				 "article heading %s is at level %d; expected level 1 or 2", node->marker, level);
		return;
	}
	int expected = b->top_article_level;
	if (expected > 2 && level <= 2) {
		b->top_article_level = level; /* right after a wrong first one */
		return;
	}
	if (level != expected) {
		char *message = xasprintf("article heading %s is at level %d; expected level %d, as the article "
					  "headings before it",
					  node->marker, level, expected);
		report_level(b, node, level, expected, message);
		free(message);
	}
}

void check_heading_level(struct builder *b, const struct pnode *node, const char *name)
{
	const struct pnode *parent = node->parent;
	int expected = structure_depth(parent) + 1;
	/* A section outside any chapter is out of place, whatever its level
	 * (level 1 would make it a chapter): one diagnostic says so. */
	if (node->level == LV_SECTION && parent->level == LV_DOCUMENT && !b->syntax->paragraph_divisions) {
		diag_add(&b->doc->diags, RULE_HEADING_LEVEL, node->line, node->col,
			 "%s %s stands outside any chapter; expected it inside a chapter, as a level 2 heading", name,
			 node->marker);
		return;
	}
	if (node->level == LV_CHAPTER && parent->level == LV_DOCUMENT)
		return; /* check_chapter_levels, once all are known */
	if (!node->heading) {
		if (node->level != LV_ARTICLE && !b->syntax->paragraph_divisions)
			diag_add(&b->doc->diags, RULE_HEADING_LEVEL, node->line, node->col,
				 "%s %s is written as a paragraph; expected a level %d heading", name,
				 node->marker, expected);
		return;
	}
	int level = cmark_node_get_heading_level(node->block);
	if (node->level == LV_ARTICLE && parent->level == LV_DOCUMENT) {
		check_top_article(b, node, level);
		return;
	}
	/* One below the parent as written, or one below where the parent should
	 * stand: a chapter at the wrong level is one mistake, reported at the
	 * chapter, not again at each of its articles. */
	if (level == expected || level == intended_depth(parent) + 1)
		return;
	char *message = parent->level == LV_DOCUMENT
				? xasprintf("%s heading %s is at level %d; expected level %d", name, node->marker,
					    level, expected)
				: xasprintf("%s heading %s is at level %d; expected level %d, one below %s", name,
					    node->marker, level, expected, parent->marker);
	report_level(b, node, level, expected, message);
	free(message);
}

/* How a chapter is written, for heading-level: its heading level, 0 for a
 * paragraph (which schemes with paragraph divisions allow: then -1, fine). */
static int chapter_written(const struct builder *b, const struct pnode *chapter)
{
	if (chapter->heading)
		return cmark_node_get_heading_level(chapter->block);
	return b->syntax->paragraph_divisions ? -1 : 0;
}

/* Chapters are level-1 headings. Chapters written alike at another level
 * from the first on (all one level down, under a title written `# 制度名`;
 * all paragraphs) are one mistake, reported at the first with a count of
 * the others; any other chapter out of level is reported at itself. */
void check_chapter_levels(struct builder *b)
{
	const struct marker_form *form = marker_form_of(b->syntax, LV_CHAPTER);
	const struct pnode *first = NULL;
	size_t alike = 0;
	for (const struct pnode *c = b->root->first; c; c = c->next) {
		if (c->level != LV_CHAPTER)
			continue;
		int written = chapter_written(b, c);
		if (!first)
			first = c;
		else if (written == chapter_written(b, first))
			alike++;
	}
	for (const struct pnode *c = b->root->first; c; c = c->next) {
		int written = c->level == LV_CHAPTER ? chapter_written(b, c) : 1;
		if (written == 1 || written == -1 || (c != first && written == chapter_written(b, first)))
			continue;
		char *others = c == first && alike > 0
				       ? xasprintf(" (so %s %zu %s after it)", alike == 1 ? "is" : "are", alike,
						   alike == 1 ? "chapter" : "chapters")
				       : xstrdup("");
		if (written == 0)
			diag_add(&b->doc->diags, RULE_HEADING_LEVEL, c->line, c->col,
				 "%s %s is written as a paragraph; expected a level 1 heading%s", form->name, c->marker,
				 others);
		else
			diag_add(&b->doc->diags, RULE_HEADING_LEVEL, c->line, c->col,
				 "%s heading %s is at level %d; expected level 1%s", form->name, c->marker, written,
				 others);
		free(others);
	}
}

