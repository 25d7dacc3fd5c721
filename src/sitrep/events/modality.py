"""Whether a coded event happened: asserted, negated, hypothetical or future.

Read from the trigger's clause and the clauses above it, nearest first: a negation on the
trigger ("did not call"), a modal ("could", "may"), a condition ("if"), a future auxiliary
("will meet") or a governing verb ("plans to meet", "denied meeting", "hopes to visit").
"would" under a verb of saying reports an intention ("said it would allow") and counts as
future; elsewhere it is hypothetical ("negotiations would resume").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitrep.data import read_yaml
from spacy.tokens import Token

from sitrep.record import Modality

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "events"
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_CLIMB = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj", "acl", "conj",
                    "acomp"})


@dataclass(frozen=True)
class ModalityWords:
    """Contents of ``data/events/modality.yaml``."""

    negation: frozenset[str]
    negating_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_verbs: frozenset[str]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    future_nouns: frozenset[str] = frozenset()
    allegation_nouns: frozenset[str] = frozenset()
    """Nouns of a charge over a clause: what they name is alleged, not reported."""
    endeavour_nouns: frozenset[str] = frozenset()
    """Nouns of intent that name an endeavour ("efforts to provide"): under way when an
    ``ongoing_modifiers`` adjective says so."""
    ongoing_modifiers: frozenset[str] = frozenset()
    """Adjectives that tell an endeavour is under way ("their *ongoing* efforts")."""
    giving_verbs: frozenset[str] = frozenset()
    """Verbs of giving, whose endeavour under way reports the giving ("ongoing efforts to
    *provide* assistance")."""
    need_nouns: frozenset[str] = frozenset()
    """Nouns of a need over a verb ("the importance of providing"): a deed still to do."""
    guessing_verbs: frozenset[str] = frozenset()
    """Verbs whose content is a guess or a question ("analysts expect that ...")."""
    occasion_nouns: frozenset[str] = frozenset()
    """Nouns of an occasion taken ("had the opportunity to meet"): what was done on it."""
    need_adjectives: frozenset[str] = frozenset()
    """Adjectives of a need over a "that" clause ("it is critical that Russia withdraw"): a
    deed still to do."""
    demand_nouns: frozenset[str] = frozenset()
    """Nouns of a demand over a clause ("its demand that Israel ease restrictions")."""
    asking_words: frozenset[str] = frozenset()
    """Verbs and nouns whose "for" phrase is asked for ("called for sanctions")."""
    urging_verbs: frozenset[str] = frozenset()
    """Verbs whose object noun is a deed asked for ("urged direct talks", "encouraged
    negotiations between A and B"): not done."""
    phase_nouns: frozenset[str] = frozenset()
    """Nouns of a phase of the event their "of" phrase names ("urged the *resumption* of
    talks"): asking for the phase asks for the event, see ``phase_of``."""
    future_modifiers: frozenset[str] = frozenset()
    """Adjectives that put an event noun ahead ("the upcoming visit", "a planned meeting")."""
    open_modifiers: frozenset[str] = frozenset()
    """Adjectives of an event noun that may happen ("the possible killing"): hypothetical."""
    open_determiners: frozenset[str] = frozenset()
    """Determiners of an event noun that may happen in a clause of what may be ("any attack
    would trigger a war"): hypothetical there."""
    pending_words: frozenset[str] = frozenset()
    """Adverbs of a verb whose infinitive has not happened yet ("has *yet* to concede")."""
    guess_words: frozenset[str] = frozenset()
    """Adjectives and adverbs of a writer's guess ("is *likely* to deploy", "will *probably*
    send"): hypothetical."""
    anterior: frozenset[str] = frozenset()
    """Prepositions whose object came before the clause ("following the resignation of X"):
    an event noun there happened, whatever the clause's own modality."""
    habit_adverbs: frozenset[str] = frozenset()
    """Adverbs of frequency: a verb they modify sums up a habit ("has repeatedly denied")."""
    habit_spans: frozenset[str] = frozenset()
    """Units of a long, uncounted span ("for years", "for many decades"): a verb lasting
    over it sums up a state of affairs, no one event."""
    performative_wishes: frozenset[str] = frozenset()
    performative_verbs: frozenset[str] = frozenset()
    """A speaker's own wish to do one of these ("I want to thank") does it; see
    ``performed``."""
    decision_nouns: frozenset[str] = frozenset()
    """Nouns of a decision taken: the infinitive of an owned one is a deed done ("Russia's
    decision to recognize the republics"), see ``decision_of``."""
    occurrence_verbs: frozenset[str] = frozenset()
    """Verbs an event noun happens by ("an attack could happen", "talks will take place"):
    see ``occurrence_of``."""
    holding_verbs: frozenset[str] = frozenset()
    """Verbs an event noun happens by in the passive only ("the summit will be held")."""
    negative_determiners: frozenset[str] = frozenset()
    """Determiners of a subject that negate its clause ("Neither A nor B condemned ...")."""
    deterred_modifiers: frozenset[str] = frozenset()
    """Words of an act still to come that a response answers ("to *any further* Russian
    aggression"): the response is held over its doer, a deterrent (see the coder's
    ``_stressed_need``)."""
    deterred_acts: frozenset[str] = frozenset()
    """Nouns of hostility such a response answers ("aggression", "attack"): a response to
    any further question or request deters no one."""


def load_modality_words(path: Path = DATA_DIR / "modality.yaml") -> ModalityWords:
    """Read the modality word lists.

    Args:
        path: the YAML file (the bundled one by default).

    Returns:
        The word lists as frozensets.
    """
    raw = read_yaml(path.read_text("utf-8"))
    return ModalityWords(**{k: frozenset(str(w) for w in v) for k, v in raw.items()})


WORDS = load_modality_words()


def spelled(tok: Token) -> str:
    """A token's lowercase form with a typographic apostrophe read as the straight one the
    word lists are written with: transcripts and news write "We’ll meet", "didn’t", "they’d",
    and "’ll" must be the future that "'ll" is."""
    return tok.lower_.replace("\u2019", "'")


def foretold(verb: Token, words: ModalityWords = WORDS) -> bool:
    """Whether a verb says what will or would happen ("would respond", "will be met",
    "it’ll face")."""
    return any(c.dep_ == "aux" and (spelled(c) in words.future_aux or spelled(c) == "would")
               for c in verb.children)


def anterior(noun: Token, words: ModalityWords = WORDS) -> bool:
    """Whether an event noun is the object of a preposition of what came before its clause
    ("following the resignation of X", "after the attack")."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and \
        noun.head.lower_ in words.anterior


def _urged_deed(cur: Token, head: Token, trigger: Token, words: ModalityWords) -> bool:
    """Whether an event noun (or the noun it is a conjunct of) is the direct object of a
    verb of urging ("urged talks", "encouraged talks and a ceasefire"): what is urged is
    still to be done. A person urged ("urged Russia to withdraw") is no deed, and a deed in
    the object's phrase ("urged an investigation into the attack") was done."""
    if not (trigger.pos_ in ("NOUN", "PROPN") and cur.dep_ == "dobj" and
            head.pos_ == "VERB" and head.lemma_.lower() in words.urging_verbs):
        return False
    tok = phase_of(trigger, words)  # "urged the resumption of talks"
    while tok.i != cur.i:
        if tok.dep_ != "conj":
            return False
        tok = tok.head
    # "encouraged the ongoing talks", "the talks held in Istanbul on Tuesday", "the talks
    # that took place in Brussels": talks under way or held are encouraged, not asked for
    return not any(c.dep_ == "amod" and c.lower_ in words.ongoing_modifiers
                   or c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD")
                   for c in trigger.children)


def phase_of(noun: Token, words: ModalityWords = WORDS) -> Token:
    """The noun of a phase whose "of" phrase an event noun is ("the *resumption* of talks",
    "a new *round* of negotiations"), or the event noun itself: what is said of the phase
    (urged, called for, called off) is said of the event."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.dep_ == "prep" and \
            prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in words.phase_nouns:
        return prep.head
    return noun


def _called_off(noun: Token, words: ModalityWords) -> bool:
    """Whether an event noun (or its phase) is the passive subject of a verb of cancelling
    or putting off ("the visit was cancelled", "the summit was called off", "the resumption
    of talks was postponed"): the event did not take place. "Held despite" and "took place
    after all" are read by ``occurrence_of`` first."""
    noun = phase_of(noun, words)
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.pos_ != "VERB" or not (
            verb.lemma_.lower() in words.negating_verbs or
            _phrasal(verb) in words.negating_verbs):
        return False
    # not "was not cancelled", "whether the summit would be called off", nor "was postponed
    # but then went ahead": a cancelling denied, asked about or undone
    return not any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in ("whether", "if")
                   or c.dep_ == "conj" for c in verb.children) and \
        modality_of(verb, words) == "asserted"


def modality_of(trigger: Token, words: ModalityWords = WORDS) -> Modality:
    """The modality of the event whose clause is headed by ``trigger``.

    Args:
        trigger: the trigger verb, or the light verb governing a nominal trigger.
        words: the modality word lists.

    Returns:
        ``negated``, ``hypothetical``, ``future`` or ``asserted``.
    """
    if trigger.sent.text.rstrip().endswith("?"):
        # "Mr. President, did you agree on a Turkish presence in Afghanistan?": a question
        # asks, it asserts nothing (training labels: 1 of 2,129 events is in a question)
        return "hypothetical"
    own = _own_modality(trigger, words)
    if own != "asserted":
        return own
    occurs = occurrence_of(trigger, words)
    if occurs is not None:
        # "a Russian attack could happen within days", "talks will take place next week",
        # "he denied that the meeting took place": the clause it happens in is the event's;
        # "a meeting is unlikely" guesses
        return "hypothetical" if occurs.lemma_.lower() == "be" else modality_of(occurs, words)
    if trigger.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("relcl", "acl") and c.lemma_.lower() in words.negating_verbs
            for c in trigger.children):
        return "negated"  # "a meeting ... that was canceled"
    if trigger.pos_ in ("NOUN", "PROPN") and _called_off(trigger, words):
        return "negated"  # "the visit to Kyiv was cancelled", "the talks were put off"
    if purpose_infinitive(trigger, words):
        return "hypothetical"
    if performed(trigger, words):
        return "asserted"
    cur = trigger
    for _ in range(4):
        if _content_read_as_relative(cur) and _content_of(cur, cur.head, words):
            # "an allegation he assaulted his ex-wife": what a charge says, which the small
            # model reads as a relative clause of the noun
            return "hypothetical"
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            break
        if anterior(cur, words):
            # "voters will go to the polls following the resignation of X": it happened
            return "asserted"
        head = cur.head
        lemma = head.lemma_.lower()
        if head.pos_ == "NOUN" and lemma in words.future_nouns and \
                not _under_way(head, cur, words) and not _occasion_of_making(cur, trigger):
            # (an endeavour under way takes the modality of the clause it is told in)
            # (an intent denied is no plan, and no deed denied either: not coded)
            return "hypothetical" if _denied_intent(head, words) else "future"
        if head.pos_ == "NOUN" and lemma in words.need_nouns and trigger.pos_ == "VERB" and \
                (cur.i == trigger.i and cur.dep_ == "acl"
                 or cur.dep_ == "prep" and trigger.head.i == cur.i):
            # "the importance of providing assistance", "the need to deliver aid": the verb is
            # the need's own complement ("the necessity of the aid sent by Poland" names aid
            # sent, its verb on another noun)
            return "hypothetical"
        if cur.dep_ == "ccomp" and lemma == "be" and cur.tag_ == "VB" and any(
                c.dep_ == "acomp" and c.lemma_.lower() in words.need_adjectives
                for c in head.children):
            # "it is imperative that Russia withdraw its forces": asked, not done (a
            # subjunctive; "it is important that Iran has released them" tells a deed)
            return "hypothetical"
        if cur.dep_ in ("xcomp", "ccomp", "attr") and to_infinitive(cur) and \
                _aim_subject(head, words):
            # "one of the goals of the bloc is to encourage trade", "our aim is to help":
            # an infinitive said of an aim is what is aimed at, not an act
            return "future"
        if head.pos_ == "NOUN" and _content_of(cur, head, words):
            return "hypothetical"
        if cur.dep_ == "prep" and cur.lower_ == "for" and \
                phase_of(trigger, words).head.i == cur.i and lemma in words.asking_words:
            return "hypothetical"  # "called for sanctions against Nigeria": asked, not done
        if _urged_deed(cur, head, trigger, words):
            # "encouraged further direct talks between Armenia and Azerbaijan", "urged the
            # release of the prisoners": asked for, not done
            return "hypothetical"
        if cur.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.i < cur.i and
                                       c.lemma_.lower() in words.demand_nouns
                                       for c in head.children):
            # "reiterated its demand today that Israel ease restrictions" (the small model
            # hangs the demand's clause on the verb)
            return "hypothetical"
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            if _own_modality(head, words) == "negated" and cur.dep_ != "conj":
                return "negated"
            if (lemma in words.negating_verbs or _phrasal(head) in words.negating_verbs) \
                    and cur.dep_ != "conj" and (head.pos_ != "ADJ" or trigger.pos_ == "VERB"):
                # not "Police blocked and arrested hundreds"; an adjective of reluctance
                # negates an act ("wary of offering"), not a thing ("wary of China's buildup")
                return "negated"
            if cur.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in
                                           words.pending_words for c in head.children):
                return "negated"  # "has yet to concede"
            if lemma in words.hypothetical_verbs or (
                    head.pos_ == "ADJ" and lemma in words.guess_words):
                return "hypothetical"
            if lemma in words.future_verbs:
                return "future"
            outer = _own_modality(head, words)
            if outer != "asserted" and cur.dep_ not in ("ccomp", "conj"):
                return outer
            if cur.dep_ == "conj" and outer in ("future", "hypothetical") and \
                    cur.tag_ not in _FINITE:
                # "would be met ... and urged Russia": a finite conjunct has its own tense
                return outer
            if outer == "negated":
                return outer
        cur = head
    return "asserted"


