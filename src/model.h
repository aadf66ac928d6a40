/* model.h — the document model.
 *
 * Stages fill it in order, each once: source.c (bytes, lines, encoding),
 * frontmatter.c (meta), parse.c (the tree of provisions, from the cmark-gfm
 * tree), validate.c and xref.c (diagnostics, references), corpus.c (what needs
 * the whole corpus: duplicate ids, 《title》 references). Renderers only read.
 *
 * Every document owns all of its state: documents are processed in parallel. */
#ifndef POLICYC_MODEL_H
#define POLICYC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark-gfm.h>

#include "config.h"
#include "diag.h"

struct form; /* form.h */
struct md_arena; /* md_arena.h */

/* Levels of the structure. Schemes map their markers onto these levels (see
 * the scheme tables in parse.c): outline's 一、 is a chapter, （一） a section,
 * and so on. */
enum level {
	LV_DOCUMENT,
	LV_CHAPTER,    /* 第一章 */
	LV_SECTION,    /* 第一节 */
	LV_ARTICLE,    /* 第一条 */
	LV_PARAGRAPH,  /* 款: unnumbered, counted for references */
	LV_ITEM,       /* 项 （一） */
	LV_SUBITEM,    /* 目 1. 1、 */
	LV_SUBSUBITEM, /* （1） */
	LV_ATTACHMENT, /* 附件 / 附： heading after the last chapter */
	LV_BLOCK,      /* any other block kept for rendering: list, table, quote, code, form, heading */
	LV_COUNT
};

/* A node of the provision tree.
 *
 * A node's own text is the inline content of `block` from `text` (skipping
 * `skip` bytes of its literal: the marker and the space after it) up to `stop`
 * (exclusive; NULL: the end of the block). Sub-items written as lines of one
 * paragraph share that paragraph as `block`, each starting at the text node
 * after a soft break. */
struct pnode {
	enum level level;
	int number;         /* as written; 0 when unnumbered */
	int seq;            /* 1-based position among the parent's children of this level */
	int line, col;      /* of the marker (or of the block), col in code points */
	char *marker;       /* as written: "第三条", "（一）", "1、"; NULL when unnumbered */
	char *title;        /* chapter/section/attachment title, heading-form article title */
	bool heading;       /* written as a Markdown heading */
	cmark_node *block;  /* heading, paragraph, list item, table, code block … */
	cmark_node *text;   /* first inline node of the node's text (NULL: none) */
	size_t skip;        /* bytes of text's literal that belong to the marker */
	cmark_node *stop;
	struct form *form;  /* LV_BLOCK for a ```form block: the parsed form, or NULL */
	struct pnode *parent, *first, *last, *prev, *next;
};

enum xref_kind {
	XREF_ARTICLE,   /* 第N条, 本制度第N条 */
	XREF_PARAGRAPH, /* 第N条第M款, 本条第M款, 前款 */
	XREF_ITEM,      /* 第N条第K项, 第N条第M款第K项, 本条第K项 */
	XREF_RANGE,     /* 第N条至第M条: target is the first, target_end the last */
	XREF_CHAPTER,   /* 第N章, 本制度第N章 */
	XREF_TITLE      /* 《TITLE》 */
};

struct document;

/* A reference found in running text. */
struct xref {
	enum xref_kind kind;
	int line, col;
	cmark_node *text;  /* text node that holds it */
	size_t off, len;   /* bytes within text's literal */
	const struct pnode *target, *target_end; /* resolved; NULL: not found */
	char *title;       /* XREF_TITLE: the name between 《》 */
	/* XREF_TITLE, resolved by corpus.c: */
	const struct document *target_doc;
	const struct form *target_form;
	bool external;
};

struct revision {
	char *version, *date, *note;
};

struct meta {
	char *title, *id, *version, *owner, *effective, *status, *approved_by;
	enum scheme scheme;
	char **supersedes;
	size_t nsupersedes;
	char **tags;
	size_t ntags;
	struct revision *revisions;
	size_t nrevisions;
	int title_line, title_col, id_line, id_col; /* where the values stand */
};

struct document {
	char *path;            /* as the user gave it, or as found under a directory */
	char *src;             /* the file's bytes, NUL-terminated */
	size_t len;
	size_t *line_start;    /* byte offset of each line (index 0 = line 1) */
	size_t nlines;
	bool bom;              /* the file started with a UTF-8 BOM */
	bool readable;         /* false: encoding errors stop the later stages */
	int body_line;         /* first line after the front matter */
	struct meta meta;
	bool meta_ok;          /* front matter parsed (possibly with warnings) */
	cmark_node *md;        /* the whole body, parsed with CMARK_OPT_SOURCEPOS */
	struct md_arena *md_arena; /* where md and root live (md_arena.h) */
	struct pnode *root;    /* LV_DOCUMENT */
	struct xref *xrefs;
	size_t nxrefs, xrefs_cap;
	struct form **forms;   /* in document order; owned through their pnodes */
	size_t nforms, forms_cap;
	struct diags diags;
	const struct config *config;
	uint64_t fingerprint;  /* of src: tells a re-read file from a changed one */
	/* After document_slim: only what the corpus checks, the report and the
	 * catalogue need is left (path, meta, forms, diagnostics, 《title》
	 * references); src and the lines stay only while there are diagnostics. */
	bool slim;
	/* build: the slim document of the corpus that this full re-read renders
	 * for; links and page tests go through it. NULL otherwise. */
	const struct document *summary;
	/* corpus_load_early: the corpus checks resolved a 《title》 reference
	 * otherwise than while the document was checked. */
	bool titles_retargeted;
};

/* source.c */
/* Reads the file and splits it into lines; NULL when it cannot be read
 * (errno set). Checks `encoding`; readable=false when it fails. */
struct document *document_open(const char *path, const struct config *config);
/* A document from bytes in memory (tests, fuzzing). */
struct document *document_from_memory(const char *path, const char *bytes, size_t len,
				      const struct config *config);
void document_free(struct document *doc);
/* Frees the Markdown tree, the provision tree and the text (kept while there
 * are diagnostics, for their context lines): a corpus of ten thousand
 * documents then holds a small summary of each. Forms stay. */
void document_slim(struct document *doc);
/* Reads a slim document's file again for the context lines of diagnostics
 * added after it was slimmed; false when it is gone or no longer the same. */
bool document_reload_source(struct document *doc);
/* A document read again for rendering (doc->summary set) takes the forms of
 * its summary instead of parsing their YAML again: one form, one identity.
 * The summary's form whose block opens on `line`, or NULL. */
struct form *document_summary_form(const struct document *doc, int line);
/* Column in code points (1-based) of the byte column `byte_col` (1-based, as
 * cmark's sourcepos gives it) on line `line`. */
int document_column(const struct document *doc, int line, int byte_col);
/* The text of line `line` (1-based) without its line end; sets *n. */
const char *document_line(const struct document *doc, int line, size_t *n);

/* frontmatter.c: fills meta, sets body_line. */
void frontmatter_check(struct document *doc);
/* parse.c: builds md and root (scheme from meta or config). */
void parse_document(struct document *doc);
/* validate.c: numbering, required chapters and provisions, empty. */
void validate_document(struct document *doc);
/* xref.c: finds references in running text; resolves those inside the document. */
void xref_document(struct document *doc);
/* punct.c: punctuation-width. */
void punct_check(struct document *doc);

/* parse.c: the node's own text (its inline range, marker excluded) as plain
 * UTF-8, soft breaks as spaces. Caller frees. */
char *pnode_own_text(const struct pnode *node);
#endif
