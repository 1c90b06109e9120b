"""Reading an exported PDF back as a reader would: poppler's text (whole pages and the
text inside a rectangle), pypdf's annotations, named destinations and outline."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pypdf
from pypdf.generic import DictionaryObject


def pdftotext(path: Path, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def words(text: str) -> str:
    return " ".join(text.split())


@cache
def page_texts(path: Path) -> tuple[str, ...]:
    """Each page's text in the order it was drawn, whitespace made single spaces."""
    count = len(pypdf.PdfReader(path).pages)
    return tuple(
        words(pdftotext(path, "-raw", "-f", str(n), "-l", str(n))) for n in range(1, count + 1)
    )


def pages_with(path: Path, snippet: str) -> list[int]:
    """The 0-based pages whose text holds ``snippet``."""
    return [n for n, text in enumerate(page_texts(path)) if words(snippet) in text]


def text_in(path: Path, page: int, left: float, bottom: float, right: float, top: float) -> str:
    """The text poppler finds inside a rectangle (PDF points, origin bottom left) of
    ``page`` (0-based), drawn 1 point inside it."""
    height = float(pypdf.PdfReader(path).pages[page].mediabox.top)
    return pdftotext(
        path, "-r", "72", "-f", str(page + 1), "-l", str(page + 1),
        "-x", str(round(left) + 1), "-y", str(round(height - top) + 1),
        "-W", str(round(right - left) - 2), "-H", str(round(top - bottom) - 2),
    )  # fmt: skip


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def words_centred_in(
    path: Path, page: int, left: float, bottom: float, right: float, top: float
) -> str:
    """The words of ``page`` (0-based) whose centre lies inside a rectangle (PDF points,
    origin bottom left)."""
    height = float(pypdf.PdfReader(path).pages[page].mediabox.top)
    found = []
    for match in _WORD.finditer(pdftotext(path, "-bbox", "-f", str(page + 1), "-l", str(page + 1))):
        x0, y0, x1, y1 = (float(value) for value in match.groups()[:4])
        x, y = (x0 + x1) / 2, height - (y0 + y1) / 2
        if left <= x <= right and bottom <= y <= top:
            found.append(html.unescape(match.group(5)))
    return " ".join(found)


@dataclass(frozen=True)
class Annotation:
    page: int
    data: DictionaryObject


def annotations(path: Path, subtype: str) -> list[Annotation]:
    reader = pypdf.PdfReader(path)
    found = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] == subtype:
                found.append(Annotation(number, annotation))
    return found


def text_under_quads(path: Path, highlight: Annotation) -> str:
    """The words poppler finds inside a highlight's quadrilaterals, line after line."""
    quads = [float(value) for value in highlight.data["/QuadPoints"]]
    found = []
    for index in range(0, len(quads), 8):
        left, top, right, _tr, _ll, bottom = quads[index : index + 6]
        found.append(text_in(path, highlight.page, left, bottom, right, top))
    return words(" ".join(found))


def destination_pages(path: Path) -> dict[str, int]:
    """Each named destination's 0-based page."""
    reader = pypdf.PdfReader(path)
    return {
        str(name): reader.get_destination_page_number(destination)
        for name, destination in reader.named_destinations.items()
    }


def outline(path: Path) -> list[tuple[str, int]]:
    """The outline's entries (top level): title and 0-based page."""
    reader = pypdf.PdfReader(path)
    return [
        (str(item.title), reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    ]


def check_links(path: Path, at_least: int) -> dict[str, int]:
    """Every link annotation (at least ``at_least``) names a destination, shows that
    destination's page number, and a mark's link leads to the page its highlight is on;
    every destination is a page of the PDF. Returns the destinations' pages."""
    destinations = destination_pages(path)
    links = annotations(path, "/Link")
    assert len(links) >= at_least
    highlighted = {
        (h.page, str(h.data["/NM"]).split("-")[0]) for h in annotations(path, "/Highlight")
    }
    for link in links:
        name = str(link.data["/Dest"])
        assert name in destinations, name
        target = destinations[name]
        left, bottom, right, top = (float(value) for value in link.data["/Rect"])
        shown = words_centred_in(path, link.page, left, bottom - 2, right, top + 2)
        assert shown.rstrip(",") == str(target + 1), (name, shown)
        if name.startswith("mark-"):
            assert (target, name.removeprefix("mark-")) in highlighted
    pages = len(page_texts(path))
    for name, page in destinations.items():
        assert 0 <= page < pages, name
    return destinations
