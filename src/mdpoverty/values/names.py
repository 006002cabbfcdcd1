"""Vietnamese names as people write them, and the key that compares them.

The same name reaches the library in many spellings: composed or decomposed Unicode (NFC, NFD),
any case, doubled spaces, and the tone mark in either of two places.  In the syllables with the
glides *oa*, *oe* and *uy* and no final consonant, the old style puts the mark on the first vowel
("Hóa", "Khỏe", "Thụy") and the new style on the second ("Hoá", "Khoẻ", "Thuỵ"); documents of the
same year use both.  :func:`name_key` makes one comparison key of all of them.

A syllable's spelling fixes where its tone mark belongs, so the mark's position carries no
information: the key takes each syllable apart into its letters and its tone and puts the tone
back where the new-style rule places it.  It does not use a list of words.

>>> name_key("Phường  Thanh Hóa") == name_key("phường thanh hoá")
True
>>> name_key("Thụy Khuê")
'thuỵ khuê'

Kind prefixes ("Phường", "P.", "Xã", "Thị trấn", "TP.", …) are a separate matter, for the
caller to strip or keep: :func:`split_kind`, :func:`strip_kind`, :func:`core_key`.

>>> split_kind("P. Bến Thành")
('phường', 'Bến Thành')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from mdpoverty.errors import expect

__all__ = ["KIND_PREFIXES", "core_key", "name_key", "split_kind", "strip_kind"]

# The five tone marks, decomposed: huyền, sắc, ngã, hỏi, nặng.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# The marks that make a vowel a different letter (â, ê, ô; ă; ơ, ư): part of the letter.
_MODIFIERS = frozenset("\u0302\u0306\u031b")
_VOWELS = frozenset("aeiouy")
# A syllable: letters, each with its combining marks (in NFD).
_SYLLABLE = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
# Glides that take the mark on their second vowel in the new style when nothing follows them.
_SECOND_VOWEL_GLIDES = frozenset({"oa", "oe", "uy"})


def _letters(syllable: str) -> list[str]:
    """The letters of an NFD syllable, each with its combining marks."""
    letters: list[str] = []
    for char in syllable:
        if letters and unicodedata.combining(char):
            letters[-1] += char
        else:
            letters.append(char)
    return letters


def _tone_position(letters: list[str]) -> int | None:
    """Where the new-style rule puts the tone mark in a syllable without one.

    The vowel nucleus follows the initial consonant, counting the *u* of *qu* and the *i* of
    *gi* (before another vowel) as part of the consonant.  In the nucleus the mark goes on a
    letter with a modifier (the last, for *ươ*); else on the last vowel when a consonant or a
    third vowel follows, or when the nucleus is *oa*, *oe* or *uy*; else on the first vowel.
    """
    bases = [letter[0] for letter in letters]
    start = 0
    while start < len(bases) and bases[start] not in _VOWELS:
        start += 1
    if start == len(bases):
        return None
    if 0 < start < len(bases) - 1:
        initial = bases[start - 1] + bases[start]
        if initial in {"qu", "gi"} and bases[start + 1] in _VOWELS:
            start += 1
    end = start
    while end < len(bases) and bases[end] in _VOWELS:
        end += 1
    nucleus = range(start, end)
    modified = [i for i in nucleus if _MODIFIERS & set(letters[i])]
    if modified:
        return modified[-1]
    if len(nucleus) == 1:
        return start
    if len(nucleus) >= 3:
        return start + 1
    if end < len(bases) or "".join(bases[start:end]) in _SECOND_VOWEL_GLIDES:
        return start + 1
    return start


# A language has a few thousand syllables, and names repeat them: remember the answers.
@functools.lru_cache(maxsize=1 << 14)
def _syllable_key(syllable: str) -> str:
    letters = _letters(syllable)
    tones = [mark for letter in letters for mark in letter if mark in _TONES]
    if len(tones) != 1:  # no tone, or a misspelling with two: nothing to move
        return syllable
    bare = ["".join(mark for mark in letter if mark not in _TONES) for letter in letters]
    position = _tone_position(bare)
    if position is None:
        return syllable
    bare[position] += tones[0]
    return "".join(bare)


def name_key(text: str) -> str:
    """The key that compares names: lowercase NFC, single spaces, tone marks in the new style.

    Two spellings of a name have the same key whatever their Unicode normalization form, case,
    spacing, or placement of the tone mark (old style "Hóa", "Thụy", "Qúy"; new style "Hoá",
    "Thuỵ", "Quý").  Different letters stay different: *d* is not *đ*, *o* is not *ô*.

    >>> name_key("  Xã   HÒA  Bình ")
    'xã hoà bình'
    >>> name_key("Qúy") == name_key("Quý") == "quý"
    True
    >>> name_key("Đức") == name_key("Duc")
    False
    """
    given: object = text
    if not isinstance(given, str):
        expect("name_key", text=(given, str))
    decomposed = unicodedata.normalize("NFD", text.casefold())
    keyed = _SYLLABLE.sub(lambda match: _syllable_key(match.group()), decomposed)
    return unicodedata.normalize("NFC", " ".join(keyed.split()))


KIND_PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "thành phố": "thành phố",
        "tp.": "thành phố",
        "thị xã": "thị xã",
        "tx.": "thị xã",
        "thị trấn": "thị trấn",
        "tt.": "thị trấn",
        "đặc khu": "đặc khu",
        "phường": "phường",
        "p.": "phường",
        "xã": "xã",
        "x.": "xã",
        "quận": "quận",
        "q.": "quận",
        "huyện": "huyện",
        "h.": "huyện",
        "tỉnh": "tỉnh",
    }
)
"""The kind prefixes a name may start with, as keys, and the kind each stands for."""

_PREFIX = re.compile(
    "|".join(
        re.escape(prefix) + (r"\s*" if prefix.endswith(".") else r"\s+")
        for prefix in sorted(KIND_PREFIXES, key=len, reverse=True)
    )
)


def split_kind(text: str) -> tuple[str, str]:
    """The kind a name starts with (as a key: ``"phường"``, ``"thị trấn"``; ``""`` if none)
    and the rest of the name as written, stripped.

    A name that is nothing but a kind word keeps it: ``"Xã"`` is not an empty name.

    >>> split_kind("TT.Đông Anh")
    ('thị trấn', 'Đông Anh')
    >>> split_kind("Đông Anh")
    ('', 'Đông Anh')
    """
    stripped = unicodedata.normalize("NFC", text).strip()
    match = _PREFIX.match(name_key(stripped) + " ")
    if match is None:
        return "", stripped
    prefix = match.group().rstrip()
    rest = _drop_prefix(stripped, prefix)
    return (KIND_PREFIXES[prefix], rest) if rest else ("", stripped)


def _drop_prefix(text: str, prefix_key: str) -> str:
    """``text`` without its leading words that spell ``prefix_key``."""
    for boundary in re.finditer(r"\.|\s+|$", text):
        if name_key(text[: boundary.end()]) == prefix_key:
            return text[boundary.end() :].strip()
    return text


def strip_kind(text: str) -> str:
    """The name without its kind prefix: ``"Phường Thanh Hóa"`` → ``"Thanh Hóa"``.

    >>> strip_kind("Thị xã Sơn Tây")
    'Sơn Tây'
    """
    return split_kind(text)[1]


def core_key(text: str) -> str:
    """The :func:`name_key` of the name without its kind prefix: how names are matched
    whatever kind they are written with.

    >>> core_key("TX. Sơn Tây") == core_key("thị xã sơn tây") == name_key("Sơn Tây")
    True
    """
    return name_key(split_kind(text)[1])
