"""A seeded generator of hostile inputs of every kind sitrep reads, for the fuzz test.

``write_corpus(folder, seed)`` writes files an adversary could hand to ``sitrep ingest``:
JSONL and JSON records with lone surrogates, deep nesting, numbers of thousands of digits,
dates at the ends of the calendar, wrong types and hostile URLs; HTML pages with attribute
and element bombs, lying charsets, hostile JSON-LD and control characters; scraped text;
feeds with entity declarations, external entities and links to local files; broken WARC and
gzip files; file names that are not UTF-8 or carry Rich markup. Every string field is laced
with the strings of ``ATOMS`` (terminal escapes, Rich markup, Markdown and HTML, spreadsheet
formulas, ``javascript:`` URLs). ``hostile_profiles`` makes YAML watch profiles the same way.

The same seed writes the same files, so a failure can be replayed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

ATOMS = [
    "\ud800", "\udfff", "\x00", "\x1b]0;pwned\x07", "\x1b[2J\x1b[H", "\x9b31m", "\x07",
    "[/x]", "[bold red]boom[/bold red]", "[link=file:///etc/passwd]x[/link]", "[/]",
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "](javascript:alert(1))",
    "javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
    "\u202eevil\u202c", "\u200b\u200d", "\U0001d518\U0001d52b", "\U0001f1ee\U0001f1f1",
    "\ufdfa", "\r\n", "\\", "%s%n%x", "{0}{1}", "${jndi:ldap://x}", "' OR 1=1 --",
    "'; DROP TABLE articles; --", "..\\..\\..\\", "\t", "&#xD800;", "&lt;", "**bold**",
    "# heading", "| a | b |", "`code`", "~~~",
]
URLS = [
    "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
    "", "http://[x", "http://127.0.0.1:99999/", "ftp://example.org/a", "//evil.example/x",
    "https://example.org/" + "a" * 5000, "https://例え.jp/記事", "http://user:pass@example.org/",
    "https://example.org/\x1b[2J", "https://example.org/[/x]",
]
DATES = [
    "0001-01-01", "9999-12-31", "2021-02-30", "-1", "1e999", "nan", "2021-13-45T99:99:99Z",
    "Fri, 31 Dec 9999 23:59:59 +0000", "x" * 1000, "1800-01-01", "1799-12-31",
    "2021-10-07T23:30:00-11:00", "\ud800", "",
]
POOL = 40
WORDS = ("minister government talks border agreement president security council week said "
         "officials capital meeting statement foreign defence envoy ceasefire region "
         "sanctions election parliament delegation visit summit trade").split()


@dataclass
class Corpus:
    """What was written: the folder, and how many items the inputs hold at least."""

    folder: Path
    files: int = 0
    min_items: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    sentinel_url: str = ""
    """A good article read last: stored only if the batch went to its end."""

    def count(self, kind: str, items: int = 1) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + items
        self.min_items += items


class Hostile:
    """Hostile values from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = 0
        self.pool: list[str] = []

    def atom(self) -> str:
        return self.rng.choice(ATOMS)

    def laced(self, text: str, n: int = 2) -> str:
        """``text`` with ``n`` hostile atoms put in at random places."""
        for _ in range(n):
            at = self.rng.randrange(len(text) + 1)
            text = text[:at] + self.atom() + text[at:]
        return text

    def sentences(self, count: int) -> str:
        """Plain English sentences from a pool of ``POOL`` texts: most articles the corpus
        stores are near-copies of one another, as syndicated news is, so the run spends its
        time on hostile input rather than on embedding hundreds of distinct stories."""
        if not self.pool:
            for _ in range(POOL):
                words = [self.rng.choices(WORDS, k=self.rng.randint(8, 16)) for _ in range(8)]
                self.pool.append(" ".join("The " + " ".join(w) + " on Monday." for w in words))
        text = self.rng.choice(self.pool)
        return text if count else text.split(". ")[0]

    def url(self) -> str:
        self.serial += 1
        if self.rng.random() < 0.3:
            return self.rng.choice(URLS)
        return f"https://news{self.serial % 7}.example/{self.serial}/{self.rng.randrange(10**6)}"

    def value(self) -> object:
        """A JSON value of a surprising type."""
        return self.rng.choice([None, 7, -1.5, True, [], {}, ["a", {"b": []}], {"x": "y"},
                                self.atom(), "", "x" * 3000])


