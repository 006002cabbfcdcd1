"""Vietnamese typed in the legacy 8-bit encodings, TCVN3 (ABC) and VNI, converted to Unicode.

Files typed with the old fonts store each letter as the Latin-1 character whose code the font
draws as that letter: ``B¶o Th¾ng`` is "Bảo Thắng" in a ``.VnTime`` font (TCVN3), ``Xin
chaøo`` is "Xin chào" in ``VNI-Times`` (VNI, a base letter followed by a mark character).
The encoding is known from the run's font name where the file keeps it (Word), and otherwise
detected from the text: characters that Vietnamese in Unicode never uses, or VNI's vowel-and-
mark pairs, and no letter beyond Latin-1.

The tables are the code charts of TCVN 5712:1993 (the ABC layout, lowercase letters and the
seven capital base letters; capitals with tone marks exist only in the capital fonts such as
``.VnTimeH``, which draw the lowercase codes as capitals) and of VNI for Windows, as tabulated
by the MIT-licensed converter duydev/vietnamese-conversion (``src/charsets.ts``), from which the
letter-by-letter correspondence below was checked; the tests check every letter both ways.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["TCVN3", "VNI", "detect", "from_tcvn3", "from_vni", "to_unicode"]

# TCVN3 (ABC): each code's character as Latin-1, then the letter it draws.
_TCVN3_PAIRS = (
    "µà ¸á ©â ·ã ÌèÐé ªê ×ì Ýí ßò ãó «ô âõ ïù óú ýý ¨ă ®đ Üĩ òũ ¬ơ \xadư "
    "¹ạ ¶ả Êấ Çầ Èẩ Éẫ Ëậ ¾ắ »ằ ¼ẳ ½ẵ Æặ Ñẹ Îẻ Ïẽ Õế Òề Óể Ôễ Öệ Øỉ Þị "
    "äọ áỏ èố åồ æổ çỗ éộ íớ êờ ëở ìỡ îợ ôụ ñủ øứ õừ öử ÷ữ ùự úỳ þỵ ûỷ üỹ "
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ"
)
_CODES = _TCVN3_PAIRS.replace(" ", "")
TCVN3: dict[str, str] = dict(zip(_CODES[::2], _CODES[1::2], strict=True))
"""Each TCVN3 code (as its Latin-1 character) and the letter the ABC fonts draw for it."""

# VNI for Windows: a vowel is followed by a mark character; a few letters are one character.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ñ": "đ",
    "ô": "ơ",
    "ö": "ư",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower in (False, True):
        case = str.lower if lower else str.upper
        for single, letter in _VNI_SINGLE.items():
            table[case(single)] = case(letter)
        for vowel in "aeiouy":
            for mark, tone in _VNI_TONES.items():
                table[case(vowel + mark)] = case(unicodedata.normalize("NFC", vowel + tone))
        for vowel, hat in (("a", "\u0302"), ("e", "\u0302"), ("o", "\u0302")):
            for mark, tone in _VNI_HAT.items():
                table[case(vowel + mark)] = case(unicodedata.normalize("NFC", vowel + hat + tone))
        for mark, tone in _VNI_BREVE.items():
            table[case("a" + mark)] = case(unicodedata.normalize("NFC", "a\u0306" + tone))
        for base, horn in (("ô", "ơ"), ("ö", "ư")):
            for mark, tone in _VNI_TONES.items():
                table[case(base + mark)] = case(unicodedata.normalize("NFC", horn + tone))
    return table


VNI: dict[str, str] = _vni_table()
"""Each VNI sequence (a letter and its mark characters, as Latin-1) and the letter it spells."""
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

_TCVN3_ONLY = set("µ¸¶·¹¨®¬«ª©¾»¼½§¦¥¤£¢¡\xad÷þ")
"""TCVN3 codes whose Latin-1 characters Vietnamese in Unicode never uses."""
_VNI_PAIR = re.compile(r"[aeouyAEOUY][ùøûõïÙØÛÕÏ]|[aeoAEO][âáàåãäÂÁÀÅÃÄ]|[aA][êéèúüëÊÉÈÚÜË]")
_VNI_ONLY = set("øûïåäüëÖØÛÏÅÄÜË")
"""VNI codes whose Latin-1 characters Vietnamese in Unicode never uses: without one, pairs
such as ``aà`` may be Unicode text (``Aàaà``) as well as VNI (``ầ``), and stay as they are."""


def from_tcvn3(text: str, *, capitals: bool = False) -> str:
    """``text`` typed in TCVN3 as Unicode (NFC); ``capitals``: typed in a capital font
    (``.VnTimeH``), whose lowercase codes are drawn as capitals."""
    converted = "".join(TCVN3.get(c, c) for c in text)
    return unicodedata.normalize("NFC", converted.upper() if capitals else converted)


def from_vni(text: str) -> str:
    """``text`` typed in VNI as Unicode (NFC)."""
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: VNI[m.group()], text))


def detect(text: str, font: str = "") -> str | None:
    """``"tcvn3"``, ``"vni"`` or ``None`` (Unicode): from the font's name where given
    (``.VnTime``, ``.VnArialH``: TCVN3; ``VNI-Times``: VNI), else from the text."""
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    if font or any(ord(c) > 0xFF for c in text):
        return None
    if sum(c in _TCVN3_ONLY for c in text) >= 2:
        return "tcvn3"
    if len(_VNI_PAIR.findall(text)) >= 2 and any(c in _VNI_ONLY for c in text):
        return "vni"
    return None


def to_unicode(text: str, font: str = "") -> str:
    """``text`` as Unicode (NFC), converted from TCVN3 or VNI where :func:`detect` finds it."""
    encoding = detect(text, font)
    if encoding == "tcvn3":
        return from_tcvn3(text, capitals=font.strip().endswith("H"))
    if encoding == "vni":
        return from_vni(text)
    return unicodedata.normalize("NFC", text)
