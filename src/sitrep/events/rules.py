"""Trigger rules: which words of a parsed sentence signal which event, with which arguments.

The rules are data (``data/events/triggers.yaml``); this module matches them on lemmas and
the dependency parse and reads each trigger's arguments:

* subject (``nsubj``), or the ``by`` agent of a passive verb, is the source;
* direct objects and the objects of the rule's target prepositions are the target;
* a trigger with no subject of its own borrows one from the verb it depends on ("agreed to
  meet", "has spoken ... and has met him"), or the object of an object-control verb
  ("invited Bennett to visit");
* a passive participle modifying a noun takes that noun as its object ("missiles launched by
  Israel into Syria": the missiles, launched by Israel, into Syria);
* conjuncts are followed ("Bennett met with Johnson and Macron").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.data import read_yaml
from spacy.tokens import Span, Token

from sitrep.actors.lexicon import ACTOR_WORDS
from sitrep.events.modality import WORDS as MODALITY_WORDS
from sitrep.events.modality import modality_of, spelled

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "events"
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "into")
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "pcomp"})
"""Dependencies that open a new clause: mode words and places are not looked for below them."""
OBJECT_CONTROL = frozenset({"invite", "urge", "ask", "order", "call", "press", "pressure",
                            "force", "allow", "encourage", "persuade", "tell", "help"})
CREDITED_DEEDS = frozenset({"AID", "SANCTION"})
"""Material acts that stay events of their own, done by the one credited with them, when named
as the deed someone is praised for (see ``credited_doers``)."""


@dataclass(frozen=True)
class TriggerRule:
    """One entry of ``triggers.yaml`` (see the file's header for the fields)."""

    id: str
    lemmas: frozenset[str]
    pos: str
    type: str
    mode: str | None = None
    modes: dict[str, str] = field(default_factory=dict)
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    """Objects that make the verb no event of the rule ("met the demands", "meet the goal")."""
    not_pobjs: frozenset[str] = frozenset()
    """Words whose presence as the object of a preposition of the trigger rules it out
    ("stepped down from the podium" is no resignation)."""
    particle: str | None = None
    requires: str | None = None
    not_preps: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = DEFAULT_TARGET_PREPS
    source_is_object: bool = False
    finite: bool = False
    """The trigger does not count as a gerund under a preposition ("Before resigning, X
    appointed Y", "In addition to stepping down, X said"): a backdrop to the clause's own
    event, told as its own elsewhere if at all."""
    needs_word: frozenset[str] = frozenset()
    membership: frozenset[str] = frozenset()
    """(bare nouns) an application to join a body, by these verbs ("join") and nouns
    ("membership"): its applicant is the "by"/"from" phrase or possessor, the body the one
    to join ("applications by Finland and Sweden to join NATO", "for NATO membership")."""
    intransitive: bool = False
    active: bool = False
    """The trigger counts only in the active voice ("workers struck", not "Kyiv was struck
    by missiles")."""
    passive: bool = False
    """The trigger counts only in the passive voice ("X is accused of murder", not "X accused
    Y of murder")."""
    as_words: frozenset[str] = frozenset()
    """The verb counts only when its "as" phrase is one of these ("designate Colombia *as a
    Major Non-NATO Ally*"), not when they are said elsewhere in the clause."""
    gerunds: frozenset[str] = frozenset()
    """The trigger counts only with a target preposition followed by one of these gerunds
    (or nouns), whose object is then a target ("looked forward *to hosting the Foreign
    Minister*", "to his *visit*")."""
    governors: frozenset[str] = frozenset()
    """Nominal triggers: verbs of statement that make this noun an event ("expressed
    *concern*", "reiterated his *support*"), besides the light verbs."""
    bare: bool = False
    """Nominal triggers: the noun is an event on its own, without a verb, when it names a
    participant ("Iran's recent missile attack on Erbil", "talks between A and B")."""
    named: bool = False
    """Bare nominal triggers: the noun is an event only as the capitalised name of a meeting
    that joins its sides with hyphens and was held ("the U.S.-India 2+2 Ministerial Dialogue
    held on April 11"): those sides are its participants (see ``named_meeting_sides``)."""
    owned: bool = False
    """Bare nominal triggers: the noun is an event only with its possessor and a target
    named ("Bulgaria's support to Ukraine"), the possessor its source."""
    object_infinitive: bool = False
    """The verb counts only with a named state, people or person as its direct object and an
    infinitive saying what it is to do ("told Serbia to recognise Kosovo"; "told reporters
    that ..." is no demand, "told the Pentagon to ..." an order at home)."""
    speaker_subject: bool = False
    """The verb counts only with "I" or "we" as its subject ("I count on Turkey to act"; "Ukraine
    can count on Germany" is Germany's pledge)."""
    mutual: bool = False
    """Sides named together as the subject fight each other ("India and Pakistan exchanged
    fire", "clashed"), not a third party."""
    answered: bool = False
    """(bare nouns) a request its addressee answers ("the American people are answering
    Zelenskyy's call for help", "complying with the Church's requests"): the owner (its
    possessor or "by"/"from" phrase, named) asks the answering verb's subject; with
    ``under``, the verbs of answering, whose object (or object of their preposition) it is."""
    crowd: bool = False
    """The verb counts only with a crowd as its subject ("Thousands of Serbians protested",
    "Farmers marched"): not a state's protest, not troops marching (``_crowd``).
    Bare nominal triggers: the noun counts only with a crowd as who makes it, its
    possessor or its "of" or "by" phrase ("the protesters' demands", "the demands of the
    students"; not "China's demand for oil"), see ``_crowd_claimants``."""
    doerless: bool = False
    """Bare nominal triggers: a deed often told with no doer known (a shooting, a stabbing)
    stands with its victim alone ("the shooting of a shopkeeper") or with only the named
    place where it happened ("condemned the mass shooting in Buffalo"), whose state is then
    the target (GUIDELINES 4: ASSAULT source null if unknown). (Not verbs: "a gunman shot
    shoppers", "was shot by a prisoner" name a doer the resolver often misses, and the
    victim alone then counts against precision on the training labels.)"""
    under: frozenset[str] = frozenset()
    """Bare nominal triggers: the noun is an event only as the object of one of these verbs
    ("condemned Russia's invasion of Ukraine"); named anywhere else it is context."""
    harmed_in: frozenset[str] = frozenset()
    """(bare ASSAULT nouns) verbs of harm in whose "in"/"during" phrase the noun is the
    attack that did it, told without its doer ("Three Ukrainian soldiers were killed in a
    Russian airstrike", "ten people died in Houthi shelling"): the noun is the event, and
    those harmed are its target when it names none (see ``harm_in_attack``)."""
    harmed_subjects: frozenset[str] = frozenset()
    """(with ``harmed_in``) those verbs of harm whose subject is the one harmed ("ten people
    died in the shelling"; "Russian forces killed ..." is who did it)."""
    harmed_of: frozenset[str] = frozenset()
    """(with ``harmed_in``) lemmas of nouns of firing on something whose "of" phrase names
    what was hit ("were killed in Russian shelling of Kharkiv"); only there, as "the
    shelling of the city by rebels" otherwise is read as before."""
    not_naming: bool = False
    """The trigger does not count when it names its object ("called Biden a decent man":
    an object and a predicate of it that is no name, see ``_names_object``)."""
    topic_object: bool = False
    """The direct object is what is talked about, no party ("discussed Gaza with Sunak")."""
    needs_infinitive: frozenset[str] = frozenset()
    """Lemmas one of which the trigger's infinitive must have ("readiness to *respond*" is a
    threat, "readiness to engage" a promise; of a verb, "vowed to *retaliate*")."""
    infinitive: bool | None = None
    """Nominal triggers: True when the noun counts only with an infinitive after it ("its
    *willingness* to engage"), False when it counts only without one."""
    pleasantry: bool = False
    """The trigger counts only as the infinitive of a word of pleasure ("it's good *to see*
    you", see ``pleasure_infinitive``)."""
    not_complements: frozenset[str] = frozenset()
    """The trigger is no event with an infinitive of one of these lemmas ("declined to
    comment" refuses the press an answer, no one's demand); it still holds what its clause
    says ("refused to comment on reports that ...")."""
    residents: bool = False
    """A restriction on a whole population (curfew, lockdown, state of emergency): with no
    one named, it binds the residents of the place, or of the restricting state."""
    warning: bool = False
    """The trigger counts only as said of what will or would happen ("the United States
    *would respond* swiftly to any further aggression"): a warning, not a past deed."""
    warned_subject: bool = False
    """The trigger's subject is the one warned, by whoever says the clause ("Russia *will
    pay* a heavy price": the speaker threatens Russia)."""
    promise: str | None = None
    """What the trigger said of the future is: ``also`` a promise besides what it says
    otherwise ("will stay in close contact", "plan to stay in touch" promise now what
    "agreed to stay in touch" agrees), ``only`` a promise, the trigger being no event said
    of the present or past ("will continue to work with Jamaica" promises cooperation,
    "is working with Jamaica" reports it)."""
    threat: bool = False
    """What the trigger said of the future is a threat (THREATEN) of the punishment it names:
    "we will hold Russia accountable", "said he would sue the governor" warn now of a
    lawsuit or a reckoning to come; carried on ("will continue to hold Russia accountable")
    it is the one already under way."""
    refusal: str | None = None
    """What the trigger negated is: ``also`` a refusal (REJECT) besides what it says otherwise
    ("has yet to concede the election", "did not accept the offer" refuse what "conceded",
    "accepted" grant), ``only`` a refusal, the trigger being no event unless negated ("did
    not accede to their demands")."""
    predicates: frozenset[str] = frozenset()
    """The verb counts only with a predicate of its object headed by one of these words,
    however the parser hangs it: an object complement, a small clause whose subject is the
    object ("*holds* Belarus *accountable*"), or a "to" phrase ("*hold* the regime *to
    account*"); "held in custody" and "held talks" are no such predicate."""
    doers: bool = False
    """Nominal triggers: the addressee is only one named as who is to act, the subject of a
    verb in the noun's phrase, or where it is to be done ("stressed the importance *of
    Israel taking steps*", "the need *for Russia to withdraw*", "of a ceasefire *in
    Yemen*"); see ``_doer``."""
    experiencer: bool = False
    """A state of mind said of its subject ("is deeply *concerned* about", "was
    *disappointed* by"): the trigger counts only as a predicate (an adjective after a
    copula, or a passive participle); the subject, passive or not, is the source, and what
    caused the state (the "by" agent, the target prepositions, the "that" clause) the
    target (see ``experiencer_arguments``)."""


@dataclass(frozen=True)
class RuleSet:
    """All trigger rules, indexed by lemma."""

    verbs: dict[str, tuple[TriggerRule, ...]]
    nouns: dict[str, tuple[TriggerRule, ...]]
    adjectives: dict[str, tuple[TriggerRule, ...]]
    """Predicative adjectives with an infinitive ("is willing to withdraw")."""
    light_verbs: frozenset[str]
    version: str
    """Hash of the rules file: part of the coder version."""
    content_modes: dict[str, tuple[tuple[str, frozenset[str]], ...]] = \
        field(default_factory=dict)
    """Per event type, (mode, words) in order: the first word of what is asked or threatened
    that one of them lists gives the mode ("urged Russia to de-escalate" -> yield)."""
    content_defaults: dict[str, str] = field(default_factory=dict)
    """Per event type, the mode of a content no word of ``content_modes`` names."""
    act_phrases: dict[str, str] = field(default_factory=dict)
    """Verb -> the preposition whose phrase names an act done ("returned *from* a trip to
    Oman", "entered *into* an agreement")."""
    instrument_verbs: frozenset[str] = frozenset()
    """Verbs whose "with" phrase names the act ("hit Russia with sanctions", "retaliated
    with tariffs"): the noun is the event, the verb's object its target."""
    title_modes: tuple[tuple[re.Pattern[str], str], ...] = ()
    """(pattern, mode): title words that give the mode of an unqualified "spoke with"."""
    title_mode_lemmas: frozenset[str] = frozenset()
    modal_request_verbs: frozenset[str] = frozenset()
    """Verbs of saying that make "must"/"should" in their clause a REQUEST."""
    modal_request_aux: frozenset[str] = frozenset()
    modal_request_not_acts: frozenset[str] = frozenset()
    """Verbs that under "must"/"should" ask no act: what one must expect, know or understand
    is a warning of what is coming ("told Lavrov that he must expect a firm response")."""
    wishing_verbs: frozenset[str] = frozenset()
    """Verbs whose infinitive with a subject of its own asks it of them ("wants the UK to
    extradite Assange")."""
    quote_verbs: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    """Verbs of warning, whose subject says the warning their clause spells out ("Biden
    warned that the United States would respond": Biden warns)."""
    """Verbs whose subject speaks a news article's quotation ("Cornyn said: 'I ...'")."""
    deed_nouns: dict[str, str] = field(default_factory=dict)
    """Nouns of a deed -> the event type that did it ("the visit" -> CONSULT): a definite one
    with no owner points back at the article's latest such deed."""
    answered_nouns: frozenset[str] = frozenset()
    """Nouns of what a refusal answers ("calls", "allegations"): told with an owner, a later
    definite one with none is that owner's ("UN calls ... rejected these calls")."""
    denied_nouns: frozenset[str] = frozenset()
    """Nouns of an accusation a denial names ("denied these allegations"): a body told
    again by its head noun answers its accuser only in a denial that names one."""
    statement_nouns: frozenset[str] = frozenset()
    """Nouns of a statement whose "by" phrase is a passive's agent ("condemned in a joint
    statement by Egypt"), and whose owners speak when it is a subject ("A statement from the
    Kremlin accused ...")."""
    issuing_verbs: frozenset[str] = frozenset()
    """Verbs whose subject makes the statement their object names ("The ministry issued a
    statement"): "The statement" of a later sentence is that subject's."""
    blame_valence: float = -1.0
    """The valence (VADER's compound score) at or below which a clause someone says blames
    its subject (``speech.quoted_blame``); -1 turns the rule off."""
    undergo_verbs: frozenset[str] = frozenset()
    """Verbs whose subject undergoes what the clause says ("the SDF suffered casualties"):
    the clause blames no one."""
    naming_verbs: frozenset[str] = frozenset()
    """Verbs that name what their object is ("called the deal 'lousy'", "described the
    ruling as a disgrace"): said in hostile words, criticism of the object
    (``speech.naming_blame``)."""
    naming_valence: float = -1.0
    """The valence at or below which the name given blames; -1 turns the rule off."""
    hostile_names: frozenset[str] = frozenset()
    """Heads of names of contempt VADER scores as neutral ("a traitor", "a dictator")."""
    deed_light_nouns: frozenset[str] = frozenset()
    """Nouns that name a deed by the kind in their "of" phrase ("an act of barbarity"): a
    hostile name by that kind (``speech.naming_blame``)."""
    blame_predicates: frozenset[str] = frozenset()
    """Heads of a predicate after a copula that judge its subject hostile ("is inhumane",
    "is a violation of"): said in a document's own voice, blame (``speech.voiced_blame``)."""
    blame_verbs: frozenset[str] = frozenset()
    """Verbs whose subject, an actor's deed of ``blame_deeds``, the document's voice blames
    ("Russia's aggression undermines the global order")."""
    blame_deeds: frozenset[str] = frozenset()
    """Nouns of a hostile deed whose harm a verb of ``blame_verbs`` tells ("Russia's
    aggression undermines ..."); an actor or a group doing the verb is not blamed by it
    ("Ukraine's defenders inflict heavy losses")."""
    responsible_words: frozenset[str] = frozenset()
    """Adjectives that lay a harm in their "for" phrase on the subject ("is responsible for
    the abuses")."""
    two_party_types: frozenset[str] = frozenset()
    """Types coded only with at least two participants (a statement needs its addressee)."""
    platforms: frozenset[str] = frozenset()
    """Services statements are published on ("on Twitter"): a medium, not an addressee."""
    founding_words: frozenset[str] = frozenset()
    """Verbs and nouns of bringing a body into being ("convene the Working Group", "the
    establishment of a task force"): what they create is no party to the event."""
    commemorations: frozenset[str] = frozenset()
    """Nouns of an occasion marked ("the anniversary of relations between A and B"): no
    party's deed unless owned."""
    directed_types: frozenset[str] = frozenset()
    """Two-party types whose second party must be the one acted upon or addressed, not a
    second agent ("the FAA and the NTSB began investigations" names no one investigated)."""
    bilateral_occasions: frozenset[str] = frozenset()
    side_meetings: frozenset[str] = frozenset()
    """Occasions whose meetings are bilateral ones on the sidelines ("summit")."""
    sequence_adverbs: frozenset[str] = frozenset()
    """Adverbs that tell a contact's partners one after another ("met A, then B")."""
    pleasure_words: frozenset[str] = frozenset()
    """Words of pleasure whose infinitive is a greeting in the speaker's own voice ("It's a
    *pleasure* to welcome ...", "*good* to see you")."""
    firm_predicates: frozenset[str] = frozenset()
    """Predicates of a firm position ("our commitment is *ironclad*"), see ``_firm_subject``."""
    solidarity_verbs: frozenset[str] = frozenset()
    """Copulas of solidarity said as being with someone ("Our thoughts are with X")."""
    solidarity_subjects: frozenset[str] = frozenset()
    """Their subjects: the speaker, or the speaker's thoughts or prayers (lemmas)."""
    spoken_titles: tuple[str, ...] = ()
    """How the titles of spoken documents begin ("remarks by"): there a speaker's "we"
    states the speaker's own position."""
    counterpart_requests: frozenset[str] = frozenset()
    """Verbs of urging whose unaddressed appeal goes to the other side of a readout's
    two-party contact ("urged de-escalation")."""
    request_addressees: frozenset[str] = frozenset()
    """Plural nouns (lemmas) whose unnamed many a request is addressed to ("urged states")."""
    world_request_adjectives: frozenset[str] = frozenset()
    """Adjectives of a needed response that make the world its addressee ("international")."""
    world_request_nouns: frozenset[str] = frozenset()
    """Nouns of a needed response or support ("the need for an international response")."""
    world_addressee: str = ""
    """The gazetteer name of the group a need of the world is addressed to."""
    separate_contact_words: frozenset[str] = frozenset()
    """Words by which a sentence tells a contact apart from a larger meeting of the same day
    ("Biden also spoke separately with Scholz"): then the pair is a contact of its own."""
    credit_lemmas: frozenset[str] = frozenset()
    effort_nouns: frozenset[str] = frozenset()
    joining_verbs: frozenset[str] = frozenset()
    """Verbs whose object shares the act of their "in" gerund ("joined Macron in urging")."""
    """Nouns of an ongoing common effort ("coordination", "efforts"): a request that is
    their content is being made, even under an agreement to keep it up."""
    """Praise verbs whose "for <state>'s ..." phrase names the state praised ("thanked the
    Foreign Minister for Qatar's generosity" praises Qatar), and whose object did the deed
    they praise ("thanked Chile for imposing sanctions", see ``credited_doers``)."""
    presence_verbs: frozenset[str] = frozenset()
    """Verbs whose gerund after thanks ("for being here", "for hosting us") thanks for
    someone's presence, a courtesy of the visit rather than praise."""
    courtesy_nouns: frozenset[str] = frozenset()
    """Nouns of the occasion itself whose thanks are a courtesy as well ("for this
    opportunity to meet", "for these discussions", "for your time")."""
    topic_verbs: frozenset[str] = frozenset()
    """Verbs whose object is a topic talked about ("discussed ways to support"): a verbal
    trigger inside it takes no position."""
    agenda_verbs: frozenset[str] = frozenset()
    """Verbs of talking whose first-person future with a topic is an agenda ("We'll talk
    about X"), no plan to meet."""
    standing_positions: frozenset[str] = frozenset()
    """Verbs of a position held ("oppose"): in the simple present with no time of its own
    ("She opposes the police state"), a stance someone has, no statement made."""
    relationship_words: frozenset[str] = frozenset()
    """Nouns of an existing relationship ("partnership"): support of one supports no one."""
    commitment_words: frozenset[str] = frozenset()
    """Words of support or commitment (not praise) that ``relationship_words`` applies to."""
    court_filings: frozenset[str] = frozenset()
    """Nouns of what a party brings before a court ("lawsuit", "appeal", "motion"): a court
    refusing one rejects whoever brought it, for its state when unnamed."""
    deciding_verbs: frozenset[str] = frozenset()
    """Verbs of deciding ("rule"): with only an "on" phrase ("ruled on the appeal") they
    name the matter decided, no finding against anyone."""

    def title_mode(self, title: str) -> str | None:
        """The contact mode an article title announces ("Readout of ...'s Call with ...").

        Args:
            title: the article title.

        Returns:
            ``phone``, ``meeting``... or None when the title names no contact.
        """
        for pattern, mode in self.title_modes:
            if pattern.search(title):
                return mode
        return None

    @property
    def lemmas(self) -> frozenset[str]:
        """Every trigger lemma (verbs and nouns)."""
        return frozenset(self.verbs) | frozenset(self.nouns) | frozenset(self.adjectives)


@dataclass
class Trigger:
    """A rule matched on a token."""

    rule: TriggerRule
    token: Token
    governor: Token | None = None
    """For a nominal trigger, the light verb governing it ("held" in "held talks")."""
    mode: str | None = None
    bare: bool = False
    """A nominal trigger standing without a verb ("Iran's missile attack on Erbil")."""
    occasion: bool = False
    """A nominal contact that is the occasion of its governing verb ("discussed the deal with
    Erdogan *in a phone call*", see ``_occasion_verb``): the verb's own objects are
    partners, as in "told Xi", and the verb may be an event of its own ("thanked")."""

    @property
    def anchor(self) -> Token:
        """The token whose clause the event sits in: the governor, else the trigger."""
        return self.governor if self.governor is not None else self.token

    @property
    def instrumental(self) -> bool:
        """Whether a nominal trigger is the act its governor's "with" phrase names ("hit
        Russia *with sanctions*": see ``instrument``)."""
        return self.governor is not None and self.token.dep_ == "pobj" and \
            self.token.head.lower_ == "with"


def _rule(raw: dict[str, Any], pos: str) -> TriggerRule:
    return TriggerRule(
        id=raw["id"], lemmas=frozenset(raw["lemmas"]), pos=pos, type=raw["type"],
        mode=raw.get("mode"), modes=dict(raw.get("modes") or {}),
        objects=frozenset(raw.get("objects") or ()),
        not_objects=frozenset(raw.get("not_objects") or ()), particle=raw.get("particle"),
        not_pobjs=frozenset(raw.get("not_pobjs") or ()),
        requires=raw.get("requires"), not_preps=frozenset(raw.get("not_preps") or ()),
        preps=frozenset(raw.get("preps") or ()),
        target_preps=tuple(raw.get("target_preps") or DEFAULT_TARGET_PREPS),
        source_is_object=bool(raw.get("source_is_object", False)),
        finite=bool(raw.get("finite", False)),
        membership=frozenset(raw.get("membership") or ()),
        needs_word=frozenset(raw.get("needs_word") or ()),
        intransitive=bool(raw.get("intransitive", False)),
        active=bool(raw.get("active", False)),
        passive=bool(raw.get("passive", False)),
        gerunds=frozenset(raw.get("gerunds") or ()),
        as_words=frozenset(raw.get("as_words") or ()),
        governors=frozenset(raw.get("governors") or ()),
        infinitive=raw.get("infinitive"),
        bare=bool(raw.get("bare", False)),
        owned=bool(raw.get("owned", False)),
        named=bool(raw.get("named", False)),
        under=frozenset(raw.get("under") or ()),
        answered=bool(raw.get("answered", False)),
        crowd=bool(raw.get("crowd", False)),
        doerless=bool(raw.get("doerless", False)),
        mutual=bool(raw.get("mutual", False)),
        speaker_subject=bool(raw.get("speaker_subject", False)),
        object_infinitive=bool(raw.get("object_infinitive", False)),
        not_naming=bool(raw.get("not_naming", False)),
        harmed_in=frozenset(raw.get("harmed_in") or ()),
        harmed_of=frozenset(raw.get("harmed_of") or ()),
        harmed_subjects=frozenset(raw.get("harmed_subjects") or ()),
        topic_object=bool(raw.get("topic_object", False)),
        needs_infinitive=frozenset(raw.get("needs_infinitive") or ()),
        pleasantry=bool(raw.get("pleasantry", False)),
        experiencer=bool(raw.get("experiencer", False)),
        not_complements=frozenset(raw.get("not_complements") or ()),
        warning=bool(raw.get("warning", False)),
        warned_subject=bool(raw.get("warned_subject", False)),
        residents=bool(raw.get("residents", False)),
        promise=raw.get("promise"),
        refusal=raw.get("refusal"),
        threat=bool(raw.get("threat", False)),
        doers=bool(raw.get("doers", False)),
        predicates=frozenset(raw.get("predicates") or ()),
    )


@lru_cache(maxsize=4)
def load_rules(path: Path = DATA_DIR / "triggers.yaml") -> RuleSet:
    """Read and index a trigger file.

    Args:
        path: the YAML file (the bundled ``triggers.yaml`` by default).

    Returns:
        The indexed rules, in file order per lemma (earlier entries win).
    """
    import hashlib

    text = path.read_text("utf-8")
    raw = read_yaml(text)
    verbs: dict[str, list[TriggerRule]] = {}
    nouns: dict[str, list[TriggerRule]] = {}
    adjectives: dict[str, list[TriggerRule]] = {}
    for key, index, pos in (("verbs", verbs, "VERB"), ("nouns", nouns, "NOUN"),
                            ("adjectives", adjectives, "ADJ")):
        for entry in raw.get(key) or ():
            rule = _rule(entry, pos)
            for lemma in rule.lemmas:
                index.setdefault(lemma, []).append(rule)
    return RuleSet(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        adjectives={k: tuple(v) for k, v in adjectives.items()},
        light_verbs=frozenset(raw["light_verbs"]),
        instrument_verbs=frozenset(raw.get("instrument_verbs") or ()),
        act_phrases={str(k): str(v) for k, v in (raw.get("act_phrases") or {}).items()},
        content_modes={etype: tuple((str(mode), frozenset(str(w) for w in words))
                                    for mode, words in table.items())
                       for etype, table in (raw.get("content_modes") or {}).items()},
        content_defaults={str(k): str(v) for k, v in
                          (raw.get("content_mode_defaults") or {}).items()},
        version=hashlib.sha256(text.encode()).hexdigest()[:10],
        title_modes=tuple((_title_pattern(e["words"]), str(e["mode"]))
                          for e in raw.get("title_modes") or ()),
        title_mode_lemmas=frozenset(raw.get("title_mode_lemmas") or ()),
        modal_request_verbs=frozenset((raw.get("modal_requests") or {}).get("verbs") or ()),
        modal_request_aux=frozenset((raw.get("modal_requests") or {}).get("modals") or ()),
        modal_request_not_acts=frozenset(
            (raw.get("modal_requests") or {}).get("not_acts") or ()),
        wishing_verbs=frozenset((raw.get("modal_requests") or {}).get("wishes") or ()),
        quote_verbs=frozenset(raw.get("quote_verbs") or ()),
        warning_verbs=frozenset(raw.get("warning_verbs") or ()),
        statement_nouns=frozenset(raw.get("statement_nouns") or ()),
        issuing_verbs=frozenset(raw.get("issuing_verbs") or ()),
        answered_nouns=frozenset(raw.get("answered_nouns") or ()),
        denied_nouns=frozenset(raw.get("denied_nouns") or ()),
        deed_nouns={str(k): str(v) for k, v in (raw.get("deed_nouns") or {}).items()},
        blame_valence=float((raw.get("quoted_blame") or {}).get("valence", -1.0)),
        undergo_verbs=frozenset((raw.get("quoted_blame") or {}).get("undergo_verbs") or ()),
        naming_verbs=frozenset((raw.get("quoted_blame") or {}).get("naming_verbs") or ()),
        naming_valence=float((raw.get("quoted_blame") or {}).get("naming_valence", -1.0)),
        hostile_names=frozenset((raw.get("quoted_blame") or {}).get("hostile_names") or ()),
        deed_light_nouns=frozenset((raw.get("quoted_blame") or {}).get("deed_light_nouns")
                                   or ()),
        blame_predicates=frozenset((raw.get("voiced_blame") or {}).get("predicates") or ()),
        blame_verbs=frozenset((raw.get("voiced_blame") or {}).get("verbs") or ()),
        blame_deeds=frozenset((raw.get("voiced_blame") or {}).get("deeds") or ()),
        responsible_words=frozenset((raw.get("voiced_blame") or {}).get("responsible") or ()),
        bilateral_occasions=frozenset(raw.get("bilateral_occasions") or ()),
        side_meetings=frozenset(raw.get("side_meetings") or ()),
        sequence_adverbs=frozenset(raw.get("sequence_adverbs") or ()),
        two_party_types=frozenset(raw.get("two_party_types") or ()),
        directed_types=frozenset(raw.get("directed_types") or ()),
        platforms=frozenset(str(w).lower() for w in raw.get("platforms") or ()),
        founding_words=frozenset(raw.get("founding_words") or ()),
        commemorations=frozenset(raw.get("commemorations") or ()),
        separate_contact_words=frozenset(raw.get("separate_contact_words") or ()),
        credit_lemmas=frozenset(raw.get("credit_lemmas") or ()),
        effort_nouns=frozenset(raw.get("effort_nouns") or ()),
        joining_verbs=frozenset(raw.get("joining_verbs") or ()),
        presence_verbs=frozenset(raw.get("presence_verbs") or ()),
        courtesy_nouns=frozenset(raw.get("courtesy_nouns") or ()),
        topic_verbs=frozenset(raw.get("topic_verbs") or ()),
        agenda_verbs=frozenset(raw.get("agenda_verbs") or ()),
        standing_positions=frozenset(raw.get("standing_positions") or ()),
        relationship_words=frozenset(raw.get("relationship_words") or ()),
        commitment_words=frozenset(raw.get("commitment_words") or ()),
        court_filings=frozenset(raw.get("court_filings") or ()),
        deciding_verbs=frozenset(raw.get("deciding_verbs") or ()),
        counterpart_requests=frozenset(raw.get("counterpart_requests") or ()),
        request_addressees=frozenset(raw.get("request_addressees") or ()),
        world_request_adjectives=frozenset((raw.get("world_requests") or {}).get("adjectives")
                                           or ()),
        world_request_nouns=frozenset((raw.get("world_requests") or {}).get("nouns") or ()),
        world_addressee=str((raw.get("world_requests") or {}).get("addressee") or ""),
        pleasure_words=frozenset(raw.get("pleasure_words") or ()),
        firm_predicates=frozenset(raw.get("firm_predicates") or ()),
        solidarity_verbs=frozenset((raw.get("solidarity_with") or {}).get("verbs") or ()),
        solidarity_subjects=frozenset((raw.get("solidarity_with") or {}).get("subjects") or ()),
        spoken_titles=tuple(str(w).lower() for w in raw.get("spoken_titles") or ()),
    )


MODAL_REQUEST = TriggerRule(id="request.modal", lemmas=frozenset(), pos="VERB", type="REQUEST",
                            requires="target")
"""The rule behind "X said Y must ...": source the speaker, target the clause's subject."""

SOLIDARITY_WITH = TriggerRule(id="support.with", lemmas=frozenset(), pos="VERB", type="SUPPORT",
                              requires="target", target_preps=("with",))
"""The rule behind "Our thoughts are with X", "We are with you" (see ``solidarity_with``)."""


def _title_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                            for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+(?:with|between)(?!\w)", re.IGNORECASE)


def find_triggers(sent: Span, rules: RuleSet) -> list[Trigger]:
    """Every rule matched in a sentence, at most one per token (the first that fits).

    Args:
        sent: a parsed sentence.
        rules: the trigger rules.

    Returns:
        The triggers in text order.
    """
    found: list[Trigger] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        bare = next((r for r in rules.adjectives.get(lemma, ()) if r.pleasantry), None)
        if bare is not None and _bare_greeting(tok, bare):
            found.append(Trigger(bare, tok, mode=bare.mode))
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            for rule in rules.verbs.get(lemma, ()):
                if _verb_fits(rule, tok) and (not rule.pleasantry or
                                              pleasure_infinitive(tok, rules.pleasure_words)):
                    found.append(Trigger(rule, tok, mode=_mode(rule, tok)))
                    break
        elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod") and \
                any(c.dep_ == "xcomp" for c in tok.children):
            for rule in rules.adjectives.get(lemma, ()):
                if not rule.pleasantry and not rule.experiencer and \
                        _adjective_infinitive_fits(rule, tok):
                    found.append(Trigger(rule, tok, mode=rule.mode))
                    break
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            for rule in rules.adjectives.get(lemma, ()):
                if rule.experiencer and _verb_fits(rule, tok):
                    found.append(Trigger(rule, tok, mode=rule.mode))
                    break
        elif tok.pos_ in ("NOUN", "PROPN"):
            light = _noun_governor(tok, rules)
            claimed = frozenset().union(*(r.needs_infinitive
                                          for r in rules.nouns.get(lemma, ())))
            for rule in rules.nouns.get(lemma, ()):
                if not _under_fits(rule, tok):
                    continue
                occasion = None if light else _occasion_verb(tok, rule)
                governor = light or _statement_governor(tok, rule, rules.firm_predicates) \
                    or occasion
                if governor is not None and _noun_fits(rule, tok, governor) and \
                        _infinitive_fits(rule, tok, claimed):
                    # "during their meeting", "following Iran's attack": the noun stands
                    # for itself, and names its participants if a rule lets it
                    alone = governor is tok and rule.bare and \
                        nominal_participants(tok, rule) is not None
                    found.append(Trigger(rule, tok, governor if governor is not tok else None,
                                         mode=_mode(rule, tok), bare=alone,
                                         occasion=governor is occasion))
                    break
                if governor is None and rule.bare and _noun_fits(rule, tok, tok) and \
                        nominal_participants(tok, rule):
                    found.append(Trigger(rule, tok, None, mode=_mode(rule, tok), bare=True))
                    break
    taken = {t.token.i for t in found}
    for tok in sent:
        if tok.i not in taken and (tok.lemma_.lower() in rules.modal_request_verbs and any(
                c.dep_ == "ccomp" and _demanded(c, rules.modal_request_aux)
                and not _no_act_asked(c, rules.modal_request_not_acts)
                for c in tok.children) or tok.lemma_.lower() in rules.wishing_verbs and any(
                c.dep_ in ("ccomp", "xcomp") and _demanded(c, frozenset({"to"}))
                and c.lemma_.lower() in rules.lemmas
                and any(s.dep_ in SUBJECT_DEPS for s in c.children) for c in tok.children)):
            found.append(Trigger(MODAL_REQUEST, tok))
        elif tok.i not in taken and _solidarity_with(tok, rules):
            found.append(Trigger(SOLIDARITY_WITH, tok))
    found.sort(key=lambda t: t.token.i)
    return found


def _solidarity_with(verb: Token, rules: RuleSet) -> bool:
    """Whether a copula says solidarity as being with someone: in the present, its subject
    the speaker or the speaker's thoughts, prayers or heart, its "with" phrase naming whom
    ("Our thoughts are with the victims", "We are with you"; not "I was with him when he
    died", "We are here with the President", "we are with the delegation in Paris")."""
    if verb.lemma_.lower() not in rules.solidarity_verbs or verb.dep_ in ("aux", "auxpass") \
            or verb.tag_ not in ("VBP", "VBZ", "VB"):
        return False
    kids = list(verb.children)
    subject = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in rules.solidarity_subjects and \
            subject.lower_ not in rules.solidarity_subjects:
        return False
    if any(c.dep_ in ("advmod", "prep") and c.lower_ in ("here", "there")
           or c.dep_ in ("acomp", "attr", "xcomp", "ccomp", "advcl")
           or c.dep_ == "prep" and c.lower_ != "with" and not _in_thoughts(c, rules)
           for c in kids):
        # (nor company kept at a place or for a purpose: "we are with Secretary Austin at
        # the Pentagon today", "I am with Scholz to discuss Ukraine")
        return False
    if any(t.dep_ == "pobj" and t.ent_type_ in ("GPE", "LOC", "FAC")
           and t.head.lower_ in ("in", "at") for t in verb.subtree):
        return False  # "we are with the President in Nairobi" tells where
    return any(c.dep_ == "prep" and c.lower_ == "with" and
               any(p.dep_ == "pobj" for p in c.children) for c in kids)


def pleasure_infinitive(verb: Token, words: frozenset[str]) -> bool:
    """Whether a verb is the infinitive of a word of pleasure, the opening of remarks
    that greets the other side ("It's a pleasure to be able to receive ...", "I'm
    delighted to have ... here", "it's good to see you"): whoever takes the pleasure is
    the one who receives or sees."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acl", "relcl", "advcl") or cur.tag_ != "VB" or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            return False
        cur = cur.head
        # "it's good to see": the infinitive hangs on the copula, beside the pleasure (the
        # small model lemmatizes "it’s" with a curly apostrophe as "’")
        copula = cur.lemma_ == "be" or spelled(cur) == "'s"
        said = [cur] + [c for c in cur.children if c.dep_ in ("attr", "acomp", "dobj")] \
            if copula else [cur]
        if any(w.lemma_.lower() in words or w.lower_ in words for w in said):
            return True
        if cur.lemma_.lower() == "able":  # "a pleasure to be able to receive"
            cur = cur.head
        elif not copula:
            return False
    return False


def _bare_greeting(tok: Token, rule: TriggerRule) -> bool:
    """Whether a word greets on its own to a named place, with no one saying it ("Secretary
    X, *welcome* to Jerusalem"; not "we welcome you", "welcomed the deal", "is welcome to
    join" or "welcome to the talks")."""
    kids = list(tok.children)
    placed = any(p.ent_type_ for c in kids if c.dep_ == "prep" and c.lower_ in rule.preps
                 for p in c.children if p.dep_ == "pobj")
    return placed and tok.lower_ == tok.lemma_.lower() and \
        tok.tag_ in ("JJ", "VB", "VBP", "UH") and not any(
            c.dep_ in ("aux", "xcomp") or (c.dep_ == "dobj" and _may_be_actor(c))
            or (c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON") for c in kids)


def _no_act_asked(clause: Token, not_acts: frozenset[str]) -> bool:
    """Whether a clause under "must" asks only what one must expect, know or understand,
    no act: "Russia must understand the risks" (but "must understand the risks and must
    withdraw" asks the withdrawal)."""
    return all(v.lemma_.lower() in not_acts for v in [clause, *clause.conjuncts]
               if v.pos_ in ("VERB", "AUX"))


def _demanded(clause: Token, modals: frozenset[str]) -> bool:
    """Whether a clause says what must be done ("Russia must withdraw"): a modal after its
    subject; one before it is a condition ("costs on Russia, should it pursue ...")."""
    subjects = [c.i for c in clause.children if c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS]
    return any(a.dep_ == "aux" and a.lower_ in modals and not any(i > a.i for i in subjects)
               for a in clause.children)


def _verb_fits(rule: TriggerRule, tok: Token) -> bool:
    kids = list(tok.children)
    if rule.experiencer and not (tok.dep_ == "acomp" or (
            tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids))):
        return False  # "the talks concerned trade", "concerned citizens": no one's state
    # "called Putin on Thursday" is no "call on": a preposition of a date does not count
    preps = {c.lower_ for c in kids if c.dep_ in ("prep", "prt", "agent")
             and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)}
    # "called for Russia to cease all hostilities": the small model makes "for" the mark of
    # the infinitive clause, no preposition of the verb
    preps |= {"for"} if _for_infinitives(tok) else set()
    if rule.particle and not any(c.lower_ == rule.particle for c in kids
                                 if c.dep_ in ("prt", "advmod", "prep")):
        return False
    if rule.finite and _prepositional_gerund(tok):
        return False
    # "is seeking Assange's extradition from the UK": the phrase of what is sought counts
    if rule.not_preps & preps or (rule.preps and not rule.preps & (preps | {
            c.lower_ for o in kids if o.dep_ == "dobj" for c in o.children
            if c.dep_ == "prep"})):
        return False
    if rule.not_naming and _names_object(tok):
        return False
    if rule.gerunds and not any(
            g.lemma_.lower() in rule.gerunds for c in kids if c.dep_ == "prep"
            and c.lower_ in rule.target_preps for g in c.children if g.dep_ in ("pcomp", "pobj")):
        return False
    if rule.objects and not any(w.lemma_.lower() in rule.objects or w.lower_ in rule.objects
                                for o in objects_of(tok) for w in _object_words(o)):
        return False
    if rule.not_objects and any(w.lemma_.lower() in rule.not_objects or
                                w.lower_ in rule.not_objects
                                for o in kids if o.dep_ in ("dobj", "nsubjpass")
                                for w in _object_words(o)):
        return False  # "met the demands" (an "on" phrase is what a meeting was about)
    if rule.not_pobjs and any(p.lemma_.lower() in rule.not_pobjs for c in kids
                              if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
        return False  # "stepped down from the podium"
    if rule.as_words and not any(p.lemma_.lower() in rule.as_words for c in kids
                                 if c.dep_ == "prep" and c.lower_ == "as"
                                 for p in c.children if p.dep_ == "pobj"):
        return False
    if rule.intransitive and any(c.dep_ in ("dobj", "ccomp") and not _relative_adverb(c)
                                 for c in kids):
        return False  # "demonstrating that it stands for freedom" is no demonstration
    if rule.active and is_passive(tok):
        return False
    if rule.passive and not is_passive(tok):
        return False
    if rule.requires == "state_destination" and not any(
            # the small model leaves some cities untagged ("travelled to Odesa"): the coder
            # reads those the gazetteer knows as big cities
            p.ent_type_ == "GPE" or (p.pos_ == "PROPN" and not p.ent_type_)
            for c in kids if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children if p.dep_ == "pobj"):
        return False
    if rule.crowd and not any(_crowd(c) for c in kids if c.dep_ == "nsubj"):
        return False
    if rule.object_infinitive and not (
            # a state, people or a person told: "told the Pentagon to send weapons" orders
            # one's own government (no event), "told reporters to expect" informs
            any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "NORP", "PERSON") for c in kids)
            and any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                          for a in c.children) for c in kids)):
        return False
    if rule.speaker_subject and not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we")
                                        for c in kids):
        return False
    if rule.requires == "actor_object" and not any(_may_be_actor(o) for o in objects_of(tok)):
        return False
    if rule.requires == "summit_body" and not _names_a_body(tok, rule.needs_word):
        return False
    if rule.predicates and not any(p.lemma_.lower() in rule.predicates
                                   for p in _object_predicates(tok)):
        return False
    if rule.needs_infinitive and not _verb_infinitive_fits(rule, tok):
        return False
    return _words_fit(rule, tok)


