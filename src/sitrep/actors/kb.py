"""The actor knowledge base: people and the offices they held, by date.

Events are coded against the office a person held *on the event date*: "Bennett" on
2022-01-13 is Israel's Prime Minister (sector GOV); on 2021-05-01 he held no office. The
bundled data lives in ``sitrep/data/kb/`` as two CSV files that users can extend:

    people.csv   person_id,name,aliases,country,wikidata
    offices.csv  person_id,country,office,title,start,end[,org]

Loading works in three steps:

1. read the bundled files, then each user file or folder in order (a row of a later file
   replaces the person with the same ``person_id``; the office rows a later file gives for a
   person replace all of that person's earlier office rows, so a wrong term can be fixed);
2. check every row (dates parse, ``start <= end``, offices known, people exist) and raise
   ``CodingError("E402")`` naming the file and row of the first bad one;
3. index every name form (full name, aliases, derived surnames) under a normalised key that
   ignores case, diacritics, hyphens, apostrophes and spaces, so "Amirabdollahian" finds
   "Hossein Amir-Abdollahian".
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from sitrep.errors import CodingError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"

OFFICES: frozenset[str] = frozenset({
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister", "org_head",
    "other",
})
LEADER_OFFICES: frozenset[str] = frozenset({"head_of_state", "head_of_government"})
"""The offices that make a person a leader (``sitrep contacts --level leader``)."""
SENIOR_OFFICES: frozenset[str] = LEADER_OFFICES | {"foreign_minister", "defence_minister",
                                                   "org_head"}
"""Leaders, the ministers who speak for them abroad, and heads of organisations: the people
whose contacts a briefing or memo lists under "leader contacts"."""
"""Office codes; ``other`` holds titled roles that are not one of the four (Crown Prince)."""

PEOPLE_COLUMNS = ("person_id", "name", "aliases", "country", "wikidata")
OFFICE_COLUMNS = ("person_id", "country", "office", "title", "start", "end")

_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "bin", "ibn", "von", "van", "de",
                        "der", "den", "da", "di", "du", "la", "le", "del", "dos", "zu"})
"""Name particles: "al-Sisi" is also written "Sisi", "von der Leyen" keeps its particles."""

_PATRONYMICS = frozenset({"bin", "ibn", "bint", "ben", "ould"})
"""Names built on a father's name ("Mohammed bin Salman") have no surname to derive; the
data gives their short forms ("MBS", "bin Salman") as aliases instead."""

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Term:
    """One stretch of one office held by one person.

    ``country`` is an ISO 3166 alpha-3 code, or a PLOVER non-state code (``UNO``, ``IGO``,
    ``EUR``) for heads of international organisations, whose ``org`` names the organisation
    (``UN``, ``NATO``, ``IAEA``...). ``end`` is None while the person is in office; the end day
    itself still counts as in office (hand-overs share a day).
    """

    office: str
    title: str
    country: str
    start: date
    end: date | None = None
    org: str | None = None

    def covers(self, day: date) -> bool:
        """Whether the term includes ``day`` (both ends inclusive)."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    """A person in the knowledge base with every office term known for them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    wikidata: str | None = None
    terms: tuple[Term, ...] = field(default=())

    def office_on(self, day: date) -> Term | None:
        """The office the person held on ``day``, or None.

        Args:
            day: the date of the event.

        Returns:
            The covering term; when several cover the day (a president who is also his own
            foreign minister), the most senior one, in the order of ``_SENIORITY``.
        """
        held = [t for t in self.terms if t.covers(day)]
        if not held:
            return None
        return min(held, key=lambda t: (_SENIORITY.get(t.office, 9), -t.start.toordinal()))

    def offices_on(self, day: date) -> tuple[Term, ...]:
        """Every term covering ``day``, most senior first."""
        held = [t for t in self.terms if t.covers(day)]
        return tuple(sorted(held, key=lambda t: _SENIORITY.get(t.office, 9)))

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by its aliases."""
        return (self.name, *self.aliases)


_SENIORITY = {"head_of_state": 0, "head_of_government": 1, "org_head": 2, "foreign_minister": 3,
              "defence_minister": 4, "other": 5}


def normalise(name: str) -> str:
    """Key under which name forms are compared.

    Lower-cases, strips diacritics and drops everything but letters and digits, so
    "Amir-Abdollahian", "Amirabdollahian" and "amir abdollahian" share one key.

    Args:
        name: a name as written.

    Returns:
        The comparison key (may be empty).
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def surnames(name: str) -> list[str]:
    """Surname forms derived from a full name.

    "Vladimir Putin" -> ["Putin"]; "Abdel Fattah al-Sisi" -> ["al-Sisi", "Sisi"];
    "Ursula von der Leyen" -> ["von der Leyen"]. One-word names derive nothing.

    Args:
        name: a full name.

    Returns:
        Surname forms, longest first.
    """
    words = name.replace(",", " ").split()
    if len(words) < 2 or any(w.casefold() in _PATRONYMICS for w in words) \
            or (len(words) >= 4 and words[-2].casefold() == "al"):
        return []
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    forms = [" ".join(words[start:])]
    last = words[-1]
    head, sep, tail = last.partition("-")
    if sep and head.casefold() in _PARTICLES and tail:
        forms.append(tail)
    if start < len(words) - 1 and words[-1] not in forms:
        forms.append(words[-1])
    return forms