def _json_line(h: Hostile) -> str:
    """One JSONL line: a laced record, or a structurally hostile one."""
    roll = h.rng.random()
    if roll < 0.08:
        return h.rng.choice([
            "[" * 100_000 + "]" * 100_000, '{"url": "https://d.example/x", "text": '
            + "[" * 500 + "]" * 500 + "}", '{"url": "https://n.example/", "n": '
            + "9" * 5000 + "}", '{"url": "https://t.example/", "text": "cut', "null", "[1, 2]",
            '"a string"', '{"url": NaN, "text": Infinity}', "\ufeff{}", "{" * 3, "\\",
            '{"url": "https://dup.example/", "url": 5, "text": "x"}',
        ])
    record: dict[str, object] = {
        "url": h.url(), "title": h.laced(" ".join(h.rng.choices(WORDS, k=5))),
        "date": h.rng.choice(DATES) if h.rng.random() < 0.4 else "2021-10-07",
        "text": h.laced(h.sentences(h.rng.randint(0, 6)), h.rng.randint(0, 4)),
    }
    if h.rng.random() < 0.2:
        record[h.rng.choice(["url", "title", "date", "text", "authors", "site"])] = h.value()
    if h.rng.random() < 0.15:
        record["html"] = h.laced(f"<p>{h.sentences(3)}</p>")
        record.pop("text")
    if h.rng.random() < 0.2:
        record[h.laced("k")] = h.laced("v")
        record["authors"] = [h.laced("Ann"), {"name": h.atom()}, 5, None]
        record["site"] = h.laced("Site")
    return json.dumps(record, ensure_ascii=h.rng.random() < 0.5)


def _page(h: Hostile) -> bytes:
    """One HTML page: an article laced with hostile markup, or a bomb."""
    roll = h.rng.random()
    if roll < 0.04:
        return b"<html><body><div " + b" ".join(b"a%d=x" % i for i in range(3000)) + b">x</div>"
    if roll < 0.08:
        return b"<html><body>" + b"<i>x</i>" * 60_000 + b"</body></html>"
    if roll < 0.11:
        return b"<html><body>" + b"<div>" * 20_000 + h.sentences(4).encode() + b"</body></html>"
    if roll < 0.16:
        return h.rng.choice([b"", b"   \n", b"\x89PNG\r\n\x1a\n" + os.urandom(200),
                             bytes(h.rng.randrange(256) for _ in range(500)),
                             b"<!-- only a comment -->", b"\x00" * 100 + b"<p>x</p>"])
    charset = h.rng.choice(["utf-8", "utf-7", "x-unknown", "utf-16", "iso-8859-1", "utf-8"])
    date = h.rng.choice(DATES + ["2021-10-07T01:00:00Z"] * 4)
    ld = json.dumps({"@type": "NewsArticle", "datePublished": date,
                     "headline": h.laced("Headline")})
    if h.rng.random() < 0.1:
        ld = "[" * 5000 + "]" * 5000
    body = "".join(f"<p>{h.laced(part + '.', h.rng.randint(0, 2))}</p>"
                   for part in h.sentences(8).split(". "))
    html = (f'<html><head><meta charset="{charset}"><title>{h.laced("Talks")}</title>'
            f'<meta property="article:published_time" content="{h.rng.choice(DATES)}">'
            f'<link rel="canonical" href="{h.rng.choice(URLS)}">'
            f'<script type="application/ld+json">{ld}</script></head>'
            f"<body><article><h1>{h.laced('Talks')}</h1>{body}"
            f"<p>&#xD800; &#0; &#x1b; &#1114112; {h.atom()}</p></article></body></html>")
    return html.encode("utf-8", errors="surrogatepass" if h.rng.random() < 0.5 else "replace")


def _feed(h: Hostile) -> bytes:
    roll = h.rng.random()
    if roll < 0.2:
        laughs = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};">' for i in range(1, 10))
        return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]>'
                f"<rss><channel><title>&l9;</title></channel></rss>").encode()
    if roll < 0.3:
        return (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b"<rss><channel><item><title>&x;</title></item></channel></rss>")
    if roll < 0.4:
        return b'<?xml version="1.0" encoding="utf-7"?>+ADw-!ENTITY x "y"+AD4-<rss></rss>'
    if roll < 0.5:
        return b"<rss><channel><item><title>cut"
    links = [h.rng.choice(URLS[:3] + ["http://127.0.0.1:9/a", "http://10.1.2.3/x", ""])
             for _ in range(h.rng.randint(1, 4))]
    items = "".join(f"<item><title>{h.laced('t').replace('<', '&lt;')}</title><link>{link}"
                    f"</link><pubDate>{h.rng.choice(DATES)}</pubDate></item>"
                    for link in links)
    return f"<rss><channel><title>F</title>{items}</channel></rss>".encode(
        "utf-8", errors="replace")


