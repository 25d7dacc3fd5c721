"""Briefings built from a real store: sections, ranking, contacts, changes, files, citations."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from brief_store import BENNETT, BIDEN, PUTIN, add_article, build_store, event, link_all

from sitrep.brief.briefing import build_briefing, render_html, render_markdown, write_briefing
from sitrep.brief.cite import check_citations
from sitrep.brief.period import parse_period
from sitrep.brief.profile import load_profile, profile_from_dict
from sitrep.store import Store

WEEK = parse_period(week_of="2022-01-10")


def test_briefing_week_has_contact_strike_and_cited_sources(store: Store) -> None:
    briefing = build_briefing(store, load_profile("israel"), WEEK)
    contacts = [i.statement.text for i in briefing.contacts]
    assert contacts == ["Naftali Bennett spoke by phone with Vladimir Putin on 13 January 2022"]
    assert briefing.contacts[0].n_sources == 2
    assert {i.type for i in briefing.key_events} == {"CONSULT", "ASSAULT"}
    assert check_citations(store, briefing) == []
    urls = {r.source.url for r in briefing.references}
    assert "https://wire.example.com/call" in urls


def test_briefing_ranks_by_priority_times_coverage(store: Store) -> None:
    briefing = build_briefing(store, load_profile("israel"), WEEK)
    assert briefing.stories[0].items[0].type == "CONSULT"  # priority 1 actor, 2 sources
    scores = [s.score for s in briefing.stories]
    assert scores == sorted(scores, reverse=True)
    quiet = profile_from_dict({"name": "Syria", "cadence": "weekly",
                               "countries": [{"code": "SYR", "priority": 1}]})
    only = build_briefing(store, quiet, WEEK)
    assert [i.type for i in only.key_events] == ["ASSAULT"]


def test_briefing_never_lists_negated_contact(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.duckdb")
    add_article(store, "https://example.org/biden", "No call", date(2022, 1, 12), "example.org",
                [event("CONSULT", [BIDEN, BENNETT], "Biden did not call Bennett on Tuesday.",
                       date(2022, 1, 11), mode="phone", modality="negated")])
    briefing = build_briefing(store, load_profile("israel"), WEEK)
    text = render_markdown(briefing)
    assert "Biden" not in text
    store.close()


def test_briefing_security_profile_keeps_only_its_event_types(store: Store) -> None:
    briefing = build_briefing(store, load_profile("security"), WEEK)
    assert [i.type for i in briefing.key_events] == ["ASSAULT"]
    assert briefing.contacts == []


def test_briefing_what_changed_compares_with_previous(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.duckdb")
    profile = load_profile("israel")
    first = build_briefing(store, profile, WEEK, now=datetime(2022, 1, 15, 8))
    write_briefing(store, first, tmp_path / "out")
    assert "first Israel briefing" in first.changes[0].text
    add_article(store, "https://example.org/visit", "Bennett meets Putin", date(2022, 1, 16),
                "example.org", [event("CONSULT", [BENNETT, PUTIN],
                                      "Bennett met Putin in Moscow on Sunday.",
                                      date(2022, 1, 16), mode="meeting")])
    link_all(store)
    second = build_briefing(store, profile, WEEK, now=datetime(2022, 1, 17, 8))
    assert second.changes[0].text.startswith("1 of 3 events are new")
    assert [i.statement.text for i in second.new_items] == [
        "Naftali Bennett met Vladimir Putin on 16 January 2022"]
    assert check_citations(store, second) == []
    store.close()


def test_briefing_unlinked_mentions_still_brief(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.duckdb", linked=False)
    briefing = build_briefing(store, load_profile("israel"), WEEK)
    assert len(briefing.contacts) == 1 and briefing.contacts[0].n_sources == 2
    assert check_citations(store, briefing) == []
    store.close()


def test_briefing_files_are_written_and_recorded(store: Store, tmp_path: Path) -> None:
    briefing = build_briefing(store, load_profile("israel"), WEEK)
    written = write_briefing(store, briefing, tmp_path / "out")
    md = written.markdown.read_text(encoding="utf-8")
    for heading in ("## Top stories", "## Key events", "## Leader contacts",
                    "## What changed since the last briefing", "## References"):
        assert heading in md
    assert "[[1]](#ref-1)" in md and "](https://" in md
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in written.charts)
    assert len(written.charts) == 2
    html = written.html.read_text(encoding="utf-8")
    assert html == render_html(briefing)
    assert 'src="data:image/png;base64,' in html and "<style>" in html
    assert "http" not in html.split("<body>")[0]  # nothing fetched from the web
    row = store.con.execute("SELECT profile, event_ids FROM briefings").fetchone()
    assert row[0] == "israel" and sorted(row[1]) == sorted(briefing.event_ids)


def test_briefing_empty_period_renders_empty_sections(store: Store) -> None:
    briefing = build_briefing(store, load_profile("israel"), parse_period("2020-01-01..2020-01-07"))
    assert briefing.event_ids == [] and check_citations(store, briefing) == []
    assert "No leader contacts reported" in render_html(briefing)


HOSTILE_TITLE = "<script>alert(1)</script> [click](javascript:alert(2)) **big** \x1b]0;t\x07"


def test_briefing_hostile_titles_and_urls_render_inert(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.duckdb")
    for url in ("javascript:alert(1)", "data:text/html,<script>alert(3)</script>",
                "file:///etc/passwd"):
        add_article(store, url, HOSTILE_TITLE, date(2022, 1, 12), "<img src=x onerror=alert(4)>",
                    [event("CONSULT", [BENNETT, PUTIN], f"Bennett and Putin spoke ({url}).",
                           date(2022, 1, 12), mode="phone")])
    link_all(store)
    briefing = build_briefing(store, load_profile("israel"), WEEK)
    assert any(r.source.url.startswith("javascript:") for r in briefing.references)
    md, html = render_markdown(briefing), render_html(briefing)
    for text in (md.replace("\\<", ""), html):
        assert "<script>" not in text and "<img src=x" not in text and "\x1b" not in text
    assert "](javascript:" not in md and "](data:text" not in md and "](file:" not in md
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert 'href="file:' not in html
    assert "\\<script\\>alert\\(1\\)\\</script\\> \\[click\\]\\(javascript:alert\\(2\\)\\)" in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    store.close()