def _in_thoughts(prep: Token, rules: RuleSet) -> bool:
    """Whether a phrase says how one is with someone: "in our thoughts and prayers"."""
    return prep.lower_ == "in" and any(p.lemma_.lower() in rules.solidarity_subjects
                                       for p in prep.children if p.dep_ == "pobj")


def _verb_infinitive_fits(rule: TriggerRule, verb: Token) -> bool:
    """Whether a verb's infinitive names one of the acts a rule asks for: "vowed to
    *retaliate*" is a threat, "vowed to help" a promise (as "ready to *impose* sanctions"
    for adjectives, see ``_adjective_infinitive_fits``)."""
    # (an act on a thing is no threat: "vowed to kill the deal", "to crush Sweden's bid")
    return any(_continued(c).lemma_.lower() in rule.needs_infinitive and all(
                   _may_be_actor(o) for o in _continued(c).children if o.dep_ == "dobj")
               for c in verb.children if c.dep_ == "xcomp"
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))


_SIDES_DASH = re.compile(r"[-\u2013\u2014]")
"""The dashes that join the sides in a meeting's name ("U.S.-EU", "U.S.\u2013EU")."""


def _names_a_body(verb: Token, summits: frozenset[str]) -> bool:
    """Whether a summit a verb takes part in is named by a body ("the G7 Summit", "the NATO
    Summit"), not by its place ("the summit in Geneva with President Putin") nor by the sides
    a dash joins, which the small model may tag as one body ("the U.S.-Japan summit"): the
    meeting rules read those."""
    for noun in (t for t in verb.subtree if t.lemma_.lower() in summits):
        words = summit_name_words(noun)
        if any(w.ent_type_ in ("GPE", "NORP") for w in words):
            return False  # "the EU-China summit": a state is one side, not a body's summit
        if any(w.ent_type_ == "ORG" and not _SIDES_DASH.search(w.text) for w in words):
            return True
    return False


