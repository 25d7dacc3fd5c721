"""Actors filling an event's roles: argument tokens to the actor mentions behind them.

The parser gives the words of a role ("Israeli officials", "the president of Armenia",
"they"); the actor is the mention at the word, at a modifier of it, at the noun of its
"of/in/from" phrase for a group or an office, or, for a subject pronoun in a reported clause,
the reporter. A title that introduces a name gives way to the person ("Canadian Minister of
Foreign Affairs Marc Garneau").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.actors.lexicon import ACTOR_WORDS
from sitrep.actors.identity import participant_key
from sitrep.actors.discourse import Mention
from sitrep.events.rules import SUBJECT_DEPS
from sitrep.record import ActorRef

_MENTION_CHILD_DEPS = ("appos", "compound", "amod", "nmod", "poss")
"""Modifiers whose actor stands for an unresolved argument noun, best first: "his Iranian
counterpart, Hossein Amirabdollahian" is the person, not Iran."""
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
"""Nouns of a line two states share: the state in their "with" phrase is the one the place
names ("a build-up on the border with Ukraine")."""
_GROUP_PREPS = ("of", "in", "from")
"""Prepositions through which a group noun names its actor ("leaders of Romania's new
government", "opposition groups in Zimbabwe")."""


def resolve_roles(tokens: Sequence[Token], mentions: dict[int, Mention], direct: bool = False,
                  loose: bool = False, doers: bool = False) -> list[ActorRef]:
    """Actors behind the argument tokens of one role.

    Args:
        tokens: the role's head tokens (from ``sitrep.events.rules.arguments``).
        mentions: the sentence's mentions by token index.
        direct: only tokens that are mentions themselves (or group nouns): for fallback
            targets, where "the Iran nuclear deal" must not stand for Iran.
        doers: with ``loose``, read the doer of a deed noun first ("condemned the atrocities
            committed by Russia"): for the accused of a condemnation.
        loose: also read the "of/in" phrase of any noun ("the welfare of Libyans", "a jail
            in northern Israel"): for targets.

    Returns:
        Distinct actors, in token order.
    """
    out: dict[str, ActorRef] = {}
    for tok in tokens:
        for named in _included(tok, mentions):
            # "top Egyptian officials including Foreign Minister Shoukry": the people named
            for ref in named.actors:
                out.setdefault(participant_key(ref), ref)
        mention = _titled_person(tok, mentions) or mentions.get(tok.i)
        if mention is None and direct and tok.pos_ in ("NOUN", "PRON") and \
                not _sector_like(tok, mentions):
            continue
        listed: list[ActorRef] = []
        if mention is None:
            mention = _mention_below(tok, mentions, 2, loose, doers)
            listed = _listed_members(tok, mention, mentions)
        if mention is None and tok.lower_ in _GROUP_PRONOUNS:
            mention = _reporting_subject(tok, mentions)
        if mention is None:
            continue
        for ref in [*mention.actors, *listed]:
            out.setdefault(participant_key(ref), ref)
    return list(out.values())


