"""Every text a person reads, in Vietnamese and English: messages, their catalogs, the language.

A text the library shows — a finding, a load problem, a command's help and output, a label of
a table, the report or a chart — is written in the code once, in English, as a
:class:`Message`: ``_("the declared total {whole} is not the sum of its sources", whole=w)``.
A message *is* its English text (a :class:`str`, so that code and programs that read it as
text keep working), and it remembers its words and values, so that
:func:`localize` can say it in Vietnamese from the gettext catalog
``mdpoverty/locale/vi/LC_MESSAGES/mdpoverty.po``.  The values are shown in the notation of
the language they are said in: numbers with ``.`` between thousands and a decimal comma in
Vietnamese (``1.021``, ``8,20``), the other way round in English (``1,021``, ``8.20``);
names and quoted values as they are.

>>> text = _("{source} = {value!r}: the language must be one of {langs}",
...           source="lang", value="fr", langs="vi, en")
>>> text
"lang = 'fr': the language must be one of vi, en"
>>> localize(text, "vi")
"lang = 'fr': ngôn ngữ phải là một trong vi, en"

The catalogs are managed with Babel (``python tools/catalogs.py``: extract the messages from
the code, update the catalog, compile it); a test checks that every message of the code has
its Vietnamese text, with the same values, and that the compiled catalog is current.

**The language** of a command is :func:`language`: the one asked for (``--lang``), else the
environment variable ``MDPOVERTY_LANG``, else the locale's (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``: Vietnamese for ``vi…``, English for any other language), else
Vietnamese — the language of the documents.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Literal, get_args

__all__ = [
    "ENV_VAR",
    "LANGS",
    "Lang",
    "Message",
    "_",
    "_n",
    "language",
    "localize",
    "number",
]

Lang = Literal["vi", "en"]
"""A language the library speaks, ``"vi"`` (Vietnamese) or ``"en"`` (English)."""

LANGS: tuple[Lang, ...] = get_args(Lang)
"""Every :data:`Lang`, Vietnamese first."""

ENV_VAR = "MDPOVERTY_LANG"
"""The environment variable that chooses the language of the command line (``vi`` or ``en``)."""

DOMAIN = "mdpoverty"


class Message(str):
    """A text a person reads: its English words, with what it needs to be said in Vietnamese.

    ``template`` is the English text with ``{name}`` places for ``args`` (Python's
    ``str.format`` syntax; a literal brace is doubled).  The message is equal to, and
    behaves as, its English text; :meth:`render` says it in any :data:`Lang`.  A value in
    ``args`` may itself be a message (a part of a sentence), a number, a range, a date, a tuple
    (listed with commas) or text (shown as it is).

    Write messages with :func:`_` (and :func:`_n` where a count changes the English words), so
    that the catalog tool finds them.
    """

    template: str
    plural: str | None
    n: int | None
    args: Mapping[str, object]

    def __new__(
        cls, template: str, plural: str | None = None, n: int | None = None, /, **args: object
    ) -> Message:
        return _message(cls, template, plural, n, args)

    def render(self, lang: Lang) -> str:
        """The message in ``lang`` (its English text for ``"en"``)."""
        if lang == "en":
            return str.__str__(self)
        catalog = _catalog(lang)
        if self.plural is None:
            words = catalog.gettext(self.template)
        else:
            words = catalog.ngettext(self.template, self.plural, self.n or 0)
        return _fill(words, self.args, lang)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.template, self.plural, self.n, dict(self.args)))


def _message(
    cls: type[Message], template: str, plural: str | None, n: int | None, args: dict[str, object]
) -> Message:
    """A new message of ``cls``: what :class:`Message` does, and what :func:`_` and :func:`_n`
    call directly, since a check makes tens of thousands of messages and the class call's
    keyword packing and dispatch to ``__new__`` would cost as much as the rest."""
    if n is not None:
        args["n"] = n
    words = template if plural is None or n == 1 else plural
    self = str.__new__(cls, _fill_en(words, args) if args else words)
    # One assignment of the instance's attributes, rather than four.
    self.__dict__ = {"template": template, "plural": plural, "n": n, "args": args}
    return self


def _rebuild(template: str, plural: str | None, n: int | None, args: dict[str, object]) -> Message:
    return Message(template, plural, n, **args)


def _(template: str, /, **args: object) -> Message:
    """The message ``template`` (English, with ``{name}`` places for ``args``)."""
    return _message(Message, template, None, None, args)


def _n(singular: str, plural: str, n: int, /, **args: object) -> Message:
    """The message whose English words depend on a count ``n`` (``{n}`` in the text)."""
    return _message(Message, singular, plural, n, args)


def localize(text: str, lang: Lang) -> str:
    """``text`` in ``lang``: a :class:`Message` said in it, any other text as it is (a name, a
    value quoted from a document, a user's own words)."""
    return text.render(lang) if isinstance(text, Message) else str(text)


def number(value: int | Decimal, lang: Lang, places: int | None = None) -> str:
    """``value`` in the notation of ``lang``: ``1.021,5`` in Vietnamese, ``1,021.5`` in English.

    ``places`` fixes the number of decimals (rounding half-up); by default a Decimal keeps its
    own digits, so that a number is shown as the document prints it.

    >>> number(Decimal("1021.50"), "vi"), number(Decimal("1021.50"), "en"), number(-7, "vi")
    ('1.021,50', '1,021.50', '-7')
    >>> number(Decimal("8.245"), "vi", places=2)
    '8,25'
    """
    if isinstance(value, Decimal) and places is not None:
        exponent = Decimal(1).scaleb(-places)
        value = value.quantize(exponent, rounding=ROUND_HALF_UP)
    elif isinstance(value, int) and places:
        value = Decimal(value).quantize(Decimal(1).scaleb(-places))
    text = f"{value:,f}" if isinstance(value, Decimal) else f"{value:,d}"
    if lang == "vi":
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _shown(value: object, lang: Lang) -> str:  # noqa: PLR0911  (a return a kind of value)
    """A value of a message in ``lang`` (see :class:`Message`)."""
    if type(value) is str:  # the commonest first: a name, a code, a list of them
        return value
    if type(value) is int:
        return number(value, lang)
    if type(value) is tuple:
        return ", ".join([_shown(item, lang) for item in value])
    if isinstance(value, Message):
        return value.render(lang)
    if value is None:
        return "–"
    if isinstance(value, bool):
        return localize(_("yes") if value else _("no"), lang)
    if isinstance(value, int) or (isinstance(value, Decimal) and value.is_finite()):
        return number(value, lang)
    if isinstance(value, tuple | list | frozenset | set):
        items = value if isinstance(value, tuple | list) else sorted(value, key=str)
        return ", ".join(_shown(item, lang) for item in items)
    shown = getattr(value, "localized", None)
    if callable(shown):
        return str(shown(lang))
    return str(value)


def _fill(words: str, args: Mapping[str, object], lang: Lang) -> str:
    if not args:
        return words
    if lang == "en":
        return _fill_en(words, args)
    return words.format_map({name: _shown(value, lang) for name, value in args.items()})


def _fill_en(words: str, args: Mapping[str, object]) -> str:
    """:func:`_fill` in English, which every message is filled in when it is made: the values
    most messages hold (text, counts, other messages, rates) are shown here without
    :func:`_shown`'s tests of every kind (a text and a message are shown as their own words,
    which ``str.format`` takes as they are)."""
    shown: dict[str, object] = {}
    for name, value in args.items():
        kind = type(value)
        if kind is str or kind is Message:
            shown[name] = value
        elif kind is int:
            shown[name] = f"{value:,d}"
        elif type(value) is Decimal and value.is_finite():
            shown[name] = f"{value:,f}"
        else:
            shown[name] = _shown(value, "en")
    return words.format_map(shown)


@functools.cache
def _catalog(lang: Lang) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` shipped with the package (none: the English words)."""
    path = resources.files("mdpoverty") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        return gettext.NullTranslations()


def _locale_language() -> Lang | None:
    """The language the locale's environment variables name (None for ``C``, ``POSIX`` or none)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0].strip()
        if not value:
            continue
        tag = value.split(".")[0].split("@")[0]
        if tag in ("C", "POSIX"):
            return None
        return "vi" if tag.lower().startswith("vi") else "en"
    return None


def language(asked: str | None = None) -> Lang:
    """The language to speak: ``asked`` if given, else :data:`ENV_VAR`, else the locale's, else
    Vietnamese.

    Raises:
        UnknownNameError: ``asked`` or :data:`ENV_VAR` is not one of :data:`LANGS`.
    """
    for source, value in (("lang", asked), (ENV_VAR, os.environ.get(ENV_VAR) or None)):
        if value is None:
            continue
        if value in LANGS:
            return value  # checked: one of the literals
        from mdpoverty.errors import UnknownNameError  # noqa: PLC0415  (errors speaks through us)

        raise UnknownNameError(
            _(
                "{source} = {value!r}: the language must be one of {langs}",
                source=source,
                value=value,
                langs=", ".join(LANGS),
            )
        )
    return _locale_language() or "vi"
