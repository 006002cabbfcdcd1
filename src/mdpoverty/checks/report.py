"""Findings, reports, rules and the registry: the machinery every consistency rule shares."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from mdpoverty.checks.records import FindingValue, JSONValue, finding_record
from mdpoverty.errors import (
    InconsistentPlanError,
    Problem,
    UnknownNameError,
    ValidationError,
    expect,
)
from mdpoverty.i18n import Lang, Message, _, _n, language, localize, number
from mdpoverty.model.document import Document
from mdpoverty.values._validation import (
    STR,
    TEXT,
    Items,
    Reason,
    checks,
    instance_of,
    is_text,
    nfc,
    to_tuple,
    trusted,
    tuple_of,
    validate,
)
from mdpoverty.values.dates import PartialDate, Period
from mdpoverty.values.quantities import Quantity

if TYPE_CHECKING:  # pandas loads with the first table, not with the checks
    import pandas as pd
else:  # the name resolves annotations at run time, and loads pandas only then
    from mdpoverty.values._lazy import pd

__all__ = [
    "Finding",
    "InconsistentPlanError",
    "Report",
    "Rule",
    "Severity",
    "check",
    "get_rule",
    "register",
    "rule",
    "rules",
    "unregister",
]


class Severity(enum.StrEnum):
    """How much a finding matters.

    * ``error``: numbers or facts that cannot all be true as printed;
    * ``warning``: something very likely wrong, or missing, that a reader should look at;
    * ``info``: an imperfection of the text that changes no number.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def word(self) -> Message:
        """The severity as a reader reads it (``error``, ``lỗi``)."""
        return _SEVERITY_WORDS[self]

    @property
    def rank(self) -> int:
        """A sort key, most serious first (0 for errors, 1 for warnings, 2 for information)."""
        return list(Severity).index(self)


_SEVERITY_WORDS = {
    Severity.ERROR: _("error"),
    Severity.WARNING: _("warning"),
    Severity.INFO: _("info"),
}


def show(value: object, lang: Lang = "en") -> str:  # noqa: PLR0911  (a return a kind of value)
    """A value as a finding prints it: numbers in the notation of ``lang``, ranges as
    ``low–high``, dates in ISO, years as they are written, text quoted."""
    if isinstance(value, Quantity):
        return value.localized(lang)
    if isinstance(value, tuple):
        return "(" + ", ".join(show(v, lang) for v in value) + ")"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return (
            number(value, lang)
            if not isinstance(value, Decimal) or value.is_finite()
            else str(value)
        )
    if isinstance(value, PartialDate | Period):  # a date, a year or years: never 2.024
        return str(value)
    if isinstance(value, Message):
        return repr(value.render(lang))
    if isinstance(value, str):
        return repr(value)
    return "-" if value is None else repr(value)


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return is_text(value)
    return _("must be one line") if "\n" in value else is_text(value)


@attrs.frozen
class Finding:
    """One thing in a plan that does not agree with the rest of it.

    ``actual`` is the value the document prints at ``location``; ``expected`` is what the rest
    of the document implies there (a value, a :class:`~mdpoverty.values.quantities.Quantity` range of
    acceptable values, or a short description such as ``'before 2024-03'``).

    >>> finding = Finding("funding.sources-sum", Severity.ERROR, "components/DA3/funding",
    ...                   "the declared total is not the sum of its sources",
    ...                   expected=Decimal(90), actual=Decimal(100))
    >>> print(finding)
    error funding.sources-sum components/DA3/funding: the declared total is not the sum of its sources (expected 90, actual 100)

    Attributes:
        rule: The id of the rule that found it, e.g. ``funding.sources-sum``.
        severity: Error, warning or information.
        location: Where in the plan, as a path (see :func:`mdpoverty.checks.resolve`).
        message: What is wrong, in one line.
        expected: What the rest of the plan implies.
        actual: What the plan says.
    """  # noqa: E501  (a doctest's output is one line)

    rule: str = attrs.field(metadata=TEXT)
    severity: Severity = attrs.field(metadata=checks(instance_of(Severity)))
    location: str = attrs.field(metadata=TEXT)
    message: str = attrs.field(converter=nfc, metadata=checks(_one_line))
    expected: FindingValue = None
    actual: FindingValue = None

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang | None = None) -> str:
        """The finding as a line in ``lang`` (by default :func:`~mdpoverty.i18n.language`):
        its severity, rule id and location (the same in every language: they are for
        programs), then its message and values.

        >>> finding = Finding("dates.annex", Severity.ERROR, "annex/date", "differs",
        ...                   expected=Decimal("1021.5"), actual=Decimal(949))
        >>> finding.text("vi")
        'lỗi dates.annex annex/date: differs (mong đợi 1.021,5, thực tế 949)'
        """
        lang = language(lang)
        return localize(
            _(
                "{severity} {rule} {location}: {message} (expected {expected}, actual {actual})",
                severity=self.severity.word,
                rule=self.rule,
                location=self.location,
                message=localize(self.message, lang),
                expected=show(self.expected, lang),
                actual=show(self.actual, lang),
            ),
            lang,
        )