def resolve_addressees(tokens: Sequence[Token], mentions: dict[int, Mention],
                       doers: bool = False, agents: bool = False) -> list[ActorRef]:
    """The addressees of a statement ("urged Russia and Belarus", "urged immediate Russian
    de-escalation and the withdrawal of troops from Ukraine's borders").

    Actors named as the role's own words all count; otherwise only the first actor read from
    inside a role noun's phrase does: it is the one asked, blamed or praised, and the places
    further down the phrase are where ("from Ukraine's borders"), not whom.

    Args:
        tokens: the role's head tokens.
        mentions: the sentence's mentions by token index.
        doers: read the doer of a deed noun before its "of/in" phrase (see
            ``resolve_roles``).
        agents: when no actor is found otherwise, read the "by" agent of a deed noun
            ("welcomed the applications by Finland and Sweden"): whose deed is praised.

    Returns:
        Distinct actors, in token order.
    """
    if doers:
        # "condemned Russia's war against Ukraine": the deed's doer is the accused, and the
        # victim its phrase names ("against Ukraine") is not
        owners = [r for t in tokens if t.i not in mentions and t.pos_ == "NOUN"
                  for r in _deed_owner(t, mentions)]
        if owners:
            return owners
    direct = [t for t in tokens if t.i in mentions or _titled_person(t, mentions)]
    if direct:
        # "thanked Prime Minister Kallas and the people of Estonia": a people beside a name
        nations = [t for t in tokens if t not in direct and t.lemma_.lower() in _NATION_NOUNS]
        named = [a for t in tokens if t not in direct for a in _named_in_apposition(t, mentions)]
        return resolve_roles(sorted(direct + nations + named, key=lambda t: t.i), mentions)
    for tok in tokens:
        found = resolve_roles([tok], mentions, loose=True, doers=doers)
        if found:
            return found[:1] + conjoined(found[0], tok.doc, mentions)
    if agents:
        # "welcomed the applications by Finland and Sweden": with no one else in the phrase,
        # the deed's agent is whom it is addressed to
        by = next((found for t in tokens if t.i not in mentions and t.pos_ == "NOUN"
                   for found in [_agent(t, mentions)] if found), [])
        return with_conjoined(by, tokens[0].doc, mentions) if by else []
    return []


def _named_in_apposition(tok: Token, mentions: dict[int, Mention]) -> list[Token]:
    """The name a common noun of the role is put beside, when it is a conjunct of a named
    one: "condemned Russia and its ally Belarus", "sued Vance and his accountant Mazars" name
    both, where the role's own reading keeps only the first name."""
    if tok.pos_ != "NOUN" or tok.dep_ != "conj" or tok.i in mentions:
        return []
    return [a for a in tok.children if a.dep_ == "appos" and a.i in mentions
            and mentions[a.i].kind == "name"]


def with_conjoined(refs: list[ActorRef], doc: Doc,
                   mentions: dict[int, Mention]) -> list[ActorRef]:
    """``refs`` and the actors conjoined with each (see ``conjoined``), distinct, in order."""
    out = {participant_key(r): r for r in refs}
    for ref in refs:
        for other in conjoined(ref, doc, mentions):
            out.setdefault(participant_key(other), other)
    return list(out.values())


_NATION_NOUNS = frozenset({"people"})
"""Nouns through whose phrase an addressee beside a named one is its state ("the people of
Poland", GUIDELINES 4)."""


def conjoined(ref: ActorRef, doc: Doc, mentions: dict[int, Mention]) -> list[ActorRef]:
    """The actors conjoined with the mention of ``ref``: "the defense of Japan and the
    Republic of Korea" is about both, where a later "from Ukraine's borders" is a place."""
    mention = next((m for m in mentions.values() if ref in m.actors), None)
    if mention is None:
        return []
    key = participant_key(ref)
    out: dict[str, ActorRef] = {}
    head = doc[mention.head]
    conjuncts = list(head.conjuncts)
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        # "the security of Poland and all of our NATO Allies": the model conjoins the
        # quantifier with the noun whose phrase names Poland
        conjuncts += [c for c in head.head.head.conjuncts if c.pos_ in _QUANTIFIER_POS]
    # "the Republic of Korea and Japan": the model conjoins the next name with the last word
    # of a name that has its own "of"
    conjuncts += [c for t in doc[mention.start:mention.end] if t.i != head.i
                  for c in t.conjuncts if not mention.start <= c.i < mention.end]
    for conj in conjuncts:
        for other in resolve_roles([conj], mentions, loose=True):
            if participant_key(other) != key:
                out.setdefault(participant_key(other), other)
    return list(out.values())


_QUANTIFIER_POS = frozenset({"PRON", "DET", "NUM"})
"""Parts of speech of "all", "each", "both" standing for a group named by their "of"."""


