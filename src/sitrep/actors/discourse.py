"""What an article has said so far about its actors: the memory behind coreference.

A ``Mention`` is the words of one sentence that refer to actors; an ``ArticleActors`` carries
the people named so far, most recent last, so that "Bennett" after "Prime Minister Naftali
Bennett", "the prime minister", "the two men" or "she" find the actor already named. The
passes that find mentions live in ``mentions.py`` (``ActorResolver``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span

from sitrep.actors.identity import participant_key
from sitrep.actors.kb import normalise
from sitrep.actors.spans import sentence_ents, with_nicknamed_people
from sitrep.actors.voice import Voice
from sitrep.record import ActorRef

if TYPE_CHECKING:
    from sitrep.actors.mentions import ActorResolver


@dataclass
class Mention:
    """Words in a sentence that refer to one or more actors."""

    start: int
    """Token index (in the Doc) of the first word."""
    end: int
    head: int
    """Token index of the syntactic head of the mention."""
    actors: list[ActorRef]
    kind: str = "name"
    """name, sector, title, plural, recalled (a plural read as the last people named) or
    pronoun: how the mention was found."""


@dataclass
class ArticleActors:
    """Actor resolution state for one article: people named so far, most recent last."""

    resolver: ActorResolver
    published: date | None
    persons: list[ActorRef] = field(default_factory=list)
    subject: ActorRef | None = None
    """The person who was the main subject of the last sentence that named people."""
    voice: Voice = field(default_factory=Voice)
    """Who "I" and "we" are in this document (``sitrep.actors.voice``)."""
    site: str | None = None
    """The state whose government published the article (ISO3), if one did: its own
    releases say "the President" for their head of state."""
    states: Counter[str] = field(default_factory=Counter)
    """How often each state (ISO3) has been named so far, as itself or by its people and
    offices (``setting``)."""
    headline: str = ""
    """The document's title ("Readout of President Biden's Call with ..."): a release's
    headline names its principal before the body's bare "The President"."""
    meeting: list[ActorRef] = field(default_factory=list)
    """Everyone who took part in the latest contact (call, meeting) the article reported:
    what "the leaders", "her counterparts", "the two ministers" and "they" refer to."""
    deeds: dict[str, tuple[ActorRef, int]] = field(default_factory=dict)
    """Who did the latest deed of each event type the article reported lately, and in which
    sentence (the attacker of its latest attack, the visitor of its latest visit): whom "the
    attack", "the visit" in a later sentence's condemnation or praise point back to."""
    deed_doers: dict[str, set[str]] = field(default_factory=dict)
    """Everyone (``participant_key``) the article has told doing a deed of each event type:
    a deed of a kind only one actor did is "the attack" however far back it was told."""

    police: ActorRef | None = None
    """The police force the article named last ("Thames Valley Police"): what its later bare
    "police" is (``named_police``)."""

    told: dict[str, tuple[list[ActorRef], int]] = field(default_factory=dict)
    """Who made the latest claim or statement of each kind (noun lemma) the article told with
    its owners ("UN calls", "Moscow's allegations", "The ministry issued a statement"), and in
    which sentence: whom a later refusal of "these calls" answers, whose words "The statement
    urged ..." are."""

    def sentence(self, sent: Span) -> dict[int, Mention]:
        """Find and resolve the actor mentions of one sentence.

        Args:
            sent: a parsed sentence of the article's Doc.

        Returns:
            Token index -> mention, for every token inside a mention.
        """
        found: dict[int, Mention] = {}
        self.resolver.find_entities(sent, self, found)
        self.resolver.find_sector_nouns(sent, found)
        self.resolver.find_descriptions(sent, self, found)
        self.resolver.drop_portfolio_titles(sent, found)
        self.resolver.find_pronouns(sent, self, found)
        for mention in sorted({id(m): m for m in found.values()}.values(), key=lambda m: m.start):
            for ref in mention.actors:
                if ref.kind == "person" and mention.kind == "name":
                    self.remember(ref)
                if ref.country and mention.kind in ("name", "sector") and \
                        self.resolver.gaz.by_code(ref.country) is not None:
                    self.states[ref.country] += 1
        self._note_subject(sent, found)
        self._note_police(sent, found)
        return found

    def _note_police(self, sent: Span, found: dict[int, Mention]) -> None:
        """Keep the police force a sentence names ("Thames Valley Police said ..."): the
        force a later bare "police" in the story is."""
        bodies = self.resolver.words.police_bodies
        for ent in sentence_ents(sent):
            words = ent.text.lower().split()
            if ent.label_ != "ORG" or len(words) < 2 or not any(
                    " ".join(words[-n:]) in bodies for n in (1, 2)):
                continue
            mention = found.get(ent.root.i)
            if mention is not None and len(mention.actors) == 1 and \
                    mention.actors[0].kind == "org":
                self.police = mention.actors[0]

    def named_police(self, ref: ActorRef, sent: Span) -> ActorRef:
        """A bare "police" of no state ("Police arrested a man") as the police force the
        article named before it, if any; other actors as given. Not where the sentence
        names a place ("In France, police arrested ...") or its police have words of their
        own ("State police", "Oakdale police"; not "Riot police"): another force."""
        words = self.resolver.words
        if self.police is None or ref.kind != "group" or ref.country or \
                ref.name not in words.police_bodies or \
                (ref.text or ref.name).lower() != ref.name or \
                any(e.label_ == "GPE" for e in sent.ents) or any(
                    t.lower_ in words.police_bodies and any(
                        c.dep_ in ("compound", "amod", "nmod")
                        and c.lower_ not in words.group_qualifiers for c in t.children)
                    for t in sent):
            return ref
        return replace(self.police, text=ref.text, start=ref.start, end=ref.end)

    def setting(self) -> str | None:
        """The state the article has named most so far (ISO3): what "the country" and "the
        region" refer to; None before any, or on a tie for the most."""
        top = self.states.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]

    def _note_subject(self, sent: Span, found: dict[int, Mention]) -> None:
        """Keep the person the sentence's main clause is about: a subject pronoun in the next
        sentence continues that person ("Ardern met Morrison. She thanked him")."""
        people = [m for m in found.values() if m.actors and m.actors[0].kind == "person"]
        if not people:
            return
        subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        mention = found.get(subjects[0].i) if subjects else None
        ref = mention.actors[0] if mention and len(mention.actors) == 1 else None
        if (ref is None or ref.kind != "person") and not _names_someone(people):
            # "It was a warm meeting between him and the leaders": no one new was named, so
            # the person the story is about is still its subject
            return
        self.subject = ref if ref is not None and ref.kind == "person" else None

    def remember_names(self, sent: Span) -> list[ActorRef]:
        """Remember the people a sentence names, without resolving its other mentions (for
        sentences that hold no event: later ones may still say "Bennett" or "he").

        Args:
            sent: a sentence with entities (its parse may be missing).

        Returns:
            The people named, in text order.
        """
        found: dict[int, Mention] = {}
        consumed: set[int] = set()
        people = [e for e in sentence_ents(sent) if e.label_ == "PERSON"]
        for ent in with_nicknamed_people(people, sent):
            ent = self.resolver.name_span(ent)
            if ent.label_ == "PERSON" and not self.resolver.non_actor(ent):
                self.resolver.person_entity(ent, sent, self, found, consumed)
        people_named: list[ActorRef] = []
        for mention in sorted({id(m): m for m in found.values()}.values(), key=lambda m: m.start):
            for ref in mention.actors:
                if ref.kind == "person":
                    self.remember(ref)
                    people_named.append(ref)
        return people_named

    def remember(self, ref: ActorRef) -> None:
        """Make ``ref`` the most recent person named (replacing an earlier copy)."""
        key = participant_key(ref)
        self.persons = [p for p in self.persons if participant_key(p) != key]
        self.persons.append(ref)

    def by_surname(self, name: str) -> ActorRef | None:
        """The most recent person whose name ends with (or equals) ``name``."""
        key = normalise(name)
        for ref in reversed(self.persons):
            words = ref.name.split()
            tails = {normalise(" ".join(words[i:])) for i in range(len(words))}
            if key in tails or key == normalise(ref.name):
                return ref
        return None

    def by_given_name(self, name: str) -> ActorRef | None:
        """The one person named in full so far whose first name is ``name`` ("it is good to
        see Jean-Yves" after "Jean-Yves Le Drian"); None when none or several are."""
        key = normalise(name)
        found = {participant_key(r): r for r in self.persons
                 if len(r.name.split()) > 1 and normalise(r.name.split()[0]) == key}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_office(self, office: str | None, country: str | None, title: str | None = None,
                  exclude: frozenset[str] = frozenset()) -> ActorRef | None:
        """The most recent person holding ``office`` (and of ``country`` if given); for an
        office the kb does not type (``other``), one whose office names ``title`` ("the
        Secretary" is the Secretary of State, not the foreign minister named last). People
        whose ``participant_key`` is in ``exclude`` are passed over."""
        for ref in reversed(self.persons):
            if (country and ref.country != country) or participant_key(ref) in exclude:
                continue
            if office == "other" and title and ref.office and \
                    title not in ref.office.casefold():
                continue
            if office and office != "other" and ref.office and \
                    self.resolver.office_kind(ref.office) != office:
                continue
            if office is None or ref.office:
                return ref
        return None

    def recent(self, count: int, exclude: set[str] | None = None) -> list[ActorRef]:
        """The ``count`` most recently named distinct people, oldest first."""
        chosen = [p for p in reversed(self.persons)
                  if participant_key(p) not in (exclude or set())]
        return list(reversed(chosen[:count]))



def _names_someone(people: list[Mention]) -> bool:
    """Whether a sentence names a person by name or title; one whose people are only
    pronouns and plurals ("him", "the leaders") names no one new, and leaves the story's
    subject where it was."""
    return any(m.kind in ("name", "title") for m in people)
