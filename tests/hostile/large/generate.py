#!/usr/bin/env python3
"""generate.py DIR — writes the large hostile inputs of issue 8 into DIR.

They are generated, not committed (several are megabytes): tests/cli/
hostile-large.sh runs policyc on each under an address-space limit and a
timeout, and checks the diagnostic it must give. Each file's name says what
it holds; FRONT is a valid front matter, so only the hostile part is wrong.
"""
import os
import sys

FRONT = ('---\ntitle: 压力测试制度\nid: STRESS-1\nversion: "1.0"\nowner: 行政部\n'
         'effective: 2024-01-01\n---\n\n')
FRONT_EN = FRONT.replace('effective: 2024-01-01\n', 'effective: 2024-01-01\nscheme: en\n')
FRONT_DECIMAL = FRONT.replace('effective: 2024-01-01\n', 'effective: 2024-01-01\nscheme: decimal\n')

DIGITS = '零一二三四五六七八九'


def chinese(n):
    """n (1 <= n < 10**8) as a Chinese numeral in the standard form: 十一, 一百零一."""
    def below_10000(n, leading):
        out, zero = '', False
        for value, unit in ((1000, '千'), (100, '百'), (10, '十'), (1, '')):
            d = n // value % 10
            if d == 0:
                zero = bool(out) or not leading
                continue
            if zero and out:
                out += '零'
            elif zero and not leading:
                out += '零'
            zero = False
            out += ('' if (d == 1 and unit == '十' and not out and leading) else DIGITS[d]) + unit
        return out
    if n < 10000:
        return below_10000(n, True)
    high, low = divmod(n, 10000)
    text = below_10000(high, True) + '万'
    if low:
        text += ('零' if low < 1000 else '') + below_10000(low, False).lstrip('零')
    return text


def write(directory, name, data):
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(os.path.join(directory, name), mode, **({} if mode == 'wb' else {'encoding': 'utf-8'})) as f:
        f.write(data)