def resolve_group(tokens: Sequence[Token], mentions: dict[int, Mention]) -> list[ActorRef]:
    """Everyone a group of participants names, however the small model parsed it: "the
    foreign ministers of Cyprus, Greece, Israel plus the United States", "US President Donald
    Trump and Turkish President Recep Tayyip Erdoğan" (one tangled noun phrase), "President
    Biden, joined by Vice President Harris".

    Args:
        tokens: the head tokens of the group (the subject of a meeting).
        mentions: the sentence's mentions by token index.

    Returns:
        Distinct actors of every name mention inside the phrase, in text order; the role's
        own reading (``resolve_roles``) when the phrase names fewer.
    """
    own = resolve_roles(tokens, mentions)
    inside: dict[int, Mention] = {}
    for tok in tokens:
        for word in _group_phrase(tok):
            mention = mentions.get(word.i)
            if mention is not None and mention.kind in ("name", "title"):
                inside.setdefault(mention.start, mention)
    found: dict[str, ActorRef] = {participant_key(r): r for r in own}
    for _, mention in sorted(inside.items()):
        for ref in mention.actors:
            found.setdefault(participant_key(ref), ref)
    return list(found.values()) if len(found) > len(own) else own


def companions(verb: Token, mentions: dict[int, Mention]) -> list[ActorRef]:
    """People who took part alongside the subject: "President Biden, joined by Vice
    President Harris, spoke ..."."""
    out: list[ActorRef] = []
    for clause in (c for c in [*verb.children, *(s for c in verb.children
                                                 if c.dep_ in SUBJECT_DEPS for s in c.children)]
                   if c.lemma_.lower() in _COMPANY):
        agents = [p for a in clause.children if a.dep_ == "agent" for p in a.children
                  if p.dep_ == "pobj"]
        out += resolve_roles(agents, mentions)
    return out


_COMPANY = frozenset({"join", "accompany"})
_GROUP_STOP = frozenset({"relcl", "advcl", "ccomp", "xcomp", "parataxis"})


def _group_phrase(tok: Token) -> list[Token]:
    out, stack = [], [tok]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in _GROUP_STOP and not (
            # "talks between Kim and Trump in Hanoi": where a named one is, is no one
            # taking part ("officials in Kyiv" are Kyiv's: a common noun's place says who)
            cur.pos_ == "PROPN" and c.dep_ == "prep" and c.lower_ in ("in", "at")))
    return out


_GROUP_PRONOUNS = frozenset({"they", "it", "we"})


