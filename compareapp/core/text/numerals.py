"""Numbers written in words in German, French, Spanish, Italian, Dutch and Portuguese:
their vocabulary and their value ("achtundzwanzigtausend", "quatre-vingt-dix", "dos mil
millones"). English keeps its own reader (:mod:`compareapp.core.facts.quantities`).

German, Dutch and Italian write a number below a million as one word, so a compound is
split into the parts below ("acht|und|zwanzig|tausend"); the others join words with spaces,
hyphens and "et", "y" or "e". Every form is lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Numerals:
    """One language's number words."""

    units: dict[str, int]
    """Words added to the running figure ("acht", "veintiocho", "doscientos")."""
    hundreds: frozenset[str]
    """Words that multiply it by a hundred ("hundert", "cents", "cento", "honderd")."""
    scales: dict[str, float]
    """Words that multiply what came before ("tausend", "millions", "mil", "milhões")."""
    joiners: frozenset[str]
    """Words or parts that join others ("und", "et", "y", "e", "en")."""
    joined_after: tuple[str, ...]
    """The words a spaced joiner may follow ("vingt" in "vingt et un"); () for compounds."""
    compound: bool
    """Written as one word below a million ("dreihunderttausend")."""
    bare: frozenset[str]
    """Words that alone are an article rather than a number ("ein", "un", "een")."""
    plurals: frozenset[str] = frozenset()
    """Counting nouns that are no figure alone ("Tausende", "centaines", "decenas")."""

    def words(self) -> frozenset[str]:
        """Every number word of the language (not the joiners)."""
        return frozenset(self.units) | self.hundreds | frozenset(self.scales)


def _units(words: str, start: int = 0, step: int = 1) -> dict[str, int]:
    """Words (each "a/b" a set of spellings) numbered from ``start`` by ``step``."""
    return {
        form: start + step * index
        for index, forms in enumerate(words.split())
        for form in forms.split("/")
    }


_GERMAN_UNITS = _units(
    "null ein/eins/eine/einen/einem/einer/eines zwei/zwo drei vier fünf sechs sieben acht neun"
    " zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn"
) | _units("zwanzig dreißig/dreissig vierzig fünfzig sechzig siebzig achtzig neunzig", 20, 10)
_FRENCH_UNITS = _units(
    "zéro un/une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"
    " quinze seize"
) | _units(
    "vingt trente quarante cinquante soixante septante huitante/octante/quatre-vingt/quatre-vingts"
    " nonante",
    20,
    10,
)
_SPANISH_UNITS = (
    _units(
        "cero un/uno/una dos tres cuatro cinco seis siete ocho nueve diez once doce trece"
        " catorce quince dieciséis diecisiete dieciocho diecinueve veinte"
        " veintiuno/veintiún/veintiuna veintidós veintitrés veinticuatro veinticinco veintiséis"
        " veintisiete veintiocho veintinueve"
    )
    | _units("treinta cuarenta cincuenta sesenta setenta ochenta noventa", 30, 10)
    | _units(
        "cien/ciento doscientos/doscientas trescientos/trescientas cuatrocientos/cuatrocientas"
        " quinientos/quinientas seiscientos/seiscientas setecientos/setecientas"
        " ochocientos/ochocientas novecientos/novecientas",
        100,
        100,
    )
)
_ITALIAN_UNITS = _units(
    "zero un/uno/una due tre/tré quattro cinque sei sette otto nove dieci undici dodici"
    " tredici quattordici quindici sedici diciassette diciotto diciannove"
) | _units(
    "venti/vent trenta/trent quaranta/quarant cinquanta/cinquant sessanta/sessant"
    " settanta/settant ottanta/ottant novanta/novant",
    20,
    10,
)
_DUTCH_UNITS = _units(
    "nul een/één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien"
    " vijftien zestien zeventien achttien negentien"
) | _units("twintig dertig veertig vijftig zestig zeventig tachtig negentig", 20, 10)
_PORTUGUESE_UNITS = (
    _units(
        "zero um/uma dois/duas três quatro cinco seis sete oito nove dez onze doze treze"
        " catorze/quatorze quinze dezesseis/dezasseis dezessete/dezassete dezoito"
        " dezenove/dezanove"
    )
    | _units("vinte trinta quarenta cinquenta sessenta setenta oitenta noventa", 20, 10)
    | _units(
        "cem/cento duzentos/duzentas trezentos/trezentas quatrocentos/quatrocentas"
        " quinhentos/quinhentas seiscentos/seiscentas setecentos/setecentas"
        " oitocentos/oitocentas novecentos/novecentas",
        100,
        100,
    )
)
_TENS = {
    "fr": "vingt trente quarante cinquante soixante",
    "es": "treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    "pt": "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa"
    " cem cento entos entas mil",
}
"""After which words a spaced joiner joins ("vingt et un", "treinta y ocho", "cento e
vinte", "duzentos e dez": Portuguese hundreds end in -entos/-entas)."""


def _scales(table: str) -> dict[str, float]:
    """ "tausend=1e3 million/millionen=1e6" -> each spelling and its value."""
    return {
        form: float(value)
        for entry in table.split()
        for forms, value in [entry.split("=")]
        for form in forms.split("/")
    }


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


