"""Plan files: YAML or JSON documents that hold a whole plan, loaded into the model and saved back.

The format is the model's own fields, by name (see :doc:`/howto/encode-a-plan` and the JSON
Schema :func:`mdpoverty.io.schema.plan_schema`).  Fields left at their default are left out;
enums are written by value (``kind: ward``); a date is ISO text at the precision the document
gives (``2024-03`` for "tháng 3 năm 2024"); a target's value is a number, or ``{low: …, high:
…}`` for a range.

YAML is read with PyYAML's *safe* loader (no object construction, no code), changed so that
numbers and dates stay exact: a number with a decimal point is a :class:`~decimal.Decimal` with
its digits, a date stays text, and forms YAML 1.1 would silently reinterpret (``017`` as an
octal 15, ``1:30`` as 90) stay text, so that they are reported rather than misread.  Anchors
and aliases are refused.  JSON holds Decimals as strings (``"1.15"``), which keeps their digits.

Loading reports every problem at once in one :class:`PlanFileError`: each with the path inside
the document (``units/3/poor_households``), the line where YAML gives one, the value and the
reason.  Problems of form (a wrong type, an unknown field, a negative count) come first; the
plan's cross-references (a target naming an unknown unit) are checked once every part is
well-formed.

>>> plan = read_plan_text('''
... kind: plan
... header: {issuer: UBND xã A, date: 2024-03, title: KẾ HOẠCH}
... area: {name: xã A, kind: commune}
... period: {start: 2024}
... standard: decree-07-2021
... units:
...   - {id: thon-1, name: Thôn 1, kind: commune, households: 120, poor_households: 9}
... ''')
>>> plan.header.date, plan.units[0].poverty_rate
(PartialDate('2024-03'), Decimal('7.50'))
>>> read_plan_text(write_plan_text(plan)) == plan
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, Literal, TypeAlias, TypeVar, cast, overload

from mdpoverty.errors import (
    NO_VALUE,
    FileProblem,
    MdpovertyError,
    PlanFileError,
    Problem,
    ValidationError,
    _alternatives,
    expect,
    message_of,
    shorten,
)
from mdpoverty.i18n import _
from mdpoverty.io._atomic import write_text_atomically
from mdpoverty.io._convert import converter
from mdpoverty.io._data_problems import conversion_problems, unknown_ids, with_lines
from mdpoverty.io._dialects import (
    DecimalEncoder,
    dump_yaml,
)
from mdpoverty.io._parse import parse_json, parse_yaml, walk_data
from mdpoverty.io._sources import (
    Source,
    check_source,
    decoded,
    read_limited,
    refuse,
    too_large,
)
from mdpoverty.model.document import DOCUMENT_CLASSES, Document, DocumentType
from mdpoverty.values.bounds import MAX_FILE_BYTES

__all__ = [
    "PlanSource",
    "format_of",
    "load_plan",
    "plan_from_data",
    "plan_to_data",
    "read_plan_text",
    "save_plan",
    "update_plan",
    "write_plan_text",
]

Format = Literal["yaml", "json"]

# -- plan <-> data ------------------------------------------------------------------------------


def plan_to_data(document: Document) -> dict[str, Any]:
    """The document as plain data: the content of a plan file, its ``kind`` first.

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> data = plan_to_data(bac_kan_2024())
    >>> data["kind"], data["header"]["date"], data["units"][0]["households"]
    ('plan', '2024-03', 2347)
    """
    expect("plan_to_data", document=(document, Document))
    fields: dict[str, Any] = converter.unstructure(document)
    return {"kind": document.kind.value, **fields}


def plan_from_data(data: object, source: str = "<data>") -> Document:
    """A document from plain data (the content of a plan file): a plan, review or report,
    as its ``kind`` says.

    Raises:
        mdpoverty.errors.PlanFileError: The data does not describe a valid document; the error lists
            every problem with its location inside the data.

    >>> plan_from_data({"kind": "review", "standard": "decree-07-2021", "colour": "blue"})
    Traceback (most recent call last):
    ...
    mdpoverty.errors.PlanFileError: <data>: 4 problems:
      - header: is required but missing
      - area: is required but missing
      - period: is required but missing
      - colour: is not a field of Review
    """
    return _plan_from_data(data, source, {})


def _plan_from_data(
    data: object, source: str, lines: Mapping[str, int], *, walked: bool = False
) -> Document:
    if not isinstance(data, dict):
        if data is None:
            problem = FileProblem("", _("is empty"), line=lines.get(""), code="empty")
        else:
            what = _("must hold a mapping of fields, not {data}", data=shorten(data, 40))
            problem = FileProblem("", what, line=lines.get(""), code="wrong-type")
        raise PlanFileError(source, [problem])
    shape = [] if walked else walk_data(data)  # YAML's walk has checked the shape
    if shape:
        raise PlanFileError(source, with_lines(shape, lines))
    kind = data.get("kind")
    # DocumentType is a StrEnum: a member hashes and compares as its text, so the text is a key.
    cls = DOCUMENT_CLASSES.get(cast("DocumentType", kind)) if isinstance(kind, str) else None
    if cls is None:
        reason = (
            _(
                "is required: plan, review or report.  A file written for mdpoverty 0.1 holds a "
                "plan: add 'kind: plan' at its top, and write each target's 'unit' as 'about'"
            )
            if kind is None
            else _("must be plan, review or report")
        )
        value = NO_VALUE if kind is None else kind
        code = "missing-field" if kind is None else "invalid-value"
        problem = FileProblem("kind", reason, value, code=code)
        raise PlanFileError(source, with_lines([problem], lines))
    fields = {key: value for key, value in data.items() if key != "kind"}
    try:
        document = converter.structure(fields, cls)
    except Exception as error:  # every failure of structuring is reported as a file problem
        try:
            problems = list(conversion_problems(error, "", data))
        except RecursionError:  # pragma: no cover - the depth check above prevents it
            problems = []
        if not problems:
            reason = _("cannot be read as a plan: {why}", why=message_of(error))
            problems = [FileProblem("", reason)]
        raise PlanFileError(source, with_lines(problems, lines)) from error
    unknown = unknown_ids(document)
    if unknown:
        raise PlanFileError(source, with_lines(unknown, lines))
    return document


# -- text and files -----------------------------------------------------------------------------

_YAML_OR_JSON = _("must be 'yaml' or 'json'")

_FORMATS: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def format_of(path: str | os.PathLike[str]) -> Format:
    """The plan-file format of ``path``, by its extension (``.yaml``, ``.yml``, ``.json``).

    >>> format_of("plan.yml")
    'yaml'
    """
    expect("format_of", path=(path, (str, os.PathLike)))
    file = Path(path)
    try:
        return _FORMATS[file.suffix.lower()]
    except KeyError:
        raise PlanFileError(
            str(file),
            [
                FileProblem(
                    "",
                    _("has the extension {suffix!r}; use .yaml, .yml or .json", suffix=file.suffix),
                    code="bad-extension",
                )
            ],
        ) from None


def read_plan_text(text: str, fmt: Format = "yaml", source: str = "<text>") -> Document:
    """A plan from the text of a plan file in ``fmt`` (``"yaml"`` or ``"json"``).

    Raises:
        mdpoverty.errors.PlanFileError: The text is not valid YAML or JSON, or does not describe a
            valid plan; the error lists every problem with its path inside the document (and its
            line, in YAML).

    >>> read_plan_text('{"kind": "plan", "standard": 2022}', "json", source="plan.json")
    Traceback (most recent call last):
    ...
    mdpoverty.errors.PlanFileError: plan.json: 4 problems:
      - header: is required but missing
      - area: is required but missing
      - period: is required but missing
      - standard = 2022: must be text, not a number (put it in quotes to make it text)
    """
    _check_text_arguments(text, fmt, source)
    if len(text) > MAX_FILE_BYTES:
        raise PlanFileError(source, [_too_large("characters")])
    if fmt == "json":
        return _plan_from_data(parse_json(text, source), source, {})
    data, lines = parse_yaml(text, source)
    return _plan_from_data(data, source, lines, walked=True)


def _check_text_arguments(text: object, fmt: object, source: object) -> None:
    """Refuse, all at once, arguments that :func:`read_plan_text` cannot take (typed as
    ``object``: a caller without a type checker may pass anything)."""
    problems = []
    if not isinstance(text, str):
        reason = _("must be the text of a plan file (load_plan reads paths, bytes and streams)")
        problems.append(Problem("read_plan_text", "text", text, reason, code="wrong-type"))
    if fmt not in ("yaml", "json"):
        problems.append(Problem("read_plan_text", "fmt", fmt, _YAML_OR_JSON))
    if not isinstance(source, str):
        problems.append(Problem("read_plan_text", "source", source, _("must be text")))
    if problems:
        raise ValidationError(problems)


def write_plan_text(plan: Document, fmt: Format = "yaml") -> str:
    """The text of a plan file holding ``plan``, in ``fmt`` (``"yaml"`` or ``"json"``).

    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> print(*write_plan_text(bac_kan_2024()).splitlines()[:3], sep=chr(10))
    kind: plan
    header:
      issuer: UBND thành phố Bắc Kạn
    """
    expect("write_plan_text", plan=(plan, Document))
    return _data_text(plan_to_data(plan), fmt)


def _data_text(data: dict[str, Any], fmt: Format) -> str:
    """The text of a plan file holding ``data`` (:func:`plan_to_data`), in ``fmt``."""
    if fmt == "json":
        return json.dumps(data, cls=DecimalEncoder, ensure_ascii=False, indent=2) + "\n"
    if fmt != "yaml":
        raise ValidationError([Problem("write_plan_text", "fmt", fmt, _YAML_OR_JSON)])
    return dump_yaml(data)


PlanSource: TypeAlias = Source
"""What :func:`load_plan` reads (a path, the bytes of a file, or a file object open for
reading, binary or text: an upload, ``io.BytesIO``, ``io.StringIO``).  A ``str`` is always a
path: the text of a plan goes to :func:`read_plan_text`, or in an ``io.StringIO``."""

D = TypeVar("D", bound=Document)

_DOCUMENT_TYPES = {cls: kind for kind, cls in DOCUMENT_CLASSES.items()}


@overload
def load_plan(
    source: PlanSource, *, name: str | None = None, fmt: Format | None = None, kind: None = None
) -> Document: ...
@overload
def load_plan(
    source: PlanSource, *, name: str | None = None, fmt: Format | None = None, kind: type[D]
) -> D: ...
def load_plan(
    source: PlanSource,
    *,
    name: str | None = None,
    fmt: Format | None = None,
    kind: type[Document] | None = None,
) -> Document:
    """The plan (or review, or report) in a YAML or JSON plan file.

    Args:
        source: A path, the file's bytes, or a file object open for reading (see
            :data:`~mdpoverty.io.files.PlanSource`).  No more than
            :data:`~mdpoverty.values.bounds.MAX_FILE_BYTES` is read from it, and bytes must
            be UTF-8 (a byte-order mark is skipped).
        name: How messages name the source (``"upload.yaml"``); by default the path, or
            ``"<stream>"``, ``"<bytes>"``.  Its extension gives the format where ``fmt`` does not.
        fmt: ``"yaml"`` or ``"json"``; by default the extension of the path or ``name``; a
            stream or bytes without either is JSON if it starts with ``{``, else YAML.
        kind: The class of document wanted (:class:`~mdpoverty.Plan`, :class:`~mdpoverty.Review`,
            :class:`~mdpoverty.ImplementationReport`); a file that holds another kind is refused
            with a problem of code ``wrong-kind``.  Type checkers narrow the result to it.

    Raises:
        mdpoverty.errors.PlanFileError: The source cannot be read, or does not hold a valid plan
            (of ``kind``); the error lists every problem with its path inside the document and
            its :attr:`~mdpoverty.errors.FileProblem.code` (``too-large``, ``not-utf8``,
            ``unknown-field`` …, see :data:`~mdpoverty.errors.PROBLEM_CODES`).
        mdpoverty.errors.ValidationError: ``source``, ``name``, ``fmt`` or ``kind`` is not
            of a kind described here.

    >>> import io
    >>> from mdpoverty.reference.datasets import example_path
    >>> load_plan(example_path("bac-kan-2024")).year
    2024
    >>> data = example_path("bac-kan-2024").read_bytes()
    >>> load_plan(io.BytesIO(data), name="upload.yaml") == load_plan(example_path("bac-kan-2024"))
    True
    """
    _check_load_arguments(source, name, fmt, kind)
    label, fmt = _label_and_format(source, name, fmt)
    text = decoded(read_limited(source, label, MAX_FILE_BYTES, "a plan"), label)
    if fmt is None:
        fmt = "json" if text.lstrip().startswith("{") else "yaml"
    document = read_plan_text(text, fmt, label)
    if kind is not None and kind is not Document and not isinstance(document, kind):
        wanted = _DOCUMENT_TYPES[kind]
        reason = _("must be {kind}: {cls} was asked for", kind=wanted.value, cls=kind.__name__)
        problem = FileProblem("kind", reason, document.kind.value, code="wrong-kind")
        raise PlanFileError(label, [problem])
    return document


def _check_load_arguments(source: object, name: object, fmt: object, kind: object) -> None:
    """Refuse, all at once, arguments that are not of the kinds :func:`load_plan` takes."""
    problems = check_source("load_plan", source, name)
    if fmt is not None and fmt not in ("yaml", "json"):
        problems.append(Problem("load_plan", "fmt", fmt, _YAML_OR_JSON))
    if kind is not None and not (isinstance(kind, type) and issubclass(kind, Document)):
        reason = _(
            "must be {kinds}", kinds=_alternatives(["Plan", "Review", "ImplementationReport"])
        )
        problems.append(Problem("load_plan", "kind", kind, reason))
    refuse(problems)


def _label_and_format(
    source: PlanSource, name: str | None, fmt: Format | None
) -> tuple[str, Format | None]:
    """How messages name ``source``, and its format where the arguments or a name say it."""
    if isinstance(source, str | os.PathLike):
        label = str(Path(source)) if name is None else name
        return label, fmt or format_of(label if name is not None else source)
    if name is None:
        label = "<bytes>" if isinstance(source, bytes | bytearray | memoryview) else "<stream>"
        return label, fmt
    if fmt is None and Path(name).suffix:
        fmt = format_of(name)
    return name, fmt


def _too_large(what: str) -> FileProblem:
    # Not read to its end, so its size is not known (a pipe or a device has none).
    return too_large("a plan", MAX_FILE_BYTES, characters=what == "characters")


def update_plan(
    plan: Document, path: str | os.PathLike[str], *, like: str | os.PathLike[str] | None = None
) -> None:
    """Write ``plan`` to ``path`` as :func:`save_plan` does, but where ``path`` (or ``like``,
    the file the plan was read from) is a YAML plan file, keep its comments, key order and
    layout: only the values that changed are rewritten.

    The rewritten text is read back before it is written; if it does not hold exactly
    ``plan``, the plain text of :func:`save_plan` is written instead.
    """
    expect(
        "update_plan",
        plan=(plan, Document),
        path=(path, (str, os.PathLike)),
        like=(like, (str, os.PathLike, type(None))),
    )
    fmt = format_of(path)
    data = plan_to_data(plan)
    text = _data_text(data, fmt)
    old = Path(like if like is not None else path)
    if fmt == "yaml" and old.suffix.lower() in (".yaml", ".yml") and old.is_file():
        text = _kept_layout(data, old, text)
    write_text_atomically(path, text)


def _kept_layout(data: dict[str, Any], old: Path, plain: str) -> str:
    """``old`` rewritten to hold ``data`` (whose YAML text is ``plain``), or ``plain``."""
    from ruamel.yaml.error import YAMLError  # noqa: PLC0415  (only to rewrite a file)

    from mdpoverty.io._roundtrip import merges_into_yaml  # noqa: PLC0415

    try:
        if old.stat().st_size > MAX_FILE_BYTES:
            return plain
        text = old.read_text(encoding="utf-8-sig")
        # First keeping the keys the new data leaves at their default, then without them.
        for merged in merges_into_yaml(text, data):
            if write_plan_text(read_plan_text(merged)) == plain:  # the same plan, every digit
                return merged
    except (MdpovertyError, OSError, ValueError, YAMLError):
        pass  # the old file is no plan file ruamel can rewrite: the plain text
    return plain


def save_plan(
    plan: Document,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    fmt: Format | None = None,
) -> None:
    """Write ``plan`` to ``target`` as YAML or JSON, in UTF-8.

    ``target`` is a path (the format by its extension, unless ``fmt`` says it) or a binary
    stream open for writing (an HTTP response, ``io.BytesIO``; ``fmt`` then defaults to
    YAML).  A file is written whole or not at all: the text is made first, written to a new file
    beside the target, and that file then replaces the target, so a failure at any point leaves
    an existing file as it was.  Comments in an existing YAML file are not kept.

    Raises:
        mdpoverty.errors.ValidationError: ``plan`` is not a document, ``target`` neither a path
            nor a stream, or ``fmt`` neither ``"yaml"`` nor ``"json"``.

    >>> import tempfile, pathlib
    >>> from mdpoverty.reference.datasets import bac_kan_2024
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "plan.json")
    ...     save_plan(bac_kan_2024(), path)
    ...     load_plan(path) == bac_kan_2024()
    True
    """
    problems = []
    given: object = plan
    if not isinstance(given, Document):
        reason = _("must be a {cls}", cls="Document")
        problems.append(Problem("save_plan", "plan", given, reason))
    is_path = isinstance(target, str | os.PathLike)
    if not is_path and not callable(getattr(target, "write", None)):
        reason = _("must be a path or a binary stream open for writing")
        problems.append(Problem("save_plan", "target", target, reason, code="wrong-type"))
    if fmt is not None and fmt not in ("yaml", "json"):
        problems.append(Problem("save_plan", "fmt", fmt, _YAML_OR_JSON))
    if problems:
        raise ValidationError(problems)
    if isinstance(target, str | os.PathLike):
        write_text_atomically(target, write_plan_text(plan, fmt or format_of(target)))
    else:
        target.write(write_plan_text(plan, fmt or "yaml").encode("utf-8"))