def occurrence_of(noun: Token, words: ModalityWords = WORDS) -> Token | None:
    """The verb an event noun is the subject of when the clause only says that the event
    happens ("an attack could happen", "the talks will take place", "the summit will be
    held", "a meeting is unlikely", "a visit would be too risky"), or None. Other verbs say
    something of an event already told ("the sanctions would hurt Russia's economy"): they
    leave its modality alone."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "a new round of talks may take place"
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if noun.dep_ == "nsubjpass":
        return verb if lemma in words.holding_verbs else None
    if lemma in words.occurrence_verbs or any(
            f"{lemma} {c.lower_}" in words.occurrence_verbs for c in kids
            if c.dep_ in ("dobj", "advmod", "prt")):
        return verb
    if lemma == "be" and any(c.dep_ == "acomp" and c.lower_ in words.guess_words
                             for c in kids):
        return verb  # "a meeting between them is unlikely": a guess
    if lemma == "be" and any(c.dep_ == "aux" and spelled(c) in ("would", "'d") for c in kids) \
            and any(c.dep_ == "acomp" for c in kids):
        # "a visit to Kyiv would be too dangerous": what the event would be like is said of
        # one not (yet) held, even under a verb of saying ("the attack may be a war crime"
        # judges one done, "Monday's call would be their second this year" counts one held:
        # left alone)
        return verb
    return None


def _under_way(noun: Token, deed: Token, words: ModalityWords) -> bool:
    """Whether a noun of intent names an endeavour of giving told as under way ("their
    ongoing efforts to provide assistance", "their respective efforts to deliver aid"): the
    giving (``deed``, the noun's infinitive) is being done, reported, not planned. Only as
    what a clause reports ("reviewed their ongoing efforts"): "Despite ongoing efforts to
    provide weapons, Congress has not approved the funding" sets the scene of another act."""
    return noun.lemma_.lower() in words.endeavour_nouns and noun.dep_ in ("dobj", "conj") and \
        deed.lemma_.lower() in words.giving_verbs and any(
            c.dep_ == "amod" and c.lower_ in words.ongoing_modifiers for c in noun.children)


_MAKING_OCCASION_PREPS = frozenset({"during", "at", "in", "on", "following", "after"})
"""Prepositions by which a participle of making names where or when it was made ("the
commitment made *during* the visit", "pledges announced *at* the summit")."""


def _occasion_of_making(participle: Token, trigger: Token) -> bool:
    """Whether a trigger names the occasion a promise was made on, not what it promises: "the
    commitment made during Vice President Harris' visit in June" (the visit took place, the
    commitment was made there); "the commitment made to provide aid" promises the aid."""
    if participle.dep_ != "acl" or participle.tag_ != "VBN":
        return False
    return any(c.dep_ == "prep" and c.lower_ in _MAKING_OCCASION_PREPS and
               any(p.i == trigger.i for p in c.children if p.dep_ == "pobj")
               for c in participle.children)


def _aim_subject(verb: Token, words: ModalityWords) -> bool:
    """Whether a copula's subject is a noun of intent ("the goal is", "one of the aims of the
    treaty is"), so that what it equates the subject with is intended, not done."""
    if verb.lemma_.lower() != "be":
        return False
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        # the head itself ("the goal"), or the "of" phrase of "one of the goals", not of
        # any noun ("the result of the effort was that ...")
        nouns = [subj] + ([p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"]
                          if subj.lower_ == "one" else [])
        if any(n.pos_ == "NOUN" and n.lemma_.lower() in words.future_nouns for n in nouns):
            return True
    return False


def _denied_intent(noun: Token, words: ModalityWords) -> bool:
    """Whether a noun of intent is denied by its own determiner ("has *no* intention of
    fighting Russia", "*no* plans to invade"): a reassurance, neither a plan nor a deed."""
    return any(c.dep_ == "det" and c.lower_ in words.negative_determiners
               for c in noun.children)


def denied_noun(noun: Token, words: ModalityWords = WORDS) -> bool:
    """Whether an event noun is denied by its own determiner ("held *no* talks", "expressed
    *no* support", "reached *no* agreement", "made *no* promise to"): the event did not
    happen, whatever the tense of the verb that tells it."""
    # ("no fewer than 200 tanks", "no more attacks" count or end things, they deny no act)
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in words.negative_determiners and
        not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].tag_ in ("JJR", "RBR"))
        for c in noun.children)


