"""Feeds, by URL and by file: entries fetched, polled again, and hostile or broken XML refused."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from helpers.httpserver import LocalHttpServer, Reply, Request

from sitrep.errors import IngestError
from sitrep.ingest import IngestOptions, MemoryHttpCache, Skipped, iter_items
from sitrep.ingest.feeds import check_entities
from sitrep.record import RawItem

RSS = "application/rss+xml"


def rss(links: list[str], title: str = "World desk") -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{link}</link>"
        f"<pubDate>Tue, 0{n + 1} Nov 2021 08:00:00 GMT</pubDate>"
        f"<author>desk@example.org (Ann Reporter)</author>"
        f"<description>&lt;p&gt;Summary {n}&lt;/p&gt;</description></item>"
        for n, link in enumerate(links)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://example.org/</link>{items}</channel></rss>"
            ).encode()


def page(n: int) -> bytes:
    return f"<html><body><h1>Story {n}</h1><p>Body {n}.</p></body></html>".encode()


def etag_page(n: int):
    """A page that honours If-None-Match, like most news sites."""

    def reply(request: Request) -> Reply:
        tag = f'"page-{n}"'
        if request.headers.get("if-none-match") == tag:
            return Reply(304, headers={})
        return Reply(body=page(n), headers={"Content-Type": "text/html", "ETag": tag})

    return reply


def serve_feed(server: LocalHttpServer, count: int = 2) -> str:
    links = [server.url(f"/story/{n}") for n in range(count)]
    server.route("/feed.xml", Reply(body=rss(links), headers={"Content-Type": RSS}))
    for n in range(count):
        server.route(f"/story/{n}", etag_page(n))
    return server.url("/feed.xml")


def test_feeds_entries_fetched_with_feed_hints(server: LocalHttpServer,
                                              options: IngestOptions) -> None:
    results = list(iter_items([serve_feed(server)], options))
    assert [type(r) for r in results] == [RawItem, RawItem]
    first = results[0]
    assert first.kind == "html" and first.content == page(0)
    assert first.url == first.origin == server.url("/story/0")
    assert first.title == "Story 0" and str(first.published) == "2021-11-01"
    assert first.published_source == "record" and first.authors == ["Ann Reporter"]
    assert first.extra["feed_title"] == "World desk" and first.etag == '"page-0"'


def test_feeds_second_poll_gets_304_for_unchanged_pages(server: LocalHttpServer,
                                                        options: IngestOptions) -> None:
    cache = MemoryHttpCache()
    url = serve_feed(server)
    first = list(iter_items([url], options, http_cache=cache))
    second = list(iter_items([url], options, http_cache=cache))
    assert all(isinstance(r, RawItem) for r in first)
    assert second == [Skipped(server.url("/story/0"), "not modified"),
                      Skipped(server.url("/story/1"), "not modified")]
    for n in range(2):
        polls = server.hits(f"/story/{n}")
        assert "if-none-match" not in polls[0].headers
        assert polls[1].headers["if-none-match"] == f'"page-{n}"'


def test_feeds_feed_itself_not_modified_is_skipped(server: LocalHttpServer,
                                                   options: IngestOptions) -> None:
    def feed(request: Request) -> Reply:
        if request.headers.get("if-modified-since") == "Tue, 02 Nov 2021 08:00:00 GMT":
            return Reply(304, headers={})
        return Reply(body=rss([]), headers={"Content-Type": RSS,
                                            "Last-Modified": "Tue, 02 Nov 2021 08:00:00 GMT"})

    server.route("/feed", feed)
    cache = MemoryHttpCache()
    assert list(iter_items([server.url("/feed")], options, cache)) == [
        Skipped(server.url("/feed"), "feed has no entries")]
    assert list(iter_items([server.url("/feed")], options, cache)) == [
        Skipped(server.url("/feed"), "not modified")]


def test_feeds_entry_on_private_address_refused_by_default(tmp_path: Path,
                                                           server: LocalHttpServer) -> None:
    server.route("/story/0", Reply(body=page(0)))
    feed = tmp_path / "news.rss"
    feed.write_bytes(rss([server.url("/story/0")]))
    [result] = iter_items([str(feed)], IngestOptions(per_host_delay=0.0))
    assert isinstance(result, IngestError) and result.code == "E120"
    assert result.item == server.url("/story/0") and server.requests == []


def test_feeds_failed_entry_reported_and_batch_goes_on(server: LocalHttpServer,
                                                       options: IngestOptions) -> None:
    links = [server.url("/gone"), server.url("/story/1")]
    server.route("/feed.xml", Reply(body=rss(links), headers={"Content-Type": RSS}))
    server.route("/story/1", Reply(body=page(1)))
    gone, story = iter_items([server.url("/feed.xml")], options)
    assert isinstance(gone, IngestError) and gone.code == "E123" and "404" in gone.detail
    assert isinstance(story, RawItem) and story.content == page(1)


def test_feeds_entries_not_fetched_when_disabled(tmp_path: Path, server: LocalHttpServer,
                                                 options: IngestOptions) -> None:
    feed = tmp_path / "news.xml"
    feed.write_bytes(rss([server.url("/story/0")]))
    [item] = iter_items([str(feed)], replace(options, fetch_feed_items=False))
    assert isinstance(item, RawItem) and item.content == b"<p>Summary 0</p>"
    assert item.url == server.url("/story/0") and item.title == "Story 0"
    assert server.requests == []


def test_feeds_atom_feed_read(tmp_path: Path, options: IngestOptions) -> None:
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            b'<entry><title>E</title><link href="https://example.org/e"/>'
            b"<updated>2022-03-04T05:06:07Z</updated>"
            b'<content type="html">&lt;p&gt;Full text&lt;/p&gt;</content></entry></feed>')
    feed = tmp_path / "news.atom"
    feed.write_bytes(atom)
    [item] = iter_items([str(feed)], replace(options, fetch_feed_items=False))
    assert isinstance(item, RawItem) and item.content == b"<p>Full text</p>"
    assert str(item.published) == "2022-03-04"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://example.org/a</link></item></channel></rss>"""