class KnowledgeBase:
    """People and their office terms, indexed for lookup by name and by office.

    Build one with ``KnowledgeBase.load()``; the constructor takes already-checked people.
    """

    def __init__(self, people: Iterable[Person]) -> None:
        self._people: dict[str, Person] = {p.id: p for p in people}
        self._exact: dict[str, list[str]] = {}
        self._short: dict[str, list[str]] = {}
        self._surname: dict[str, list[str]] = {}
        self._tail: dict[str, list[str]] = {}
        for person in self._people.values():
            # One-word aliases ("Clinton", "Putin") are short forms: they may name several
            # people and are weighed against the event date like derived surnames.
            for form in person.names:
                index = self._short if len(form.split()) == 1 else self._exact
                _add(index, normalise(form), person.id)
                words = form.split()
                if person.country in _FAMILY_NAME_FIRST and len(words) == 2:
                    _add(self._exact, normalise(f"{words[1]} {words[0]}"), person.id)
            for form in surnames(person.name):
                _add(self._surname, normalise(form), person.id)
            # the name's own ending only: an alias's may be a patronymic or a given name
            # ("Khalid bin Ahmed" is not "Minister Ahmed", "Abiy Ahmed Ali" not "Ali")
            for tail in _tails(person.name):
                _add(self._tail, normalise(tail), person.id)

    @classmethod
    def load(cls, extra: Path | str | Sequence[Path | str] | None = None) -> KnowledgeBase:
        """Load the bundled knowledge base, extended by the user's files.

        Args:
            extra: a CSV file (people or offices columns, told apart by its header), a folder
                holding ``people.csv`` and/or ``offices.csv``, or a list of these, applied in
                order after the bundled data.

        Returns:
            The knowledge base; the result is cached per set of paths (and file mtimes).

        Raises:
            CodingError: E402 when a file is missing, unreadable or has a bad row.
        """
        if extra is None:
            paths: tuple[Path, ...] = ()
        elif isinstance(extra, (str, Path)):
            paths = (Path(extra),)
        else:
            paths = tuple(Path(p) for p in extra)
        stamps = tuple((str(p), _mtime(p)) for p in paths)
        return _load_cached(stamps)

    def __len__(self) -> int:
        return len(self._people)

    def __iter__(self) -> Iterator[Person]:
        return iter(self._people.values())

    def person(self, person_id: str) -> Person | None:
        """The person with this id, or None."""
        return self._people.get(person_id)

    def find_person(self, name: str, on: date | None = None) -> list[Person]:
        """People a name may refer to.

        Looks the name up as written, without a leading title ("President", "Secretary",
        "Crown Prince"...) and without middle initials or "Jr.". Full names and multi-word
        aliases win; failing those, one-word forms, those given in the data ("Bibi", "MBS")
        before surnames derived from names.

        Args:
            name: a name as written ("Amirabdollahian", "Vladimir Putin", "Bennett").
            on: the event date; when given and several people match, those holding an office
                that day are preferred (all matches are kept if none does).

        Returns:
            Matching people, those in office on ``on`` first; empty when nothing matches.
        """
        bare = _strip_honorific(name)
        keys = [k for k in dict.fromkeys(normalise(form) for form in
                                         (name, bare, _strip_initials(bare))) if k]
        ids = next((self._exact[k] for k in keys if k in self._exact), [])
        if not ids:
            ids = self._longer_form(_strip_initials(bare))
        if not ids:
            # A short form given in the data outranks a derived surname: "Abbas" is Mahmoud
            # Abbas before Syria's defence minister Ali Mahmoud Abbas.
            for key in keys:
                ids = _merge(self._short.get(key, []), self._surname.get(key, []))
                if ids:
                    break
        found = [self._people[i] for i in ids]
        if on is not None and len(found) > 1:
            serving = [p for p in found if p.office_on(on) is not None]
            if serving:
                return serving
        return found

    def holding(self, name: str, office: str, on: date, country: str | None = None
                ) -> list[Person]:
        """People who held an office of kind ``office`` on ``on`` and whose name ends with
        ``name``: "Foreign Minister Mubarak" in 2022 is Ahmad Awad bin Mubarak, not the
        Hosni Mubarak the bare name is short for, and "Foreign Minister Al-Thani" is Qatar's,
        though Arabic names with "bin" derive no surname.

        Args:
            name: the name as written after the title (one or two words).
            office: one of ``OFFICES``.
            on: the day.
            country: the country the text gives the title ("Somali Prime Minister"), if any.

        Returns:
            The holders; empty when none or the name is no name's ending.
        """
        people = [self._people[i] for i in self._tail.get(normalise(name), [])]
        return [person for person in people if any(
            term.covers(on) and term.office == office and country in (None, term.country)
            for term in person.terms)]

    def _longer_form(self, name: str) -> list[str]:
        """Ids of the person whose full name (or multi-word alias) opens a longer name as
        written: a second surname or a chain of patronymics the data leaves out ("Iván Duque
        Márquez" is Iván Duque, "Khalid bin Salman bin Abdulaziz" is Khalid bin Salman)."""
        words = name.split()
        for end in range(len(words) - 1, 1, -1):
            ids = self._exact.get(normalise(" ".join(words[:end])))
            if ids:
                return ids
        return []

    def holder(self, country: str, office: str, on: date) -> list[Person]:
        """Who held an office of a country (or organisation) on a day.

        Args:
            country: ISO alpha-3 code, PLOVER code, or organisation id (``NATO``, ``UN``).
            office: one of ``OFFICES``.
            on: the day.

        Returns:
            The holders (usually one; two on a hand-over day, the incoming one first).
        """
        found = []
        for person in self._people.values():
            for term in person.terms:
                if term.office == office and country in (term.country, term.org) \
                        and term.covers(on):
                    found.append((term.start, person))
                    break
        return [p for _, p in sorted(found, key=lambda sp: sp[0], reverse=True)]

    def titled(self, country: str, title: str, on: date) -> list[Person]:
        """Who held a title in a country on a day ("President" of Iran, "PM" of Israel).

        Titles are compared after expanding common abbreviations (PM, FM) and ignoring case;
        "Prime Minister" and "Premier" are one title, as are "Foreign Minister" and "Foreign
        Secretary" or "Secretary of State" (the office, not the words, is what counts).

        Args:
            country: ISO alpha-3 code or organisation id.
            title: the title as written.
            on: the day.

        Returns:
            Holders whose term title matches, or, failing that, whose office matches.
        """
        wanted = normalise(title)
        office = TITLE_OFFICES.get(wanted)
        exact, by_office = [], []
        for person in self._people.values():
            for term in person.terms:
                if country not in (term.country, term.org) or not term.covers(on):
                    continue
                if normalise(term.title) == wanted:
                    exact.append(person)
                elif office is not None and term.office == office:
                    by_office.append(person)
        return _unique(exact or by_office)

    def countries(self) -> set[str]:
        """Every country or organisation code that has at least one term."""
        return {t.country for p in self._people.values() for t in p.terms}


