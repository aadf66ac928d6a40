/* test_form.c — the form language: both seed forms, form-syntax and
 * form-layout with positions, and the three renderers. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "model.h"
#include "render.h"
#include "textwidth.h"
#include "unit.h"
#include "util.h"

static const char work_report[] =
	"id: work-report          # required, [a-z0-9][a-z0-9-]*, unique in the corpus\n"
	"title: 工作呈报           # required, unique in the corpus\n"
	"number: true             # print a 编号 field\n"
	"columns: 4               # grid width; each cell takes 1 column for its label + span\n"
	"rows:\n"
	"  - [{label: 主题, span: 3}]\n"
	"  - [{label: 主送部门}, {label: 日期, type: date}]\n"
	"  - [{label: 呈报事项, span: 3, lines: 5}]\n"
	"  - [{label: 领导批示, span: 3, lines: 3}]\n"
	"  - [{label: 呈报人, type: signature}, {label: 部门意见}]\n"
	"  - [{label: 分管副总意见, span: 3, lines: 2, type: signature}]\n";

static const char new_employee_talk[] =
	"id: new-employee-talk\n"
	"title: 新员工谈话沟通表\n"
	"date: true\n"
	"columns: 6\n"
	"rows:\n"
	"  - [姓名, 部门, 岗位]\n"
	"  - [学历, 专业, {label: 入司时间, type: date}]\n"
	"  - {text: \"1. 个人对公司整体的适应情况，对公司的整体印象，以及有哪些方面的改进建议和意见\", lines: 3}\n"
	"  - {text: \"2. 对于个人工作安排的意见和建议\", lines: 2}\n"
	"  - {text: \"3. 对于个人工作的适应情况\", lines: 2}\n"
	"  - {text: \"4. 对于个人职业生涯发展的想法\", lines: 2}\n"
	"  - {text: \"5. 个人生活上适应么，有什么困难\", lines: 2}\n"
	"  - {text: \"6. 对于所属部门管理工作的意见和建议\", lines: 2}\n"
	"  - {text: \"7. 其他涉及到的问题\", lines: 2}\n"
	"  - [{label: 面谈者, span: 2}, {label: 职位, span: 2}]\n"
	"notes:\n"
	"  - 本表由人事行政部面谈后填写，存入员工档案。\n";

static struct document *new_doc(void)
{
	struct document *doc = xcalloc(1, sizeof *doc);
	diags_init(&doc->diags, NULL);
	return doc;
}

static void free_doc(struct document *doc)
{
	diags_free(&doc->diags);
	free(doc);
}

/* Parses `yaml` as the content of a fence on line 9 (content from line 10),
 * indented by `indent`; returns the form and leaves the diagnostics in doc. */
static struct form *parse(struct document *doc, const char *yaml, int indent)
{
	return form_parse(doc, yaml, strlen(yaml), 10, indent);
}

/* "LINE:COL: RULE: MESSAGE" of every diagnostic, one a line. */
static char *diag_text(struct document *doc)
{
	struct buf out = {0};
	diags_sort(&doc->diags);
	for (size_t i = 0; i < doc->diags.n; i++) {
		const struct diag *d = &doc->diags.v[i];
		buf_printf(&out, "%d:%d: %s: %s\n", d->line, d->col, rule_table[d->rule].id, d->message);
	}
	return buf_take(&out);
}

static void expect_diags(const char *yaml, int indent, const char *want, const char *what)
{
	struct document *doc = new_doc();
	struct form *form = parse(doc, yaml, indent);
	char *got = diag_text(doc);
	CHECK_STR(got, want, "%s", what);
	free(got);
	form_free(form);
	free_doc(doc);
}

