"""Every label of the report and the charts in Vietnamese and English, and numbers as shown.

A label missing in one language is a test failure, never an English word left in a Vietnamese
page: :data:`LABELS` maps each key to both texts.  Numbers are shown from their exact values
(``int`` or :class:`~decimal.Decimal`): in Vietnamese notation by
:func:`mdpoverty.format_vi` (``12.281``, ``1,15``), in English notation otherwise
(``12,281``, ``1.15``).

>>> number(Decimal("1021"), "vi"), number(Decimal("1021"), "en")
('1.021', '1,021')
>>> number(Decimal("63.5"), "vi", places=2)
'63,50'
>>> label("findings", "en")
'Findings'
"""

from __future__ import annotations

from decimal import Decimal

from mdpoverty.errors import UnknownNameError
from mdpoverty.i18n import Lang
from mdpoverty.model.document import Document
from mdpoverty.reference.standards import standard_of
from mdpoverty.values.numbers import format_vi, round_half_up
from mdpoverty.values.quantities import Quantity

__all__ = ["LABELS", "label", "number", "standard_names"]

LABELS: dict[str, dict[Lang, str]] = {
    "report": {"vi": "Báo cáo", "en": "Report"},
    "contents": {"vi": "Mục lục", "en": "Contents"},
    "header": {"vi": "Thông tin văn bản", "en": "The document"},
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "number": {"vi": "Số, ký hiệu", "en": "Number"},
    "date": {"vi": "Ngày ban hành", "en": "Date"},
    "place": {"vi": "Địa danh", "en": "Place"},
    "figures_source": {"vi": "Nguồn số liệu", "en": "Figures read from"},
    "period": {"vi": "Thời kỳ", "en": "Period"},
    "area": {"vi": "Địa bàn", "en": "Area"},
    "standard": {"vi": "Chuẩn nghèo áp dụng", "en": "Poverty standard in force"},
    "programme": {"vi": "Chương trình", "en": "Programme"},
    "standard_phase": {
        "vi": "tiêu chí áp dụng từ năm {start}",
        "en": "its own criteria from {start}",
    },
    "standard_kept": {"vi": "áp dụng năm {year} theo {act}", "en": "kept for {year} by {act}"},
    "standard_amended": {"vi": "sửa đổi, bổ sung bởi {acts}", "en": "as amended by {acts}"},
    "standard_review": {
        "vi": "kết quả rà soát định kỳ cuối năm {review} dùng cho năm {year}",
        "en": "the periodic review at the end of {review} serves {year}",
    },
    "legal_bases": {"vi": "Căn cứ", "en": "Legal bases"},
    "blank": {"vi": "(để trống)", "en": "(left blank)"},
    "none": {"vi": "Không có", "en": "None"},
    "annex": {"vi": "Phụ lục", "en": "Annex"},
    "figures": {"vi": "Số liệu theo đơn vị", "en": "Figures by unit"},
    "review_form": {
        "vi": "Biểu kết quả rà soát: biến động trong năm",
        "en": "The review form: flows of the year",
    },
    "form_note": {
        "vi": "Biểu như văn bản in; ô để trống là ô văn bản không in. Số cuối năm khác với "
        "đầu năm − thoát + tái + phát sinh mới (hộ cận nghèo: + từ hộ nghèo chuyển sang) "
        "được tô đậm, kèm số theo đẳng thức và liên kết tới phát hiện.",
        "en": "The form as the document prints it; a blank cell is one the document leaves "
        "blank. An end-of-year count that differs from start − escaped + fell back + new "
        "(near-poor: + from poor) is highlighted, with the value the identity gives and a "
        "link to its finding.",
    },
    "identity_value": {"vi": "theo đẳng thức", "en": "by the identity"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "results": {"vi": "Kết quả so với mục tiêu", "en": "Results against the targets"},
    "subject": {"vi": "Đối tượng", "en": "Subject"},
    "measure": {"vi": "Loại chỉ tiêu", "en": "Measure"},
    "achieved": {"vi": "Đạt được", "en": "Achieved"},
    "met": {"vi": "Đạt", "en": "Met"},
    "by": {"vi": "Chênh lệch", "en": "By"},
    "annex_note": {
        "vi": "Số liệu như văn bản in. Ô tô màu là ô in khác với giá trị tính từ số hộ; "
        "giá trị tính được ghi bên cạnh.",
        "en": "Figures as printed. A highlighted cell is printed differently from what the "
        "counts imply; the derived value is shown beside it.",
    },
    "derived": {"vi": "tính lại", "en": "derived"},
    "annex_date": {"vi": "Ngày của phụ lục", "en": "Date of the annex"},
    "no_printed_annex": {
        "vi": "Văn bản không in phụ lục; bảng dưới đây được tính từ số hộ.",
        "en": "The document prints no annex; the table below is derived from the counts.",
    },
    "rates": {"vi": "Tỷ lệ hộ nghèo theo đơn vị", "en": "Poverty rate by unit"},
    "rate_axis": {"vi": "Tỷ lệ hộ nghèo (%)", "en": "Poverty rate (%)"},
    "start_rate": {"vi": "Đầu năm {year}", "en": "Start of {year}"},
    "end_rate": {"vi": "Mục tiêu cuối năm {year}", "en": "Target for the end of {year}"},
    "funding": {"vi": "Kinh phí theo dự án và nguồn vốn", "en": "Funding by component and source"},
    "money_axis": {"vi": "Triệu đồng", "en": "Million VND"},
    "central": {"vi": "Ngân sách trung ương", "en": "Central budget"},
    "local": {"vi": "Ngân sách địa phương", "en": "Local budget"},
    "other": {"vi": "Nguồn khác", "en": "Other sources"},
    "policy-credit": {"vi": "Tín dụng chính sách", "en": "Policy credit"},
    "integrated": {"vi": "Vốn lồng ghép", "en": "Integrated"},
    "mobilised": {"vi": "Vốn huy động", "en": "Mobilised"},
    "by_capital": {"vi": "Theo loại vốn", "en": "By kind of capital"},
    "capital": {"vi": "Loại vốn", "en": "Kind of capital"},
    "investment": {"vi": "Vốn đầu tư phát triển", "en": "Investment"},
    "recurrent": {"vi": "Vốn sự nghiệp", "en": "Recurrent"},
    "by_year": {"vi": "Theo năm", "en": "By year"},
    "year": {"vi": "Năm", "en": "Year"},
    "by_unit": {"vi": "Theo đơn vị được phân bổ", "en": "By unit allocated to"},
    "not_stated": {"vi": "Không ghi", "en": "Not stated"},
    "declared": {"vi": "Tổng số ghi trong văn bản", "en": "Declared total"},
    "sources": {"vi": "Cộng các nguồn", "en": "Sum of the sources"},
    "does_not_add_up": {"vi": "không khớp tổng các nguồn", "en": "does not add up"},
    "component": {"vi": "Dự án, tiểu dự án", "en": "Component"},
    "name": {"vi": "Tên", "en": "Name"},
    "total": {"vi": "Tổng số", "en": "Total"},
    "by_source": {"vi": "Theo nguồn vốn", "en": "By source"},
    "source": {"vi": "Nguồn vốn", "en": "Source"},
    "amount": {"vi": "Số tiền (triệu đồng)", "en": "Amount (million VND)"},
    "share": {"vi": "Tỷ trọng (%)", "en": "Share (%)"},
    "deficits": {
        "vi": "Chỉ tiêu về các chiều thiếu hụt",
        "en": "Targets by deprivation dimension",
    },
    "share_axis": {"vi": "Chỉ tiêu (%)", "en": "Target (%)"},
    "dimension": {"vi": "Chiều thiếu hụt", "en": "Dimension"},
    "general": {"vi": "Chỉ tiêu chung", "en": "General results"},
    "target": {"vi": "Chỉ tiêu", "en": "Target"},
    "text": {"vi": "Nội dung", "en": "As printed"},
    "at-least": {"vi": "ít nhất", "en": "at least"},
    "at-most": {"vi": "tối đa", "en": "at most"},
    "exactly": {"vi": "", "en": ""},
    "qualitative": {"vi": "định tính", "en": "qualitative"},
    "agencies": {"vi": "Cơ quan, đơn vị", "en": "Agencies"},
    "agency": {"vi": "Cơ quan", "en": "Agency"},
    "also_named": {"vi": "Tên khác trong văn bản", "en": "Also named"},
    "findings": {"vi": "Những điểm chưa khớp", "en": "Findings"},
    "no_findings": {"vi": "Không phát hiện điểm nào chưa khớp.", "en": "Nothing found."},
    "severity": {"vi": "Mức độ", "en": "Severity"},
    "rule": {"vi": "Quy tắc", "en": "Rule"},
    "where": {"vi": "Vị trí", "en": "Where"},
    "message": {"vi": "Nội dung", "en": "What"},
    "expected": {"vi": "Giá trị đúng", "en": "Expected"},
    "actual": {"vi": "Văn bản ghi", "en": "Printed"},
    "error": {"vi": "lỗi", "en": "error"},
    "warning": {"vi": "cảnh báo", "en": "warning"},
    "info": {"vi": "ghi chú", "en": "note"},
    "unverified": {
        "vi": "Dữ kiện chưa được kiểm chứng",
        "en": "Unverified facts the checks rely on",
    },
    "unverified_note": {
        "vi": "Việc kiểm tra văn bản này dựa trên các dữ kiện dưới đây trong dữ liệu của thư "
        "viện, chưa được đối chiếu với văn bản gốc (ghi chú của dữ liệu giữ nguyên). Không dữ "
        "kiện nào trong số này tạo ra lỗi.",
        "en": "The checks of this document rest on these facts of the library's data, not "
        "checked against the official texts (the data's notes as written).  None of them "
        "makes an error.",
    },
    "fact": {"vi": "Dữ kiện", "en": "Fact"},
    "fact_source": {"vi": "Nguồn", "en": "Source"},
    "fact_note": {"vi": "Ghi chú", "en": "Note"},
    "fact-standard": {"vi": "chuẩn nghèo", "en": "standard"},
    "fact-extension": {"vi": "gia hạn áp dụng", "en": "kept in force"},
    "fact-amendment": {"vi": "sửa đổi, bổ sung", "en": "amendment"},
    "fact-first-review": {"vi": "kỳ rà soát đầu tiên", "en": "first review"},
    "fact-dimension": {"vi": "chiều, chỉ số thiếu hụt", "en": "dimension or indicator"},
    "fact-catalog": {"vi": "danh mục chương trình", "en": "programme catalog"},
    "fact-catalog-entry": {"vi": "nội dung của chương trình", "en": "programme component"},
    "carry_over": {
        "vi": "Quy đổi sang đơn vị hành chính từ 01/7/2025",
        "en": "Carried into the units of 1 July 2025",
    },
    "carry_note": {
        "vi": "Dòng chưa đủ: văn bản không bao gồm hết các đơn vị cũ hợp thành đơn vị mới, "
        "hoặc không ghi số liệu của một đơn vị; ô trống là không có số liệu.",
        "en": "An incomplete row: the document does not cover every old unit of the new unit, "
        "or gives no figure for one of them; a blank cell has no figure.",
    },
    "carry_group": {"vi": "Nhóm hộ", "en": "Group"},
    "carry_time": {"vi": "Thời điểm", "en": "Time"},
    "carry_count": {"vi": "Số", "en": "Count"},
    "carry_rate": {"vi": "Tỷ lệ (%)", "en": "Rate (%)"},
    "carry_unavailable": {
        "vi": "Không quy đổi được: {reason}",
        "en": "Cannot be carried over: {reason}",
    },
    "old_units": {"vi": "Đơn vị cũ", "en": "Old units"},
    "new_unit": {"vi": "Đơn vị mới", "en": "New unit"},
    "households": {"vi": "Số hộ", "en": "Households"},
    "poor_households": {"vi": "Số hộ nghèo", "en": "Poor households"},
    "poverty_rate": {"vi": "Tỷ lệ hộ nghèo (%)", "en": "Poverty rate (%)"},
    "complete": {"vi": "Đủ số liệu", "en": "Complete"},
    "missing": {"vi": "Thiếu", "en": "Missing"},
    "yes": {"vi": "có", "en": "yes"},
    "no": {"vi": "không", "en": "no"},
    "generated": {
        "vi": "Tạo bởi mdpoverty {version}. Trang này không tải gì từ mạng.",
        "en": "Made by mdpoverty {version}. This page loads nothing from the network.",
    },
}
"""Each key's label in Vietnamese and in English; ``{year}`` and the like are filled in."""


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``values`` filled in."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def standard_names(document: Document, lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    """The names in ``lang`` of the dimensions and of the indicators of ``document``'s poverty
    standard, by id (Vietnamese where the standard has no English name); both empty for a
    standard the library does not know."""
    try:
        standard = standard_of(document)
    except UnknownNameError:
        return {}, {}

    def pick(vi: str, en: str) -> str:
        return en if lang == "en" and en else vi

    return (
        {d.id: pick(d.name, d.name_en) for d in standard.dimensions},
        {i.id: pick(i.name, i.name_en) for i in standard.indicators},
    )


def number(value: int | Decimal | Quantity | None, lang: Lang, places: int | None = None) -> str:
    """``value`` as the page shows it: notation of ``lang``; a range as ``low–high``; ``""``
    for a missing value.  ``places`` fixes the decimals (half-up)."""
    if value is None:
        return ""
    if isinstance(value, Quantity):
        low = number(value.low, lang, places)
        return low if value.is_exact else f"{low}–{number(value.high, lang, places)}"
    if lang == "vi":
        return format_vi(value, places)
    if isinstance(value, Decimal):
        shown = round_half_up(value, places) if places is not None else value
        return f"{shown:,f}"
    if places:
        return f"{Decimal(value):,.{places}f}"
    return f"{value:,d}"