def summit_name_words(noun: Token, of_phrase: bool = False) -> list[Token]:
    """The words that name a summit or meeting before it ("the NATO Summit"), with the
    members' word's own name ("the G7 Leaders' Summit": G7 on Leaders), and with
    ``of_phrase`` its "of" phrase too ("a meeting of the G7")."""
    words = [c for c in noun.children if c.dep_ in ("compound", "nmod", "poss")]
    if of_phrase:
        words += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    return words + [c for w in words for c in w.children if c.dep_ in ("compound", "nmod")]


def _nominal_clause(tok: Token) -> bool:
    """Whether a verb's clausal complement is a name with no verb of its own, which the
    small model makes of an object followed by where it goes ("welcomed Prime Minister
    Modi to the White House" read as the clause "Modi to the White House"): the name is
    the verb's object. A title read as the clause's subject is part of the name ("Prime
    Minister" made subject of "Modi")."""
    return tok.dep_ == "ccomp" and tok.pos_ == "PROPN" and tok.i > tok.head.i and not any(
        c.dep_ in ("nsubjpass", "aux", "auxpass", "cop") or (
            c.dep_ == "nsubj" and not (c.pos_ == "PROPN" and c.i == tok.i - 1))
        for c in tok.children)


def _relative_adverb(obj: Token) -> bool:
    """Whether an object is the "that" opening a relative clause ("the fourth night in a row
    that Serbians protested"), which the small model hangs on the verb as its object: it
    stands for the noun the clause hangs on, a time or a cause ("the law that farmers
    protested"), not for a party the protest is addressed to."""
    return obj.tag_ == "WDT" and obj.head.dep_ == "relcl" and obj.i < obj.head.i