TITLE_OFFICES: dict[str, str] = {normalise(k): v for k, v in {
    "prime minister": "head_of_government", "pm": "head_of_government",
    "premier": "head_of_government", "chancellor": "head_of_government",
    "head of government": "head_of_government",
    "president": "head_of_state", "king": "head_of_state", "queen": "head_of_state",
    "emir": "head_of_state", "amir": "head_of_state", "sultan": "head_of_state",
    "supreme leader": "head_of_state", "head of state": "head_of_state",
    "foreign minister": "foreign_minister", "fm": "foreign_minister",
    "foreign secretary": "foreign_minister", "secretary of state": "foreign_minister",
    "minister of foreign affairs": "foreign_minister", "top diplomat": "foreign_minister",
    "external affairs minister": "foreign_minister",
    "defence minister": "defence_minister", "defense minister": "defence_minister",
    "defence secretary": "defence_minister", "defense secretary": "defence_minister",
    "secretary of defense": "defence_minister", "minister of defence": "defence_minister",
    "minister of defense": "defence_minister", "secretary of war": "defence_minister",
    "secretary general": "org_head", "secretarygeneral": "org_head",
    "director general": "org_head",
}.items()}
"""Title words, as written in news, to the office they name (keys normalised)."""

_HONORIFICS = re.compile(
    r"^(?:mr|mrs|ms|dr|sir|dame|lord|sheikh|shaikh|king|queen|crown prince|prince|emir|"
    r"sultan|ayatollah|president|prime minister|pm|chancellor|premier|secretary of state|"
    r"secretary|foreign minister|foreign secretary|defen[cs]e minister|defen[cs]e secretary|"
    r"minister|field marshal|marshal|general|gen|col|colonel)\.?\s+", re.IGNORECASE)


