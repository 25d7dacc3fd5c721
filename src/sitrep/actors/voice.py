"""Who speaks in a document: the voice behind "I", "we" and an unattributed "X must".

Official statements are written in the first person of their principal: "I spoke with
President Zelenskyy" in a statement of the President, "We condemn the attacks" in one of the
National Security Advisor, "Houthi leaders must cease their campaign" in one of the
Secretary of State. Analysts code those sentences as events of the principal (GUIDELINES
section 4: "I" is the author, "we" the author's government unless named co-signers, a
subject-less demand is the principal's). The voice is read from what the document says
about itself, in order:

1. a byline opening the text, "Antony J. Blinken, Secretary of State" (a spokesperson's
   byline speaks for the government);
2. a release line, "The following statement was released by A, B and C" (co-signers);
3. the title, "Statement by National Security Advisor Jake Sullivan on ...", "Statement of
   the President on ...", "President Biden Statement on ..." (the office holder of the
   site's country on the publication date), or the co-signers of "Joint Statement Between
   the United States and France on ...".

A readout ("The below is attributable to Spokesperson Ned Price:") and a news article have
no voice of their own: their sentences name who acted. Another government release with no
voice (a fact sheet) still says "we" for its government.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from spacy.tokens import Doc, Span

from sitrep.actors.identity import participant_key
from sitrep.record import ActorRef

if TYPE_CHECKING:
    from sitrep.actors.mentions import ActorResolver

PhraseReader = Callable[[str, str | None], list[ActorRef]]
"""Reads the people and states a short phrase names (given the site's country, for a bare
office: "the President")."""

_SPOKESPERSON = re.compile(r"\b(spokes(?:person|man|woman)|press secretary|office of the "
                           r"spokesperson)\b", re.IGNORECASE)
_ATTRIBUTED = re.compile(r"\b(?:below|following) is attributable to\b", re.IGNORECASE)
_RELEASED = re.compile(r"\b(?:statement|text) (?:was )?released by (?:the )?(.+?)"
                       r"(?::| on | following |\.?$)", re.IGNORECASE)
_TITLE_BY = re.compile(r"^(?:joint )?(?:statement|remarks|message|op-ed|letter)s? (?:by|of|from)"
                       r" (?:the )?(.+?)(?: on | at | regarding | about | to | before | after "
                       r"| during | in | following | (?:announcing|providing|marking|honoring|"
                       r"commemorating|celebrating|welcoming|delivering) |$)", re.IGNORECASE)
"""A title naming its speaker: "Remarks by President Biden Announcing Response to ...",
"Statement by National Security Advisor Jake Sullivan on ..."."""
_TITLE_FIRST = re.compile(r"^(.+?) (?:statement|remarks) (?:on|regarding|about) ", re.IGNORECASE)
"""A title naming its speaker first: "President Biden Statement on UN-Mediated Truce"."""
_TITLE_BETWEEN = re.compile(r"^joint (?:statement|declaration) (?:following .+? )?between "
                            r"(?:the )?(.+?)(?: on | in | at |$)", re.IGNORECASE)
"""A joint statement naming its co-signers: "Joint Statement Between the United States and
France on ...", "Joint Statement Following Meeting Between President Biden and ..."."""
_BYLINE = re.compile(r"^([A-Z][\w.\-’' ]+?),\s+([A-Z][\w ,.\-]+)$")

COUNTRY_TLDS = {"uk": "GBR", "il": "ISR", "ru": "RUS", "cn": "CHN", "fr": "FRA", "de": "DEU",
                "ua": "UKR", "in": "IND", "jp": "JPN", "au": "AUS", "ca": "CAN", "tr": "TUR",
                "ir": "IRN", "sa": "SAU", "ae": "ARE", "eg": "EGY", "jo": "JOR", "it": "ITA",
                "es": "ESP", "pl": "POL", "kr": "KOR", "br": "BRA", "za": "ZAF", "mx": "MEX"}
"""Country-code domains of government sites (``gov.uk``, ``kremlin.ru``)."""


@dataclass
class Voice:
    """The document's own voice; empty for readouts and news."""

    speaker: ActorRef | None = None
    """Who "I" is: the one person whose statement this is."""
    we: list[ActorRef] = field(default_factory=list)
    """Who "we" is: the co-signers of a joint statement, else the speaker's government."""
    hearer: ActorRef | None = None
    """Who "you" is: in a transcript, the other principal the speaker addresses."""
    asking: bool = False
    """A reporter's turn in a transcript: its questions assert nothing."""
    release_we: list[ActorRef] = field(default_factory=list)
    """Who "we" is in a government's release with no voice of its own (a fact sheet, a
    readout not attributed to a spokesperson): the publishing government ("we will continue
    to impose costs", GUIDELINES 4). It makes no principal and no voice: the release's
    sentences still name who acted."""

    @property
    def principal(self) -> list[ActorRef]:
        """Who an unattributed demand ("X must ...") comes from."""
        return [self.speaker] if self.speaker is not None else self.we[:1]

    def __bool__(self) -> bool:
        return self.speaker is not None or bool(self.we)


