"""Answers over a real store filled with coded events like the seeds'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from link.factory import add_article, coded

from sitrep.answers import contacts, dyad, gaps, network, resolve_actor, stories, timeline
from sitrep.answers.charts import plot_dyad, plot_network, plot_timeline
from sitrep.errors import QueryError
from sitrep.link import link_events
from sitrep.store.db import Store


@pytest.fixture
def seeded(store: Store) -> Store:
    add_article(store, "https://jpost.com/a", [
        coded("CONSULT", ["bennett", "putin"], date(2021, 10, 7), mode="phone"),
        coded("AGREE", ["bennett", "putin"], date(2021, 9, 1), "month", source="bennett",
              target="putin"),
        coded("ASSAULT", ["israel", "syria"], date(2021, 8, 1), "month", mode="aerial",
              source="israel", target="syria"),
    ], date(2021, 10, 7))
    add_article(store, "https://al-monitor.com/b", [
        coded("CONSULT", ["bennett", "putin"], date(2022, 1, 10), "week", mode="phone"),
        coded("CONSULT", ["bennett", "putin"], date(2022, 1, 13), mode="phone"),
        coded("CONSULT", ["bennett", "putin"], date(2021, 10, 22), mode="meeting", place="Sochi"),
        coded("CONSULT", ["bennett", "johnson"], date(2021, 11, 1), "month", mode="meeting"),
        coded("CONSULT", ["bennett", "macron"], date(2021, 11, 1), "month", mode="meeting"),
        coded("CONSULT", ["bennett", "johnson"], date(2022, 1, 4), mode="phone"),
        coded("CONSULT", ["lapid", "macron"], date(2022, 1, 8), mode="phone"),
        coded("CONSULT", ["biden", "bennett"], date(2021, 12, 21), modality="negated"),
    ], date(2022, 1, 14))
    link_events(store)
    return store


def test_answers_contacts_count_linked_asserted_events(seeded: Store) -> None:
    rows = {r.counterpart: r for r in contacts(seeded, "Bennett", level="leader")}
    assert {k: v.total for k, v in rows.items()} == {
        "Vladimir Putin": 3, "Boris Johnson": 2, "Emmanuel Macron": 1}
    putin = rows["Vladimir Putin"]
    assert (putin.phone, putin.meeting, putin.first, putin.last) == (
        2, 1, date(2021, 10, 7), date(2022, 1, 13))
    assert putin.sources == 2 and putin.sites == ["al-monitor.com", "jpost.com"]


def test_answers_contacts_period_and_country(seeded: Store) -> None:
    rows = contacts(seeded, "Naftali Bennett", since="2022-01", until="2022-01")
    assert {r.counterpart: r.total for r in rows} == {"Vladimir Putin": 1, "Boris Johnson": 1}
    israel = {r.counterpart: r.total for r in contacts(seeded, "Israel")}
    assert israel["Emmanuel Macron"] == 2 and "Yair Lapid" not in israel


def test_answers_resolve_loose_names(seeded: Store) -> None:
    for name in ("Bennett", "naftali bennett", "person:naftali-bennett"):
        assert resolve_actor(seeded, name).key == "person:naftali-bennett"
    pm = resolve_actor(seeded, "Israeli PM", since=date(2021, 10, 1), until=date(2022, 1, 31))
    assert pm.key == "person:naftali-bennett"
    assert resolve_actor(seeded, "Israel").keys == (
        "person:naftali-bennett", "person:yair-lapid", "state:ISR")


def test_answers_resolve_errors_name_candidates(seeded: Store) -> None:
    with pytest.raises(QueryError) as none:
        resolve_actor(seeded, "Benet")
    assert none.value.code == "E501" and "Bennett" in none.value.detail
    with pytest.raises(QueryError) as many:
        resolve_actor(seeded, "Israeli PM", since=date(2021, 1, 1), until=date(2021, 12, 31))
    assert many.value.code == "E502" and "Netanyahu" in many.value.detail


def test_answers_timeline_keeps_denied_events_labelled(seeded: Store) -> None:
    rows = timeline(seeded, "Bennett")
    denied = [r for r in rows if r.modality == "negated"]
    assert len(denied) == 1 and denied[0].summary.startswith("denied: ")
    pair = timeline(seeded, "Bennett", "Putin", asserted_only=True)
    assert [r.date for r in pair] == [date(2021, 9, 1), date(2021, 10, 7), date(2021, 10, 22),
                                      date(2022, 1, 13)]
    assert pair[2].summary == "Naftali Bennett and Vladimir Putin met in Sochi"


def test_answers_gaps_between_contacts(seeded: Store) -> None:
    rows = gaps(seeded, "Bennett", "Putin", "2021-10-01", "2022-01-31", min_days=21)
    assert [(r.start, r.end, r.text) for r in rows] == [
        (date(2021, 10, 23), date(2022, 1, 12), "no contact for 3 months")]
    month = gaps(seeded, "Bennett", "Johnson", "2021-10-01", "2022-01-31", min_days=14)
    assert [(r.start, r.end) for r in month] == [
        (date(2021, 10, 1), date(2021, 10, 31)), (date(2021, 12, 1), date(2022, 1, 3)),
        (date(2022, 1, 5), date(2022, 1, 31))]


def test_answers_dyad_weights_by_month(seeded: Store) -> None:
    rows = dyad(seeded, "Israel", "Syria")
    assert [(r.period, r.score, r.by_type) for r in rows] == [
        (date(2021, 8, 1), -9.0, {"ASSAULT": 1})]
    rows = dyad(seeded, "Bennett", "Putin", by="month")
    october = next(r for r in rows if r.period == date(2021, 10, 1))
    assert (october.score, october.events) == (1.5 + 4.0, 2)
    with pytest.raises(QueryError):
        dyad(seeded, "Bennett", "Putin", by="fortnight")


def test_answers_network_and_files(seeded: Store, tmp_path: Path) -> None:
    net = network(seeded, since="2021-10", until="2022-01")
    heaviest = net.edges[0]
    assert (heaviest.source, heaviest.target, heaviest.weight) == (
        "person:naftali-bennett", "person:vladimir-putin", 3)
    assert net.nodes[0].name == "Naftali Bennett" and net.nodes[0].degree == 3
    graph = nx.read_graphml(net.write(tmp_path / "n.graphml"))
    assert graph.number_of_edges() == len(net.edges) == 4
    only = network(seeded, country="France")
    assert {e.target for e in only.edges} | {e.source for e in only.edges} >= {
        "person:emmanuel-macron"}
    assert len(only.edges) == 2


def test_answers_charts_written(seeded: Store, tmp_path: Path) -> None:
    for path in (plot_timeline(timeline(seeded, "Bennett"), tmp_path / "t.png"),
                 plot_dyad(dyad(seeded, "Bennett", "Putin"), tmp_path / "d.svg"),
                 plot_network(network(seeded), tmp_path / "n.png")):
        assert path.stat().st_size > 1000
    assert (tmp_path / "d.svg").read_text().lstrip().startswith("<?xml")
    with pytest.raises(QueryError):
        plot_dyad([], tmp_path / "d.pdf")


def test_answers_bad_dates_and_levels(seeded: Store) -> None:
    with pytest.raises(QueryError) as bad:
        contacts(seeded, "Bennett", since="last year")
    assert bad.value.code == "E503"
    with pytest.raises(QueryError):
        contacts(seeded, "Bennett", level="minister")


def test_answers_stories_listed(seeded: Store) -> None:
    assert stories(seeded) == []
    seeded.con.execute("UPDATE articles SET story_id = 's_1'")
    seeded.con.execute("INSERT INTO stories VALUES ('s_1', 'Leaders talk', '2021-10-07', "
                       "'2022-01-14', 2, NULL, now())")
    [row] = stories(seeded, since="2022")
    assert (row.articles, row.actors[0]) == (2, "Naftali Bennett")
    assert row.events == 10  # 11 mentions: the week report and the Jan 13 call are one