def _findings_of(value: object) -> Reason:
    return tuple_of(instance_of(Finding))(value)


def _finding_items(value: Items[Finding]) -> tuple[Finding, ...]:
    return to_tuple(value)


def _text_items(value: Items[str]) -> tuple[str, ...]:
    return to_tuple(value)


@attrs.frozen
class Report:
    """The findings of :func:`check` on a plan, in the order of the rules.

    A report is a sequence of :class:`Finding` (iterate it, ``len()`` it), filterable by
    severity and rule; it prints one line per finding, becomes a DataFrame with
    :meth:`to_frame`, and an exception with :meth:`raise_for_errors`.

    >>> report = Report((Finding("dates.annex", Severity.ERROR, "annex/date", "differs",
    ...                          expected=PartialDate(2024, 3), actual=PartialDate(2024, 4)),))
    >>> report.has_errors, len(report.filter(severity="warning"))
    (True, 0)
    >>> print(report)
    error dates.annex annex/date: differs (expected 2024-03, actual 2024-04)

    Attributes:
        findings: The findings.
        rules: The ids of the rules that ran.
    """

    findings: tuple[Finding, ...] = attrs.field(
        default=(), converter=_finding_items, metadata=checks(_findings_of)
    )
    rules: tuple[str, ...] = attrs.field(default=(), converter=_text_items)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __getitem__(self, index: int) -> Finding:
        return self.findings[index]

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def filter(
        self,
        *,
        severity: Severity | str | None = None,
        rule: str | Iterable[str] | None = None,
        location: str | None = None,
    ) -> Report:
        """The findings of ``severity``, of the rules ``rule`` selects, at or under ``location``.

        ``rule`` selects as :func:`check`'s ``select`` does: ``"funding"`` is every
        ``funding.*`` rule.  ``location`` keeps the findings at that path or inside it.
        """
        wanted = None if severity is None else Severity(severity)
        selectors = None if rule is None else _selectors(rule)
        return Report(
            tuple(
                f
                for f in self.findings
                if (wanted is None or f.severity is wanted)
                and (selectors is None or any(_selects(s, f.rule) for s in selectors))
                and (location is None or _selects(location, f.location, "/"))
            ),
            self.rules,
        )

    def summary(self, lang: Lang = "en") -> str:
        """A count of the findings by severity, e.g. ``2 errors, 1 warning, 0 info``.

        >>> Report().summary("vi")
        '0 lỗi, 0 cảnh báo, 0 thông tin'
        """
        counts = {s: sum(1 for f in self.findings if f.severity is s) for s in Severity}
        e, w, i = counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO]
        return localize(
            _(
                "{errors}, {warnings}, {info} info",
                errors=_n("{n} error", "{n} errors", e),
                warnings=_n("{n} warning", "{n} warnings", w),
                info=i,
            ),
            lang,
        )

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang | None = None) -> str:
        """The findings in ``lang`` (by default :func:`~mdpoverty.i18n.language`), a line each."""
        lang = language(lang)
        if not self.findings:
            return localize(_("no findings ({n} rules checked)", n=len(self.rules)), lang)
        return "\n".join(f.text(lang) for f in self.findings)

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """The findings as a DataFrame, a row each.

        Columns: ``rule``, ``severity`` and ``location``, ``message`` (in ``lang``),
        ``expected`` and ``actual`` (the values themselves, object dtype).

        >>> Report().to_frame().columns.tolist()
        ['rule', 'severity', 'location', 'message', 'expected', 'actual']
        """
        import pandas as pd  # noqa: PLC0415  (pandas loads with the first table)

        columns = ("rule", "severity", "location", "message", "expected", "actual")
        return pd.DataFrame(
            {
                name: pd.Series(
                    [
                        str(f.severity)
                        if name == "severity"
                        else localize(f.message, lang)
                        if name == "message"
                        else getattr(f, name)
                        for f in self.findings
                    ],
                    dtype=object,
                )
                for name in columns
            }
        )

    def to_records(self, lang: Lang = "en") -> list[dict[str, JSONValue]]:
        """The findings as JSON-ready mappings, one each, with their messages in ``lang``, that
        follow :data:`~mdpoverty.checks.records.FINDING_SCHEMA`: numbers as strings of their digits,
        dates in ISO, ranges as ``{"low": …, "high": …}`` (see :mod:`mdpoverty.checks.records`).

        >>> import json
        >>> report = Report((Finding("funding.sources-sum", Severity.ERROR, "components/DA3",
        ...                          "differs", expected=Decimal("949"), actual=Decimal("1021")),))
        >>> print(json.dumps(report.to_records()[0]))  # doctest: +NORMALIZE_WHITESPACE
        {"rule": "funding.sources-sum", "severity": "error", "location": "components/DA3",
         "message": "differs", "expected": "949", "actual": "1021"}
        """
        return [finding_record(f, lang) for f in self.findings]

    def raise_for_errors(self) -> None:
        """Raise :class:`InconsistentPlanError` if the report holds errors; else do nothing."""
        if self.has_errors:
            raise InconsistentPlanError(self)


