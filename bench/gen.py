#!/usr/bin/env python3
"""bench/gen.py — writes N realistic policies of about 10 KB each, for timing.

    python3 bench/gen.py DIR N

DIR/bench-00001.md … DIR/bench-NNNNN.md (any other bench-*.md in DIR is
removed first, so DIR holds exactly the corpus of N). Every document is clean
under the default configuration — `policyc check --werror` prints nothing —
and uses what real policies use:

- front matter with every key (revisions and supersedes in some documents);
- chapters 第一章 总则 … 第N章 附则 with the required provisions, a chapter
  divided into sections 第一节 …, articles numbered through the document, in
  paragraph form (第五条 职责　…, in some documents **第五条**) and, in some
  chapters, in heading form (## 第五条 职责);
- articles of several paragraphs (款), items （一） restarting in each paragraph,
  sub-items 1. 2. as an ordered list, a GFM table;
- references to what exists: 第N条, 第N条第M款, 第N条至第M条, 本制度第N章,
  本条第K项, 前款第K项, 《title》 of other documents of the corpus and of their
  forms;
- after 附则, one attachment holding a ```form block (docs/forms.md) whose id
  and title are unique in the corpus.

The output depends only on N: each document draws from a generator seeded with
its own number and names only documents before it, so the corpus of N is the
first N documents of any larger one.
"""
import functools
import os
import random
import sys

TARGET_BYTES = 10 * 1024

DIGITS = "零一二三四五六七八九"
PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


@functools.lru_cache(maxsize=None)
def numeral(n):
    """The standard Chinese numeral of 1 <= n <= 9999 (SPEC §4): 十一, 一百零一, 一百一十."""
    out = []
    written = gap = False
    for value, place in PLACES:
        digit = n // value % 10
        if digit == 0:
            gap = written
            continue
        if gap:
            out.append("零")
        if not (digit == 1 and value == 10 and not written):
            out.append(DIGITS[digit])
        out.append(place)
        written, gap = True, False
    return "".join(out)


SUBJECTS = ("采购", "合同", "档案", "印章", "车辆", "差旅", "培训", "考勤", "固定资产",
            "信息安全", "质量", "安全生产", "招聘", "绩效考核", "薪酬", "会议", "公文",
            "保密", "客户服务", "仓储", "费用报销", "员工沟通", "办公用品", "外包")
OWNERS = ("人事行政部", "财务部", "营销管理部", "综合管理部", "运营中心", "法务部",
          "信息技术部", "审计部")
APPROVERS = ("总经理办公会", "董事会", "总经理")
TAGS = ("人力资源", "财务", "行政", "营销", "合规", "信息化", "运营", "风险控制")

# Titles of the middle chapters (总则 first and 附则 last are added around them).
CHAPTER_TITLES = ("职责分工", "工作程序", "审批权限", "日常管理", "监督检查", "记录与归档",
                  "培训与考核", "奖励与处罚", "费用管理", "信息报送", "应急处置", "档案管理")
SECTION_TITLES = (("一般规定", "特别规定"), ("事前审批", "事后备案"), ("申请", "审核", "办理"))
ARTICLE_TITLES = ("职责", "程序", "要求", "审批", "记录", "检查", "报告", "费用", "期限",
                  "保密", "考核", "归档", "登记", "变更", "督办", "复核", "移交", "统计")

# Sentence parts; {s} is the policy's subject, {o} its owner, {d} a department,
# {n} a small number. None of them holds a marker or a reference.
CLAUSES = (
    "加强公司{s}管理", "提高工作效率和服务质量", "规范{s}业务的办理流程",
    "明确各部门在{s}工作中的职责与权限", "保障员工的合法权益", "部门负责人应当定期检查落实情况",
    "相关记录应当及时归档保存", "发现问题应当及时报告并妥善处理",
    "重大事项须经总经理审批后方可执行", "各部门应当相互配合、共同推进",
    "具体办法由{o}另行制定", "对违反本制度的行为依照公司有关规定处理",
    "每季度对执行情况进行一次检查", "员工应当遵守职业道德和保密义务",
    "费用支出应当符合公司预算管理要求", "涉及客户信息的资料不得擅自对外提供",
    "会议纪要应当在{n}个工作日内印发", "考核结果作为年度评优和薪酬调整的依据",
    "{d}应当在每月{n}日前报送上月的{s}情况", "经办人应当如实填写申请事项、用途和金额",
    "单笔金额超过{n}万元的，须经分管副总经理审核", "审批意见应当签署姓名和日期",
    "未经批准，任何人不得擅自变更已审批的事项", "{o}负责汇总、分析并定期通报",
    "对执行中发现的问题，应当及时提出改进意见", "各项资料应当做到“完整、准确、及时”",
    "因工作需要借阅的，应当办理登记手续", "情况紧急的，可以先行处置后补办手续",
    "{d}对本部门的{s}工作负直接责任", "年度计划应当于每年{n}月底前报送{o}",
    "原始凭证应当真实、合法、完整", "办理结果应当在{n}日内反馈申请人",
    "涉及多个部门的事项，由{o}牵头协调", "员工对处理结果有异议的，可以向{o}申请复核",
    "相关人员调离岗位的，应当办妥移交手续", "电子文档应当定期备份并妥善保管",
)
DEPARTMENTS = ("各部门", "各分公司", "财务部", "人事行政部", "综合管理部", "采购部", "营销管理部",
               "各项目部")