static void test_work_report(void)
{
	struct document *doc = new_doc();
	struct form *form = parse(doc, work_report, 0);
	CHECK(form != NULL, "work-report parses");
	CHECK(doc->diags.n == 0, "work-report has no diagnostics (%zu)", doc->diags.n);
	if (!form) {
		free_doc(doc);
		return;
	}
	CHECK_STR(form->id, "work-report", "id");
	CHECK_STR(form->title, "工作呈报", "title");
	CHECK(form->id_valid, "id is valid");
	CHECK(form->number && !form->date, "number field, no top date");
	CHECK(form->columns == 4 && form->nrows == 6, "4 columns, 6 rows");
	CHECK(form->id_line == 10 && form->id_col == 5, "id value at 10:5 (%d:%d)", form->id_line, form->id_col);
	CHECK(form->title_line == 11 && form->title_col == 8, "title at 11:8");
	const struct form_row *row = &form->rows[1];
	CHECK(row->ncells == 2 && row->line == 16 && row->col == 5, "row 2 at 16:5 with 2 cells");
	CHECK_STR(row->cells[1].label, "日期", "row 2 cell 2 label");
	CHECK(row->cells[1].type == CELL_DATE && row->cells[1].line == 16 && row->cells[1].col == 21,
	      "日期 is a date at 16:21 (%d:%d)", row->cells[1].line, row->cells[1].col);
	CHECK(form->rows[2].cells[0].lines == 5 && form->rows[2].cells[0].span == 3, "呈报事项 5 lines, span 3");
	CHECK(form->rows[5].cells[0].type == CELL_SIGNATURE && form->rows[5].cells[0].lines == 2,
	      "分管副总意见 is a 2-line signature");
	CHECK(form->rows[0].cells[0].kind == CELL_FIELD && form_cell_columns(&form->rows[0].cells[0]) == 4,
	      "主题 takes 4 columns");
	form_free(form);
	free_doc(doc);
}

static void test_new_employee_talk(void)
{
	struct document *doc = new_doc();
	struct form *form = parse(doc, new_employee_talk, 2);
	char *diags = diag_text(doc);
	CHECK_STR(diags, "", "new-employee-talk has no diagnostics");
	free(diags);
	CHECK(form && form->date && !form->number && form->nrows == 10 && form->columns == 6,
	      "date on top, 10 rows of 6 columns");
	if (!form) {
		free_doc(doc);
		return;
	}
	const struct form_cell *question = &form->rows[2].cells[0];
	CHECK(question->kind == CELL_FIXED_TEXT && question->span == 6 && question->lines == 3,
	      "question 1 is fixed text across 6 columns with 3 lines");
	CHECK(str_starts_with(question->label, "1. 个人对公司"), "question 1's words");
	CHECK(form->rows[0].ncells == 3 && form->rows[0].cells[2].kind == CELL_FIELD &&
	      strcmp(form->rows[0].cells[2].label, "岗位") == 0, "plain scalars are labels");
	CHECK(form->rows[1].cells[2].type == CELL_DATE, "入司时间 is a date");
	CHECK(form->nnotes == 1, "one note");
	CHECK(form->rows[2].line == 17 && form->rows[2].col == 7, "row 3 at 17:7 (indent 2)");
	form_free(form);
	free_doc(doc);
}

static void test_columns_inferred(void)
{
	struct document *doc = new_doc();
	struct form *form = parse(doc,
				  "id: x\ntitle: 表\nrows:\n"
				  "  - heading: 基本情况\n"
				  "  - [姓名, {label: 性别, span: 2}]\n"
				  "  - {text: 备注, lines: 2}\n",
				  0);
	CHECK(form && form->columns == 5 && doc->diags.n == 0, "columns inferred from the widest row");
	if (form) {
		CHECK(form->rows[0].cells[0].kind == CELL_HEADING && form->rows[0].cells[0].span == 5,
		      "heading is full width");
		CHECK(form->rows[2].cells[0].lines == 2 && form->rows[2].cells[0].span == 5, "text full width");
	}
	form_free(form);
	free_doc(doc);
}

