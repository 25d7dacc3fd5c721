"""Who takes a stated position: the reporting speaker, and the document's own voice.

Four conventions of how analysts code statements (GUIDELINES section 4):

* A position reported through its speaker is the speaker's: in "Special Representative Kim
  reiterated that the United States remains open to diplomacy with the DPRK" the AGREE is
  Kim's, not the United States'. ``reported_speaker`` finds the person whose verb of saying
  governs the trigger's clause.
* A demand the document makes in its own voice ("Houthi leaders must cease their campaign",
  in a statement of the Secretary of State) is the principal's REQUEST to the clause's
  subject. ``voiced_requests`` finds those clauses; the coder gives them the voice as source.
* Hostile words someone is said to say of another are criticism whatever the verb ("said
  President Trump treats the rule of law with utter contempt"): ``quoted_blame`` finds those
  clauses by their valence; the coder makes them the speaker's ACCUSE of the clause's subject.
* A hostile judgement the document states in its own voice with no verb of blame ("Russia is
  responsible for the abuses", "Putin's brutality is inhumane") is the principal's ACCUSE of
  the subject, or of the doer of the deed it names: ``voiced_blame`` finds those clauses.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from sitrep.actors.discourse import Mention
from sitrep.events.rules import (CONTINUING, SUBJECT_DEPS, RuleSet, Trigger, TriggerRule,
                                 statement_owners, with_conjuncts)
from sitrep.record import ActorRef

VOICED_REQUEST = TriggerRule(id="request.voiced", lemmas=frozenset(), pos="VERB",
                             type="REQUEST", requires="target")
"""The rule behind "X must ..." in a document's own voice: source the voice, target X."""
QUOTED_BLAME = TriggerRule(id="accuse.quoted", lemmas=frozenset(), pos="VERB", type="ACCUSE",
                           requires="target")
"""The rule behind "Becerra said: 'President Trump treats the rule of law with utter
contempt'": the speaker blames the subject of a hostile clause they say."""
NAMING_BLAME = TriggerRule(id="accuse.naming", lemmas=frozenset(), pos="VERB", type="ACCUSE",
                           mode="disapprove")
"""The rule behind "Watson called May's Brexit deal 'lousy'": whoever gives the hostile name
accuses the one named, or whose deed it is (``named_ones``)."""
VOICED_BLAME = TriggerRule(id="accuse.voiced", lemmas=frozenset(), pos="VERB", type="ACCUSE",
                           requires="target")
"""The rule behind "Russia is responsible for the abuses", "Putin's brutality is inhumane" in a
document's own voice: the principal (or whoever is said to say it) blames the subject, or
the doer of the deed it names (``voiced_blame``)."""
VERBAL = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
"""Types that are statements, so that their source is whoever stated them."""
_STATING_ADJECTIVES = frozenset({"clear", "firm", "adamant", "explicit", "emphatic"})
"""Adjectives that state a position: "President Biden was clear that ..."."""
_CLAUSE_UP = frozenset({"ccomp", "xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "prep",
                        "pobj", "dobj", "acomp", "attr"})
_REPORTED_UP = frozenset({"ccomp", "conj"})
"""How a reported clause hangs on its verb of saying, directly or as a conjunct."""


def reporters(verb: Token, mentions: dict[int, Mention], speech: frozenset[str],
              statement_nouns: frozenset[str] = frozenset()) -> list[ActorRef]:
    """Everyone who says the clause ``verb`` heads, its own or one it is conjoined in ("Sherman
    and Morgan reiterated that further escalation would be met with severe costs"): the
    subjects of the nearest verb of saying above, or [].

    Args:
        verb: the clause's verb.
        mentions: the sentence's mentions by token index.
        speech: lemmas of verbs of saying.
        statement_nouns: nouns of a statement, whose owners say what it says ("A statement
            from Brazil said that ...", see ``statement_owners``).
    """
    saying = _saying_verb(verb, lambda t: t.lemma_.lower() in speech, _REPORTED_UP, 2)
    if saying is None:
        return []
    subjects = [t for c in statement_owners([c for c in saying.children
                                             if c.dep_ in SUBJECT_DEPS], statement_nouns)
                for t in with_conjuncts(c)]
    return [a for t in subjects if t.i in mentions for a in mentions[t.i].actors]


