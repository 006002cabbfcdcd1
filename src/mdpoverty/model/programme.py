"""Programme components (Dự án → Tiểu dự án → Hoạt động) and their funding."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from mdpoverty.errors import Problem
from mdpoverty.model.references import LegalReference
from mdpoverty.values._validation import (
    MONEY,
    STR,
    TEXT,
    Items,
    checks,
    instance_of,
    is_component_code,
    is_identifier,
    is_str,
    lazy_instance_of,
    nfc,
    nfc_tuple,
    optional,
    resolve_init,
    to_tuple,
    tuple_of,
    unique,
    validate,
)

__all__ = [
    "SOURCES",
    "SOURCE_NAMES_VI",
    "CapitalKind",
    "FundingSource",
    "FundingSourceKind",
    "FundingSplit",
    "Level",
    "ProjectComponent",
    "ancestor",
    "code_level",
]

SOURCES = ("central", "local", "other")
"""The sources of a :class:`FundingSplit`, in printed order (its fields of the same names)."""

SOURCE_NAMES_VI = {
    "central": "ngân sách trung ương",
    "local": "ngân sách địa phương",
    "other": "khác",
}
"""How documents name the sources: NSTW, NSĐP and other contributions."""


class CapitalKind(enum.StrEnum):
    """Kinds of public capital a component is funded from."""

    RECURRENT = "recurrent"  #: vốn sự nghiệp
    INVESTMENT = "investment"  #: vốn đầu tư phát triển

    @property
    def vi(self) -> str:
        return {"recurrent": "vốn sự nghiệp", "investment": "vốn đầu tư phát triển"}[self.value]


@attrs.frozen
class FundingSplit:
    """A funding plan as the document states it, in million VND (triệu đồng).

    Each amount is ``None`` where the document does not state it, which is not the same as
    zero.  The declared total is kept as printed; whether it equals the sum of the sources is
    for the consistency checks to say, not for the model to enforce.

    >>> split = FundingSplit(total=Decimal(517), central=Decimal(502), local=Decimal(15))
    >>> split.sources_sum
    Decimal('517')

    Attributes:
        total: The declared total.
        central: From the central budget (ngân sách trung ương, NSTW).
        local: From the local budget (ngân sách địa phương, NSĐP).
        other: From other sources (credit, contributions, …).
        capital: The kind of capital, where stated.
    """

    UNIT = "million VND"
    """The unit of every amount (triệu đồng)."""

    total: Decimal | None = attrs.field(default=None, metadata=MONEY)
    central: Decimal | None = attrs.field(default=None, metadata=MONEY)
    local: Decimal | None = attrs.field(default=None, metadata=MONEY)
    other: Decimal | None = attrs.field(default=None, metadata=MONEY)
    capital: CapitalKind | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(CapitalKind)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    @property
    def sources(self) -> dict[str, Decimal | None]:
        """The amount of each source, ``None`` where not stated."""
        return {source: getattr(self, source) for source in SOURCES}

    @property
    def sources_sum(self) -> Decimal | None:
        """The sum of the stated sources, or ``None`` when no source is stated."""
        stated = [v for v in self.sources.values() if v is not None]
        return sum(stated, Decimal(0)) if stated else None

    @property
    def amount(self) -> Decimal | None:
        """The declared total, or else the sum of the sources."""
        return self.total if self.total is not None else self.sources_sum


class Level(enum.IntEnum):
    """The depth of a component in the programme."""

    PROJECT = 1  #: Dự án
    SUBPROJECT = 2  #: Tiểu dự án
    ACTIVITY = 3  #: Hoạt động

    @property
    def vi(self) -> str:
        return ("Dự án", "Tiểu dự án", "Hoạt động")[self - 1]


def code_level(code: str) -> Level:
    """The level of the component with ``code``: ``DA3.TDA2`` is a sub-project."""
    return Level(code.count(".") + 1)


def ancestor(code: str, level: int) -> str:
    """The code of ``code``'s ancestor at ``level`` (``code`` itself when not deeper).

    >>> ancestor("DA3.TDA2.HD1", Level.SUBPROJECT), ancestor("DA3", Level.ACTIVITY)
    ('DA3.TDA2', 'DA3')
    """
    return ".".join(code.split(".")[:level])


def _project_component_items(value: Items[ProjectComponent]) -> tuple[ProjectComponent, ...]:
    return to_tuple(value)


@attrs.frozen
class ProjectComponent:
    """A Dự án, Tiểu dự án or Hoạt động of the programme, with its children.

    The code places the component in the programme catalog of Decision 90/QĐ-TTg:
    ``DA3`` is Dự án 3, ``DA3.TDA1`` its Tiểu dự án 1, ``DA3.TDA2.HD1`` Hoạt động 1 of
    Tiểu dự án 2.  A child's code extends its parent's.

    Attributes:
        code: The catalog code, e.g. ``DA4.TDA3``.
        name: The name as printed.
        section: The number of the section describing it, e.g. ``III.2.3.2``.
        description: What the plan says will be done, paragraph by paragraph.
        lead: The ``id`` of the agency that leads it (chủ trì), or ``None`` if none is named.
        implementation: The sentence naming the lead and the partners, as printed.
        funding: The funding plan, where stated.
        children: Sub-components in printed order.
        name_en: An English name, or ``""``.
    """

    code: str = attrs.field(metadata=checks(is_component_code))
    name: str = attrs.field(converter=nfc, metadata=TEXT)
    section: str = attrs.field(default="", converter=nfc, metadata=STR)
    description: tuple[str, ...] = attrs.field(
        default=(), converter=nfc_tuple, metadata=checks(tuple_of(is_str))
    )
    lead: str | None = attrs.field(default=None, metadata=checks(optional(is_identifier)))
    implementation: str = attrs.field(default="", converter=nfc, metadata=STR)
    funding: FundingSplit | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(FundingSplit)))
    )
    children: tuple[ProjectComponent, ...] = attrs.field(
        default=(),
        converter=_project_component_items,
        metadata=checks(
            tuple_of(lazy_instance_of(lambda: ProjectComponent)), unique("code", "code")
        ),
    )
    name_en: str = attrs.field(default="", converter=nfc, metadata=STR)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _problems(self) -> Iterator[Problem]:
        for child in self.children:
            if child.code.rsplit(".", 1)[0] != self.code:
                yield Problem(
                    f"ProjectComponent {self.code!r}",
                    "children",
                    child.code,
                    f"must extend the parent's code {self.code!r}",
                )

    @property
    def level(self) -> Level:
        return code_level(self.code)

    @property
    def number(self) -> int:
        """The component's own number within its parent (3 for ``DA4.TDA3``)."""
        return int(self.code.rsplit(".", 1)[-1].lstrip("ADHPT"))

    def walk(self) -> Iterator[ProjectComponent]:
        """This component and all its descendants, depth first in printed order."""
        yield self
        for child in self.children:
            yield from child.walk()


resolve_init(ProjectComponent)  # its fields hold items of itself


class FundingSourceKind(enum.StrEnum):
    """Kinds of funding a plan draws on (section IV)."""

    PROGRAMME = "programme"  #: the programme's own allocation
    INTEGRATION = "integration"  #: lồng ghép with other national target programmes
    POLICY_CREDIT = "policy-credit"  #: tín dụng chính sách xã hội
    MOBILISED = "mobilised"  #: xã hội hóa (contributions of people and organisations)
    OTHER = "other"


@attrs.frozen
class FundingSource:
    """One source of funds named in section IV, with the decision it rests on, if cited."""

    kind: FundingSourceKind = attrs.field(metadata=checks(instance_of(FundingSourceKind)))
    text: str = attrs.field(converter=nfc, metadata=TEXT)
    number: str = attrs.field(default="", converter=nfc, metadata=STR)
    reference: LegalReference | None = attrs.field(
        default=None, metadata=checks(optional(instance_of(LegalReference)))
    )

    def __attrs_post_init__(self) -> None:
        validate(self)
