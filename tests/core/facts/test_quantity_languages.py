"""Quantities in German, French, Spanish, Italian, Dutch and Portuguese: separators, scale
words, currencies, percentages, written numbers, dates and times; the tables checked against
CLDR (Babel's locale data) where CLDR has them; English unchanged."""

from __future__ import annotations

import babel
import babel.numbers
import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from compareapp.core.facts.quantities import Quantity, find_quantities, quantity_at, same_value
from compareapp.core.facts.quantity_languages import WORDS

LANGUAGES = tuple(WORDS)


def only(text: str, language: str) -> Quantity:
    found = find_quantities(text, language)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("language", "text", "value", "unit"),
    [
        ("de", "8.000", 8000, ""),
        ("de", "8’000", 8000, ""),
        ("de", "1.234.567,5", 1234567.5, ""),
        ("de", "0,6", 0.6, ""),
        ("de", "1,500", 1.5, ""),  # a lone comma is the decimal mark
        ("de", "600 Millionen Dollar", 6e8, "usd"),
        ("de", "0,6 Milliarden Dollar", 6e8, "usd"),
        ("de", "1.200 Millionen Euro", 1.2e9, "eur"),
        ("de", "5 Mio. Euro", 5e6, "eur"),
        ("de", "2,5 Mrd. €", 2.5e9, "eur"),
        ("de", "12 Prozent", 12, "%"),
        ("de", "3 Prozentpunkte", 3, "pp"),
        ("de", "8 000 Quadratkilometer", 8000, "km2"),
        ("de", "minus 5 Grad", -5, "c"),
        ("de", "sechs Millionen", 6e6, ""),
        ("de", "achtundzwanzigtausend", 28000, ""),
        ("fr", "8 000", 8000, ""),
        ("fr", "8\u202f000", 8000, ""),
        ("fr", "600 millions de dollars", 6e8, "usd"),
        ("fr", "0,6 milliard de dollars", 6e8, "usd"),
        ("fr", "5 millions d’euros", 5e6, "eur"),
        ("fr", "5 M€", 5e6, "eur"),
        ("fr", "4,5 %", 4.5, "%"),
        ("fr", "huit pour cent", 8, "%"),
        ("fr", "quatre-vingt-dix", 90, ""),
        ("es", "8.000", 8000, ""),
        ("es", "600 millones de dólares", 6e8, "usd"),
        ("es", "0,6 mil millones de dólares", 6e8, "usd"),
        ("es", "ocho por ciento", 8, "%"),
        ("es", "treinta y ocho", 38, ""),
        ("it", "600 milioni di dollari", 6e8, "usd"),
        ("it", "0,6 miliardi di dollari", 6e8, "usd"),
        ("it", "5 mln di euro", 5e6, "eur"),
        ("it", "tremila euro", 3000, "eur"),
        ("nl", "600 miljoen dollar", 6e8, "usd"),
        ("nl", "0,6 miljard dollar", 6e8, "usd"),
        ("nl", "achtentwintig", 28, ""),
        ("pt", "600 milhões de dólares", 6e8, "usd"),
        ("pt", "0,6 mil milhões de dólares", 6e8, "usd"),
        ("pt", "R$ 5 bi", 5e9, "brl"),
        ("pt", "vinte e oito", 28, ""),
    ],
)
def test_a_figure_is_read_in_its_language(
    language: str, text: str, value: float, unit: str
) -> None:
    quantity = only(text, language)
    assert (quantity.text, quantity.unit) == (text, unit)
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize("language", WORDS)
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("8 km", 8.0, "km"), ("80 km/h", 80.0, "km/h"), ("3 h", 0.125, "days")],
)
def test_unit_symbols_are_read_alike_in_every_language(
    language: str, text: str, value: float, unit: str
) -> None:
    """ "km/h" is one symbol: it once made "km" and "h" read as speeds outside English."""
    quantity = only(text, language)
    assert (quantity.text, quantity.unit) == (text, unit)
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("language", "text", "date"),
    [
        ("de", "am 14. März 2024", 20240314),
        ("de", "am 14.3.2024", 20240314),
        ("de", "am 4. Mai", 504),
        ("fr", "le 14 mars 2024", 20240314),
        ("fr", "le 1er mars", 301),
        ("fr", "le 14/03/2024", 20240314),
        ("es", "el 14 de marzo de 2024", 20240314),
        ("es", "el 1º de marzo", 301),
        ("it", "il 14 marzo 2024", 20240314),
        ("nl", "op 14 maart 2024", 20240314),
        ("pt", "a 14 de março de 2024", 20240314),
    ],
)
def test_a_date_is_read_day_first_with_the_language_s_months(
    language: str, text: str, date: int
) -> None:
    quantity = only(text, language)
    assert (quantity.unit, quantity.value) == ("date", date)


@pytest.mark.parametrize(
    ("language", "text"),
    [("de", "um 14.40 Uhr"), ("de", "um 14:40"), ("fr", "à 14h40"), ("fr", "à 14 h 40"),
     ("nl", "om 14.40 uur"), ("pt", "às 14h40"), ("es", "a las 14:40")],
)  # fmt: skip
def test_a_time_of_day(language: str, text: str) -> None:
    quantity = only(text, language)
    assert (quantity.unit, quantity.value) == ("time", 14 * 60 + 40)


