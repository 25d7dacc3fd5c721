"""Linking coded mentions into events, on real stores."""

from __future__ import annotations

import json
from datetime import date

from link.factory import add_article, coded
from sitrep.link import link_events
from sitrep.store.db import Store

D = date(2021, 10, 7)


def _events(store: Store) -> list[dict]:
    cols = ["id", "type", "mode", "date", "date_precision", "modality", "n_mentions",
            "n_articles", "n_sources", "summary", "details", "actor_keys"]
    rows = store.con.execute(f"SELECT {', '.join(cols)} FROM events ORDER BY date, id").fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def test_events_same_call_from_two_sites_is_one_event(store: Store) -> None:
    a = add_article(store, "https://jpost.com/a", [coded("CONSULT", ["bennett", "putin"], D,
                                                         mode="phone")], D)
    b = add_article(store, "https://tass.com/b", [coded("CONSULT", ["putin", "bennett"], D,
                                                        mode="phone")], D)
    report = link_events(store, [a, b])
    [event] = _events(store)
    assert (event["n_mentions"], event["n_articles"], event["n_sources"]) == (2, 2, 2)
    assert report.events == 1 and report.mentions == 2
    assert event["summary"] == "Naftali Bennett and Vladimir Putin spoke by phone"


def test_events_lead_and_caption_of_one_article_count_one_source(store: Store) -> None:
    a = add_article(store, "https://jpost.com/a", [
        coded("CONSULT", ["bennett", "putin"], D, mode="phone"),
        coded("CONSULT", ["bennett", "putin"], D),
    ], D)
    link_events(store, [a])
    [event] = _events(store)
    assert (event["n_mentions"], event["n_articles"], event["mode"]) == (2, 1, "phone")


def test_events_month_report_refined_by_later_day_report(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [
        coded("CONSULT", ["bennett", "johnson"], date(2021, 11, 1), "month", mode="meeting")],
        date(2022, 1, 14))
    link_events(store, [a])
    assert _events(store)[0]["date_precision"] == "month"
    b = add_article(store, "https://b.com/2", [
        coded("CONSULT", ["bennett", "johnson"], date(2021, 11, 2), "day", mode="meeting")],
        date(2021, 11, 2))
    link_events(store, [b])
    [event] = _events(store)
    assert (event["date"], event["date_precision"], event["n_articles"]) == (
        date(2021, 11, 2), "day", 2)


def test_events_different_days_stay_apart(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [
        coded("CONSULT", ["bennett", "putin"], date(2021, 10, 7), mode="phone"),
        coded("CONSULT", ["bennett", "putin"], date(2022, 1, 13), mode="phone"),
        coded("CONSULT", ["bennett", "putin"], date(2021, 10, 22), mode="meeting"),
    ], date(2022, 1, 14))
    link_events(store, [a])
    assert [(e["date"].day, e["mode"]) for e in _events(store)] == [
        (7, "phone"), (22, "meeting"), (13, "phone")]


def test_events_week_report_joins_the_day_inside_it(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [
        coded("CONSULT", ["bennett", "putin"], date(2022, 1, 10), "week"),
        coded("CONSULT", ["bennett", "putin"], date(2022, 1, 13), "day", mode="phone"),
    ], date(2022, 1, 14))
    link_events(store, [a])
    [event] = _events(store)
    assert (event["date"], event["date_precision"]) == (date(2022, 1, 13), "day")


def test_events_denied_call_is_kept_apart_with_its_modality(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [
        coded("CONSULT", ["biden", "bennett"], date(2021, 12, 21), modality="negated"),
        coded("CONSULT", ["biden", "bennett"], date(2021, 12, 21)),
    ], date(2022, 1, 14))
    link_events(store, [a])
    assert sorted(e["modality"] for e in _events(store)) == ["asserted", "negated"]
    assert any(e["summary"].startswith("denied: ") for e in _events(store))


def test_events_linking_twice_and_recoding_change_nothing(store: Store) -> None:
    events = [coded("CONSULT", ["bennett", "putin"], D, mode="phone")]
    a = add_article(store, "https://a.com/1", events, D)
    b = add_article(store, "https://b.com/1", [coded("CONSULT", ["bennett", "putin"], D)], D)
    link_events(store, [a, b])
    first = _events(store)
    link_events(store, [a, b])
    link_events(store, None)
    with store.transaction():
        store.replace_mentions(a, [coded("CONSULT", ["bennett", "putin"], D, mode="phone")], "t")
    link_events(store, [a])
    again = _events(store)
    assert [(e["id"], e["n_mentions"], e["n_articles"]) for e in again] == [
        (e["id"], e["n_mentions"], e["n_articles"]) for e in first] == [(first[0]["id"], 2, 2)]


def test_events_recoding_that_drops_a_mention_shrinks_the_event(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [coded("CONSULT", ["bennett", "putin"], D)], D)
    b = add_article(store, "https://b.com/1", [coded("CONSULT", ["bennett", "putin"], D)], D)
    link_events(store, [a, b])
    with store.transaction():
        store.replace_mentions(b, [], "t")
    link_events(store, [b])
    [event] = _events(store)
    assert (event["n_mentions"], event["n_articles"]) == (1, 1)