static void test_syntax_errors(void)
{
	expect_diags("id: x\ntitle: t\ncolums: 4\nrows: [[a]]\n", 0,
		     "12:1: form-syntax: unknown form key colums; did you mean columns?\n", "unknown key");
	expect_diags("id: x\ntitle: t\nrows:\n  - [{label: a, spn: 2}]\n", 4,
		     "13:21: form-syntax: unknown cell key spn; did you mean span?\n", "unknown cell key, indented");
	expect_diags("id: x\ntitle: t\ncolumns: 2\nrows:\n  - [{label: 日期, type: data}]\n", 0,
		     "14:24: form-syntax: unknown cell type data; did you mean date?\n", "unknown type");
	expect_diags("id: x\ntitle: t\ncolumns: 2\nrows:\n  - [{label: 日期, options: [是, 否]}]\n", 0,
		     "14:18: form-syntax: options given for 日期 of type text; options belong to type checkbox\n",
		     "options on a text cell");
	expect_diags("id: x\ntitle: t\ncolumns: 2\nrows:\n  - [{label: 同意, type: checkbox}]\n", 0,
		     "14:24: form-syntax: checkbox 同意 has no options; expected e.g. options: [同意, 不同意]\n",
		     "checkbox without options");
	expect_diags("id: Work_Report\ntitle: t\nrows: [[a]]\n", 0,
		     "10:5: form-syntax: form id Work_Report is not valid; expected lower-case letters, digits and "
		     "hyphens, e.g. work-report\n",
		     "bad id");
	expect_diags("id: x\ntitle: t\ncolumns: 4\nrows:\n  - [{label: a, span: 0}]\n", 0,
		     "14:23: form-syntax: span 0 is not a positive whole number; expected 1 to 50\n", "span 0");
	expect_diags("id: x\ntitle: t\ncolumns: 400\nrows: [[a]]\n", 0,
		     "12:10: form-syntax: columns 400 is too large; expected at most 50\n", "columns too large");
	expect_diags("id: x\ntitle: t\nnumber: 是\nrows: [[a]]\n", 0,
		     "12:9: form-syntax: number is 是; expected true or false\n", "number not a bool");
	expect_diags("id: x\ntitle: t\ntitle: u\nrows: [[a]]\n", 0,
		     "12:1: form-syntax: form key title is given twice; first on line 11\n", "duplicate key");
	expect_diags("id: x\ntitle: t\nrows:\n  - [{label: a, text: b}]\n", 0,
		     "13:17: form-syntax: cell has both label and text; expected only one of label, text, heading\n",
		     "label and text");
	expect_diags("id: x\ntitle: t\nrows:\n  - {heading: 甲, lines: 2}\n", 0,
		     "13:18: form-syntax: heading 甲 has lines; a heading takes only span\n", "heading with lines");
}

static void test_unusable(void)
{
	struct document *doc = new_doc();
	struct form *form = parse(doc, "id: x\ntitle: [t\nrows: []\n", 2);
	char *got = diag_text(doc);
	CHECK(form == NULL, "broken YAML gives no form");
	CHECK(doc->diags.n == 1 && str_starts_with(got, "12:7: form-syntax: form YAML does not parse: did not find expected ',' or ']'"),
	      "one diagnostic at the problem: %s", got);
	free(got);
	free_doc(doc);

	expect_diags("title: t\nrows: [[a]]\n", 0, "9:1: form-syntax: form has no id; expected e.g. id: work-report\n",
		     "no id, at the fence");
	expect_diags("id: x\nrows: [[a]]\n", 2, "9:3: form-syntax: form has no title; expected e.g. title: 工作呈报\n",
		     "no title, at the indented fence");
	doc = new_doc();
	CHECK(parse(doc, "", 0) == NULL && doc->diags.n == 1, "an empty block is unusable, one diagnostic");
	free_doc(doc);
	doc = new_doc();
	CHECK(parse(doc, "- a\n- b\n", 0) == NULL && doc->diags.n == 1, "a list is unusable");
	free_doc(doc);
}

/* Aliases could make a few lines stand for millions of cells: refused, once. */
static void test_aliases(void)
{
	struct buf yaml = {0};
	buf_puts(&yaml, "id: x\ntitle: t\ncolumns: 2\nrows:\n  - ");
	for (int i = 0; i < 2000; i++)
		buf_printf(&yaml, "%s{label: %s长长的标签, span: 1}", i ? ", " : "&row [", i ? "" : "&w ");
	buf_puts(&yaml, "]\n  - [*w]\n");
	for (int i = 0; i < 20000; i++)
		buf_puts(&yaml, "  - *row\n");
	struct document *doc = new_doc();
	struct form *form = parse(doc, yaml.data, 0);
	size_t aliases = 0;
	for (size_t i = 0; i < doc->diags.n; i++)
		aliases += strstr(doc->diags.v[i].message, "YAML alias") != NULL;
	CHECK(form && aliases == 1, "one diagnostic for the aliases (%zu)", aliases);
	CHECK(form && form->nrows == 20002 && form->rows[2].ncells == 0, "aliased rows read as empty");
	form_free(form);
	free_doc(doc);
	buf_free(&yaml);

	expect_diags("id: x\ntitle: t\nrows:\n  - [{label: a, type: checkbox, options: &yes [是, 否]}]\n"
		     "  - [{label: b, type: checkbox, options: *yes}]\n",
		     0,
		     "13:42: form-syntax: this part of the form is repeated through a YAML alias; expected every row "
		     "and cell written out\n",
		     "aliased options, at the anchor");
}