def _included(tok: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """The named mentions a group noun lists as its members ("officials including Foreign
    Minister X and Minister Y", "leaders in Europe, including President Z", "allies such as
    Germany"); a thing's list names no members ("challenges, including China and Libya")."""
    lemma = tok.lemma_.lower()
    if not (_sector_like(tok, mentions) or lemma in ACTOR_WORDS.titles
            or lemma in ACTOR_WORDS.collective_nouns or lemma in ACTOR_WORDS.member_words):
        return []
    names = [p for c in tok.children if c.dep_ == "prep" and (c.lower_ == "including" or (
                 c.lower_ == "as" and any(a.lower_ == "such" for a in c.children)))
             for p in c.children if p.dep_ == "pobj"]
    found = [mentions.get(t.i) for p in names for t in (p, *p.conjuncts)]
    return [m for m in found if m is not None and m.kind == "name"]


def _mention_below(tok: Token, mentions: dict[int, Mention], depth: int, loose: bool = False,
                   doers: bool = False) -> Mention | None:
    """The mention at a modifier of ``tok`` or, for a group noun, at the noun of its
    "of/in/from" phrase, looked for ``depth`` phrases down."""
    # "the NATO 2030 initiative", "the Iran nuclear deal": a name inside a thing's name is
    # no one taking part; its owner is ("NATO's initiative")
    thing = tok.lemma_.lower() in ACTOR_WORDS.non_actor_heads
    kids = sorted((c for c in tok.children if c.dep_ in _MENTION_CHILD_DEPS
                   and not (thing and c.dep_ in ("compound", "nmod")
                            and not _polity_of_place(tok, c, mentions))),
                  key=lambda c: _MENTION_CHILD_DEPS.index(c.dep_))
    mention = next((mentions[c.i] for c in kids if c.i in mentions), None)
    if mention is not None or depth == 0 or not (_collective(tok) or (
            loose and tok.pos_ in ("NOUN", "PROPN"))):
        return mention
    if loose and doers:
        # "condemned the Venezuelan drone attack": the small model hangs the doer's demonym
        # on the weapon before the deed
        mention = next((mentions[g.i] for c in kids if c.dep_ == "compound"
                        and c.pos_ == "NOUN" and c.lemma_.lower() in ACTOR_WORDS.weapon_words
                        for g in c.children
                        if g.dep_ in ("amod", "compound", "nmod") and g.i == c.i - 1
                        and g.i in mentions), None)
        if mention is not None:
            return mention
        # "condemned the atrocities committed by Russia", "attacks by Houthi forces": the
        # doer of the deed named is whom the statement is about, before any "of/in" place
        for doer in _doers(tok):
            mention = mentions.get(doer.i) or \
                _mention_below(doer, mentions, depth - 1, loose, doers)
            if mention is not None:
                return mention
        if _harm_noun(tok):
            # "condemned the killing of X": the phrase names the harmed, not the accused,
            # though it may name the doer of the harm ("the deaths of protesters killed by
            # Iranian forces"); the place of "casualties in Yemen" is read as the
            # development gold reads it
            harmed_doers = [d for prep in tok.children if prep.dep_ == "prep"
                            and prep.lower_ in _HARMED_PREPS for p in prep.children
                            if p.dep_ == "pobj" for d in _doers(p)]
            places = [p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "in"
                      for p in prep.children if p.dep_ == "pobj"]
            return next((m for t in harmed_doers + places
                         for m in [mentions.get(t.i) or _mention_below(t, mentions, 1)]
                         if m is not None), None)
    # "entities located in Russia", "a bank based in Iran": where a group is placed
    placed = [p for a in tok.children if a.dep_ == "acl" and a.lemma_.lower() in _PLACED
              for p in a.children if p.dep_ == "prep" and p.lower_ == "in"]
    # "troops on the border with Ukraine": a border's "with" names the state beyond it
    shared = ("with",) if tok.lemma_.lower() in _BORDER_NOUNS else ()
    for prep in [c for c in tok.children if c.dep_ == "prep" and (
            c.lower_ in _GROUP_PREPS or c.lower_ in shared)] + placed:
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            mention = mentions.get(pobj.i) or \
                _mention_below(pobj, mentions, depth - 1, loose, doers)
            if mention is not None:
                return mention
    return None


def _listed_members(group: Token, mention: Mention | None,
                    mentions: dict[int, Mention]) -> list[ActorRef]:
    """The others a plural group noun's "of/from" phrase lists after the first, which
    ``_mention_below`` reads alone: "the foreign ministers of France, Germany and Italy" are
    of all three."""
    if mention is None or group.tag_ not in ("NNS", "NNPS") or not _collective(group):
        return []
    first = group.doc[mention.head]
    if not (first.dep_ == "pobj" and first.head.lower_ in _GROUP_PREPS
            and first.head.head.i == group.i):
        return []
    return [r for c in first.conjuncts
            for m in [mentions.get(c.i) or _mention_below(c, mentions, 1)] if m is not None
            for r in m.actors]


def _polity_of_place(place: Token, name: Token, mentions: dict[int, Mention]) -> bool:
    """Whether a name before a noun of a place is a body that holds it ("recognized the
    DPR and LPR regions" names the two entities), unlike a place's own name or a
    state's ("the Indo-Pacific region", "the Iran region" are where, not who)."""
    mention = mentions.get(name.i)
    return place.lemma_.lower() in ACTOR_WORDS.place_nouns and mention is not None and \
        bool(mention.actors) and all(r.kind in ("org", "group") for r in mention.actors)


def _deed_owner(noun: Token, mentions: dict[int, Mention]) -> list[ActorRef]:
    """The actor whose deed a noun names by its possessor or demonym ("Russia's war",
    "the Russian aggression"), or none."""
    for child in noun.children:
        mention = mentions.get(child.i)
        if child.dep_ in ("poss", "amod") and child.i < noun.i and mention is not None:
            return list(mention.actors)
    return []


def _agent(noun: Token, mentions: dict[int, Mention]) -> list[ActorRef]:
    """The actors a deed noun's "by" agent names ("the decision by Visa and Mastercard"),
    or none."""
    for doer in _doers(noun):
        mention = mentions.get(doer.i) or _mention_below(doer, mentions, 1)
        if mention is not None:
            return list(mention.actors)
    return []


def harmed(tok: Token) -> bool:
    """Whether a word lies in the phrase of a noun of harm that names the harmed ("the
    shooting death *of former Prime Minister Abe*", "attacks *against civilians*"), not whom a
    condemnation accuses."""
    for _ in range(8):
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
                _harm_noun(tok.head.head) and tok.head.lower_ in _HARMED_PREPS:
            return True
        if tok.head.i == tok.i or tok.dep_ in _OWN_PHRASE_DEPS:
            # "the deaths of protesters killed *by Iranian forces*": a clause or agent of
            # its own names the doer, not the harmed
            return False
        tok = tok.head
    return False


_OWN_PHRASE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "agent"})