NUMERALS: dict[str, Numerals] = {
    "de": Numerals(
        units=_GERMAN_UNITS,
        hundreds=_set("hundert"),
        scales=_scales(
            "tausend=1e3 million/millionen=1e6 milliarde/milliarden=1e9 billion/billionen=1e12"
        ),
        joiners=_set("und"),
        joined_after=(),
        compound=True,
        bare=_set("ein eins eine einen einem einer eines"),
        plurals=_set("hunderte tausende dutzend dutzende prozent"),
    ),
    "fr": Numerals(
        units=_FRENCH_UNITS,
        hundreds=_set("cent cents"),
        scales=_scales(
            "mille=1e3 million/millions=1e6 milliard/milliards=1e9 billion/billions=1e12"
        ),
        joiners=_set("et"),
        joined_after=tuple(_TENS["fr"].split()),
        compound=False,
        bare=_set("un une"),
        plurals=_set("centaines milliers dizaines douzaine douzaines"),
    ),
    "es": Numerals(
        units=_SPANISH_UNITS,
        hundreds=frozenset(),
        scales=_scales("mil=1e3 millón/millones=1e6 billón/billones=1e12"),
        joiners=_set("y"),
        joined_after=tuple(_TENS["es"].split()),
        compound=False,
        bare=_set("un uno una"),
        plurals=_set("cientos miles decenas docena docenas"),
    ),
    "it": Numerals(
        units=_ITALIAN_UNITS,
        hundreds=_set("cento cent"),
        scales=_scales("mille/mila=1e3 milione/milioni=1e6 miliardo/miliardi=1e9"),
        joiners=frozenset(),
        joined_after=(),
        compound=True,
        bare=_set("un uno una"),
        plurals=_set("centinaia migliaia decine dozzina dozzine"),
    ),
    "nl": Numerals(
        units=_DUTCH_UNITS,
        hundreds=_set("honderd"),
        scales=_scales("duizend=1e3 miljoen/miljoenen=1e6 miljard/miljarden=1e9 biljoen=1e12"),
        joiners=_set("en ën"),
        joined_after=(),
        compound=True,
        bare=_set("een één"),
        plurals=_set("honderden duizenden tientallen dozijn"),
    ),
    "pt": Numerals(
        units=_PORTUGUESE_UNITS,
        hundreds=frozenset(),
        scales=_scales("mil=1e3 milhão/milhões=1e6 bilhão/bilhões=1e9 bilião/biliões=1e12"),
        joiners=_set("e"),
        joined_after=tuple(_TENS["pt"].split()),
        compound=False,
        bare=_set("um uma"),
        plurals=_set("centenas milhares dezenas dúzia dúzias"),
    ),
}
"""Language code -> its number words. (Portuguese "bilhão" is Brazil's 10⁹; Portugal
writes "mil milhões" for that and "bilião" for 10¹².)"""


def numerals(language: str) -> Numerals | None:
    """The number words of ``language``, or None (English and the languages not read)."""
    return NUMERALS.get(language)


def alternatives(forms: Iterable[str]) -> str:
    """A regex alternation of ``forms``, longest first; a space or a hyphen inside a form
    matches either ("quatre-vingt", "mil millones")."""
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(_SPACE_OR_HYPHEN.sub(r"[\\s-]+", re.escape(form)) for form in ordered)


def words_pattern(language: str) -> str:
    """A regex for a number written in words in ``language`` (match case-insensitively)."""
    n = NUMERALS[language]
    number = alternatives(n.words())
    if n.compound:
        joiner = alternatives(n.joiners) or "(?!)"
        atom = rf"(?:{number})(?:(?:{joiner})?(?:{number}))*"
    else:
        atom = rf"(?:{number})"
    join = r"[\s-]+"
    if n.joined_after:
        after = "|".join(rf"(?<={re.escape(word)})" for word in n.joined_after)
        join += rf"|(?:{after})\s+(?:{alternatives(n.joiners)})\s+"
    return rf"\b{atom}(?:(?:{join}){atom})*\b"


def is_number_word(word: str, language: str) -> bool:
    """Is ``word`` a number word of ``language`` (a compound one included), or a counting
    noun such as "Tausende"?"""
    n = NUMERALS.get(language)
    if n is None:
        return False
    key = word.lower()
    if key in n.bare:
        return False  # "ein", "un": an article far more often than a number
    if key in n.plurals or key in n.units or key in n.hundreds or key in n.scales:
        return True
    return n.compound and _compound(language).fullmatch(key) is not None


def words_value(phrase: str, language: str) -> float:
    """The value of a number written in words: "zwei Millionen dreihunderttausend" ->
    2300000, "mil quinientos millones" -> 1.5e9, "vingt et un" -> 21."""
    n = NUMERALS[language]
    total = current = largest = 0.0
    for part in _parts(language).findall(phrase.lower()):
        key = _canonical(language).get(_SPACES_AND_HYPHENS.sub("-", part), part)
        if key in n.hundreds:
            current = (current or 1) * 100
        elif key in n.scales:
            scale = n.scales[key]
            if scale > largest:
                total, largest = ((total + current) or 1) * scale, scale
            else:
                total += (current or 1) * scale
            current = 0.0
        elif key in n.units:
            current += n.units[key]
    return total + current


@cache
def _compound(language: str) -> re.Pattern[str]:
    return re.compile(words_pattern(language), re.IGNORECASE)


@cache
def _parts(language: str) -> re.Pattern[str]:
    """The number words and joiners, longest first, to split a phrase or a compound."""
    n = NUMERALS[language]
    return re.compile(alternatives(n.words() | n.joiners))


@cache
def _canonical(language: str) -> dict[str, str]:
    """Forms as split, white space and hyphens made one hyphen -> the table's form."""
    n = NUMERALS[language]
    return {_SPACES_AND_HYPHENS.sub("-", form): form for form in n.words() | n.joiners}


_SPACE_OR_HYPHEN = re.compile(r"\\ |\\-")
"""A space or a hyphen as :func:`re.escape` writes them."""
_SPACES_AND_HYPHENS = re.compile(r"[\s-]+")
