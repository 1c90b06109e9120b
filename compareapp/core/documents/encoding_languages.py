"""What :mod:`.encoding_plausibility` knows of languages: the letters each one writes,
its common words, its scripts, and whether ASCII text is English.

The alphabets are those of the languages a candidate code page of :mod:`.encoding` is made
for (Windows-1250/1251/1252/1253, ISO-8859-1/2/7/15, Mac Roman, KOI8-R), plus the East
Asian scripts that charset-normalizer may propose. They list only non-ASCII letters, in
lower case.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

ALPHABETS = {
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Spanish": "áéíñóúü",
    "Portuguese": "áàâãçéêíóôõú",
    "Italian": "àèéìíîòóùú",
    "Catalan": "àçèéíïòóúü",
    "Dutch": "áéëïóöü",
    "Danish and Norwegian": "æøåéó",
    "Swedish": "åäöé",
    "Finnish": "åäöšž",
    "Icelandic": "áéíóúýþæöð",
    "Estonian": "äöõüšž",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîșțşţ",
    "Croatian and Bosnian": "čćđšž",
    "Slovenian": "čšž",
    "Albanian": "çë",
    "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "Bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "Serbian": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "Macedonian": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
}
SCRIPT_LANGUAGES = {
    "Greek": frozenset({"greek"}),
    "Chinese and Japanese": frozenset({"cjk"}),
    "Korean": frozenset({"hangul", "cjk"}),
}
"""Languages judged by script alone: every letter of the script belongs."""
LANGUAGES = tuple(ALPHABETS) + tuple(SCRIPT_LANGUAGES)
UNSPACED_SCRIPTS = frozenset({"cjk", "hangul"})
"""Scripts whose letters run into digits and punctuation ("2023年", "12일", "、")."""

COMMON_WORDS = frozenset(
    """
    à déjà été être était très où après près même là ça dès français année années société
    première président déclaré prévu
    für über können würde wäre hätte müssen während größte zurück später bürger erklärte
    außerdem schließlich präsident straße dafür
    más también está están según año años después así país través él qué cómo millón
    españa política económica había
    não é são já até só após milhões também informação
    è più perché già città può così però né sarà
    się że już może będzie także został została które który która więcej złotych są było był
    będą również ponieważ jeśli według mówi
    při které který která být více ještě než již řekl může až přes této tím během místo
    miliónů milionů
    ktorý ktorá ktoré môže ešte už podľa však budú ľudí ďalšie
    és év között után első több már még millió milliárd
    și şi în că să după până
    će što već među također
    på år også før når være første är för också även när så två
    что это на не в и с по как его он из за от для года также был была будет заявил
    россии при после уже
    що це і з та до від року україни
    че да се това ще са
    је у са ће
    και το να η της του τα την ο με για στο από που στην είναι
    """.split()
)
"""Frequent words with a non-ASCII letter, in the languages above (lower case)."""
LONE_LETTERS = frozenset("àèéå" + "вскиаоуяійзє" + "οηήω")
"""One-letter words with a non-ASCII letter that some language has ("à", "в", "η")."""

_ENGLISH_WORDS = re.compile(rb"\b(?:the|and|that|with|which|from|have|this|were|said)\b", re.I)
_ASCII_WORDS = re.compile(rb"[A-Za-z]+")
ENGLISH_SHARE = 0.03
"""In English news text about one word in ten is one of the function words above; in
other languages almost none is."""


def is_english(data: bytes) -> bool:
    """Is ``data`` (a sample of the bytes) English text, judging by its function words?

    Every single-byte reading has the same ASCII words, so this holds for all of them."""
    words = len(_ASCII_WORDS.findall(data))
    return words >= 8 and len(_ENGLISH_WORDS.findall(data)) >= ENGLISH_SHARE * words


def main_language(letters: Counter[str]) -> tuple[str, int]:
    """The language whose alphabet covers most of ``letters`` (non-ASCII letters in lower
    case, with their counts), and how many occurrences it leaves uncovered."""
    total = sum(letters.values())
    covered = Counter[str]()
    for letter, count in letters.items():
        for language in _languages_of(letter):
            covered[language] += count
    if not covered:
        return "", total
    best = max(LANGUAGES, key=lambda language: covered[language])
    return best, total - covered[best]


@cache
def _languages_of(letter: str) -> tuple[str, ...]:
    letter_script = script(letter)
    return tuple(
        language
        for language in LANGUAGES
        if letter in ALPHABETS.get(language, "")
        or letter_script in SCRIPT_LANGUAGES.get(language, frozenset())
    )


@cache
def script(char: str) -> str:
    """The script of ``char``: "latin", "greek", "cyrillic", "hangul", "cjk" (Chinese
    characters, kana, CJK punctuation, full- and half-width forms) or "other"."""
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x370 <= code <= 0x3FF or 0x1F00 <= code <= 0x1FFF:
        return "greek"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF:
        return "cjk"
    return "other"
