"""What another program says of a problem — a parser (PyYAML, libyaml, Python's json) of a text
that is not valid YAML or JSON, the system of a file it cannot read — said in the reader's
language.

They say it in English.  The English text of a problem keeps their words exactly; in
Vietnamese the common problems are said in Vietnamese, and any other is quoted as written, so
that a Vietnamese message never holds an English sentence of its own.
"""

from __future__ import annotations

import errno
import re

from mdpoverty.i18n import Lang, Message, _

__all__ = ["Foreign", "parser_says", "system_says"]

# Searched in order, the first that matches says it.  Both YAML parsers are covered: PyYAML's
# own ("could not find expected ':'") and libyaml's ("did not find expected key").
_SAID: tuple[tuple[re.Pattern[str], Message], ...] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (
            r"mapping values are not allowed",
            _("a colon (:) is not allowed here: put a value that holds ': ' in quotes"),
        ),
        (r"block sequence entries are not allowed", _("a list item (-) is not allowed here")),
        (r"could not find expected ':'", _("a colon (:) is missing after a key")),
        (r"did not find expected key", _("a key is missing: the indentation does not match")),
        (r"did not find expected node content", _("a value is missing")),
        (r"did not find expected '-' indicator", _("a list item (-) is missing")),
        (r"did not find expected ',' or '[\]}]'", _("a comma or a bracket is missing")),
        (r"^expected <block end>", _("the indentation does not match")),
        (r"^expected ',' or '[\]}]'", _("a comma or a bracket is missing")),
        (r"^expected '<document start>'", _("a second document begins here")),
        (r"^expected a comment or a line break", _("a comment or a line break is missing here")),
        (
            r"found unexpected end of stream",
            _("the text ends too early (a quote or a bracket is not closed)"),
        ),
        (r"found unexpected ':'", _("a colon (:) is not allowed here")),
        (r"found a tab character", _("a tab is used for indentation; indent with spaces")),
        (
            r"found (?:a )?character .*that cannot start any token",
            _("a character that cannot begin a value: put the value in quotes"),
        ),
        (r"found unknown escape character", _("an unknown escape (\\) in quoted text")),
        (
            r"(?:special|control) characters are not allowed",
            _("a control character that a text file cannot hold"),
        ),
        (r"^Expecting value", _("a value is missing")),
        (r"^Expecting property name", _("a key in double quotes is missing")),
        (r"^Expecting ',' delimiter", _("a comma is missing")),
        (r"^Expecting ':' delimiter", _("a colon (:) is missing after a key")),
        (r"^Unterminated string", _("a quoted text is not closed")),
        (r"^Invalid control character", _("a control character that a text file cannot hold")),
        (r"^Invalid \\(?:escape|uXXXX escape)", _("an unknown escape (\\) in quoted text")),
        (r"^Extra data", _("more text follows the end of the document")),
    )
)


class Foreign(str):
    """Another program's words, as a value of a message: as they are in English; in another
    language its ``meaning`` where it is known, else the words quoted."""

    meaning: Message | None

    def __new__(cls, words: str, meaning: Message | None = None) -> Foreign:
        self = super().__new__(cls, words)
        self.meaning = meaning
        return self

    def localized(self, lang: Lang) -> str:
        words = str.__str__(self)
        if lang == "en":
            return words
        return repr(words) if self.meaning is None else self.meaning.render(lang)


def parser_says(words: str) -> Foreign:
    """A YAML or JSON parser's words of a problem."""
    for pattern, message in _SAID:
        if pattern.search(words):
            return Foreign(words, message)
    return Foreign(words)


# Why a file cannot be read, for the errors a reader meets.
_SYSTEM_SAYS = {
    errno.EACCES: _("permission denied"),
    errno.EPERM: _("operation not permitted"),
    errno.EISDIR: _("it is a folder"),
    errno.ENOTDIR: _("a part of its path is not a folder"),
    errno.ENAMETOOLONG: _("its name is too long"),
    errno.ELOOP: _("its path has too many symbolic links"),
    errno.EIO: _("input/output error"),
}


def system_says(error: OSError) -> Foreign:
    """The system's words of why a file cannot be read."""
    meaning = _SYSTEM_SAYS.get(error.errno) if error.errno is not None else None
    return Foreign(str(error.strerror or error), meaning)