def test_events_incremental_equals_all_at_once(store: Store) -> None:
    ids = [add_article(store, f"https://s{i}.com/x", [
        coded("CONSULT", ["bennett", "putin"], date(2021, 10, 1), "month"),
        coded("CONSULT", ["bennett", "putin"], date(2021, 10, 7 + i * 15), mode="phone"),
    ], date(2021, 10, 30)) for i in range(2)]
    for i in ids:
        link_events(store, [i])
    one_by_one = sorted((e["date"], e["n_mentions"]) for e in _events(store))
    link_events(store, None)
    assert sorted((e["date"], e["n_mentions"]) for e in _events(store)) == one_by_one
    assert sum(n for _, n in one_by_one) == 4 and len(one_by_one) == 2


def test_events_near_duplicate_copy_counts_once(store: Store) -> None:
    text = "Bennett and Putin spoke on the phone Thursday about regional security. " * 20
    a = add_article(store, "https://jpost.com/a", [coded("CONSULT", ["bennett", "putin"], D)],
                    D, text=text)
    b = add_article(store, "https://copy.com/a", [coded("CONSULT", ["bennett", "putin"], D)],
                    D, text=text + " Copied.")
    assert store.article(b)["canonical_id"] == a
    link_events(store, [a, b])
    [event] = _events(store)
    assert (event["n_mentions"], event["n_articles"], event["n_sources"]) == (2, 1, 1)


def test_events_undated_mention_joins_only_near_publication(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [
        coded("CONSULT", ["bennett", "putin"], D, mode="phone")], D)
    near = add_article(store, "https://b.com/1", [
        coded("CONSULT", ["bennett", "putin"], None)], date(2021, 10, 9))
    far = add_article(store, "https://c.com/1", [
        coded("CONSULT", ["bennett", "putin"], None)], date(2021, 12, 9))
    link_events(store, [a, near, far])
    assert sorted(e["n_mentions"] for e in _events(store)) == [1, 2]


def test_events_undated_mentions_do_not_chain_week_after_week(store: Store) -> None:
    ids = [add_article(store, f"https://{site}.com/1", [
        coded("ACCUSE", ["bennett", "putin"], None)], date(2021, 10, day))
        for site, day in (("a", 1), ("b", 7), ("c", 13))]
    link_events(store, ids)
    assert sorted(e["n_mentions"] for e in _events(store)) == [1, 1, 1]


def test_events_undated_mentions_of_two_articles_join_only_on_one_day(store: Store) -> None:
    # Each undated statement is dated by its own article: two readouts three days apart that
    # both say "Bennett criticised Putin" report two statements, not one of the earlier day.
    ids = []
    for site, day in (("a", 1), ("b", 4), ("c", 4)):
        said = coded("ACCUSE", ["bennett", "putin"], date(2021, 10, day))
        said.date_inferred = True  # the publication date, as the coder dates it
        ids.append(add_article(store, f"https://{site}.com/1", [said], date(2021, 10, day)))
    link_events(store, ids)
    found = [(e["n_mentions"], e["date"]) for e in _events(store)]
    assert found == [(1, date(2021, 10, 1)), (2, date(2021, 10, 4))]


def test_events_undated_statement_is_not_the_stated_one_of_the_day_before(store: Store) -> None:
    # "Yesterday the Prime Minister backed the President" in one release, "We stand with
    # him" undated in remarks of the next day: two statements, the second of its own day;
    # an undated call told a day later is still the call reported.
    before = add_article(store, "https://a.com/1", [
        coded("SUPPORT", ["bennett", "putin"], date(2022, 2, 21)),
        coded("CONSULT", ["bennett", "putin"], date(2022, 2, 21))], date(2022, 2, 21))
    said = coded("SUPPORT", ["bennett", "putin"], date(2022, 2, 22))
    said.date_inferred = True  # the publication date, as the coder dates it
    call = coded("CONSULT", ["bennett", "putin"], date(2022, 2, 22))
    call.date_inferred = True
    after = add_article(store, "https://b.com/1", [said, call], date(2022, 2, 22))
    link_events(store, [before, after])
    found = sorted((e["type"], e["n_mentions"], e["date"]) for e in _events(store))
    assert found == [("CONSULT", 2, date(2022, 2, 21)), ("SUPPORT", 1, date(2022, 2, 21)),
                     ("SUPPORT", 1, date(2022, 2, 22))]


def test_events_one_actor_mention_joins_only_its_own_article(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [
        coded("CONSULT", ["bennett", "putin"], D, mode="phone"),
        coded("CONSULT", ["putin"], D, mode="phone")], D)
    b = add_article(store, "https://b.com/1", [coded("CONSULT", ["putin"], D)], D)
    link_events(store, [a, b])
    assert sorted(e["n_mentions"] for e in _events(store)) == [1, 2]


