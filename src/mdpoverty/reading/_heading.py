"""The heading of a document (issuer, number and symbol, place and date, title), its area and
year, and its legal bases (*Căn cứ …*), in the forms of Decree 30/2020/NĐ-CP."""

from __future__ import annotations

import re
from typing import Any

from mdpoverty.i18n import _
from mdpoverty.model.units import unit_kind
from mdpoverty.reading._record import Path_, Recorder, date_text
from mdpoverty.reading.blocks import Paragraph, Table

_TITLES = {
    "KẾ HOẠCH": "plan",
    "BÁO CÁO": "report",
    "QUYẾT ĐỊNH": "plan",
    "THÔNG BÁO": "review",
}
_NUMBER = re.compile(r"^Số\s*:\s*(?P<number>\d*)\s*/\s*(?P<symbol>[^\s,;]+)")
_PLACE_DATE = re.compile(
    r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d{0,2})\s*tháng\s*(?P<month>\d{0,2})\s*năm\s*(?P<year>\d{4})"
)
ROMAN = re.compile(r"^(?P<n>[IVX]+)\.\s+(?P<title>\S.*)$")
_LEGAL_KINDS = {
    "nghị quyết": "resolution",
    "nghị định": "decree",
    "quyết định": "decision",
    "thông tư": "circular",
    "kế hoạch": "plan",
    "chỉ thị": "directive",
    "công văn": "official-letter",
    "luật": "law",
}
_LEGAL = re.compile(
    r"^Căn cứ\s+(?P<kind>" + "|".join(_LEGAL_KINDS) + r")\s+số\s+(?P<number>.+?)\s+"
    r"ngày\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})\s+của\s+(?P<issuer>.+?)"
    r"(?:\s+(?P<title>(?:về|Về)\s.+?))?(?:;|\.(?:\s|$)|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_AREA = re.compile(
    r"trên địa bàn\s+(?P<area>(?:thành phố|huyện|thị xã|quận|tỉnh|xã|phường)\s[^,;.()]+)",
    re.IGNORECASE,
)
_PROVINCE = re.compile(r"\btỉnh\s+(?P<name>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s,;.()]*(?:\s+[A-ZĐ][^\s,;.()]*)*)")
_YEAR = re.compile(r"năm\s+(?P<y>\d{4})", re.IGNORECASE)
_SPAN = re.compile(r"giai đoạn\s+(?P<a>\d{4})\s*[-–]\s*(?P<b>\d{4})")


