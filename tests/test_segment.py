"""The segmenter of `figs.segment`: backward longest match over the lexicon.

`words` looks up, at each position, only the word lengths (three or more) the
lexicon's index says end in the two characters there (`_Lexicon.end_lengths`),
then those two characters; `first_word` does the same from the start
(`head_lengths`).  These tests hold the cuts to plain
longest matching: every word of the lexicon must be reachable through the index,
and a word may never reach past either edge of the text it is cut from.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from figs import segment


@pytest.fixture(scope="module")
def lexicon():
    if not segment.LEXICON.loaded:
        segment.LEXICON.load()
    return segment.LEXICON


def test_every_word_of_three_characters_or_more_is_in_the_index(lexicon):
    # (a two-character word is its own key: it is looked up directly)
    for w in lexicon.words:
        if len(w) > 2:
            assert len(w) in lexicon.end_lengths[w[-2:]], w
            assert len(w) in lexicon.head_lengths[w[:2]], w


def test_the_index_lists_only_lengths_that_occur_longest_first(lexicon):
    for index, edge in ((lexicon.end_lengths, lambda w: w[-2:]), (lexicon.head_lengths, lambda w: w[:2])):
        seen: dict[str, set[int]] = {}
        for w in lexicon.words:
            if len(w) > 2:
                seen.setdefault(edge(w), set()).add(len(w))
        assert {k: tuple(sorted(v, reverse=True)) for k, v in seen.items()} == index


WORDS = [
    # the longest word that ends at the end wins: 人民共和国 over 共和国, 和国
    pytest.param("中华人民共和国国务院", ["中华人民共和国国务院"], id="longest-at-the-end"),
    # a word is never taken past the text's start: 状病毒 holds no 冠状病毒
    pytest.param("状病毒", ["状", "病毒"], id="no-word-past-the-start"),
    pytest.param("冠状病毒肺炎", ["冠状", "病毒", "肺炎"], id="two-character-words"),
    pytest.param("有限公司员工", ["有限公司", "员工"], id="four-then-two"),
    pytest.param("GDP增长", ["GDP", "增长"], id="latin-run"),
    pytest.param("三个小组", ["三", "个", "小组"], id="counter-after-numeral"),
    pytest.param("驻马店市", ["驻马店市"], id="place-from-suffix"),
    # after a place, two characters the lexicon lacks and a one-character place suffix
    # are a place within it (an address runs from large to small), not after a quantity
    pytest.param("江苏洪泽县发生", ["江苏洪泽县", "发生"], id="place-chain-two-characters-and-suffix"),
    pytest.param("沈阳市于洪区", ["沈阳市于洪区"], id="place-chain-after-place-suffix"),
    pytest.param("中国许多县", ["中国", "许多", "县"], id="place-chain-not-after-a-quantity"),
    # the words of quantity jieba tags m (许多, 多少) bound the words around them
    pytest.param("电费多少钱", ["电费", "多少", "钱"], id="word-of-quantity"),
    pytest.param("累计闭店", ["累计", "闭", "店"], id="one-character-suffix-takes-no-lone-characters"),
    # 的 after a word is the particle, though backward matching finds 目的 first
    pytest.param("这个项目的投资", ["这个", "项目", "的", "投资"], id="particle-de-after-a-word"),
    pytest.param("现在该项目的均价", ["现在", "该", "项目", "的", "均价"], id="particle-de-splits-the-word-before"),
    pytest.param("公司的目的是", ["公司", "的", "目的", "是"], id="a-word-ending-in-de-stays-after-de"),
    # a numeral may be a name's first character, when it counts nothing there
    pytest.param("目前，亿客隆连锁集团可", ["目前", "，", "亿客隆连锁集团", "可"], id="numeral-opens-a-name"),
    pytest.param("两名儿童被五显镇派出所", ["两", "名", "儿童", "被", "五显镇派出所"], id="numeral-opens-a-place-name"),
    pytest.param("两大集团", ["两", "大集团"], id="numeral-before-one-character-counts"),
    pytest.param("三个分公司", ["三", "个", "分公司"], id="numeral-before-a-counter-counts"),
    pytest.param("第一分公司", ["第", "一", "分公司"], id="numeral-after-di-is-an-ordinal"),
    pytest.param("一部分银行系基金公司", ["一", "部分银行系基金公司"], id="numeral-before-a-unit-counts"),
]


@pytest.mark.parametrize("text, cut", WORDS)
def test_words(lexicon, text, cut):
    assert [w for w, _ in segment.words(text)] == cut


def test_a_word_of_quantity_is_other_and_a_counter_after_it_counts(lexicon):
    assert segment.words("若干家企业") == (("若干", "other"), ("家", "mark"), ("企业", "noun"))
    assert segment.word_class("许多") == segment.first_word("许多人")[1] == "other"
    assert segment.is_quantity("许多") and not segment.is_quantity("企业")


FIRST = [
    pytest.param("中华人民共和国国务院", "中华人民共和国", id="longest-at-the-start"),
    # a word is never taken past the text's end: 冠 alone is no word
    pytest.param("冠", "冠", id="one-character"),
    pytest.param("人民共和", "人民", id="no-word-past-the-end"),
]


@pytest.mark.parametrize("text, word", FIRST)
def test_first_word(lexicon, text, word):
    assert segment.first_word(text)[0] == word


def test_words_match_plain_backward_longest_match(lexicon):
    """On text made of lexicon words glued together, the cut is that of trying every
    length from 8 down to 2 at each position (before names are put together)."""
    table = lexicon.words

    def plain(text: str) -> list[str]:
        out, i = [], len(text)
        while i > 0:
            n = next((n for n in range(min(8, i), 1, -1) if text[i - n:i] in table), 1)
            out.append(text[i - n:i])
            i -= n
        return out[::-1]

    sample = [w for w in list(table)[::97] if len(w) >= 2]
    checked = 0
    for k in range(0, len(sample) - 3, 3):
        text = "".join(sample[k:k + 3])
        if segment.could_name(text) or not all("\u4e00" <= c <= "\u9fff" for c in text):
            continue  # names and Latin runs are joined after the cut
        cut = plain(text)
        named = [table.get(w) in ("place", "org") for w in cut]
        if any(a and b for a, b in zip(named, named[1:])):
            continue  # and so are places and organisations side by side
        checked += 1
        assert [w for w, _ in segment.words(text)] == cut, text
    assert checked > 100


# --- Corrections to the lexicon's name classes (data/lexicon_corrections.tsv) ---

TOOL = Path(__file__).resolve().parents[1] / "tools" / "derive_lexicon.py"
CORRECTIONS = Path(segment.__file__).resolve().parent / "data" / "lexicon_corrections.tsv"


@pytest.mark.parametrize("word, cls", [
    pytest.param("明星", "noun", id="jieba-person-common-noun"),
    pytest.param("小姐", "noun", id="jieba-person-address-noun"),
    pytest.param("深度", "noun", id="jieba-place-common-noun"),
    pytest.param("城市", "noun", id="jieba-place-kind-of-place"),
    pytest.param("上市", "verb", id="jieba-place-verb"),
    pytest.param("晋级", "verb", id="jieba-person-verb"),
    pytest.param("党组织", "noun", id="counted-org-kind-noun"),
    pytest.param("国民党", "org", id="uncounted-org-name-kept"),
    pytest.param("辽宁", "place", id="name-place-kept"),
    pytest.param("国务院", "org", id="name-org-kept"),
    pytest.param("特斯拉", "person", id="name-person-kept"),
    pytest.param("选手", "noun", id="jieba-verb-tagged-n-noun"),
    pytest.param("收入", "noun", id="jieba-verb-tagged-n-noun-income"),
    pytest.param("参加", "verb", id="verb-kept"),
    pytest.param("合肥", "place", id="jieba-noun-tagged-ns-place"),
    pytest.param("大连", "place", id="jieba-other-tagged-ns-place"),
    pytest.param("公安部", "org", id="jieba-noun-tagged-nt-org"),
])
def test_the_corrections_move_common_words_out_of_the_name_classes(word, cls):
    assert segment.word_class(word) == cls


def _tool(*args, cwd=None):
    import subprocess
    import sys
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True,
                          text=True, check=True, cwd=cwd).stdout


def _rows(tsv: str) -> list[list[str]]:
    lines = [line for line in tsv.splitlines() if not line.startswith("#")]
    assert lines[0] == "word\tclass\treason"
    return [line.split("\t") for line in lines[1:]]


def _corrections(tmp_path, lexicon: str, lines: list[str]) -> list[list[str]]:
    """The rows `derive_lexicon.py --corrections` writes for this lexicon and tagged corpus."""
    (tmp_path / "lexicon.txt").write_text(lexicon, encoding="utf-8")
    (tmp_path / "pos.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _rows(_tool("--corrections", tmp_path / "pos.txt", "--lexicon", tmp_path / "lexicon.txt"))


def test_derive_lexicon_corrects_only_words_the_corpus_never_tags_as_names(tmp_path):
    lines = (["x/m  明星/n  深度/n  辽宁/ns  上市/v  文明/n  北约/j  [中国/ns  政府/n]nt  中国政府/n"
              "  国民党/n  ３/m  个/q  党组织/n"] * 3
             + ["x/m  稀客/n  文明/nr  辽宁/n  中国政府/n"]
             + ["x/m  ，/w"] * 5
             + ["x/m  稀客/n  稀客/n  稀客/n"])  # the last tenth of the lines is never read
    rows = _corrections(tmp_path, "# test\n[noun]\n员工\n[person]\n明星\n稀客\n文明\n[place]\n深度\n辽宁\n上市\n"
                                  "[org]\n北约\n中国政府\n党组织\n国民党\n", lines)
    # 明星 and 深度 are never names; 上市 a verb; 稀客 is seen once (too little: its
    # other three are in the held-out last line); 文明 is a name once in 4 (too often); 辽宁 mostly a name; 北约
    # only as an abbreviation (j says nothing); 中国政府 is a compound name 3 times of 4;
    # 国民党 is never a name here but never counted either (an organisation's name), while
    # 党组织 is counted (３个党组织): a kind of organisation.
    assert [(w, c) for w, c, _ in rows] == [("上市", "verb"), ("党组织", "noun"), ("明星", "noun"), ("深度", "noun")]
    assert rows[2][2] == "person: tagged a name 0 of 3, most often n"
    assert rows[1][2] == "org: tagged a name 0 of 3, most often n, counted 3"


def test_derive_lexicon_makes_a_verb_the_corpus_tags_a_noun_a_noun(tmp_path):
    lines = (["x/m  选手/n  发展/vn  通知/n  参加/v"] * 4 + ["x/m  通知/v  选手/n"]
             + ["x/m  ，/w"] * 5 + ["x/m  参加/n  参加/n  参加/n  参加/n  参加/n"])  # held out
    rows = _corrections(tmp_path, "# test\n[verb]\n选手\n发展\n通知\n参加\n", lines)
    # 选手 is tagged n 5 of 5; 通知 4 of 5 (at the share, kept); 发展 is a verbal noun
    # (vn), still a verb; 参加 is tagged n only in the held-out last tenth
    assert rows == [["选手", "noun", "verb: tagged n 5 of 5"], ["通知", "noun", "verb: tagged n 4 of 5"]]


def test_derive_lexicon_makes_a_common_word_the_corpus_tags_a_place_a_place(tmp_path):
    lines = (["x/m  合肥/ns  公安部/nt  文化/n  大连/ns  信阳/ns"] * 4 + ["x/m  合肥/ns  公安部/nt  大连/ns  信阳/n"]
             + ["x/m  ，/w"] * 5 + ["x/m  文化/ns  文化/ns  文化/ns  文化/ns  文化/ns"])  # held out
    rows = _corrections(tmp_path, "# test\n[noun]\n合肥\n公安部\n文化\n信阳\n[other]\n大连\n", lines)
    # 信阳 is tagged ns 4 of 5 (at the share: moved); 文化 only in the held-out tenth
    assert rows == [["信阳", "place", "noun: tagged ns 4 of 5"], ["公安部", "org", "noun: tagged nt 5 of 5"],
                    ["合肥", "place", "noun: tagged ns 5 of 5"], ["大连", "place", "other: tagged ns 5 of 5"]]


def test_the_shipped_corrections_are_what_the_tool_derives_from_the_corpus(corpus_file):
    corpus = corpus_file("people-daily-1998-01.pos.txt")
    lexicon = CORRECTIONS.parent / "lexicon.txt"
    assert _tool("--corrections", corpus, "--lexicon", lexicon) == CORRECTIONS.read_text(encoding="utf-8")


def test_the_corrections_hold_only_lexicon_words_and_classes():
    rows = _rows(CORRECTIONS.read_text(encoding="utf-8"))
    assert rows
    lex = {}
    for section in (CORRECTIONS.parent / "lexicon.txt").read_text(encoding="utf-8").split("\n[")[1:]:
        head, _, body = section.partition("\n")
        lex.update(dict.fromkeys(body.split(), head.rstrip("]")))
    for word, cls, reason in rows:
        if cls in ("place", "org"):  # a common word the corpus tags a name
            assert lex[word] in ("noun", "verb", "time", "other"), word
        else:
            assert lex[word] in ("person", "place", "org", "verb"), word
            assert cls in ("noun", "verb", "time", "other"), word
        assert reason.startswith(lex[word] + ":"), word