def reported_speaker(anchor: Token, mentions: dict[int, Mention], speech: frozenset[str]
                     ) -> list[ActorRef]:
    """The person whose verb of saying governs ``anchor``'s clause, or [].

    Args:
        anchor: the trigger (or its light verb).
        mentions: the sentence's mentions by token index.
        speech: lemmas of verbs of saying ("reiterate", "say", "underscore").

    Returns:
        The speaker, when the subject of the nearest such verb above is one person.
    """
    def stating(tok: Token) -> bool:
        return tok.lemma_.lower() in speech or tok.lemma_.lower() in _STATING_ADJECTIVES \
            or any(c.dep_ in ("acomp", "ccomp", "oprd")
                   and c.lemma_.lower() in _STATING_ADJECTIVES for c in tok.children)

    saying = _saying_verb(anchor, stating, _CLAUSE_UP, 4)
    if saying is None:
        return []
    speaker = saying.head if saying.dep_ == "acomp" else saying  # "Biden was clear that ..."
    for subj in (c for c in speaker.children if c.dep_ in SUBJECT_DEPS):
        mention = mentions.get(subj.i)
        if mention is not None and len(mention.actors) == 1 and \
                mention.actors[0].kind == "person":
            return list(mention.actors)
    return []


def _saying_verb(tok: Token, said: Callable[[Token], bool], ups: frozenset[str],
                 steps: int) -> Token | None:
    """The nearest word above ``tok`` that ``said`` accepts, climbing at most ``steps``
    clauses and phrases through the dependencies ``ups``, or None."""
    cur = tok
    for _ in range(steps):
        if cur.dep_ not in ups or cur.head.i == cur.i:
            return None
        cur = cur.head
        if said(cur):
            return cur
    return None


def voiced_requests(sent: Span, rules: RuleSet, found: list[Trigger]) -> list[Trigger]:
    """Clauses of a sentence that demand in the document's own voice: a main verb with
    "must" or "should" and a subject ("Russia ... must stop its aggression"), not already
    inside a matched trigger's clause.

    Args:
        sent: a parsed sentence of a document that has a voice.
        rules: the trigger rules (their modal words).
        found: the triggers already matched in the sentence.

    Returns:
        One trigger per such verb.
    """
    taken = {t.token.i for t in found} | {t.anchor.i for t in found}
    out = []
    for tok in sent:
        if tok.i in taken or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ not in ("ROOT", "conj") or (tok.dep_ == "conj" and tok.head.dep_ != "ROOT"):
            continue
        modal = any(c.dep_ == "aux" and c.lower_ in rules.modal_request_aux
                    for c in tok.children)
        if modal and _subject(tok) is not None:
            out.append(Trigger(VOICED_REQUEST, tok))
    return out


def voiced_blame(sent: Span, rules: RuleSet, found: list[Trigger],
                 polarity: Callable[[str], float]) -> list[Trigger]:
    """Main clauses of a sentence that blame their subject in the document's own voice with
    no verb of blame: a copula with a hostile predicate ("Putin's brutality is inhumane",
    "Iran's seizure of the tanker is a violation of international law", "Russia is
    responsible for the devastating abuses") or a verb of harm done to an order ("Russia's
    aggression undermines the global order"), not negated and not modal ("would be
    unacceptable" warns, it blames no one yet), and not already inside a matched trigger.

    Args:
        sent: a parsed sentence of a document that has a voice.
        rules: the trigger rules (the predicates, verbs and valence that blame).
        found: the triggers already matched in the sentence.
        polarity: the valence of a text, from -1 (hostile) to 1.

    Returns:
        One trigger per such clause, on its verb or copula.
    """
    taken = {t.token.i for t in found} | {t.anchor.i for t in found}
    out = []
    for head in sent:
        if head.i in taken or head.pos_ not in ("VERB", "AUX") or not _main_clause(head):
            continue
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD")
               for tok in (head, head.head) if tok is head or head.dep_ == "xcomp"
               for c in tok.children):
            continue
        subj = _clause_subject(head)
        if subj is None or subj.lower_ in _OWN_WORDS or not _judges(head, rules, polarity):
            continue
        out.append(Trigger(VOICED_BLAME, head))
    return out