def to_infinitive(clause: Token) -> bool:
    """Whether a clause is a "to" infinitive ("is to encourage trade")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def performed(verb: Token, words: ModalityWords = WORDS) -> bool:
    """Whether a speech act is done by the wish that governs it: "I want to thank you",
    "We would like to welcome the decision" (a first-person subject, the wish in the present,
    "would" allowed, not negated). A wish in the past or of someone else ("She wanted to
    thank") reports a wish; "I want to visit" is no act done by saying it.

    Args:
        verb: the trigger verb.
        words: the modality word lists.

    Returns:
        True when the wish performs the act.
    """
    wish = verb.head
    if verb.dep_ != "xcomp" or verb.lemma_.lower() not in words.performative_verbs or \
            wish.lemma_.lower() not in words.performative_wishes or \
            not to_infinitive(verb):
        return False
    kids = list(wish.children)
    first_person = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in kids)
    auxes = {spelled(c) for c in kids if c.dep_ == "aux"}
    present = wish.tag_ in ("VBP", "VBZ") or (wish.tag_ == "VB" and auxes <= {"would", "'d"}
                                               and bool(auxes))
    return first_person and present and not any(
        c.dep_ == "neg" or spelled(c) in words.negation for c in kids)


def _content_of(cur: Token, noun: Token, words: ModalityWords) -> bool:
    """Whether ``cur`` is what a noun of charge or demand says ("charges *of* murder",
    "charges, *including* conspiring to hack", "the demand *that* Israel ease", "a demand
    *for* the release of"), not a phrase of some other kind ("the death count *from* the
    airstrike", "the general in charge *of* the attack")."""
    lemma = noun.lemma_.lower()
    preps: tuple[str, ...]
    if lemma in words.allegation_nouns and not (noun.dep_ == "pobj" and noun.head.lower_ == "in"):
        preps = ("of", "including")
    elif lemma in words.demand_nouns:
        preps = ("of", "including", "for")
    else:
        return False
    return cur.dep_ in ("acl", "ccomp", "relcl") or (cur.dep_ == "prep" and cur.lower_ in preps)


def _content_read_as_relative(clause: Token) -> bool:
    """Whether a clause parsed as relative to a noun is a content clause: opened by "that"
    as a conjunction, or with its own subject and object, so no gap a relative fills ("an
    allegation that he assaulted X", "an allegation he assaulted X"; not "the charges that
    Russia denied")."""
    if clause.dep_ != "relcl" or clause.head.pos_ != "NOUN":
        return False
    kids = list(clause.children)
    if any(c.tag_ in ("WDT", "WP", "WP$", "WRB") and c.dep_ != "mark" for c in kids):
        return False
    return any(c.dep_ == "mark" for c in kids) or (
        any(c.dep_ == "nsubj" for c in kids) and any(c.dep_ == "dobj" for c in kids))


def negated(tok: Token, words: ModalityWords = WORDS) -> bool:
    """Whether a clause's own verb (or a noun) is negated ("did not call", "no meeting"), or
    a verb's subject is ("Neither France nor Germany condemned ...", "No state objected")."""
    if any(c.dep_ == "neg" or (spelled(c) in words.negation and c.dep_ in ("det", "advmod"))
           for c in tok.children):
        return True
    return tok.pos_ in ("VERB", "AUX") and any(
        d.lower_ in words.negative_determiners and d.dep_ in ("det", "preconj") and d.i < s.i
        for s in tok.children if s.dep_ in ("nsubj", "nsubjpass") for d in s.children)


def refused(tok: Token, words: ModalityWords = WORDS) -> bool:
    """Whether a clause the caller found negated states a refusal made ("did not concede",
    "has yet to concede", "will not accept"), not a condition or a guess ("if he does not
    concede", "may not accept", "would not accept"), where the negation is what may be."""
    kids = list(tok.children)
    if any(c.dep_ == "mark" and c.lower_ in words.hypothetical_marks for c in kids):
        return False
    if any(c.dep_ == "neg" for c in kids) and any(c.lower_ in words.pending_words for c in kids):
        return False  # "has not yet accepted the proposal": still pending, no refusal
    auxes = [spelled(c) for c in kids if c.dep_ in ("aux", "auxpass")]
    return not any(a in words.hypothetical_aux or a == "would" for a in auxes)


def _own_modality(tok: Token, words: ModalityWords) -> Modality:
    kids = list(tok.children)
    if negated(tok, words):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in words.hypothetical_marks for c in kids):
        return "hypothetical"
    auxes = [spelled(c) for c in kids if c.dep_ in ("aux", "auxpass")]
    if any(a in words.hypothetical_aux for a in auxes) or any(
            c.dep_ == "advmod" and c.lower_ in words.guess_words for c in kids):
        return "hypothetical"
    if any(a in words.future_aux for a in auxes):
        return "future"
    if "would" in auxes:
        return "future" if _under_speech(tok, words) else "hypothetical"
    if any(a == "going" for a in auxes):
        return "future"
    if tok.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("amod", "compound") and c.lower_ in words.future_modifiers for c in kids):
        return "future"
    if tok.pos_ == "NOUN" and any(c.i < tok.i and (
            (c.dep_ == "amod" and c.lower_ in words.open_modifiers) or
            (c.dep_ == "det" and c.lower_ in words.open_determiners and
             _open_clause(tok, words))) for c in kids):
        return "hypothetical"
    return "asserted"