def site_country(url: str | None) -> str | None:
    """The country whose government publishes at ``url`` (``whitehouse.gov`` -> USA,
    ``gov.uk`` -> GBR), or None for other sites."""
    host = (urlsplit(url or "").hostname or "").lower()
    parts = host.split(".")
    if not parts or parts == [""]:
        return None
    if parts[-1] in ("gov", "mil"):
        return "USA"
    if len(parts) >= 2 and parts[-2] in ("gov", "mil", "gob", "govt", "mfa") and \
            parts[-1] in COUNTRY_TLDS:
        return COUNTRY_TLDS[parts[-1]]
    return None


def read_voice(resolver: ActorResolver, read: PhraseReader, title: str, text: str,
               url: str | None, published: date | None) -> Voice:
    """The voice of one document (see the module docstring).

    Args:
        resolver: resolves names to actors.
        read: reads the actors of a phrase (the coder's pipeline and resolver).
        title: the document's title.
        text: its clean text (only the first lines are read).
        url: where it was published (gives the government a spokesperson speaks for).
        published: the publication date (gives the office holder).

    Returns:
        The voice; empty when the document has none.
    """
    country = site_country(url)
    state = resolver.state_ref(resolver.gaz.country_name(country) or country) \
        if country else None
    head = [line.strip() for line in text.split("\n")[:6] if line.strip()][:3]
    if any(_ATTRIBUTED.search(line) for line in head):
        return Voice()  # a spokesperson's readout: its "we" is the principal reported
    for line in head:
        found = _BYLINE.match(line)
        if found and len(line) < 90:
            if _SPOKESPERSON.search(found.group(2)):
                return Voice(we=[state] if state else [])
            person = _person(resolver, found.group(1), published)
            if person is not None:
                return Voice(speaker=person, we=[state] if state else [])
    for line in head:
        found = _RELEASED.search(line)
        if found:
            signers = read(found.group(1), None)
            if len(signers) >= 2:
                return Voice(we=signers)
    found = _TITLE_BY.match(title.strip()) or _TITLE_BETWEEN.match(title.strip()) or \
        _TITLE_FIRST.match(title.strip())
    if found and not _SPOKESPERSON.search(found.group(1)):
        signers = read(_small_words_lower(found.group(1)), country)
        if len(signers) == 1 and signers[0].kind == "person":
            return Voice(speaker=signers[0], we=[state] if state else [])
        if len(signers) >= 2:
            return Voice(we=signers)
    return Voice(release_we=[state] if state else [])