def _object_predicates(verb: Token) -> list[Token]:
    """What a verb says of its object, as the parser hangs it: an object complement or a
    small clause ("holds Belarus accountable": "Belarus" the subject of "accountable"), or
    the object of a "to" phrase ("hold the regime to account", "to account" read as a verb
    or as a noun)."""
    kids = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")]
    kids += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
             for p in c.children if p.dep_ == "pobj"]
    return kids


def _for_infinitives(verb: Token) -> list[Token]:
    """A verb's infinitive clauses with a subject of their own marked by "for" ("called for
    Russia to withdraw"): what is asked, and of whom."""
    return [c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp")
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _names_object(verb: Token) -> bool:
    """Whether a verb gives its object a name or quality ("called Biden a 'decent man'",
    "called D'Souza humble"): an object and a predicate of it that is no proper name (the
    small model parses a long title before a name, "called PRC Special Representative on
    Korean Affairs Li Wei", as predicates with no object: that is a call)."""
    kids = list(verb.children)
    return any(c.dep_ == "dobj" for c in kids) and any(
        c.dep_ == "oprd" and c.pos_ != "PROPN" for c in kids)


def _object_words(obj: Token) -> list[Token]:
    """An object and the nouns that say what it is: "tons of food aid", "$50,000 worth of
    goods", "a state of emergency" (the head is a quantity or a frame)."""
    out = [obj]
    # a sum says what it is in an "in" phrase: "$300 million in humanitarian assistance"
    frames = ("of", "in") if obj.ent_type_ == "MONEY" else ("of",)
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in frames):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            out += [pobj, *(c for c in pobj.children if c.dep_ == "compound")]
    out += [c for c in obj.children if c.dep_ in ("compound", "npadvmod")]
    return out


_CROWD_WORDS = ACTOR_WORDS.crowd_words | ACTOR_WORDS.group_nouns


def _crowd(subject: Token) -> bool:
    """Whether a subject is a crowd: a group noun, a people ("Serbians"), a number of them
    ("Thousands of Serbians"), or a word for ordinary people ("farmers")."""
    if subject.lemma_.lower() in _CROWD_WORDS or (
            subject.ent_type_ == "NORP" and subject.tag_ in ("NNPS", "NNS")):
        return True
    return any(_crowd(p) for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj")


def _may_be_actor(tok: Token) -> bool:
    """Whether a word can name an actor: a name, a personal pronoun, or a noun with one
    (a possessive only before a word for people: "Israel's prime minister", not
    "Switzerland's contribution")."""
    if tok.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or tok.lower_ in _PERSONAL:
        return True
    if tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "NOUN" and
                                   c.lemma_.lower() in ACTOR_WORDS.org_kinds
                                   for c in tok.children):
        return True  # "banned Iranian airline Mahan Air" (tagged a building)
    # a name before a word for people makes them actors ("the Israeli delegation"); before
    # a thing it does not ("received LNG gas", "hosted the Japanese exhibition")
    people = tok.lemma_.lower() in _PEOPLE_WORDS
    return any(c.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for c in tok.children
               if c.dep_ == "appos" or (c.dep_ in ("amod", "compound", "poss") and people))


_PERSONAL = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "you"})
_PEOPLE_WORDS = (frozenset(ACTOR_WORDS.titles) | frozenset(ACTOR_WORDS.sector_nouns)
                 | ACTOR_WORDS.plural_heads | ACTOR_WORDS.collective_nouns)


def _words_fit(rule: TriggerRule, tok: Token) -> bool:
    if not rule.needs_word:
        return True
    # a greeting is one short clause: "to have Foreign Minister X and his delegation here"
    words = list(tok.subtree) if rule.pleasantry else phrase_tokens(tok)
    return any(t.lemma_.lower() in rule.needs_word or t.lower_ in rule.needs_word
               for t in words)


def _under_fits(rule: TriggerRule, noun: Token) -> bool:
    """Whether a bare noun is the object of a verb its rule asks for (``under``); "the
    invasion and the atrocities" share their first noun's verb."""
    if not rule.under:
        return True
    if not rule.answered and any(c.dep_ == "compound" and c.pos_ == "NOUN"
                                 for c in noun.children):
        return False  # "denounced the trade war": a war of words, tariffs, prices
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if rule.answered:
        verb = _answering_verb(noun)
        return verb is not None and verb.lemma_.lower() in rule.under
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in rule.under


def _answering_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through its preposition ("answered
    the call", "complied with the requests", "responded to the appeal")."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def _noun_fits(rule: TriggerRule, noun: Token, governor: Token) -> bool:
    """Whether a nominal trigger has the words and prepositions its rule asks for; the
    prepositions may hang on the noun or on its light verb ("held a call today *with*
    Macron", as the small model parses it)."""
    # the words may be in the gerund of an intent ("commitment to deepening defense and
    # trade *ties*"), a clause its own phrase stops short of
    gerund = _gerund_of_intent(noun)
    if not (_words_fit(rule, noun) or any(
            t.lemma_.lower() in rule.needs_word or t.lower_ in rule.needs_word
            for clause in ([gerund] if gerund is not None else [])
            + _phrase_on_governor(noun, governor) for t in clause.subtree)):
        return False
    if rule.not_pobjs and any(p.lemma_.lower() in rule.not_pobjs for c in noun.children
                              if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
        return False  # "the shooting of the film", "the stabbing of the peace process"
    if not rule.preps:
        return True
    heads = [noun] if governor is noun else [noun, governor]
    return any(c.dep_ == "prep" and c.lower_ in rule.preps for h in heads for c in h.children)


def _phrase_on_governor(noun: Token, governor: Token) -> list[Token]:
    """The noun's own phrase as the small model often hangs it on its governing verb, right
    after the noun ("reaffirmed openness *to dialogue with the DPRK*"), as
    ``statement_targets`` reads it; none for a noun that is not the verb's object."""
    if governor is noun or noun.dep_ != "dobj" or noun.head.i != governor.i:
        return []
    out: list[Token] = []
    end = max(t.i for t in noun.subtree)
    for prep in (c for c in governor.children if c.dep_ == "prep" and c.i > end):
        if prep.i - end > 1:
            break
        # a chain of phrases, each right after the last ("to dialogue *with the DPRK*")
        out.append(prep)
        end = max(t.i for t in prep.subtree)
    return out


_RELATIVE_TAGS = frozenset({"WDT", "WP"})
"""Tags of relative pronouns ("that", "which", "who"): a clause with one as its subject
says what its noun does, not what is done to it."""


def objects_of(tok: Token) -> list[Token]:
    """Direct objects of a verb, the subject of its passive, or the noun it modifies."""
    found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")
             or _nominal_clause(c)]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        found.append(tok.head)
    if tok.dep_ == "relcl" and not found and any(
            c.dep_ == "nsubj" and c.tag_ not in _RELATIVE_TAGS for c in tok.children):
        # "the assistance the United States is providing": the noun is what the clause's
        # own subject acts on
        found.append(tok.head)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")):
        found += [p for p in prep.children if p.dep_ == "pobj"]
    return [t for o in found for t in with_conjuncts(o)]


def _statement_governor(tok: Token, rule: TriggerRule,
                        firm: frozenset[str] = frozenset()) -> Token | None:
    """The verb of statement that makes a nominal trigger an event ("expressed concern",
    "reiterated the U.S. commitment", "expressed support ... and a strong commitment"), per
    rule (``governors``); also one that states the noun firm ("reiterated that the U.S.
    commitment to Japan remains ironclad", ``firm`` the predicates, see ``_firm_subject``)."""
    if not rule.governors:
        return None
    cur = tok
    while cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
    head = cur.head
    if _firm_subject(cur, firm) and head.dep_ == "ccomp" and \
            head.head.lemma_.lower() in rule.governors:
        return head.head
    if cur.dep_ == "dobj" and head.tag_ == "VBG" and head.dep_ in ("xcomp", "amod") and \
            head.i < cur.i and head.head.i < head.i:
        # "confirmed unwavering U.S. support": the small model reads the adjective as a
        # participle whose object the noun is
        return head.head if head.head.lemma_.lower() in rule.governors else None
    if cur.dep_ in ("dobj", "nsubjpass", "attr") and head.lemma_.lower() in rule.governors:
        return head
    if cur.dep_ == "conj" and head.pos_ == "VERB" and head.lemma_.lower() in rule.governors \
            and not any(c.dep_ in ("nsubj", "aux") for c in cur.children):
        # "underscored the partnership ..., and America's support for Israel": a noun
        # conjoined with the verb is (misparsed) its second object
        return head
    return None


def _firm_subject(noun: Token, firm: frozenset[str]) -> bool:
    """Whether a noun is the subject of a copula that calls it firm ("our commitment *is
    ironclad*", "support ... *remains unwavering*"): a position restated as it is said; not
    one denied ("is not unconditional")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in ("be", "remain") or \
            any(c.dep_ == "neg" for c in verb.children):
        return False
    # (the small model may read "unwavering" as a participle, lemma "unwavere")
    return any(c.dep_ in ("acomp", "attr") and (c.lemma_.lower() in firm or c.lower_ in firm)
               for c in verb.children)


def _infinitive_fits(rule: TriggerRule, tok: Token,
                     claimed: frozenset[str] = frozenset()) -> bool:
    """Whether a noun's infinitive (or its absence) fits a rule.

    ``claimed`` are the infinitives some rule of the noun asks for: an infinitive that one
    of them names decides the rule itself, its conjuncts do not: "commitment to support the
    people of Ukraine and to impose costs on Russia" is support, and the costs a threat of
    their own (the threat rule read Ukraine as the one threatened). After an infinitive no
    rule names, a conjunct still counts.
    """
    if rule.infinitive is None:
        return True
    gerund = _gerund_of_intent(tok)
    if rule.infinitive is False and gerund is not None:
        return False
    clause = _infinitive_after(tok)
    if clause is None and rule.needs_infinitive:
        clause = gerund  # "commitment to supporting Ukraine", as "commitment to support"
    if clause is not None and rule.needs_infinitive:
        clause = _continued(clause)
    if rule.needs_infinitive and (clause is None or not (
            {clause.lemma_.lower()} | ({c.lemma_.lower() for c in clause.children
                                        if c.dep_ in ("conj", "xcomp")}
                                       if clause.lemma_.lower() not in claimed else set())
    ) & rule.needs_infinitive):
        # (an "xcomp" child: "determination to continue raising the costs on Russia")
        return False
    return (clause is not None) == rule.infinitive


def _adjective_infinitive_fits(rule: TriggerRule, adjective: Token) -> bool:
    """Whether an adjective's infinitive fits a rule that asks for certain acts ("ready to
    *impose* sanctions" for a threat, not "ready to talk")."""
    if not rule.needs_infinitive:
        return True
    return any(_continued(c).lemma_.lower() in rule.needs_infinitive
               for c in adjective.children if c.dep_ == "xcomp")


CONTINUING = frozenset({"continue", "keep"})
"""Verbs that only carry on the act of their complement: "determination to continue raising
the costs on Russia" is a determination to raise them."""


def _continued(clause: Token) -> Token:
    """The act a "continue" clause carries on ("to continue supporting" -> "supporting"),
    else the clause itself."""
    if clause.lemma_.lower() not in CONTINUING:
        return clause
    return next((c for c in clause.children if c.dep_ == "xcomp"
                 and c.pos_ in ("VERB", "AUX")), clause)


def _gerund_of_intent(noun: Token) -> Token | None:
    """The gerund of a noun's "to" phrase ("commitment to strengthening ties"), or None.

    It states an intent to act, no position towards an actor ("commitment to Ukraine's
    sovereignty"): it keeps the noun from counting as support, and does the work of an
    infinitive for the rules that ask for a given verb ("commitment to supporting"). It is
    not read as a promise: the parse of the gerund's phrase misplaces the addressee too
    often (training labels: 10 promises gained, 8 false ones; development gold: 2 false),
    except by ``agree.intent_gerund``, for gerunds that grow a relationship ("commitment to
    deepening cooperation with Cyprus").
    """
    return next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "to"
                 for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


def _infinitive_after(noun: Token) -> Token | None:
    """The infinitive that says what a noun of intent is for ("willingness to engage"):
    attached to the noun, or (as the small model often parses it) to its governing verb
    after the noun."""
    def infinitive(c: Token) -> bool:
        return c.dep_ in ("acl", "xcomp", "relcl", "advcl") and c.pos_ in ("VERB", "AUX") \
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)

    own = next((c for c in noun.children if infinitive(c)), None)
    if own is not None:
        return own
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.i != noun.i:
        return next((c for c in head.children if c.i > noun.i and infinitive(c)), None)
    return None


