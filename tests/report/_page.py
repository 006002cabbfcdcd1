"""A small reading of an HTML page with the standard library's parser, for the report's tests."""

from __future__ import annotations

from html.parser import HTMLParser

import attrs

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@attrs.define
class Element:
    tag: str
    attributes: dict[str, str]
    text: str = ""
    children: list[Element] = attrs.Factory(list)
    content: bool = False  # inside an element marked translate="no": the document's own text

    def all_text(self) -> str:
        return self.text + "".join(child.all_text() for child in self.children)


class Page(HTMLParser):
    """Every element, by id and in order, and the text outside the document's own content."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.elements: list[Element] = []
        self.ids: dict[str, Element] = {}
        self.duplicate_ids: list[str] = []
        self.chrome: list[str] = []  # text nodes that are not the document's own text
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attributes}
        parent = self.stack[-1]
        element = Element(tag, values, content=parent.content or values.get("translate") == "no")
        parent.children.append(element)
        self.elements.append(element)
        if "id" in values and tag not in _SVG_TAGS_WITH_IDS:
            if values["id"] in self.ids:
                self.duplicate_ids.append(values["id"])
            self.ids[values["id"]] = element
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attributes)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        top = self.stack[-1]
        top.children.append(Element("#text", {}, data, content=top.content))
        if data.strip() and not top.content and top.tag not in {"style", "title"}:
            self.chrome.append(data.strip())


_SVG_TAGS_WITH_IDS: frozenset[str] = frozenset()