def _open_clause(noun: Token, words: ModalityWords) -> bool:
    """Whether the clause a noun stands in speaks of what may be: a modal, a future or a
    condition on its verb ("any attack *would* be met", "*if* any strike hits")."""
    verb = noun
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any((c.dep_ in ("aux", "auxpass") and (spelled(c) in words.hypothetical_aux or
                                                 spelled(c) in words.future_aux or
                                                 spelled(c) == "would")) or
               (c.dep_ == "mark" and c.lower_ in words.hypothetical_marks)
               for c in verb.children)


def purpose_infinitive(tok: Token, words: ModalityWords = WORDS) -> bool:
    """Whether ``tok`` heads an infinitive of purpose, which states an aim, not an event.

    Args:
        tok: a trigger's anchor ("coordinate" in "channels to coordinate").
        words: the modality word lists (a future verb over the infinitive is a plan).

    Returns:
        True for "channels to coordinate", "provided $12 million to support".
    """
    if not to_infinitive(tok):
        return False
    if tok.dep_ == "xcomp":
        # "established channels to coordinate": the infinitive hangs on the verb but says
        # what the object is for; "invited Bennett to visit" has an actor as the object
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not c.ent_type_
                   for c in tok.head.children) and tok.head.lemma_.lower() not in words.future_verbs
    if tok.dep_ not in ("advcl", "acl", "relcl"):
        return False
    if tok.dep_ == "acl" and _under_way(tok.head, tok, words):
        return False  # "their ongoing efforts to provide assistance": the assistance given
    if tok.dep_ == "acl" and _occasion_taken(tok.head, words):
        return False  # "had the opportunity to meet with X": the meeting took place
    return tok.head.lemma_.lower() not in words.future_verbs and decision_of(tok, words) is None


