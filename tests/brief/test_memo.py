"""Memos: the seed contacts with dates, denials only as reported, every sentence verified."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sitrep.brief.cite import Claim, Statement, check_citations
from sitrep.brief.memo import Topic, build_memo, render_memo_html, render_memo_markdown
from sitrep.errors import QueryError
from sitrep.store import Store

OCT, JAN = date(2021, 10, 1), date(2022, 1, 31)


def test_memo_pair_states_pattern_of_contacts_with_dates(store: Store) -> None:
    memo = build_memo(store, ("Naftali Bennett", "Vladimir Putin"), OCT, JAN)
    text = memo.text
    assert text.startswith("Naftali Bennett spoke by phone with Vladimir Putin on 13 January 2022")
    assert ("had 3 contacts: 2 phone calls (7 October 2021 and 13 January 2022) and 1 meeting "
            "(22 October 2021, in Sochi)") in text
    assert "Boris Johnson (November 2021 and 4 January 2022)" in text
    assert check_citations(store, memo) == []
    assert all(s.refs for s in memo.statements())


def test_memo_denial_keeps_direction_and_never_counts_as_contact(store: Store) -> None:
    memo = build_memo(store, ("Bennett", "Putin"), OCT, JAN)
    assert "Sources reported that Joe Biden did not call Naftali Bennett" in memo.text
    pattern = next(p for p in memo.paragraphs if p.heading == "Other contacts")
    assert "Biden" not in " ".join(s.text for s in pattern.statements)
    solo = build_memo(store, "Naftali Bennett", OCT, JAN)
    assert "Joe Biden (" not in solo.text and "5 leader contacts" in solo.text


def test_memo_topic_cites_only_articles_reporting_the_topic(store: Store) -> None:
    memo = build_memo(store, Topic("Iran nuclear program"), OCT, JAN)
    assert "3 contacts on Iran nuclear program were reported" in memo.text
    assert check_citations(store, memo) == []


def test_memo_renders_markdown_and_html_with_references(store: Store) -> None:
    memo = build_memo(store, ("Naftali Bennett", "Vladimir Putin"), OCT, JAN)
    md, html = render_memo_markdown(memo), render_memo_html(memo)
    assert md.startswith("# Naftali Bennett and Vladimir Putin: 1 October 2021 to 31 January")
    assert "[[1]](#ref-1)" in md and 'href="#ref-1"' in html and 'id="ref-1"' in html


def test_memo_unknown_actor_fails_e501(store: Store) -> None:
    with pytest.raises(QueryError) as err:
        build_memo(store, "Nobody Atall", OCT, JAN)
    assert err.value.code == "E501"


def test_memo_check_citations_catches_unsupported_sentences(store: Store) -> None:
    memo = build_memo(store, ("Naftali Bennett", "Vladimir Putin"), OCT, JAN)
    lead = memo.paragraphs[0].statements[0]
    claim = lead.claims[0]
    jpost = next(r.n for r in memo.references if "regional security" in r.source.title)
    wrong_date = Statement(lead.text.replace("13 January", "14 January"),
                           [replace(claim, date=date(2022, 1, 14))], lead.refs)
    wrong_source = Statement(lead.text, [claim], [jpost])
    wrong_type = Statement("Naftali Bennett attacked Vladimir Putin",
                           [replace(claim, type="ASSAULT")], lead.refs)
    wrong_actor = Statement(lead.text, [replace(claim, actor_keys=(
        "person:naftali-bennett", "person:joe-biden"))], lead.refs)
    asserted_denial = Statement("Joe Biden called Naftali Bennett", [Claim(
        "x", "CONSULT", ("person:joe-biden", "person:naftali-bennett"))], lead.refs)
    for bad in (wrong_date, wrong_source, wrong_type, wrong_actor, asserted_denial):
        memo.paragraphs[0].statements = [bad]
        assert check_citations(store, memo), bad.text
    memo.paragraphs[0].statements = [Statement(lead.text, lead.claims, [99])]
    assert "unknown references" in check_citations(store, memo)[0].detail