def blamed_subjects(head: Token, mentions: dict[int, Mention]) -> list[Token]:
    """Who a clause of ``voiced_blame`` blames, as tokens: each subject that names an actor
    ("Russia is responsible"), else the doer a deed subject names ("*Putin's* brutality",
    "the *Russian* invasion", "the seizure *by Iran*"); never someone further down the
    subject's phrase ("the situation in Ukraine is unacceptable" blames no Ukraine)."""
    subj = _clause_subject(head)
    out: list[Token] = []
    for tok in with_conjuncts(subj) if subj is not None else []:
        if tok.i in mentions:
            out.append(tok)
            continue
        out += [c for c in tok.children if c.i in mentions and c.i < tok.i
                and c.dep_ in ("poss", "amod", "compound", "nmod")]
        out += [p for by in tok.children if by.dep_ == "prep" and by.lower_ == "by"
                for p in by.children if p.dep_ == "pobj" and p.i in mentions]
    return out


def _main_clause(tok: Token) -> bool:
    """Whether a verb heads the sentence or a clause conjoined with its head, or goes on
    with "continue" ("Putin's war continues to inflict horror"): what the document itself
    says, not a clause inside another's (a condition, a relative clause, what someone else
    is said to say)."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in CONTINUING:
        tok = tok.head
    return tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")


def _clause_subject(head: Token) -> Token | None:
    """The subject of a clause of ``voiced_blame``: its verb's, or for "continues to
    inflict" the subject of "continues"."""
    subj = _subject(head)
    if subj is None and head.dep_ == "xcomp":
        return _subject(head.head)
    return subj


def _judges(head: Token, rules: RuleSet, polarity: Callable[[str], float]) -> bool:
    """Whether a clause's predicate judges its subject hostile (see ``voiced_blame``)."""
    if head.lemma_.lower() == "be":
        preds = [p for c in head.children if c.dep_ in ("acomp", "attr")
                 for p in with_conjuncts(c)]
        return any(_hostile_predicate(p, rules, polarity) for p in preds if not _none(p))
    subj = _clause_subject(head)
    return head.pos_ == "VERB" and head.lemma_.lower() in rules.blame_verbs and \
        subj is not None and subj.lemma_.lower() in rules.blame_deeds and \
        any(c.dep_ == "dobj" and not _none(c) for c in head.children)


def _none(word: Token) -> bool:
    """Whether a predicate or object denies itself ("undermine nothing", "is no violation")."""
    return word.lower_ in ("nothing", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in word.children)


