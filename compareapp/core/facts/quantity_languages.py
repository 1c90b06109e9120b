"""What :mod:`compareapp.core.facts.quantities` reads in German, French, Spanish, Italian,
Dutch and Portuguese besides the digits: scale words and their abbreviations, currencies,
percentages, units, qualifiers, months and clock times. (Number words are in
:mod:`compareapp.core.text.numerals`; English is :mod:`.quantity_units`.)

Hand-written from usage and checked against CLDR where CLDR has the data (separators, month
names, compact "Mio."/"Mrd." forms; ``tests/core/facts/test_quantity_languages.py``): CLDR
lists one form per locale, while a story may use any form of its language (Swiss "8’000",
"Mio." beside "Millionen", "mil millones" beside "millardo"). "s?" after a form adds its
plural; every form is matched without regard to case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuantityWords:
    """One language's words around figures (forms in lower case)."""

    scales: dict[str, float]
    """Multipliers written after digits beyond the number words: abbreviations with their
    period ("mio.", "mrd."), phrases ("mil millones")."""
    money_scales: dict[str, float]
    """Multipliers only with money ("5 m€", "R$ 5 bi")."""
    currencies: dict[str, str]
    """Currency words -> ISO code in lower case."""
    connector: str
    """A regex for the word between a scale word and a currency ("de", "d’", "di")."""
    percent: tuple[str, ...]
    points: tuple[str, ...]
    """Percentage points."""
    units: dict[str, str]
    """Unit words -> a label of ``quantity_units.UNITS``."""
    qualifiers: tuple[str, ...]
    months: tuple[str, ...]
    """Twelve entries, each "full/other/abbr." (an abbreviation is written with its period)."""
    month_of: str
    """A regex for the word before a month or year ("de" in "4 de marzo de 2024")."""
    clock: str
    """A regex for a time of day beyond "14:40", with groups ``hc`` (hours) and ``mc``."""
    minus: str
    """The word for minus before a temperature."""
    cased_scales: dict[str, float] = field(default_factory=dict)
    """Multipliers matched with their case: CLDR's "600 M" (millions), not "600 m" (metres)."""


def _table(entries: str) -> dict[str, str]:
    """ "kilomètre(s)=km, kilomètres carrés=km²" -> each form and its value; endings in
    brackets give a form without them and one with them ("kilomètre", "kilomètres")."""
    out = {}
    for entry in entries.split(","):
        forms, value = entry.strip().rsplit("=", 1)
        for form in forms.split("/"):
            out[_ENDING.sub("", form)] = out[_ENDING.sub(r"\1", form)] = value
    return out


def _words(entries: str) -> tuple[str, ...]:
    """ "mehr als|über|bis zu" -> the phrases."""
    return tuple(entries.split("|"))


def _months(entries: str) -> tuple[str, ...]:
    """ "januar/jänner/jan. februar/feb. ..." -> the twelve months' spellings."""
    months = tuple(entries.split())
    assert len(months) == 12, months
    return months


def _scales(entries: str) -> dict[str, float]:
    return {form: float(value) for form, value in _table(entries).items()}


_ENDING = re.compile(r"\((\w+)\)")
_CLOCK_WORD = r"(?<![\w.,:])(?P<hc>[01]?\d|2[0-3])(?:[.:](?P<mc>[0-5]\d))?\s?{word}\b"
_CLOCK_H = r"(?<![\w.,:])(?P<hc>[01]?\d|2[0-3])\s?h\s?(?P<mc>[0-5]\d)(?!\d)"
_NO_CLOCK = r"(?!)"
_SYMBOL_UNITS = {
    **_table(
        "km=km, m=m, cm=cm, mm=mm, km²/km2=km², m²=m², ha=ha, kg=kg, t=t, ml=ml, m³=m³,"
        " °c/ºc=°C, °f=°F, h=h, min=min"
    ),
    "km/h": "km/h",  # not in the table: its "/" parts a table's forms ("km", "h")
}
"""Unit symbols every language writes."""

