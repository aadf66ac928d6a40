#!/bin/sh
# bench/gen.sh — writes N valid policy documents (scheme `articles`, about
# 10 KB each) into DIR, for timing `policyc check` on a corpus of real size.
#
#   sh bench/gen.sh DIR [N]      N defaults to 1000
#
# Every document is clean under the default configuration: complete front
# matter (SPEC §3), chapters 总则 … 附则 with the required provisions (目的,
# 适用范围, 解释, 施行), articles numbered continuously in standard Chinese
# numerals, items （一）（二）… restarting in each paragraph, references
# 第N条 only to articles that exist, and 《…》 only to other generated
# documents. The output is the same for the same N.
set -eu

usage() {
	echo "usage: sh bench/gen.sh DIR [N]" >&2
	exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
dir=$1
count=${2:-1000}
case $count in '' | *[!0-9]*) usage ;; esac
[ "$count" -ge 1 ] || usage
mkdir -p "$dir"

awk -v dir="$dir" -v count="$count" '
# The standard form (SPEC §4) of 1 <= n <= 9999.
function numeral(n,    place, value, digit, out, written, gap, i) {
	split("千 百 十 _", place, " ")
	value[1] = 1000; value[2] = 100; value[3] = 10; value[4] = 1
	out = ""; written = 0; gap = 0
	for (i = 1; i <= 4; i++) {
		digit = int(n / value[i]) % 10
		if (digit == 0) { if (written) gap = 1; continue }
		if (gap) out = out "零"
		if (!(digit == 1 && i == 3 && !written)) out = out DIGIT[digit]
		if (i < 4) out = out place[i]
		written = 1; gap = 0
	}
	return out
}

function pick(list, n) { return list[1 + int(rand() * n)] }

# `n` clauses from the pool joined by commas, without the closing mark.
function clauses(n,    s, i) {
	s = pick(CLAUSE, NCLAUSE)
	for (i = 2; i <= n; i++)
		s = s "，" pick(CLAUSE, NCLAUSE)
	return s
}

function article(title, text) {
	ARTICLE++
	printf "第%s条 %s　%s\n\n", numeral(ARTICLE), title, text > FILE
}

# Items （一）…, the second with sub-items 1. 2. … under it.
function items(n,    i, j) {
	for (i = 1; i <= n; i++) {
		if (i == 2) {
			printf "（%s）%s：\n\n", numeral(i), clauses(1) > FILE
			for (j = 1; j <= 3; j++)
				printf "%d. %s；\n", j, clauses(1) > FILE
			printf "\n" > FILE
			continue
		}
		printf "（%s）%s%s\n\n", numeral(i), clauses(1 + int(rand() * 2)), i < n ? "；" : "。" > FILE
	}
}

function section(title) {
	SECTION++
	printf "## 第%s节 %s\n\n", numeral(SECTION), title > FILE
}

function chapter(title) {
	CHAPTER++
	printf "# 第%s章 %s\n\n", numeral(CHAPTER), title > FILE
	SECTION = 0
}

# A reference to an article already written.
function reference(    target) {
	target = 1 + int(rand() * (ARTICLE - 1))
	return "依照本制度第" numeral(target) "条的规定，"
}

# Titles are a function of the document number, so any document can name any other.
function title_of(doc) {
	return sprintf("%s管理制度（基准测试%05d）", SUBJECT[1 + doc % NSUBJECT], doc)
}

function document(doc,    owner, i, a, chapters, month, day) {
	FILE = sprintf("%s/bench-%05d.md", dir, doc)
	owner = OWNER[1 + doc % NOWNER]
	month = 1 + doc % 12
	day = 1 + doc % 28
	ARTICLE = 0
	CHAPTER = 0

	printf "---\n" > FILE
	printf "title: %s\n", title_of(doc) > FILE
	printf "id: BENCH-%05d\n", doc > FILE
	printf "version: \"1.%d\"\n", doc % 10 > FILE
	printf "owner: %s\n", owner > FILE
	printf "effective: 2026-%02d-%02d\n", month, day > FILE
	printf "status: active\n" > FILE
	printf "approved-by: 总经理办公会\n" > FILE
	printf "tags: [基准测试, %s]\n", owner > FILE
	printf "---\n\n" > FILE

	chapter("总则")
	article("目的", "为加强" SUBJECT[1 + doc % NSUBJECT] "管理，" clauses(2) "，制定本制度。")
	article("适用范围", "本制度适用于公司全体员工及" owner "所辖各部门。")
	article("基本原则", clauses(3) "。")

	chapters = 5 + int(rand() * 2)
	for (i = 1; i <= chapters; i++) {
		chapter(pick(CHAPTER_TITLE, NCHAPTER_TITLE))
		for (a = 1; a <= 6; a++) {
			if (i == 2 && a == 1)
				section("一般规定")
			if (i == 2 && a == 4)
				section("特别规定")
			if (a == 2) {
				article(pick(ARTICLE_TITLE, NARTICLE_TITLE), clauses(2) "，依照下列规定办理：")
				items(3 + int(rand() * 3))
			} else if (a == 4) {
				article(pick(ARTICLE_TITLE, NARTICLE_TITLE), reference() clauses(3) "。")
				printf "%s。\n\n", clauses(2) > FILE
			} else {
				article(pick(ARTICLE_TITLE, NARTICLE_TITLE), clauses(3 + int(rand() * 3)) "。")
			}
		}
	}
	if (count > 1)
		printf "本章未尽事宜，参照《%s》执行。\n\n", title_of(doc > 1 ? doc - 1 : count) > FILE

	chapter("附则")
	article("解释", "本制度由" owner "负责解释。")
	article("施行", "本制度自2026年" month "月" day "日起施行。")
	close(FILE)
}

BEGIN {
	split("一 二 三 四 五 六 七 八 九", DIGIT, " ")
	NCLAUSE = split("加强公司内部管理 提高工作效率和服务质量 规范业务办理流程 明确各部门的职责与权限 " \
		"保障员工的合法权益 部门负责人应当定期检查落实情况 相关记录应当及时归档保存 " \
		"发现问题应当及时报告并妥善处理 重大事项须经总经理审批后方可执行 " \
		"各部门应当相互配合、共同推进 具体办法由主管部门另行制定 " \
		"对违反本制度的行为依照公司有关规定处理 每季度对执行情况进行一次检查 " \
		"员工应当遵守职业道德和保密义务 费用支出应当符合公司预算管理要求 " \
		"涉及客户信息的资料不得擅自对外提供 会议纪要应当在三个工作日内印发 " \
		"考核结果作为年度评优和薪酬调整的依据", CLAUSE, " ")
	NSUBJECT = split("采购 合同 档案 印章 车辆 差旅 培训 考勤 资产 信息安全 质量 安全生产", SUBJECT, " ")
	NOWNER = split("人事行政部 财务部 营销管理部 综合管理部 运营中心 法务部", OWNER, " ")
	NCHAPTER_TITLE = split("职责分工 工作程序 监督检查 奖励与处罚 记录管理 审批权限 日常管理 培训与考核", CHAPTER_TITLE, " ")
	NARTICLE_TITLE = split("职责 程序 要求 审批 记录 检查 报告 费用 期限 保密 考核 档案", ARTICLE_TITLE, " ")
	for (doc = 1; doc <= count; doc++) {
		srand(doc) # the same documents on every run
		document(doc)
	}
}
'