# -- rules and the registry ---------------------------------------------------------------------


def _rule_id(value: object) -> str | None:
    if not isinstance(value, str):
        return is_text(value)
    parts = value.split(".")
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-_")
    if len(parts) < 2 or not all(p and set(p) <= allowed for p in parts):
        return _("must be dotted lowercase words, e.g. {example!r}", example="funding.sources-sum")
    return None


def _callable(value: object) -> str | None:
    return None if callable(value) else _("must be callable")


RuleFunction = Callable[[Document], Iterable[Finding]]


@attrs.frozen
class Rule:
    """A consistency rule: its documentation as data, and the function that applies it.

    Attributes:
        id: A stable, dotted id; its first part is the rule's group (``funding``, ``annex``,
            ``headline``, ``agencies``, ``dates``, ``deficit``, ``programme``, or a user's own).
        severity: The severity of its findings.
        title: What the rule requires, in one line.
        rationale: Why: the arithmetic or the administrative practice behind it.
        tolerance: Which differences it accepts, and the reading of the document's rounding
            that justifies them.
        function: ``plan -> Iterable[Finding]``.
    """

    id: str = attrs.field(metadata=checks(_rule_id))
    severity: Severity = attrs.field(metadata=checks(instance_of(Severity)))
    title: str = attrs.field(converter=nfc, metadata=TEXT)
    rationale: str = attrs.field(converter=nfc, metadata=TEXT)
    tolerance: str = attrs.field(converter=nfc, metadata=STR)
    function: RuleFunction = attrs.field(eq=False, repr=False, metadata=checks(_callable))

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def group(self) -> str:
        """The first part of the id, e.g. ``funding``."""
        return self.id.split(".", 1)[0]

    def __call__(self, plan: Document) -> tuple[Finding, ...]:
        """The findings of this rule alone on ``plan``."""
        return tuple(self.function(plan))

    def finding(
        self,
        location: str,
        message: str,
        *,
        expected: FindingValue = None,
        actual: FindingValue = None,
    ) -> Finding:
        """A finding of this rule, at its severity."""
        message = nfc(message)
        if is_text(location) is None and _one_line(message) is None:
            # What Finding(...) makes, without checking again the rule's own id and severity
            # (a check makes thousands of findings); any other problem is raised by Finding.
            return trusted(
                Finding,
                rule=self.id,
                severity=self.severity,
                location=location,
                message=message,
                expected=expected,
                actual=actual,
            )
        return Finding(self.id, self.severity, location, message, expected, actual)


_REGISTRY: dict[str, Rule] = {}


def register(new: Rule, *, replace: bool = False) -> Rule:
    """Add ``new`` to the registry that :func:`check` runs; returns it.

    Raises:
        ValidationError: if a rule with the same id is registered and ``replace`` is false.
    """
    if not isinstance(new, Rule):
        raise ValidationError([Problem("register", "rule", new, _("must be a Rule"))])
    if new.id in _REGISTRY and not replace:
        raise ValidationError([Problem("Rule", "id", new.id, _("is already registered"))])
    _REGISTRY[new.id] = new
    return new


def unregister(rule_id: str) -> Rule:
    """Remove the rule ``rule_id`` from the registry; returns it."""
    expect("unregister", rule_id=(rule_id, str))
    try:
        return _REGISTRY.pop(rule_id)
    except KeyError:
        raise UnknownNameError(_("no registered rule {rule!r}", rule=rule_id)) from None


