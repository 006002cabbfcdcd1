"""Programme components (Dự án → Tiểu dự án → Hoạt động) and their funding (the funding
itself is :mod:`mdpoverty.model.funding`, re-exported here)."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from mdpoverty.errors import Problem
from mdpoverty.i18n import _
from mdpoverty.model.funding import (
    FUNDING_SOURCES,
    SOURCE_NAMES_VI,
    SOURCES,
    Allocation,
    CapitalKind,
    FundingKey,
    FundingSplit,
)
from mdpoverty.model.references import LegalReference
from mdpoverty.values._validation import (
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
    "FUNDING_SOURCES",
    "SOURCES",
    "SOURCE_NAMES_VI",
    "Allocation",
    "CapitalKind",
    "FundingKey",
    "FundingSource",
    "FundingSourceKind",
    "FundingSplit",
    "Level",
    "ProjectComponent",
    "ancestor",
    "code_level",
]


class Level(enum.IntEnum):
    """The depth of a component in the programme."""

    PROJECT = 1  #: Dự án (or Hợp phần, the top level of the 2026–2035 programme)
    SUBPROJECT = 2  #: Tiểu dự án (or Nội dung)
    ACTIVITY = 3  #: Hoạt động
    DETAIL = 4  #: a plan's own subdivision below an activity

    @property
    def vi(self) -> str:
        return ("Dự án", "Tiểu dự án", "Hoạt động", "Nội dung chi tiết")[self - 1]


def code_level(code: str) -> Level:
    """The level of the component with ``code``: ``DA3.TDA2`` is a sub-project, ``HP1`` a
    top-level component.

    >>> code_level("DA3.TDA2"), code_level("HP1"), code_level("HP1.ND2.1.2")
    (<Level.SUBPROJECT: 2>, <Level.PROJECT: 1>, <Level.DETAIL: 4>)
    """
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

    The code places the component in the programme's catalog: under Decision 90/QĐ-TTg
    ``DA3`` is Dự án 3, ``DA3.TDA1`` its Tiểu dự án 1, ``DA3.TDA2.HD1`` Hoạt động 1 of
    Tiểu dự án 2; under the 2026–2035 programme ``HP1`` is Hợp phần 1, and a plan may number
    its own parts below a catalog entry (``HP1.ND2``, ``HP1.ND2.1``).  A child's code extends
    its parent's.

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
            tuple_of(lazy_instance_of(lambda: ProjectComponent)), unique("code", _("code"))
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
                    _("must extend the parent's code {code!r}", code=self.code),
                )

    @property
    def level(self) -> Level:
        return code_level(self.code)

    @property
    def number(self) -> int:
        """The component's own number within its parent (3 for ``DA4.TDA3``)."""
        return int(self.code.rsplit(".", 1)[-1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))

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