def policy(middle, front=FRONT):
    """A policy that would be clean but for `middle`, the second paragraph of
    its first article."""
    return (front + '# 第一章 总则\n\n第一条 为规范管理，明确目的与适用范围，制定本制度。\n\n' + middle +
            '\n\n# 第二章 附则\n\n第二条 本制度由行政部负责解释，自发布之日起施行。\n')


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    # Encoding: every kind of invalid sequence, on many lines.
    bad = [b'\xff', b'\xc0\xaf', b'\xe0\x80\xaf', b'\xed\xa0\x80', b'\xf4\x90\x80\x80', b'\xe4\xb8',
           b'\x80', b'\xf8\x88\x80\x80\x80', b'\x00']
    lines = ''.join('第%d行 \x01文字\n' % i for i in range(20000)).encode().split(b'\x01')
    write(out, 'invalid-utf8-20000-lines.md', FRONT.encode() + b''.join(
        part + (bad[i % len(bad)] if i + 1 < len(lines) else b'') for i, part in enumerate(lines)))
    write(out, 'nul-bytes-1mb.md', policy('').encode().replace(b'\n\n# ', b'\n\n' + b'\x00' * (1 << 20) + b'\n# ', 1))
    write(out, 'empty.md', b'')
    write(out, 'frontmatter-unclosed-100000-lines.md', '---\n' + 'title: 制度\n' * 100000)

    # YAML alias bombs ("billion laughs"): 10^30 strings if expanded, aimed at
    # the keys that read lists.
    bomb = ['lol: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        bomb.append('l%d: &a%d [%s]' % (i, i, ','.join(['*a%d' % (i - 1)] * 10)))
    aliases = '\n'.join(bomb) + '\n'
    write(out, 'yaml-alias-bomb-frontmatter.md',
          policy('', FRONT.replace('---\n\n', aliases + 'tags: *a29\nsupersedes: *a29\nrevisions: *a29\n---\n\n', 1)))
    write(out, 'yaml-alias-bomb-form.md',
          policy('```form\n' + aliases + 'id: bomb\ntitle: 炸弹表\ncolumns: 4\nrows: *a29\nnotes: *a29\n```'))

    write(out, 'nested-quotes-50000.md', policy('> ' * 50000 + '引用的条文。'))
    write(out, 'nested-quotes-50000-tight.md', policy('>' * 50000 + '引用的条文。'))
    write(out, 'nested-lists-3000.md', policy('- ' * 3000 + '列表。'))
    write(out, 'nested-ordered-lists-3000.md', policy('1. ' * 3000 + '列表。'))
    # Written one level a line, the indentation alone grows as the square: 2000
    # levels are 4 MB.
    write(out, 'nested-lists-2000-indented.md', policy(''.join('  ' * i + '- 列表\n' for i in range(2000))))

    write(out, 'line-7mb-chinese.md', policy('员工应当遵守本制度，按时上下班，' * (7 * 1024 * 1024 // 48)))
    write(out, 'line-7mb-ascii.md', policy('abc, def. ' * (7 * 1024 * 1024 // 10)))
    write(out, 'line-7mb-no-newline.md', policy('').rstrip('\n') + '目的' * (7 * 1024 * 1024 // 6))

    # 100,000 brackets that never close (or never open), each kind.
    for name, bracket in (('lenticular', '【'), ('paren', '('), ('square', '['), ('title', '《'),
                          ('fullwidth-paren', '（'), ('closing-title', '》'), ('angle', '<'),
                          ('quote', '「'), ('backtick', '`'), ('emphasis', '*')):
        write(out, 'brackets-100000-%s.md' % name, policy('条文' + bracket * 100000 + '。'))
    write(out, 'brackets-100000-title-lines.md', policy('见《第一条\n' * 100000))
    write(out, 'brackets-100000-mixed.md', policy('【(（《[「' * 20000))
    write(out, 'brackets-100000-links.md', policy('[a](' * 100000))

    chapters = ['# 第%s章 第%d章\n\n第%s条 本章条文。\n' % (chinese(i), i, chinese(i)) for i in range(1, 20001)]
    chapters[0] = '# 第一章 总则\n\n第一条 为规范管理，明确目的与适用范围，制定本制度。\n'
    chapters[-1] = '# 第%s章 附则\n\n第%s条 本制度由行政部负责解释，自发布之日起施行。\n' % (
        chinese(20000), chinese(20000))
    write(out, 'chapters-20000.md', FRONT + '\n'.join(chapters))

    # One paragraph of 100,000 item lines: each line's text is walked from
    # where it starts, not from the paragraph's start (quadratic, minutes).
    write(out, 'item-lines-100000.md',
          policy('下列事项：\n' + ''.join('（%s）事项。\n' % chinese(i) for i in range(1, 100001))))

    # Numerals too large for any integer type.
    nines, big = '九' * 1000, '9' * 200
    write(out, 'numeral-huge-chinese.md',
          policy('依照第' + nines + '条处理，见第' + nines + '章。\n\n第' + nines + '条 条文。'))
    write(out, 'numeral-huge-arabic.md', policy('见第' + big + '条第' + big + '款第' + big + '项。\n\n第' + big + '条 条文。'))
    write(out, 'numeral-huge-items.md', policy('（' + nines + '）项。\n\n（' + big + '）项。'))
    write(out, 'numeral-huge-decimal.md',
          FRONT_DECIMAL + '1 范围\n\n1.1 条文，见' + big + '.1。\n\n' + big + ' 太大\n')
    write(out, 'numeral-huge-en.md',
          FRONT_EN + '# Chapter 1 General Provisions\n\nArticle 1 The purpose and scope: see Article ' + big +
          '.\n\n# Chapter 2 Supplementary Provisions\n\nArticle 99999999999999999999 Interpretation and effect.\n')


main()
