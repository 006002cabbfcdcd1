"""A review sheet in Excel, in the review form's layout (poor and near-poor at the start, the
flows of the year and at the end, each with its ethnic-minority households; urban, rural and
together sections), imports with every figure, each traced to its cell."""

from __future__ import annotations

from pathlib import Path

from mdpoverty.checks import check
from mdpoverty.io.files import load_plan, plan_from_data
from mdpoverty.model.document import Document
from mdpoverty.reading import read_published
from mdpoverty.tables.review_form import review_form
from mdpoverty.tables.review_form_xlsx import write_review_form_xlsx

REVIEW = Path(__file__).parents[1] / "data" / "province-review-flows-2024.yaml"


def _printed(document: Document) -> dict[tuple[str, str, str, str], int]:
    """Every count of the form, by the subject's name, group, start/flow/end and field."""
    names = {u.id: u.name for u in document.units} | {s.id: s.name for s in document.strata}
    values: dict[tuple[str, str, str, str], int] = {}
    for figure in document.figures:
        when = figure.flow.value if figure.flow is not None else figure.time.value
        if figure.group.value not in ("poor", "near-poor") or when == "review":
            continue
        for field in ("count", "ethnic_minority"):
            value = getattr(figure, field)
            if value is not None:
                subject = names.get(figure.about, "") if figure.about else "(area)"
                values[(subject, figure.group.value, when, field)] = value
    return values


def test_a_review_sheet_imports_with_every_figure(tmp_path: Path) -> None:
    review = load_plan(REVIEW)
    path = tmp_path / "ket-qua-ra-soat.xlsx"
    frame = review_form(review)
    frame.attrs["title"] = (
        "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 TRÊN ĐỊA BÀN TỈNH HÀ SƠN"
    )
    write_review_form_xlsx(frame, path)
    draft = read_published(path)
    read = plan_from_data(draft.data)
    assert "review" == draft.data["kind"]
    assert ["Huyện Bắc", "Huyện Nam"] == [u.name for u in read.units]
    assert 2024 == read.year
    in_form = {"start", "escaped", "fell-back", "new", "from-poor", "end"}
    form_values = {k: v for k, v in _printed(review).items() if k[2] in in_form}
    assert form_values == {k: v for k, v in _printed(read).items() if k in form_values}
    assert len(form_values) == len(_printed(read))
    counts = [t for t in draft.sources if t.path[0] == "figures"]
    assert len(counts) == len(_printed(read))
    assert all(t.place.part.startswith("sheet ") for t in counts)
    # The flows of the imported sheet add up as the document's did.
    assert not [f for f in check(read, select="flows").findings if f.severity.value == "error"]
