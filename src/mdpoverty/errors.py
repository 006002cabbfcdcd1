"""Every exception mdpoverty raises, and the one syntax of a location inside a document.

Every exception derives from :class:`MdpovertyError`; concrete ones also derive from the fitting
builtin (``ValueError``, ``KeyError``) so that callers may catch either.  An exception is for
*malformed* input: a plan whose numbers merely disagree is well-formed, and its disagreements are
findings in a report, not exceptions.

**Locations.**  Load errors, consistency findings and spreadsheet problems all say *where* in
one syntax: ``/``-separated steps from the document's root, each step a field name, or an item
of a list by its identifier (``units/xa-mot``, ``components/DA3.TDA1``) or, where the item has
none or it cannot be trusted yet (a file being loaded), by its position from 0
(``units/3/poor_households``, ``targets/2``).  :func:`mdpoverty.checks.resolve` turns a
location back into the object it names.  Where a location comes from a file, the problem also
carries the file's line (or, in a spreadsheet, the cell such as ``C7``).

>>> location("components", "DA3.TDA1", "funding")
'components/DA3.TDA1/funding'
>>> location("", "units", 3, "households")
'units/3/households'
>>> parent_location("units/3/households")
'units/3'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from mdpoverty.i18n import Lang, Message, _, _n, localize

if TYPE_CHECKING:  # the report is defined above this layer; only its type is named here
    from mdpoverty.checks.report import Report
else:  # and at run time through the (lazy) package: see InconsistentPlanError
    import mdpoverty  # noqa: F401  (named by the annotation that InconsistentPlanError sets)

__all__ = [
    "MAX_LISTED",
    "NO_VALUE",
    "PROBLEM_CODES",
    "AmbiguousNameError",
    "ChartFormatError",
    "EmptyChartError",
    "FieldValueError",
    "FileProblem",
    "HouseholdArgumentError",
    "HouseholdTableError",
    "InconsistentPlanError",
    "InexactNumberError",
    "MdpovertyError",
    "MeasureError",
    "MissingExtraError",
    "NoStandardInForceError",
    "NumberFormatError",
    "OutOfBounds",
    "OutputError",
    "PlanFileError",
    "Problem",
    "RollupError",
    "TableProblem",
    "UnknownIdError",
    "UnknownNameError",
    "ValidationError",
    "describe",
    "expect",
    "location",
    "message_of",
    "parent_location",
    "problem_code",
    "shorten",
]


# -- locations ----------------------------------------------------------------------------------


def location(*steps: object) -> str:
    """The location made of ``steps`` (empty steps are left out)."""
    return "/".join(str(step) for step in steps if step != "")


def parent_location(where: str) -> str:
    """The location one step up (``""`` above a top-level field)."""
    return where.rpartition("/")[0]


def shorten(value: object, width: int = 60) -> str:
    """A value as a message shows it: never a whole object's repr, and never a long one; a value
    cut short ends with an ellipsis, so that a reader knows it goes on.

    >>> shorten("x" * 100, width=10)
    "'xxxxxxxx…"
    >>> shorten(Decimal("1.50"))
    '1.50'
    """
    if attrs.has(type(value)) and describe(value) != type(value).__name__:
        value = describe(value)  # an object with an identifier is named by it
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


MAX_LISTED = 100
"""The most problems a message lists, one a line; the exception's ``problems`` hold them all."""


@attrs.frozen
class _Lines:
    """Problems listed one a line, as a value of a :class:`~mdpoverty.i18n.Message`: each
    problem is said in the language the message is said in (by its ``text(lang)``, or as a
    message), and ``more`` counts those left out."""

    items: tuple[object, ...]
    more: int = 0

    def localized(self, lang: Lang) -> str:
        said = "".join(f"\n  - {_said(item, lang)}" for item in self.items)
        if self.more > 0:
            more = _n("… and {n} more problem", "… and {n} more problems", self.more)
            said += f"\n  {more.render(lang)}"
        return said

    def __str__(self) -> str:
        return self.localized("en")


