"""What an XLIFF file of the desk is made of: the namespaces and versions, and a safe parse.

A file from outside is refused with `InvalidInput`, never a traceback, when it is too big, declares
a DOCTYPE or entities (XXE, "billion laughs"), is not well-formed XML, or its root is not an XLIFF
1.2 or 2.x `<xliff>`. Entities are never resolved, nothing is fetched from the network and lxml's
limits on deep or huge trees stay on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from transdesk.errors import InvalidInput

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"
MATCHES_20 = "urn:oasis:names:tc:xliff:matches:2.0"
DESK = "urn:transdesk:xliff"  # the desk's own attributes (the article's revision)
XML_NS = "http://www.w3.org/XML/1998/namespace"
VERSIONS = {"1.2": XLIFF_12, "2.0": XLIFF_20}
SOURCE_LANG, TARGET_LANG = "ko", "en"
MAX_XLIFF_BYTES = 50_000_000  # a long article with every note and match is well under 1 MB

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class XliffDocument:
    root: etree._Element
    version: str  # "1.2" or "2.0"

    @property
    def namespace(self) -> str:
        return VERSIONS[self.version]

    def q(self, name: str) -> str:
        """`name` in this document's XLIFF namespace."""
        return f"{{{self.namespace}}}{name}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_pis=True,
    )


def read_document(path: Path | str) -> XliffDocument:
    """Read and safely parse an XLIFF file; see the module for what is refused."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_XLIFF_BYTES:
            raise InvalidInput(
                f"{path} is {size:,} bytes, over the {MAX_XLIFF_BYTES:,} an XLIFF file may have",
                hint="export the article again; a desk article's XLIFF is far smaller",
            )
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from None
    return parse_document(data, name=str(path))


def parse_document(data: bytes, *, name: str = "the XLIFF file") -> XliffDocument:
    if len(data) > MAX_XLIFF_BYTES:
        raise InvalidInput(f"{name} is over the {MAX_XLIFF_BYTES:,} bytes an XLIFF file may have")
    if not data.strip():
        raise InvalidInput(f"{name} is empty", hint="give the XLIFF file the desk exported")
    if _DTD.search(data):
        raise InvalidInput(
            f"{name} declares a DOCTYPE or entities, which XLIFF never needs; nothing was read",
            hint="save the file from the CAT tool again as plain XLIFF",
        )
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        line = f", line {error.lineno}" if error.lineno else ""
        raise InvalidInput(
            f"{name}{line}: not well-formed XML ({error.msg}); nothing was imported",
            hint="give the XLIFF file the CAT tool saved",
        ) from None
    except ValueError as error:  # e.g. an encoding lxml does not know
        raise InvalidInput(f"{name}: cannot be read as XML ({error})") from None
    namespace = etree.QName(root).namespace
    version = next((v for v, ns in VERSIONS.items() if ns == namespace), None)
    if etree.QName(root).localname != "xliff" or version is None:
        raise InvalidInput(
            f"{name} is not XLIFF 1.2 or 2.0: its root is <{root.tag}>",
            hint="export XLIFF 1.2 or 2.0 from the CAT tool",
        )
    return XliffDocument(root, version)


def text_of(element: etree._Element | None) -> str:
    """The text of a `<source>` or `<target>`, inline markup (`<mrk>`, `<g>`) flattened."""
    if element is None:
        return ""
    return "".join(element.itertext())
