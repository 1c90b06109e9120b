"""Quotations and their attribution, from the seed article pair and the sample articles.

Sentences are copied from /work/shared/corpus/seed-pair (Reuters and a rewrite) and from
compareapp/assets/sample (the wire report and the outlet rewrite), with their typography.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compareapp.core.facts.quotations import (
    Quotation,
    attributions,
    find_quotations,
    same_person,
    same_words,
)

SAMPLE = Path(__file__).resolve().parents[3] / "compareapp" / "assets" / "sample"

# Quoted words, as found (inside the marks), and the sentences they come from.
APPRECIATE = (
    "We highly appreciate the balanced position of our Chinese friends when it comes to the "
    "Ukraine crisis,"
)
VALUE = APPRECIATE.replace("appreciate", "value")
UNDERSTAND = (
    "We understand your questions and concerns about this. During today’s meeting, we will of "
    "course explain our position."
)
PUTIN_REUTERS = f"“{APPRECIATE}” Putin said in their first meeting since the war began."
PUTIN_REWRITE = f'"{VALUE}" Putin told Xi at their first meeting since the war began.'
PUTIN_CONTINUED = f"{PUTIN_REUTERS}\n\n“{UNDERSTAND}”"
WHOLE_WORLD = "The whole world should line up against what Putin is doing,"
# The rewrite's Kirby sentence, with the stray closing quote it has at the end.
KIRBY = (
    "White House spokesman John Kirby said China should reject the Russian invasion: "
    f"“{WHOLE_WORLD}” Kirby told CNN. This is not the time for any kind of business as usual "
    "with Mr. Putin.”"
)
KHARKIV = (
    "The immediate Kharkiv scenario will not be repeated. We will have to fight hard for our "
    "region. The Russians are preparing to defend,"
)
GAIDAI = (
    f"“{KHARKIV}” Gaidai told Ukrainian television, adding that the Russians were digging in "
    "the settlements of Svatov and Troitsky."
)
EUPHORIA = (
    "We must avoid euphoria. There is still a lot of work to be done to liberate our "
    "territory, and Russia has a large number of weapons."
)
DANILOV = (
    "Oleksiy Danilov, Secretary of the National Security and Defense Council of Ukraine, said "
    f"in an online post: “{EUPHORIA}”"
)
TORTURE = (
    "It appears that widespread torture and executions of civilians have taken place in "
    "temporary detention centers throughout the region, for example, in Balaklia and Izium,"
)
BEAUVOIS = (
    "Nigel Beauvois, a British lawyer who went to the newly captured area as part of an "
    "international team helping Ukraine with war crimes investigations, said Russia’s long "
    "occupation of such a large area meant atrocities there likely had reached an "
    f"“unprecedented level”. of horror.”\n\n“{TORTURE}” he said."
)
BORDERLESS = (
    "The last time the two men met, they signed a “borderless” friendship agreement between "
    "the two countries."
)
NO_LIMITS = (
    'The last time Putin and Xi met, they signed a "no limits" friendship agreement between '
    "their two countries."
)
ZAKHAROVA = (
    "Russian Foreign Ministry spokesperson Maria Zakharova said any decision by the U.S. to "
    'supply Ukraine with longer-range missiles for the U.S.-made HIMARS system would cross a "red '
    'line" and make the U.S. "a direct party to the conflict."'
)
IMPRESSIVE = (
    "It's impressive to see the speed, the determination, the preciseness with which you are "
    "progressing,"
)
VON_DER_LEYEN = (
    "In Kyiv, von der Leyen held talks with Zelenskyy, where she told him Ukraine's accession "
    f'process to the European Union was well on track. \n\n"{IMPRESSIVE}" she said.'
)
NOBODY = "Nobody should be walking on that bridge until we know what’s happening underneath it,"
BRECK_WIRE = (
    f"“{NOBODY}” said Dr Tomasz Breck, the authority’s chief structural engineer, who led the "
    "inspection from a boat as the water rose."
)
NOBODY_ASCII = NOBODY.replace("’", "'")
BRECK_REWRITE = f'"{NOBODY_ASCII}" Mayor Ingrid Sallowe said on Tuesday.'
ACTED = "We acted within hours, and we warned the town before a single gate was opened,"
HOLDING = "Holding the water back any longer would have put the dam itself at risk."
PARDY_WIRE = (
    f"“{ACTED}” Owen Pardy, a spokesman for the authority, told reporters at a briefing in the "
    f"town hall. “{HOLDING}”"
)
PARDY_REWRITE = (
    f'"{ACTED.replace("hours", "the hour")}" said authority spokesman Owen Pardy. "{HOLDING}"'
)
PARDY_PARTIAL = (
    "Pardy said the alert system had reached “more than nine in ten” registered phones and "
    "that the authority would examine why some messages had failed."
)
FURNITURE = (
    "People have lost furniture, photographs, cars — things that can’t be replaced by Friday,"
)
FAMILY = "But every family on Quay Street is accounted for, and that is what matters this morning."
MAYOR_WIRE = f"“{FURNITURE}” Sallow said. “{FAMILY}”"
FURNITURE_ASCII = FURNITURE.replace(" — ", " - ").replace("’", "'")
FAMILY_ASCII = FAMILY.replace("that is", "that's")
MAYOR_REWRITE = f'"{FURNITURE_ASCII}" the mayor said. "{FAMILY_ASCII}"'
WALL = "We were told the wall was adequate for a one-in-a-hundred-year flood. Well, here it is,"
HARROW_WIRE = (
    "Delphine Harrow, who chairs the Quayside Residents’ Association, said neighbours had been "
    f"asking for years for the flood defences along the quay to be raised. “{WALL}” she told "
    "Radio North."
)
HARROW_REWRITE = (
    "Delphine Harrow, chair of the Quayside Residents' Association, said neighbors had spent "
    f'years asking for the flood defenses along the quay to be raised.\n\n"{WALL}" she told '
    "the Gazette."
)
COUNTER = "The counter's ruined and the freezers are gone, but the building's still standing,"
OPEN_AGAIN = "We'll open again. Marrowby always dries out in the end."
MILLINGTON = (
    "At the Ferryman's Cup cafe on Quay Street, owner Rosa Millington was already sweeping "
    f'brown water out of the door by 9 a.m. "{COUNTER}" she said. "{OPEN_AGAIN}"'
)
PARIAH = (
    "Russia has become a pariah to the G7 because of their invasion. China wants no part of that,"
)
BREMMER = (
    "Ian Bremmer, political science professor at New York's Columbia University, said it was "
    'the "first public sign of Putin recognizing pressure to back down."\n\n'
    f'"{PARIAH}" he wrote on Twitter, referring to the Group of Seven leading industrialized '
    "nations."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            PUTIN_REUTERS,
            [(APPRECIATE, "Putin", "")],
            id="after-said-curly",
        ),
        pytest.param(
            PUTIN_REWRITE,
            [(VALUE, "Putin", "Xi")],
            id="after-told-straight",
        ),
        pytest.param(
            PUTIN_CONTINUED,
            [
                (APPRECIATE, "Putin", ""),
                (UNDERSTAND, "Putin", ""),
            ],
            id="next-paragraph-quote-goes-on-with-the-speaker",
        ),
        pytest.param(
            KIRBY,
            [(WHOLE_WORLD, "Kirby", "CNN")],
            id="after-wins-over-before-stray-closing-quote-ignored",
        ),
        pytest.param(
            GAIDAI.replace("told Ukrainian television", "told MSNBC"),
            [(KHARKIV, "Gaidai", "MSNBC")],
            id="told-msnbc",
        ),
        pytest.param(GAIDAI, [(KHARKIV, "Gaidai", "Ukrainian television")], id="told-tv"),
        pytest.param(DANILOV, [(EUPHORIA, "Oleksiy Danilov", "")], id="before-colon"),
        pytest.param(
            BEAUVOIS,
            [
                ("unprecedented level", "Nigel Beauvois", ""),
                (TORTURE, "Nigel Beauvois", ""),
            ],
            id="partial-quote-and-pronoun-resolved-across-paragraphs",
        ),
        pytest.param(BORDERLESS, [("borderless", "", "")], id="scare-quote-curly"),
        pytest.param(NO_LIMITS, [("no limits", "", "")], id="scare-quote-straight"),
        pytest.param(
            NO_LIMITS.replace('"', "‘", 1).replace('"', "’", 1),
            [("no limits", "", "")],
            id="scare-quote-single",
        ),
        pytest.param(
            ZAKHAROVA,
            [
                ("red line", "Russian Foreign Ministry spokesperson Maria Zakharova", ""),
                (
                    "a direct party to the conflict.",
                    "Russian Foreign Ministry spokesperson Maria Zakharova",
                    "",
                ),
            ],
            id="partial-quotes-in-indirect-speech-after-u.s.",
        ),
        pytest.param(
            VON_DER_LEYEN,
            [(IMPRESSIVE, "von der Leyen", "")],
            id="she-said-resolved-through-she-told-him",
        ),
        pytest.param(BRECK_WIRE, [(NOBODY, "Dr Tomasz Breck", "")], id="said-x"),
        pytest.param(
            BRECK_REWRITE, [(NOBODY_ASCII, "Mayor Ingrid Sallowe", "")], id="x-said-title"
        ),
        pytest.param(
            PARDY_WIRE,
            [
                (ACTED, "Owen Pardy", "reporters"),
                (HOLDING, "Owen Pardy", "reporters"),
            ],
            id="apposition-and-next-sentence",
        ),
        pytest.param(
            PARDY_REWRITE,
            [
                (ACTED.replace("hours", "the hour"), "authority spokesman Owen Pardy", ""),
                (HOLDING, "authority spokesman Owen Pardy", ""),
            ],
            id="said-x-then-next-sentence",
        ),
        pytest.param(
            PARDY_PARTIAL, [("more than nine in ten", "Pardy", "")], id="partial-quote-said"
        ),
        pytest.param(
            MAYOR_WIRE,
            [(FURNITURE, "Sallow", ""), (FAMILY, "Sallow", "")],
            id="middle-of-split-quote-wire",
        ),
        pytest.param(
            MAYOR_REWRITE,
            [(FURNITURE_ASCII, "the mayor", ""), (FAMILY_ASCII, "the mayor", "")],
            id="middle-of-split-quote-rewrite",
        ),
        pytest.param(
            "“We acted within hours,” Pardy said, “and we warned the town before a single gate "
            "was opened.”",
            [
                ("We acted within hours,", "Pardy", ""),
                ("and we warned the town before a single gate was opened.", "Pardy", ""),
            ],
            id="middle-of-split-sentence",
        ),
        pytest.param(
            HARROW_WIRE,
            [(WALL, "Delphine Harrow", "Radio North")],
            id="she-told-same-paragraph",
        ),
        pytest.param(
            HARROW_REWRITE,
            [(WALL, "Delphine Harrow", "the Gazette")],
            id="she-told-previous-paragraph",
        ),
        pytest.param(
            MILLINGTON,
            [
                (COUNTER, "Rosa Millington", ""),
                (OPEN_AGAIN, "Rosa Millington", ""),
            ],
            id="she-said-name-earlier-in-paragraph",
        ),
        pytest.param(
            BREMMER,
            [
                (
                    "first public sign of Putin recognizing pressure to back down.",
                    "Ian Bremmer",
                    "",
                ),
                (PARIAH, "Ian Bremmer", "Twitter"),
            ],
            id="he-wrote-on-twitter",
        ),
        pytest.param(
            "Churchill said: “We shall fight on the beaches,\n\n“We shall never surrender.”",
            [
                ("We shall fight on the beaches,", "Churchill", ""),
                ("We shall never surrender.", "Churchill", ""),
            ],
            id="quote-across-paragraphs",
        ),
        pytest.param(
            "“We shall fight on the beaches.\n\n“We shall never surrender,” Churchill said.",
            [
                ("We shall fight on the beaches.", "Churchill", ""),
                ("We shall never surrender,", "Churchill", ""),
            ],
            id="quote-across-paragraphs-attributed-at-the-end",
        ),
        pytest.param(
            "‘We acted within hours,’ said a spokesman for the authority.",
            [("We acted within hours,", "a spokesman for the authority", "")],
            id="single-quotes-said-x",
        ),
        pytest.param(
            "“It is over,” according to Kirby.", [("It is over,", "Kirby", "")], id="according"
        ),
        pytest.param("“It is over,” Kirby added.", [("It is over,", "Kirby", "")], id="added"),
        pytest.param("“It is over,” Kirby says.", [("It is over,", "Kirby", "")], id="says"),
        pytest.param(
            "Kirby said in a statement: “It is over.”",
            [("It is over.", "Kirby", "")],
            id="said-in-a-statement",
        ),
        pytest.param("“It is over,” he said.", [("It is over,", "he", "")], id="he-unresolved"),
    ],
)
def test_find_quotations(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_quotations(text)
    assert [(q.text, q.speaker, q.audience) for q in found] == expected
    for q in found:
        _assert_offsets(text, q)


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    text = (
        "White House spokesman John Kirby said China should reject the Russian\n"
        "invasion: “The whole world should line up against what Putin is doing,”\n"
        "Kirby told CNN in an interview on Thursday, in remarks that were widely\n"
        "reported across the region and beyond."
    )
    (quotation,) = find_quotations(text)
    assert (quotation.speaker, quotation.audience) == ("Kirby", "CNN")
    assert [a.speaker for a in attributions(text)] == ["White House spokesman John Kirby", "Kirby"]


def _assert_offsets(text: str, q: Quotation) -> None:
    assert text[q.start : q.end] == q.text
    if q.speaker:
        assert text[q.speaker_start : q.speaker_end] == q.speaker
    else:
        assert (q.speaker_start, q.speaker_end) == (-1, -1)
    if q.audience:
        assert text[q.audience_start : q.audience_end] == q.audience


def test_the_same_quote_differs_in_outlet_between_versions() -> None:
    """ "told CNN" in one version, "told MSNBC" in the other: same words, same speaker."""
    (cnn,) = find_quotations(KIRBY)
    (msnbc,) = find_quotations(KIRBY.replace("told CNN", "told MSNBC"))
    assert (cnn.audience, msnbc.audience) == ("CNN", "MSNBC")
    assert same_words(cnn.text, msnbc.text)
    assert same_person(cnn.speaker, msnbc.speaker)


def test_the_same_quote_differs_in_wording_and_audience_between_versions() -> None:
    (reuters,) = find_quotations(PUTIN_REUTERS)
    (rewrite,) = find_quotations(PUTIN_REWRITE)
    assert not same_words(reuters.text, rewrite.text)  # "highly appreciate" / "highly value"
    assert same_person(reuters.speaker, rewrite.speaker)
    assert (reuters.audience, rewrite.audience) == ("", "Xi")


def test_the_same_quote_differs_in_speaker_between_sample_versions() -> None:
    (wire,) = find_quotations(BRECK_WIRE)
    (rewrite,) = find_quotations(BRECK_REWRITE)
    assert same_words(wire.text, rewrite.text)
    assert not same_person(wire.speaker, rewrite.speaker)


def test_sample_articles_quotation_differences() -> None:
    """The deliberate quotation differences listed in the sample README, found end to end."""
    wire = find_quotations((SAMPLE / "wire-report.txt").read_text(encoding="utf-8"))
    rewrite = find_quotations((SAMPLE / "outlet-rewrite.txt").read_text(encoding="utf-8"))
    assert len(wire) == len(rewrite) - 2  # the rewrite adds Rosa Millington's two quotes

    def opening(quotation: Quotation) -> str:
        return " ".join(quotation.text.split()[:3])

    pairs = {opening(q): (q, next(r for r in rewrite if opening(r) == opening(q))) for q in wire}
    acted_wire, acted_rewrite = pairs["We acted within"]
    assert not same_words(acted_wire.text, acted_rewrite.text)
    assert same_person(acted_wire.speaker, acted_rewrite.speaker)  # Owen Pardy
    family_wire, family_rewrite = pairs["But every family"]
    assert not same_words(family_wire.text, family_rewrite.text)  # "that is" / "that's"
    assert (family_wire.speaker, family_rewrite.speaker) == ("Sallow", "the mayor")
    assert not same_person(family_wire.speaker, family_rewrite.speaker)
    nobody_wire, nobody_rewrite = pairs["Nobody should be"]
    assert same_words(nobody_wire.text, nobody_rewrite.text)  # curly / straight apostrophe
    assert (nobody_wire.speaker, nobody_rewrite.speaker) == (
        "Dr Tomasz Breck",
        "Mayor Ingrid Sallowe",
    )
    wall_wire, wall_rewrite = pairs["We were told"]
    assert same_words(wall_wire.text, wall_rewrite.text)
    assert (wall_wire.speaker, wall_rewrite.speaker) == ("Delphine Harrow", "Delphine Harrow")
    assert (wall_wire.audience, wall_rewrite.audience) == ("Radio North", "the Gazette")


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv says it has recovered more than 8,000 square kilometers (3,000 square miles).",
        "The residents’ group met the mayor’s aides at Tanner’s Bridge on Tuesday.",
        "Residents' Association members say it's the rock 'n' roll of Tanner's Bridge.",
        "Forecasters expect 2–3 days of drier weather from Wednesday.",
        'The pipe is 12" wide and the man is 5\'11" tall.',
        "The ’90s were quiet; the ‘80s less so.",
        "",
    ],
)
def test_no_quotation_in_plain_sentences(text: str) -> None:
    assert find_quotations(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kirby told CNN that the package was coming.",
            [("Kirby", "told", "CNN", "Kirby told CNN")],
            id="told-cnn-that",
        ),
        pytest.param(
            "White House spokesman Kirby told MSNBC in an interview Thursday that the United "
            "States, which has provided billions of dollars in aid to Ukraine, is expected to "
            "introduce a new security assistance package soon.",
            [
                (
                    "White House spokesman Kirby",
                    "told",
                    "MSNBC",
                    "White House spokesman Kirby told MSNBC in an interview",
                )
            ],
            id="told-msnbc-in-an-interview",
        ),
        pytest.param(
            "Kyiv says it has recovered more than 8,000 square kilometers (3,000 square miles).",
            [("Kyiv", "says", "", "Kyiv says")],
            id="says",
        ),
        pytest.param(
            "But Serhiy Gaidai, governor of Ukraine's eastern Luhansk region, said it would still "
            "be a tough fight.",
            [
                (
                    "Serhiy Gaidai",
                    "said",
                    "",
                    "Serhiy Gaidai, governor of Ukraine's eastern Luhansk region, said",
                )
            ],
            id="apposition",
        ),
        pytest.param(
            "Russian Foreign Minister Sergei Lavrov later told reporters that the talks behind "
            "closed doors with China had been excellent.",
            [
                (
                    "Russian Foreign Minister Sergei Lavrov",
                    "told",
                    "reporters",
                    "Russian Foreign Minister Sergei Lavrov later told reporters",
                )
            ],
            id="adverb-between-subject-and-verb",
        ),
        pytest.param(
            "Text alerts were sent at 1:55 a.m., but several people on Mill Lane told Northern "
            "Wire they had not received one.",
            [
                (
                    "several people on Mill Lane",
                    "told",
                    "Northern Wire",
                    "several people on Mill Lane told Northern Wire",
                )
            ],
            id="told-outlet-they",
        ),
        pytest.param(
            "In Kyiv, von der Leyen held talks with Zelenskyy, where she told him Ukraine's "
            "accession process to the European Union was well on track.",
            [("she", "told", "him", "she told him")],
            id="told-him",
        ),
        pytest.param(
            "Pope Francis on Thursday said it was morally legitimate.",
            [("Pope Francis", "said", "", "Pope Francis on Thursday said")],
            id="time-between-subject-and-verb",
        ),
        pytest.param(
            "Homes were destroyed, Gov. Oleh Synehubov said on Telegram, according to Reuters.",
            [
                ("Gov. Oleh Synehubov", "said", "Telegram", "Gov. Oleh Synehubov said on Telegram"),
                ("Reuters", "according to", "", "according to Reuters"),
            ],
            id="on-telegram-according-to",
        ),
        pytest.param(
            "By mid-morning the river stood 4.2 meters above its normal level, according to "
            "authority data.",
            [("authority data", "according to", "", "according to authority data")],
            id="according-to",
        ),
        pytest.param(
            "But the British Ministry of Defense said in an update that Ukrainian forces "
            "continue to consolidate their control.",
            [
                (
                    "the British Ministry of Defense",
                    "said",
                    "",
                    "the British Ministry of Defense said in an update",
                )
            ],
            id="said-in-an-update",
        ),
        pytest.param(
            "The worst-hit districts were Guenzburg and Augsburg, said interior minister "
            "Joachim Herrmann.",
            [
                (
                    "interior minister Joachim Herrmann",
                    "said",
                    "",
                    "said interior minister Joachim Herrmann",
                )
            ],
            id="said-after-a-comma-names-its-speaker-after",
        ),
        pytest.param(
            "Prices will keep rising, at least until spring, said the Bank of England on Thursday.",
            [("the Bank of England", "said", "", "said the Bank of England")],
            id="said-after-two-commas-names-its-speaker-after",
        ),
        pytest.param(
            "Serhiy Gaidai, the governor, said Russian forces would attack again.",
            [("Serhiy Gaidai", "said", "", "Serhiy Gaidai, the governor, said")],
            id="apposition-then-what-was-said",
        ),
        pytest.param("We were told the wall was adequate.", [], id="passive-told"),
        pytest.param("It is hard to say what comes next.", [], id="to-say"),
        pytest.param(
            "“We were told the wall was adequate,” she told the Gazette.",
            [("she", "told", "the Gazette", "she told the Gazette")],
            id="not-inside-quotes",
        ),
    ],
)
def test_attributions(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = attributions(text)
    assert [(a.speaker, a.verb, a.audience, text[a.start : a.end]) for a in found] == expected
    for a in found:
        assert text[a.speaker_start : a.speaker_end] == a.speaker
        assert text[a.audience_start : a.audience_end] == a.audience


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("“We acted within hours,”", '"We acted within hours,"', id="quote-marks"),
        pytest.param("We acted within hours,", "We acted within hours.", id="comma-period"),
        pytest.param("we warned the town.", "We warned the town", id="first-letter-case"),
        pytest.param("cars — things", "cars - things", id="dash"),
        pytest.param("what’s happening", "what's happening", id="apostrophe"),
        pytest.param("no  electricity ...", "no electricity…", id="spaces-ellipsis"),
    ],
)
def test_same_words(a: str, b: str) -> None:
    assert same_words(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "We highly appreciate the balanced position",
            "We highly value the balanced position",
            id="appreciate-value",
        ),
        pytest.param("borderless", "no limits", id="borderless-no-limits"),
        pytest.param("and that is what matters", "and that's what matters", id="contraction"),
        pytest.param("questions and concerns", "questions and concern", id="plural"),
        pytest.param("We acted within hours", "We acted within the hour", id="hours-hour"),
        pytest.param("Why?", "Why", id="question-mark-kept"),
    ],
)
def test_different_words(a: str, b: str) -> None:
    assert not same_words(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Putin", "Vladimir Putin"),
        ("Putin", "Russian President Vladimir Putin"),
        ("Vladimir Putin", "Russian President Vladimir Putin"),
        ("Mr. Putin", "Putin’s"),
        ("Xi", "Xi Jinping"),
        ("Xi", "Chinese President Xi Jinping"),
        ("President Xi", "China's Xi Jinping"),
        ("Kirby", "White House spokesman John Kirby"),
        ("Kirby", "White House spokesperson\u00a0John Kirby"),
        ("Dr Tomasz Breck", "Tomasz Breck"),
        ("Sallow", "Mayor Ingrid Sallow"),
        ("Von der Leyen", "European Commission President Ursula von der Leyen"),
        ("Gaidai", "Gaïdaï"),
        ("the mayor", "The mayor"),
        ("a spokesman for the authority", "spokesman for the authority"),
        ("he", "he"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Putin", "Xi"),
        ("Vladimir Putin", "Vladimir Zelensky"),
        ("Sallow", "Sallowe"),
        ("Dr Tomasz Breck", "Mayor Ingrid Sallowe"),
        ("he", "Putin"),
        ("she", "Delphine Harrow"),
        ("he", "she"),
        ("the mayor", "Mayor Ingrid Sallow"),
        ("Kim Jong Un", "Kim Yo Jong"),
        ("", ""),
        ("", "Putin"),
    ],
)
def test_different_person(a: str, b: str) -> None:
    assert not same_person(a, b)
    assert not same_person(b, a)


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "“",
        "”",
        "““””",
        '"""',
        "‘’‘",
        'He said "it "was" fine" and ”stray',
        "“One “two” three”",
        "“Unclosed at the end",
        "said, said told according to",
        ", said",
        "“Yes,” said on Thursday.",
        "“x” he said\n\n“y” she said\n\n“z",
    ],
)
def test_nested_or_unbalanced_quotes_do_not_crash(text: str) -> None:
    for q in find_quotations(text):
        _assert_offsets(text, q)
    attributions(text)


# Texts made of quote marks, punctuation, spaces and attribution words.
_PIECES = [*"“”‘’\"'«»„ \n\t.,:;!?—-aZ", "he said", " Putin told CNN", "according to ", "Mr. "]
_QUOTY = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_QUOTY, st.text(max_size=80)))
def test_any_text_gives_consistent_spans(text: str) -> None:
    for q in find_quotations(text):
        assert 0 <= q.start < q.end <= len(text)
        _assert_offsets(text, q)
    for a in attributions(text):
        assert 0 <= a.start <= a.end <= len(text)
        assert text[a.speaker_start : a.speaker_end] == a.speaker