def _said(item: object, lang: Lang) -> str:
    """``item`` in ``lang``: by its own ``text(lang)`` where it has one (a problem, a finding)."""
    text = getattr(item, "text", None)
    if callable(text):
        return str(text(lang))
    return localize(item, lang) if isinstance(item, str) else str(item)


def _listing(problems: Sequence[object]) -> Message:
    """The number of ``problems`` (``1 problem``, ``2 problems``), then a line per problem, the
    first :data:`MAX_LISTED` of them and how many more: the message of the exceptions that
    list every problem.  A file of thousands of mistakes (a sheet pasted into the wrong place)
    gets a message a reader can read, in time in proportion to it.

    >>> print(_listing([f"problem {n}" for n in range(MAX_LISTED + 2)]).splitlines()[-2:])
    ['  - problem 99', '  … and 2 more problems']
    """
    count = len(problems)
    lines = _Lines(tuple(problems[:MAX_LISTED]), count - MAX_LISTED)
    return _n("{n} problem:{lines}", "{n} problems:{lines}", count, lines=lines)


def _alternatives(names: Sequence[str]) -> str:
    """``int``, ``int or Decimal``, ``int, str or Decimal``: names a value may be one of."""
    if len(names) == 1:
        return names[0]
    return _("{some} or {last}", some=", ".join(names[:-1]), last=names[-1])


def describe(obj: object) -> str:
    """How messages name an object: its class and, where it has one, its identifier."""
    for key in ("id", "code", "number", "agency", "unit"):
        try:
            ident = getattr(obj, key, None)
        except Exception:  # noqa: S112  (a property of a half-made object that cannot be read)
            continue
        if isinstance(ident, str):
            return f"{type(obj).__name__} {ident!r}"
    return type(obj).__name__


# -- the codes of problems -----------------------------------------------------------------------

PROBLEM_CODES: dict[str, str] = {
    "too-large": "the file or text is larger than MAX_FILE_BYTES (reading stopped there)",
    "not-utf8": "the bytes are not UTF-8 text",
    "not-found": "the file does not exist",
    "unreadable": "the file cannot be read (permissions, a folder, a device error)",
    "bad-extension": "the file's name has an extension the reader does not know",
    "syntax": "the text is not valid YAML or JSON, or not a table the reader knows",
    "unsupported-yaml": "a YAML feature a plan file cannot hold: an alias, a tag, a key that is "
    "a list or mapping, several documents",
    "too-deep": "lists or mappings nested more deeply than MAX_DEPTH",
    "duplicate-key": "a key given twice in one mapping",
    "empty": "a file, mapping or cell that holds nothing where something is needed",
    "missing-field": "a required field is absent",
    "unknown-field": "a key that is not a field of the object (often a misspelling)",
    "wrong-type": "a value of another type than the field holds (text for a number, say)",
    "out-of-bounds": "a number or date outside the bounds the library reads "
    "(mdpoverty.values.bounds), or a count or rate outside its possible range",
    "unknown-id": "a reference to an id, or a code, that nothing defines",
    "invalid-value": "a value of the right type that breaks a rule of its field",
    "inconsistent": "values of several fields that cannot all be true (a rule across fields)",
    "wrong-kind": "a document of another kind than the one asked for (a review for a plan)",
}
"""Every code a :class:`Problem` or :class:`FileProblem` carries, with what it means.

A code is stable from version to version (the reason's text may be reworded or translated):
programs branch on it, e.g. a web service answers ``413`` to ``too-large`` and ``422`` to the
others.
"""