def test_events_disagreeing_places_are_kept_per_source(store: Store) -> None:
    a = add_article(store, "https://a.com/1", [coded("CONSULT", ["bennett", "putin"], D,
                                                     mode="meeting", place="Sochi")], D)
    b = add_article(store, "https://b.com/1", [coded("CONSULT", ["bennett", "putin"], D,
                                                     mode="meeting", place="Moscow")], D)
    link_events(store, [a, b])
    details = json.loads(_events(store)[0]["details"])
    assert details["disagreements"]["locations"] == ["Moscow", "Sochi"]
    assert {s["site"] for s in details["sources"]} == {"a.com", "b.com"}
    unlinked = store.con.execute("SELECT count(*) FROM mentions WHERE event_id IS NULL")
    assert unlinked.fetchone() == (0,)


def test_events_dates_at_the_ends_of_the_calendar_link_without_overflow(store: Store) -> None:
    from sitrep.link import assign_stories

    ids = [add_article(store, "https://old.example/a", [
        coded("CONSULT", ["bennett", "putin"], date(9999, 12, 31), "week"),
        coded("CONSULT", ["bennett", "putin"], None),
    ], date(1, 1, 2)), add_article(store, "https://new.example/b", [
        coded("ASSAULT", ["israel", "syria"], date(1, 1, 1), "year"),
    ], date(9999, 12, 31))]
    link_events(store)
    assign_stories(store, ids)
    assert store.count("events") == 3


def test_events_meeting_of_two_and_meeting_of_three_stay_apart(store: Store) -> None:
    # Johnson and Macron talking on the day the three leaders met is a bilateral on the
    # margins: one event per participant set (GUIDELINES section 2), in one article or two.
    a = add_article(store, "https://a.com/1", [
        coded("CONSULT", ["bennett", "johnson", "macron"], D, mode="meeting"),
        coded("CONSULT", ["johnson", "macron"], D, mode="meeting")], D)
    b = add_article(store, "https://b.com/1", [
        coded("CONSULT", ["johnson", "macron"], D, mode="meeting")], D)
    link_events(store, [a, b])
    found = sorted((len(e["actor_keys"]), e["n_mentions"]) for e in _events(store))
    assert found == [(2, 2), (3, 1)]


def test_link_cluster_one_actor_mention_finds_the_larger_of_two_events() -> None:
    # A cluster is looked up by its actors' keys: a mention of one actor (in the same
    # article) finds the event that names it, and joins it rather than a different meeting.
    from sitrep.link.cluster import LinkMention, cluster

    def mention(i: int, keys: set[str]) -> LinkMention:
        return LinkMention(id=f"m_{i}", article_id="a_1", type="CONSULT", mode="phone",
                           keys=frozenset(keys), modality="asserted", date=date(2022, 3, 1),
                           precision="day", published=date(2022, 3, 2))

    found = cluster([mention(1, {"state:USA", "state:FRA"}),
                     mention(2, {"state:USA", "state:FRA", "state:DEU"}),
                     mention(3, {"state:DEU"})])
    assert [sorted(m.id for m in c.members) for c in found] == [["m_1"], ["m_2", "m_3"]]



def test_link_cluster_aid_of_other_sums_are_other_packages() -> None:
    # GUIDELINES 2: "$266 million" and "$300 million" given the same day are two packages;
    # a mention naming no sum joins the first, one naming the same sum is the same package
    from sitrep.link.cluster import LinkMention, cluster

    def mention(i: int, package: str | None) -> LinkMention:
        return LinkMention(id=f"m_{i}", article_id="a_1", type="AID", mode=None,
                           keys=frozenset({"state:USA", "state:AFG"}), modality="asserted",
                           date=date(2021, 7, 23), precision="day",
                           published=date(2021, 7, 23), package=package)

    found = cluster([mention(1, "$266million"), mention(2, "$300million"), mention(3, None),
                     mention(4, "$300million")])
    assert sorted(sorted(m.id for m in c.members) for c in found) == [
        ["m_1", "m_3"], ["m_2", "m_4"]]


def test_events_reports_differing_in_mode_are_one_event(store: Store) -> None:
    # GUIDELINES 2: one line per type, participant set and date; a demand's mode says what it
    # asks, and one contact is "met virtually" and "meeting" in one article: the event takes
    # the most specific mode
    a = add_article(store, "https://a.com/1", [
        coded("REQUEST", ["bennett", "putin"], D, mode="yield", source="bennett",
              target="putin"),
        coded("REQUEST", ["bennett", "putin"], D, mode="meet", source="bennett",
              target="putin"),
        coded("CONSULT", ["bennett", "putin"], D, mode="meeting"),
        coded("CONSULT", ["bennett", "putin"], D, mode="phone"),
    ], D)
    link_events(store, [a])
    found = sorted((e["type"], e["n_mentions"], e["mode"]) for e in _events(store))
    assert [(t, n) for t, n, _ in found] == [("CONSULT", 2), ("REQUEST", 2)]
    assert found[0][2] == "phone" and found[1][2] in ("yield", "meet")
