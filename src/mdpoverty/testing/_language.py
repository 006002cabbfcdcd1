"""Which language a text is in: the words a test looks for in a page said in the other one.

A Vietnamese page must hold no English sentence and an English page no Vietnamese one, apart
from names and values quoted from the document.  :func:`english_words` finds the common words of
English sentences (never a Vietnamese syllable: ``a``, ``an``, ``to`` and the like are left out
where Vietnamese uses them), :func:`vietnamese_words` the words with a letter English never
writes.  A test removes the document's names first (:func:`without`), then asserts that
nothing is found.

>>> sorted(english_words("tổng kinh phí không bằng tổng các nguồn (mong đợi 949)"))
[]
>>> sorted(english_words("the declared total is not the sum of its sources"))
['declared', 'is', 'its', 'not', 'of', 'sources', 'sum', 'the', 'total']
>>> sorted(vietnamese_words("Xã Ba Bể: the rate 8,20 is printed"))
['Bể', 'Xã']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["english_words", "vietnamese_words", "without"]

# Words of English sentences, none of them a Vietnamese syllable written without marks (so not
# "a", "an", "to", "do", "the" is kept: Vietnamese writes "thế", never "the").
_ENGLISH_TEXT = """
    the of and is are was were be been not no its it this that these those with from for by
    which what where when who than then there their they them has have had does did should
    must may can cannot will would each every any all some more less only also but or if
    into onto over under between within without about after before above below per
    total sum sums declared printed expected actual unit units plan plans rate rates count
    counts target targets households household poor near poverty funding source sources
    component components budget central local other year years figure figures document
    documents annex review reviews report findings finding error errors warning warnings
    rule rules checked missing number numbers value values given stated shown implies
    differs differ equal equals add adds up start end outcome result results measure
    measures allocated allocation capital investment recurrent carried carry incomplete
    complete blank left line lines cell cells file files column row rows table tables
    reduction reductions together share shares deficit indicator indicators standard
    programme period date dates agency agencies spelling code codes name names new old
    commune communes district districts province provinces ward wards town
"""
_ENGLISH = frozenset(_ENGLISH_TEXT.split())

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_WORD = re.compile(r"[^\W\d_]+")
_VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)


def english_words(text: str) -> set[str]:
    """The words of ``text`` that only an English sentence uses (lower case)."""
    return {w.lower() for w in _WORD.findall(text) if w.lower() in _ENGLISH}


def vietnamese_words(text: str) -> set[str]:
    """The words of ``text`` with a letter that only Vietnamese writes."""
    return {w for w in _WORD.findall(text) if _VIETNAMESE_LETTER.search(w)}


def without(text: str, names: Iterable[str]) -> str:
    """``text`` with every one of ``names`` (and every quoted value) taken out, longest first."""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        text = text.replace(name, " ")
    return _QUOTED.sub(" ", text)