def get_rule(rule_id: str) -> Rule:
    """The registered rule ``rule_id``."""
    expect("get_rule", rule_id=(rule_id, str))
    try:
        return _REGISTRY[rule_id]
    except KeyError:
        raise UnknownNameError(_("no registered rule {rule!r}", rule=rule_id)) from None


def rule(
    rule_id: str, severity: Severity, *, title: str, rationale: str, tolerance: str = ""
) -> Callable[[RuleFunction], Rule]:
    """A decorator that makes a function a :class:`Rule` and registers it.

    The decorated name is the rule, so its function can make findings with it:

    >>> @rule("example.no-units", Severity.WARNING, title="A plan has units",
    ...       rationale="An area-wide plan sets its targets per unit.")
    ... def no_units(plan):
    ...     if not plan.units:
    ...         yield no_units.finding("units", "the plan has no units", expected="a unit")
    >>> no_units.id, no_units in rules()
    ('example.no-units', True)
    >>> _ = unregister("example.no-units")
    """
    expect("rule", rule_id=(rule_id, str), severity=(severity, Severity))

    def make(function: RuleFunction) -> Rule:
        return register(Rule(rule_id, severity, title, rationale, tolerance, function))

    return make


def _order_groups(groups: tuple[str, ...]) -> None:
    """Put the registered rules in the order of ``groups`` (others after, in their order)."""
    rank = {g: n for n, g in enumerate(groups)}
    ordered = sorted(_REGISTRY.values(), key=lambda r: rank.get(r.group, len(groups)))
    _REGISTRY.clear()
    _REGISTRY.update((r.id, r) for r in ordered)


def _selects(selector: str, name: str, sep: str = ".") -> bool:
    return name == selector or name.startswith(selector + sep)


def _selectors(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def rules(
    *, select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None
) -> tuple[Rule, ...]:
    """The registered rules in registration order, as ``select`` and ``ignore`` choose.

    A selector is a rule id or a group: ``"funding"`` stands for every ``funding.*`` rule.

    >>> [r.id for r in rules(select="funding")]  # doctest: +NORMALIZE_WHITESPACE
    ['funding.sources-sum', 'funding.capital-sum', 'funding.year-sum', 'funding.unit-sum',
     'funding.parent-sum', 'funding.plan-total']

    Raises:
        UnknownNameError: if a selector matches no registered rule (a misspelt id would
            otherwise silently check nothing).
    """
    chosen = tuple(_selectors(select)) if select is not None else None
    dropped = tuple(_selectors(ignore)) if ignore is not None else ()
    unknown = [
        s
        for s in (*(chosen or ()), *dropped)
        if not any(_selects(s, rule_id) for rule_id in _REGISTRY)
    ]
    if unknown:
        raise UnknownNameError(
            _(
                "no registered rule or group {unknown}; the rules are {rules}",
                unknown=tuple(map(repr, unknown)),
                rules=tuple(_REGISTRY),
            )
        )
    return tuple(
        r
        for r in _REGISTRY.values()
        if (chosen is None or any(_selects(s, r.id) for s in chosen))
        and not (dropped and any(_selects(s, r.id) for s in dropped))
    )


def check(
    plan: Document,
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> Report:
    """Check ``plan`` against the registered rules and report every finding.

    A plan whose numbers disagree is well-formed: its disagreements are findings, never
    exceptions.  ``select`` and ``ignore`` choose rules by id or group (see :func:`rules`).

    A rule never raises out of ``check``: where one fails on something it cannot judge, the
    report holds an error finding of that rule at the plan's root (``.``) that says so, and
    the other rules still run.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> report = check(bac_kan_2024())
    >>> report.has_errors
    True
    >>> [f.location for f in report.filter(rule="funding")]
    ['components/DA3.TDA1/funding']
    >>> len(check(bac_kan_2024(), select="annex"))
    0
    """
    if not isinstance(plan, Document):
        raise ValidationError([Problem("check", "plan", plan, _("must be a Document"))])
    chosen = rules(select=select, ignore=ignore)
    findings = [f for r in chosen for f in _run(r, plan)]
    return Report(findings, tuple(r.id for r in chosen))


def _run(chosen: Rule, plan: Document) -> tuple[Finding, ...]:
    """The findings of one rule; its failure, if it fails, as a finding of its own."""
    try:
        return chosen(plan)
    except Exception as error:
        text = " ".join(str(error).split())[:200] or _("(no message)")
        return (
            Finding(
                chosen.id,
                Severity.ERROR,
                ".",
                _(
                    "the rule could not judge the plan: {error}: {text}",
                    error=type(error).__name__,
                    text=text,
                ),
            ),
        )