WORDS: dict[str, QuantityWords] = {
    "de": QuantityWords(
        scales=_scales("tsd.=1e3, mio./mio=1e6, mrd./mrd=1e9, bio.=1e12"),
        money_scales={},
        currencies=_table(
            "dollar/us-dollar=usd, euro(s)=eur, pfund/pfund sterling=gbp,"
            " franken/schweizer franken=chf, rubel=rub, hrywnja=uah, yen=jpy, yuan=cny"
        ),
        connector="",
        percent=_words("prozent|v. h."),
        points=_words("prozentpunkte|prozentpunkten|prozentpunkt"),
        units=_SYMBOL_UNITS
        | _table(
            "kilometer=km, quadratkilometer=km², meter=m, zentimeter=cm, millimeter=mm,"
            " meile(n)=mi, hektar=ha, tonne(n)=t, kilogramm/kilo=kg, gramm=g, liter=l,"
            " grad/grad celsius=°C, stundenkilometer/kilometer pro stunde=km/h,"
            " sekunde(n)=s, minute(n)=min, stunde(n)=h, tag(e)/tagen=days, woche(n)=weeks,"
            " monat(e)/monaten=months, jahr(e)/jahren=years"
        ),
        qualifiers=_words(
            "rund|etwa|ungefähr|fast|knapp|mehr als|über|weniger als|unter|bis zu"
            "|mindestens|höchstens|gut|circa|ca.|annähernd|nahezu|beinahe"
        ),
        months=_months(
            "januar/jänner/jan. februar/feber/feb. märz/mär. april/apr. mai juni/jun."
            " juli/jul. august/aug. september/sept./sep. oktober/okt. november/nov."
            " dezember/dez."
        ),
        month_of="",
        clock=_CLOCK_WORD.format(word="Uhr"),
        minus="minus",
    ),
    "fr": QuantityWords(
        scales=_scales("md/mds/mrd/mrds=1e9"),
        money_scales=_scales("m=1e6, k=1e3"),
        currencies=_table(
            "dollar(s)/dollar(s) américain(s)=usd, euro(s)=eur, livre(s) sterling/livres=gbp,"
            " franc(s) suisse(s)=chf, rouble(s)=rub, hryvnia(s)=uah, yen(s)=jpy, yuan(s)=cny"
        ),
        connector=r"de|d['’]",
        percent=_words("pour cent|pourcent|pour-cent"),
        points=_words("points de pourcentage|point de pourcentage"),
        units=_SYMBOL_UNITS
        | _table(
            "kilomètre(s)=km, kilomètres carrés=km², mètre(s)=m, centimètre(s)=cm,"
            " millimètre(s)=mm, hectare(s)=ha, tonne(s)=t, kilo(s)/kilogramme(s)=kg,"
            " gramme(s)=g, litre(s)=l, degré(s)/degrés celsius=°C,"
            " kilomètres par heure/kilomètres à l'heure=km/h, seconde(s)=s, minute(s)=min,"
            " heure(s)=h, jour(s)=days, semaine(s)=weeks, mois=months, an(s)/année(s)=years"
        ),
        qualifiers=_words(
            "environ|près de|plus de|moins de|quelque|quelques|au moins|jusqu'à"
            "|jusqu’à|presque|quasiment|pas moins de|au plus|plus d'|plus d’"
        ),
        months=_months(
            "janvier/janv. février/févr./fév. mars avril/avr. mai juin juillet/juil."
            " août septembre/sept. octobre/oct. novembre/nov. décembre/déc."
        ),
        month_of="",
        clock=_CLOCK_H,
        minus="moins",
        cased_scales={"M": 1e6},
    ),
    "es": QuantityWords(
        scales=_scales("mil millones=1e9, mill./mm.=1e6"),
        money_scales=_scales("m=1e6"),
        currencies=_table(
            "dólar/dólares=usd, euro(s)=eur, libra(s)/libra(s) esterlina(s)=gbp,"
            " franco(s) suizo(s)=chf, rublo(s)=rub, grivna(s)=uah, yen(es)=jpy, yuan(es)=cny"
        ),
        connector="de",
        percent=_words("por ciento"),
        points=_words("puntos porcentuales|punto porcentual"),
        units=_SYMBOL_UNITS
        | _table(
            "kilómetro(s)=km, kilómetros cuadrados=km², metro(s)=m, centímetro(s)=cm,"
            " milímetro(s)=mm, milla(s)=mi, hectárea(s)=ha, tonelada(s)=t,"
            " kilo(s)/kilogramo(s)=kg, gramo(s)=g, litro(s)=l, grado(s)/grados centígrados=°C,"
            " kilómetros por hora=km/h, segundo(s)=s, minuto(s)=min, hora(s)=h, día(s)=days,"
            " semana(s)=weeks, mes/meses=months, año(s)=years"
        ),
        qualifiers=_words(
            "unos|unas|alrededor de|casi|más de|menos de|cerca de|al menos|hasta"
            "|aproximadamente|como mínimo|por lo menos"
        ),
        months=_months(
            "enero/ene. febrero/feb. marzo/mar. abril/abr. mayo junio/jun. julio/jul."
            " agosto/ago. septiembre/setiembre/sept./sep. octubre/oct. noviembre/nov."
            " diciembre/dic."
        ),
        month_of="de",
        clock=_NO_CLOCK,
        minus="menos",
        cased_scales={"M": 1e6},
    ),
    "it": QuantityWords(
        scales=_scales("mln/mln.=1e6, mld/mld./mrd/mrd.=1e9"),
        money_scales={},
        currencies=_table(
            "dollaro/dollari=usd, euro=eur, sterlina/sterline=gbp,"
            " franco svizzero/franchi svizzeri=chf, rublo/rubli=rub, yen=jpy, yuan=cny"
        ),
        connector="di",
        percent=_words("per cento|percento"),
        points=_words("punti percentuali|punto percentuale"),
        units=_SYMBOL_UNITS
        | _table(
            "chilometro/chilometri=km, chilometri quadrati=km², metro/metri=m,"
            " centimetri=cm, millimetri=mm, miglia=mi, ettaro/ettari=ha,"
            " tonnellata/tonnellate=t, chilo/chili/chilogrammi=kg, grammi=g,"
            " litro/litri=l, gradi=°C, chilometri orari=km/h, secondi=s, minuti=min,"
            " ora/ore=h, giorno/giorni=days, settimana/settimane=weeks, mese/mesi=months,"
            " anno/anni=years"
        ),
        qualifiers=_words(
            "circa|quasi|oltre|più di|meno di|almeno|fino a|intorno a|all'incirca"
            "|poco più di|poco meno di"
        ),
        months=_months(
            "gennaio/gen. febbraio/feb. marzo/mar. aprile/apr. maggio/mag."
            " giugno/giu. luglio/lug. agosto/ago. settembre/set. ottobre/ott."
            " novembre/nov. dicembre/dic."
        ),
        month_of="",
        clock=_NO_CLOCK,
        minus="meno",
    ),
    "nl": QuantityWords(
        scales=_scales("mln/mln.=1e6, mld/mld./mrd/mrd.=1e9"),
        money_scales={},
        currencies=_table(
            "dollar(s)=usd, euro/euro's=eur, pond/britse pond=gbp, zwitserse frank=chf,"
            " roebel=rub, yen=jpy, yuan=cny"
        ),
        connector="",
        percent=_words("procent|percent"),
        points=_words("procentpunt|procentpunten"),
        units=_SYMBOL_UNITS
        | _table(
            "kilometer=km, vierkante kilometer=km², meter=m, centimeter=cm, millimeter=mm,"
            " mijl=mi, hectare=ha, ton=t, kilo/kilogram=kg, gram=g, liter=l,"
            " graden/graden celsius=°C, kilometer per uur=km/h, seconde(n)=s,"
            " minuut/minuten=min, uur=h, dag(en)=days, week/weken=weeks,"
            " maand(en)=months, jaar/jaren=years"
        ),
        qualifiers=_words(
            "ongeveer|bijna|meer dan|minder dan|ruim|zo'n|zo’n|minstens|tot|circa|ca.|rond de|krap"
        ),
        months=_months(
            "januari/jan. februari/feb. maart/mrt. april/apr. mei juni/jun. juli/jul."
            " augustus/aug. september/sept./sep. oktober/okt. november/nov."
            " december/dec."
        ),
        month_of="",
        clock=_CLOCK_WORD.format(word="uur"),
        minus="min",
    ),
    "pt": QuantityWords(
        scales=_scales("mil milhões=1e9"),
        money_scales=_scales("mi=1e6, bi=1e9"),
        currencies=_table(
            "dólar/dólares=usd, euro(s)=eur, libra(s)/libra(s) esterlina(s)=gbp,"
            " real/reais=brl, rublo(s)=rub, iene(s)=jpy, yuan(s)=cny"
        ),
        connector="de",
        percent=_words("por cento"),
        points=_words("pontos percentuais|ponto percentual"),
        units=_SYMBOL_UNITS
        | _table(
            "quilómetro(s)/quilômetro(s)=km, quilómetros quadrados/quilômetros quadrados=km²,"
            " metro(s)=m, centímetro(s)=cm, milímetro(s)=mm, milha(s)=mi, hectare(s)=ha,"
            " tonelada(s)=t, quilo(s)/quilograma(s)=kg, grama(s)=g, litro(s)=l,"
            " grau(s)=°C, quilómetros por hora/quilômetros por hora=km/h, segundo(s)=s,"
            " minuto(s)=min, hora(s)=h, dia(s)=days, semana(s)=weeks, mês/meses=months,"
            " ano(s)=years"
        ),
        qualifiers=_words(
            "cerca de|quase|mais de|menos de|pelo menos|até|aproximadamente|perto de|no mínimo"
        ),
        months=_months(
            "janeiro/jan. fevereiro/fev. março/mar. abril/abr. maio/mai. junho/jun."
            " julho/jul. agosto/ago. setembro/set. outubro/out. novembro/nov."
            " dezembro/dez."
        ),
        month_of="de",
        clock=_CLOCK_H,
        minus="menos",
        cased_scales={"M": 1e6},
    ),
}
"""Language code -> its words around figures."""
CURRENCY_SYMBOLS_AFTER = {
    "€": "eur",
    "$": "usd",
    "US$": "usd",
    "£": "gbp",
    "¥": "jpy",
    "R$": "brl",
    "₽": "rub",
    "₴": "uah",
    "Fr.": "chf",
}
"""Symbols written after the figure ("5 €", "600 Mio. $") in these languages."""
