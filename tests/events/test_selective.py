"""Selective parsing: only sentences that may hold an event are parsed, with the same events."""

from __future__ import annotations

from datetime import date

from sitrep.events.coder import Coder
from sitrep.events.selective import UNPARSED_KEY, SelectiveParser
from sitrep.record import Article

TEXT = ("Office of the Spokesperson\n\n"
        "The below is attributable to Spokesperson Ned Price:\n\n"
        "Secretary of State Antony J. Blinken spoke today with Polish Foreign Minister "
        "Zbigniew Rau. The two discussed the shared challenges facing the region. "
        "The weather was fine and the discussion was warm. "
        "Rau invited Blinken to visit Warsaw.")


def _events(coder: Coder, selective: bool) -> list[tuple]:
    saved = coder.parser
    coder.parser = saved if selective else None
    try:
        article = Article(url="test://s", title="Secretary Blinken's Call with Polish Foreign "
                          "Minister Rau", text=TEXT, origin="s", published=date(2022, 2, 24),
                          id="a_s")
        events = coder.code(article)
    finally:
        coder.parser = saved
    return sorted((e.type, e.mode, e.modality, str(e.date), tuple(sorted(a.name for a in
                                                                          e.actors)))
                  for e in events)


def test_selective_same_events_as_full_parse(coder: Coder) -> None:
    assert coder.parser is not None
    selective = _events(coder, True)
    assert selective == _events(coder, False)
    assert ("CONSULT", "phone", "asserted", "2022-02-24",
            ("Antony Blinken", "Zbigniew Rau")) in selective


def test_selective_skips_sentences_without_triggers(coder: Coder) -> None:
    doc = coder.parse(TEXT)
    sents = {s.text.strip(): s for s in doc.sents}
    skipped = doc.user_data[UNPARSED_KEY]
    assert sents["The weather was fine and the discussion was warm."].start in skipped
    assert sents["Rau invited Blinken to visit Warsaw."].start not in skipped
    # an unparsed sentence is a flat tree under its first word, so sentences stay as split
    flat = sents["The weather was fine and the discussion was warm."]
    assert all(t.head.i == flat.start for t in flat)


def test_selective_blank_line_starts_a_sentence(coder: Coder) -> None:
    starts = [s.text.split()[0] for s in coder.parse(TEXT).sents]
    assert starts[:3] == ["Office", "The", "Secretary"]


def test_selective_names_remembered_in_skipped_sentences(coder: Coder) -> None:
    text = ("Foreign Minister Jan Kowalczyk of Poland smiled warmly at the cameras. "
            "Lavrov called Kowalczyk on Thursday.")
    doc = coder.parse(text)
    assert next(iter(doc.sents)).start in doc.user_data[UNPARSED_KEY]
    article = Article(url="test://k", title="", text=text, origin="k",
                      published=date(2022, 2, 24), id="a_k")
    call = next(e for e in coder.code_doc(article, doc) if e.type == "CONSULT")
    assert "Jan Kowalczyk" in {a.name for a in call.actors}


def test_selective_available_needs_a_parser(coder: Coder) -> None:
    assert SelectiveParser.available(coder.nlp)
    import spacy

    assert not SelectiveParser.available(spacy.blank("en"))
