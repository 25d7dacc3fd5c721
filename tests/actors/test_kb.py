"""The actor knowledge base: office on a date, name matching, holders, user files, integrity."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.csvdata import data_rows

from sitrep.actors.kb import DATA_DIR, OFFICES, KnowledgeBase, normalise, surnames
from sitrep.errors import CodingError

REQUIRED = (
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
    "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "DZA", "BHR", "EGY", "IRN", "IRQ", "ISR", "JOR",
    "KWT", "LBN", "LBY", "MAR", "OMN", "PSE", "QAT", "SYR", "TUN", "ARE", "YEM", "UKR",
)
LEADER_OFFICES = ("head_of_state", "head_of_government")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _one(people: list, name: str):
    assert [p.name for p in people] == [name]
    return people[0]


def test_kb_bennett_office_on_event_date(kb: KnowledgeBase) -> None:
    bennett = _one(kb.find_person("Bennett"), "Naftali Bennett")
    term = bennett.office_on(date(2022, 1, 13))
    assert term is not None
    assert (term.office, term.title, term.country) == ("head_of_government", "Prime Minister",
                                                       "ISR")
    assert bennett.office_on(date(2021, 1, 1)) is None
    assert bennett.office_on(date(2021, 5, 1)) is None


def test_kb_seed_people_hold_their_offices(kb: KnowledgeBase) -> None:
    cases = {
        ("Vladimir Putin", date(2021, 10, 22)): ("RUS", "head_of_state"),
        ("Boris Johnson", date(2021, 11, 1)): ("GBR", "head_of_government"),
        ("Emmanuel Macron", date(2022, 1, 8)): ("FRA", "head_of_state"),
        ("Joe Biden", date(2021, 12, 21)): ("USA", "head_of_state"),
        ("Yair Lapid", date(2022, 1, 8)): ("ISR", "foreign_minister"),
        ("Sergei Lavrov", date(2021, 10, 6)): ("RUS", "foreign_minister"),
        ("Hossein Amir-Abdollahian", date(2021, 10, 6)): ("IRN", "foreign_minister"),
        ("Benjamin Netanyahu", date(2023, 1, 10)): ("ISR", "head_of_government"),
    }
    for (name, day), (country, office) in cases.items():
        term = _one(kb.find_person(name), name).office_on(day)
        assert term is not None and (term.country, term.office) == (country, office), name


def test_kb_boris_johnson_term_ends_on_handover(kb: KnowledgeBase) -> None:
    johnson = kb.person("boris-johnson")
    assert johnson is not None
    assert johnson.office_on(date(2022, 9, 7)) is None
    assert johnson.office_on(date(2018, 1, 1)).office == "foreign_minister"


def test_kb_transliterations_match(kb: KnowledgeBase) -> None:
    for form in ("Amirabdollahian", "Hossein Amirabdollahian", "amir-abdollahian",
                 "Hossein Amir Abdollahian", "HOSSEIN AMIR-ABDOLLAHIAN"):
        _one(kb.find_person(form), "Hossein Amir-Abdollahian")
    _one(kb.find_person("Sergey Lavrov"), "Sergei Lavrov")
    _one(kb.find_person("Zelenskyy"), "Volodymyr Zelensky")


def test_kb_diacritics_and_honorifics_are_ignored(kb: KnowledgeBase) -> None:
    _one(kb.find_person("Francois Hollande"), "François Hollande")
    _one(kb.find_person("President Putin"), "Vladimir Putin")
    assert kb.find_person("") == []
    assert kb.find_person("Nobody Atall") == []


def test_kb_titles_initials_and_name_order_are_read(kb: KnowledgeBase) -> None:
    _one(kb.find_person("Antony J. Blinken"), "Antony Blinken")
    _one(kb.find_person("Joseph R. Biden Jr."), "Joe Biden")
    _one(kb.find_person("Secretary Blinken"), "Antony Blinken")
    _one(kb.find_person("Foreign Minister Lavrov"), "Sergei Lavrov")
    _one(kb.find_person("Crown Prince Mohammed bin Salman"), "Mohammed bin Salman")
    _one(kb.find_person("Hayashi Yoshimasa"), "Yoshimasa Hayashi")


def test_kb_longer_form_as_written_is_the_known_person(kb: KnowledgeBase) -> None:
    # a second surname or a chain of patronymics the data leaves out
    _one(kb.find_person("Iván Duque Márquez"), "Iván Duque")
    _one(kb.find_person("Khalid bin Salman bin Abdulaziz Al-Saud"), "Khalid bin Salman")
    # a known given name followed by an unknown surname is nobody the kb knows
    assert kb.find_person("Joe Bidenson") == []
    assert kb.find_person("Vladimir Smirnov Petrov") == []


def test_kb_given_short_form_outranks_derived_surname(kb: KnowledgeBase) -> None:
    # Mahmoud Abbas is listed as "Abbas"; Syria's Ali Mahmoud Abbas only derives it
    found = kb.find_person("Abbas", on=date(2023, 1, 1))
    assert [p.name for p in found][:1] == ["Mahmoud Abbas"]
    assert "Ali Mahmoud Abbas" in {p.name for p in found}


def test_kb_surname_prefers_office_holder_on_date(kb: KnowledgeBase) -> None:
    both = {p.name for p in kb.find_person("Clinton")}
    assert both == {"Bill Clinton", "Hillary Clinton"}
    _one(kb.find_person("Clinton", on=date(2010, 6, 1)), "Hillary Clinton")
    _one(kb.find_person("Clinton", on=date(1999, 6, 1)), "Bill Clinton")


def test_kb_holder_of_office_on_date(kb: KnowledgeBase) -> None:
    pm_2022 = kb.holder("ISR", "head_of_government", date(2022, 1, 13))
    assert [p.name for p in pm_2022] == ["Naftali Bennett"]
    pm_2023 = kb.holder("ISR", "head_of_government", date(2023, 1, 10))
    assert [p.name for p in pm_2023] == ["Benjamin Netanyahu"]
    assert [p.name for p in kb.holder("NATO", "org_head", date(2022, 1, 13))] == [
        "Jens Stoltenberg"]
    assert kb.holder("ISR", "head_of_government", date(1900, 1, 1)) == []


def test_kb_titled_reads_news_titles(kb: KnowledgeBase) -> None:
    day = date(2022, 1, 13)
    assert [p.name for p in kb.titled("IRN", "President", day)] == ["Ebrahim Raisi"]
    assert [p.name for p in kb.titled("GBR", "PM", day)] == ["Boris Johnson"]
    assert [p.name for p in kb.titled("USA", "Secretary of State", day)] == ["Antony Blinken"]
    assert [p.name for p in kb.titled("RUS", "FM", day)] == ["Sergei Lavrov"]


def test_kb_surnames_derived_from_names() -> None:
    assert surnames("Vladimir Putin") == ["Putin"]
    assert surnames("Abdel Fattah el-Sisi") == ["el-Sisi", "Sisi"]
    assert surnames("Ursula von der Leyen")[0] == "von der Leyen"
    assert surnames("Mohammed bin Salman") == []
    assert normalise("Amir-Abdollahian") == normalise("Amirabdollahian")


def test_kb_user_file_adds_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text(
        "person_id,name,aliases,country,wikidata\n"
        "jane-doe,Jane Doe,J. Doe|Doe,ISL,\n"
        "naftali-bennett,Naftali Bennett,Naftali Bennett|Bennett,ISR,\n", encoding="utf-8")
    (tmp_path / "offices.csv").write_text(
        "person_id,country,office,title,start,end\n"
        "# a comment line\n"
        "jane-doe,ISL,foreign_minister,Foreign Minister,2030-01-01,\n", encoding="utf-8")
    kb = KnowledgeBase.load(extra=tmp_path)
    jane = _one(kb.find_person("Doe", on=date(2031, 1, 1)), "Jane Doe")
    assert jane.office_on(date(2031, 1, 1)).title == "Foreign Minister"
    # the people row replaced Bennett's names but his terms stay
    assert kb.person("naftali-bennett").office_on(date(2022, 1, 13)) is not None
    assert KnowledgeBase.load().person("jane-doe") is None


def test_kb_user_offices_replace_a_persons_terms(tmp_path: Path) -> None:
    path = tmp_path / "fix.csv"
    path.write_text("person_id,country,office,title,start,end\n"
                    "naftali-bennett,ISR,head_of_government,Prime Minister,2021-06-13,"
                    "2022-07-01\n", encoding="utf-8")
    bennett = KnowledgeBase.load(extra=path).person("naftali-bennett")
    assert len(bennett.terms) == 1
    assert bennett.office_on(date(2020, 1, 1)) is None


@pytest.mark.parametrize("body, why", [
    ("person_id,country,office,title,start,end\njoe-biden,USA,king_of_kings,King,2021-01-01,\n",
     "office"),
    ("person_id,country,office,title,start,end\njoe-biden,USA,head_of_state,P,2021-13-01,\n",
     "start"),
    ("person_id,country,office,title,start,end\njoe-biden,USA,head_of_state,P,2021-01-02,"
     + "2021-01-01\n", "before"),
    ("person_id,country,office,title,start,end\nghost-person,USA,head_of_state,P,2021-01-01,\n",
     "unknown person_id"),
    ("person_id,name,aliases,country,wikidata\nBad Id,Bad,,USA,\n", "slug"),
    ("person_id,name,aliases,country,wikidata\nok-id,Ok,,USA,Q12x\n", "QID"),
    ("who,what\na,b\n", "header"),
])
def test_kb_malformed_user_file_gives_e402(tmp_path: Path, body: str, why: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CodingError) as err:
        KnowledgeBase.load(extra=path)
    assert err.value.code == "E402"
    assert why in str(err.value) and str(path) in str(err.value)
    if why not in ("header", "unknown person_id"):
        assert "line 2" in str(err.value)


def test_kb_missing_user_path_gives_e402(tmp_path: Path) -> None:
    with pytest.raises(CodingError) as err:
        KnowledgeBase.load(extra=tmp_path / "nope.csv")
    assert err.value.code == "E402"


# --- data integrity over the whole bundled knowledge base ---------------------------------

def test_kb_data_offices_name_known_people_and_valid_dates() -> None:
    people = {r["person_id"] for r in data_rows(DATA_DIR, "people.csv")}
    assert len(people) == len(data_rows(DATA_DIR, "people.csv")), "duplicate person_id"
    for row in data_rows(DATA_DIR, "offices.csv"):
        assert row["person_id"] in people, row
        assert row["office"] in OFFICES, row
        start = date.fromisoformat(row["start"])
        if row["end"]:
            assert start <= date.fromisoformat(row["end"]), row


def test_kb_data_no_overlapping_terms_of_one_office() -> None:
    allowed = {(r["country"], r["office"], frozenset((r["person_a"], r["person_b"])))
               for r in data_rows(DATA_DIR, "overlaps.csv")}
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in data_rows(DATA_DIR, "offices.csv"):
        if row["office"] != "other":
            groups.setdefault((row["country"], row["office"], row["org"]), []).append(row)
    clashes = []
    for (country, office, _), rows in groups.items():
        rows.sort(key=lambda r: r["start"])
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                # a shared hand-over day is not an overlap
                if a["end"] and a["end"] <= b["start"]:
                    continue
                if a["person_id"] == b["person_id"] or (country, office, frozenset(
                        (a["person_id"], b["person_id"]))) in allowed:
                    continue
                clashes.append(f"{country} {office}: {a['person_id']} / {b['person_id']}")
    assert clashes == []


def test_kb_data_required_countries_have_a_leader_every_day(kb: KnowledgeBase) -> None:
    spans: dict[str, list[tuple[date, date]]] = {c: [] for c in REQUIRED}
    for person in kb:
        for t in person.terms:
            if t.country in spans and t.office in LEADER_OFFICES:
                spans[t.country].append((t.start, t.end or date.max))
    gaps = []
    for country, terms in spans.items():
        day, last = date(2015, 1, 1), date(2025, 1, 1)
        for start, end in sorted(terms):
            if start > day:
                break
            if end >= day:
                day = end + timedelta(days=1) if end < last else last + timedelta(days=1)
        if day <= last:
            gaps.append(f"{country} from {day}")
    assert gaps == []


def test_kb_data_international_heads_are_covered(kb: KnowledgeBase) -> None:
    for org in ("UN", "NATO", "IAEA", "EC", "EUCO", "EU"):
        for year in range(2010, 2026):
            office = "foreign_minister" if org == "EU" else "org_head"
            assert kb.holder(org, office, date(year, 6, 1)), (org, year)


# --- golden: the founding articles' people -------------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def test_kb_golden_seed_people_resolve_on_event_dates(kb: KnowledgeBase) -> None:
    import json

    path = SHARED / "seeds" / "expected-events.jsonl"
    if not path.exists():
        pytest.skip("../shared/seeds not found: golden test needs the shared folder beside "
                    "the repo")
    checked = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if not event.get("date"):
            continue
        parts = [int(p) for p in event["date"].split("-")] + [1]
        day = date(parts[0], parts[1], parts[2])
        for name in event["actors"]:
            people = kb.find_person(name, on=day)
            if not people and len(name.split()) == 1:
                continue  # a state ("Israel"), not a person
            assert [p.name for p in people] == [name], (name, day)
            assert people[0].office_on(day) is not None, (name, day)
            checked += 1
    assert checked >= 15


def test_kb_data_organisations_are_gazetteer_organisations() -> None:
    from sitrep.actors.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    orgs = {r["org"] for r in data_rows(DATA_DIR, "offices.csv") if r["org"]}
    assert {o for o in orgs if gaz.org_by_id(o) is None} == set()
    states = {s.iso3 for s in gaz.states()}
    codes = {r["country"] for r in data_rows(DATA_DIR, "offices.csv")} | {r["country"] for r in data_rows(DATA_DIR,
        "people.csv") if r["country"]}
    assert codes - states - {"UNO", "IGO", "EUR"} == set()


def test_kb_family_numeral_dropped_after_the_name_as_written() -> None:
    kb = KnowledgeBase.load()
    assert [p.name for p in kb.find_person("Lloyd J. Austin III")] == ["Lloyd Austin"]
    assert [p.name for p in kb.find_person("Charles III")] == ["Charles III"]


def test_kb_holding_finds_a_titled_name_by_its_ending(kb: KnowledgeBase) -> None:
    # Arabic names with "bin" derive no surname, yet a title and a date single one out
    on = date(2022, 5, 17)
    assert [p.name for p in kb.holding("Mubarak", "foreign_minister", on)] == \
        ["Ahmad Awad bin Mubarak"]
    assert [p.name for p in kb.holding("Al-Thani", "foreign_minister", date(2021, 7, 22))] == \
        ["Mohammed bin Abdulrahman bin Jassim Al Thani"]
    assert kb.holding("Mubarak", "head_of_state", on) == []
    assert kb.holding("bin", "foreign_minister", on) == []