def _occasion_taken(noun: Token, words: ModalityWords) -> bool:
    """Whether a noun is an occasion someone had, got or took ("had the chance to talk to
    X"): its infinitive is what was done on it (as the verb "have" is, so "did not have the
    chance" denies it). Only in the simple past and not let go: "has the opportunity each
    year", "hopes to have the chance", "had no opportunity", "had the chance to meet him but
    declined" tell no act."""
    verb = noun.head
    return noun.lemma_.lower() in words.occasion_nouns and noun.dep_ == "dobj" and \
        verb.lemma_.lower() in ("have", "get", "take") and (verb.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_.lower() == "do"
            for c in verb.children)) and \
        not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) and \
        not any(c.dep_ == "conj" and (c.lemma_.lower() in words.negating_verbs
                                      or _own_modality(c, words) == "negated")
                for c in verb.children)


def decision_of(tok: Token, words: ModalityWords = WORDS) -> Token | None:
    """The decision noun whose infinitive ``tok`` heads, when what was decided is reported
    as done by the decision's named owner: "condemned Russia's decision to recognize the
    republics (and send troops)", "welcomed the decision by Estonia to expel the envoy"
    (training labels code the deed, dated as the statement, GUIDELINES 2). None for an
    aim ("channels to coordinate"), a decision no one is named as taking ("any decision to
    invade"), one only possible or planned ("a possible decision to"), or a deed decided
    against ("the decision not to renew").

    Args:
        tok: a trigger's anchor.
        words: the modality word lists.

    Returns:
        The decision noun, or None.
    """
    clause = tok
    for _ in range(4):
        if clause.dep_ != "conj":
            break
        clause = clause.head  # "decision to recognize ... and send troops"
    decision = clause.head
    if clause.dep_ != "acl" or not to_infinitive(clause) or decision.pos_ != "NOUN" or \
            decision.lemma_.lower() not in words.decision_nouns:
        return None
    if negated(tok, words) or negated(clause, words) or \
            _own_modality(decision, words) != "asserted":
        return None
    owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by")
                for c in decision.children)
    return decision if owned else None


def _under_speech(tok: Token, words: ModalityWords) -> bool:
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        if cur.head.lemma_.lower() in words.speech_verbs:
            return True
        cur = cur.head
    return False


def _phrasal(verb: Token) -> str:
    """A verb with its particle, as the lexicon writes phrasal verbs ("rule out")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()
