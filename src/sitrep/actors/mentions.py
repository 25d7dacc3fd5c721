"""Actor mentions in parsed sentences, resolved to canonical actors.

A sentence is read in four passes, each over what the earlier ones left:

1. named entities: people (with the titles and appositions around them: "Russian Foreign
   Minister Sergei Lavrov", "his Iranian counterpart, Hossein Amirabdollahian"), states and
   seats of government ("Jerusalem" = Israel's government), organisations ("the IDF");
2. a country word modifying a sector noun ("the Russian military", "Israeli officials");
3. descriptions that point back at people already named in the article: titles ("the prime
   minister", "the US president"), plurals ("the two men", "both leaders");
4. personal pronouns ("him"), the most recent compatible person.

An ``ArticleActors`` (``discourse.py``) carries what the article has named so far, so that
"Bennett" after "Prime Minister Naftali Bennett" is the same actor, with the same office.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from sitrep.actors.gazetteer import Gazetteer, State
from sitrep.actors.kb import LEADER_OFFICES, KnowledgeBase, Person, Term, normalise
from sitrep.actors.lexicon import ACTOR_WORDS, ActorWords
from sitrep.actors.spans import (
    at,
    clause_subject,
    clean_name,
    entity_text,
    inside,
    name_end,
    name_hyphen,
    person_actor,
    sentence_ents,
    strip_article,
    strip_possessive,
    with_nicknamed_people,
    without_middle_initials,
    without_nickname,
)
from sitrep.actors.discourse import ArticleActors, Mention
from sitrep.actors.identity import participant_key
from sitrep.data.temporal.lexicon import NUMBERS
from sitrep.record import ActorRef

ENTITY_LABELS = ("PERSON", "GPE", "NORP", "ORG")
_MEETING_MARKERS = frozenset({"the", "two", "both", "their", "her", "his", "all", "three",
                              "four"})
"""Determiners that make a plural noun point back at a contact's participants."""
_PORTFOLIO_PREPS = frozenset({"for", "on", "to"})
"""Prepositions of a title that name its portfolio ("Envoy for Yemen", "Ambassador to
Germany"), so that the country after them is not the holder's."""
_PORTFOLIO_OPENERS = frozenset({"of", "for"})
"""Words after a title that open its portfolio ("Minister of Foreign Affairs", "Minister of
State for Europe")."""
_PORTFOLIO_GLUE = frozenset({"of", "for", "and", ",", "the", "&"})
"""Words inside a portfolio besides its capitalised ones ("Environment, Water, and
Agriculture")."""
_PORTFOLIO_SPAN = 12
"""Words at most from a title to the name its portfolio leads to."""
_TITLE_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "punct", "prep", "pobj"})


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Words that end a person's name and name no one by themselves."""


def _surname_run(doc: Doc, head: int, end: int) -> bool:
    """Whether the words from ``end`` to ``head`` (the name's head, after it) are all
    capitalised proper nouns the model left untagged: the rest of the name."""
    return end <= head < end + 4 and all(
        doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()
        and doc[k].ent_type_ in ("", "PERSON") for k in range(end, head + 1))


def _in_headline(person: Person, title: str, headline: str) -> bool:
    """Whether a release's title names ``person`` in full or by the title its body uses
    bare: "Readout of President Biden's Call with Prime Minister Kishida" names the
    principal before "The President spoke ...", as a body's first sentence would."""
    headline = headline.casefold()
    surname = person.name.split()[-1].casefold()
    return bool(headline) and (f"{title} {surname}" in headline or
                               person.name.casefold() in headline)


def _surname_only(name: str, person: Person) -> bool:
    """Whether ``name`` is one word that the kb gives ``person`` only as a derived surname
    (not the name itself or an alias such as "Bibi" or "MBS")."""
    if len(name.split()) != 1:
        return False
    return normalise(name) not in {normalise(form) for form in person.names}


