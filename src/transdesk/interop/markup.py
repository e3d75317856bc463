"""HTML fragments: the text between the tags is translated, the tags stay as they are.

The fragment is parsed with lxml; every text node that holds letters (an element's text or the
tail after it) is handed out for translation and written back in place. Script and style
contents are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree, html

_UNTOUCHED = frozenset({"script", "style", "code", "pre"})


def _holder(fragment: str) -> html.HtmlElement:
    return html.fragment_fromstring(fragment, create_parent="div")


def _inside_untouched(element: html.HtmlElement) -> bool:
    chain = [element, *element.iterancestors()]
    return any(isinstance(e.tag, str) and e.tag.lower() in _UNTOUCHED for e in chain)


def _slots(root: html.HtmlElement) -> list[tuple[html.HtmlElement, str]]:
    """(element, "text" | "tail") for every text node worth translating, in document order."""
    slots: list[tuple[html.HtmlElement, str]] = []
    if root.text and root.text.strip():
        slots.append((root, "text"))
    for element in root.iterdescendants():
        if not isinstance(element.tag, str):  # comments, processing instructions
            if element.tail and element.tail.strip():
                slots.append((element, "tail"))
            continue
        if element.text and element.text.strip() and not _inside_untouched(element):
            slots.append((element, "text"))
        if element.tail and element.tail.strip():
            slots.append((element, "tail"))
    return slots


def text_nodes(fragment: str) -> list[str]:
    return [getattr(element, part) for element, part in _slots(_holder(fragment))]


def translate_fragment(fragment: str, translate: Callable[[Sequence[str]], list[str]]) -> str:
    """The fragment with each of its text nodes replaced by `translate`'s answer for it."""
    root = _holder(fragment)
    slots = _slots(root)
    answers = translate([getattr(element, part) for element, part in slots])
    for (element, part), answer in zip(slots, answers, strict=True):
        setattr(element, part, answer)
    inner = root.text or ""
    inner += "".join(etree.tostring(child, encoding="unicode", method="html") for child in root)
    return inner
