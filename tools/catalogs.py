"""The message catalogs: extract every message from the code, update the catalogs, compile them.

Run from the repository's root (Babel comes with the ``test`` and ``docs`` extras)::

    python tools/catalogs.py update    # the template and the Vietnamese catalog from the code
    python tools/catalogs.py compile   # the .mo file the package reads
    python tools/catalogs.py check     # what the test checks: exits 1 and says what is wrong
    python tools/catalogs.py missing   # the messages without a translation, as JSON to fill in
    python tools/catalogs.py fill F    # the translations of the JSON file F into the catalog

``missing`` and ``fill`` are for writing many translations at once: ``missing > t.json``,
write each translation in place of its ``""`` (a list, for a message with a plural), then
``fill t.json``.  Editing the ``.po`` file by hand is as good.

A message is a call of ``_("…")`` or ``_n("…", "…", n)`` (:mod:`mdpoverty.i18n`) with literal
text.  ``update`` writes ``src/mdpoverty/locale/mdpoverty.pot`` and merges it into the
Vietnamese catalog ``src/mdpoverty/locale/vi/LC_MESSAGES/mdpoverty.po``: a new message gets
an empty translation, to be written there; a message no longer in the code is dropped.  Both
files are sorted by message and carry no line numbers and no dates, so that two changes merge
as text.  English needs no catalog: a message's English text is its words in the code.
"""

from __future__ import annotations

import argparse
import gettext
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "mdpoverty"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "mdpoverty.pot"
LANGUAGES = ("vi",)
KEYWORDS = {"_": None, "_n": (1, 2)}
# Fixed dates: a catalog changes only when its messages do.
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
HEADER = """\
# The messages of mdpoverty, written by `python tools/catalogs.py update`: translate here.
# Copyright (C) The mdpoverty developers.  MIT License."""
_PLACE = re.compile(r"(?<!\{)\{([^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")
# argparse's own texts (mdpoverty.cli._argparse_texts) have %-places: %(prog)s, %s, %r.
_PERCENT_PLACE = re.compile(r"(?<!%)%(?:\((\w+)\))?([sdr])")


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "mdpoverty.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def _catalog(**kwargs: object) -> Catalog:
    return Catalog(
        project="mdpoverty",
        copyright_holder="The mdpoverty developers",
        msgid_bugs_address="https://github.com/mdpoverty/mdpoverty/issues",
        creation_date=EPOCH,
        revision_date=EPOCH,
        fuzzy=False,
        header_comment=HEADER,
        **kwargs,  # type: ignore[arg-type]
    )


def extract() -> Catalog:
    """Every message of the package's code, as a template catalog."""
    template = _catalog()
    for _filename, _lineno, text, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(text, tuple):
            template.add(text, string=("", ""))
        else:
            template.add(text)
    return template


def _text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=True, omit_header=False)
    # The version of Babel is not the catalog's business: a newer one must not make it stale.
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", out.getvalue())


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang, domain="mdpoverty")


def updated(lang: str, template: Catalog) -> Catalog:
    """The catalog of ``lang`` with the template's messages, keeping every translation."""
    old = _read(po_path(lang), lang) if po_path(lang).exists() else None
    new = _catalog(locale=lang)
    for message in template:
        if not message.id:
            continue
        known = old.get(message.id) if old is not None else None
        string = known.string if known is not None and not known.fuzzy else message.string
        if isinstance(message.id, tuple) and not isinstance(string, tuple | list):
            string = ("",)
        new.add(message.id, string=string)
    return new


def compiled(lang: str) -> bytes:
    out = io.BytesIO()
    write_mo(out, _read(po_path(lang), lang), use_fuzzy=False)
    return out.getvalue()


def _entries(catalog: Catalog) -> dict[object, object]:
    """A catalog's messages and their translations (what must agree, whatever wrote it)."""
    return {m.id: m.string for m in catalog if m.id}


def _mo_entries(data: bytes) -> dict[object, str]:
    """A compiled catalog's messages and translations."""
    return dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]