static void test_layout_errors(void)
{
	struct document *doc = new_doc();
	struct form *form = parse(doc,
				  "id: x\ntitle: t\ncolumns: 4\nrows:\n"
				  "  - [{label: 主题, span: 3}]\n"
				  "  - [{label: 主送部门}, {label: 日期, span: 2}]\n"
				  "  - - label: 呈报人\n"
				  "    - label: 部门意见\n"
				  "      span: 0\n"
				  "  - []\n"
				  "  - heading: 附注\n",
				  2);
	char *got = diag_text(doc);
	CHECK_STR(got,
		  "15:7: form-layout: row 2 fills 5 of 4 columns (主送部门 1+1, 日期 1+2); expected exactly 4\n"
		  "18:15: form-syntax: span 0 is not a positive whole number; expected 1 to 50\n"
		  "19:7: form-layout: row 4 fills 0 of 4 columns; expected exactly 4\n",
		  "layout errors at the rows, no cascade from a bad span");
	CHECK(form != NULL, "a form with layout errors is still a form");
	free(got);
	form_free(form);
	free_doc(doc);
}


/* Every line within `width` display columns, and every line of the grid
 * (from the first ┌ to the last ┘) exactly as wide as the first. */
static void check_text_fits(const char *text, int width, const char *what)
{
	int longest = 0, grid_width = -1;
	bool in_grid = false, ragged = false;
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		int w = (int)text_width(line, n);
		if (w > longest)
			longest = w;
		if (str_starts_with(line, "┌"))
			in_grid = true;
		if (in_grid) {
			if (grid_width < 0)
				grid_width = w;
			else if (w != grid_width)
				ragged = true;
		}
		if (str_starts_with(line, "└"))
			in_grid = false;
		line += end ? n + 1 : n;
	}
	CHECK(longest <= width, "%s: lines within %d columns (longest %d)", what, width, longest);
	CHECK(grid_width > 0 && !ragged, "%s: grid lines all %d columns wide", what, grid_width);
}

static char *render_text(const struct form *form, int width)
{
	struct form_text *r = form_text_new(width);
	char *text = form_text_render(r, form);
	form_text_free(r);
	return text;
}

static void test_text(void)
{
	struct document *doc = new_doc();
	struct form *report = parse(doc, work_report, 0);
	struct form *talk = parse(doc, new_employee_talk, 0);
	if (!report || !talk) {
		CHECK(false, "seed forms parse");
		free_doc(doc);
		return;
	}
	char *text = render_text(report, 72);
	check_text_fits(text, 72, "工作呈报 at 72");
	CHECK(str_starts_with(strstr(text, "工 作 呈 报"), "工 作 呈 报\n"), "title letter-spaced");
	CHECK(strstr(text, "编号：__________\n") != NULL, "编号 line");
	CHECK(strstr(text, "│主题") && strstr(text, "│分管副总意见"), "labels in the grid");
	CHECK(strstr(text, "签字：________　日期：　　年　　月　　日│") != NULL, "wide signature on one line");
	CHECK(strstr(text, "├────────────────┼────────────────┴────────────────┴────────────────┤") != NULL,
	      "rule under 日期 joins the row of one wide answer");
	CHECK(strstr(text, "注：总经理审批后") == NULL, "no notes when none are written");
	free(text);

	text = render_text(report, 36);
	check_text_fits(text, 36, "工作呈报 at 36");
	CHECK(strstr(text, "│分管副 │") && strstr(text, "│总意见 │"), "label wrapped in a narrow column");
	CHECK(strstr(text, "│ 签字：│") && strstr(text, "│ 日期：│") && strstr(text, "│ 年月日│"),
	      "signature shortened to fit a narrow cell");
	free(text);

	text = render_text(talk, 72);
	check_text_fits(text, 72, "新员工谈话沟通表 at 72");
	CHECK(strstr(text, "　　年　　月　　日\n") != NULL, "date at the top right");
	CHECK(strstr(text, "│7. 其他涉及到的问题") != NULL, "question across the row");
	CHECK(strstr(text, "注：本表由人事行政部面谈后填写，存入员工档案。\n") != NULL, "note at the foot");
	free(text);

	text = render_text(talk, 40);
	check_text_fits(text, 40, "新员工谈话沟通表 at 40");
	free(text);

	/* Too narrow for 4 columns of at least one character: a list instead. */
	text = render_text(report, 12);
	int longest = 0;
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		if ((int)text_width(line, n) > longest)
			longest = (int)text_width(line, n);
		line += end ? n + 1 : n;
	}
	CHECK(longest <= 12 && !strstr(text, "┌") && strstr(text, "\n主题：\n") && strstr(text, "\n呈报人：\n"),
	      "a list within 12 columns (longest %d)", longest);
	free(text);
	form_free(report);
	form_free(talk);
	free_doc(doc);
}