def statement_targets(trig: Trigger) -> list[Token]:
    """Where the addressee of a stated position is named, nearest first: the words of the
    noun's own phrases ("support *for Ukraine's sovereignty*", "concern *about China's
    construction*"), then of the infinitive that says what it is for ("willingness *to
    continue talks with Russia*")."""
    noun = trig.token
    out: list[Token] = []
    # the small model often hangs the noun's phrase on the verb ("reiterated the United
    # States' solidarity *with the people of Ukraine*"): a target preposition of the
    # governing verb right after the noun is the noun's
    governed = _phrase_on_governor(noun, trig.anchor) \
        if trig.governor is not None and noun.dep_ == "dobj" else []
    if trig.governor is not None and noun.dep_ == "nsubjpass":
        # "A case was filed against the mayor", "charges were brought against him": the
        # passive subject's phrase hangs on its verb, after it
        governed += [c for c in trig.anchor.children if c.dep_ == "prep" and c.i > trig.anchor.i]
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        # "the United States' unyielding and steadfast support for Ukraine": the model reads
        # the first adjective as a noun that the phrase hangs on
        governed += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]
    for prep in (c for c in [*noun.children, *governed] if c.dep_ == "prep"
                 and c.lower_ in trig.rule.target_preps):
        # "support for the ceasefire between Israel and Hamas": the sides of a thing named
        # are not whom the position is addressed to
        sides = {t.i for b in prep.subtree if b.dep_ == "prep" and b.lower_ == "between"
                 for t in b.subtree}
        out += sorted((t for t in prep.subtree if t.i != prep.i and t.i not in sides),
                      key=lambda t: t.i)
    for clause in (c for c in [*noun.children, *(noun.head.children if noun.dep_ == "dobj"
                                                   else ())]
                   if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
        # "reaffirmed my commitment that the United States will stand by Ukraine": whom the
        # clause is about, its subject (the speaker's side) aside
        out += sorted((t for c in clause.children if c.dep_ not in SUBJECT_DEPS
                       and c.dep_ not in ("mark", "aux")
                       for t in c.subtree), key=lambda t: t.i)
    clause = _infinitive_after(noun)
    if clause is not None:
        # "the need for Russia to take action": the infinitive's own subject comes first
        out += [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        acts = [clause, _continued(clause)]  # "to continue raising the costs on Russia"
        out += sorted((t for act in dict.fromkeys(acts) for c in act.children
                       if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree),
                      key=lambda t: t.i)
    return [t for t in out if _doer(t)] if trig.rule.doers else out


_PHONED_NOUNS = frozenset({"call"})
"""Nouns of asking that also name a phone call: an appeal only with what it asks for."""


def _asks_for_something(noun: Token) -> bool:
    """Whether a noun of asking says what it asks ("call for more help", "call to end the
    war", "call that X resign")."""
    return any(c.dep_ == "prep" and c.lower_ == "for" or
               c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") for c in noun.children)


def _body_to_join(application: Token, joining: frozenset[str]) -> list[Token]:
    """The body an application asks to join (``joining``: the verbs and nouns of joining):
    the object of its "to join" ("applications to join NATO"), or the owner of the
    membership it is for ("for NATO membership", "for membership in the European Union")."""
    out = [o for c in application.children if c.dep_ == "acl" and c.lemma_.lower() in joining
           for o in c.children if o.dep_ == "dobj"]
    for wanted in (p for c in application.children if c.dep_ == "prep" and c.lower_ == "for"
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in joining):
        out += [c for c in wanted.children if c.dep_ in ("compound", "nmod") and c.i < wanted.i]
        out += [p for c in wanted.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "of")
                for p in c.children if p.dep_ == "pobj"]
    return out


def _doer(tok: Token) -> bool:
    """Whether a word in a phrase of what is to be done names who is to do it: a verb's
    subject ("Israel taking steps", "for Russia to withdraw", "the international community
    contributing") or the place it is to be done in ("a ceasefire in Yemen", "withdrawal
    from Libya"), not a party to a relationship ("our partnership with Qatar") nor the one
    whose deed is answered ("a response to Russian aggression")."""
    if (tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX")) or (
            tok.dep_ == "poss" and tok.head.tag_ == "VBG"):
        return True
    if tok.dep_ == "pobj" and any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i > tok.i
                                  for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "from")


def _noun_governor(tok: Token, rules: RuleSet) -> Token | None:
    """The light verb that makes a nominal trigger an event (or a verb whose phrase names
    the act: "returned from a trip to", see ``RuleSet.act_phrases``), the noun itself for a
    "during their meeting" phrase, or None when the noun is only named."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "attr") and head.lemma_.lower() in rules.light_verbs:
        return head
    if tok.dep_ == "conj" and tok.head.dep_ in ("dobj", "nsubjpass"):
        return _noun_governor(tok.head, rules)
    clause = next((c for c in tok.children if c.dep_ == "relcl"
                   and c.lemma_.lower() in rules.light_verbs and _object_gapped(c)), None)
    if clause is not None:
        # "the talks he held with Putin last week", "calls that Sullivan has had with X":
        # the noun is what the relative clause's light verb did
        return clause
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "nsubjpass") \
            and head.head.head.lemma_.lower() in rules.light_verbs:
        # "launched 10 days of war games", "carried out a series of raids"
        return head.head.head
    if tok.dep_ == "pobj" and head.lower_ in ("during", "following", "after", "at", "in") \
            and any(c.dep_ == "poss" for c in tok.children):
        return tok
    if instrument(tok, rules):
        return head.head
    if tok.dep_ == "pobj" and head.head.pos_ == "VERB" and \
            head.lower_ == rules.act_phrases.get(head.head.lemma_.lower()):
        # "returned on June 3 from travel to Saudi Arabia and Oman": the trip was made
        return head.head
    return None


def _object_gapped(clause: Token) -> bool:
    """Whether a relative clause's object is the noun it modifies: its object is the relative
    pronoun or missing ("the talks (that) he held"), not a noun of its own ("the day he held
    talks")."""
    return all(c.lower_ in ("that", "which") for c in clause.children if c.dep_ == "dobj") \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


DEFINITE = frozenset({"the", "this", "that", "these", "those"})
"""Determiners of a thing already told ("during the visit", "criticised the attack")."""
ONE_CONTACT_PLURALS = frozenset({"talks", "consultations", "negotiations", "discussions"})
"""Plural contact nouns that name one contact ("held talks"); "calls", "meetings" are many."""
_CONTACT_OCCASION_PREPS = frozenset({"in", "during", "over", "at"})
"""Prepositions of a contact noun that make it the occasion of its verb's clause."""


def _occasion_verb(tok: Token, rule: TriggerRule) -> Token | None:
    """The verb a contact noun is the occasion of ("Putin and Erdogan discussed the grain
    deal in a phone call", "told Xi during a meeting in Bali that"): the contact is the
    verb's subjects' own, like "held a call". A possessed one ("during their meeting") is
    read from its own phrase (``_noun_governor``)."""
    head = tok.head
    if rule.type != "CONSULT" or tok.dep_ != "pobj" or \
            head.lower_ not in _CONTACT_OCCASION_PREPS or head.head.pos_ != "VERB" or any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE)
                for c in tok.children):
        # "during the visit", "in the meeting": a contact already told, read back
        return None
    if tok.tag_ == "NNS" and tok.lower_ not in ONE_CONTACT_PLURALS:
        return None  # "In previous meetings with President Biden": many, undated
    if any(p.lemma_.lower() in ACTOR_WORDS.press_groups for c in tok.children
           if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
        return None  # "said in a conference call with reporters": a briefing
    verb = head.head
    if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        # "Kishida and Yoon agreed to restore ties at a summit in Tokyo": the small model
        # hangs the occasion on the infinitive; those who agreed there met there
        verb = verb.head
    # an active subject takes part; a passive one is talked about ("Russia was mentioned in
    # talks between Xi and Biden")
    return verb if any(c.dep_ == "nsubj" for c in verb.children) else None


def instrument(tok: Token, rules: RuleSet) -> bool:
    """Whether a noun is the act of the verb its "with" phrase hangs on ("hit Russia with
    sanctions", "China retaliated with tariffs")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and \
        tok.head.head.lemma_.lower() in rules.instrument_verbs


def phrase_tokens(tok: Token) -> list[Token]:
    """The trigger's own phrase: its subtree, not descending into other clauses."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in CLAUSE_DEPS)
    return out


def content_mode(trig: Trigger, rules: RuleSet) -> str | None:
    """The mode a demand or threat takes from what it asks or threatens (GUIDELINES 5:
    REQUEST yield, change, assist, meet; THREATEN restrict, violence): the first word after
    the trigger, in its phrase and clauses, that ``content_modes`` lists; else the type's
    default when something is asked, None when nothing is."""
    table = rules.content_modes.get(trig.rule.type)
    if not table:
        return None
    words = [t for t in trig.token.subtree if t.i > trig.token.i]
    for word in words:
        keys = {word.lemma_.lower(), word.lower_}
        for mode, lemmas in table:
            if keys & lemmas:
                return mode
    return rules.content_defaults.get(trig.rule.type) if words else None


def _mode(rule: TriggerRule, tok: Token) -> str | None:
    if rule.modes:
        words = phrase_tokens(tok)
        if tok.dep_ == "acl":
            words.append(tok.head)
        for t in words:
            for key in (t.lemma_.lower(), t.lower_):
                if key in rule.modes:
                    return rule.modes[key]
    return rule.mode


def with_conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the words conjoined with it ("Johnson and Macron"), with a coordination
    the small model hangs before a word as its modifier: in "The Secretary and Foreign
    Minister Dendias" and "The U.S. and Afghan leaders", "Secretary and Minister" and "U.S.
    and Afghan" modify the last word."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out += with_conjuncts(child)
        elif child.dep_ == "nmod" and child.i < tok.i and child.pos_ == "PROPN" and \
                {"cc", "conj"} <= {c.dep_ for c in child.children}:
            out += with_conjuncts(child)
        elif child.dep_ == "appos" and tok.ent_type_ == "GPE" and (
                _listed_place(child) or (child.ent_type_ in _LISTED_PLACE_TYPES and (
                    tok.dep_ == "conj" or any(c.dep_ == "conj" and c.ent_type_ == "GPE"
                                              for c in tok.children)))):
            # "traveled to Israel, the Netherlands, and the United Kingdom": the parser makes
            # the second of a list of places the first's apposition, and the third the
            # second's, or a listed place's ("Saudi Arabia, Oman, the UAE, and Jordan");
            # "Erbil, Iraq", one place, opens no coordination
            out += with_conjuncts(child)
    return out + [t for p in _comitative_partners(tok) for t in with_conjuncts(p)]


def _comitative_partners(tok: Token) -> list[Token]:
    """Partners a comitative phrase adds to a named actor: in "the United States, along with
    the UK, condemned ...", "France, together with Germany, urged ..." and "the United
    States, with the G7 and the EU, imposed ..." the partner acts too. A bare "with" must
    stand between commas, so that "with" telling how or what is left alone ("X with his
    wife", "the man with the flag")."""
    if not _may_be_actor(tok):
        return []
    out: list[Token] = []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i):
        inner = prep if prep.lower_ in _COMITATIVE_PREPS else next(
            (c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        if inner is None or inner.lower_ not in _COMITATIVE_PREPS:
            continue
        marked = prep.lower_ == "along" or prep.left_edge.lower_ == "together" or \
            prep.lower_ == "alongside"
        start, end = prep.left_edge, prep.right_edge
        set_off = start.i > 0 and start.nbor(-1).text == "," and \
            end.i + 1 < len(end.doc) and end.nbor(1).text == ","
        if marked or set_off:
            # "Iran, with Hezbollah in mind, threatened Israel": a phrase saying more than
            # the partner ("in mind", "in tow", "at its side") tells no one acting too
            out += [p for p in inner.children if p.dep_ == "pobj" and _may_be_actor(p)
                    and not any(c.dep_ == "prep" for c in p.children)
                    and not any(c.dep_ == "prep" for c in inner.children if c.i > p.i)]
    return out


_COMITATIVE_PREPS = frozenset({"with", "alongside"})
"""Prepositions that join a partner to an actor ("along with", "together with", "alongside")."""


def _listed_place(tok: Token) -> bool:
    """Whether an apposition of a place continues a list that a conjunction closes."""
    return tok.ent_type_ in _LISTED_PLACE_TYPES and any(
        (c.dep_ == "conj" and c.ent_type_ in _LISTED_PLACE_TYPES)
        or (c.dep_ == "appos" and _listed_place(c)) for c in tok.children)


_LISTED_PLACE_TYPES = frozenset({"GPE", "ORG", "NORP"})
"""Entity types of a listed place ("the UAE" is often tagged ORG, "the EU, UK, Canadian, and
other partners" lists a demonym)."""


def is_passive(tok: Token) -> bool:
    """Whether a verb is in the passive voice (or a passive participle modifying a noun)."""
    kids = {c.dep_ for c in tok.children}
    return bool(kids & {"nsubjpass", "auxpass", "agent"}) or \
        (tok.dep_ == "acl" and tok.tag_ == "VBN") or _participle_clause(tok)


def stative_subject(verb: Token) -> bool:
    """Whether a participle after "be" keeps an active subject: the small model labels "The
    United States and its allies are committed to supporting Ukraine" ``nsubj`` beside
    ``auxpass``, a state its subject is in ("committed", "determined"), not a deed done to it."""
    kids = {c.dep_ for c in verb.children} | {
        # the subject may hang on the auxiliary ("The United States and Britain are")
        c.dep_ for a in verb.children if a.dep_ == "auxpass" and a.i < verb.i
        for c in a.children}
    return "nsubj" in kids and not kids & {"nsubjpass", "agent"}


def _prepositional_gerund(tok: Token) -> bool:
    """Whether a verb is a gerund that a preposition governs ("before resigning", "in
    addition to stepping down")."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp"


def _participle_clause(tok: Token) -> bool:
    """Whether a verb is a bare past participle opening an adverbial clause, a passive whose
    patient is the main clause's subject ("Tarrant appeared in court, *charged* with
    murder")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "nsubj", "mark") for c in tok.children)


@dataclass
class Arguments:
    """The tokens filling an event's roles (heads of the actor mentions)."""

    source: list[Token]
    target: list[Token]
    places: list[Token]
    fallback: list[Token] = field(default_factory=list)
    """Targets to try when ``target`` names no actor: the subject or recipient of the
    trigger's complement ("demanded that *the US* cancel", "offered to hand over *to
    Britain*")."""


_CONTENT_TYPES = frozenset({"MOBILIZE", "AID"})
"""Types whose event noun's "of" phrase is what is moved or given, the parser hanging the
noun's own place or recipient on it ("the build-up of forces along the border", "the
delivery of aid to Gaza")."""


def nominal_participants(noun: Token, rule: TriggerRule) -> Arguments | None:
    """The participants an event noun names by itself, or None when it names none.

    Source: its possessor, an actor word before it ("Russian missile attack", "Houthi
    attacks") or its "by" phrase; target: the objects of the rule's target prepositions
    ("on Erbil", "with Kim", "between Armenia and Azerbaijan": both sides); places: "in X".
    """
    if rule.named:
        sides = named_meeting_sides(noun)
        return Arguments(sides, [], []) if sides else None
    def actor_word(c: Token) -> bool:
        return c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and \
            (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN")

    source = [c for c in noun.children if c.dep_ == "poss" or actor_word(c)]
    if not source:
        # "a Venezuelan missile strike": the small model hangs the demonym on the compound
        # (of a weapon: "a US army base attack" names the one attacked)
        source = [a for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                  and c.lemma_.lower() in ACTOR_WORDS.weapon_words
                  for a in c.children if actor_word(a) and a.i == c.i - 1]
    target: list[Token] = []
    places: list[Token] = []
    clauses = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    # "the build-up of forces along Ukraine's border": the place hangs on what is built up;
    # "deliveries of security assistance to Ukraine": whom it goes to, on what is given
    contents = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"] \
        if rule.type in _CONTENT_TYPES else []
    # "Houthi attacks launched against Saudi Arabia's infrastructure"
    for prep in (c for c in [*noun.children, *(k for a in clauses + contents
                                                for k in a.children)]
                 if c.dep_ in ("prep", "agent")):
        objects = [p for p in prep.children if p.dep_ == "pobj"]
        word = prep.lower_
        if word == "by":
            source += objects
            # "attacks by Iranian proxies against Saudi Arabia": the target hangs on the agent
            target += [p for o in objects for q in o.children if q.dep_ == "prep"
                       and q.lower_ in rule.target_preps for p in q.children if p.dep_ == "pobj"]
            # "atrocities by Putin's forces in Bucha": the place the parser hangs on the doer
            # is where the deed happened
            places += [p for o in objects for p in place_objects(o)]
        elif word == "between":
            source += objects
        elif word in rule.target_preps:
            target += objects
        elif word in ("in", "at") or (word in _NEAR_PREPS and rule.type in _PLACED_TYPES):
            places += objects
    owners = _contact_of_owners(noun) if not source and rule.type == "CONSULT" else []
    if owners:
        # "the visit of Pope Francis to Iraq", "the meeting of the Secretary with Kuleba":
        # a named actor in the "of" phrase is the one who came or met, when the noun names
        # whom with or to (not "a meeting of the Security Council", a body's session); the
        # small model may hang "to Iraq" on the verb ("lauded the visit of X to Iraq")
        target = target or _verb_hung_targets(noun, rule)
        source = owners if target else []
    if not source and rule.type == "CONSULT":
        # "discussions held in Reykjavik between A and B": the sides, however deep
        source = [p for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "between"
                  for p in t.children if p.dep_ == "pobj"][:1]
    claimant = _claiming_verb(noun) if not source else None
    if claimant is not None:
        # "The Houthis claimed responsibility for a drone attack on Abu Dhabi"
        source = _subjects(claimant)
    if not source and target and rule.type == "CONSULT" and noun.dep_ == "pobj" and (
            noun.head.lower_ in ("during", "at", "in", "after", "following") or (
                noun.head.lower_ == "on" and noun.head.head.lemma_ == "be")):
        # "announced the deal during a meeting with Liu He": the clause's subject met him;
        # "Modi was on a two-day visit to Washington": the one who is on it
        source = _subjects(noun.head.head)
    elif not source and not target and rule.type == "CONSULT" and noun.dep_ == "pobj" and \
            noun.head.lower_ in ("during", "in") and \
            noun.head.head.lemma_.lower() in ADDRESSING_VERBS and \
            not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                    for c in noun.children):
        # "In a phone call on Tuesday, Macron told Putin that...": the contact of the
        # clause's subject with whom it addresses (not "During a meeting of the Security
        # Council, Russia warned the United States": a body's session)
        verb = noun.head.head
        source = _subjects(verb)
        target = [c for c in verb.children if c.dep_ in ("dobj", "dative")] if source else []
    if rule.owned:
        # "thanked the Prime Minister for Bulgaria's support to Ukraine": only the possessor
        # acts, and only towards someone named
        # a named possessor ("our support" is the speaker's position, stated elsewhere)
        source = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        # the small model hangs "to Ukraine" on the verb the noun's phrase depends on
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        target = target or [p for c in verb.children if c.dep_ == "prep" and c.i > noun.i
                            and c.lower_ in rule.target_preps
                            for p in c.children if p.dep_ == "pobj"]
        # a named actor supported, not a cause ("support for Afghan peace", "for the truce")
        target = [t for t in target if t.ent_type_ in _ACTOR_ENTITIES]
        if not source or not target:
            return None
    if rule.answered:
        if noun.lemma_.lower() in _PHONED_NOUNS and not _asks_for_something(noun):
            return None  # "answered Macron's call": a phone call, not an appeal
        # a named owner only ("our calls" are the speaker's, told elsewhere), and the one
        # who answers: the subject of the verb of answering
        source = [t for t in source if t.pos_ != "PRON"] + [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children if p.dep_ == "pobj"]
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        # (the verb _under_fits found, or the first noun's for a conjoined one)
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in MODALITY_WORDS.negating_verbs:
            # "refused to respond to a demand from X": the refusal is the event, a REJECT
            # of X's demand (answered_nouns)
            return None
        target = _subjects(verb)
        if not source or not target:
            return None
    if rule.membership:
        source += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                   for p in c.children if p.dep_ == "pobj"]
        target = _body_to_join(noun, rule.membership)
        if not source or not target:
            return None
    if rule.crowd:
        source = _crowd_claimants(noun)
        if not source:
            return None
    if source and not target and rule.type == "ASSAULT":
        target = _verb_hung_targets(noun, rule)
    harm = harm_in_attack(noun, rule) if source else None
    harmed: list[Token] = []
    if harm is not None:
        # "Three Ukrainian soldiers were killed in a Russian airstrike on Tuesday": with no
        # one it hit named ("on Tuesday" is when), or none the resolver knows ("on a
        # village"), those harmed stand for whom it hit
        harmed = _harmed(harm)
        if all(t.ent_type_ in _WHEN_ENTS for t in target) and \
                noun.lemma_.lower() in rule.harmed_of:
            target = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
        if all(t.ent_type_ in _WHEN_ENTS for t in target):
            target, harmed = harmed, []
        places = places or [p for p in place_objects(harm) if p.i != noun.i]
    if rule.doerless and not _told_as_news(noun):
        return None
    if not source and not target and rule.doerless:
        # "the mass shooting in Buffalo": no doer or victim named, only where it happened
        # (not "shootings in recent years", no place)
        places = [p for p in places if p.ent_type_ in _PLACE_ENTITIES]
        return Arguments([], [], places) if places else None
    if not source and not target:
        return None
    return Arguments([t for x in source for t in with_conjuncts(x) if not _others(t)],
                     [t for x in target for t in with_conjuncts(x) if not _others(t)], places,
                     harmed)


def _contact_of_owners(noun: Token) -> list[Token]:
    """The named actors of a contact noun's "of" phrase ("the visit *of Pope Francis* to
    Iraq"): the side that made the contact, when the noun also names whom with or to."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ in _ACTOR_ENTITIES]


_LONG_AGO = frozenset({"year", "decade", "century"})
"""Lemmas of the spans of time that set a deed in the past ("last year's shooting",
"three years after the shooting"), unlike the days of the story ("Sunday's shooting")."""


def harm_in_attack(noun: Token, rule: TriggerRule) -> Token | None:
    """The verb of harm (``rule.harmed_in``) whose "in"/"during" phrase an attack noun is,
    when it tells the harm without its doer: a passive with no "by" agent ("were killed in a
    Russian airstrike") or a verb with no object ("died in Houthi shelling"); the attack is
    then who did it. None otherwise ("killed by a Russian airstrike" has its agent, and
    "Russia killed five civilians in an airstrike" its subject)."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or \
            noun.head.lower_ not in ("in", "during"):
        return None
    verb = noun.head.head
    # (the small model may tag a participle after "were" an adjective: "were injured")
    if verb.pos_ not in ("VERB", "ADJ") or \
            not {verb.lemma_.lower(), verb.lower_} & rule.harmed_in:
        return None
    if any(c.dep_ in ("agent", "dobj") for c in verb.children) or \
            modality_of(verb) != "asserted" or _habitual_harm(verb):
        return None  # (a harm denied, only possible, or a habit tells no attack)
    # "Five were killed and twelve wounded in ...": the small model reads the second
    # participle, sharing the first one's auxiliary, as active with a subject
    gapped = verb.dep_ == "conj" and is_passive(verb.head) and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if not is_passive(verb) and not gapped and verb.lemma_.lower() not in rule.harmed_subjects \
            and any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "Russian forces killed in an ambush": a subject that did the harm
    return verb


def _habitual_harm(verb: Token) -> bool:
    """Whether a verb of harm tells a habit, no one attack: an adverb of frequency
    ("are routinely killed in airstrikes") or the simple present ("civilians are killed in
    Russian shelling every day", "die in airstrikes")."""
    kids = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod")]
    return any(c.dep_ == "advmod" and c.lower_ in MODALITY_WORDS.habit_adverbs for c in kids) \
        or (verb.tag_ in ("VBZ", "VBP") and not kids) or (
            [c.tag_ for c in kids if c.dep_ in ("aux", "auxpass")] in (["VBZ"], ["VBP"]))


def _harmed(verb: Token) -> list[Token]:
    """Those a verb of harm says were harmed: its (passive) subject, or that of the verb it
    is joined to ("Five were killed and twelve wounded in the shelling")."""
    for cur in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        found = [c for c in cur.children if c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS] or [
            c for a in cur.children if a.dep_ in ("aux", "auxpass") and a.i < cur.i
            for c in a.children if c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS]
        if found:
            return found
    return []


def _told_as_news(noun: Token) -> bool:
    """Whether a deed named by a noun with no doer known is news: not a kind of deed said
    in general ("Shootings in Chicago have risen": a plural with no determiner, number or
    adjective), nor one remembered by its year ("the 2012 temple shooting", "last year's
    shooting in Nashville", "three years after the shooting in El Paso": the story's
    background, GUIDELINES 1)."""
    kids = [c for c in noun.children if c.dep_ in ("det", "poss", "nummod", "amod")]
    if noun.tag_ == "NNS" and not kids:
        return False
    before = [c for c in noun.subtree if c.i < noun.i and c.ent_type_ == "DATE"]
    if any(c.like_num or c.lemma_.lower() in _LONG_AGO for c in before):
        return False
    since = noun.head if noun.dep_ == "pobj" and noun.head.lower_ in ("after", "since") \
        else None
    # the span measured from the deed hangs on the preposition or governs it
    spans = [] if since is None else [since.head, *since.children]
    return not any(t.ent_type_ == "DATE" and t.lemma_.lower() in _LONG_AGO for t in spans)


def _verb_hung_targets(noun: Token, rule: TriggerRule) -> list[Token]:
    """The objects of the target prepositions the small model hangs on the verb an attack
    or contact noun is the object of, when a phrase comes between: "We condemn the Houthi
    attacks over the last two days *against* civilian infrastructure", "lauded the visit of
    Pope Francis *to* Iraq" (the event's target, as the preposition would have given right
    after the noun)."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return []
    return [p for c in noun.head.children if c.dep_ in ("prep", "dative") and c.i > noun.i
            and c.lower_ in rule.target_preps for p in c.children if p.dep_ == "pobj"]


_OWNER_PRONOUNS = frozenset({"his", "her", "their"})
"""Possessive pronouns that name back the subject of the clause they stand in."""
_TENDERING = frozenset({"announce", "tender", "submit", "offer", "hand", "file"})
"""Verbs whose subject gives the act its possessive pronoun names ("X tendered his
resignation"); of others the pronoun is someone else's ("Y accepted his resignation")."""


def _owner_subject(noun: Token, owners: list[Token]) -> list[Token]:
    """The subject a possessive pronoun of an act noun names back in its own clause: "X
    announced his resignation", "X tendered her resignation" (X resigns). Other owners, and a
    pronoun on a noun that is no verb's direct object, are kept as they are."""
    if len(owners) != 1 or owners[0].lower_ not in _OWNER_PRONOUNS or noun.dep_ != "dobj" \
            or noun.head.pos_ != "VERB" or noun.head.lemma_.lower() not in _TENDERING:
        return owners
    return _subjects(noun.head) or owners


def _crowd_claimants(noun: Token) -> list[Token]:
    """The crowds a noun is said of, as its possessor or its "of" or "by" phrase ("the
    protesters' demands", "one of the five demands of the protesters", "an appeal by
    residents"): journalism tells a crowd's call to act with a noun, while a named
    possessor's ("China's demand for oil", "the minister's appeal") may be a market's or a
    verdict's, and what it asks of whom the sentence says elsewhere."""
    said_of = [c for c in noun.children if c.dep_ == "poss"] + \
        [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by")
         for p in c.children if p.dep_ == "pobj"]
    return [t for t in said_of if _crowd(t)]


_HELD_VERBS = frozenset({"hold", "convene", "host", "conclude"})
"""Verbs by which a named meeting is told as held ("the U.S.-EU Summit *held* in June")."""


def named_meeting_sides(noun: Token) -> list[Token]:
    """The hyphenated name of the sides before a capitalised meeting noun ("the
    *U.S.-India* 2+2 Ministerial Dialogue held on April 11"), when the meeting is told as
    held; empty otherwise. A meeting named without "held" may be one to come ("the upcoming
    U.S.-ASEAN Summit", an AGREE when announced) or a standing forum ("on the margins of the
    U.S.-Iraq Strategic Dialogue"), not a contact the sentence reports."""
    if not noun.text[:1].isupper() or not any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _HELD_VERBS
            and not any(a.dep_ in ("aux", "auxpass") for a in c.children)  # "to be held"
            for c in noun.children):
        return []
    sides: list[Token] = []
    for tok in reversed(noun.doc[noun.sent.start:noun.i]):
        # the name runs back over capitalised words and numbers ("2+2 Ministerial")
        if "-" in tok.text.strip("-") and tok.text[:1].isupper():
            sides.append(tok)
            break
        if not (tok.text[:1].isupper() or tok.like_num or tok.text == "+"):
            break
    return sides


_ACTOR_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels of a named place ("in Buffalo", "at Heathrow Airport")."""
_NEAR_PREPS = frozenset({"near", "outside", "around"})
"""Prepositions of a place close by: "the Iranian missile attacks near Erbil" hit the state
Erbil is in, as "in Erbil" would (for a contact, "near" says nothing of who took part)."""
_PLACED_TYPES = frozenset({"ASSAULT", "COERCE"})
"""Types of a deed done at a place, whose "near X" is where it happened."""


def _claiming_verb(noun: Token) -> Token | None:
    """The verb by which someone claims a deed ("claimed responsibility for the attack",
    "took credit for the bombing"): its subject did it. None when the deed is not claimed."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return None
    # the parser hangs "for" on the noun or on the verb ("took credit for")
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    claims = verb.lemma_.lower() in ("claim", "take", "accept", "admit") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit")
        for c in verb.children)
    return verb if claims else None


ADDRESSING_VERBS = frozenset({
    "tell", "urge", "ask", "warn", "assure", "reassure", "inform", "press", "brief", "thank",
    "invite", "congratulate", "remind", "encourage", "promise", "caution", "implore"})
"""Verbs whose object is the one spoken to: "in a phone call, Macron told Putin" is their
contact ("represented his client in a negotiation" is none)."""


def _others(tok: Token) -> bool:
    """Whether a noun names unnamed others ("Israel, Hamas, and other parties in Gaza"): the
    place in their phrase is where they are, not a participant."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ == "other"
                                      for c in tok.children)


def arguments(trig: Trigger, statement_nouns: frozenset[str] = frozenset(),
              credit_lemmas: frozenset[str] = frozenset()) -> Arguments:
    """Source, target and place tokens of a trigger.

    Args:
        trig: a matched trigger.
        statement_nouns: nouns of a statement whose "by" phrase is the agent of a passive
            ("was condemned in a joint statement by Egypt, Greece and Cyprus").
        credit_lemmas: verbs of praise, whose object is credited with the deed their "for"
            phrase names (see ``credited_doers``).

    Returns:
        Argument head tokens; conjuncts are included, nothing is resolved yet.
    """
    if trig.bare or (trig.rule.pos == "NOUN" and trig.rule.source_is_object):
        # (a noun whose doer is its object keeps the participants of its own phrase under a
        # verb too: in "X announced his resignation" X is no one resigned from)
        found = nominal_participants(trig.token, trig.rule)
        if found is None:
            return Arguments([], [], [])
        if trig.rule.source_is_object and not found.source:
            # "the resignation of MP X": the noun's object is the one who resigns
            found.source, found.target = found.target, []
        if trig.rule.source_is_object:
            found.source = _owner_subject(trig.token, found.source)
        return found
    if trig.rule.experiencer:
        return experiencer_arguments(trig.token, trig.rule)
    verb = trig.anchor
    rule = trig.rule
    # "thanked Chile for imposing sanctions": Chile imposed them, not the one thanking
    source = (credited_doers(verb, credit_lemmas) if rule.type in CREDITED_DEEDS else []) \
        or _subjects(verb)
    if trig.governor is None and verb.pos_ in ("NOUN", "PROPN"):
        # a noun standing for itself ("Following President Biden's trip to Poland, the
        # leaders ...", see ``_noun_governor``): a named possessor made the trip, not the
        # clause's subjects ("during their meeting" is theirs, and so is "the prime
        # minister's trip" as far as a name tells)
        source = [c for c in verb.children if c.dep_ == "poss"
                  and c.ent_type_ in _OWNER_ENTITIES] or source
    if rule is SOLIDARITY_WITH:
        # "Our thoughts are with ...": whose the thoughts are
        source = [c for s in source for c in s.children if c.dep_ == "poss"] or source
    # "A statement from the Kremlin accused Ukraine": a statement speaks for its owners
    source = statement_owners(source, statement_nouns)
    target: list[Token] = []
    if is_passive(verb) and not stative_subject(verb):
        agents = statement_owners([p for c in verb.children if c.dep_ == "agent"
                                   for p in c.children if p.dep_ == "pobj"],
                                  statement_nouns) or _statement_agents(verb, statement_nouns)
        # "the statement by Japan was condemned by China": Japan, who made it, is condemned
        target = statement_owners([c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS],
                                  statement_nouns)
        if verb.dep_ == "acl":
            target = []
        elif _participle_clause(verb) or (not target and verb.dep_ == "conj"):
            # "Turkey is under sanctions and was condemned by ...": the conjunct's patient is
            # the first verb's subject
            target = _subjects(verb)
        source = agents
    else:
        target = [c for c in verb.children if (c.dep_ in ("dobj", "oprd") or _nominal_clause(c))
                  and not rule.topic_object]
        # "providing relief material to Ukraine": the small model labels the preposition
        # "dative" as well as the bare noun ("gave Ukraine aid")
        target += [p for c in verb.children if c.dep_ == "dative"
                   for p in ([c] if c.pos_ != "ADP" else
                             [g for g in c.children if g.dep_ == "pobj"])]
        if trig.occasion:
            # "told Xi in a call" is a call with him; "discussed Ukraine in a call" is not,
            # nor "praised Macron in a call with Scholz"
            own = any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                      for c in trig.token.children)
            target = [t for t in target if t.ent_type_ == "PERSON" and not own]
        elif trig.governor is not None and not trig.instrumental:
            # "held talks": the object is the event; but "hit Russia with sanctions" is
            # aimed at its object
            target = []
    heads = [verb] + ([trig.token] if trig.governor is not None else [])
    heads += [o for o in objects_of(verb) if o.i != trig.token.i] if rule.objects else []
    for head in heads:
        for prep in _preps(head):
            if prep.lower_ in rule.target_preps:
                target += [p for p in prep.children if p.dep_ == "pobj"]
                target += _gerund_objects(prep, rule.gerunds)
        target += _stranded_partners(head, rule.target_preps)
        target += _origin_of_partners(head, rule.target_preps)
    if rule.type == "CONSULT" and "with" in rule.target_preps:
        target += _occasion_partners(verb)
    if (trig.governor is None or trig.occasion) and not is_passive(verb):
        # the recipient hangs on the object noun: "provided intelligence to Macedonia"; but
        # the one praised is whose deed the object is ("welcomed Griffiths' trip to
        # Sana'a"), and the phrase only says where it went
        for obj in (c for c in verb.children if c.dep_ == "dobj" and not (
                rule.type == "SUPPORT" and _named_owner(c))):
            # ... or on what an amount is counted in: "pledged 500 million euros in aid to
            # Ukraine"
            nouns = [obj] + [p for prep in obj.children if prep.dep_ == "prep"
                             and prep.lower_ == "in" for p in prep.children
                             if p.dep_ == "pobj"]
            target += [p for n in nouns for prep in n.children if prep.dep_ == "prep"
                       and prep.lower_ in rule.target_preps
                       for p in prep.children if p.dep_ == "pobj"]
        if head is trig.token and trig.governor is not None:
            target += [c for c in head.children if c.dep_ == "poss"]
    if rule.objects and all(t.lemma_.lower() in rule.objects for t in target):
        # "pledged continued support to meet Ukraine's needs", "... to help Ukraine defend
        # its democracy": with no recipient named, the one the help is for is named in its aim
        target += [a for o in target for a in _aided(o)]
    things = [t for t in target if t.dep_ == "dobj" and t.head.i == verb.i
              and t.lemma_.lower() in rule.objects]
    if things and len(things) < len([t for t in target if t.ent_type_ not in _WHEN_ENTS]):
        # "handed over its first Patriot battery to Ukraine": the thing given or sent is no
        # party when someone receives it (the name on it is a make, not an actor)
        target = [t for t in target if t not in things]
    places = [p for h in heads for prep in _preps(h, _EVENT_PREPS | _SPREAD_PREPS)
              if prep.lower_ in _PLACE_PREPS for p in prep.children if p.dep_ == "pobj"]
    if not places:
        # "met with X in Washington", "arrested protesters in Moscow", "killed 12 people in
        # Dnipro": the small model hangs the place on the one acted upon (an apposition's
        # place is where a person works: "Pell, a senior figure at the Holy See")
        places = _places_of_partners(target, appositions=rule.type == "CONSULT")
    if not places:
        places = _places_above(verb)
    if rule is MODAL_REQUEST:
        # "said Russia must withdraw", "wants the UK to extradite Assange": asked of the
        # clause's subject, not of whom the clause names after it ("the rainforest should
        # be opened up" asks nothing of the rainforest)
        target = [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                  for s in c.children if s.dep_ in SUBJECT_DEPS]
    if rule.source_is_object:
        source, target = target, source
    if not source and trig.governor is not None and is_passive(trig.governor) and \
            rule.type == "CONSULT":
        # "The Russia-Ukraine talks were held in Istanbul": with no agent, the sides its own
        # phrase names ("talks between A and B were held" read through its "between")
        sides = nominal_participants(trig.token, rule)
        if sides is not None and sides.source:
            source, target = sides.source, [t for t in target if t.i != trig.token.i]
    def expand(toks: list[Token]) -> list[Token]:
        return [t for x in toks for t in with_conjuncts(x)]

    fallback = _complement_targets(verb, rule) if not rule.source_is_object else []
    if rule.objects and trig.governor is None:
        # "dropped an investigation into an allegation against Assange": whom the object
        # is about, read down its phrase
        fallback += [t for o in objects_of(verb) for p in o.subtree if p.dep_ == "prep"
                     and p.lower_ in rule.target_preps and p.i > o.i
                     for t in p.subtree if t.i != p.i]
    if rule.governors and trig.governor is not None:
        # a stated position: its addressee is inside the noun's phrase, however parsed
        return Arguments(expand(source), [], places, statement_targets(trig))
    return Arguments(expand(source), expand(target), places, expand(fallback))


_WHEN_ENTS = frozenset({"DATE", "TIME"})
"""Entity types of a day or hour, which a rule's "on" phrase also catches ("on Monday")."""


def _places_of_partners(partners: list[Token], appositions: bool = True) -> list[Token]:
    """Where a contact took place, said after the one met ("met today with Dutch Foreign
    Minister Hoekstra in Washington, D.C.", "with X, His Royal Highness Y, at the White
    House"): the small model hangs the place on the name, or on its apposition."""
    return [p for partner in (t for p in partners for t in with_conjuncts(p))
            for word in [partner, *(c for c in partner.children
                                    if c.dep_ == "appos" and appositions)]
            for p in place_objects(word)]


def place_objects(word: Token) -> list[Token]:
    """The nouns of a word's own "in"/"at" phrases ("in Moscow", "at the White House")."""
    return [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
            for p in prep.children if p.dep_ == "pobj"]


def statement_owners(tokens: list[Token], nouns: frozenset[str]) -> list[Token]:
    """These tokens with each statement among them ("A joint statement by France and
    Germany condemned ...") replaced by whoever made it, as its phrase names them (see
    ``statement_owner``); a relative pronoun stands for the statement it follows ("a
    statement, issued by Japan, that condemned ..."). A statement no phrase owns stays
    itself: no one is found to have said it."""
    out: list[Token] = []
    for tok in tokens:
        relative = tok.tag_ in _RELATIVE_TAGS and tok.head.dep_ == "relcl"
        noun = tok.head.head if relative else tok
        owners = statement_owner(noun) if noun.lemma_.lower() in nouns and \
            noun.pos_ == "NOUN" else []
        out += owners or [tok]
    return out


def statement_owner(noun: Token) -> list[Token]:
    """Who made a statement, as its own phrase says: a possessor ("the G7 ministers'
    statement"), a name before it ("a Kremlin statement"), its "by"/"from"/"of" phrase ("a
    communique from the ministers"), or the agent of a participle on it ("a declaration
    issued by ASEAN")."""
    return [c for c in noun.children if c.dep_ == "poss" or (
                c.dep_ in ("compound", "nmod") and c.ent_type_ in _OWNER_ENTITIES)] + \
        [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
         for p in c.children if p.dep_ == "pobj"] + \
        [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
         for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def _statement_agents(verb: Token, nouns: frozenset[str]) -> list[Token]:
    """Who made the statement a passive verb happened in ("was condemned *in a joint
    statement by Egypt*", "was criticised in a letter from the senators")."""
    return [a for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
            for noun in prep.children if noun.dep_ == "pobj" and noun.lemma_.lower() in nouns
            for by in noun.children if by.dep_ == "prep" and by.lower_ in ("by", "from")
            for a in by.children if a.dep_ == "pobj"]


def experiencer_arguments(word: Token, rule: TriggerRule) -> Arguments:
    """Who is in a state of mind and about whom: "I am deeply concerned over provocation by
    North Korea", "the United States was disappointed by the Parliament's decision", "I'm
    disappointed that NASA did not choose them".

    Args:
        word: the adjective or passive participle.
        rule: its rule (``experiencer``).

    Returns:
        The subject as source; the objects of the "by" agent and of the target prepositions
        as targets; the subject or objects of a complement clause as fallback targets.
    """
    source = [c for c in word.children if c.dep_ in PASSIVE_SUBJECT_DEPS] or _subjects(word) \
        or [s for aux in word.children if aux.dep_ in ("aux", "auxpass")
            for s in aux.children if s.dep_ in SUBJECT_DEPS]
    # (the small model may hang the subject on the auxiliary: "I/nsubj am/auxpass disappointed")
    target = [p for prep in word.children if prep.dep_ in ("prep", "agent")
              and (prep.dep_ == "agent" or prep.lower_ in rule.target_preps)
              for p in prep.children if p.dep_ == "pobj"]
    expand = [t for x in target for t in with_conjuncts(x)]
    return Arguments([t for x in source for t in with_conjuncts(x)], expand,
                     _places_above(word), _complement_targets(word, rule))


def _named_owner(noun: Token) -> bool:
    """Whether a noun has a proper name as its possessor ("Lapid's visit")."""
    return any(c.dep_ == "poss" and c.ent_type_ in _OWNER_ENTITIES for c in noun.children)


_OWNER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _gerund_objects(prep: Token, lemmas: frozenset[str]) -> list[Token]:
    """Whom a gerund of ``lemmas`` after a preposition is about: its object or partner ("to
    *hosting* the Foreign Minister", "to *meeting* with Japan")."""
    out: list[Token] = []
    for verb in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"
                 and c.lemma_.lower() in lemmas):
        out += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        out += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                for p in c.children if p.dep_ == "pobj"]
    return out