class ActorResolver:
    """Resolves mentions with the knowledge base and the gazetteer.

    Args:
        kb: the people knowledge base.
        gazetteer: states, organisations, places and sector nouns
            (``sitrep.actors.gazetteer.Gazetteer``).
        words: title, sector and reference words (the bundled ``actors.yaml`` by default).
    """

    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer,
                 words: ActorWords = ACTOR_WORDS) -> None:
        self.kb = kb
        self.gaz = gazetteer
        self.words = words
        self.stops = words.honorifics | {t for t in words.titles if " " not in t}
        """Words of address and one-word titles: what stands before a name, never in it."""
        self._department_words = frozenset(w for d in words.departments for w in d)
        """Every word of a department's name ("affairs", "trade", "security")."""

    def article(self, published: date | None, site: str | None = None) -> ArticleActors:
        """A fresh resolution state for one article published on ``published`` by the
        government of ``site`` (ISO3), if a government published it."""
        return ArticleActors(self, published, site=site)

    # --- states, organisations, people -------------------------------------------------

    def state_ref(self, text: str, sector: str | None = None) -> ActorRef | None:
        """A state actor for a country name, demonym or seat of government, or None.

        A seat of government stands for the government ("Jerusalem", "the Kremlin": GOV, or
        the seat's own sector, "the Pentagon": MIL).
        """
        match = self.gaz.state_match(strip_possessive(text))
        if match is None:
            return None
        seat = match.via in ("seat", "capital")
        return ActorRef(name=match.state.name, kind="state", country=match.state.code,
                        sector=sector or match.sector or ("GOV" if seat else None), text=text)

    def state_of(self, code: str, sector: str | None = None) -> ActorRef | None:
        """The state actor with this country code ("IRQ", as places and people carry it), or
        None."""
        state = self.gaz.by_code(code)
        if state is None:
            return None
        return ActorRef(name=state.name, kind="state", country=state.code, sector=sector,
                        text=state.name)

    def protesters_of(self, code: str) -> ActorRef | None:
        """A state's protesters, named as analysts name them ("Iraqi protesters"), or None
        for an unknown code."""
        state = self.gaz.by_code(code)
        if state is None:
            return None
        name = f"{_group_word(state)} protesters"
        return ActorRef(name=name, kind="state", country=state.code, sector="CVL", text=name)

    def placed_group(self, ref: ActorRef, code: str) -> ActorRef:
        """A generic group with no country of its own ("protesters", "the police") acting in
        the state ``code``: of that state, named as analysts name such groups ("Russian
        police", GUIDELINES 4). Other actors as given."""
        if self.unplaced_force(ref):
            # "security forces in Baghdad" are Iraq (GUIDELINES 4), not a group of Iraq's
            return self.state_of(code, ref.sector) or ref
        if ref.kind != "group" or not ref.sector or ref.country or \
                " " in ref.name and not self._kind_named(ref.name):
            return ref  # "Kurdish militants" in Syria stay Kurdish
        state = self.gaz.by_code(code)
        if state is None:
            return replace(ref, country=code)
        return replace(ref, country=code, name=f"{_group_word(state)} {ref.name}")

    def _kind_named(self, name: str) -> bool:
        """Whether a group's name of several words is only a group noun with the word that
        makes it one ("security forces"), no people's word ("Kurdish militants")."""
        kinds = {w.rsplit(" ", 1)[0] for w in self.words.group_nouns if " " in w}
        return name.rsplit(" ", 1)[0] in kinds

    def residents_of(self, code: str) -> ActorRef | None:
        """A state's residents, the people a curfew or lockdown binds: a generic group
        ("residents") of that country, or None for an unknown code."""
        if self.gaz.by_code(code) is None:
            return None
        return ActorRef(name="residents", kind="group", country=code, sector="CVL",
                        text="residents")

    def org_ref(self, text: str) -> ActorRef | None:
        """An organisation actor ("the IDF", "NATO"), or None when unknown."""
        org = self.gaz.org(strip_possessive(text))
        if org is None:
            return None
        return ActorRef(name=org.name, kind="org", actor_id=getattr(org, "id", None),
                        country=getattr(org, "country", None) or getattr(org, "code", None),
                        sector=getattr(org, "sector", None), text=text)

    def person_ref(self, name: str, on: date | None, title: str | None = None,
                   country: str | None = None, serving: bool = True) -> ActorRef:
        """A person actor: from the kb when it knows the name, else from the text alone.

        Args:
            name: the name as written.
            on: the date whose office to report.
            title: a title found beside the name ("foreign minister"), if any.
            country: the country the text gives the person ("Iranian"), if any.
            serving: False when the title is a past one ("former President X"): it names
                no holder of the office on ``on``.

        Returns:
            The actor, with ``actor_id`` set when the kb knows the person.
        """
        people = self.kb.find_person(name, on)
        if country and len(people) > 1:
            people = [p for p in people if p.country == country] or people
        if people and on is not None and _surname_only(name, people[0]) \
                and people[0].office_on(on) is None:
            # A bare surname fits many people; one the kb knows only out of office is a
            # guess no better than an unknown person ("Harris" is not the Irish ex-premier).
            people = []
        if title and serving and on is not None and len(name.split()) <= 2:
            people = self._titled_holder(name, title, on, people, country)
        if people:
            return self.refresh(person_actor(people[0], name), on)
        office = title and self._office_text(title, country)
        return ActorRef(name=without_middle_initials(clean_name(name)), kind="person",
                        country=country,
                        sector=self._title_sector(title) if title else None,
                        office=office or None, text=name)

    def _titled_holder(self, name: str, title: str, on: date, people: list[Person],
                       country: str | None) -> list[Person]:
        """The people a titled short name may be: when none of those the name alone finds
        held an office of the title's kind that day, the one person the kb knows who did
        (in the title's country, if the text gives one) and whose name ends so ("Foreign
        Minister Mubarak" in 2022). A title of no one office ("Minister") tells too little."""
        office = self.words.titles.get(title)
        if office in (None, "counterpart", "other") or any(
                office == term.office for p in people for term in p.offices_on(on)):
            return people
        holders = self.kb.holding(name, office, on, country)
        return holders if len(holders) == 1 else people

    def refresh(self, ref: ActorRef, on: date | None) -> ActorRef:
        """Copy of ``ref`` with the office, country and sector it had on ``on`` (kb people)."""
        if ref.kind != "person" or not ref.actor_id:
            return ref
        person = self.kb.person(ref.actor_id)
        if person is None:
            return ref
        term = person.office_on(on) if on else None
        if term is None:
            return replace(ref, country=ref.country or person.country or None,
                           office=None if on else ref.office)
        return replace(ref, country=term.country if len(term.country) == 3 else ref.country,
                       sector="MIL" if term.office == "military" else "GOV",
                       office=self._office_text(term.title, term.country))

    def state_led_by(self, ref: ActorRef) -> ActorRef | None:
        """The state whose head of state or government a person was on the day of the
        mention (the office the kb gave them), or None."""
        if ref.kind != "person" or not ref.office or not ref.country or \
                len(ref.country) != 3 or self.office_kind(ref.office) not in LEADER_OFFICES:
            return None
        return self.state_of(ref.country)

    def office_kind(self, office_text: str) -> str | None:
        """The kb office of an office text ("Prime Minister of Israel" -> head_of_government)."""
        title = office_text.split(" of ")[0].casefold()
        return self.words.titles.get(title)

    def _office_text(self, title: str, country: str | None) -> str:
        label = " ".join(w if w.isupper() else w.capitalize() for w in title.split())
        if not country:
            return label
        name = self.gaz.country_name(country) if len(country) == 3 else None
        return f"{label} of {name or country}"

    def _described_org(self, ent: Span) -> Span:
        """An entity the small model took for a building or product that the word before it
        calls a body ("Iranian airline Mahan Air" tagged FAC): an ORG."""
        before = ent.doc[ent.start - 1] if ent.start > ent.sent.start else None
        if ent.label_ in ("FAC", "PRODUCT", "WORK_OF_ART") and before is not None and \
                before.pos_ == "NOUN" and before.lemma_.lower() in self.words.org_kinds:
            return Span(ent.doc, ent.start, ent.end, label="ORG")
        return ent

    def _state_body(self, ent: Span) -> Span:
        """A state's name with the capitalised name of its body after it ("the United States
        House of Representatives", "the United States Senate"): the body, an ORG; else
        ``ent``."""
        doc = ent.doc
        end = ent.end
        if ent.label_ not in ("GPE", "ORG") or end >= ent.sent.end or \
                doc[end].lower_ not in self.words.chamber_words or \
                not doc[end].is_title or doc[end].ent_type_ or \
                self.state_ref(strip_article(ent.text)) is None:
            return ent
        end += 1
        # "House of Representatives", "House of Commons": an "of" and a capitalised word
        while end + 1 < ent.sent.end and doc[end].lower_ == "of" and doc[end + 1].is_title \
                and not doc[end + 1].ent_type_:
            end += 2
        return Span(doc, ent.start, end, label="ORG")

    def _title_sector(self, title: str) -> str:
        return "MIL" if title in self.words.military_titles else "GOV"

    # --- pass 1: named entities ----------------------------------------------------------

    def find_entities(self, sent: Span, ctx: ArticleActors, found: dict[int, Mention]) -> None:
        """Resolve the sentence's PERSON, GPE, NORP and ORG entities (pass 1)."""
        ents = with_nicknamed_people(
            [e for e in map(self._described_org, sentence_ents(sent))
             if e.label_ in ENTITY_LABELS], sent)
        ents = self._with_titled_names(ents, sent)
        ents = self._with_titled_surnames(ents, sent, ctx)
        ents = self._with_untagged_people(ents, sent, ctx)
        ents = self._with_place_surnames(ents)
        ents = _through_and([self._state_body(e) for e in ents])
        ents = _apart([e for e in (self.name_span(e) for e in ents)
                       if not self.non_actor(e) and not self._group_qualifier(e)])
        consumed: set[int] = set()
        for ent in ents:
            org = self._org_members(ent) or _family(ent) or self._named_alliance(ent)
            if org is not None:
                # "G7 Leaders" (tagged PERSON), "our NATO Allies": the body its members act for
                put(found, Mention(ent.start, ent.end, ent.root.i, [at(org, ent)]))
                consumed.update(range(ent.start, ent.end))
        for ent in ents:
            if ent.start in consumed:
                continue
            if ent.label_ == "PERSON" and self._state_as_person(ent, ctx):
                # "for Jordan's steadfast support" (tagged PERSON): the state
                ref = self.state_ref(ent.text)
                if ref is not None:
                    put(found, Mention(ent.start, ent.end, ent.root.i, [at(ref, ent)]))
                continue
            if ent.label_ == "PERSON" and self._org_as_person(ent, ctx):
                # "a post on Twitter, in which she thanked ..." (tagged PERSON): the body, so
                # that no "she" after it stands for it
                ref = self.org_ref(strip_article(ent.text))
                if ref is not None:
                    put(found, Mention(ent.start, ent.end, ent.root.i, [at(ref, ent)]))
                continue
            if ent.label_ == "PERSON" and not self._plural_title(ent):
                self.person_entity(ent, sent, ctx, found, consumed)
            elif ent.label_ in ("GPE", "NORP") and self._person_as_place(ent, ctx):
                # "Scholz called Putin", "Turkey's Erdogan" (tagged GPE): the person
                self.person_entity(ent, sent, ctx, found, consumed)
                consumed.update(range(ent.start, ent.end))
        for ent in ents:
            if ent.label_ == "PERSON" or ent.start in consumed:
                continue
            if ent.label_ == "ORG" and self._org_as_people(ent, ctx, found):
                continue
            office = self._plural_office_state(ent)
            if office is not None:
                ref, state_word = office
                put(found, Mention(ent.start, ent.end, state_word.i, [at(ref, ent)]))
                continue
            pair = self._hyphen_pair(ent)
            if pair:
                # "the U.S.-India 2+2 Ministerial Dialogue": the sides it joins, not a body
                # named "U.S.-India"
                put(found, Mention(ent.start, ent.end, ent.root.i, [at(r, ent) for r in pair]))
                continue
            ref = self._place_or_org(ent, ctx.site)
            if ref is not None:
                put(found, Mention(ent.start, ent.end, ent.root.i, [at(ref, ent)]))
        self._untagged_groups(sent, found)
        self._named_divisions(sent, found)
        self._named_groupings(sent, ctx, found)

    def _hyphen_pair(self, ent: Span) -> list[ActorRef]:
        """The states or bodies a one-word name joins with hyphens ("U.S.-India",
        "U.S.-EU", "ROK-U.S.-Japan"), each known by itself; empty for any other name
        ("Guinea-Bissau" is one state, "Indo-Pacific" a region)."""
        if len(ent) != 1 or self.state_ref(ent.text) or self.org_ref(ent.text):
            return []
        parts = ent.text.split("-")
        refs = [self.state_ref(p) or self.org_ref(p) for p in parts]
        if len(parts) < 2 or any(r is None for r in refs):
            return []
        return [r for r in refs if r is not None]

    def _named_divisions(self, sent: Span, found: dict[int, Mention]) -> None:
        """A state of a federation named with its kind ("filed a lawsuit against the state of
        Montana", "the laws of the State of Virginia"): its government, an actor by the
        region's name (the training labels code "Montana", "Virginia"). A region named
        alone ("in Montana") stays a place: the kind word says the text means the polity."""
        for tok in sent:
            if tok.lemma_.lower() not in self.words.division_nouns or tok.i in found or \
                    (tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS):
                continue  # "arrested at his home in the state of Massachusetts": a place
            of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            names = [p for c in of for p in c.children
                     if p.dep_ == "pobj" and p.ent_type_ == "GPE" and p.i not in found]
            if not names:
                continue
            place = self.gaz.region(entity_text(names[0]))
            if place is None or not place.country or self.gaz.by_code(place.country) is None:
                continue  # a country ("the State of Israel") is read as one already
            end = max(t.i for t in names[0].subtree) + 1
            start = min([tok.i] + [c.i for c in tok.children if c.dep_ == "det"])
            ref = ActorRef(name=place.name, kind="org", sector="GOV",
                           text=sent.doc[start:end].text)
            put(found, Mention(start, end, tok.i, [at(ref, sent.doc[start:end])]))

    def _named_groupings(self, sent: Span, ctx: ArticleActors,
                         found: dict[int, Mention]) -> None:
        """An informal grouping of states named as a group ("the Baltic states", "the three
        Nordic countries", "his E3 counterparts", "Baltic leaders"): its member states, as
        the training labels code it (GUIDELINES 4; ``groupings.csv``); its people
        ("counterparts", "leaders") are the persons of those states the article named
        before, where it did. A grouping where something happens ("in the Baltic states")
        stays a place."""
        for tok in sent:
            if tok.i in found or tok.pos_ not in ("NOUN", "PROPN") or \
                    (tok.dep_ == "pobj" and tok.head.lower_ in _GROUPING_PLACE_PREPS):
                continue
            named = self._grouping_words(tok, sent.start)
            if named is None:
                continue
            start, members = named
            refs = [r for code in members for r in [self.state_of(code)] if r is not None]
            if not self.gaz.grouping(sent.doc[start:tok.i + 1].text):
                refs = _named_people(refs, ctx.persons)  # "E3 counterparts", not "E3"
            if refs:
                span = sent.doc[start:tok.i + 1]
                put(found, Mention(start, tok.i + 1, tok.i, [at(r, span) for r in refs]))

    def _grouping_words(self, tok: Token, first: int) -> tuple[int, tuple[str, ...]] | None:
        """Where the words of a grouping of states ending at ``tok`` start (not before
        ``first``), and its members: the capitalised words right before a noun with it
        ("Baltic states", "Central Asian countries"), the noun alone ("the Baltics", "E3"),
        or a grouping's word before its members' people ("E3 counterparts", "Nordic
        leaders"); None for no grouping."""
        doc = tok.doc
        start = tok.i
        while start > first and doc[start - 1].head.i >= tok.i and \
                doc[start - 1].dep_ in ("amod", "compound", "nmod"):
            start -= 1
        # the capitalised words that open the modifiers: "Nordic" of "Nordic foreign ministers"
        caps = next((k for k in range(start, tok.i) if not doc[k].text[:1].isupper()), tok.i)
        if start == tok.i:
            members = self.gaz.grouping(tok.text) if tok.text[:1].isupper() else ()
            return (tok.i, members) if members else None
        members = self.gaz.grouping(doc[start:tok.i + 1].text) if caps == tok.i else ()
        if members:
            return start, members
        if caps > start and tok.tag_ in ("NNS", "NNPS") and (
                tok.lemma_.lower() in self.words.plural_heads
                or tok.lower_ in self.words.member_words):
            qualifier = doc[start:caps].text
            members = self.gaz.grouping(qualifier) or self.gaz.grouping(f"{qualifier} states")
            return (start, members) if members else None
        return None

    def _org_members(self, ent: Span) -> ActorRef | None:
        """The organisation an entity names by its members ("G7 Leaders", "NATO Allies",
        "the NATO Alliance"): the known body before a last word of ``member_words``, or
        None. Analysts code the body, as the training labels do."""
        words = [t for t in ent if not t.is_punct]
        if len(words) < 2 or words[-1].lower_ not in self.words.member_words:
            return None
        head = ent.doc[words[0].i:words[-1].i]
        return self.org_ref(strip_article(head.text))

    def _named_alliance(self, ent: Span) -> ActorRef | None:
        """"the Alliance", "our Alliance" alone and capitalised: the military alliance the
        article named before it ("NATO ... bolster our Alliance"), as the training labels
        code it; None when the article named no one alliance ("the U.S.-Japan Alliance"
        has words of its own and is no such entity)."""
        words = [t for t in ent if not t.is_punct and t.lower_ not in _ALLIANCE_DETERMINERS]
        if len(words) != 1 or words[0].text != "Alliance":
            return None
        named = {ref.name: ref for e in ent.doc.ents
                 if e.end <= ent.start and e.label_ in ("ORG", "GPE", "NORP")
                 for ref in [self.org_ref(strip_article(e.text))]
                 if ref is not None and ref.sector == "MIL" and ref.country == "IGO"}
        if len(named) != 1:
            return None
        return replace(next(iter(named.values())), text=ent.text)

    def _state_as_person(self, ent: Span, ctx: ArticleActors) -> bool:
        """Whether a one-word PERSON entity is a state's name or capital the small model
        mistook for a person ("Jordan's support", "Kyiv's peace plan"), or its demonym before
        a noun ("the Kazakh government"): spelled as the state's name, capital or demonym, no
        one of the kb or of the article so called, and no title before it."""
        words = [t for t in ent if not t.is_punct and t.text not in ("'s", "’s")]
        if len(words) != 1 or (ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".")
                               in self.stops):
            return False
        text = words[0].text
        match = self.gaz.state_match(text)
        spelled = match is not None and (
            (match.via == "name" and text in (match.state.name, *match.state.names))
            or (match.via == "capital" and text == match.state.capital)
            # "the Kazakh government" (Kazakh tagged PERSON): a demonym modifying a noun
            or (match.via == "demonym" and text in match.state.demonyms
                and words[0].dep_ in ("compound", "amod") and words[0].head.pos_ == "NOUN"))
        return spelled and \
            ctx.by_surname(text) is None and ctx.by_given_name(text) is None and \
            not self.kb.find_person(text, ctx.published)

    def _org_as_person(self, ent: Span, ctx: ArticleActors) -> bool:
        """Whether a PERSON entity is an organisation the gazetteer knows by that very name
        ("Twitter"), and no one of the kb or of the article so called, with no title before
        it."""
        text = strip_possessive(strip_article(ent.text))
        org = self.gaz.org(text)
        if org is None or text not in (org.name, *org.aliases) or (
                ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in self.stops):
            return False
        return ctx.by_surname(text) is None and ctx.by_given_name(text) is None and \
            not self.kb.find_person(text, ctx.published)

    def _person_as_place(self, ent: Span, ctx: ArticleActors) -> bool:
        """Whether a GPE or NORP entity is a person the small model mistook for a place: no
        state, organisation, seat, region or big city of the gazetteer so called, and someone
        the kb has in office that day so called. (Not people of the article alone: "Mahan"
        after "Mahan Air" is the airline; nor ORG entities: companies bear their founders'
        names.)"""
        name = strip_possessive(strip_article(ent.text))
        before = next((t for t in reversed(ent.doc[max(0, ent.start - 3):ent.start])
                       if not t.is_punct), None)
        if not name[:1].isupper() or len(name.split()) > 3 or \
                (before is not None and before.ent_type_ == "PERSON"):
            # nor right after a person's name: the model's GPE there is mostly the rest of
            # that name or of a list of titles and places around it
            return False
        return self._one_serving(name, ctx.published)

    def _plural_title(self, ent: Span) -> bool:
        """Whether a PERSON entity is a plural title and no name ("The Deputy Secretary and
        Vice Foreign Ministers spoke"): the people it stands for are read later (pass 2)."""
        words = [t.lower_ for t in ent if not t.is_punct]
        if not words or not words[-1].endswith("s"):
            return False
        words[-1] = words[-1][:-1]  # the small model tags "Ministers" NNP, lemma unchanged
        return self.words.find_title(words) is not None and all(
            w in self.stops or any(w in t.split() for t in self.words.titles) for w in words)

    def _plural_office_state(self, ent: Span) -> tuple[ActorRef, Token] | None:
        """The state of an entity naming office holders of it in the plural ("the G7
        Foreign Ministers of Canada", the model ending the entity before the next states of
        the list), with the state's word as the mention's head so that the states conjoined
        with it are read too; unnamed counterparts take their state (GUIDELINES 4)."""
        words = [t for t in ent if not t.is_punct]
        of = next((k for k, t in enumerate(words) if t.lower_ == "of"), 0)
        if of < 1 or of == len(words) - 1 or not words[of - 1].lower_.endswith("s"):
            return None
        # the plural office, with a body's name before it ("G7"): "foreign ministers"
        office = [t.lower_ for t in words[:of] if not t.is_stop
                  and not self.org_ref(t.text)]
        office[-1:] = [w[:-1] for w in office[-1:]]
        if not office or self.words.find_title(office) != " ".join(office):
            return None
        ref = self.state_ref(ent.doc[words[of + 1].i:ent.end].text)
        return (ref, ent[-1]) if ref is not None else None

    def _untagged_groups(self, sent: Span, found: dict[int, Mention]) -> None:
        """Armed groups and intergovernmental bodies named by a word the model did not tag
        ("Houthi attacks", "Hamas fighters", "met with the leaders of the G7"): the word as
        the gazetteer spells one of the body's names; and states whose one-word name the
        model left untagged ("for Romania's welcoming of refugees")."""
        for tok in sent:
            if tok.i in found or not tok.text[:1].isupper() or \
                    tok.pos_ not in ("PROPN", "ADJ", "NOUN"):
                continue
            if self._split_body(tok, found):
                continue
            if tok.ent_type_:
                if tok.ent_type_ not in ENTITY_LABELS:
                    self._mistagged_body(tok, found)
                continue
            if self._untagged_state(tok, found):
                continue
            pair = self._hyphen_pair(tok.doc[tok.i:tok.i + 1])
            if pair:
                # "the U.S.-Australia Ministerial Dialogue", the pair left untagged
                put(found, Mention(tok.i, tok.i + 1, tok.i, [at(r, tok) for r in pair]))
                continue
            self._mistagged_body(tok, found)

    def _mistagged_body(self, tok: Token, found: dict[int, Mention]) -> None:
        """Put a one-word body of the gazetteer the model tagged as nothing or as a kind of
        entity no actor is read from ("Oxfam" as a place, LOC): the word as the gazetteer
        spells one of the body's names."""
        org = self.gaz.org(tok.text)
        if org is not None and org.kind in _UNTAGGED_BODIES and \
                tok.text in (org.name, *org.aliases) and not _in_capitals(tok):
            ref = self.org_ref(tok.text)
            if ref is not None:
                put(found, Mention(tok.i, tok.i + 1, tok.i, [at(ref, tok)]))

    def _split_body(self, tok: Token, found: dict[int, Mention]) -> bool:
        """Put a two-word armed group or body the model tagged only in part ("Islamic"
        as a nationality, "State" as nothing); whether it did."""
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.i in found or not nxt.text[:1].isupper() or \
                (tok.ent_type_ and nxt.ent_type_ == tok.ent_type_ and nxt.ent_iob_ == "I"):
            return False  # a whole entity of the model's is read as such
        name = f"{tok.text} {nxt.text}"
        org = self.gaz.org(name)
        if org is None or org.kind not in _UNTAGGED_BODIES or \
                name not in (org.name, *org.aliases):
            return False
        ref = self.org_ref(name)
        if ref is None:
            return False
        put(found, Mention(tok.i, nxt.i + 1, nxt.i, [at(ref, tok.doc[tok.i:nxt.i + 1])]))
        return True

    def _untagged_state(self, tok: Token, found: dict[int, Mention]) -> bool:
        """Put a state named by a lone proper noun spelled as its name, not a demonym or a
        capital ("Romania", not "Romanian" or "Bucharest"); whether it did."""
        doc = tok.doc
        if tok.pos_ != "PROPN" or any(
                0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (tok.i - 1, tok.i + 1)):
            return False
        match = self.gaz.state_match(tok.text)
        if match is None or match.via != "name" or tok.text not in (
                match.state.name, *match.state.names):
            return False
        ref = self.state_ref(tok.text)
        if ref is not None:
            put(found, Mention(tok.i, tok.i + 1, tok.i, [at(ref, tok)]))
        return ref is not None

    def _group_qualifier(self, ent: Span) -> bool:
        """Whether an entity is only the word saying a group's kind before its noun ("Riot
        police" at a sentence's start, tagged a person): no one, the group is the actor."""
        return len(ent) == 1 and ent[0].lower_ in self.words.group_qualifiers and \
            ent[0].dep_ in ("compound", "amod") and self._group_lemma(ent[0].head) is not None

    def _group_lemma(self, tok: Token) -> str | None:
        """The group noun a word heads, with the compound that makes it one ("security
        forces": "security force"; "police"), or None for no group noun."""
        compound = " ".join(c.lower_ for c in tok.children if c.dep_ == "compound")
        for word in (f"{compound} {tok.lemma_.lower()}", tok.lemma_.lower()):
            if word in self.words.group_nouns:
                return word
        return None

    def _group_place(self, tok: Token, lemma: str) -> tuple[Token, str] | None:
        """The "in <place>" phrase of a crowd or a force and the place's state code
        ("protesters in Paris", "police in Lyon"): such a group is named by the place's
        people (GUIDELINES 4, "Iraqi protesters", "French police"), not read as the place.
        Any proper noun the gazetteer knows as a place counts, as the small model tags some
        cities as bodies."""
        if lemma not in self.words.crowd_members | self.words.placed_forces | \
                self.words.state_forces or \
                _under_harm(tok, self.words.harm_nouns | self.words.crowd_harms):
            return None  # ("the violence against protesters in Tehran": the deed's setting)
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            places = [p for p in prep.children if p.dep_ == "pobj"]
            if len(places) != 1 or places[0].pos_ != "PROPN":
                continue
            name = entity_text(places[0])
            # a state or region the resolver knows first ("Victoria" is Australia's state
            # before the gazetteer's Hong Kong district), then a city of the gazetteer
            ref = self.state_ref(name)
            code = ref.country if ref is not None else None
            if code is None and (place := self.gaz.place(name, None)) is not None:
                code = place.country
            if code:
                return prep, code
        return None

    def non_actor(self, ent: Span) -> bool:
        """Whether an entity names a hazard or a process rather than an actor.

        Storms and epidemics ("Typhoon Hagibis"), and agreements, votes and meetings ("the
        Paris Agreement", "Brexit") are tagged ORG or PERSON by the small model but cannot
        act; an entity the gazetteer or kb knows is always kept.

        Args:
            ent: a named entity.

        Returns:
            True when the entity should not become an actor.
        """
        words = [t.lower_ for t in ent if not t.is_punct]
        if not words:
            return False
        # the last word's lemma too: "the U.S.-GCC Summits"; and the head before the name's
        # own phrase: "the Christchurch Call to Action", "the Partnership for Climate 2030"
        # and the last word as written, for a head the tokenizer splits at its hyphen: "the
        # Indo-Pacific" is tokens "Indo", "-", "Pacific"
        last = {words[-1], ent[-1].lemma_.lower(), ent.text.split()[-1].lower()}
        glue = next((i for i, w in enumerate(words) if w in _NAME_PHRASE_PREPS), 0)
        if glue > 0:
            last.add(words[glue - 1])
        if not (set(words) & self.words.non_actor_words
                or last & self.words.non_actor_heads):
            return False
        text = strip_article(ent.text)
        return not (self.state_ref(text) or self.org_ref(text)
                    or self.kb.find_person(strip_possessive(text)))

    def _org_as_people(self, ent: Span, ctx: ArticleActors, found: dict[int, Mention]) -> bool:
        """Read an unknown ORG entity as people when its names are people already named or
        known to the kb (the small model often tags "Macron and Lapid" as ORG)."""
        text = strip_article(ent.text)
        if self.org_ref(text) or self.state_ref(text):
            return False
        runs: list[list[Token]] = [[]]
        for tok in ent:
            if tok.pos_ == "PROPN" or (name_hyphen(tok) and runs[-1]):
                runs[-1].append(tok)
            elif runs[-1]:
                runs.append([])
        resolved = []
        for run in (r for r in runs if r):
            name = strip_possessive(ent.doc[run[0].i:run[-1].i + 1].text)
            ref = ctx.by_surname(name)
            if ref is None:
                people = self.kb.find_person(name, ctx.published)
                ref = self.refresh(person_actor(people[0], name), ctx.published) \
                    if people else None
            if ref is None:
                return False
            resolved.append((run, ref))
        for run, ref in resolved:
            span = ent.doc[run[0].i:run[-1].i + 1]
            put(found, Mention(span.start, span.end, span.root.i, [at(ref, span)]))
        return bool(resolved)

    def _place_or_org(self, ent: Span, site: str | None = None) -> ActorRef | None:
        text = strip_article(ent.text)
        if ent.label_ == "ORG" and self._portfolio_of_title(ent):
            return None
        if ent.label_ == "ORG":
            return self.org_ref(text) or self.state_ref(text) or \
                self._government_state(strip_possessive(text)) or \
                self._department_state(strip_possessive(text), site, self._owner(ent)) or \
                self._state_chamber(strip_possessive(text), ent.text) or \
                self._state_council(strip_possessive(text), ent.text) or \
                ActorRef(name=strip_possessive(text), kind="org", text=ent.text)
        found = self.state_ref(text) or self.org_ref(text)
        if found is None and len(ent) > 1 and not ent[-1].text[:1].isupper():
            # the small model runs a demonym into the next word: "Russian de-" (escalation)
            words = [t for t in ent if t.text[:1].isupper()]
            if words and words[0].i == ent.start:
                found = self.state_ref(words[0].text)
        return found

    def _portfolio_of_title(self, ent: Span) -> bool:
        """Whether an entity is the portfolio of a person's title, tagged apart ("John Kerry,
        the Secretary of *State*"): part of the title, no actor."""
        prep = ent.root.head
        return ent.root.dep_ == "pobj" and prep.lower_ == "of" and \
            prep.head.lower_ in self.words.titles and \
            tuple(strip_article(ent.text).lower().split()) in self.words.departments

    def _state_chamber(self, name: str, text: str) -> ActorRef | None:
        """A state's legislature named after the state ("United States House of
        Representatives", "Ukrainian Parliament"): a body of its own, of that state's
        legislative sector (answers by country keep it), or None."""
        words = name.split()
        for n in (3, 2, 1):
            if len(words) > n and words[n].lower() in self.words.chamber_words and \
                    (state := self.state_ref(" ".join(words[:n]))) is not None:
                return ActorRef(name=name, kind="org", country=state.country, sector="LEG",
                                text=text)
        return None

    def _state_council(self, name: str, text: str) -> ActorRef | None:
        """A state's executive council named after the state ("Russian Security Council",
        "United States National Security Council"): a body of that state's government, or
        None (the United Nations Security Council is a known body, read before this)."""
        lowered = name.lower()
        for council in sorted(self.words.executive_councils, key=len, reverse=True):
            prefix = lowered[:-len(council)].strip()
            if lowered.endswith(" " + council) and \
                    (state := self.state_ref(name[:len(prefix)])) is not None:
                return ActorRef(name=name, kind="org", country=state.country, sector="GOV",
                                text=text)
        return None

    def _government_state(self, name: str) -> ActorRef | None:
        """The state whose government a name is ("Yemeni Government", "Government of
        Iraq"), or None."""
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in self.words.government_words:
            return self.state_ref(" ".join(words[:-1]), "GOV")
        if len(words) >= 3 and words[0].lower() in self.words.government_words and \
                words[1].lower() == "of":
            return self.state_ref(" ".join(words[2:]), "GOV")
        return None

    def _department_state(self, name: str, site: str | None,
                          owner: ActorRef | None = None) -> ActorRef | None:
        """The state whose department or ministry a name is: "U.S. Treasury", "the Chilean
        Ministry of Defense", "the Ministry of Foreign Affairs of Peru", "Peru's Foreign
        Ministry" (``owner``: the state the name's possessor is), "the Departments of State
        and the Treasury" (GUIDELINES 4: ministries map to the state); with no state named,
        the government that publishes the text ("the Department of the Treasury", "the
        Administration" on whitehouse.gov). None for other names ("the fire department"
        names no portfolio)."""
        words = name.split()
        state = owner
        for n in (2, 1):
            if len(words) > n and (found := self.state_ref(" ".join(words[:n]))) is not None:
                state, words = found, words[n:]
                break
        for n in (2, 1):
            # "... of Peru": the state after the portfolio
            if len(words) > n + 1 and words[-n - 1].lower() == "of" and \
                    (found := self.state_ref(" ".join(words[-n:]))) is not None:
                state, words = found, words[:-n - 1]
                break
        rest = " ".join(w.lower() for w in words if w.lower() not in _DEPARTMENT_GLUE)
        parts = [tuple(p.split()) for p in rest.split(" and ")] if rest else []
        known = set(self.words.departments)
        if not parts or not all(p in known or (len(p) == 1 and p[0] in
                                               self.words.government_words) for p in parts):
            return None
        if state is not None:
            return replace(state, sector="GOV", text=name)
        return self.state_of(site, "GOV") if site else None

    def _owner(self, ent: Span) -> ActorRef | None:
        """The state that owns an entity, named outside it: "Peru's" Foreign Ministry, the
        Ministry of Foreign Affairs "of Peru" (the small model ends the name before it), or
        None."""
        owner = next((c for c in ent.root.children if c.dep_ == "poss" and c.i < ent.start),
                     None)
        if owner is not None:
            return self.state_ref(owner.text)
        after = ent.doc[ent.end:ent.end + 2]
        if len(after) == 2 and after[0].lower_ == "of" and after[1].ent_type_ == "GPE":
            return self.state_ref(after[1].text)
        return None

    def person_entity(self, ent: Span, sent: Span, ctx: ArticleActors,
                       found: dict[int, Mention], consumed: set[int]) -> None:
        title, country, used = self._title_before(ent)
        consumed.update(used)
        if title is None:
            title, country2 = self._title_in_apposition(ent)
            country = country or country2
        name = strip_possessive(without_nickname(ent))
        on = ctx.published
        if self._address_only(name):
            # "a good and decent friend, His Majesty", "thank you, Your Excellency": a form of
            # address is the one spoken to in a transcript, else no one the text names
            if ctx.voice.hearer is not None:
                put(found, Mention(ent.start, ent.end, ent.root.i, [at(ctx.voice.hearer, ent)],
                                   "title"))
            return
        if title == "counterpart":
            partner = ctx.persons[-1] if ctx.persons else None
            title = (self._office_title(partner.office) if partner and partner.office
                     else None)
        earlier = (_named_before(found, name) or ctx.by_surname(name)) \
            if len(name.split()) == 1 else None
        office = self.words.titles.get(title or "")
        if earlier is not None and office not in (None, "other", "counterpart") and (
                earlier.office is None or self.office_kind(earlier.office) != office):
            # "President Biden" after "First Lady Jill Biden" is not she
            earlier = None
        if earlier is None and len(name.split()) == 1 and title is None and \
                not self.kb.find_person(name, on):
            earlier = ctx.by_given_name(name)
        start = min([ent.start, *used])
        if earlier is not None:
            ref = earlier
        else:
            known = bool(self.kb.find_person(name, on))
            past = any(t.lower_ in _PAST_TITLES for t in ent.doc[max(start - 2, 0):ent.start])
            ref = self.person_ref(name if known else _given_name_first(name, country, ctx.site),
                                  on, title, country, serving=not past)
        put(found, Mention(start, ent.end, ent.root.i, [at(ref, ent)]))

    def _address_only(self, name: str) -> bool:
        """Whether a name is nothing but words of address and rank ("His Majesty", "Your
        Excellency", "Mr. President"): the small model tags them PERSON, but they name no
        one by themselves."""
        words = [w.rstrip(".,").casefold() for w in name.split()]
        return bool(words) and all(w in self.stops or w in _ADDRESS_POSSESSIVES for w in words)

    def _with_titled_names(self, ents: list[Span], sent: Span) -> list[Span]:
        """Entities plus names the model did not tag that follow a title ("Foreign Minister
        Ignazio Cassis"): two or more capitalised words after a title word."""
        stops = self.stops
        tagged = {i for e in sentence_ents(sent) for i in range(e.start, e.end)}
        added: list[Span] = []
        for tok in sent:
            if tok.pos_ != "PROPN" or tok.i in tagged or tok.lower_ in stops or \
                    any(c.dep_ == "compound" and c.i > tok.i for c in tok.children):
                continue
            left = sorted((c for c in tok.children if c.dep_ in ("compound", "nmod")
                           and c.i < tok.i), key=lambda c: c.i)
            names = [c for c in left if c.pos_ == "PROPN" and c.lower_ not in stops
                     and c.i not in tagged and c.text[:1].isupper()]
            if not names or not any(c.lower_ in stops for c in left) or \
                    names[-1].i != tok.i - 1 or not tok.text[:1].isupper() or \
                    sent.doc[names[0].i - 1].ent_type_ == "PERSON":
                # the last case: the rest of a tagged name ("Mohammed bin Abdulrahman" +
                # "Al Thani"), which ``name_span`` completes
                continue
            added.append(Span(sent.doc, names[0].i, tok.i + 1, label="PERSON"))
        return sorted(ents + added, key=lambda e: e.start) if added else ents

    def _with_titled_surnames(self, ents: list[Span], sent: Span, ctx: ArticleActors
                              ) -> list[Span]:
        """Entities plus a surname the model did not tag after a title, when the article has
        named that person in full ("Foreign Minister Liimets" after "Eva-Maria Liimets") or
        the kb knows one person of that surname holding that title's office on the day
        ("Chancellor Scholz" in a readout that never gives his first name)."""
        stops = self.stops
        tagged = {i for e in sentence_ents(sent) for i in range(e.start, e.end)}
        added = [Span(sent.doc, tok.i, tok.i + 1, label="PERSON") for tok in sent
                 if tok.pos_ == "PROPN" and tok.i not in tagged and tok.i > sent.start
                 and tok.text[:1].isupper() and tok.lower_ not in stops
                 and sent.doc[tok.i - 1].lower_ in stops
                 and (tok.i + 1 >= sent.end or sent.doc[tok.i + 1].pos_ != "PROPN")
                 and (ctx.by_surname(tok.text) is not None
                      or self._serving_surname(tok.text, sent.doc[tok.i - 1].lower_,
                                               ctx.published))]
        return sorted(ents + added, key=lambda e: e.start) if added else ents

    def _with_untagged_people(self, ents: list[Span], sent: Span, ctx: ArticleActors
                              ) -> list[Span]:
        """Entities plus a one-word name the model left untagged that the kb gives one
        person in office that day ("Modi spoke by phone with Biden", "Lula met Biden"):
        a capitalised proper noun between words that are not names, no title, place or
        body of the gazetteer; or the subject opening a sentence that the small model took
        for a common noun ("Trump met with Xi Jinping in Osaka")."""
        on = ctx.published
        if on is None:
            return ents
        tagged = {i for e in sentence_ents(sent) for i in range(e.start, e.end)}
        doc = sent.doc
        added = [Span(doc, tok.i, tok.i + 1, label="PERSON") for tok in sent
                 if (tok.pos_ == "PROPN" or _opening_subject(tok, sent))
                 and tok.i not in tagged and tok.text[:1].isupper()
                 and not tok.text.isupper() and tok.lower_ not in self.stops
                 and (tok.i == sent.start or not _name_word(doc[tok.i - 1]))
                 and (tok.i + 1 >= sent.end or doc[tok.i + 1].pos_ != "PROPN")
                 and self._one_serving(tok.text, on)]
        added += self._untagged_full_names(sent, tagged, on)
        return sorted(ents + added, key=lambda e: e.start) if added else ents

    def _with_place_surnames(self, ents: list[Span]) -> list[Span]:
        """Entities with a person's name whose surname is a place's ("Valeska Paris, an
        Australian woman"): the small model tags the given name and the surname as two
        places; a first one that is no place of the gazetteer, joined as a compound to a
        place right after it, is a given name, and the two are one PERSON."""
        out: list[Span] = []
        for ent in ents:
            prev = out[-1] if out else None
            if prev is not None and prev.end == ent.start and len(prev) == 1 and \
                    prev.label_ == "GPE" and ent.label_ == "GPE" and \
                    prev[0].pos_ == "PROPN" and prev[0].dep_ == "compound" and \
                    prev[0].head.i in range(ent.start, ent.end) and \
                    self.gaz.place(prev.text) is None and self.state_ref(prev.text) is None \
                    and self.org_ref(prev.text) is None:
                out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
                continue
            out.append(ent)
        return out

    def _untagged_full_names(self, sent: Span, tagged: set[int], on: date) -> list[Span]:
        """Names of two or three capitalised proper nouns the model left untagged that are
        the whole name of one person of the kb in office that day ("met Xi Jinping")."""
        doc, out = sent.doc, []
        for tok in sent:
            if tok.i in tagged or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or \
                    (tok.i > sent.start and doc[tok.i - 1].pos_ == "PROPN"):
                continue
            end = tok.i + 1
            while end < sent.end and end - tok.i < 3 and doc[end].pos_ == "PROPN" and \
                    doc[end].text[:1].isupper() and end not in tagged:
                end += 1
            span = doc[tok.i:end]
            if len(span) >= 2 and (end >= sent.end or doc[end].pos_ != "PROPN") and \
                    not any(t.lower_ in self.stops for t in span) and \
                    self._one_serving(span.text, on):
                out.append(Span(doc, tok.i, end, label="PERSON"))
        return out

    def _serving_surname(self, surname: str, title: str, on: date | None) -> bool:
        """Whether exactly one person the kb knows by ``surname`` held an office of the kind
        ``title`` names on ``on`` (any office for a title of kind "other": "Minister")."""
        office = self.words.titles.get(title)
        if on is None or office in (None, "counterpart"):
            return False
        return len([term for term in self._serving(surname, on)
                    if office in ("other", term.office)]) == 1

    def _one_serving(self, name: str, on: date | None) -> bool:
        """Whether a name the model did not tag as a person is one: no name suffix ("Jr."),
        no place or body of the gazetteer, and exactly one person of the kb so called in
        office on ``on``."""
        return on is not None and normalise(name) not in NAME_SUFFIXES and \
            self.gaz.actor(name) is None and len(self._serving(name, on)) == 1

    def _serving(self, name: str, on: date) -> list[Term]:
        """The terms held on ``on`` by the people the kb knows by ``name`` (one per person
        in office): a bare name is taken for someone only when exactly one is."""
        return [term for person in self.kb.find_person(name, on)
                if (term := person.office_on(on)) is not None]

    def name_span(self, ent: Span) -> Span:
        """The entity with the words of a name the small model got wrong put right.

        Given names it left out are added ("Antony" before "J. Blinken"); words of address
        and departments it took in are dropped ("Lady Jill Biden", "Commerce Gina Raimondo"
        after "Secretary of"). An ORG that turns out to be a titled name becomes a PERSON.
        """
        if ent.label_ not in ("PERSON", "ORG"):
            return ent
        doc, start, end = ent.doc, ent.start, ent.end
        while end - start > 1 and doc[start].pos_ in ("VERB", "ADP", "SCONJ") and \
                doc[start].is_sent_start:
            # "Following Zelensky's visit": a sentence's opening participle or preposition
            # the small model took into the name
            start += 1
        if start != ent.start:
            ent = Span(doc, start, end, label=ent.label_)
        # "Patrice Talon of" before "Benin" (a PERSON, or an ORG that is a person of the kb)
        cut = end - 1 if end - 1 > start and doc[end - 1].text in _TRAILING_WORDS else end
        if ent.label_ == "ORG" and cut - start >= 2 and \
                all(t.pos_ == "PROPN" for t in doc[start:cut]) and \
                self.kb.find_person(doc[start:cut].text):
            return Span(doc, start, cut, label="PERSON")
        if cut != end:
            ent, end = Span(doc, start, cut, label=ent.label_), cut
        stops = self.stops
        # given names left out: "Antony" J. Blinken, "Annegret" Kramp-Karrenbauer (an ORG)
        joinable = ("", "PERSON") if ent.label_ == "PERSON" else ("",)
        while start - 1 >= ent.sent.start:
            tok = doc[start - 1]
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or \
                    tok.lower_.rstrip(".") in stops or tok.ent_type_ not in joinable \
                    or not start <= tok.head.i < end or tok.dep_ != "compound":
                break
            start -= 1
        given = ent.start - start
        if ent.label_ == "PERSON":
            # a surname the model left out: "Jean-Yves Le" + "Drian", the words' head,
            # "Mohammed bin Abdulrahman" + "Al Thani"
            while end < ent.sent.end and doc[end].pos_ == "PROPN" and \
                    doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "PERSON") and \
                    _surname_run(doc, doc[start:end].root.head.i, end):
                end = doc[start:end].root.head.i + 1
            end = name_end(doc, end, ent.sent.end)
        # "Minister of Foreign Affairs and European Integration X": a second portfolio
        second_portfolio = start - 2 >= ent.sent.start and doc[start - 1].lower_ == "and" \
            and doc[start - 2].lower_ in self._department_words
        after_of = start > ent.sent.start and (
            doc[start - 1].lower_ == "of" or second_portfolio
            or (doc[start - 1].lower_ == "the" and start - 2 >= ent.sent.start
                and doc[start - 2].lower_ == "of"))
        words = [t.lower_ for t in doc[start:end]]
        i, dept_end = 0, 0
        while i < len(words) - 1:
            if words[i] == "the" or words[i].rstrip(".") in self.words.honorifics:
                i += 1
                continue
            dept = next((d for d in self.words.departments if tuple(words[i:i + len(d)]) == d
                         and len(d) < len(words) - i), None) if after_of or i > 0 else None
            if dept is None and len(words) - i > 2 and (after_of or i > 0 or ent.label_ ==
                                                         "PERSON") and \
                    self.gaz.state_match(doc[start + i].text):
                dept = (words[i],)  # "President of Finland Sauli Niinistö", "DPRK Sung Kim"
            if dept is None and words[i] in self.words.org_words and len(words) - i > 2:
                dept = (words[i],)  # "Security Council Nikolay Patrushev"
            if dept is None:
                break
            i += len(dept)
            dept_end, after_of = i, False
        rest = doc[start + i:end]
        if ent.label_ == "ORG":
            # only a department before a run of names makes an ORG a person: "National
            # Economic Council" stays an organisation
            titled = second_portfolio or start >= ent.sent.start + 2 and any(
                doc[k].lower_ in stops for k in range(max(ent.sent.start, start - 3), start))
            names = all(t.pos_ == "PROPN" or name_hyphen(t) for t in rest)
            # "Taoiseach Micheál Martin" tagged ORG: a title before a person the kb knows
            known = (0 < i or given > 0) and len(rest) >= 2 and names and \
                bool(self.kb.find_person(rest.text))
            # "Minister of Defense Annegret" + "Kramp-Karrenbauer" (ORG): a title, then a
            # given name the model left out before the ORG
            if not known and (not (dept_end or given) or not titled or not names):
                return ent
        elif all(t.lower_.rstrip(".") in stops for t in rest):
            i = 0  # "Majesty King": nothing but titles, keep the words as found
        start += i
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label="PERSON")

    def _office_title(self, office: str) -> str | None:
        title = office.split(" of ")[0].casefold()
        return title if title in self.words.titles else None

    def _title_before(self, ent: Span) -> tuple[str | None, str | None, list[int]]:
        """Title words and country directly before a name ("Russian Foreign Minister")."""
        doc = ent.doc
        used: list[int] = []
        k = ent.start - 1
        while k >= ent.sent.start:
            tok = doc[k]
            if tok.dep_ not in _TITLE_DEPS or not inside(tok, ent) or tok.lower_ in ("the", "a"):
                break
            used.append(k)
            k -= 1
        words = [doc[i] for i in sorted(used)]
        country = None
        for tok in words:
            if tok.dep_ == "pobj" and tok.head.lower_ in _PORTFOLIO_PREPS:
                continue  # "Special Envoy for Yemen": the portfolio, not the nationality
            if tok.ent_type_ in ("NORP", "GPE") or tok.pos_ == "PROPN":
                # the whole place name the word is part of: "New Jersey Governor" is no
                # Jersey's, "Florida Governor" the United States' (a region's country)
                whole = strip_article(entity_text(tok))
                ref = self.state_ref(whole)
                region = self.gaz.region(whole) if ref is None else None
                if ref is None and (region is None or whole == tok.text):
                    ref = self.state_ref(tok.text)  # "British" of "British Defence"
                if ref is not None:
                    country = ref.country
                elif region is not None:
                    country = region.country
        title = self.words.find_title([t.lower_ for t in words if t.ent_type_ not in
                                       ("NORP", "GPE") and t.pos_ != "PUNCT"])
        return title, country, used

    def _title_in_apposition(self, ent: Span) -> tuple[str | None, str | None]:
        """Title of a noun in apposition with a name ("his Iranian counterpart, Hossein ...")."""
        root = ent.root
        nouns = [root.head] if root.dep_ == "appos" else []
        nouns += [c for c in root.children if c.dep_ == "appos"]
        for noun in nouns:
            words = [t for t in noun.subtree if t.i < noun.i or t.i == noun.i]
            title = self.words.find_title([t.lower_ for t in words
                                           if t.ent_type_ not in ("NORP", "GPE")])
            if title is None:
                continue
            country = None
            for tok in words:
                if tok.ent_type_ in ("NORP", "GPE"):
                    ref = self.state_ref(tok.text)
                    country = ref.country if ref else country
            return title, country
        return None, None

    # --- pass 2: country + sector noun -------------------------------------------------------

    def _people_own_state(self, tok: Token, found: dict[int, Mention],
                          sector: str) -> ActorRef | None:
        """The state of a people that is the subject of the clause in which "their" owns an
        apparatus ("Chinese citizens have criticized *their government*": China's), or
        None; a people's own people ("their students") stay unread."""
        subj = clause_subject(tok)
        mention = found.get(subj.i) if subj is not None else None
        if sector in self.words.people_sectors or mention is None or len(mention.actors) != 1:
            return None
        people = mention.actors[0]
        if people.kind != "state" or people.country is None or \
                people.sector not in self.words.people_sectors:
            return None
        return self.state_ref(self.gaz.country_name(people.country), sector)

    def find_sector_nouns(self, sent: Span, found: dict[int, Mention]) -> None:
        """"the Russian military", "Israeli officials", "Israel's army" (pass 2)."""
        for tok in sent:
            if tok.i in found or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            sector = self._sector(tok)
            if sector is None:
                continue
            for child in tok.children:
                if child.dep_ == "poss" and child.lower_ == "their" and \
                        (ref := self._people_own_state(tok, found, sector)) is not None:
                    span = sent.doc[child.i:tok.i + 1]
                    put(found, Mention(child.i, tok.i + 1, tok.i, [at(ref, span)], "sector"))
                    break
                if child.dep_ in ("compound", "poss") and child.i in found and \
                        not self._personal_role(tok, child) and \
                        (ref := self._leader_state(found[child.i], sector)) is not None:
                    # "the Assad regime", "Putin's forces": the leader's state
                    span = sent.doc[found[child.i].start:tok.i + 1]
                    put(found, Mention(span.start, tok.i + 1, tok.i, [at(ref, span)], "sector"))
                    break
                if child.dep_ in ("amod", "compound") and child.pos_ == "PROPN" and \
                        not child.ent_type_ and child.i not in found:
                    # the small model leaves some names untagged: "Houthi leaders"
                    ref = self.state_ref(child.text, sector) or self.org_ref(child.text)
                    if ref is not None:
                        span = sent.doc[child.i:tok.i + 1]
                        put(found, Mention(child.i, tok.i + 1, tok.i, [at(ref, span)], "sector"))
                        break
                if child.dep_ in ("amod", "compound", "poss", "nmod") and \
                        child.ent_type_ in ("NORP", "GPE", "ORG"):
                    ref = self._sector_state(child, tok, sector)
                    if ref is not None:
                        start = min(t.i for t in tok.subtree if t.i <= tok.i)
                        start = max(start, sent.start)
                        span = sent.doc[start:tok.i + 1]
                        # "Russian and Belarusian officials": the officials of both states
                        refs = [ref] + [r for c in child.conjuncts if c.ent_type_ in
                                        ("NORP", "GPE") and
                                        (r := self._sector_state(c, tok, sector)) is not None]
                        put(found, Mention(start, tok.i + 1, tok.i,
                                           [at(r, span) for r in refs], "sector"))
                        break
            else:
                lemma = self._group_lemma(tok)
                where = self._group_place(tok, lemma) if lemma else None
                if lemma and _bare_group(tok, self.words.crowd_members,
                                         self.words.group_qualifiers,
                                         where[0] if where else None,
                                         self.words.harm_nouns | self.words.crowd_harms):
                    # "protesters", "the police": a group the text does not tie to a state;
                    # a people of no state keeps its word ("Kurdish militants")
                    people = " ".join(c.text for c in tok.children if c.dep_ == "amod"
                                      and c.ent_type_ == "NORP" and c.i < tok.i)
                    ref = ActorRef(name=_group_name(people, tok, lemma), kind="group",
                                   sector=sector, text=tok.text)
                    if where is not None:
                        # "police in Lyon": the police of Lyon's state
                        ref = self.placed_group(ref, where[1])
                    put(found, Mention(tok.i, tok.i + 1, tok.i, [at(ref, tok)], "sector"))
                elif (force := self._state_force(tok)) is not None:
                    put(found, Mention(tok.i, tok.i + 1, tok.i, [at(force, tok)], "sector"))

    def _state_force(self, tok: Token) -> ActorRef | None:
        """A state's force named bare ("security forces", "the army", "troops in Mandalay"):
        the state of the place named with it, else a force of no state yet, which the event
        places where it acts or drops (``placed_group``, ``unplaced_force``); None for
        another noun, or a force with a word of its own ("foreign troops", "rebel forces")."""
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        word = " ".join([c.lower_ for c in mods] + [tok.lemma_.lower()])
        if word not in self.words.state_forces or not (
                tok.tag_ == "NNS" or any(c.lower_ == "the" for c in tok.children)):
            return None
        where = self._group_place(tok, word)
        if not _bare_group(tok, where=where[0] if where else None,
                           bodies=frozenset([tok.lower_])):
            return None  # "troops from Chad", "soldiers of the UN mission": their own actor
        if not _doer_position(tok):
            # "ready to contribute 4,000 troops to a force in Liberia", "will deploy soldiers
            # in Kyiv": troops sent or counted are no one; only a force that acts is its state
            return None
        force = ActorRef(name=f"{' '.join(c.lower_ for c in mods)} {tok.lower_}".strip(),
                         kind="group", sector="MIL", text=tok.text)
        return self.placed_group(force, where[1]) if where is not None else force

    def unplaced_force(self, ref: ActorRef) -> bool:
        """Whether an actor is a state's force named bare that no place tied to a state
        ("troops" with no place named): no one, as the state is never guessed."""
        return ref.kind == "group" and ref.sector == "MIL" and not ref.country and \
            ref.name.rsplit(" ", 1)[-1] in self._force_words

    @cached_property
    def _force_words(self) -> frozenset[str]:
        """The last words, as written, a bare force's name may end with ("forces", "army")."""
        return frozenset(w.rsplit(" ", 1)[-1] + s for w in self.words.state_forces
                         for s in ("", "s"))

    def _sector_state(self, word: Token, noun: Token, sector: str) -> ActorRef | None:
        """The state a word before a sector noun names ("Israeli officials"); for a group
        noun, the state's people by a short name ("Iranian protesters")."""
        ref = self.state_ref(entity_text(word), sector)
        if ref is not None and noun.lemma_.lower() in self.words.group_nouns:
            ref = replace(ref, name=_group_name(entity_text(word), noun))
        return ref

    def _personal_role(self, noun: Token, owner: Token) -> bool:
        """Whether a sector noun is its possessor's own role ("King Salman's leadership"):
        the person holds it, not the state they lead."""
        return owner.dep_ == "poss" and noun.lemma_.lower() in self.words.personal_roles

    def _leader_state(self, mention: Mention, sector: str) -> ActorRef | None:
        """The state of a head of state or government named before a sector noun."""
        if len(mention.actors) != 1 or mention.actors[0].kind != "person":
            return None
        person = mention.actors[0]
        if not person.country or len(person.country) != 3:
            return None
        return self.state_of(person.country, sector)

    def _sector(self, tok: Token) -> str | None:
        words: tuple[str, ...] = (tok.lemma_.lower(), tok.lower_)
        compound = " ".join(c.lower_ for c in tok.children if c.dep_ == "compound")
        if compound:
            words = (f"{compound} {tok.lemma_.lower()}",) + words
        for word in words:
            sector = self.gaz.sector_noun(word) or self.words.sector_nouns.get(word)
            if sector:
                return sector
        return None

    def drop_portfolio_titles(self, sent: Span, found: dict[int, Mention]) -> None:
        """Join a title read apart to the name its portfolio leads to ("Moldovan Minister
        of Foreign Affairs and European Integration Nicu Popescu", "UK Minister of State for
        Middle East, North Africa and North America James Cleverly"): the small model splits
        a long portfolio at its "and" or commas, so that "Moldovan Minister" or "UK Minister"
        stands apart as a second participant; the name after it, with no title of its own,
        is the one who bears it (pass 4, after every name and title is read)."""
        doc = sent.doc
        for title in sorted({id(m): m for m in found.values()}.values(), key=lambda m: m.start):
            if title.kind == "pronoun" or doc[title.end - 1].lower_ not in self.stops or \
                    title.end >= sent.end or doc[title.end].lower_ not in _PORTFOLIO_OPENERS:
                continue
            bearer = self._portfolio_bearer(sent, title.end, found)
            if bearer is not None:
                # one mention from the title to the name: the parser's head of the phrase
                # may be the title ("with UK Minister ..."), and a state word in the title
                # is the bearer's own ("UK"), no second participant
                whole = replace(bearer, start=title.start, actors=self._titled_bearer(
                    bearer.actors, doc[title.start:title.end]))
                for i in range(title.start, bearer.end):
                    found[i] = whole

    def _titled_bearer(self, bearers: list[ActorRef], title: Span) -> list[ActorRef]:
        """The bearer of a title read apart, with the state and office the title gives when
        the name alone gave none ("Moldovan Minister" + "... and European Integration Nicu
        Popescu": a minister of Moldova, whose talks and aid are Moldova's)."""
        if len(bearers) != 1 or bearers[0].kind != "person" or bearers[0].country:
            return bearers
        states = {t.i: ref for t in title if (ref := self.state_ref(t.text)) is not None}
        if not states:
            return bearers
        country = next(iter(states.values())).country
        words = self.words.find_title([t.lower_ for t in title if t.i not in states])
        own = bearers[0]
        return [replace(own, country=country,
                        office=own.office or (self._office_text(words, country)
                                              if words else None),
                        sector=own.sector or (self._title_sector(words) if words else None))]

    def _portfolio_bearer(self, sent: Span, start: int, found: dict[int, Mention]
                          ) -> Mention | None:
        """The untitled person named right after a portfolio that opens at ``start``: the
        words between are only capitalised words and the glue of a portfolio, none of them
        another actor, and few."""
        doc = sent.doc
        for i in range(start, min(sent.end, start + _PORTFOLIO_SPAN)):
            mention = found.get(i)
            if mention is not None:
                named = mention.kind == "name" and mention.start == i and mention.actors and \
                    all(r.kind == "person" for r in mention.actors)
                own_title = any(doc[j].lower_ in self.stops
                                for j in range(mention.start, mention.end))
                return mention if named and not own_title else None
            tok = doc[i]
            if not (tok.lower_ in _PORTFOLIO_GLUE or (tok.text[:1].isupper()
                                                     and tok.lower_ not in self.stops)):
                return None
        return None

    # --- pass 3: descriptions -----------------------------------------------------------------

    def find_descriptions(self, sent: Span, ctx: ArticleActors,
                          found: dict[int, Mention]) -> None:
        """"the prime minister", "the US president", "the two men", "both leaders" (pass 3)."""
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN", "NUM"):
                continue
            prior = found.get(tok.i)
            if prior is not None and not (prior.kind == "sector" and self._state_titled(tok)):
                continue
            # "Iran's supreme leader" (pass 2 read "Iran's leader" as Iran's government): the
            # office holder when the title names one, else as it was
            named = self._common_noun_group(tok) if prior is None else None
            if named is not None:
                start = min(c.i for c in tok.children if c.dep_ in ("amod", "compound"))
                put(found, Mention(start, tok.i + 1, tok.i,
                                   [at(named, sent.doc[start:tok.i + 1])], "name"))
                continue
            pair = self._coordinated_group(tok) if prior is None else None
            if pair is not None:
                named, end = pair
                put(found, Mention(tok.i, end, tok.i,
                                   [at(named, sent.doc[tok.i:end])], "name"))
                continue
            lemma = tok.lemma_.lower()
            group, recalled = self._group(tok, sent, ctx, found) if prior is None \
                else ([], False)
            if group:
                put(found, Mention(tok.i, tok.i + 1, tok.i, group,
                                   "recalled" if recalled else "plural"))
                continue
            if prior is None and (state := self._setting_government(tok, ctx, found)) is not None:
                put(found, Mention(tok.i, tok.i + 1, tok.i, [at(state, tok)], "sector"))
                continue
            if not (_definite(tok) or self._state_possessed(tok)) or _of_named(tok, found):
                continue
            words = [c.lower_ for c in tok.children
                     if c.dep_ in ("compound", "amod") and c.i < tok.i]
            title = self.words.find_title(words + [lemma])
            if title is None or title == "counterpart":
                continue
            office = self.words.titles.get(title)
            if office in (None, "other") and (prior is not None or not _definite(tok)):
                # "Iran's officials", "Russia's top general": no one office to look up (the
                # government, if pass 2 made it so)
                continue
            country = next((r.country for c in tok.children if c.i < tok.i
                            for r in [self.state_ref(c.text)] if r), None)
            # "Deputy Secretary Sherman and the Foreign Minister": one who is named beside
            # the title in a coordination is someone else
            others = frozenset(participant_key(r) for c in tok.conjuncts if c.i in found
                               for r in found[c.i].actors)
            ref = self._site_holder(tok, title, office, ctx) if not country else None
            if ref is not None and participant_key(ref) in others:
                ref = None
            if ref is None and not country:
                ref = ctx.by_office(office, country, title, others)
            if ref is None and country and office and ctx.published:
                # by the term's own title first: Iran's "president" heads its government,
                # its head of state is the Supreme Leader
                holders = self.kb.titled(country, title, ctx.published)
                ref = person_actor(holders[0], tok.text) if holders else None
                ref = self.refresh(ref, ctx.published) if ref else None
            if ref is None and not country:
                ref = ctx.by_office(office, None, title, others)
            if ref is not None:
                put(found, Mention(tok.i, tok.i + 1, tok.i, [at(ref, tok)], "title"))

    def _setting_government(self, tok: Token, ctx: ArticleActors,
                            found: dict[int, Mention]) -> ActorRef | None:
        """"the government", "the authorities" of a news story, named nowhere in their
        phrase: the government of the state the story has named most so far. A government's
        own release says it of others, so there it stays unread."""
        if ctx.site or tok.lower_ not in self.words.setting_governments or \
                not _definite(tok) or any(c.dep_ in ("amod", "compound", "poss", "prep")
                                          and c.lower_ != "the" for c in tok.children):
            return None
        setting = ctx.setting()
        if setting is None or any(r.country and r.country != setting and
                                  r.sector not in (None, "GOV")
                                  for r in _subject_actors(tok, found)):
            # "Ukrainian lawmakers urged the government" in a story about Russia's strikes:
            # the speakers' own government; a foreign state or its officials urging "the
            # government" press the one the story is about
            return None
        return self.state_of(setting, "GOV")

    def _state_possessed(self, tok: Token) -> bool:
        """Whether a noun is determined by a state's possessive ("Iran's supreme leader",
        "Russia's foreign minister"): as definite as "the"."""
        return any(c.dep_ == "poss" and self.state_ref(c.text) is not None
                   for c in tok.children)

    def _state_titled(self, tok: Token) -> bool:
        """Whether a definite noun is qualified by a state ("the Iranian foreign minister",
        "Iran's supreme leader"): a title of that state's, not its government at large."""
        return self._state_possessed(tok) or (_definite(tok) and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
            and self.state_ref(c.text) is not None for c in tok.children))

    def _site_holder(self, tok: Token, title: str, office: str | None, ctx: ArticleActors
                     ) -> ActorRef | None:
        """"The President" in a government's own release that has named its head of state:
        that person, however many foreign presidents were named since ("President Biden
        spoke with President Duda... The President reiterated his support"), or whose title
        names its head of state ("Readout of President Biden's Call ..."). A release that
        has not named its own ("Secretary Blinken met President Sall") means the one named.
        A title of ``site_titles`` names the office it maps to ("The Secretary")."""
        # "the Foreign Minister" of a US release is the counterpart
        office = self.words.site_titles.get(
            title, office if office in ("head_of_state", "head_of_government") else None)
        if office is None or not (ctx.site and ctx.published and tok.text[:1].isupper()):
            return None
        holders = self.kb.holder(ctx.site, office, ctx.published)
        named = {r.actor_id for r in ctx.persons}
        # in "Remarks by President Biden and President Yoon", Biden's own "the President"
        # is his guest
        speaker = ctx.voice.speaker.actor_id if ctx.voice.speaker else None
        own = next((p for p in holders if p.id != speaker and (p.id in named or (
            _in_headline(p, title, ctx.headline) and not self._names_holder(tok.sent, p))
        )), None)
        return self.refresh(person_actor(own, tok.text), ctx.published) if own else None

    def _names_holder(self, sent: Span, person: Person) -> bool:
        """Whether a sentence names the headline's principal or the principal's state by
        name ("The President thanked President Biden", "... warned the United States"): its
        "the President" is then the guest, not the principal."""
        surname = person.name.split()[-1].lower()
        return any(t.lower_ == surname for t in sent) or any(
            (ref := self.state_ref(strip_article(e.text))) is not None
            and ref.country == person.country for e in sent.ents if e.label_ in ("GPE", "ORG"))

    def _common_noun_group(self, tok: Token) -> ActorRef | None:
        """A group the gazetteer knows by a common-noun name the model does not tag ("the
        international community")."""
        mods = sorted((c for c in tok.children if c.dep_ in ("amod", "compound")),
                      key=lambda c: c.i)
        if not mods or tok.pos_ != "NOUN":
            return None
        return self.org_ref(" ".join([*(c.lower_ for c in mods), tok.lower_]))

    def _coordinated_group(self, tok: Token) -> tuple[ActorRef, int] | None:
        """A group the gazetteer knows by two plain nouns joined by "and" ("our allies and
        partners"), with the end of the words naming it: the model reads the second noun as
        a conjunct of the first, so neither word alone is the group. Only a subject's: the
        training labels code the unnamed many acting beside a government ("The United
        States and our allies and partners are committed to ..."), not those it works with
        ("cooperation with Allies and partners")."""
        if tok.pos_ not in ("NOUN", "PROPN") or not _in_subject(tok) or any(
                c.dep_ in ("amod", "compound") for c in tok.children):
            return None
        cc = next((c for c in tok.children if c.dep_ == "cc"), None)
        other = next((c for c in tok.children if c.dep_ == "conj"), None)
        if cc is None or other is None or other.i != cc.i + 1 or cc.i != tok.i + 1 \
                or any(c.dep_ in ("amod", "compound") for c in other.children):
            return None
        named = self.org_ref(f"{tok.lower_} {cc.lower_} {other.lower_}")
        return (named, other.i + 1) if named is not None else None

    def _group(self, tok: Token, sent: Span, ctx: ArticleActors,
               found: dict[int, Mention]) -> tuple[list[ActorRef], bool]:
        """The people a plural description stands for ("the two leaders", "her
        counterparts"), and whether they were only recalled as the last people named (no
        contact's participants nor a list in apposition say who they are)."""
        lemma = tok.lemma_.lower()
        if lemma not in self.words.plural_heads and tok.lower_ not in self.words.plural_heads:
            return [], False
        if tok.dep_ == "nummod" and tok.head.dep_ in ("compound", "amod"):
            return [], False  # "a two-state solution", "a two-day visit": a measure, no one
        named = [m.actors[0] for c in tok.children if c.dep_ == "appos"
                 for t in c.subtree if (m := found.get(t.i)) and m.kind == "name"]
        if len(named) >= 2:
            return list({participant_key(r): r for r in named}.values()), False
        if any(p.dep_ == "pobj" and (p.i in found or p.ent_type_ in ("GPE", "NORP", "ORG"))
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children):
            return [], False  # "the leaders of Estonia, Latvia, and Lithuania": named below
        markers = {c.lower_ for c in tok.children} | {tok.lower_}
        counted = [c for c in tok.children if c.dep_ == "nummod"]
        if counted and counted[0].lower_ not in ("two", "2"):
            # "the three leaders": as many as were met in a reported contact, or none
            word = counted[0].lower_
            met = len(ctx.meeting) == (int(word) if word.isdecimal() else NUMBERS.get(word, 0))
            return (list(ctx.meeting) if met else []), False
        if tok.dep_ == "conj" and tok.text[:1].isupper():
            # "The Secretary and Foreign Ministers condemned ...": the first conjunct's
            # article determines the capitalised title after it
            markers |= {c.lower_ for c in tok.head.children if c.dep_ == "det"}
        plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("two", "both")
        if plural and len(ctx.meeting) >= 2 and markers & _MEETING_MARKERS and \
                not any(c.dep_ in ("amod", "compound", "poss") and c.i in found
                        for c in tok.children):
            # "the leaders", "her counterparts", "the two ministers" after a reported call
            return list(ctx.meeting), False
        if not plural or not (markers & {"two", "both", "the"}):
            return [], False
        if tok.lower_ not in ("men", "leaders", "two", "both") and "two" not in markers \
                and "both" not in markers:
            return [], False
        return (ctx.recent(2) if len(ctx.persons) >= 2 else []), True

    # --- pass 4: pronouns ----------------------------------------------------------------------

    @staticmethod
    def _voiced(tok: Token, ctx: ArticleActors) -> list[ActorRef]:
        """The document's own voice behind "I", "we" and a transcript's "you"
        (``sitrep.actors.voice``), outside quotations."""
        word = tok.lower_
        if word in _FIRST_SINGULAR and ctx.voice.speaker is not None:
            return [ctx.voice.speaker]
        if word in _FIRST_PLURAL and ctx.voice.we:
            return list(ctx.voice.we)
        if ctx.voice.release_we and _release_we(tok):
            return list(ctx.voice.release_we)
        if word in _SECOND and ctx.voice.hearer is not None:
            return [ctx.voice.hearer]
        return []

    def find_pronouns(self, sent: Span, ctx: ArticleActors, found: dict[int, Mention]) -> None:
        """"him", "he": the most recent person other than the clause's own subject; "they"
        or "both" as a subject, after a reported contact: its participants (pass 4)."""
        for tok in sent:
            antecedent = _antecedent(tok)
            if tok.i not in found and antecedent is not None and antecedent.i in found:
                # "Blinken, who met Wang", "Zelensky, whom Biden met in Kyiv"
                put(found, Mention(tok.i, tok.i + 1, tok.i, list(found[antecedent.i].actors),
                                   "pronoun"))
                continue
            voiced = self._voiced(tok, ctx)
            if tok.i not in found and voiced:
                put(found, Mention(tok.i, tok.i + 1, tok.i, voiced, "pronoun"))
                continue
            if tok.i not in found and tok.lower_ in _CONTACT_SUBJECTS and \
                    tok.dep_ in ("nsubj", "nsubjpass") and len(ctx.meeting) >= 2 and \
                    not any(m.kind in ("name", "sector") and m.start < tok.i
                            and len(m.actors) >= 1 for m in found.values()):
                put(found, Mention(tok.i, tok.i + 1, tok.i, list(ctx.meeting), "plural"))
                continue
            pair = _pair_before(tok, found) if tok.i not in found else []
            if pair:
                put(found, Mention(tok.i, tok.i + 1, tok.i, pair, "plural"))
                continue
            if tok.i not in found and tok.dep_ == "poss" and tok.lower_ in _POSSESSIVES:
                self._their_government(tok, ctx, found)
                continue
            if tok.i in found or tok.lower_ not in self.words.person_pronouns or \
                    tok.dep_ == "poss":
                continue
            ref = self._person_pronoun(tok, ctx, found)
            if ref is not None:
                put(found, Mention(tok.i, tok.i + 1, tok.i, [at(ref, tok)], "pronoun"))

    def _person_pronoun(self, tok: Token, ctx: ArticleActors, found: dict[int, Mention]
                        ) -> ActorRef | None:
        """The person "he", "him" or "her" stands for: the last one named before it in the
        sentence, other than its clause's subject; else the article's subject or most recent
        person."""
        subject = clause_subject(tok)
        exclude = set()
        if subject is not None and subject.i in found and subject.i != tok.i:
            exclude = {participant_key(r) for r in found[subject.i].actors}
        earlier = [m.actors[0] for i, m in sorted(found.items())
                   if i < tok.i and m.kind in ("name", "title") and len(m.actors) == 1
                   and m.actors[0].kind == "person"
                   and participant_key(m.actors[0]) not in exclude]
        ref = earlier[-1] if earlier else None
        governing = _governing_subject(tok, found)
        if governing is not None and participant_key(governing) not in exclude:
            ref = governing
        if ref is None and tok.dep_ in ("nsubj", "nsubjpass") and ctx.subject is not None:
            ref = ctx.subject
        return ref if ref is not None else next(iter(ctx.recent(1, exclude)), None)

    def _their_government(self, tok: Token, ctx: ArticleActors,
                          found: dict[int, Mention]) -> None:
        """"his administration", "her government": the state of the person the possessive
        stands for (GUIDELINES 4: governments map to the state), as "Putin's government" is
        read in pass 2."""
        noun = tok.head
        if noun.i in found or noun.lemma_.lower() not in self.words.government_words:
            return
        ref = self._person_pronoun(tok, ctx, found)
        state = self.state_of(ref.country, "GOV") \
            if ref is not None and ref.country and len(ref.country) == 3 else None
        if state is not None:
            span = tok.doc[tok.i:noun.i + 1]
            put(found, Mention(tok.i, noun.i + 1, noun.i, [at(state, span)], "sector"))