_FAMILY_NAME_FIRST = frozenset({"JPN"})
"""Countries whose two-word names news writes in both orders ("Hayashi Yoshimasa")."""

_INITIAL = re.compile(r"\s+[A-Z]\.(?=\s)|,?\s+(?:Jr|Sr)\.?$")
_NUMERAL = re.compile(r"\s+(?:III|IV)$")


def _tails(name: str) -> list[str]:
    """The endings of a name a title may stand before: its last word and its last two
    ("bin Mubarak", "Al Thani"), never a particle alone; one-word names have none."""
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return []
    ends = [" ".join(words[-k:]) for k in (1, 2) if k < len(words)]
    return [end for end in ends if end.casefold() not in _PARTICLES | _PATRONYMICS]


def _strip_initials(name: str) -> str:
    """Drop middle initials, Jr./Sr. and a family's III/IV ("Antony J. Blinken" -> "Antony
    Blinken", "Lloyd J. Austin III" -> "Lloyd Austin"); the name as written is looked up
    first, so a monarch ("Charles III") is found before this."""
    if len(name.split()) >= 3:
        name = _NUMERAL.sub("", name)
    return _INITIAL.sub("", name)


def _strip_honorific(name: str) -> str:
    """Drop one leading honorific ("Mr", "President") unless it is all there is."""
    stripped = _HONORIFICS.sub("", name.strip(), count=1)
    return stripped if stripped else name


def _add(index: dict[str, list[str]], key: str, person_id: str) -> None:
    if key and person_id not in index.setdefault(key, []):
        index[key].append(person_id)


def _merge(first: list[str], second: list[str]) -> list[str]:
    return first + [i for i in second if i not in first]