def _hostile_predicate(pred: Token, rules: RuleSet, polarity: Callable[[str], float]) -> bool:
    """A predicate word of blame ("inhumane", "a violation"), or one that lays a harm on its
    subject ("responsible for the abuses"; "responsible for its own security" lays none)."""
    if any(c.dep_ == "neg" for c in pred.children):
        return False
    lemma = pred.lemma_.lower()
    if lemma in rules.blame_predicates:
        return True
    if lemma not in rules.responsible_words:
        return False
    harms = [p for c in pred.children if c.dep_ == "prep" and c.lower_ == "for"
             for p in c.children if p.dep_ == "pobj"]
    return any(polarity(pred.doc[h.left_edge.i:h.right_edge.i + 1].text) <= rules.blame_valence
               for h in harms)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for a conjunct its first conjunct's ("Russia ... must stop and
    fully implement")."""
    for cur in (verb, verb.head if verb.dep_ == "conj" else verb):
        subj = next((c for c in cur.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
    return None


QUOTE_MARKS = frozenset({'"', "“", "”"})
_FIRST_PERSON = frozenset({"i", "me", "my"})


class Quotations:
    """Who says "I" inside the quotations of a news article, which has no voice of its own.

    A quotation is its speaker's: "Cornyn said: 'I am disappointed with NASA's decision'",
    "'I strongly reject the measure,' the minister wrote", and a quotation that runs on
    across sentences, or opens right after a sentence reporting that someone spoke ("Cornyn
    issued a statement."), keeps that speaker. The attribution is the one person who is the
    subject of a verb of saying outside the quotation marks.
    """

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs
        self.open = False
        """A quotation runs on from an earlier sentence."""
        self.speaker: ActorRef | None = None
        """The speaker of the current quotation."""
        self._said: ActorRef | None = None
        """The speaker the previous sentence reported, whose words may follow."""
        self._quoted: frozenset[int] = frozenset()

    def skip(self, sent: Span, named: list[ActorRef]) -> None:
        """Follow the quotation marks of a sentence that is not parsed, with the people it
        names: with no parse, the one person named beside a verb of saying speaks."""
        self._quoted = self._marks(sent)
        if not any(t.is_alpha for t in sent):
            return
        saying = any(t.lemma_.lower() in self.verbs for t in sent if t.i not in self._quoted)
        self._said = named[0] if saying and len(named) == 1 and not self._quoted else None

    def read(self, sent: Span, mentions: dict[int, Mention]) -> None:
        """Follow the quotation marks of a parsed sentence and find who speaks in them."""
        was_open = self.open
        self._quoted = self._marks(sent)
        if not any(t.is_alpha for t in sent):
            return  # a quotation mark split off as a sentence of its own
        said = self._attribution(sent, mentions)
        if self._quoted:
            # a quotation running on keeps its speaker; one opening (its mark may close the
            # sentence before) is the previous sentence's speaker's
            running = was_open and self.speaker is not None
            self.speaker = said or (self.speaker if running else self._said)
        self._said = said

    def first_person(self, tokens: list[Token]) -> list[ActorRef]:
        """The speaker behind "I" among a role's tokens inside a quotation, as a list."""
        if self.speaker is None or not tokens or not all(
                t.i in self._quoted and t.lower_ in _FIRST_PERSON for t in tokens):
            return []
        return [self.speaker]

    def _marks(self, sent: Span) -> frozenset[int]:
        inside, state = set(), self.open
        for tok in sent:
            if tok.text in QUOTE_MARKS:
                state = tok.text == "“" or (tok.text == '"' and not state)
            elif state:
                inside.add(tok.i)
        self.open = state
        return frozenset(inside)

    def _attribution(self, sent: Span, mentions: dict[int, Mention]) -> ActorRef | None:
        for verb in sent:
            if verb.i in self._quoted or verb.lemma_.lower() not in self.verbs:
                continue
            for subj in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
                mention = mentions.get(subj.i)
                if mention is not None and len(mention.actors) == 1 and \
                        mention.actors[0].kind == "person":
                    return mention.actors[0]
        return None


_OWN_WORDS = frozenset({"i", "we", "me", "us", "it", "this", "that", "there", "you"})
"""Subjects that are the speaker, the hearer or nobody: no one else is blamed."""


def quoted_blame(sent: Span, speech: frozenset[str], found: list[Trigger],
                 polarity: Callable[[str], float], rules: RuleSet) -> list[Trigger]:
    """Clauses said by someone that speak ill of their subject ("said Trump treats the rule
    of law with utter contempt", "'Moxon proceeded to lie to Daniel,' Rathbun wrote"), not
    already inside a matched trigger's clause.

    Args:
        sent: a parsed sentence.
        speech: lemmas of verbs of saying.
        found: the triggers already matched in the sentence.
        polarity: the valence of a text, from -1 (hostile) to 1.
        rules: the trigger rules (the valence that blames, the verbs of undergoing).

    Returns:
        One trigger per such clause, on its verb.
    """
    taken = {t.token.i for t in found} | {t.anchor.i for t in found}
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in speech or verb.pos_ not in ("VERB", "AUX"):
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i in taken or \
                    clause.pos_ not in ("VERB", "AUX") or \
                    clause.lemma_.lower() in rules.undergo_verbs:
                continue
            # the blamed is named or pointed at ("members of Congress have abused their
            # power"), not a deed of theirs ("Nabil's murder is unacceptable" blames the
            # murderer)
            subj = _subject(clause)
            if subj is None or subj.lower_ in _OWN_WORDS or subj.pos_ not in (
                    "PROPN", "PRON", "NOUN") or any(c.dep_ == "poss" for c in subj.children):
                continue
            words = sent.doc[clause.left_edge.i:clause.right_edge.i + 1].text
            if polarity(words) <= rules.blame_valence:
                out.append(Trigger(QUOTED_BLAME, clause))
    return out


def naming_blame(sent: Span, found: list[Trigger], polarity: Callable[[str], float],
                 rules: RuleSet) -> list[Trigger]:
    """Verbs that give their object a hostile name ("called Prime Minister May's proposed
    Brexit deal 'lousy'", "called Putin a war criminal", "described the ruling as a
    disgrace"): the way news reports criticism without a verb of blame (GUIDELINES 5:
    ACCUSE, criticised).

    The name is the verb's object predicate ("oprd") or its "as" phrase; the verb needs an
    object of its own ("called for calm" names nothing), and the name's valence must be at
    or below ``rules.naming_valence`` ("called Merkel a great friend" is praise).

    Returns:
        One trigger per such verb, on the verb.
    """
    if rules.naming_valence <= -1.0:
        return []
    taken = {t.token.i for t in found} | {t.anchor.i for t in found}
    out = []
    for verb in sent:
        if verb.i in taken or verb.lemma_.lower() not in rules.naming_verbs or \
                verb.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in verb.children):
            continue
        # the small model may hang a quoted adjective on the object it follows ("called
        # the deal 'lousy'"): an adjective after its noun is the name given
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        names = [c for c in verb.children if c.dep_ == "oprd"] + [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children if p.dep_ == "pobj"] + [
            a for o in objects for a in o.children if a.dep_ == "amod" and a.i > o.i] + \
            objects[1:] + [  # "branded Guaido a traitor": the small model's second object
                a for o in objects for a in o.children if a.dep_ == "appos" and
                any(d.lower_ in ("a", "an") for d in a.children)]  # "X's admission a ploy"
        if any(_blaming_name(n, rules) or
               polarity(sent.doc[n.left_edge.i:n.right_edge.i + 1].text)
               <= rules.naming_valence for n in names):
            out.append(Trigger(NAMING_BLAME, verb))
    return out


def _blaming_name(name: Token, rules: RuleSet) -> bool:
    """Whether a name given is hostile by its words, whatever VADER scores it: its head is a
    name of contempt or a word of blame ("a traitor", "barbaric", "an atrocity"), or it is
    a light noun of a deed whose "of" phrase is ("an act of inexplicable barbarity", "a form
    of aggression"). VADER knows few of these words (it scores "barbarity" and "coup" as 0)."""
    heads = [name] + [p for c in name.children if c.dep_ == "prep" and c.lower_ == "of"
                      and name.lemma_.lower() in rules.deed_light_nouns
                      for p in c.children if p.dep_ == "pobj"]
    return any(h.lemma_.lower() in rules.hostile_names or
               h.lemma_.lower() in rules.blame_predicates for h in heads)


def named_ones(verb: Token, mentions: dict[int, Mention]) -> list[Token]:
    """Whom a hostile name given by ``verb`` accuses: its object when that names an actor
    ("called Putin a war criminal"), else the object's possessor or its doer in a "by" phrase
    ("called May's deal 'lousy'", "called the decision by the US a mistake"); never a place
    or victim in its other phrases ("called the attack on Israel an act of evil" accuses no
    Israel, "the war in Ukraine a disaster" no Ukraine)."""
    out: list[Token] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.i in mentions:
            # "named both the PKK and the YPG as terrorists": each one named
            out += [obj, *(c for c in obj.conjuncts if c.i in mentions)]
            continue
        # a doer in a "by" phrase makes the possessor the one it was done to ("called
        # Ukraine's bombardment by Russia an act of barbarity")
        doers = [p for by in obj.children if by.dep_ == "prep" and by.lower_ == "by"
                 for p in by.children if p.dep_ == "pobj"]
        out += doers or [c for c in obj.children if c.dep_ == "poss"]
    return out