def _governing_subject(tok: Token, found: dict[int, Mention]) -> ActorRef | None:
    """The person named as the subject of the clause that governs a subject pronoun's own
    clause ("Blinken told Wang he ...", "Smith said that she ..."): subjects are what a
    reported clause's "he" most often continues, before a nearer object; None if none."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    for _ in range(3):
        if verb.dep_ not in _GOVERNED_CLAUSES or verb.head.i == verb.i:
            return None
        verb = verb.head
        if any(c.dep_ in ("dobj", "dative") and c.i < tok.i for c in verb.children) and \
                any(c.dep_ == "aux" and c.lower_ in _OBLIGING for c in tok.head.children):
            # "Biden told Putin that he must withdraw": an obligation is the one told's
            # ("told Wang he would visit Beijing" is the teller's own plan)
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        mention = found.get(subject.i) if subject is not None and subject.i < tok.i else None
        if mention is not None and mention.kind in ("name", "title") and \
                len(mention.actors) == 1 and mention.actors[0].kind == "person":
            return mention.actors[0]
        if subject is not None:
            return None
    return None


_OBLIGING = frozenset({"must", "should", "ought", "need"})
"""Auxiliaries of what the one addressed is to do ("told Putin that he must withdraw")."""
_GOVERNED_CLAUSES = frozenset({"ccomp", "conj"})
"""Clauses whose subject pronoun looks to the subject of the clause above: what is
reported ("Smith said that she ..."), or a clause joined to it ("Biden met Scholz, and he
thanked him"); not "after he visited Kyiv", where the other one named is as likely."""
_PAST_TITLES = frozenset({"former", "ex", "ex-", "late", "erstwhile"})
"""Words that make a title a past one ("former President", "the late King")."""
_PLACE_PREPS = frozenset({"in", "at", "from", "to", "into", "across", "throughout", "near",
                          "outside", "inside", "within", "around"})
"""Prepositions whose object is where something happens, not who does it."""
_GROUPING_PLACE_PREPS = frozenset({"in", "at", "across", "throughout", "near", "within",
                                   "around", "inside", "outside"})
"""Prepositions whose object is a place even when it names a grouping of states ("in the
Baltic states"); "to" and "from" name those visited or giving ("a visit to the Baltic
states")."""
_NAME_PHRASE_PREPS = frozenset({"of", "for", "to", "on"})
"""Prepositions that open the phrase of a name after its head ("Partnership *for* ...")."""
_DEPARTMENT_GLUE = frozenset({"department", "departments", "ministry", "ministries", "of", "the"})
"""Words around a department's name ("the Departments of State and the Treasury")."""
_CONTACT_SUBJECTS = frozenset({"they", "both"})
"""Subjects that, after a reported contact, stand for its participants ("They agreed",
"Both reaffirmed their support")."""
_POSSESSIVES = frozenset({"his", "her"})
"""Possessives of a person named before ("his administration")."""
_ADDRESS_POSSESSIVES = frozenset({"your", "his", "her"})
"""The possessives of a form of address ("Your Majesty", "Her Excellency")."""
_FIRST_SINGULAR = frozenset({"i", "me", "my"})
_FIRST_PLURAL = frozenset({"we", "us", "our"})
_SECOND = frozenset({"you", "your"})


def _release_we(tok: Token) -> bool:
    """Whether ``tok`` is the "we" subject of a sentence's main clause ("We will continue
    to impose costs"): a release's own "we". Under a reporting verb ("The Vice President
    noted that we will ...") or in a side clause ("as we urge Russia") it is the reported
    principal's, and "our allies" names no one acting."""
    if tok.lower_ != "we" or tok.dep_ not in ("nsubj", "nsubjpass") or \
            any(c.dep_ == "appos" for c in tok.children) or _quoted(tok):
        # ("We, the Leaders of the G7, condemn ...": a "we" the text defines; a quotation's
        # "we" is its speaker's)
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _quoted(tok: Token) -> bool:
    """Whether a word stands inside quotation marks opened before it in its document (an
    odd number of straight quotes, or more opening curly quotes than closing ones), a
    quotation of several sentences included."""
    before = tok.doc.text[:tok.idx]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


FAMILY_NAME_FIRST = {"USA": frozenset({"JPN"})}
"""Governments that write the names of these countries' people family name first: the
State Department and the White House write "Vice Foreign Minister Mori Takeo" (since 2019),
where the knowledge base and the GUIDELINES' common English names put the given name first
("Yoshimasa Hayashi")."""


_FAMILY_WORDS = frozenset({"family", "families"})

def _through_and(ents: list[Span]) -> list[Span]:
    """Organisation names the small model cut at "and" ("the Union of Rationalist Atheists"
    + "and Agnostics", the last word tagged a person or nothing): the "X of Y and Z" name
    whole, when Z is one capitalised plural noun no entity of a state, people or body
    claims ("and Americans" stays apart)."""
    out: list[Span] = []
    dropped: set[int] = set()
    for ent in ents:
        doc, end = ent.doc, ent.end
        if ent.start in dropped:
            continue
        if ent.label_ == "ORG" and any(t.lower_ == "of" for t in ent[1:]) and \
                end + 1 < ent.sent.end and doc[end].lower_ == "and" and \
                doc[end + 1].tag_ == "NNPS" and \
                doc[end + 1].ent_type_ not in ("GPE", "NORP", "ORG") and \
                (end + 2 >= ent.sent.end or not doc[end + 2].is_title):
            dropped.add(end + 1)
            ent = Span(doc, ent.start, end + 2, label="ORG")
        out.append(ent)
    return [e for e in out if e.start not in dropped]


_UNTAGGED_BODIES = frozenset({"armed_group", "igo", "ngo", "intelligence", "police"})
"""Kinds of body whose name, spelled as the gazetteer spells it, is read even when the
model tags it as nothing: an armed group, an intergovernmental body ("the G7"), a
non-governmental one ("Transparency International") or a state's security service ("the
KGB", "Shin Bet")."""


def _subject_actors(tok: Token, found: dict[int, Mention]) -> list[ActorRef]:
    """The actors of the subject of the clause a word stands in (its nearest verb's)."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return [r for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
            for t in c.subtree if t.i in found for r in found[t.i].actors]


def _in_capitals(tok: Token) -> bool:
    """Whether an upper-case word stands among other upper-case words ("WHO WILL PAY?", a
    speaker's label): capitals there are the typesetting, not an acronym."""
    if not tok.text.isupper():
        return False
    near = [t for t in tok.doc[max(tok.i - 1, 0):tok.i + 2] if t.i != tok.i and t.is_alpha]
    return any(t.text.isupper() and len(t.text) > 1 for t in near)


def _in_subject(tok: Token) -> bool:
    """Whether a word is a clause's subject or a conjunct of one ("The United States and
    its allies ...")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


_ALLIANCE_DETERMINERS = frozenset({"the", "our", "its", "their", "this", "full", "whole", "entire"})


def _family(ent: Span) -> ActorRef | None:
    """The family a surname names ("met with the Reed family"): a group of its own, not the
    relative named earlier (GUIDELINES 4: generic groups keep a short descriptive name)."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent.label_ != "PERSON" or after is None or after.lower_ not in _FAMILY_WORDS or \
            ent.root.head.i != after.i or ent.root.dep_ != "compound":
        return None
    name = f"{strip_possessive(ent.text)} family"
    return ActorRef(name=name, kind="group", text=name)


def _given_name_first(name: str, country: str | None, site: str | None) -> str:
    """A two-word name the knowledge base does not know, as the common English form writes
    it: "Mori Takeo" on a US government site is Takeo Mori (see ``FAMILY_NAME_FIRST``);
    other names as written."""
    words = name.split()
    if len(words) != 2 or not country or country not in FAMILY_NAME_FIRST.get(site or "", ()):
        return name
    return f"{words[1]} {words[0]}"


def _named_before(found: dict[int, Mention], surname: str) -> ActorRef | None:
    """A person named in full earlier in the same sentence whose name ends with ``surname``
    ("UN Special Envoy Martin Griffiths ... welcomed Griffiths' trip"): the article's
    memory learns a sentence's people only once it is read."""
    key = normalise(surname)
    for mention in sorted({id(m): m for m in found.values()}.values(), key=lambda m: -m.start):
        people = [r for r in mention.actors if r.kind == "person"]
        if mention.kind == "name" and len(people) == 1 and len(people[0].name.split()) > 1 \
                and normalise(people[0].name.split()[-1]) == key:
            return people[0]
    return None


def _apart(ents: list[Span]) -> list[Span]:
    """Entities without those inside a name ``name_span`` completed over them: "Abdullah II
    ibn" + "Al Hussein" is one name, not two people."""
    kept: list[Span] = []
    for ent in sorted(ents, key=lambda e: (e.start, -e.end)):
        if not kept or ent.start >= kept[-1].end:
            kept.append(ent)
    return kept


def _antecedent(tok: Token) -> Token | None:
    """The person "who" or "whom" stands for ("Blinken, *who* met Wang": Blinken), or None
    for any other word. ("which" is left alone: what a state or body "which" did is mostly
    background, "the United States, which has retreated from a previous goal".)"""
    if tok.lower_ not in ("who", "whom") or tok.dep_ not in ("nsubj", "nsubjpass", "dobj") \
            or tok.head.dep_ != "relcl":
        return None
    return tok.head.head


def _pair_before(tok: Token, found: dict[int, Mention]) -> list[ActorRef]:
    """The two people "they" or "both" stands for as the subject of a clause joined to one
    in which a person dealt with one other ("Biden thanked Ardern for hosting the retreat,
    and they agreed ...", "Blinken spoke with Hayashi and they jointly condemned ..."): the
    two named before it. Empty unless the joined clause's subject is one of exactly two
    people named earlier in the sentence (a plural can stand for nothing else there)."""
    if tok.lower_ not in _CONTACT_SUBJECTS or tok.dep_ not in ("nsubj", "nsubjpass") or \
            tok.head.dep_ != "conj":
        return []
    people: dict[str, ActorRef] = {}
    for i, mention in sorted(found.items()):
        if i < tok.i and mention.kind in ("name", "title") and len(mention.actors) == 1 \
                and mention.actors[0].kind == "person":
            people.setdefault(participant_key(mention.actors[0]), mention.actors[0])
    subjects = [found[c.i] for c in tok.head.head.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.i in found]
    if len(people) != 2 or len(subjects) != 1 or len(subjects[0].actors) != 1 or \
            participant_key(subjects[0].actors[0]) not in people:
        return []
    return list(people.values())


def _definite(tok: Token) -> bool:
    """Whether a noun is determined by "the", its own or, for a capitalised title in a
    coordination, that of the first conjunct ("The Secretary and Foreign Minister")."""
    if any(c.lower_ == "the" for c in tok.children):
        return True
    return tok.dep_ == "conj" and tok.text[:1].isupper() and \
        any(c.lower_ == "the" for c in tok.head.children)


_TRAILING_WORDS = frozenset({"of", "today", "tonight", "yesterday", "tomorrow"})
"""Words an entity span of the small model may end in that are no part of a name ("Patrice
Talon of" before "Benin", "spoke with Prime Minister Abiy today"); as written, lower case
("USA Today" is a name)."""


def _group_word(state: State) -> str:
    """The word that makes a generic group a state's ("Iranian protesters"): its first
    demonym, or its name where that demonym names a person ("New Zealander", "Hong Konger":
    "Hong Kong protesters")."""
    word = state.demonyms[0] if state.demonyms else state.name
    return state.name if word.endswith("er") else word


def _group_name(country: str, tok: Token, lemma: str = "") -> str:
    """A generic group's short name: its country word and its noun as written ("Iranian
    protesters", "Serbian police", "journalists"), with the word that makes the noun a group
    ("security forces")."""
    kind = " ".join(lemma.split()[:-1])
    return " ".join(w for w in (country, kind, tok.lower_) if w)


def _doer_position(tok: Token) -> bool:
    """Whether a noun stands where the doer of its clause's act does: its subject ("soldiers
    opened fire"), or the agent of a passive ("were shot by soldiers")."""
    return tok.dep_ == "nsubj" or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def _bare_group(tok: Token, members: frozenset[str] = frozenset(),
                qualifiers: frozenset[str] = frozenset(), where: Token | None = None,
                harms: frozenset[str] = frozenset(), bodies: frozenset[str] = frozenset()
                ) -> bool:
    """Whether a sector noun names a group of people by itself: a noun in the plural, a
    body ("the police", or one of ``bodies``: "the army") or one unnamed member of a crowd
    (``_one_of_crowd``), with no name or possessive of its own in front ("Putin's forces",
    "Houthi militants" were read as their state before this); a word of its kind is none
    ("Riot police"), nor is the place ``where`` it acts ("police in Lyon")."""
    if tok.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("poss", "compound") and (c.ent_type_ or c.pos_ == "PROPN")
           and c.lower_ not in qualifiers for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c != where and any(
            p.ent_type_ in ("GPE", "NORP", "ORG") for p in c.children)
           and not _crowd_where(tok, c, members, harms) for c in tok.children):
        return False  # "rebels in the Ivory Coast", "activists from Fatah": their own actor
    return tok.tag_ == "NNS" or tok.lower_ in ("police", "opposition") or \
        tok.lower_ in bodies or \
        _one_of_crowd(tok, members)


def _crowd_where(tok: Token, prep: Token, members: frozenset[str],
                 harms: frozenset[str]) -> bool:
    """Whether a prepositional phrase only tells where a crowd is ("protesters in Paris",
    "demonstrators in Baghdad"): a crowd is named by the place's people (GUIDELINES 4,
    "Iraqi protesters"), not read as that place's state."""
    return tok.lemma_.lower() in members and prep.lower_ == "in" and all(
        p.ent_type_ == "GPE" for p in prep.children if p.dep_ == "pobj") and \
        not _under_harm(tok, harms)


def _under_harm(tok: Token, harms: frozenset[str]) -> bool:
    """Whether a crowd is named as the ones a harm is done to ("the violence against
    protesters in Tehran"): there the place is the setting of the deed, whose doer the
    place's state may be ("water cannon against protesters in Osaka" names the crowd)."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
        tok.head.head.lemma_.lower() in harms


def _one_of_crowd(tok: Token, members: frozenset[str]) -> bool:
    """Whether a noun is one unnamed member of a crowd, told with "a" ("police shot a
    protester"): the victim of force at a protest, whom analysts name by the crowd's kind
    ("Hong Kong protester"); "the protester" points back at someone named."""
    return tok.lemma_.lower() in members and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def put(found: dict[int, Mention], mention: Mention) -> None:
    for i in range(mention.start, mention.end):
        found.setdefault(i, mention)
    found[mention.head] = mention


def _name_word(tok: Token) -> bool:
    """Whether a word may be part of a name: a proper noun that is no date ("Later on
    Tuesday Mitsotakis met ...": the day is no given name)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("DATE", "TIME")


def _opening_subject(tok: Token, sent: Span) -> bool:
    """Whether a word is a one-word subject opening its sentence ("Trump met with Xi"),
    where the small model reads a capitalised name as the common noun it also is."""
    return tok.i == sent.start and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and \
        not any(c.dep_ in ("det", "compound", "amod", "poss") for c in tok.children)


def _of_named(tok: Token, found: dict[int, Mention]) -> bool:
    """Whether a plural description is the people of an actor named after it ("the foreign
    ministers of the Gulf Cooperation Council", "the leaders of the Baltic states"): that
    actor speaks for them, no one office holder is meant."""
    return tok.tag_ in ("NNS", "NNPS") and any(
        p.dep_ == "pobj" and p.i in found for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)


def _named_people(states: list[ActorRef], persons: list[ActorRef]) -> list[ActorRef]:
    """The people of a grouping of states ("his E3 counterparts"): for each state the
    person of it the article named last, else the state (the training labels code a
    grouping of persons by the persons where the text names them)."""
    return [next((p for p in reversed(persons) if p.country == s.country), s) for s in states]
