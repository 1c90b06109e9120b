"""Page furniture: the lines a web page prints around a story that are not the story.

Photo captions and credits, video blurbs and their durations, relative timestamps ("3
months ago"), sign-up, subscription and comment prompts, wire credits and trust lines,
related-story links and section headings. None of them is a claim: the discrepancy
table leaves out a row whose every wording is furniture (:func:`without_furniture`) unless
the user asks for them. Told by form alone, the same in every corpus.

:mod:`compareapp.core.align.furniture` recognises headings for the aligner; this module
uses its :func:`~compareapp.core.align.furniture.is_heading` and adds the rest, which
the aligner does not need.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from compareapp.core.align.furniture import HEADING_WORDS, is_heading
from compareapp.core.documents.document import Document
from compareapp.core.facts.rows import Discrepancy

BLURB_WORDS = 60
"""Longest video blurb after a duration line, in words."""
HEADLINE_WORDS = 30
"""Longest line without a sentence's closing mark that is taken for a related-story link."""

_CREDIT = re.compile(
    r"\((?:(?:Photo|Image|Picture|Credit|Video|File photo)s?\s*:[^()]*|[^()]*/[^()]*"
    r"|[^()]*\b(?:Getty Images|Associated Press|AFP|Reuters|AP Photo|EPA)\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
"""A caption's closing credit: "(Photo: Sam Teague/Gazette)", "(Leo Correa/The Associated
Press)"."""
_AGO = re.compile(
    r"^(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\.?$", re.IGNORECASE
)
_DURATION = re.compile(r"^(?:Duration\s*:?\s*)?\d{1,2}:\d{2}(?::\d{2})?$", re.IGNORECASE)
_PROMPT = re.compile(
    r"^(?:register|sign up|sign in|log in|subscribe|leave a comment|comments?\b|read more"
    r"|click here|follow us|share this|download (?:the|our)|get (?:the|our) \w+ newsletter"
    r"|our (?:criteria|standards)\s*:|related(?: stories| coverage| articles)?\s*:"
    r"|see also\b|more from\b|advertisement$|watch\s*[|:]|listen\s*[|:]|video\s*[|:]"
    r"|photos?\s*[|:]|gallery\s*[|:])",
    re.IGNORECASE,
)
_WIRE_CREDIT = re.compile(
    r"^\(?(?:(?:additional )?reporting|covering|writing|editing|compiled|produced|"
    r"graphics?|photos?|video) by\b|\b(?:editing|reporting|writing) by [A-Z]",
    re.IGNORECASE,
)
_TRUST = re.compile(r"Trust Principles|All rights reserved|©|\bCopyright\b", re.IGNORECASE)
_TRUST_WORDS = ("trust principles", "all rights reserved", "©", "copyright")
"""What ``_TRUST`` looks for, in lower case."""
_SENTENCE_END = re.compile(r"""[.!?…]["”’')\]]*\s*$|["”]\s*$""")
_RUNNING_ON = re.compile(r"[,;:–—-]\s*$")
"""A line that ends mid-sentence (a lead-in to a quotation or a list, a verse): running
text, not a link or a heading."""
_STRICT = re.compile(r"(?:\d+ \w+ ago|(?:Duration\s*:?\s*)?\d{1,2}:\d{2}|register|sign up)", re.I)
_BULLET = re.compile(r"[•·‣▪◦*]\s")


def is_furniture(text: str, headline_like: bool = True) -> bool:
    """Whether a paragraph, on its own, is page furniture rather than a claim. With
    ``headline_like`` false, a short line without a sentence's closing mark (a related-story
    link, a section heading) is not taken for furniture by that alone."""
    line = " ".join(text.split())
    bullet = _BULLET.match(line) is not None  # a key point of the story: a claim
    line = line.strip(" •·▪*")
    if not line:
        return True
    words = line.count(" ") + 1  # the spaces are single, none at either end
    if _AGO.match(line) or _DURATION.match(line) or _CREDIT.search(line):
        return True
    lower = line.lower()  # the substring looks below skip most regex searches
    trust = any(phrase in lower for phrase in _TRUST_WORDS) and _TRUST.search(line)
    if words <= 25 and (_PROMPT.match(line) or trust):
        return True
    if words <= 60 and " by" in lower and _WIRE_CREDIT.search(line):
        return True
    if bullet or not headline_like or words > HEADLINE_WORDS:  # (a heading is shorter still)
        return False
    if not (_SENTENCE_END.search(line) or _RUNNING_ON.search(line)):
        return True
    return words <= HEADING_WORDS + 2 and is_heading(line)


def furniture_paragraphs(document: Document) -> frozenset[int]:
    """The paragraphs of ``document`` that are page furniture (:func:`is_furniture_at`)."""
    return frozenset(p.index for p in document.paragraphs if is_furniture_at(document, p.index))


def is_furniture_at(document: Document, index: int) -> bool:
    """Whether paragraph ``index`` of ``document`` is furniture: on its own, or as the
    blurb that follows a video's duration line. The story's own headline (the first
    paragraph) is furniture only when it is a timestamp or a prompt, and the line under it
    (the standfirst, which states the story's claim) is not furniture for lacking a full
    stop."""
    paragraphs = document.paragraphs
    text = paragraphs[index].text
    if index == 0 and not _STRICT.match(text.strip()):
        return False
    if is_furniture(text, headline_like=index != 1):
        return True
    before = paragraphs[index - 1].text.strip() if index > 0 else ""
    return bool(_DURATION.match(before)) and len(text.split()) <= BLURB_WORDS


def without_furniture(
    documents: Sequence[Document],
    rows: Iterable[Discrepancy],
    furniture: Sequence[frozenset[int]] | None = None,
) -> list[Discrepancy]:
    """``rows`` less those whose every wording starts in page furniture: "Duration 2:01"
    against "Duration 2:05", a trust line only one source prints. ``furniture`` holds each
    document's furniture paragraphs when they are known already; else only the paragraphs
    the rows cite are looked at, each once."""
    known: dict[tuple[int, int], bool] = {}

    def in_furniture(document: int, offset: int) -> bool:
        paragraph = documents[document].paragraph_at(offset)
        if paragraph is None:
            return False
        if furniture is not None:
            return paragraph.index in furniture[document]
        key = (document, paragraph.index)
        if key not in known:
            known[key] = is_furniture_at(documents[document], paragraph.index)
        return known[key]

    def all_furniture(row: Discrepancy) -> bool:
        places = [(k, wording.start) for k, wording in enumerate(row.versions) if wording]
        return bool(places) and all(in_furniture(*place) for place in places)

    return [row for row in rows if not all_furniture(row)]
