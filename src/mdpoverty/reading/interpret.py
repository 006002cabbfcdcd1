"""From a document's blocks to the draft: header, legal bases, annex, components' funding and
the targets stated in sentences, every value traced to the words it was read from.

Only what is printed is read: a value the text does not state is left out, and what the reader
cannot make out is a :class:`~mdpoverty.reading.draft.Gap`.  No plan-specific rule: every
pattern is one of the official forms (Decree 30/2020/NĐ-CP's heading, the programme's headings).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from mdpoverty.errors import AmbiguousNameError, NumberFormatError, UnknownNameError
from mdpoverty.i18n import _
from mdpoverty.model.units import unit_kind
from mdpoverty.reading._annex import read_plan_annex
from mdpoverty.reading._funding_table import read_funding_table
from mdpoverty.reading._heading import ROMAN, HeadingReader
from mdpoverty.reading._record import Path_, date_text, number, slug
from mdpoverty.reading._review import read_review_form
from mdpoverty.reading.blocks import Block, Paragraph, Place, Table
from mdpoverty.reading.draft import Draft
from mdpoverty.values.names import split_kind
from mdpoverty.values.quantities import Quantity

__all__ = ["interpret"]


_NUMBERED = re.compile(r"^(?P<n>\d+(?:\.\d+)*)(?:\.\s*|\s+)(?P<title>\S.*)$")
_LETTER = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<title>\S.*)$")
_COMPONENT = re.compile(
    r"^(?P<kind>Dự án|Tiểu dự án|Hợp phần|Nội dung)\s+(?P<n>\d+)\s*[:.]\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
_AMOUNT = r"(?P<amount>\d[\d.,]*?)\s*triệu\s*đồng"
_PLAN_MONEY = re.compile(r"[Kk]ế hoạch vốn\D*?" + _AMOUNT)
_SOURCES = {
    "central": re.compile(r"ngân sách trung ương\s*:?\s*" + _AMOUNT, re.IGNORECASE),
    "local": re.compile(r"ngân sách địa phương\s*:?\s*" + _AMOUNT, re.IGNORECASE),
    "other": re.compile(r"(?:nguồn vốn khác|vốn huy động(?: khác)?)\s*:?\s*" + _AMOUNT, re.I),
}
_ONLY_SOURCE = re.compile(
    r"triệu\s*đồng\s*[;,]?\s*(?:từ\s+)?(?P<source>ngân sách trung ương|ngân sách địa phương)"
    r"\s*[.;]?\s*$",
    re.IGNORECASE,
)
_CAPITAL = {"recurrent": "vốn sự nghiệp", "investment": "vốn đầu tư"}
_TARGETS = (
    ("reduction", re.compile(r"\bgiảm\s+(?P<v>\d[\d.]*)\s+hộ(?: nghèo)?\b(?!\s*cận)", re.I)),
    ("end-rate", re.compile(r"tỷ lệ hộ nghèo[^%;]*?còn\s+(?P<v>\d[\d.,]*)\s*%", re.I)),
    ("end-count", re.compile(r"số hộ nghèo[^%;]*?còn\s+(?P<v>\d[\d.]*)\s+hộ", re.I)),
)
_CAPTION_DATE = re.compile(r"ngày\s*(?P<d>\d{0,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})")


def _body(text: str) -> str:
    """A paragraph without its list mark (``-``, ``+``) or its heading number and title."""
    text = re.sub(r"^[-+•]\s*", "", text)
    for pattern in (_NUMBERED, _LETTER):
        match = pattern.match(text)
        if match and ":" in match["title"]:
            return match["title"].split(":", 1)[1].strip()
    return text


class _Interpreter(HeadingReader):
    def run(self) -> Draft:
        paragraphs = [b for b in self.blocks if isinstance(b, Paragraph)]
        header_end = next(
            (
                i
                for i, p in enumerate(paragraphs)
                if p.text.startswith("Căn cứ") or ROMAN.match(p.text)
            ),
            len(paragraphs),
        )
        header = self._header(paragraphs[:header_end])
        self.data["kind"] = self.kind or header.pop("_kind", None) or "plan"
        header.pop("_kind", None)
        self.data["header"] = header
        self._area_and_period(paragraphs)
        self._legal_bases(paragraphs[header_end:])
        self._annex()
        self._body(paragraphs[header_end:])
        self._funding_tables()
        self._order()
        return Draft(self.data, tuple(self.sources), tuple(self.gaps), self.file)

    def _order(self) -> None:
        order = ["kind", "header", "area", "period", "legal_bases", "preamble", "units"]
        order += ["targets", "components", "annex"]
        self.data = {k: self.data[k] for k in order if k in self.data} | {
            k: v for k, v in self.data.items() if k not in order
        }

    # -- the heading -------------------------------------------------------------------------

    # -- tables ------------------------------------------------------------------------------

    def _annex(self) -> None:
        for index, block in enumerate(self.blocks):
            if not isinstance(block, Table):
                continue
            annex = read_plan_annex(block, self.trace, self.gap)
            if annex is None:
                form = read_review_form(
                    block, self.trace, self.gap, lambda t: slug(split_kind(t)[1])
                )
                if form is not None:
                    self.data |= {k: v for k, v in form.items() if v}
                    if self.kind is None:
                        self.data["kind"] = "review"
                    return
                continue
            above = self._caption_lines(index)
            if above:
                annex = {"title": above[0].text, **annex}
                self.trace(("annex", "title"), above[0].place, above[0].text)
                if len(above) > 1:
                    caption = " ".join(p.text for p in above[1:])
                    annex = {"title": annex.pop("title"), "caption": caption, **annex}
                    self.trace(("annex", "caption"), above[1].place, caption)
                    if (m := _CAPTION_DATE.search(caption)) is not None:
                        annex = {
                            **{k: annex[k] for k in ("title", "caption")},
                            "date": date_text(m["d"], m["m"], m["y"]),
                            **{k: v for k, v in annex.items() if k not in ("title", "caption")},
                        }
                        self.trace(("annex", "date"), above[1].place, m.group(0), caption)
            else:
                annex = {"title": "?", **annex}
                self.gap(("annex", "title"), _("no title above the annex table"))
            self.data["annex"] = annex
            self._units(annex)
            return

    def _funding_tables(self) -> None:
        """Funding printed as a table: it gives a component's funding where its text states
        none; where the text states it too and the two differ, the text's stays and the
        table's is a gap (the draft holds one funding a component)."""
        components: list[dict[str, Any]] = self.data.setdefault("components", [])
        for index, block in enumerate(self.blocks):
            if not isinstance(block, Table):
                continue
            before = [b for b in self.blocks[max(0, index - 2) : index] if isinstance(b, Paragraph)]
            rows = read_funding_table(block, " ".join(p.text for p in before), self.gap)
            parent: int | None = None  # the project the table's last project row named
            for prefix, n, name, amounts, places, place in rows or ():
                path, component = self._table_component(
                    components, (prefix, n, name), parent, place
                )
                if component is None:
                    continue
                if prefix != "TDA":
                    parent = int(path[1])
                if not amounts:
                    continue
                funding = {
                    k: amounts[k] for k in ("total", "central", "local", "other") if k in amounts
                }
                if "funding" in component:
                    if component["funding"] != funding | {
                        k: v for k, v in component["funding"].items() if k == "capital"
                    }:
                        stated = tuple(
                            _("{key} = {amount}", key=k, amount=v) for k, v in funding.items()
                        )
                        self.gap(
                            (*path, "funding"), _("a table states {stated}", stated=stated), place
                        )
                    continue
                component["funding"] = funding
                for key in funding:
                    cell = places[key]
                    printed = next(c.text for row in block.rows for c in row if c.place == cell)
                    self.trace((*path, "funding", key), cell, printed)
        if not components:
            del self.data["components"]

    def _table_component(
        self,
        components: list[dict[str, Any]],
        row: tuple[str, int, str],
        parent_index: int | None,
        place: Place,
    ) -> tuple[Path_, dict[str, Any] | None]:
        """The component a funding table's row names, made where the text has no heading."""
        prefix, n, name = row
        if prefix == "TDA":
            if parent_index is None:
                heading = f"Tiểu dự án {n}"
                self.gap(("components",), _("{heading!r} under no project", heading=heading), place)
                return (), None
            parent = components[parent_index]
            code = f"{parent['code']}.TDA{n}"
            children = parent.setdefault("children", [])
            for i, child in enumerate(children):
                if child["code"] == code:
                    return ("components", parent_index, "children", i), child
            children.append({"code": code, "name": name or code})
            path: Path_ = ("components", parent_index, "children", len(children) - 1)
        else:
            code = f"{prefix}{n}"
            for i, component in enumerate(components):
                if component["code"] == code:
                    return ("components", i), component
            components.append({"code": code, "name": name or code})
            path = ("components", len(components) - 1)
        self.trace((*path, "code"), place, code)
        self.trace((*path, "name"), place, name or code)
        return path, (children[-1] if prefix == "TDA" else components[-1])

    def _caption_lines(self, index: int) -> list[Paragraph]:
        """The title (an uppercase paragraph) and caption lines just above the table."""
        above: list[Paragraph] = []
        for block in reversed(self.blocks[:index]):
            if not isinstance(block, Paragraph) or len(above) >= 4:
                break
            above.insert(0, block)
            if block.text.isupper():
                return above
        return [p for p in above if p.text.isupper()][:1] + above[1:] if above else []

    def _units(self, annex: dict[str, Any]) -> None:
        province = self.data["area"].get("province")
        units: list[dict[str, Any]] = []
        targets: list[dict[str, Any]] = []
        for i, row in enumerate(annex["rows"]):
            label = row["label"]
            kind_key, core = split_kind(label)
            kind = unit_kind(label)
            place = self.source_place(("annex", "rows", i, "label"))
            uid = slug(core)
            if any(u["id"] == uid for u in units):
                reason = _("a second row of {label!r}: not made a unit", label=label)
                self.gap(("annex", "rows", i), reason, place)
                continue
            name = label
            if kind_key:  # the kind word in full: "P. Nguyễn Thị Minh Khai" names Phường …
                name = f"{_KIND_WORDS.get(kind_key, kind_key)} {core}"
            unit: dict[str, Any] = {"id": uid, "name": name}
            if kind is not None:
                unit["kind"] = kind.value
            else:
                reason = _("{name!r} names no kind ('Xã', 'Phường' …)", name=label)
                self.gap(("units", len(units), "kind"), reason, place)
            code = self._code(label, province, ("units", len(units), "code"), place)
            if code:
                unit["code"] = code
            for field in ("households", "poor_households"):
                if field in row:
                    unit[field] = row[field]
                    cell = self.source_of(("annex", "rows", i, field))
                    if cell is not None:
                        self.trace(("units", len(units), field), cell.place, cell.text)
            if place is not None:
                self.trace(("units", len(units), "name"), place, label)
            row["unit"] = uid
            self._ranged(row, ("annex", "rows", i), uid, targets)
            if "reduction" in row:
                cell = self.source_of(("annex", "rows", i, "reduction"))
                self._annex_traces.append((cell.place, cell.text) if cell is not None else None)
                targets.append(
                    {
                        "measure": "reduction",
                        "about": uid,
                        "value": row["reduction"],
                        "section": "annex",
                    }
                )
            units.append(unit)
        if "total" in annex:  # a ranged total is the area's target
            self._ranged(annex["total"], ("annex", "total"), None, targets)
        annex["rows"] = [
            {k: r[k] for k in ("number", "label", "unit") if k in r}
            | {k: v for k, v in r.items() if k not in ("number", "label", "unit")}
            for r in annex["rows"]
        ]
        self.data["units"] = units
        self._annex_targets = targets

    def _ranged(
        self, row: dict[str, Any], where: Path_, uid: str | None, targets: list[dict[str, Any]]
    ) -> None:
        """A ranged target in the annex ("6,5 - 7,2") is the unit's target, not a printed cell
        (a printed row holds numbers): it moves to the targets, traced to its cell."""
        for field, measure in _RANGED_MEASURES.items():
            value = row.get(field)
            if not isinstance(value, Quantity):
                continue
            del row[field]
            cell = self.source_of((*where, field))
            target = {
                "measure": measure,
                **({"about": uid} if uid is not None else {}),
                "value": {"low": value.low, "high": value.high},
                "section": "annex",
            }
            self._annex_traces.append((cell.place, cell.text) if cell is not None else None)
            targets.append(target)
            self.sources = [t for t in self.sources if t.path != (*where, field)]

    def _code(
        self, label: str, province: str | None, path: Path_, place: Place | None
    ) -> str | None:
        from mdpoverty.reference.admin_units import old_unit  # noqa: PLC0415  (pandas on use)

        if province is None:
            return None
        try:
            unit = old_unit(label, province=province)
        except (UnknownNameError, AmbiguousNameError) as error:
            reason = _("not matched in the reference list of units: {error}", error=error.args[0])
            self.gap(path, reason, place)
            return None
        if place is not None:
            context = _("reference list: {name}, {code}", name=unit.name, code=unit.code)
            self.trace(path, place, label, context)
        return unit.code

    # -- the body: sections, components, funding, targets ------------------------------------

    def _body(self, paragraphs: list[Paragraph]) -> None:
        roman, roman_title, number, letter = "", "", "", ""
        components: list[dict[str, Any]] = []
        current: tuple[dict[str, Any], Path_, list[Paragraph]] | None = None
        stated: list[dict[str, Any]] = []
        for p in paragraphs:
            if (m := ROMAN.match(p.text)) is not None and m["title"].split(":")[0].isupper():
                roman, roman_title, number, letter = m["n"], m["title"], "", ""
                self._close(current)
                current = None
                continue
            numbered = _NUMBERED.match(p.text)
            if numbered is not None and numbered["title"][:1].isupper():
                number, letter = numbered["n"].rstrip("."), ""
                self._close(current)
                current = None
                c = _COMPONENT.match(numbered["title"])
                if c is not None:
                    current = self._component(c, p, roman, number, components)
                    continue
            elif (lm := _LETTER.match(p.text)) is not None:
                letter = lm["n"]
            if current is not None:
                current[2].append(p)
            elif "MỤC TIÊU" in roman_title.upper() or not roman:
                section = ".".join(s for s in (roman, number, letter) if s)
                stated += self._stated_targets(p, section, len(stated))
        self._close(current)
        for n, traced in enumerate(self._annex_traces, start=len(stated)):
            if traced is not None:
                self.trace(("targets", n, "value"), *traced)
        if stated or self._annex_targets:
            self.data["targets"] = stated + self._annex_targets
        if components:
            self.data["components"] = components

    def _close(self, current: tuple[dict[str, Any], Path_, list[Paragraph]] | None) -> None:
        if current is not None:
            self._funding(*current)

    def _stated_targets(self, p: Paragraph, section: str, first: int) -> list[dict[str, Any]]:
        """The targets a sentence states, in the order it states them."""
        body = _body(p.text)
        found: list[tuple[int, dict[str, Any], str]] = []
        for measure, pattern in _TARGETS:
            for match in pattern.finditer(body):
                try:
                    value = number(match["v"])
                except NumberFormatError:
                    continue
                target = {
                    "measure": measure,
                    "value": Decimal(value) if measure == "end-rate" else value,
                    "section": section,
                    "text": body,
                }
                found.append((match.start(), target, match.group(0)))
        found.sort(key=lambda item: item[0])
        for n, (_at, _target, words) in enumerate(found, start=first):
            self.trace(("targets", n, "value"), p.place, words, body)
        return [target for _, target, _ in found]

    def _component(
        self,
        m: re.Match[str],
        p: Paragraph,
        roman: str,
        number: str,
        components: list[dict[str, Any]],
    ) -> tuple[dict[str, Any], Path_, list[Paragraph]] | None:
        word = m["kind"].lower()
        prefix = {"dự án": "DA", "hợp phần": "HP", "tiểu dự án": "TDA"}.get(word)
        section = f"{roman}.{number}" if roman else number
        heading = f"{m['kind']} {m['n']}"
        if prefix is None:
            self.gap(
                ("components",),
                _("a heading {heading!r} has no code form (DA, TDA, HP)", heading=heading),
                p.place,
            )
            return None
        component: dict[str, Any] = {"section": section, "name": m["name"].strip()}
        if prefix == "TDA":
            if not components:
                reason = _("{heading!r} under no project", heading=heading)
                self.gap(("components",), reason, p.place)
                return None
            parent = components[-1]
            code = f"{parent['code']}.TDA{int(m['n'])}"
            children = parent.setdefault("children", [])
            path: Path_ = ("components", len(components) - 1, "children", len(children))
            component = {"code": code, **component}
            children.append(component)
        else:
            component = {"code": f"{prefix}{int(m['n'])}", **component}
            path = ("components", len(components))
            components.append(component)
        self.trace((*path, "code"), p.place, f"{m['kind']} {m['n']}", p.text)
        self.trace((*path, "name"), p.place, m["name"], p.text)
        return component, path, []

    def _funding(self, component: dict[str, Any], path: Path_, body: list[Paragraph]) -> None:
        funding: dict[str, Any] = {}
        start = next((i for i, p in enumerate(body) if _PLAN_MONEY.search(p.text)), None)
        if start is None:
            return
        p = body[start]
        m = _PLAN_MONEY.search(p.text)
        if m is None:  # pragma: no cover - found by the same pattern just above
            return
        funding["total"] = Decimal(number(m["amount"]))
        self.trace((*path, "funding", "total"), p.place, m.group(0), p.text)
        rest = p.text[m.start() :]
        if (only := _ONLY_SOURCE.search(rest)) is not None:
            key = "central" if "trung ương" in only["source"].lower() else "local"
            funding[key] = funding["total"]
            self.trace((*path, "funding", key), p.place, m["amount"] + " " + only.group(0), p.text)
        following = [p] + [
            q for q in body[start + 1 :] if re.match(r"^[-+]\s*(ngân sách|nguồn|vốn)", q.text, re.I)
        ]
        for q in following:
            for key, pattern in _SOURCES.items():
                for sm in pattern.finditer(q.text if q is not p else rest):
                    if key in funding and key != "total":
                        continue
                    funding[key] = Decimal(number(sm["amount"]))
                    self.trace((*path, "funding", key), q.place, sm.group(0), q.text)
        for capital, words in _CAPITAL.items():
            if words in rest:
                funding["capital"] = capital
                self.trace((*path, "funding", "capital"), p.place, words, p.text)
        component["funding"] = {
            k: funding[k] for k in ("total", "central", "local", "other", "capital") if k in funding
        }


_RANGED_MEASURES = {
    "reduction": "reduction",
    "rate_reduction": "rate-reduction",
    "end_rate": "end-rate",
}
"""The annex columns that may print a range, and the target each states."""

_KIND_WORDS = {
    "phường": "Phường",
    "xã": "Xã",
    "thị trấn": "Thị trấn",
    "thành phố": "Thành phố",
    "thị xã": "Thị xã",
    "huyện": "Huyện",
    "quận": "Quận",
    "tỉnh": "Tỉnh",
}
"""The kind words in full, as a unit's name starts (``P.`` is written out ``Phường``)."""


def interpret(blocks: list[Block], file: str, kind: str | None = None) -> Draft:
    """The draft document that ``blocks`` (of the file named ``file``) print."""
    return _Interpreter(blocks, file, kind).run()