_CODE_PATTERNS = (  # the first pattern in a reason gives its code; the loaders also name it
    ("is too large", "too-large"),
    ("is not UTF-8", "not-utf8"),
    ("does not exist", "not-found"),
    ("cannot be read:", "unreadable"),
    ("has the extension", "bad-extension"),
    ("anchors and aliases", "unsupported-yaml"),
    ("has the tag", "unsupported-yaml"),
    ("more than one document", "unsupported-yaml"),
    ("is a key that is a list", "unsupported-yaml"),
    ("is not valid YAML", "syntax"),
    ("is not valid JSON", "syntax"),
    ("is empty", "empty"),
    ("must hold a mapping", "wrong-type"),
    ("written with a point", "wrong-type"),
    ("is required:", "missing-field"),
    ("is not a known", "unknown-id"),
    ("is not a field of", "unknown-field"),
    ("is required but missing", "missing-field"),
    ("is given more than once", "duplicate-key"),
    ("too long or too large", "out-of-bounds"),
    ("is nested", "too-deep"),
    ("must be >", "out-of-bounds"),
    ("must be <", "out-of-bounds"),
    ("must be between", "out-of-bounds"),
    ("must lie in", "inconsistent"),
    ("must be no more than", "inconsistent"),
    ("more than", "inconsistent"),
    ("is stated twice", "inconsistent"),
    ("must be unique", "duplicate-key"),
    (", not ", "wrong-type"),
)


def problem_code(reason: str) -> str:
    """The code (:data:`PROBLEM_CODES`) of a problem that names none, read from its reason.

    Problems that the loaders make name their code; a problem of a model's field check names
    only its reason, and this reads the kind of rule it states.

    >>> problem_code("must be >= 0")
    'out-of-bounds'
    >>> problem_code("must be int, not str")
    'wrong-type'
    >>> problem_code("must be one line")
    'invalid-value'
    """
    for pattern, code in _CODE_PATTERNS:
        if pattern in reason:
            return code
    return "invalid-value"


