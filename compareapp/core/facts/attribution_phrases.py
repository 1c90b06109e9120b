"""Attribution phrases: a speech verb with who spoke and to whom ("Putin said", "said Dr
Tomasz Breck", "Gaidai told Ukrainian television", "according to Reuters"), of direct and
indirect speech ("Kyiv says it has...") alike. :mod:`compareapp.core.facts.quotations` ties them to
the quotations they introduce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Attribution:
    """A speech verb with its speaker and audience ("Kirby told CNN"); ``start``/``end`` span
    the whole phrase, "in a statement" and the like included."""

    speaker: str
    speaker_start: int
    speaker_end: int
    verb: str
    audience: str
    audience_start: int
    audience_end: int
    start: int
    end: int


_Span = tuple[int, int]
_NO: _Span = (-1, -1)
REACH = 300  # how far back a speaker, or the name a pronoun stands for, is looked for
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gov", "Gen", "Sen", "Rep", "St", "Prof", "Jr", "Sr")
_CALENDAR_WORDS = """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December""".split()
_CALENDAR = "(?:" + "|".join(_CALENDAR_WORDS) + r")\b"

# Speech verbs ("according to" names its source after it) ...
_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|stated|explained"
    r"|insisted|replied|tweeted|warned|[Aa]ccording to)\b"
)
# ... but not "to say" or passive "was told": what a verb must not follow.
_NOT_AFTER = re.compile("|".join(rf"(?<=\b{w} )" for w in "to be is are was were been".split()))
# A period that ends a sentence: not that of "Mr." or of an initial ("U.S.", "a.m.").
# (The period is looked for first: the look-behinds are slow to try at every character.)
PERIOD = r"(?=\.)" + "".join(rf"(?<!\b{a})" for a in (*_ABBREVIATIONS, r"\w")) + r"\."
# Where a subject starts, going back from its verb: sentence ends, colons, semicolons, quote
# marks (a single one after punctuation: "...,’ said"), brackets, dashes, bullets.
_CLAUSE_BREAK = re.compile(
    rf"[!?;:“”„\"()\[\]–—•●▪|\n]|(?<=\s)-(?=\s)|(?<=[,.!?])['’]|{PERIOD}(?=\s)"
)
_COMMA = re.compile(r",(?!\d)")
# Words before a subject in its clause: "But Gaidai", "and officials", "talks where she".
_LEAD = re.compile(
    r"(?:.*\b(?:where|when|while|because|since|although|though|but|that|as|if)\s)?"
    r"\s*(?:(?:and|so|yet|also|however|meanwhile|then)\b[\s,]*)*",
    re.IGNORECASE | re.DOTALL,
)
# Words between a subject and its verb: "Lavrov later told", "Francis on Thursday said".
_TRAIL = re.compile(
    r"(?:\s+(?:also|later|earlier|then|again|once|previously|reportedly|has|have|had|would"
    rf"|will|could|did|does|(?:on|last|this)\s+{_CALENDAR}|{_CALENDAR}))*\s*$"
)
# One word of a name or noun phrase, with the period of a title or initial ("Dr.", "U.S.").
_WORD = re.compile(
    r"[^\S\n]*([^\W\d_][\w’'-]*(?:(?:"
    + "|".join(rf"(?<=\b{a})" for a in (*_ABBREVIATIONS, "[A-Z]"))
    + r")\.)?)"
)
# Words that end a speaker or audience phrase ("said Breck on Tuesday", "told Xi at").
_STOP = frozenset(
    """on in at during after before when while who which whose that adding as told said says
    to from because since and but or with about over amid than if""".split()
) | frozenset(word.lower() for word in _CALENDAR_WORDS)
_AUDIENCE_STOP = _STOP | frozenset("they he she it we i there this these those".split())
DETERMINERS = frozenset("the a an his her their its our".split())
_OBJECTS = frozenset("him her them me us you".split())
# After a verb: "in a statement", "in an online post", "in an interview with CNN".
_TAIL = re.compile(
    r"\s+(?:in|on|during)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|post"
    r"|interview|update|message|email|briefing|video|address|conference|tweet|broadcast)\b"
    r"(\s+(?:with|to)\b)?"
)
# After a verb, its medium or hearer: "wrote on Twitter" (not "on Thursday"), "said to Xi".
_VIA = re.compile(rf"\s+(?:on\s+(?!{_CALENDAR})(?=[A-Z])|to\s+(?!(?:be|have)\b))")


def find_attributions(text: str, quoted: list[_Span]) -> list[Attribution]:
    """The attribution phrases of ``text`` whose verb is outside the ``quoted`` spans."""
    found = []
    for verb in _VERB.finditer(text):
        if _NOT_AFTER.match(text, verb.start()):
            continue
        if not any(start <= verb.start() < end for start, end in quoted):
            found.append(_attribution(text, verb))
    return [a for a in found if a.speaker or a.audience]


def _attribution(text: str, verb: re.Match[str]) -> Attribution:
    word, end = verb.group(), verb.end()
    who = None if word.lower().startswith("acc") else _subject_before(text, verb.start())
    if who is None:  # "“...,” said Dr Tomasz Breck", "according to Reuters"
        who = _NO if word in ("told", "tells") else _phrase(text, end, _STOP, 8, False)
    to, via = _NO, _VIA.match(text, end)
    if word in ("told", "tells") or via is not None:
        to = _phrase(text, via.end() if via else end, _AUDIENCE_STOP, 4, True)
    if (tail := _TAIL.match(text, max(end, to[1]))) is not None:
        end = tail.end()
        if tail.group(1) and to == _NO:  # "in an interview with CNN"
            to = _phrase(text, end, _AUDIENCE_STOP, 4, True)
    start = min(p for p in (who[0], verb.start()) if p >= 0)
    speaker, audience = text[who[0] : who[1]], text[to[0] : to[1]]
    end = max(end, to[1], who[1])
    return Attribution(speaker, *who, word, audience, *to, start, end)


def _subject_before(text: str, verb: int) -> _Span | None:
    """The subject of the clause ending at ``verb``: the part after the last comma, or the
    one before an apposition ("Gaidai, governor of ..., said"); ``None`` when nothing
    precedes the verb in its clause (the subject then follows it)."""
    lo = max(0, verb - REACH)
    for brk in _CLAUSE_BREAK.finditer(text, lo, verb):
        lo = brk.end()
    if not text[lo:verb].strip():
        return None
    cuts = [c.start() for c in _COMMA.finditer(text, lo, verb)]
    pieces = list(zip([lo] + [c + 1 for c in cuts], [*cuts, verb], strict=True))
    if len(pieces) >= 2 and not text[pieces[-1][0] : verb].strip():
        if len(pieces) == 2 or _speaker_follows(text, verb):
            return None  # "The worst-hit were A and B, said minister Joachim Herrmann."
        pieces = pieces[: max(1, len(pieces) - 2)]  # drop the blank and the apposition
    s, e = pieces[-1]
    if text[s:e].strip().lower() in ("who", "which") and len(pieces) >= 2:
        s, e = pieces[-2]  # "Kirby, who told CNN"
    lead, trail = _LEAD.match(text, s, e), _TRAIL.search(text, s, e)
    s, e = lead.end() if lead else s, trail.start() if trail else e
    return (s, e) if s < e and len(text[s:e].split()) <= 10 else _NO


def _speaker_follows(text: str, verb: int) -> bool:
    """After ", said" (or another verb): is the rest of the sentence its speaker ("...,
    said the Bank of England on Thursday."), not what was said ("Gaidai, governor of the
    region, said it would be a tough fight")?"""
    verb_end = _VERB.match(text, verb)
    if verb_end is None or verb_end.group() in ("told", "tells"):  # then its hearer follows
        return False
    start, end = _phrase(text, verb_end.end(), _STOP, 8, False)
    if start < 0:
        return False
    words = text[start:end].lower().split()
    if words[0] in _AUDIENCE_STOP or not _CLAUSE_WORDS.isdisjoint(words):
        return False
    return _SPEAKER_END.match(text, end) is not None


_CLAUSE_WORDS = frozenset(
    """is are was were be been being has have had will would could should can may might must
    do does did not""".split()
)
"""Words that make what follows a speech verb a clause (what was said), not a speaker."""
_SPEAKER_END = re.compile(
    r"[^\S\n]*(?:[.;!?]|$|\n|,|(?:on|in|at|during|after|before|when|while|who|adding|as)\b)"
)


def _phrase(text: str, pos: int, stop: frozenset[str], limit: int, audience: bool) -> _Span:
    """A short noun phrase starting at ``pos``: "Dr Tomasz Breck", "the Gazette"; an audience
    ends at a second determiner or a capital after a common noun ("told reporters Kyiv...")."""
    start = end = -1
    common = False
    for _ in range(limit):
        match = _WORD.match(text, pos)
        word = match.group(1) if match else ""
        key = word.lower()
        if not match or key in stop or (start >= 0 and audience and key in DETERMINERS):
            break
        if audience and common and word[0].isupper():
            break
        start, end, pos = match.start(1) if start < 0 else start, match.end(), match.end()
        common = word[0].islower() and key not in DETERMINERS
        if audience and key in _OBJECTS:
            break
    return start, end
