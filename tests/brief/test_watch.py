"""Alerts: new events of a profile's actors, delivered once per channel, across restarts."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from brief_store import BENNETT, PUTIN, add_article, build_store, event, link_all
from servers import Hook

import sitrep
from sitrep.brief.profile import load_profile, profile_from_dict
from sitrep.brief.watch import send_alerts, watch
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers.httpserver import LocalHttpServer, Reply

SINCE = date(2021, 10, 1)


def _profile(hook_url: str, folder: Path):
    return profile_from_dict({
        "name": "Israel alerts", "cadence": "daily-morning",
        "actors": [{"name": "Naftali Bennett", "priority": 1}],
        "delivery": {"webhook": {"url": hook_url, "retries": 0},
                     "file": {"dir": str(folder)}}}, slug="israel-alerts")


def test_watch_alerts_once_across_restart(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    build_store(path).close()
    with Hook() as hook:
        profile = _profile(hook.url, tmp_path / "alerts")
        with Store(path) as store:
            first = send_alerts(store, profile, since=SINCE)
        events = hook.received[0]["json"]["events"]
        assert {e["date"] for e in events} >= {"2021-10-07", "2021-10-22", "2022-01-13"}
        assert not any("Joe Biden" in e["actors"] for e in events)  # negated: never alerted
        assert len(first.sent) == 2 * len(events)
        with Store(path) as store:  # a restart: a new process opens the same file
            assert send_alerts(store, profile, since=SINCE).sent == []
            add_article(store, "https://example.org/new", "Bennett and Putin meet",
                        date(2022, 1, 20), "example.org",
                        [event("CONSULT", [BENNETT, PUTIN], "Bennett met Putin on Thursday.",
                               date(2022, 1, 20), mode="meeting")])
            link_all(store)
        with Store(path) as store:
            again = send_alerts(store, profile, since=SINCE)
    assert len(hook.received) == 2
    assert [e["date"] for e in hook.received[1]["json"]["events"]] == ["2022-01-20"]
    assert {channel for _, _, channel in again.sent} == {"webhook", "file"}
    log = (tmp_path / "alerts" / "deliveries.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(log) == 2 and json.loads(log[1])["profile"] == "israel-alerts"


def test_watch_failed_delivery_records_nothing_and_retries(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.duckdb")
    with Hook([500, 500, 200]) as hook:
        profile = _profile(hook.url, tmp_path / "alerts")
        failed = send_alerts(store, profile, since=SINCE)
        assert failed.failures and "E602" in failed.failures[0]
        assert {c for _, _, c in failed.sent} == {"file"}
        sent = store.con.execute("SELECT DISTINCT channel FROM alerts_sent").fetchall()
        assert sent == [("file",)]
        send_alerts(store, profile, since=SINCE)  # 500 again
        retried = send_alerts(store, profile, since=SINCE)
    assert {c for _, _, c in retried.sent} == {"webhook"} and not retried.failures
    assert len(hook.received) == 3
    store.close()


def test_watch_console_alert_names_event_and_sources(store: Store) -> None:
    profile = load_profile("israel")
    out = io.StringIO()
    report = send_alerts(store, profile, since=date(2022, 1, 10), delivery={"console": True},
                         stream=out)
    text = out.getvalue()
    assert "Naftali Bennett spoke by phone with Vladimir Putin on 13 January 2022" in text
    assert "https://wire.example.com/call" in text
    assert "Biden" not in text and report.sent


ARTICLES = ["""<html><head><title>Bennett and Putin talk</title></head><body><article>
<h1>Bennett and Putin talk</h1>
<p>Prime Minister Naftali Bennett spoke on the phone with Russian President Vladimir Putin on
Thursday, the Prime Minister's Office said in a statement issued in Jerusalem.</p>
<p>The two leaders discussed regional security and the situation in Syria, according to the
statement, which gave no further details of the conversation between them.</p>
<p>Officials in Jerusalem said the call lasted about an hour and covered the Vienna talks on
the Iranian nuclear program, which resume next week.</p></article></body></html>""",
            """<html><head><title>Bennett meets Putin in Moscow</title></head><body><article>
<h1>Bennett meets Putin in Moscow</h1>
<p>Prime Minister Naftali Bennett met Russian President Vladimir Putin in Moscow on Thursday,
a week after the two leaders last spoke, Israeli officials told reporters.</p>
<p>The meeting in the Kremlin lasted three hours, officials said, and much of it was devoted to
coordination between the two armies over Syrian air space.</p>
<p>Israeli media described the atmosphere as warm, and said a further visit to Saint
Petersburg had been discussed by the delegations.</p></article></body></html>"""]


def _rss(server: LocalHttpServer, count: int) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{server.url(f'/story/{n}')}</link>"
        f"<pubDate>Thu, {13 + 7 * n} Jan 2022 18:00:00 GMT</pubDate></item>"
        for n in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Desk</title><link>http://example.org/</link>{items}</channel></rss>"
            ).encode()


def test_watch_polls_local_feed_through_pipeline_once_per_event(tmp_path: Path) -> None:
    out = io.StringIO()
    with LocalHttpServer() as server, Hook() as hook:
        for n in range(2):
            server.route(f"/story/{n}", Reply(body=ARTICLES[n].encode()))
        server.route("/feed.xml", Reply(body=_rss(server, 1),
                                        headers={"Content-Type": "application/rss+xml"}))
        profile = _profile(hook.url, tmp_path / "alerts")
        args = {"since": SINCE, "stream": out, "sleep": lambda s: None}
        db = tmp_path / "w.duckdb"
        with sitrep.open(db, allow_hosts="127.0.0.1", per_host_delay=0.0) as s:
            first = watch(s, [server.url("/feed.xml")], [profile], timedelta(seconds=1), 2,
                          **args)
        assert first.polls == 2 and first.ingested == 1 and not first.failures
        calls = [e for e in hook.received[0]["json"]["events"] if e["type"] == "CONSULT"]
        assert [(e["date"], e["mode"]) for e in calls] == [("2022-01-13", "phone")]
        assert len(hook.received) == 1  # the second poll found nothing new
        server.route("/feed.xml", Reply(body=_rss(server, 2),
                                        headers={"Content-Type": "application/rss+xml"}))
        with sitrep.open(db, allow_hosts="127.0.0.1", per_host_delay=0.0) as s:  # restart
            second = watch(s, [server.url("/feed.xml")], [profile], timedelta(seconds=1), 1,
                           **args)
    assert second.ingested == 1
    meetings = [e for e in hook.received[1]["json"]["events"] if e["type"] == "CONSULT"]
    # "met ... Putin in Moscow": in Putin's country, a visit (GUIDELINES 5)
    assert [(e["date"], e["mode"]) for e in meetings] == [("2022-01-20", "visit")]
    assert len(hook.received) == 2
