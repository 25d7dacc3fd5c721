"""What pages draw: text cut at evidence and spans, bars, downloads' escaping."""

from __future__ import annotations

import json
from datetime import date

from sitrep.api import Mark
from sitrep.web.tables import download, safe_json
from sitrep.web.views import article_pieces, bar_chart, sentence_spans


def _mark(start: int, end: int) -> Mark:
    return Mark(start, end, "e_1", "CONSULT", "phone", "asserted", date(2022, 1, 13), "spoke",
                ["A", "B"])


def test_views_article_pieces_cover_the_text_once() -> None:
    text = "One. Two spoke. Three. Four."
    pieces = article_pieces(text, [_mark(5, 15), _mark(10, 20), _mark(23, 28)])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.mark is not None) for p in pieces] == [
        ("One. ", False), ("Two spoke.", True), (" Three. ", False), ("Four.", True)]


def test_views_sentence_spans_are_placed_from_article_offsets() -> None:
    spans = sentence_spans("Bennett called Putin.", 100,
                           [{"kind": "actor", "start": 100, "end": 107, "label": "B"},
                            {"kind": "event", "start": 108, "end": 114, "label": "CONSULT"}])
    assert [(s.text, s.kind) for s in spans] == [("Bennett", "actor"), (" ", None),
                                                 ("called", "event"), (" Putin.", None)]


def test_views_bar_chart_hangs_negative_bars_below_zero() -> None:
    chart = bar_chart([("a", 2.0, "#a"), ("b", -1.0, "#b")], width=100, height=130)
    up, down = chart.bars
    assert up.y + up.height == chart.zero and down.y == chart.zero and down.negative


def test_views_downloads_escape_json_and_guard_csv_formulas() -> None:
    rows = [{"title": "<script>x</script> & more", "note": '=HYPERLINK("x")'}]
    as_json = download(rows, "json", "t")
    assert b"<" not in as_json.body and json.loads(as_json.body)[0]["title"].startswith("<scr")
    as_csv = download(rows, "csv", "t").body.decode()
    assert as_csv.splitlines()[1].endswith(',"\'=HYPERLINK(""x"")"')
    assert safe_json({"a": "</script>"}) == '{\n "a": "\\u003c/script\\u003e"\n}'
