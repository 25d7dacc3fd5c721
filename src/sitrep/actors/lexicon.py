"""The actor words (titles, sector nouns, reference words) as loaded from data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.data import read_yaml

from sitrep.record import ActorRef

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "events"


@dataclass(frozen=True)
class ActorWords:
    """Contents of ``data/events/actors.yaml``."""

    titles: dict[str, str]
    """Title (lower case) -> kb office (``head_of_state``...), ``other`` or ``counterpart``."""
    military_titles: frozenset[str]
    sector_nouns: dict[str, str]
    plural_heads: frozenset[str]
    person_pronouns: frozenset[str]
    honorifics: frozenset[str] = frozenset()
    """Words of address and rank stripped from the front of a name ("Lady", "Majesty")."""
    departments: tuple[tuple[str, ...], ...] = ()
    """Department names as word tuples, longest first ("homeland security")."""
    collective_nouns: frozenset[str] = frozenset()
    """Singular nouns for a body of people ("group", "delegation")."""
    non_actor_words: frozenset[str] = frozenset()
    """Words that make an unknown entity a hazard, not an actor ("typhoon")."""
    non_actor_heads: frozenset[str] = frozenset()
    """Last words that make an unknown entity a process or text, not an actor ("treaty")."""
    org_words: frozenset[str] = frozenset()
    """Words heading the names of bodies ("council"): never the first word of a person's
    name."""
    government_words: frozenset[str] = frozenset()
    """Words that, with a state's name, name its government ("the Yemeni Government", "the
    Government of Iraq"): the state itself."""
    people_sectors: frozenset[str] = frozenset()
    """Sectors of a state's people rather than its apparatus ("CVL" protesters, "COP")."""
    group_nouns: frozenset[str] = frozenset()
    """Lemmas of generic groups that keep a descriptive name ("protester", "police")."""
    crowd_words: frozenset[str] = frozenset()
    """Words for a crowd as a demonstration's subject ("thousands", "farmers")."""
    crowd_harms: frozenset[str] = frozenset()
    """Nouns of harm to a crowd besides ``harm_nouns`` ("the violence against protesters in
    Tehran"): the crowd's place is then the deed's setting."""
    crowd_members: frozenset[str] = frozenset()
    """Group nouns whose singular with "a" stands for one of the crowd ("a protester")."""
    placed_forces: frozenset[str] = frozenset()
    """Group nouns named, like a crowd, by the place they act in ("police in Lyon")."""
    state_forces: frozenset[str] = frozenset()
    """A state's forces named bare ("security force", "troop", "army"): the state of the
    place they act in, or no one."""
    group_qualifiers: frozenset[str] = frozenset()
    """Common words before a group noun saying its kind ("riot police"): never a name."""
    police_bodies: frozenset[str] = frozenset()
    """Last words of a named police force's name ("Thames Valley Police")."""
    press_groups: frozenset[str] = frozenset()
    """Group nouns for the press ("reporters"): a call with them is a briefing."""
    setting_nouns: frozenset[str] = frozenset()
    """Nouns that, definite, point back at the place the article is about ("the region")."""
    setting_governments: frozenset[str] = frozenset()
    """Words that, definite and bare, name the government of the state a story is about."""
    org_kinds: frozenset[str] = frozenset()
    """Common nouns for a kind of body written before its name ("airline Mahan Air")."""
    chamber_words: frozenset[str] = frozenset()
    """First words of a state's body named after the state ("the United States House of
    Representatives"), whose state name the small model tags alone."""
    executive_councils: frozenset[str] = frozenset()
    """Names of a state's executive council written after the state's name ("the Russian
    *Security Council*"): a body of that state's government."""
    place_nouns: frozenset[str] = frozenset()
    """Nouns of a kind of place whose "of" phrase names it ("the city of Kharkiv")."""
    division_nouns: frozenset[str] = frozenset()
    """Nouns of a federation's states whose "of" phrase names one as a polity ("the state of
    Montana")."""
    justice_agents: frozenset[str] = frozenset()
    """Lemmas of unnamed bodies that arrest, charge or sentence for the state where they act
    ("a court", "authorities")."""
    media_words: frozenset[str] = frozenset()
    """Words that make an organisation a news outlet ("BBC", "Wikinews")."""
    member_words: frozenset[str] = frozenset()
    """Last words that make a body's name stand for its members ("G7 Leaders", "NATO
    Allies"): the entity is the body."""
    harm_nouns: frozenset[str] = frozenset()
    """Nouns of harm done to someone ("the killing of X", "attacks against Y"): their
    "of/against/on" phrase names the harmed, never whom a condemnation accuses."""
    weapon_words: frozenset[str] = frozenset()
    """Means of an attack named before it ("a Russian *missile* strike"): a demonym on such a
    word is the attacker's; on a facility ("a US army *base* attack") it names the attacked."""
    no_deed_verbs: frozenset[str] = frozenset()
    """Verbs of a relative clause whose subject undergoes, holds or needs the noun ("the
    attacks that Ukraine suffered"): no doer of the deed the noun names."""
    domestic_titles: frozenset[str] = frozenset()
    """Title words that, right before a name of unknown country in a government's own
    release, mark one of that government's officials ("NEC Director Brian Deese")."""
    personal_roles: frozenset[str] = frozenset()
    """Sector nouns that, possessed by a person, name that person's own role rather than
    the state they lead ("King Salman's leadership" is his; "Putin's forces" are Russia's)."""
    site_titles: dict[str, str] = field(default_factory=dict)
    """Bare titles (lower case) that in a government's own release name one of its offices
    ("the Secretary" of a US release is its Secretary of State: ``foreign_minister``)."""

    def is_press(self, ref: ActorRef, groups: bool = False) -> bool:
        """Whether an actor is a news outlet (talking to one is an interview), or with
        ``groups`` also the press as a group ("reporters", "journalists")."""
        if ref.kind in ("person", "state"):
            return False
        words = ref.name.lower().replace("'s", "").split()
        return any(w in self.media_words for w in words) or (
            groups and bool(words) and (words[-1] in self.press_groups
                                        or words[-1].removesuffix("s") in self.press_groups))

    def find_title(self, words: list[str]) -> str | None:
        """The longest title spelled by consecutive ``words`` (lower case), or None.

        Args:
            words: lower-cased words before a name or in an apposition, in order.

        Returns:
            The title ("foreign minister"), preferring the longest and then the last one.
        """
        best: str | None = None
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size, -1, -1):
                phrase = " ".join(words[i:i + size])
                if phrase in self.titles:
                    return phrase
        return best


