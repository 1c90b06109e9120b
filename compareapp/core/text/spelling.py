"""British and American spellings of the same word, such as "kilometres" and "kilometers".

``spelling_key`` maps both variants of a word to one key; it is a few suffix rules plus a
short list of exceptions, enough for the variants that newsrooms meet daily.
"""

from __future__ import annotations

import re

_RULES = (
    (re.compile(r"(?<=[^aeiou])our(s|ed|ing|ite|ites|able|hood|ly)?$"), r"or\1"),
    (re.compile(r"(?<=[bt])red$"), r"ered"),
    (re.compile(r"(?<=[bt])re(s)?$"), r"er\1"),
    (re.compile(r"(?<=[^aeiou])is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[ae])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=[fc])ence(s)?$"), r"ense\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"(?<=d)gement(s)?$"), r"gment\1"),
)
_SAME = {
    "grey": "gray",
    "programme": "program",
    "programmes": "programs",
    "aluminium": "aluminum",
    "cheque": "check",
    "tyre": "tire",
    "tyres": "tires",
    "plough": "plow",
    "mould": "mold",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "pyjamas": "pajamas",
    "storey": "story",
    "draught": "draft",
    "enrol": "enroll",
    "fulfil": "fulfill",
}
_NOT_VARIANTS = frozenset(
    {
        "our",
        "hour",
        "hours",
        "four",
        "tour",
        "pour",
        "sour",
        "your",
        "yours",
        "flour",
        "fence",
        "hence",
        "whence",
        "since",
        "science",
        "sciences",
        "silence",
        "presence",
        "evidence",
        "sentence",
        "sentences",
        "tell",
        "well",
        "till",
        "still",
        "all",
        "ball",
        "call",
        "fall",
        "wise",
        "rise",
        "arise",
        "raise",
        "praise",
        "noise",
        "poise",
        "promise",
        "premise",
        "precise",
        "concise",
        "expertise",
        "exercise",
        "advertise",
        "advise",
        "advised",
        "revise",
        "revised",
        "surprise",
        "surprised",
        "comprise",
        "compromise",
        "enterprise",
        "franchise",
        "despise",
        "devise",
        "supervise",
        "televise",
        "improvise",
        "disguise",
        "cruise",
        "chastise",
        "circumcise",
        "incise",
        "excise",
        "demise",
        "paradise",
        "otherwise",
        "likewise",
        "clockwise",
    }
)


_ANY_RULE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _RULES))
"""One search that tells whether any rule could apply (most words: none)."""


def spelling_key(word: str) -> str:
    """A key shared by British and American spellings of ``word`` (lower case)."""
    lower = word.lower()
    if lower in _SAME:
        return _SAME[lower]
    if lower in _NOT_VARIANTS or len(lower) < 5 or not _ANY_RULE.search(lower):
        return lower
    for pattern, replacement in _RULES:
        changed = pattern.sub(replacement, lower)
        if changed != lower:
            return changed
    return lower


def are_spelling_variants(left: str, right: str) -> bool:
    """True when two different words are British and American spellings of one word."""
    return left.lower() != right.lower() and spelling_key(left) == spelling_key(right)