def _unique(people: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for p in people:
        seen.setdefault(p.id, p)
    return list(seen.values())


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


@lru_cache(maxsize=8)
def _load_cached(stamps: tuple[tuple[str, float], ...]) -> KnowledgeBase:
    people: dict[str, dict[str, str]] = {}
    terms: dict[str, list[Term]] = {}
    for path in (DATA_DIR / "people.csv", DATA_DIR / "offices.csv"):
        _apply_file(path, people, terms)
        _check_references(people, terms, path)
    for text, _ in stamps:
        for path in _expand(Path(text)):
            _apply_file(path, people, terms)
            _check_references(people, terms, path)
    return KnowledgeBase(_person(row, tuple(sorted(terms.get(pid, []), key=lambda t: t.start)))
                         for pid, row in people.items())


def _expand(path: Path) -> list[Path]:
    """A user path as the CSV files it stands for."""
    if path.is_dir():
        files = [path / name for name in ("people.csv", "offices.csv") if (path / name).exists()]
        if not files:
            raise CodingError("E402", "folder holds neither people.csv nor offices.csv",
                              item=str(path))
        return files
    if not path.exists():
        raise CodingError("E402", "file does not exist", item=str(path))
    return [path]


def _apply_file(path: Path, people: dict[str, dict[str, str]],
                terms: dict[str, list[Term]]) -> None:
    """Read one CSV file into ``people`` or ``terms``, replacing earlier entries."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            if set(PEOPLE_COLUMNS) <= set(header):
                for line, row in _rows(reader, path):
                    people[_check_person(row, path, line)] = row
            elif set(OFFICE_COLUMNS) <= set(header):
                replaced: set[str] = set()
                for line, row in _rows(reader, path):
                    pid, term = _parse_term(row, path, line)
                    if pid not in replaced:
                        terms[pid] = []
                        replaced.add(pid)
                    terms[pid].append(term)
            else:
                raise CodingError("E402", f"header {','.join(header) or '(empty)'} is neither "
                                  f"{','.join(PEOPLE_COLUMNS)} nor {','.join(OFFICE_COLUMNS)}",
                                  item=str(path))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CodingError("E402", f"cannot read: {exc}", item=str(path)) from exc


def _rows(reader: csv.DictReader[str], path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """Rows with their line numbers, skipping blank lines and ``#`` comments."""
    for row in reader:
        first = next(iter(row.values()), "") or ""
        if first.startswith("#") or not any((v or "").strip() for v in row.values()):
            continue
        if None in row:
            raise _bad(path, reader.line_num, "more fields than the header names")
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}


def _bad(path: Path, line: int, why: str) -> CodingError:
    return CodingError("E402", f"line {line}: {why}", item=str(path))


def _check_person(row: dict[str, str], path: Path, line: int) -> str:
    pid = row["person_id"]
    if not _SLUG.match(pid):
        raise _bad(path, line, f"person_id {pid!r} is not a lower-case slug")
    if not row["name"]:
        raise _bad(path, line, f"person {pid} has no name")
    if row["wikidata"] and not _QID.match(row["wikidata"]):
        raise _bad(path, line, f"wikidata {row['wikidata']!r} is not a QID")
    return pid


def _parse_term(row: dict[str, str], path: Path, line: int) -> tuple[str, Term]:
    pid = row["person_id"]
    if not _SLUG.match(pid):
        raise _bad(path, line, f"person_id {pid!r} is not a lower-case slug")
    if row["office"] not in OFFICES:
        raise _bad(path, line, f"office {row['office']!r} is not one of {sorted(OFFICES)}")
    if not row["country"]:
        raise _bad(path, line, f"{pid}: country is empty")
    start = _parse_day(row["start"], path, line, "start")
    end = _parse_day(row["end"], path, line, "end") if row["end"] else None
    if start is None:
        raise _bad(path, line, f"{pid}: start date is empty")
    if end is not None and end < start:
        raise _bad(path, line, f"{pid}: end {end} is before start {start}")
    return pid, Term(office=row["office"], title=row["title"] or row["office"],
                     country=row["country"], start=start, end=end,
                     org=row.get("org") or None)


def _parse_day(text: str, path: Path, line: int, column: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _bad(path, line, f"{column} {text!r} is not a YYYY-MM-DD date") from None


def _check_references(people: dict[str, dict[str, str]], terms: dict[str, list[Term]],
                      path: Path) -> None:
    """Every person with terms must be known once ``path`` has been read.

    Checked after each file, so the error names the file that brought the unknown id; a
    user's offices file may name people from their own people file read before it.
    """
    missing = sorted(set(terms) - set(people))
    if missing:
        raise CodingError("E402", f"offices name unknown person_id(s): {', '.join(missing[:5])}"
                          " (add them to a people file read first)", item=str(path))


def _person(row: dict[str, str], terms: tuple[Term, ...]) -> Person:
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    return Person(id=row["person_id"], name=row["name"], aliases=aliases,
                  country=row["country"], wikidata=row["wikidata"] or None, terms=terms)
