/* rules.h — every rule policyc knows, in one table.
 *
 * The rule ids, the documentation (docs/rules.md is checked against this list
 * by the tests) and the SARIF rule descriptors are all generated from here, so
 * they cannot drift apart. Columns: enum name, id, default severity, summary. */
#ifndef POLICYC_RULES_H
#define POLICYC_RULES_H

#define POLICYC_RULES(X)                                                                     \
	X(ENCODING, "encoding", SEV_ERROR, "invalid UTF-8 or a NUL byte")                       \
	X(FRONTMATTER_MISSING, "frontmatter-missing", SEV_ERROR,                                 \
	  "no front matter block, or it is not closed")                                          \
	X(FRONTMATTER_SYNTAX, "frontmatter-syntax", SEV_ERROR, "the front matter YAML does not parse") \
	X(FRONTMATTER_REQUIRED, "frontmatter-required", SEV_ERROR, "a required front matter key is missing or empty") \
	X(FRONTMATTER_TYPE, "frontmatter-type", SEV_ERROR,                                       \
	  "a front matter value of the wrong type or form (date, id, status, scheme)")           \
	X(FRONTMATTER_DUPLICATE, "frontmatter-duplicate", SEV_ERROR, "a front matter key given twice") \
	X(FRONTMATTER_UNKNOWN, "frontmatter-unknown", SEV_WARNING, "an unknown front matter key") \
	X(ID_DUPLICATE, "id-duplicate", SEV_ERROR, "two documents of the corpus share an id or a title") \
	X(CHAPTER_NUMBER, "chapter-number", SEV_ERROR, "chapter numbers not 1, 2, 3 ... (gap, repeat, out of order)") \
	X(SECTION_NUMBER, "section-number", SEV_ERROR, "section numbers not 1, 2, 3 ... inside a chapter") \
	X(ARTICLE_NUMBER, "article-number", SEV_ERROR, "article numbers not continuous")          \
	X(ITEM_NUMBER, "item-number", SEV_ERROR, "items, sub-items or sub-sub-items not 1, 2, 3 ... in their list") \
	X(CLAUSE_NUMBER, "clause-number", SEV_ERROR,                                             \
	  "outline or decimal numbering not 1, 2, 3 ... under its parent, or without its parent's prefix") \
	X(NUMERAL_FORM, "numeral-form", SEV_WARNING, "a number written in a non-standard way")   \
	X(TITLE_MISSING, "title-missing", SEV_ERROR, "a chapter or section marker without a title") \
	X(HEADING_LEVEL, "heading-level", SEV_WARNING,                                           \
	  "a chapter, section or article heading at a level that does not fit the structure")    \
	X(REQUIRED_CHAPTER, "required-chapter", SEV_ERROR, "a required chapter is missing or misplaced") \
	X(REQUIRED_ARTICLE, "required-article", SEV_ERROR, "a required provision is missing")     \
	X(EMPTY, "empty", SEV_WARNING, "a chapter or section with no articles, or an article with no text") \
	X(XREF_ARTICLE, "xref-article", SEV_ERROR,                                               \
	  "a reference to an article, paragraph, item or chapter that does not exist")           \
	X(XREF_DOCUMENT, "xref-document", SEV_WARNING,                                           \
	  "a title in 《》 that names nothing in the corpus or the external list")                \
	X(FORM_SYNTAX, "form-syntax", SEV_ERROR,                                                 \
	  "a form block whose YAML does not parse, or has keys or values the form language does not allow") \
	X(FORM_LAYOUT, "form-layout", SEV_ERROR, "a form row whose cells do not fill the form's columns exactly") \
	X(FORM_DUPLICATE, "form-duplicate", SEV_ERROR, "two forms in the corpus share an id or a title") \
	X(PUNCTUATION_WIDTH, "punctuation-width", SEV_WARNING,                                   \
	  "half-width , ; : ? ! ( ) between Chinese characters")

enum severity { SEV_OFF, SEV_NOTE, SEV_WARNING, SEV_ERROR };

enum rule {
#define RULE_ENUM(name, id, sev, summary) RULE_##name,
	POLICYC_RULES(RULE_ENUM)
#undef RULE_ENUM
	RULE_COUNT
};

struct rule_info {
	const char *id;
	enum severity severity;
	const char *summary;
};

extern const struct rule_info rule_table[RULE_COUNT];

/* Returns the rule with that id, or RULE_COUNT. */
enum rule rule_lookup(const char *id);
const char *severity_name(enum severity sev);
#endif