_HELPING_AIMS = frozenset({"help", "assist", "meet", "address", "strengthen", "rebuild",
                           "defend", "protect", "secure", "enable", "support", "sustain",
                           "bolster", "empower", "allow", "ensure"})
"""Verbs of an aim that does good to its object ("support to help Ukraine", "to meet
Ukraine's needs"); an aim against its object ("to counter Russia's disinformation", "to
defeat", "to hold Russia accountable") names no recipient."""


def _aided(noun: Token) -> list[Token]:
    """Whom the infinitive clause of a noun of help aims at: "support to help Ukraine defend
    itself" (the subject of the helped clause), "to assist Moldova", "to meet Ukraine's
    needs" (the object, whose phrase names its owner)."""
    out: list[Token] = []
    for aim in (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"
                and c.lemma_.lower() in _HELPING_AIMS and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
        out += [c for c in aim.children if c.dep_ in ("dobj", "dative")]
        out += [s for c in aim.children if c.dep_ in ("ccomp", "xcomp")
                for s in c.children if s.dep_ == "nsubj"]
    return out


def _complement_targets(verb: Token, rule: TriggerRule) -> list[Token]:
    """Who the trigger's complement clause is about: its subject ("demanded that the US
    cancel"), else its object and recipients ("agreed to lift embargoes on Iran"), else, for
    a threat, the object's owner ("threatened to block Sweden's bid"); a gerund
    after "to" is such a clause too ("committed to working with Mexico"), though not after
    "looked forward" (see ``_PLAN_PARTICLES``)."""
    out: list[Token] = []
    gerunds = [] if any(c.lower_ in _PLAN_PARTICLES for c in verb.children) else [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
        for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    comps += [c for c in _for_infinitives(verb) if c not in comps]
    for comp in comps + gerunds:
        if verb.lemma_.lower() in SHARED_VIEW_LEMMAS and _that_clause(comp):
            continue  # "agreed that Iran must release the vessels": a view the sides share
        out += [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        preps = set(rule.target_preps) | set(DEFAULT_TARGET_PREPS) | {"for", "between"}
        heads = [comp] + [c for c in comp.children if c.dep_ == "dobj"]
        out += [c for c in comp.children if c.dep_ in ("dobj", "dative")]
        out += [p for h in heads for prep in h.children if prep.dep_ == "prep"
                and prep.lower_ in preps for p in prep.children if p.dep_ == "pobj"]
        if rule.type == "THREATEN":
            # "threatened to block Sweden's NATO bid": whose the object is, after all else
            # (a plan to "counter Iran's malign activity" is no promise to Iran)
            out += [p for h in heads[1:] for p in h.children if p.dep_ == "poss"]
    return out


_PLAN_PARTICLES = frozenset({"forward"})
"""Particles of a verb of plans whose gerund names no partner of its own: "looks forward to
working with X" is a plan the development gold does not code (``agree.look_forward`` reads
only the gerunds of a meeting)."""


SHARED_VIEW_LEMMAS = frozenset({"agree", "concur"})
"""Verbs whose "that" clause is a view the agreeing sides share, addressed to no one
(GUIDELINES 5: "agreed that..." is symmetric)."""


def _that_clause(comp: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children)


_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
"""Prepositions whose noun is what is talked about: the phrases below it are the topic's
("spoke about our response to President Putin's war" names no partner), never entered."""
_REASON_PREPS = frozenset({"for", "over", "amid", "despite"})
"""Prepositions whose noun is the reason for an act or its background: the phrases below it
are that noun's ("arrested for the March 21 call to the offices of Omar" arrests no Omar),
never entered for partners."""
_SEQUENCE_PREPS = frozenset({"following", "after", "since", "before"})
"""Prepositions of another event before or after the act: one with an owner of its own is
someone else's ("Following Biden's conversation with Bennett, Sullivan met Hulata" met no
Bennett) and is not entered; one without, or the subject's own ("his talks"), is entered
("Speaking after talks with Scholz, Macron said")."""
_EVENT_PREPS = frozenset({"during", "at", "on", "after", "following", "before", "in"})
"""Prepositions whose noun is an occasion: places below it are the event's ("met during the
summit in Glasgow"), unlike those below a topic ("about the talks in Vienna")."""
_SPREAD_PREPS = frozenset({"across", "throughout", "through"})
"""Prepositions whose noun is the ground an event covers ("marched through central Hong
Kong", "strikes across Ukraine"): where it happened, like "in"."""
_PLACE_PREPS = frozenset({"in", "at"}) | _SPREAD_PREPS


def _preps(head: Token, through: frozenset[str] | None = None) -> list[Token]:
    """Prepositions of a head, and of the nouns of its prepositions ("spoke on the phone
    with X": "with" hangs on "phone"); ``through`` limits which prepositions are entered."""
    out = []
    for prep in (c for c in head.children if c.dep_ in ("prep", "agent")):
        out.append(prep)
        if (through is not None and prep.lower_ not in through) or \
                prep.lower_ in _TOPIC_PREPS or prep.lower_ in _REASON_PREPS:
            continue
        for pobj in (p for p in prep.children if p.dep_ == "pobj" and not p.ent_type_ and not (
                prep.lower_ in _SEQUENCE_PREPS and any(c.dep_ == "poss" and c.pos_ != "PRON"
                                                       for c in p.children))):
            out += [c for c in pobj.children if c.dep_ == "prep"]
    return out


def _places_above(tok: Token) -> list[Token]:
    """Place phrases ("in Moscow") of the verbs above a trigger within its clause chain."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("conj", "ccomp", "parataxis") or cur.head.i == cur.i:
            return []
        cur = cur.head
        found = place_objects(cur)
        if found:
            return found
    return []


def _occasion_partners(verb: Token) -> list[Token]:
    """Partners the small model hangs on the occasion of a contact: "spoke today on the
    margins of the NATO Summit with President Duda" (the "with" phrase under "Summit")."""
    out: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _OCCASION_PREPS):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            nouns = [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj"]
            out += [p for n in nouns for c in n.children if c.dep_ == "prep"
                    and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
    return out


_OCCASION_PREPS = frozenset({"on", "at", "during"})


def _stranded_partners(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Partners the small model parses as the subject of a purpose clause: in "spoke today
    with Bennett to offer ..." it reads "with" as the clause's marker (or a preposition
    over it) and Bennett as the subject of "offer"."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ in ("advcl", "ccomp", "xcomp") and _stranding_marker(child, preps):
            out += [s for s in child.children if s.dep_ in SUBJECT_DEPS]
        elif child.dep_ == "prep" and child.lower_ in preps:
            out += [s for c in child.children if c.dep_ == "pcomp"
                    for s in c.children if s.dep_ in SUBJECT_DEPS]
    return out


def _origin_of_partners(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Where unnamed partners come from when the small model hangs it on the verb: "met
    with fellow leaders from our NATO Allies" ("from" under "met"), as "leaders from NATO"."""
    groups = [p for c in head.children if c.dep_ == "prep" and c.lower_ in preps
              for p in c.children if p.dep_ == "pobj" and p.tag_ == "NNS" and not p.ent_type_]
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
            and any(g.i < c.i for g in groups) for p in c.children if p.dep_ == "pobj"]


def _stranding_marker(clause: Token, preps: tuple[str, ...] | frozenset[str] = ("with", "to")
                      ) -> bool:
    """Whether a clause's subject is really the object of a preposition before it (see
    ``_stranded_partners``): a "with"/"to" marker, or a preposition governing the clause."""
    subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    if clause.dep_ == "pcomp" and clause.head.lower_ in preps and clause.head.i < subj.i:
        return True
    return any(c.dep_ in ("mark", "prep") and c.lower_ in preps and c.i < subj.i
               for c in clause.children)


def credited_doers(verb: Token, credit_lemmas: frozenset[str]) -> list[Token]:
    """Who a deed named as a gerund is credited with: the one thanked for it ("thanked Chile
    for imposing sanctions"), or the named owner of the merit it shows ("lauded Canada's
    leadership in enacting sanctions", "thanked the Minister for Singapore's support,
    including imposing sanctions"). Empty when the gerund is no such deed.
    """
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or \
            prep.lower_ not in ("for", "in", "including"):
        return []
    owner = prep.head
    if owner.pos_ == "VERB" and owner.lemma_.lower() in credit_lemmas:
        objects = [c for c in owner.children if c.dep_ == "dobj"]
        # the small model hangs "for Singapore's support" on the verb or on its object
        merits = [p for h in [owner, *objects] for c in h.children
                  if c.dep_ == "prep" and c.lower_ == "for"
                  for p in c.children if p.dep_ == "pobj"]
        return _named_owners(merits + objects)[:1] or objects
    # "Canada's close partnership and leadership in enacting ...": the owner of the first
    # of coordinated merits owns them all (the small model may coordinate the second with
    # the verb that takes the first)
    first = [owner.head] + [c for c in owner.head.children if c.dep_ == "dobj"] \
        if owner.dep_ == "conj" else []
    return _named_owners([owner, *first])[:1]


def _named_owners(nouns: list[Token]) -> list[Token]:
    """The named possessors of these nouns ("Canada's leadership")."""
    return [c for n in nouns if n.pos_ == "NOUN" for c in n.children
            if c.dep_ == "poss" and c.pos_ == "PROPN"]


def _subject_under_mark(clause: Token) -> list[Token]:
    """The subject of a finite adverbial clause that the small model hangs on its conjunction
    as an object ("after Theresa May stepped down": "May" the object of "after"): the
    clause's own subject, not the main clause's, which it must not borrow."""
    if clause.dep_ != "advcl" or clause.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    return [p for c in clause.children if c.dep_ in ("mark", "prep") and c.i < clause.i
            for p in c.children if p.dep_ == "pobj" and p.ent_type_ in ("PERSON", "ORG", "GPE",
                                                                        "NORP")]


def _subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, borrowed from the verb it depends on when it has none."""
    cur = verb
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and \
            verb.head.dep_ == "xcomp" and verb.head.tag_ == "VB":
        # "Raab urged the embassy to reconsider and spoke with Pompeo": a finite conjunct
        # of an infinitive is coordinated with the main verb, whose subject it shares
        cur = verb.head.head
    for _ in range(5):
        subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS] or [
            # "The US has been encouraging": the small model may hang the subject on an aux
            c for a in cur.children if a.dep_ in ("aux", "auxpass") and a.i < cur.i
            for c in a.children if c.dep_ in SUBJECT_DEPS]
        if subj and _stranding_marker(cur):
            subj = []
        if subj:
            return subj
        if held := _subject_under_mark(cur):
            return held
        head = cur.head
        if head.i == cur.i:
            return []
        if cur.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return objs
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ == "VBG" and
                                   head.pos_ in ("PROPN", "NOUN") and
                                   cur.i > 0 and cur.doc[cur.i - 1].text == ","):
            # "Lavrov, speaking after talks with Wang Yi": the one a participle set off by a
            # comma describes (not "posted a message on Twitter blaming Iran", where the
            # small model hangs the participle on the nearest noun)
            return [head]
        if cur.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acl", "pcomp", "prep", "pobj",
                            "dobj", "acomp"):
            return []
        cur = head
    return []