def places(text: str) -> set[str]:
    """The places of a message's text: the names of its ``{name}`` places, and its ``%``-places
    as written (``%(prog)s``; one without a name with its rank, ``%s#1``, since its order
    counts)."""
    found = set(_PLACE.findall(text))
    rank = 0
    for name, kind in _PERCENT_PLACE.findall(text):
        if name:
            found.add(f"%({name}){kind}")
        else:
            rank += 1
            found.add(f"%{kind}#{rank}")
    return found


def problems() -> Iterator[str]:
    """Everything wrong with the catalogs: each a line."""
    template = extract()
    if not TEMPLATE.exists() or TEMPLATE.read_bytes() != _text(template):
        yield f"{TEMPLATE.relative_to(ROOT)} is not current: run `python tools/catalogs.py update`"
    for lang in LANGUAGES:
        po = po_path(lang)
        if not po.exists():
            yield f"{po.relative_to(ROOT)} is missing: run `python tools/catalogs.py update`"
            continue
        catalog = _read(po, lang)
        if _entries(catalog) != _entries(updated(lang, template)):
            yield f"{po.relative_to(ROOT)} is not current: run `python tools/catalogs.py update`"
        for message in template:
            if not message.id:
                continue
            yield from _translation_problems(lang, message, catalog.get(message.id))
        mo = mo_path(lang)
        if not mo.exists() or _mo_entries(mo.read_bytes()) != _mo_entries(compiled(lang)):
            yield f"{mo.relative_to(ROOT)} is not current: run `python tools/catalogs.py compile`"


def _translation_problems(lang: str, message: Message, translated: Message | None) -> Iterator[str]:
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    if translated is None or translated.fuzzy:
        yield f"[{lang}] {ids[0]!r}: no translation"
        return
    strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
    if not all(strings):
        yield f"[{lang}] {ids[0]!r}: no translation"
        return
    wanted = set().union(*(places(i) for i in ids))
    for string in strings:
        if places(string) != wanted:
            yield (
                f"[{lang}] {ids[0]!r}: its places {sorted(wanted)} differ from the "
                f"translation's {sorted(places(string))}: {string!r}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("update", "compile", "check", "missing", "fill"))
    parser.add_argument("file", nargs="?", type=Path, help="the JSON file of `fill`")
    parser.add_argument("--lang", default="vi", choices=LANGUAGES)
    arguments = parser.parse_args(argv)
    action, lang = arguments.action, arguments.lang
    if action == "missing":
        catalog = _read(po_path(lang), lang)
        todo = {
            m.id[0] if isinstance(m.id, tuple) else m.id: ([""] if isinstance(m.id, tuple) else "")
            for m in catalog
            if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
        }
        print(json.dumps(todo, ensure_ascii=False, indent=1))
        return 0
    if action == "fill":
        given = json.loads(arguments.file.read_text(encoding="utf-8"))
        catalog = _read(po_path(lang), lang)
        by_first = {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in catalog if m.id}
        unknown = [key for key in given if key not in by_first]
        for key, string in given.items():
            if key in by_first and string:
                message = by_first[key]
                message.string = tuple(string) if isinstance(message.id, tuple) else string
                message.flags.discard("fuzzy")
        po_path(lang).write_bytes(_text(catalog))
        for key in unknown:
            print(f"not a message of the catalog (run update first?): {key!r}")
        return 1 if unknown else 0
    if action == "update":
        template = extract()
        TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
        TEMPLATE.write_bytes(_text(template))
        for lang in LANGUAGES:
            po_path(lang).parent.mkdir(parents=True, exist_ok=True)
            po_path(lang).write_bytes(_text(updated(lang, template)))
            missing = sum(1 for m in _read(po_path(lang), lang) if m.id and not m.string)
            print(f"{po_path(lang).relative_to(ROOT)}: {missing} message(s) to translate")
    elif action == "compile":
        for lang in LANGUAGES:
            mo_path(lang).write_bytes(compiled(lang))
            print(f"wrote {mo_path(lang).relative_to(ROOT)}")
    else:
        found = list(problems())
        for line in found:
            print(line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
