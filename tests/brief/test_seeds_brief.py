"""Golden acceptance: the Israel weekly briefing and the Bennett-Putin memo from the seeds.

Runs the real pipeline (extract, code, link) on ``../shared/seeds`` (and, marked slow, the
bundled corpus too), then checks that the briefing and memo name the contacts listed in
``../shared/seeds/README.md`` with citations the verifier accepts, and claim no Biden call.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import sitrep
from helpers.seeds import seeded  # noqa: F401  (a fixture)
from helpers.seeds import CORPUS, SEED_DATES, ingest_seeds
from sitrep.brief.briefing import Briefing, build_briefing, render_markdown
from sitrep.brief.cite import check_citations
from sitrep.brief.memo import Memo, build_memo
from sitrep.brief.period import parse_period
from sitrep.brief.profile import load_profile

pytestmark = pytest.mark.golden

SEED_URLS = tuple(SEED_DATES)


def _briefing(s: sitrep.api.Sitrep) -> Briefing:
    return build_briefing(s.store, load_profile("israel"), parse_period(week_of="2022-01-10"),
                          now=datetime(2022, 1, 17, 7))


def _memo(s: sitrep.api.Sitrep) -> Memo:
    span = parse_period("2021-10..2022-01")
    return build_memo(s.store, ("Naftali Bennett", "Vladimir Putin"), span.start, span.end)


def _check_briefing(s: sitrep.api.Sitrep, briefing: Briefing) -> None:
    contacts = [i.statement for i in briefing.contacts]
    putin = [c for c in contacts if "Vladimir Putin" in c.text and "13 January 2022" in c.text]
    assert putin, [c.text for c in contacts]
    cited = {briefing.references[n - 1].source.url for n in putin[0].refs}
    assert any(u.endswith(SEED_URLS[1]) for u in cited)
    assert "Biden" not in render_markdown(briefing)
    assert check_citations(s.store, briefing) == []


def _check_memo(s: sitrep.api.Sitrep, memo: Memo) -> None:
    text = memo.text
    for day in ("7 October 2021", "22 October 2021", "13 January 2022"):
        assert day in text
    assert "Naftali Bennett and Vladimir Putin had 3 contacts" in text
    assert "Sochi" in text
    claimed = [s for s in memo.statements() if "did not" not in s.text]
    assert not any("Biden" in st.text for st in claimed)
    assert check_citations(s.store, memo) == []
    urls = {r.source.url for r in memo.references}
    assert all(any(u.endswith(name) for u in urls) for name in SEED_URLS)


def test_seeds_brief_israel_week_of_2022_01_10_has_putin_call(seeded: sitrep.api.Sitrep) -> None:
    _check_briefing(seeded, _briefing(seeded))


def test_seeds_brief_bennett_putin_memo_has_three_contacts(seeded: sitrep.api.Sitrep) -> None:
    _check_memo(seeded, _memo(seeded))


@pytest.mark.slow
def test_seeds_brief_with_corpus_keeps_contacts_and_citations(tmp_path: Path) -> None:
    if not CORPUS:
        pytest.skip("corpus/*.jsonl not found")
    with sitrep.open(tmp_path / "all.duckdb") as s:
        ingest_seeds(s)
        s.ingest(CORPUS)
        _check_briefing(s, _briefing(s))
        _check_memo(s, _memo(s))
