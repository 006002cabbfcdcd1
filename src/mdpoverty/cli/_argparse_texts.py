"""argparse's own words (``usage:``, ``options``, its errors) in the language of the command.

argparse writes its texts through the ``_`` and ``ngettext`` it imported from :mod:`gettext`,
looked up in its module when each text is made: while :func:`speaking` is in force they come
from mdpoverty's catalog, in the language of the command.  The texts are listed below as
messages so that the catalog tool extracts them; each keeps argparse's ``%``-places exactly
(``%(prog)s``, ``%s``), which argparse fills in after translating.

>>> import argparse
>>> with speaking("vi"):
...     parser = argparse.ArgumentParser(prog="mdpoverty")
...     print(parser.format_usage(), end="")
cách dùng: mdpoverty [-h]
>>> parser.format_usage()  # restored after the block
'usage: mdpoverty [-h]\\n'
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from mdpoverty.i18n import Lang, Message, _, _n

__all__ = ["ARGPARSE_TEXTS", "speaking"]

# The texts of argparse 3.11 a user can meet (its errors of a program's own wrong use of
# argparse are for the programmer, and stay English), each exactly as argparse writes it.
ARGPARSE_TEXTS = (
    _("usage: "),
    _("positional arguments"),
    _("options"),
    _("show this help message and exit"),
    _("%(prog)s: error: %(message)s\n"),
    _("argument %(argument_name)s: %(message)s"),
    _("the following arguments are required: %s"),
    _("one of the arguments %s is required"),
    _("unrecognized arguments: %s"),
    _("not allowed with argument %s"),
    _("ignored explicit argument %r"),
    _("expected one argument"),
    _("expected at most one argument"),
    _("expected at least one argument"),
    _n("expected %s argument", "expected %s arguments", 2),
    _("ambiguous option: %(option)s could match %(matches)s"),
    _("unexpected option string: %s"),
    _("invalid %(type)s value: %(value)r"),
    _("invalid choice: %(value)r (choose from %(choices)s)"),
    _("unknown parser %(parser_name)r (choices: %(choices)s)"),
    _("can't open '%(filename)s': %(error)s"),
)
"""argparse's texts, as messages: what the catalog translates."""


def _gettext(lang: Lang) -> object:
    def gettext(text: str | None) -> str | None:
        # argparse asks for the translation of a missing description too (None).
        return None if text is None else Message(text).render(lang)

    return gettext


def _ngettext(lang: Lang) -> object:
    def ngettext(singular: str, plural: str, n: int) -> str:
        return Message(singular, plural, n).render(lang)

    return ngettext


@contextlib.contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """argparse's own texts in ``lang`` while the block runs (the parser built and used in it);
    argparse's own functions again after it.

    The functions are those of argparse's module, shared by every thread: a program that
    parses command lines in several threads at once should not use it.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext(lang), _ngettext(lang)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