def write_corpus(folder: Path, seed: int, n: int = 2000) -> Corpus:
    """Write at least ``n`` hostile items into ``folder`` (created).

    Args:
        folder: where to write.
        seed: the random seed: the same seed writes the same corpus.
        n: how many items at least.

    Returns:
        What was written.
    """
    h = Hostile(seed)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder)
    pages, feeds, texts, odd = n // 8, n // 40, n // 40, n // 60
    lines = n - pages - feeds - texts - odd - 60
    for part in range(4):
        rows = [_json_line(h) for _ in range(lines // 4)]
        raw = "\n".join(rows).encode("utf-8", errors="surrogatepass")
        if part == 3:
            raw += b"\n" + b'{"url": "https://bad.example/", "text": "\xff\xfe not utf-8"}'
        _write(corpus, f"records-{part}.jsonl", raw, "jsonl line", len(rows) + (part == 3))
    for i in range(pages):
        name = f"page-{i:04d}.html" + (".gz" if i % 25 == 0 else "")
        data = _page(h)
        if name.endswith(".gz"):
            data = gzip.compress(data)[: h.rng.choice([-1, 30, None]) or None]
        _write(corpus, name, data, "html page")
    for i in range(feeds):
        _write(corpus, f"feed-{i:03d}.xml", _feed(h), "feed")
    for i in range(texts):
        text = h.laced(h.sentences(h.rng.randint(0, 8)), 4)
        if i % 5 == 0:
            text = h.atom() * h.rng.randint(1, 50_000)
        _write(corpus, f"text-{i:03d}.txt", text.encode("utf-8", "surrogatepass"), "text")
    for i in range(20):
        records = ", ".join(_json_line(h) if h.rng.random() < 0.5 else json.dumps(h.value())
                            for _ in range(3))
        body = f'{{"articles": [{records}]}}' if i % 2 else f"[{records}]"
        if i % 7 == 0:
            body = body[: len(body) // 2]
        _write(corpus, f"list-{i:02d}.json", body.encode("utf-8", "surrogatepass"), "json file")
    for i in range(20):
        data = h.rng.choice([b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nx",
                             os.urandom(300), b"", gzip.compress(b"WARC/1.0\r\n")[:20]])
        _write(corpus, f"archive-{i:02d}.warc" + (".gz" if i % 2 else ""), data, "warc")
    for i in range(20):
        _write(corpus, f"broken-{i:02d}.jsonl.gz", gzip.compress(
            _json_line(h).encode("utf-8", "surrogatepass"))[: h.rng.randrange(5, 40)],
            "gzip jsonl")
    for i in range(odd):
        name = h.rng.choice([b"bad\xff\xfe-%d.txt", b"[bold]rich[-%d.txt", b"=cmd-%d.txt",
                             b"-rf-%d.txt", b"new\nline-%d.txt", b"\x1b]0;t\x07-%d.txt",
                             b"x" * 200 + b"-%d.txt"]) % (i,)
        (folder / os.fsdecode(name)).write_bytes(h.sentences(6).encode())
        corpus.files += 1
        corpus.count("odd file name")
    sentinel = {"url": "https://sentinel.example/last", "title": "Sentinel",
                "date": "2021-10-07", "text": "The batch reached its last item. " * 8}
    corpus.sentinel_url = sentinel["url"]
    _write(corpus, "zzzz-sentinel.jsonl", json.dumps(sentinel).encode(), "sentinel")
    return corpus


def _write(corpus: Corpus, name: str, data: bytes, kind: str, items: int = 1) -> None:
    (corpus.folder / name).write_bytes(data)
    corpus.files += 1
    corpus.count(kind, items)


def hostile_profiles(seed: int, n: int) -> list[str]:
    """``n`` YAML watch profiles: aliases, deep nesting, wrong types, laced strings."""
    h = Hostile(seed)
    out = []
    for _ in range(n):
        roll = h.rng.random()
        if roll < 0.2:
            out.append("a: &a [x, x]\n" + "".join(f"b{i}: &b{i} [*a, *a]\n" for i in range(5)))
        elif roll < 0.35:
            out.append("name: x\ncadence: weekly\nactors: " + "[" * h.rng.randint(60, 600))
        elif roll < 0.5:
            out.append(f"name: {json.dumps(h.laced('n'))}\ncadence: {h.rng.choice(['weekly', 7, '[]'])}\n"
                       f"actors: [{{name: {json.dumps(h.laced('A'))}, priority: "
                       f"{h.rng.choice([1, 9, 'x', True])}}}]\n")
        elif roll < 0.6:
            out.append("!!python/object/apply:os.system ['true']")
        else:
            keys = ["name: x", "cadence: weekly", f"{h.laced('k', 1)}: 1",
                    "countries: [ISR, {code: " + json.dumps(h.atom()) + "}]",
                    "delivery: {webhook: {url: " + json.dumps(h.rng.choice(URLS)) + "}}"]
            h.rng.shuffle(keys)
            out.append("\n".join(keys[: h.rng.randint(1, 5)]))
    return out