@pytest.mark.parametrize(
    ("language", "a", "b"),
    [
        ("de", "600 Millionen Dollar", "0,6 Milliarden Dollar"),
        ("de", "2,5 Milliarden Euro", "2.500 Millionen Euro"),
        ("de", "etwa 40 Millionen Euro", "rund 40 Mio. Euro"),
        ("de", "8 Prozent", "acht Prozent"),
        ("de", "sechs Millionen", "6 Millionen"),
        ("de", "8.000", "8 000"),
        ("fr", "600 millions de dollars", "0,6 milliard de dollars"),
        ("fr", "2,5 milliards d'euros", "2 500 millions d'euros"),
        ("fr", "8 %", "huit pour cent"),
        ("fr", "40 millions d'euros", "40 M€"),
        ("fr", "14 mars", "14 mars 2024"),
        ("es", "600 millones de dólares", "0,6 mil millones de dólares"),
        ("es", "2.500 millones de euros", "2,5 mil millones de euros"),
        ("it", "600 milioni di dollari", "0,6 miliardi di dollari"),
        ("nl", "600 miljoen dollar", "0,6 miljard dollar"),
        ("pt", "600 milhões de dólares", "0,6 mil milhões de dólares"),
    ],
)
def test_the_same_amount_written_two_ways_is_the_same(language: str, a: str, b: str) -> None:
    assert same_value(only(a, language), only(b, language))


@pytest.mark.parametrize(
    ("language", "a", "b"),
    [
        ("de", "8.000", "9.000"),
        ("de", "600 Millionen Dollar", "0,7 Milliarden Dollar"),
        ("de", "600 Millionen Dollar", "600 Millionen Euro"),
        ("de", "1,5 Prozent", "1,6 Prozent"),
        ("de", "zwei", "drei"),
        ("fr", "8 000", "9 000"),
        ("fr", "600 millions de dollars", "6 milliards de dollars"),
        ("es", "8.000", "9.000"),
        ("es", "600 millones de dólares", "600 mil millones de dólares"),
        ("pt", "mil milhões", "mil bilhões"),
    ],
)
def test_a_changed_amount_is_not_the_same(language: str, a: str, b: str) -> None:
    assert not same_value(only(a, language), only(b, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [("de", "ein Mann"), ("de", "eine Frau"), ("fr", "un homme"), ("es", "una mujer"),
     ("nl", "een man"), ("pt", "um homem"), ("fr", "le 19e siècle")],
)  # fmt: skip
def test_articles_and_ordinals_are_no_figures(language: str, text: str) -> None:
    assert find_quantities(text, language) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("8.000", 8000), ("1,500", 1500), ("1.5", 1.5), ("1.200 million", 1.2e6)],
)
def test_english_and_an_unsure_language_read_as_they_always_did(text: str, value: float) -> None:
    for language in ("", "en", "ru"):
        assert only(text, language).value == pytest.approx(value)


# CLDR (Babel's locale data, a test dependency): the tables checked against it -----------

LOCALES = ("de", "de_AT", "de_CH", "fr", "fr_CH", "es", "it", "nl", "pt", "pt_PT")


@pytest.mark.parametrize("locale", LOCALES)
def test_cldr_s_numbers_are_read(locale: str) -> None:
    language = locale.split("_")[0]
    written = babel.numbers.format_decimal(1234567.5, locale=locale)
    assert only(written, language).value == 1234567.5, written


@pytest.mark.parametrize("locale", LOCALES)
def test_cldr_s_long_scale_words_are_read(locale: str) -> None:
    language = locale.split("_")[0]
    for value in (6e8, 2e9, 1e6):
        written = babel.numbers.format_compact_decimal(value, format_type="long", locale=locale)
        assert only(written, language).value == value, written


@pytest.mark.parametrize("locale", ["de", "fr", "it", "nl"])
def test_cldr_s_short_scale_words_are_read(locale: str) -> None:
    for value in (6e8, 2e9):
        written = babel.numbers.format_compact_decimal(value, format_type="short", locale=locale)
        assert only(written, locale).value == value, written


@pytest.mark.parametrize("language", LANGUAGES)
def test_cldr_s_month_names_are_the_tables(language: str) -> None:
    months = babel.Locale.parse(language).months["format"]
    ours = [{form.rstrip(".") for form in forms.split("/")} for forms in WORDS[language].months]
    for number in range(1, 13):
        assert months["wide"][number].lower() in ours[number - 1]
        short = months["abbreviated"][number].lower().rstrip(".")
        assert short in ours[number - 1] or short[:3] in {f[:3] for f in ours[number - 1]}


# Line breaks --------------------------------------------------------------------------------

PIECES = (
    "8.000 8 000 0,6 1.234,5 600 Millionen Milliarden Mio. Mrd. Dollar Euro € $ Prozent %"
    " millions milliard de d’euros dollars millones mil dólares 14. März mars marzo 2024 Uhr"
    " 14.40 1er rund environ unos plus sechs achtundzwanzig vingt et un y treinta ocho"
    " Grad minus Quadratkilometer kilomètres carrés . , ; ( )"
).split()
SEPARATORS = [" ", " ", "", "\n", " \n", "\n\n", ",\n", ".\n", "-\n"]


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, str, list[tuple[int, int]]]:
    language = draw(st.sampled_from(LANGUAGES))
    words = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30))
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=True))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, 12)).map(
                lambda pair: (pair[0], min(len(text), pair[0] + pair[1]))
            ),
            min_size=1,
            max_size=6,
        )
    )
    return language, text, spans


@given(texts_and_spans())
def test_the_lines_around_a_place_give_the_figure_the_whole_text_gives(
    case: tuple[str, str, list[tuple[int, int]]],
) -> None:
    language, text, spans = case
    note(repr(text))
    whole = find_quantities(text, language)
    for start, end in spans:
        reach = max(end, start + 1)
        overlaps = [
            (min(end, q.end) - max(start, q.start), q)
            for q in whole
            if q.start < reach and start < q.end
        ]
        expected = max(overlaps, key=lambda pair: pair[0])[1] if overlaps else None
        assert quantity_at(text, start, end, language) == expected, (start, end)