def _check_code(problem: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in PROBLEM_CODES:
        reason = _("must be one of the PROBLEM_CODES ({codes})", codes=tuple(PROBLEM_CODES))
        raise ValidationError([Problem(type(problem).__name__, attribute.name, value, reason)])


def _code_of(problem: Problem | FileProblem) -> str:
    reason: object = problem.reason
    return problem_code(reason) if isinstance(reason, str) else "invalid-value"


# -- the base and the model's errors -------------------------------------------------------------


class MdpovertyError(Exception):
    """The base of every exception raised by mdpoverty.

    ``str(error)`` is its message in English; :meth:`text` says it in either language (the
    command line prints that).
    """

    def text(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return localize(self.args[0], lang) if len(self.args) == 1 else str(self)


@attrs.frozen
class Problem:
    """One thing wrong with one field of one object.

    Attributes:
        obj: The object, as the message should name it, e.g. ``AdministrativeUnit 'xa-mot'``.
        field: The field's name.
        value: The offending value.
        reason: What rule the value breaks, e.g. ``must be >= 0``.
        path: The :func:`location` of the object inside the object that was validated (such
            as ``targets/3`` or ``components/1/children/0``); ``""`` for that object itself.
            A plan's cross-field problems carry it, so that a plan file's error can point into
            the file.
        code: What kind of problem, one of :data:`PROBLEM_CODES` (by default read from the
            reason with :func:`problem_code`).
    """

    obj: str
    field: str
    value: object
    reason: str
    path: str = ""
    code: str = attrs.field(
        default=attrs.Factory(_code_of, takes_self=True), validator=_check_code, kw_only=True
    )

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The problem in ``lang``: the object, its field and the value as they are (they are
        for programs), the reason in ``lang``."""
        value = shorten(self.value)
        if self.path:
            said = _(
                "{obj} at {path}: {field!r} {reason}: {value}",
                obj=self.obj,
                path=self.path,
                field=self.field,
                reason=self.reason,
                value=value,
            )
        else:
            said = _(
                "{obj}: {field!r} {reason}: {value}",
                obj=self.obj,
                field=self.field,
                reason=self.reason,
                value=value,
            )
        return said.render(lang)


class ValidationError(MdpovertyError, ValueError):
    """Values that the model cannot hold; lists every problem found, not only the first.

    ``str(error)`` lists them in English; ``error.text("vi")`` says the whole listing in
    Vietnamese (as every exception here that lists problems does).

    Attributes:
        problems: Each problem with the object, field, value and reason.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_listing(self.problems))


def expect(function: str, **arguments: tuple[object, type | tuple[type, ...]]) -> None:
    """Refuse, all at once, the arguments of ``function`` that are not of their kinds: the check
    every public function makes of what it is given before it uses it.

    >>> expect("rate", part=(3, int), whole=("12", int))
    Traceback (most recent call last):
    ...
    mdpoverty.errors.ValidationError: 1 problem:
      - rate: 'whole' must be int, not str: '12'

    Raises:
        ValidationError: Listing each argument of another kind (a bool is not an int).
    """
    problems = []
    for name, (value, kinds) in arguments.items():
        wanted = kinds if isinstance(kinds, tuple) else (kinds,)
        is_bool = isinstance(value, bool) and bool not in wanted
        if is_bool or not isinstance(value, wanted):
            names = _alternatives([k.__name__ for k in wanted])
            reason = _("must be {kinds}, not {kind}", kinds=names, kind=type(value).__name__)
            problems.append(Problem(function, name, value, reason, code="wrong-type"))
    if problems:
        raise ValidationError(problems)


def message_of(error: BaseException) -> str:
    """The message of ``error``, to be said again in a problem of its own: an mdpoverty error's
    message (a :class:`~mdpoverty.i18n.Message`, which says itself in either language), any
    other exception's text.

    >>> message_of(ValueError("no digits")), message_of(UnknownNameError("no unit 'x'"))
    ('no digits', "no unit 'x'")
    """
    if (
        isinstance(error, MdpovertyError)
        and len(error.args) == 1
        and isinstance(error.args[0], str)
    ):
        return error.args[0]
    return str(error)


class UnknownNameError(MdpovertyError, KeyError):
    """A lookup by identifier or name found nothing."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class AmbiguousNameError(MdpovertyError, KeyError):
    """A lookup by name found several things; the message lists them with their codes.

    Attributes:
        candidates: What the name could mean, as ``"Phường X (01234, Tỉnh Y)"``.
    """

    def __init__(self, message: str, candidates: Iterable[str] = ()) -> None:
        self.candidates: tuple[str, ...] = tuple(candidates)
        super().__init__(message)

    __str__ = UnknownNameError.__str__  # the message as given (KeyError's own quotes it)


class NumberFormatError(MdpovertyError, ValueError):
    """Text that is not a number in Vietnamese notation (``12.345``, ``1,25``)."""


class OutOfBounds(MdpovertyError, ValueError):  # noqa: N818  (a reason, as a problem names it)
    """The text of a number too long or too large to read (see :mod:`mdpoverty.values.bounds`).

    The loaders catch it and report it as a problem of the file, at the number's place.
    """


class FieldValueError(MdpovertyError, ValueError):
    """A value of plain data that cannot become the field it is given for.

    Raised while a plan file is converted into the model, and reported as one of the
    file's problems (:class:`PlanFileError`) at the field's location.

    Attributes:
        reason: What is wrong, e.g. ``must be a whole number``.
        value: The offending value.
        code: What kind of problem (:data:`PROBLEM_CODES`); by default read from the reason.
    """

    def __init__(self, reason: str, value: object, *, code: str | None = None) -> None:
        super().__init__(_("{reason}: {value}", reason=reason, value=shorten(value)))
        self.reason = reason
        self.value = value
        self.code = problem_code(reason) if code is None else code


# -- files ----------------------------------------------------------------------------------------


class _NoValue:
    """The value of a problem that is about something absent (a missing field)."""

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE: Any = _NoValue()


@attrs.frozen
class FileProblem:
    """One problem of a plan file or spreadsheet: where in the document, the value, and why.

    Attributes:
        path: The :func:`location` in the document, e.g. ``units/3/poor_households`` (``""``:
            the whole document).
        reason: The rule the value breaks, e.g. ``must be >= 0``.
        value: The offending value, or :data:`~mdpoverty.errors.NO_VALUE` when the problem is
            an absence.
        line: The line of the file (from 1), where known.
        cell: The spreadsheet cell (``C7``), for a problem of a spreadsheet.
        code: What kind of problem, one of :data:`PROBLEM_CODES` (``too-large``,
            ``unknown-field``, ``wrong-type`` …), stable where the reason's text is not.
    """

    path: str
    reason: str
    value: object = NO_VALUE
    line: int | None = None
    cell: str | None = None
    code: str = attrs.field(
        default=attrs.Factory(_code_of, takes_self=True), validator=_check_code, kw_only=True
    )

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The problem in ``lang``: the location and the value as they are (they are for
        programs), the reason in ``lang``."""
        path = self.path or _("(document)")
        where: str = path
        if self.cell is not None:
            where = _("cell {cell}, {path}", cell=self.cell, path=path)
        elif self.line is not None:
            where = _("line {line}, {path}", line=str(self.line), path=path)  # 1024, not 1,024
        if self.value is NO_VALUE:
            said = _("{where}: {reason}", where=where, reason=self.reason)
        else:
            said = _(
                "{where} = {value}: {reason}",
                where=where,
                value=shorten(self.value),
                reason=self.reason,
            )
        return said.render(lang)


class PlanFileError(MdpovertyError, ValueError):
    """A plan file that cannot be read as a plan; lists every problem found.

    ``error.text("vi")`` says it in Vietnamese: ``tệp plan.yaml: 2 vấn đề:`` and a line per
    problem (``dòng 7, units/0/poor_households = -3: phải >= 0 …``).

    Attributes:
        source: The file (or ``"<text>"``, ``"<data>"`` for what was not read from a file).
        problems: Each problem, with its location inside the document (``units/3/households``).
    """

    def __init__(self, source: str, problems: Sequence[FileProblem]) -> None:
        self.source = source
        self.problems: tuple[FileProblem, ...] = tuple(problems)
        listing = _listing(self.problems)
        if source.startswith("<"):  # <text>, <data>, <bytes>: no file
            super().__init__(_("{source}: {problems}", source=source, problems=listing))
        else:  # "tệp plan.yaml" in Vietnamese (the same English text, another message)
            super().__init__(_("{file}: {problems}", file=source, problems=listing))


# -- aggregation and checks ----------------------------------------------------------------------


class RollupError(MdpovertyError, ValueError):
    """Plans that cannot be combined; lists every problem, each naming both plans.

    Attributes:
        problems: Each problem with the plans, the field, the value and the rule.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(_("cannot roll up: {problems}", problems=_listing(self.problems)))


class InconsistentPlanError(MdpovertyError, ValueError):
    """A plan whose consistency report holds errors, raised by ``Report.raise_for_errors``.

    Attributes:
        report: The whole report (warnings and information included).
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        errors = report.errors
        super().__init__(
            _n(
                "the plan is inconsistent ({n} error):{lines}",
                "the plan is inconsistent ({n} errors):{lines}",
                len(errors),
                lines=_Lines(tuple(errors)),
            )
        )


# `typing.get_type_hints` resolves the report's type through the package, importing
# mdpoverty.checks only then: importing this module imports nothing of mdpoverty's but the lazy
# package itself.
InconsistentPlanError.__init__.__annotations__["report"] = "mdpoverty.checks.report.Report"


# -- standards by period and household tables ---------------------------------------------------


class UnknownIdError(UnknownNameError):
    """An id that the object looked in does not hold; suggests the nearest valid ids.

    Attributes:
        key: The id asked for.
        suggestions: The nearest valid ids (``difflib.get_close_matches``), best first.
    """

    def __init__(self, message: str, *, key: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.key = key
        self.suggestions = suggestions


class NoStandardInForceError(UnknownNameError):
    """No poverty standard the library knows is in force in the year asked for.

    Attributes:
        year: The year asked for.
    """

    def __init__(self, message: str, *, year: int) -> None:
        super().__init__(message)
        self.year = year


@attrs.frozen
class TableProblem:
    """One thing wrong with a household table: a column, a rule, how many rows, examples.

    Attributes:
        column: The column, as the table names it (``""`` for the table as a whole).
        reason: What is wrong, e.g. ``missing value`` or ``must be >= 0``.
        count: How many rows have the problem (0 for a problem of the column itself).
        examples: Up to five row labels of such rows, in the table's order.
    """

    column: str
    reason: str
    count: int = 0
    examples: tuple[object, ...] = ()

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The problem in ``lang``: the column and the rows' labels as they are, the rest in
        ``lang``."""
        where = _("column {column!r}", column=self.column) if self.column else _("the table")
        if not self.count:
            return _("{where}: {reason}", where=where, reason=self.reason).render(lang)
        # the rows' labels, quoted as the table writes them
        shown = ", ".join(repr(e) for e in self.examples)
        more = ", ..." if self.count > len(self.examples) else ""
        said = _n(
            "{where}: {reason} in {n} row (e.g. {examples})",
            "{where}: {reason} in {n} rows (e.g. {examples})",
            self.count,
            where=where,
            reason=self.reason,
            examples=shown + more,
        )
        return said.render(lang)


class HouseholdTableError(MdpovertyError, ValueError):
    """A household table that cannot be classified or measured; lists every problem at once.

    Attributes:
        problems: Each problem with its column, count and example rows.
    """

    def __init__(self, problems: Iterable[TableProblem]) -> None:
        self.problems: tuple[TableProblem, ...] = tuple(problems)
        super().__init__(_("household table: {problems}", problems=_listing(self.problems)))


class HouseholdArgumentError(MdpovertyError, TypeError, ValueError):
    """An argument of a household function that it cannot use: a table that is not a pandas
    DataFrame, neither a year nor a standard, an unknown ``missing`` policy.

    It is both a :class:`TypeError` and a :class:`ValueError`, so code written for either
    catches it.
    """


class MeasureError(MdpovertyError, ValueError):
    """An Alkire–Foster measurement that cannot be made: a cutoff outside (0, 1], not a number,
    with a zero denominator or an exponent beyond ±100 (``1e-999999999``, which would take
    hours to make exact); weights that do not name the indicators, do not sum to a positive
    number, or whose common denominator is too large to score households exactly."""


class InexactNumberError(MdpovertyError, TypeError):
    """A float (or another inexact value) where an exact number belongs: a cutoff or a weight.

    ``0.1`` is not one tenth; a cutoff or a weight that is not what it says would move
    households across the cutoff.  Give an int, a Fraction, a Decimal or text such as "1/3".
    """


# -- reports and charts -------------------------------------------------------------------------


class MissingExtraError(ImportError, MdpovertyError):
    """An optional dependency of a feature is not installed; the message names the extra."""


class ChartFormatError(MdpovertyError, ValueError):
    """A chart file is named with an extension that is neither ``.png`` nor ``.svg``."""


class EmptyChartError(MdpovertyError, ValueError):
    """A chart with nothing to draw (``mdpoverty chart``), refused rather than written as empty
    axes; the message says what the document lacks."""


# -- the command line ---------------------------------------------------------------------------


class OutputError(MdpovertyError, ValueError):
    """An output file that the command line will not write, refused before any work is done:
    an empty name, a folder, a folder that does not exist, or an existing file without
    ``--force``."""