class Turns:
    """Who speaks in each turn of a transcript ("PRIME MINISTER KISHIDA: I thank..."): the
    labelled speaker is "I" until the next label, their government "we" (both principals
    in joint remarks), and the other principal who spoke last (else next) "you"; a
    moderator's or a reporter's turn ("Q:", "MODERATOR:") has no voice of the document's.
    A document without labels keeps its own voice throughout."""

    def __init__(self, resolver: ActorResolver, read: PhraseReader, document: Voice,
                 site: str | None, published: date | None, doc: Doc, title: str = "") -> None:
        self.resolver, self.read = resolver, read
        self.current = self.document = document
        self.site, self.published = site, published
        self.title = title
        self._titled: list[ActorRef] | None = None
        self._seen: dict[str, Voice] = {}
        self._labels = {sent.start: _label(sent) for sent in doc.sents}
        self._order = [self._voice_of(label) for label in self._labels.values() if label]
        self._turn = -1

    def voice(self, sent: Span) -> Voice:
        """The voice of ``sent``: a new turn's when it opens with a speaker label."""
        label = self._labels.get(sent.start)
        if label:
            self._turn += 1
            self.current = self._voice_of(label)
            if self.current.speaker is not None:
                self.current = replace(self.current, hearer=self._hearer(self.current.speaker))
            elif label == REPORTER:
                # a reporter asks whoever answers: "after you met with Mr. Erdoğan"
                self.current = Voice(hearer=self._answerer(), asking=True)
        return self.current

    def _answerer(self) -> ActorRef | None:
        """The principal who answers a reporter's question: the next one who speaks, else
        the last one who did, else the document's speaker."""
        before, after = self._order[:self._turn][::-1], self._order[self._turn + 1:]
        return next((v.speaker for v in after + before if v.speaker is not None),
                    self.document.speaker)

    def _hearer(self, speaker: ActorRef) -> ActorRef | None:
        before, after = self._order[:self._turn][::-1], self._order[self._turn + 1:]
        for voice in before + after:
            if voice.speaker is not None and not _same(voice.speaker, speaker):
                return voice.speaker
        return None

    def _voice_of(self, label: str) -> Voice:
        if label not in self._seen:
            self._seen[label] = self._read(label)
        return self._seen[label]

    def _read(self, label: str) -> Voice:
        phrase = label.title()
        people = [r for r in self.read(phrase, self.site) if r.kind == "person"]
        unknown = people
        if len(people) == 1 and people[0].actor_id is None:
            # "PRIME MININSTER NETANYAHU": a title word the reader did not know (misspelt,
            # rare) taken into the name hides the person the label's last words name
            people = []
        words = phrase.split()
        for n in (3, 2, 1):  # "PRIME MINISTER DRAGHI": the tagger misses a bare surname
            if people:
                break
            name = " ".join(words[-n:])
            if len(words) > n and len(self.resolver.kb.find_person(name, self.published)) == 1:
                person = _person(self.resolver, name, self.published)
                people = [person] if person is not None else []
        people = people or unknown
        if not people or (len(people) == 1 and not people[0].country):
            # "FOREIGN MINISTER POPESCU:" in "Secretary Blinken and Moldovan Foreign Minister
            # Nicu Popescu Before Their Meeting": the title says who and whose the guest is
            titled = self._titled_person(words[-1]) if words else None
            people = [titled] if titled is not None else people
        site = self.resolver.state_of(self.site) if self.site else None
        if len(people) == 1:
            speaker = people[0]
            if any(_same(speaker, r) for r in self.document.we):
                # joint remarks ("Remarks by President Biden and Prime Minister Draghi"):
                # "we" is both principals, whoever speaks
                return Voice(speaker=speaker, we=list(self.document.we))
            state = self.resolver.state_of(speaker.country) if speaker.country else site
            return Voice(speaker=speaker, we=[state] if state else [])
        if "OFFICIAL" in label.upper() and site is not None:
            return Voice(we=[site])  # "SENIOR ADMINISTRATION OFFICIAL": the government
        return Voice()

    def _titled_person(self, surname: str) -> ActorRef | None:
        """The one person the document's title names with ``surname`` as their last name
        and a known country, or None: a transcript's label gives only a title and a
        surname, the title the full name and nationality ("Estonian Foreign Minister
        Eva-Maria Liimets"), and so the state a guest's "we" is (GUIDELINES 4)."""
        if self._titled is None:
            self._titled = title_people(self.read, self.title, self.site)
        found = [r for r in self._titled if r.country and
                 r.name.split()[-1].lower() == surname.lower()]
        return found[0] if len(found) == 1 else None


def title_people(read: PhraseReader, title: str, site: str | None) -> list[ActorRef]:
    """The people a document's title names with their country ("Secretary Antony J. Blinken
    and Swedish Foreign Minister Ann Linde Before Their Meeting"): the full names and
    nationalities that the text's "Foreign Minister Linde" and "FOREIGN MINISTER LINDE:"
    leave out."""
    if not title:
        return []
    # an office holder only: a businessman's "we" is no state's (GUIDELINES 4)
    return [r for r in read(_small_words_lower(title), site)
            if r.kind == "person" and r.country and r.office]


def _label(sent: Span) -> str | None:
    if _reporter_mark(sent):
        return REPORTER
    end = speaker_label_end(sent)
    return " ".join(t.text for t in sent.doc[sent.start:end - 1]) if end else None


REPORTER = "Q"
"""How White House transcripts mark a reporter's turn: "Q Mr. President, after you met
with ...", with no colon."""


def _reporter_mark(sent: Span) -> bool:
    """Whether a sentence opens a reporter's turn ("Q Did you ...", "Q: ...")."""
    return len(sent) > 2 and sent[0].text == REPORTER and sent[1].text != "."


def _same(a: ActorRef, b: ActorRef) -> bool:
    return participant_key(a) == participant_key(b)


def speaker_label_end(sent: Span) -> int | None:
    """End (token index) of a transcript speaker label opening the sentence ("SECRETARY
    BLINKEN:", "PRIME MINISTER BENNETT:"), or None."""
    if _reporter_mark(sent):
        return sent.start + (2 if sent[1].text == ":" else 1)
    for tok in sent[:8]:
        if tok.text == ":":
            words = [t for t in sent[:tok.i - sent.start] if t.is_alpha]
            if words and all(t.is_upper for t in words):
                return tok.i + 1
            return None
        if tok.is_alpha and not tok.is_upper and tok.text not in (".",):
            return None
    return None


def _small_words_lower(phrase: str) -> str:
    """A title-cased phrase with its small words in lower case, as a sentence writes them:
    "Prime Minister Draghi Of Italy" names Draghi, not "Draghi Of"."""
    words = phrase.split(" ")
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w
                    for i, w in enumerate(words))


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "at", "to", "with", "by"})


def _person(resolver: ActorResolver, name: str, on: date | None) -> ActorRef | None:
    people = resolver.kb.find_person(name.strip(), on)
    if not people:
        return None
    return resolver.refresh(resolver.person_ref(name.strip(), on), on)