# Tables: a header and the rows a policy of that kind would list ({o} is the owner).
TABLES = (
    (("事项", "金额", "审核", "审批"),
     (("日常支出", "一万元以下", "部门负责人", "{o}负责人"),
      ("专项支出", "一万元至十万元", "{o}负责人", "分管副总经理"),
      ("重大支出", "十万元以上", "分管副总经理", "总经理"),
      ("预算外支出", "不限", "财务部", "总经理办公会"))),
    (("资料类别", "保管期限", "保管部门", "到期处理"),
     (("审批文件", "长期", "{o}", "移交档案室"),
      ("会议纪要", "十年", "综合管理部", "鉴定后销毁"),
      ("原始凭证", "三十年", "财务部", "鉴定后销毁"),
      ("工作记录", "三年", "经办部门", "经审核后销毁"))),
    (("情形", "处理方式", "责任人"),
     (("初次违反", "书面提醒", "直接上级"),
      ("再次违反", "通报批评", "{o}"),
      ("造成损失", "扣减绩效并赔偿", "部门负责人"),
      ("情节严重", "解除劳动合同", "人事行政部"))),
)



class Doc:
    """One document being written: its text and what its references may name."""

    def __init__(self, number):
        self.number = number
        self.rng = random.Random(number)
        self.subject = SUBJECTS[number % len(SUBJECTS)]
        self.owner = OWNERS[number % len(OWNERS)]
        self.out = []
        self.size = 0
        self.article = 0
        self.chapter = 0
        self.paragraphs = {}  # article number -> its number of paragraphs (款)

    # random.Random's choice, randint and sample are several times slower than
    # random() itself, and a corpus of 10000 documents makes millions of draws.
    def pick(self, choices):
        return choices[int(self.rng.random() * len(choices))]

    def between(self, low, high):
        return low + int(self.rng.random() * (high - low + 1))

    def distinct(self, choices, count):
        drawn = []
        while len(drawn) < count:
            choice = self.pick(choices)
            if choice not in drawn:
                drawn.append(choice)
        return drawn

    def write(self, text):
        self.out.append(text)
        self.size += len(text.encode())

    def fill(self, template):
        if "{" not in template:
            return template
        return template.format(s=self.subject, o=self.owner, d=self.pick(DEPARTMENTS),
                               n=self.between(2, 15))

    def clauses(self, count, end="。"):
        return "，".join(self.fill(clause) for clause in self.distinct(CLAUSES, count)) + end

    def chapter_start(self, title):
        self.chapter += 1
        self.write(f"# 第{numeral(self.chapter)}章 {title}\n\n")

    def article_start(self, title, text, heading_level):
        """An article in heading form (heading_level > 0) or paragraph form."""
        self.article += 1
        self.paragraphs[self.article] = 1
        marker = f"第{numeral(self.article)}条"
        if heading_level:
            self.write(f"{'#' * heading_level} {marker} {title}\n\n{text}\n\n")
        elif self.number % 10 == 5:  # as documents converted from a word processor write them
            self.write(f"**{marker}** {title}　{text}\n\n")
        else:
            self.write(f"{marker} {title}　{text}\n\n")

    def paragraph(self, text):
        """A further paragraph (款) of the open article."""
        self.paragraphs[self.article] += 1
        self.write(text + "\n\n")

    def items(self, count, with_sub_items):
        for k in range(1, count + 1):
            last = k == count
            if with_sub_items and k == 2:
                self.write(f"（{numeral(k)}）{self.clauses(1, '：')}\n\n")
                for j in range(1, self.between(3, 4) + 1):
                    self.write(f"{j}. {self.clauses(1, '；')}\n")
                self.write("\n")
            else:
                self.write(f"（{numeral(k)}）{self.clauses(self.between(1, 2), '。' if last else '；')}\n\n")

    def earlier_reference(self):
        """A reference to an article (or one of its paragraphs) written before."""
        target = self.between(1, self.article - 1)
        kind = self.between(0, 3)
        if kind == 0 and self.paragraphs[target] > 1:
            return f"第{numeral(target)}条第{numeral(self.between(2, self.paragraphs[target]))}款"
        if kind == 1 and target < self.article - 1:
            return f"第{numeral(target)}条至第{numeral(target + 1)}条"
        if kind == 2:
            return f"本制度第{numeral(target)}条"
        return f"第{numeral(target)}条"

    def table(self):
        header, rows = self.pick(TABLES)
        self.write("| " + " | ".join(header) + " |\n")
        self.write("|" + " --- |" * len(header) + "\n")
        for row in rows[:self.between(3, len(rows))]:
            self.write("| " + " | ".join(self.fill(cell) for cell in row) + " |\n")
        self.write("\n")

    def article_body(self, heading_level):
        """One article of a middle chapter, of a kind drawn at random."""
        title = self.pick(ARTICLE_TITLES)
        kind = self.between(0, 5)
        if kind == 0:
            self.article_start(title, self.clauses(2, "，依照下列规定办理："), heading_level)
            count = self.between(3, 5)
            self.items(count, True)
            self.paragraph(f"本条第{numeral(self.between(1, count))}项所列事项，{self.clauses(2)}")
        elif kind == 1:
            self.article_start(title, self.clauses(self.between(2, 3)), heading_level)
            self.paragraph(self.clauses(self.between(2, 3)))
            self.paragraph(f"违反前款规定的，{self.clauses(1)}")
        elif kind == 2 and self.article > 1:
            self.article_start(title, f"依照{self.earlier_reference()}的规定，{self.clauses(2)}",
                               heading_level)
        elif kind == 3:
            self.article_start(title, f"{self.clauses(1, '，')}具体如下：", heading_level)
            count = self.between(2, 3)
            self.items(count, False)
            self.paragraph(f"前款第{numeral(self.between(1, count))}项的事项，{self.clauses(1)}")
        else:
            self.article_start(title, self.clauses(self.between(3, 5)), heading_level)

    def other_title(self):
        """The title of an earlier document of the corpus, or of its form."""
        other = self.between(max(1, self.number - 100), self.number - 1)
        return title_of(other) if self.between(0, 2) else form_title_of(other)

    def front_matter(self):
        n = self.number
        self.write("---\n")
        self.write(f"title: {title_of(n)}\n")
        self.write(f"id: BENCH-{n:05d}\n")
        self.write(f"version: \"{1 + n % 3}.{n % 10}\"\n")
        self.write(f"owner: {self.owner}\n")
        self.write(f"effective: 2026-{1 + n % 12:02d}-{1 + n % 28:02d}\n")
        self.write(f"status: {'draft' if n % 50 == 0 else 'active'}\n")
        self.write(f"approved-by: {APPROVERS[n % len(APPROVERS)]}\n")
        if n % 3 == 0:
            self.write("revisions:\n")
            self.write("  - {version: \"1.0\", date: 2023-01-01, note: 首次发布}\n")
            self.write(f"  - {{version: \"{1 + n % 3}.{n % 10}\", date: 2026-{1 + n % 12:02d}-01, "
                       "note: 调整审批权限，补充附件}\n")
        if n % 7 == 0 and n > 1:
            self.write(f"supersedes: OLD-{n:05d}\n")
        self.write(f"tags: [{TAGS[n % len(TAGS)]}, {self.subject}]\n")
        self.write("---\n\n")

    def form(self):
        """The attachment: a blank form after the last chapter."""
        n = self.number
        self.write(f"# 附件 {form_title_of(n)}\n\n")
        self.write("```form\n")
        self.write(f"id: bench-{n:05d}-form\n")
        self.write(f"title: {form_title_of(n)}\n")
        self.write(f"number: {'true' if n % 2 else 'false'}\n")
        self.write(f"date: {'false' if n % 2 else 'true'}\n")
        self.write("columns: 4\n")
        self.write("rows:\n")
        self.write("  - [申请人, 部门]\n")
        self.write("  - [{label: 申请事项, span: 3}]\n")
        self.write("  - [{label: 金额, type: number}, {label: 申请日期, type: date}]\n")
        self.write(f"  - [{{label: 事由说明, span: 3, lines: {2 + n % 4}}}]\n")
        self.write("  - [{label: 部门意见, type: checkbox, options: [同意, 不同意]}, "
                   "{label: 负责人, type: signature, lines: 2}]\n")
        self.write("  - [{label: 审批意见, span: 3, lines: 2, type: signature}]\n")
        self.write(f"notes:\n  - 本表一式两份，{self.owner}与申请部门各存一份。\n")
        self.write("```\n")

    def text(self):
        self.front_matter()
        if self.number % 5 == 0:
            self.write(f"为规范公司{self.subject}工作，{self.clauses(1, '，')}特制定本制度。\n\n")

        self.chapter_start("总则")
        self.article_start("目的", f"为加强{self.subject}管理，{self.clauses(2, '，')}制定本制度。", 0)
        self.article_start("适用范围", f"本制度适用于公司全体员工及{self.owner}所辖各部门。", 0)
        self.article_start("职责", f"{self.owner}是{self.subject}工作的归口管理部门，履行下列职责：", 0)
        self.items(self.between(3, 4), False)

        titles = self.distinct(CHAPTER_TITLES, len(CHAPTER_TITLES))
        sections_in = 2  # the chapter divided into sections
        # Articles in heading form: in the chapter of sections (### 第N条) in
        # a quarter of the documents, in chapter 3 (## 第N条) in another quarter.
        heading_chapter = {0: sections_in, 2: 3}.get(self.number % 4, 0)
        table_written = False
        # Middle chapters until the document nears its size (附则 and the form
        # add about 1.4 KB); a chapter has at least two articles.
        body_bytes = TARGET_BYTES - 1400
        while self.size < body_bytes or self.chapter < 3:
            self.chapter_start(titles.pop())
            level = 2 if self.chapter == heading_chapter else 0
            if self.chapter == sections_in:
                for index, section in enumerate(self.pick(SECTION_TITLES), 1):
                    self.write(f"## 第{numeral(index)}节 {section}\n\n")
                    for _ in range(2):
                        self.article_body(level + 1 if level else 0)
                continue
            for index in range(self.between(3, 5)):
                if index >= 2 and self.size >= body_bytes:
                    break
                self.article_body(level)
                if not table_written and self.chapter >= 3:
                    self.article_start("审批权限", f"{self.subject}事项的办理权限依照下表执行：", level)
                    self.table()
                    self.paragraph(f"表中未列明的事项，由{self.owner}报总经理确定。")
                    table_written = True
            if self.number > 1 and self.chapter == 3:
                self.paragraph(f"本章未尽事宜，参照《{self.other_title()}》执行。")

        supplementary = self.chapter + 1
        self.chapter_start("附则")
        self.article_start("表单", f"办理本制度第{numeral(supplementary - 1)}章所列事项，应当填写"
                           f"《{form_title_of(self.number)}》（见附件）。", 0)
        self.article_start("解释", f"本制度由{self.owner}负责解释。", 0)
        self.article_start("施行", f"本制度自2026年{1 + self.number % 12}月{1 + self.number % 28}日起施行。"
                           f"第一条至第{numeral(self.article - 1)}条所称部门负责人，包括主持工作的副职。", 0)
        self.write("\n")
        self.form()
        return "".join(self.out)


def title_of(number):
    return f"{SUBJECTS[number % len(SUBJECTS)]}管理制度（基准测试{number:05d}）"


def form_title_of(number):
    return f"{SUBJECTS[number % len(SUBJECTS)]}事项申请表（基准测试{number:05d}）"


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or int(sys.argv[2]) < 1:
        sys.exit("usage: python3 bench/gen.py DIR N   (N >= 1)")
    directory, count = sys.argv[1], int(sys.argv[2])
    if count > 99999:
        sys.exit("bench/gen.py: N is at most 99999")
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        if name.startswith("bench-") and name.endswith(".md"):
            os.remove(os.path.join(directory, name))
    for number in range(1, count + 1):
        with open(os.path.join(directory, f"bench-{number:05d}.md"), "w", encoding="utf-8") as out:
            out.write(Doc(number).text())


if __name__ == "__main__":
    main()