class HeadingReader(Recorder):
    """Reads the heading, the area and year, and the legal bases into the draft."""

    def _header(self, paragraphs: list[Paragraph]) -> dict[str, Any]:
        header: dict[str, Any] = {}
        title_at: int | None = None
        for i, p in enumerate(paragraphs):
            if (m := _NUMBER.match(p.text)) is not None:
                if m["number"]:
                    header["number"] = m["number"]
                    self.trace(("header", "number"), p.place, m.group(0), p.text)
                header["symbol"] = m["symbol"]
                self.trace(("header", "symbol"), p.place, m.group(0), p.text)
            elif (m := _PLACE_DATE.match(p.text)) is not None:
                header["place"] = m["place"].strip()
                self.trace(("header", "place"), p.place, m["place"], p.text)
                header["date"] = date_text(m["day"], m["month"], m["year"])
                self.trace(("header", "date"), p.place, m.group(0)[len(m["place"]) + 1 :].strip())
            elif title_at is None and p.text.strip().upper() in _TITLES and p.text.isupper():
                title_at = i
                header["title"] = p.text.strip()
                header["_kind"] = _TITLES[p.text.strip().upper()]
                self.trace(("header", "title"), p.place, p.text)
        if title_at is not None:
            lines: list[Paragraph] = []
            for p in paragraphs[title_at + 1 :]:
                if p.after_blank and lines:
                    break
                lines.append(p)
            if lines:
                header["subtitle"] = " ".join(p.text for p in lines)
                self.trace(("header", "subtitle"), lines[0].place, header["subtitle"])
        else:
            self.gap(
                ("header", "title"), _("no title ('KẾ HOẠCH', 'BÁO CÁO' …) found above the text")
            )
        if "date" not in header:
            self.gap(("header", "date"), _("no line 'place, ngày … tháng … năm …' found"))
        self._issuer(header, paragraphs)
        if not {"issuer", "date", "title"} <= header.keys():
            # The model asks where a header's figures were read when it lacks any of the three.
            header["source"] = self.file
        return header

    def _issuer(self, header: dict[str, Any], heading: list[Paragraph]) -> None:
        # The body names the issuer as it acts ("UBND thành phố X ban hành …"); failing that,
        # the lines above "Số:" (the issuer's block of the heading), as printed.
        pattern = re.compile(
            r"(?P<issuer>(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)\s[^.;:]+?)\s+ban hành"
        )
        for block in self.blocks:
            if isinstance(block, Paragraph) and (m := pattern.search(block.text)):
                header["issuer"] = m["issuer"]
                self.trace(("header", "issuer"), block.place, m["issuer"], block.text)
                return
        lines = []
        before_number = any(_NUMBER.match(p.text) for p in heading)
        for p in heading if before_number else ():
            if _NUMBER.match(p.text) or _PLACE_DATE.match(p.text):
                break
            if p.text.isupper() and not p.text.startswith("CỘNG HÒA"):
                lines.append(p)
        if lines:
            header["issuer"] = " ".join(p.text for p in lines)
            self.trace(("header", "issuer"), lines[0].place, header["issuer"])
        else:
            self.gap(("header", "issuer"), _("the document does not name its issuer"))

    def _area_and_period(self, paragraphs: list[Paragraph]) -> None:
        subtitle = self.data["header"].get("subtitle", "")
        place = self.source_place(("header", "subtitle"))
        if not _AREA.search(subtitle):  # a sheet or a release: the lines above its table
            first_table = next(
                (i for i, b in enumerate(self.blocks) if isinstance(b, Table)), len(self.blocks)
            )
            found = next(
                (
                    b
                    for b in self.blocks[:first_table]
                    if isinstance(b, Paragraph) and _AREA.search(b.text)
                ),
                None,
            )
            if found is not None:
                subtitle, place = found.text, found.place
        if (m := _AREA.search(subtitle)) and (kind := unit_kind(m["area"])) is not None:
            area: dict[str, Any] = {"name": m["area"], "kind": kind.value}
            if place is not None:
                self.trace(("area", "name"), place, m["area"], subtitle)
        else:
            area = {"name": "?", "kind": "country"}
            self.gap(("area",), _("no area ('trên địa bàn …') in the title; name and kind unknown"))
        for p in paragraphs:
            if (m := _PROVINCE.search(p.text)) is not None:
                area["province"] = m["name"]
                self.trace(("area", "province"), p.place, m.group(0), p.text)
                break
        self.data["area"] = area
        if (m := _SPAN.search(subtitle)) is not None:
            self.data["period"] = {"start": int(m["a"]), "end": int(m["b"])}
        elif (m := _YEAR.search(subtitle)) is not None:
            self.data["period"] = {"start": int(m["y"]), "end": int(m["y"])}
        else:
            year = int(str(self.data["header"].get("date", "0"))[:4] or 0)
            self.data["period"] = {"start": year or 2000, "end": year or 2000}
            self.gap(("period",), _("no year in the title: the period is the year of the date"))
            return
        if place is not None:
            self.trace(("period",), place, m.group(0), subtitle)

    def _legal_bases(self, paragraphs: list[Paragraph]) -> None:
        bases: list[dict[str, Any]] = []
        for p in paragraphs:
            if ROMAN.match(p.text):
                break
            if not p.text.startswith("Căn cứ"):
                continue
            m = _LEGAL.match(p.text)
            path: Path_ = ("legal_bases", len(bases))
            if m is None:
                self.gap(
                    path,
                    _("a legal basis not in the form 'Căn cứ <kind> số … ngày … của …'"),
                    p.place,
                )
                continue
            base = {
                "kind": _LEGAL_KINDS[m["kind"].lower()],
                "number": m["number"],
                "date": date_text(m["d"], m["m"], m["y"]),
                "issuer": m["issuer"],
            }
            if m["title"]:
                base["title"] = m["title"]
            for key, group in (
                ("kind", "kind"),
                ("number", "number"),
                ("issuer", "issuer"),
                ("title", "title"),
            ):
                if key in base:
                    self.trace((*path, key), p.place, m[group], p.text)
            self.trace((*path, "date"), p.place, f"ngày {m['d']}/{m['m']}/{m['y']}", p.text)
            bases.append(base)
            rest = m["rest"].strip()
            if rest and "preamble" not in self.data:
                self.data["preamble"] = rest
                self.trace(("preamble",), p.place, rest)
        if bases:
            self.data["legal_bases"] = bases