def test_feeds_billion_laughs_refused_quickly(server: LocalHttpServer,
                                              options: IngestOptions) -> None:
    server.route("/feed.xml", Reply(body=BILLION_LAUGHS, headers={"Content-Type": RSS}))
    started = time.monotonic()
    [result] = iter_items([server.url("/feed.xml")], options)
    assert isinstance(result, IngestError) and result.code == "E111"
    assert time.monotonic() - started < 1.0


def test_feeds_external_entity_refused(tmp_path: Path, options: IngestOptions) -> None:
    feed = tmp_path / "xxe.xml"
    feed.write_bytes(b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                     b"<rss><channel><title>&x;</title></channel></rss>")
    [result] = iter_items([str(feed)], options)
    assert isinstance(result, IngestError) and result.code == "E111"


def test_feeds_entity_check_sees_through_declared_utf7() -> None:
    text = ('<?xml version="1.0" encoding="utf-7"?>'
            '+ADw-!DOCTYPE r +AFs-+ADw-!ENTITY a "b"+AD4-+AF0-+AD4-')
    try:
        check_entities(text.encode("ascii"), "feed.xml")
    except IngestError as err:
        assert err.code == "E111"
    else:
        raise AssertionError("an entity declared in UTF-7 was not caught")


def test_feeds_entity_text_inside_cdata_accepted(tmp_path: Path, options: IngestOptions) -> None:
    feed = tmp_path / "xml-news.rss"
    feed.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
                     b"<title>XML tips</title><link>https://example.org/x</link><description>"
                     b"<![CDATA[<p>Never accept <!ENTITY declarations.</p>]]></description>"
                     b"</item></channel></rss>")
    [item] = iter_items([str(feed)], replace(options, fetch_feed_items=False))
    assert isinstance(item, RawItem) and b"ENTITY" in item.content


def test_feeds_malformed_xml_gives_e110(server: LocalHttpServer, options: IngestOptions) -> None:
    server.route("/feed.xml", Reply(body=b'<?xml version="1.0"?><rss><channel><title>Broken<ti',
                                    headers={"Content-Type": RSS}))
    [result] = iter_items([server.url("/feed.xml")], options)
    assert isinstance(result, IngestError) and result.code == "E110"
    assert result.item == server.url("/feed.xml")


def test_feeds_relative_entry_links_resolved_against_feed_url(server: LocalHttpServer,
                                                              options: IngestOptions) -> None:
    server.route("/news/feed", Reply(body=rss(["story/0"]), headers={"Content-Type": RSS}))
    server.route("/news/story/0", Reply(body=page(0)))
    [item] = iter_items([server.url("/news/feed")], options)
    assert isinstance(item, RawItem) and item.url == server.url("/news/story/0")


def test_feeds_entry_date_keeps_the_publishers_day(tmp_path: Path, options: IngestOptions) -> None:
    feed = tmp_path / "asia.rss"
    feed.write_bytes(b'<rss version="2.0"><channel><title>T</title><item><title>S</title>'
                     b"<link>https://example.org/s</link><description>x</description>"
                     b"<pubDate>Tue, 02 Nov 2021 01:00:00 +0800</pubDate></item></channel></rss>")
    [item] = iter_items([str(feed)], replace(options, fetch_feed_items=False))
    assert isinstance(item, RawItem) and str(item.published) == "2021-11-02"


def test_feeds_entry_linking_to_a_local_file_is_never_read(server: LocalHttpServer,
                                                           options: IngestOptions,
                                                           tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("a local file no feed may read")
    links = [secret.as_uri(), "javascript:alert(1)", server.url("/story/0")]
    server.route("/feed.xml", Reply(body=rss(links), headers={"Content-Type": RSS}))
    server.route("/story/0", etag_page(0))
    for fetch in (True, False):
        results = list(iter_items([server.url("/feed.xml")],
                                  replace(options, fetch_feed_items=fetch)))
        codes = [r.code if isinstance(r, IngestError) else type(r).__name__ for r in results]
        assert codes == ["E126", "E126", "RawItem"]
        assert all("local file no feed" not in str(getattr(r, "content", b""))
                   for r in results)
