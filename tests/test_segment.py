"""The segmenter of `figs.segment`: backward longest match over the lexicon.

`words` looks up, at each position, only the word lengths (three or more) the
lexicon's index says end in the two characters there (`_Lexicon.end_lengths`),
then those two characters; `first_word` does the same from the start
(`head_lengths`).  These tests hold the cuts to plain
longest matching: every word of the lexicon must be reachable through the index,
and a word may never reach past either edge of the text it is cut from.
"""
from __future__ import annotations

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
]


@pytest.mark.parametrize("text, cut", WORDS)
def test_words(lexicon, text, cut):
    assert [w for w, _ in segment.words(text)] == cut


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
