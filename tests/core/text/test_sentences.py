"""Sentences as offsets: split after a stop before a capital, never after a title or an
initial, closing quotes kept with their sentence."""

from __future__ import annotations

from compareapp.core.text.sentences import sentence_spans


def _sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, start, end)]


def test_sentences_end_at_their_stop_with_closing_quotes() -> None:
    text = "“We understand your concerns.” Putin said so. Did Xi reply? 9,000 were retaken!"
    assert _sentences(text) == [
        "“We understand your concerns.”",
        "Putin said so.",
        "Did Xi reply?",
        "9,000 were retaken!",
    ]


def test_titles_initials_and_lower_case_do_not_end_a_sentence() -> None:
    text = "Mr. Putin met the U.S. envoy at 9 a.m. Monday. Talks went on. then ended."
    assert _sentences(text) == [
        "Mr. Putin met the U.S. envoy at 9 a.m. Monday.",
        "Talks went on. then ended.",
    ]


def test_offsets_are_the_texts_within_a_span() -> None:
    text = "Before.\n\nOne sentence. Another one.  \n\nAfter."
    start = text.index("One")
    end = text.index("After") - 2
    spans = sentence_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["One sentence.", "Another one."]
    assert spans[0][0] == start
    assert sentence_spans(text, start, start) == []


def test_sentences_start_at_capitals_of_any_script_and_letters_without_case() -> None:
    assert _sentences("Власти открыли мост. Строительство шло два года. и всё.") == [
        "Власти открыли мост.",
        "Строительство шло два года. и всё.",
    ]
    assert _sentences("Řidiči čekají. Ďábelská zácpa trvá.") == [
        "Řidiči čekají.",
        "Ďábelská zácpa trvá.",
    ]
    assert _sentences("पुल खुल गया। यातायात शुरू हुआ।") == ["पुल खुल गया।", "यातायात शुरू हुआ।"]


def test_chinese_and_japanese_full_stops_end_a_sentence_without_a_space() -> None:
    assert _sentences("大桥今天通车。“这是好消息！”市长说。") == [
        "大桥今天通车。",
        "“这是好消息！”",
        "市长说。",
    ]