def _lower_set(raw: dict[str, Any], key: str) -> frozenset[str]:
    """A word list of the file, lower case (empty when the key is absent)."""
    return frozenset(str(w).lower() for w in raw.get(key) or ())


def load_actor_words() -> ActorWords:
    """Read the bundled ``actors.yaml``.

    Returns:
        The title, sector and reference word lists.
    """
    text = (DATA_DIR / "actors.yaml").read_text("utf-8")
    raw = read_yaml(text)
    return ActorWords(
        titles={str(k).lower(): str(v) for k, v in raw["titles"].items()},
        military_titles=frozenset(raw["military_titles"]),
        sector_nouns={str(k).lower(): str(v) for k, v in raw["sector_nouns"].items()},
        plural_heads=frozenset(raw["plural_heads"]),
        person_pronouns=frozenset(raw["person_pronouns"]),
        # "Rep." is matched without its dot too ("rep"): words are compared stripped of it
        honorifics=frozenset(f for w in raw.get("honorifics") or ()
                             for f in (str(w).lower(), str(w).lower().rstrip("."))),
        departments=tuple(sorted((tuple(str(d).lower().split()) for d in
                                  raw.get("departments") or ()), key=len, reverse=True)),
        collective_nouns=_lower_set(raw, "collective_nouns"),
        non_actor_words=_lower_set(raw, "non_actor_words"),
        non_actor_heads=_lower_set(raw, "non_actor_heads"),
        org_words=_lower_set(raw, "org_words"),
        government_words=_lower_set(raw, "government_words"),
        people_sectors=frozenset(str(w).upper() for w in raw.get("people_sectors") or ()),
        group_nouns=_lower_set(raw, "group_nouns"),
        crowd_words=_lower_set(raw, "crowd_words"),
        crowd_members=_lower_set(raw, "crowd_members"),
        crowd_harms=_lower_set(raw, "crowd_harms"),
        placed_forces=_lower_set(raw, "placed_forces"),
        state_forces=_lower_set(raw, "state_forces"),
        group_qualifiers=_lower_set(raw, "group_qualifiers"),
        police_bodies=_lower_set(raw, "police_bodies"),
        press_groups=_lower_set(raw, "press_groups"),
        setting_nouns=_lower_set(raw, "setting_nouns"),
        setting_governments=_lower_set(raw, "setting_governments"),
        org_kinds=_lower_set(raw, "org_kinds"),
        chamber_words=_lower_set(raw, "chamber_words"),
        executive_councils=_lower_set(raw, "executive_councils"),
        place_nouns=_lower_set(raw, "place_nouns"),
        division_nouns=_lower_set(raw, "division_nouns"),
        justice_agents=_lower_set(raw, "justice_agents"),
        media_words=_lower_set(raw, "media_words"),
        member_words=_lower_set(raw, "member_words"),
        harm_nouns=_lower_set(raw, "harm_nouns"),
        weapon_words=_lower_set(raw, "weapon_words"),
        no_deed_verbs=_lower_set(raw, "no_deed_verbs"),
        domestic_titles=_lower_set(raw, "domestic_titles"),
        personal_roles=_lower_set(raw, "personal_roles"),
        site_titles={str(k).lower(): str(v) for k, v in (raw.get("site_titles") or {}).items()},
    )


ACTOR_WORDS = load_actor_words()