_PLACED = frozenset({"locate", "base", "headquarter", "register"})
"""Participles that place a group in a state ("five entities *located in* Russia")."""
_HARMED_PREPS = frozenset({"of", "against", "on", "upon"})
"""Prepositions through which a noun of harm names the harmed ("the killing *of* X")."""


def _harm_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in ACTOR_WORDS.harm_nouns or tok.lower_ in ACTOR_WORDS.harm_nouns


def _doers(noun: Token) -> list[Token]:
    """The agents of a deed noun: "attacks *by* X", "atrocities committed *by* X"."""
    out = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
           for p in c.children if p.dep_ == "pobj"]
    for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        out += [p for a in clause.children if a.dep_ == "agent"
                for p in a.children if p.dep_ == "pobj"]
    return out + _relative_doers(noun)


def _relative_doers(noun: Token) -> list[Token]:
    """The subject of a relative clause whose object the noun is: the doer of the deed it
    names ("the leadership *that the Netherlands is showing*", "the statements *the prime
    minister made*"). Not a clause the noun is the subject of ("the attack *that killed
    five*", its subject the relative pronoun), nor one with an object of its own ("the
    day *Kenya signed the deal*": the noun is when, not what)."""
    out: list[Token] = []
    if noun.pos_ != "NOUN":
        return out  # "everything the United Nations stands for" names no deed
    for clause in (c for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")):
        kids = list(clause.children)
        if clause.lemma_.lower() in ACTOR_WORDS.no_deed_verbs or \
                any(c.tag_ == "WRB" or c.lower_ in ("where", "when") for c in kids):
            # "the attacks that Ukraine suffered", "the partners that Ukraine has", "the
            # city where X grew up": what the subject undergoes, holds or where it was
            continue
        if any(c.dep_ in ("dobj", "ccomp", "nsubjpass") and not _relative_word(c)
               or c.dep_ == "prep" and not list(c.children) for c in kids) \
                or any(t.dep_ == "xcomp" for t in clause.subtree):
            # (an infinitive's or a stranded preposition's object is the noun: "the work
            # that A and B have been able to do together", "all the UN stands for")
            continue
        out += [c for c in kids if c.dep_ == "nsubj" and not _relative_word(c) and c.i > noun.i]
    return out


def _relative_word(tok: Token) -> bool:
    """Whether a word opens a relative clause ("that", "which", "who", "where"; the small
    model may tag "that" as a conjunction): the noun it stands for."""
    return tok.tag_ in ("WDT", "WP", "WRB") or tok.lower_ in ("that", "which", "who", "whom")


def _collective(tok: Token) -> bool:
    """Whether a word stands for a body of people, or an office, that a phrase after it
    names ("leaders of Romania", "a group of Moroccan diplomats", "the president of
    Armenia"), unlike a name or a thing ("Director of the National Economic Council Brian
    Deese", "the city of Kirkuk")."""
    if tok.pos_ in ("NUM", "PRON") or tok.tag_ in ("NNS", "NNPS"):
        return True
    lemma = tok.lemma_.lower()
    # a bare title stands for its state ("the president of Armenia"); with a name, the name
    # is its own mention and is read first
    return lemma in ACTOR_WORDS.collective_nouns or lemma in ACTOR_WORDS.titles or \
        lemma in ACTOR_WORDS.sector_nouns


def _reporting_subject(tok: Token, mentions: dict[int, Mention]) -> Mention | None:
    """For a subject pronoun in a reported clause, the mention of the reporter."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.lower_ in _GROUP_PRONOUNS:
                continue
            return mentions.get(subj.i) or _mention_below(subj, mentions, 2)
    return None


def without_title_states(refs: list[ActorRef], text: str = "") -> list[ActorRef]:
    """Drop a state standing beside one of its own people, and the words of a person's title
    read as actors of their own.

    Args:
        refs: the actors of one role.
        text: the text the actors' character offsets point into (the parsed document), to
            read the title words between a body and a name; "" to skip that reading.

    Returns:
        ``refs`` without the states whose person is there too: in "Israeli Alternate Prime
        Minister and Foreign Minister Yair Lapid" the first title reads as "Israeli
        officials"; without a body or bare title that opens a named person's title ("PRC
        State Councilor and Foreign Minister Wang Yi", "European External Action Service
        (EEAS) Secretary General Stefano Sannino").
    """
    people = {r.country for r in refs if r.kind == "person" and r.country}
    refs = [r for r in refs if r.kind != "state" or r.country not in people
            or _nation(r, text)]
    named = [r for r in refs if r.kind == "person" and r.start is not None and
             not _only_titles(r.name)]
    # "WikiLeaks co-founder Julian Assange": the body in a person's title is an affiliation
    starts = [r.start for r in named if r.start is not None]
    # "Republic of Korea (ROK) National Security Advisor Kim Sung-han": the state opening
    # the title of someone the kb does not know is their country
    stateless = [r.start for r in named if r.start is not None and not r.country]
    return [r for r in refs if not _opens_title(r, stateless if r.kind == "state" else starts,
                                                text) and not _ends_title(r, starts, text) and (
        r.kind != "org" or r.end is None or r.actor_id or
        not any(0 <= s - r.end <= 14 for s in starts))]


_TITLE_RUN_WORDS = frozenset({"of", "the", "and", "for", "on", "to", "in", "(", ")", "-"})
"""Lower-case words a title may hold between capitalised ones ("Director of the Office")."""
_TITLE_RUN_MAX = 14
"""Words at most between a body and the name its title ends in."""


def _only_titles(name: str) -> bool:
    """Whether a person's name is nothing but title words ("State Councilor")."""
    words = [w.lower().strip(".") for w in name.split()]
    return bool(words) and (words[-1] in _TITLE_WORDS or all(w in _TITLE_WORDS for w in words))


def _nation(ref: ActorRef, text: str) -> bool:
    """Whether a state is read from its people ("thanked Prime Minister Kallas and the
    Estonian people", "... and the people of Poland"): a participant beside its leader
    (GUIDELINES 4: "the people of X" is X), not the country word of a title."""
    if not text or ref.start is None or ref.end is None:
        return False
    return text[ref.end:ref.end + 8].lower().startswith(" people") or \
        text[ref.start:ref.end].lower().endswith(" people") or \
        text[max(0, ref.start - 12):ref.start].lower().endswith("people of ")


def _opens_title(ref: ActorRef, starts: list[int], text: str) -> bool:
    """Whether ``ref`` (a body, a state, or a bare title read as a person) is the first part
    of the title of a named person after it: only capitalised title words lie in between."""
    if not text or ref.end is None or (ref.kind == "person" and not _only_titles(ref.name)):
        return False
    after = [s for s in starts if s >= ref.end]
    if not after:
        return False
    words = text[ref.end:min(after)].replace("(", " ( ").replace(")", " ) ").split()
    if not words or len(words) > _TITLE_RUN_MAX or (
            ref.kind != "person" and words[0].lower() == "and"):
        # "NATO and Secretary General Stoltenberg": two participants
        return False
    return any(w.lower() in _TITLE_WORDS for w in words) and all(
        w.lower() in _TITLE_RUN_WORDS or w[:1].isupper() for w in words)


def _ends_title(ref: ActorRef, starts: list[int], text: str) -> bool:
    """Whether ``ref`` (a state or body) ends the title of the named person right after it,
    a title that says whom the office is for ("Special Envoy for Yemen Tim Lenderking") or
    whose it is ("the Foreign Minister of Peru, Oscar Maurtua": the minister's country)."""
    if not text or ref.kind == "person" or ref.start is None or ref.end is None:
        return False
    gaps = [text[ref.end:s].strip() for s in starts if s >= ref.end]
    before = text[max(0, ref.start - 40):ref.start].split()[-2:]
    if len(before) != 2 or before[0].lower() not in _TITLE_WORDS:
        return False
    preposition = before[1].lower()
    return ("" in gaps and preposition in ("for", "to", "on", "of")) or \
        ("," in gaps and preposition == "of")


def _titled_person(tok: Token, mentions: dict[int, Mention]) -> Mention | None:
    """The person a title noun introduces: "Canadian Minister of Foreign Affairs Marc
    Garneau" (parsed as the minister *of* Garneau), "the Foreign Minister of Saudi Arabia,
    Faisal bin Farhan" (an apposition), "UN Special Envoy for Yemen Hans Grundberg" (the
    name inside the title's phrase): the person, not the country or body of the title."""
    own = mentions.get(tok.i)
    if (own is not None and own.kind != "sector") or _harm_noun(tok):
        return None  # "the killing of journalist X" is no title of X
    for child in tok.children:
        found = [child] if child.dep_ == "appos" else \
            [p for p in child.children if p.dep_ == "pobj"] \
            if child.dep_ == "prep" and child.lower_ == "of" else []
        for cand in found:
            mention = mentions.get(cand.i)
            if mention is not None and mention.kind == "name" and \
                    all(r.kind == "person" for r in mention.actors):
                return mention
    if tok.lemma_.lower() in _TITLE_WORDS or tok.lower_ in _TITLE_WORDS:
        phrase = _phrase(tok)
        # the name inside the title's phrase, or right after it (the small model often
        # parses "PRC Special Representative on ... Affairs Liu Xiaoming" as two objects)
        after = max([tok.i] + [t.i for t in phrase]) + 1
        # but a name in the title's conjunct is a second party: "G7 leaders and President
        # X" are the leaders and X, not X titled leader
        joined = {t.i for c in tok.children if c.dep_ == "conj" for t in c.subtree}
        for cand in [*phrase, *tok.doc[after:after + 1]]:
            mention = mentions.get(cand.i)
            if mention is not None and mention.kind == "name" and cand.i > tok.i and \
                    cand.i not in joined and \
                    all(r.kind == "person" for r in mention.actors):
                return mention
    return None


_TITLE_WORDS = frozenset(ACTOR_WORDS.titles) | ACTOR_WORDS.honorifics
_NP_DEPS = frozenset({"compound", "appos", "prep", "pobj", "amod", "nmod", "det", "poss",
                      "punct", "cc", "conj"})


def _phrase(tok: Token) -> list[Token]:
    """The words of a noun phrase below ``tok``, without entering clauses or conjuncts'
    own phrases beyond the first level."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ in _NP_DEPS and c.dep_ != "conj"]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ in _NP_DEPS and c.dep_ != "conj")
    return sorted(out, key=lambda t: t.i)


def _sector_like(tok: Token, mentions: dict[int, Mention]) -> bool:
    """Whether an unresolved noun is a group of people with its actor as a modifier
    ("the Turkish government", "Croat forces"), not a thing ("the Iran nuclear deal")."""
    return tok.lemma_.lower() in ACTOR_WORDS.sector_nouns or \
        tok.lemma_.lower() in ACTOR_WORDS.plural_heads


_OWN_STATE_NOUNS = frozenset({"country", "nation", "government", "people"})
_POSSESSIVE_CASE = frozenset({"'s", "’s", "'", "’"})


def credited_state(verb: Token, mentions: dict[int, Mention], hearers: Sequence[ActorRef],
                   state_of: Callable[[str], ActorRef | None]) -> ActorRef | None:
    """The state whose deed a praise verb's "for" phrase names: Qatar in "thanked the
    Foreign Minister for Qatar's generosity", the hearer's state in "thanked Foreign Minister
    Hoekstra for his country's cooperation"; None when the phrase names none.

    Args:
        verb: the praise verb.
        mentions: the sentence's mentions by token index.
        hearers: the targets read so far (whose state "his country's" is).
        state_of: the state actor of a country code.

    Returns:
        The state praised, or None.
    """
    doc = verb.doc
    # congratulations are "on" the deed: "congratulated Foreign Minister X on Brazil's election
    # to the Security Council"
    preps = ("for", "on") if verb.lemma_.lower() == "congratulate" else ("for",)
    start = next((t.i for t in verb.subtree if t.i > verb.i and t.lower_ in preps), None)
    if start is None:
        return None
    # the small model attaches "for" to the verb or to its object: read the words after it
    for tok in doc[start + 1: min(start + 5, verb.sent.end - 1)]:
        if doc[tok.i + 1].text not in _POSSESSIVE_CASE:
            continue
        mention = mentions.get(tok.i)
        states = [r for r in mention.actors if r.kind == "state"] if mention else []
        if states:
            return states[0]
        if tok.lower_ in _OWN_STATE_NOUNS and tok.i > start + 1 and \
                doc[tok.i - 1].lower_ in ("his", "her"):
            people = [r for r in hearers if r.kind == "person" and r.country]
            return state_of(people[0].country or "") if len(people) == 1 else None
        return None
    return None



_LIST_GLUE = frozenset({",", "and", "of", "the", "for", "on", "as", "well", "in", "(", ")",
                        "-"})
"""Words between the names of a list of participants ("X of France, Y of Germany, and Z",
"Organization for Security and Cooperation in Europe (OSCE) Chairman-in-Office Z")."""
_LIST_GAP = 12
"""Words at most between two names of one list (a long title: "High Council for National
Reconciliation Chairman")."""


def listed_after(refs: Sequence[ActorRef], sent: Span, mentions: dict[int, Mention]
                 ) -> list[ActorRef]:
    """People named further along the list that the first of ``refs`` opens: the small model
    hangs "..., and Chancellor Olaf Scholz of Germany" on "France" or on the verb, so that
    it is no conjunct of "Macron".

    Args:
        refs: the actors read for a role (character offsets set).
        sent: their sentence.
        mentions: the sentence's mentions by token index.

    Returns:
        The people after them, joined only by commas, "and", titles and "of <place>".
    """
    ends = [r.end for r in refs if r.end is not None]
    if not ends:
        return []
    # from the first name on: the model may hang a later name of the list on an earlier one
    # ("with A, B, and C" parsed as A with B in apposition and C a conjunct)
    i = next((t.i for t in sent if t.idx >= min(ends)), sent.end)
    out: list[ActorRef] = []
    gap = 0
    while i < sent.end and gap <= _LIST_GAP:
        mention = mentions.get(i)
        if mention is not None and mention.kind == "name" and mention.start == i and \
                mention.actors and all(r.kind == "person" for r in mention.actors):
            out += mention.actors
            i, gap = mention.end, 0
            continue
        tok = sent.doc[i]
        if not (tok.lower_ in _LIST_GLUE or tok.text[:1].isupper()):
            break
        i, gap = i + 1, gap + 1
    return out
