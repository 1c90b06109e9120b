"""Proper names in German, where every noun is capitalised and a capital says nothing.

A capitalised word is taken for a name only where the text itself marks it as one:

- it stands where German puts a name: after a title or first name with no article between
  ("Kremlsprecher Dmitri Peskow", "Ursula von der Leyen"), after a speech verb ("sagte
  Peskow", ", so Peskow") or before one ("Peskow sagte");
- it never takes noun syntax anywhere in the text: no article, determiner, declined
  adjective or figure before it ("die Lage", "russischen Streitkräften", "8.000 Soldaten");
- it has no common-noun ending ("-ung", "-heit", "-schaft", "-minister", "-sprecher").

So "Lage" -> "Situation" is wording, and "Peskow" -> "Uschakow" a name. A place named only
after a preposition ("in Kiew") is not recognised: prepositions take common nouns without an
article too ("seit Kriegsbeginn"), and telling the two apart needs a lexicon.
"""

from __future__ import annotations

import re
from functools import lru_cache

from compareapp.core.text.language_words import FUNCTION_WORDS
from compareapp.core.text.numerals import is_number_word

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_DETERMINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
    keiner keines mein meine meinen meinem meiner dein deine sein seine seinen seinem seiner
    seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer euer eure
    dieser diese dieses diesen diesem jeder jede jedes jeden jedem jener jene jenes welche
    welcher welches manche mancher alle allen aller beide beiden viele vielen wenige einige
    mehrere andere anderen weitere weiteren am im vom zum zur beim ins ans aufs durchs fürs
    übers ums""".split()
)
"""Words before a common noun, never before a name (German writes "Peskow", not "der Peskow")."""
_FUNCTION = FUNCTION_WORDS["de"] | frozenset(
    """in an auf aus bei mit nach seit von vor zu zwischen über unter gegen ohne um durch für
    während wegen trotz laut gemäß dank per pro bis ab samt und oder aber denn sondern dass
    weil wenn als ob obwohl er sie es wir ich du man sich auch noch nur schon bereits jetzt
    heute gestern morgen dann damit so doch zudem außerdem dennoch daher deshalb hier dort
    nun""".split()
)
_SPEECH = frozenset(
    """sagte sagt sagten erklärte erklärt erklärten betonte betont betonten meinte meint
    schrieb schreibt""".split()
)
_CALENDAR = frozenset(
    """montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag januar jänner
    februar märz april mai juni juli august september oktober november dezember uhr""".split()
)
_PARTICLES = frozenset("von van zu de da di del".split())
_AND = frozenset(("und", "oder", "sowie"))
_ADJECTIVE = re.compile(r"(?:sch|lich|ig|ern|sten|ten)(?:e|en|em|er|es)?$")
_DECLINED = re.compile(r"(?:e|en|em|er|es)$")
_ADJECTIVE_START = re.compile(r"(?:e|en|em|es)$")
"""A capitalised word with these endings starting a sentence is likely an adjective."""
_NOUN_ENDING = re.compile(
    r"(?:ung|heit|keit|schaft|tion|sion|ität|ismus|nis|tum|chen|ment|ierung|minister"
    r"|präsident|sprecher|kanzler|chef|leiter|meister|direktor|vorsitzende|beamte|experte"
    r"|behörde|regierung|armee|truppe|soldat)(?:in|innen|en|e|n|s|er|ern|ium)?$"
)
_TITLES = frozenset(
    """herr frau dr prof präsident minister kanzler sprecher könig königin papst general
    bürgermeister bürgermeisterin senator botschafter""".split()
)


@lru_cache(maxsize=16)
def german_names(text: str) -> frozenset[str]:
    """The capitalised words of ``text`` (German) that are proper names by the rules above."""
    words = list(_WORD.finditer(text))
    capitalised = {m[0] for m in words if m[0][0].isupper()}
    placed: set[int] = set()
    common: set[str] = set()
    for index, match in enumerate(words):
        if not match[0][0].isupper():
            continue
        if _common_here(text, words, index, placed):
            common.add(match[0])
        elif _named_here(text, words, index, capitalised, placed):
            placed.add(index)
    return frozenset(
        word
        for word in {words[index][0] for index in placed} - common
        if not _NOUN_ENDING.search(word.lower()) and word.lower() not in _TITLES
    )


def _gap(text: str, words: list[re.Match[str]], index: int) -> str:
    """What stands between ``words[index]`` and the word before it."""
    return text[words[index - 1].end() : words[index].start()] if index else "\n"


def _common_here(text: str, words: list[re.Match[str]], index: int, placed: set[int]) -> bool:
    """Is ``words[index]`` used as a common noun here (article, adjective or figure before)?"""
    gap = _gap(text, words, index)
    if any(c.isdigit() for c in gap):
        return True  # "8.000 Soldaten"
    if gap.strip() or "\n" in gap or _particle(words, index - 1, placed):
        return False
    return _noun_syntax(words[index - 1][0])


def _named_here(
    text: str, words: list[re.Match[str]], index: int, capitalised: set[str], placed: set[int]
) -> bool:
    """Does ``words[index]`` stand where a name stands (``placed``: the words before it that
    do)?"""
    nxt = words[index + 1] if index + 1 < len(words) else None
    joined = nxt is not None and not text[words[index].end() : nxt.start()].strip()
    if joined and nxt is not None and nxt[0] in _SPEECH:
        return True  # "Peskow sagte"
    if not index:
        return False
    before = words[index - 1][0]
    if before in _SPEECH and joined and nxt is not None and nxt[0][0].isupper():
        return False  # "sagte Ökologin Sabine Weiß": the name ends the run
    gap = _gap(text, words, index)
    if "\n" in gap:
        return False  # a name's title or first name is in its paragraph
    gap = gap.strip()
    if gap == ".":
        return before in ("Dr", "Prof")  # "Dr. Sabine Weiß"
    if gap:
        return False
    if before in _SPEECH or _after_name(words, index - 1, placed):
        return True
    if before in _AND and index - 2 in placed and not _gap(text, words, index - 1).strip():
        return True  # "die Landkreise Günzburg und Augsburg", "Scholz und Macron"
    if before == "so" and "," in _gap(text, words, index - 1):
        return True  # "…“, so Peskow"
    if _particle(words, index - 1, placed):
        return True  # "Ursula von der Leyen"
    key = before.lower()
    if not before[0].isupper() or key in _FUNCTION or key in _CALENDAR:
        return False
    if _ADJECTIVE.search(key) and not key.endswith(("er", "ig")):
        return False  # "Russische Truppen"
    if _ADJECTIVE_START.search(key) and _starts_sentence(text, words, index - 1):
        return False  # "Betroffene Haushalte": an adjective starting the sentence
    return not (before.endswith("s") and before[:-1] in capitalised)  # "Russlands Präsident"


def _noun_syntax(before: str) -> bool:
    """Does ``before`` show that the next word is a common noun?"""
    key = before.lower()
    if key in _DETERMINERS or is_number_word(key, "de"):
        return True  # "die Lage", "sechs Millionen Menschen"
    return (
        before[0].islower()
        and key not in _SPEECH
        and key not in _AND  # "oder", "sowie": not declined adjectives
        and _DECLINED.search(key) is not None
    )


def _particle(words: list[re.Match[str]], index: int, placed: set[int]) -> bool:
    """Is ``words[index]`` the "der" of "Ursula von der Leyen"?"""
    return index > 1 and words[index][0] in ("der", "den") and _after_name(words, index - 1, placed)


def _after_name(words: list[re.Match[str]], index: int, placed: set[int]) -> bool:
    """Is ``words[index]`` a name particle after a name ("Ursula von", not "Abbau von")?"""
    return words[index][0] in _PARTICLES and index - 1 in placed


def _starts_sentence(text: str, words: list[re.Match[str]], index: int) -> bool:
    """Does ``words[index]`` start a sentence or a paragraph?"""
    gap = _gap(text, words, index)
    if "\n" in gap or not index:
        return True
    mark = gap.strip()[-1:]
    return mark in ("!", "?", ":") or (mark == "." and words[index - 1][0] not in ("Dr", "Prof"))