static void test_html_and_json(void)
{
	static const char hostile[] = "id: x\ntitle: \"<b>表 & 'x'\"\ncolumns: 2\nrows:\n"
				      "  - [{label: \"<script>\", type: checkbox, options: [\"a\\\"b\", \"c\\\\d\\te\"]}]\n"
				      "notes: [\"</section>\"]\n";
	struct document *doc = new_doc();
	struct form *form = parse(doc, hostile, 0);
	CHECK(form && doc->diags.n == 0, "hostile words parse");
	if (!form) {
		free_doc(doc);
		return;
	}
	struct form_html *h = form_html_new();
	char *html = form_html_render(h, form);
	CHECK(html && strstr(html, "&lt;b&gt;表 &amp; &#39;x&#39;") != NULL, "title escaped");
	CHECK(html && strstr(html, "&lt;script&gt;") && !strstr(html, "<script>"), "label escaped");
	CHECK(html && strstr(html, "□a&quot;b") != NULL, "option escaped");
	CHECK(html && strstr(html, "&lt;/section&gt;") != NULL, "note escaped");
	free(html);
	form_html_free(h);
	struct form_json *j = form_json_new();
	char *json = form_json_render(j, form);
	CHECK_STR(strstr(json, "\"fields\""),
		  "\"fields\": [\n"
		  "    {\"label\": \"<script>\", \"type\": \"checkbox\", \"span\": 1, \"lines\": 1, "
		  "\"options\": [\"a\\\"b\", \"c\\\\d\\te\"], \"row\": 1, \"column\": 1}\n"
		  "  ],\n  \"notes\": [\"</section>\"]\n}\n",
		  "JSON fields escaped");
	free(json);
	form_free(form);

	form = parse(doc, work_report, 0);
	json = form_json_render(j, form);
	static const char *const labels[] = {"主题", "主送部门", "日期", "呈报事项", "领导批示", "呈报人", "部门意见", "分管副总意见"};
	bool all = true;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		char *key = xasprintf("{\"label\": \"%s\"", labels[i]);
		all = all && strstr(json, key);
		free(key);
	}
	CHECK(all, "JSON has every label of 工作呈报");
	CHECK(str_starts_with(json, "{\n  \"format\": \"policyc-form\",\n  \"version\": 1,\n  \"id\": \"work-report\",\n"),
	      "JSON header");
	CHECK(strstr(json, "{\"label\": \"日期\", \"type\": \"date\", \"span\": 1, \"lines\": 1, \"row\": 2, \"column\": 3}") !=
		      NULL,
	      "日期 starts in column 3 of row 2");
	free(json);
	html = form_html_render(h = form_html_new(), form);
	CHECK(strstr(html, "<section class=\"form\" id=\"form-work-report\">") && strstr(html, "<colgroup><col><col><col><col></colgroup>"),
	      "section and 4 equal columns");
	CHECK(strstr(html, "<th class=\"form-label\">呈报事项</th><td class=\"form-answer form-type-text\" colspan=\"3\" style=\"--lines: 5\"></td>") != NULL,
	      "5-line answer across 3 columns");
	CHECK(strstr(html, "编号：<span class=\"form-blank\">") != NULL, "编号 field");
	free(html);
	form_html_free(h);
	form_json_free(j);
	form_free(form);
	free_doc(doc);
}

int main(void)
{
	test_work_report();
	test_new_employee_talk();
	test_columns_inferred();
	test_syntax_errors();
	test_unusable();
	test_layout_errors();
	test_aliases();
	test_text();
	test_html_and_json();
	UNIT_END();
}
