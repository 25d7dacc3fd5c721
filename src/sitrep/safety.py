"""Making hostile strings inert, on the way in and on the way out.

On the way in (ingest, extract), every string that will be stored is repaired so that no
later stage can trip on it:

    - ``clean_text``: lone surrogates (a JSON ``"\\ud800"``, a file name's undecodable
      byte) become U+FFFD; NUL and the other C0/C1 control characters but tab, newline and
      carriage return are dropped (they carry terminal escape sequences);
    - ``in_date_range``: a date outside ``EARLIEST_DATE`` .. tomorrow is no publication date
      (and ``shift_days`` keeps window arithmetic on stored dates from overflowing);
    - ``load_yaml``: YAML written by someone else, without aliases (the billion-laughs of
      YAML), nested at most ``MAX_YAML_DEPTH`` deep and at most ``MAX_YAML_CHARS`` long.

On the way out, every stored string is escaped for where it goes:

    - ``terminal_text``: control characters shown as ``\\x1b``-style escapes (for a
      terminal, whatever renders it);
    - ``csv_cell``: a cell that a spreadsheet would run as a formula gets a leading ``'``
      (the OWASP rule: cells starting with ``= + - @``, tab or carriage return);
    - ``safe_link``: only http(s) URLs are links; anything else (``javascript:``,
      ``data:``, ``file:``) is not;
    - ``md_text`` and ``md_link_target``: Markdown that stays text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

EARLIEST_DATE = date(1800, 1, 1)
"""Earliest publication date accepted; older ones are typos or placeholders (0001-01-01)."""

MAX_YAML_CHARS = 1_000_000
MAX_YAML_DEPTH = 50

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&])")


def clean_text(value: str) -> str:
    """Repair a string for storage: lone surrogates replaced, control characters dropped.

    Args:
        value: any string, e.g. a JSON field or a decoded page.

    Returns:
        The string with each lone surrogate as U+FFFD and without NUL, escape and the other
        control characters (tab, newline and carriage return are kept).
    """
    value = _SURROGATE.sub("\ufffd", value)
    return _CONTROL.sub("", value)


def clean_optional(value: str | None) -> str | None:
    """``clean_text`` for an optional string."""
    return None if value is None else clean_text(value)


def in_date_range(day: date | None) -> bool:
    """Whether a date can be a publication date: from ``EARLIEST_DATE`` to tomorrow."""
    return day is not None and EARLIEST_DATE <= day <= date.today() + timedelta(days=1)


class _UntrustedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases and nesting past ``MAX_YAML_DEPTH``."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed", event.start_mark)
        if self.depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nested more than {MAX_YAML_DEPTH} levels deep",
                self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load_yaml(text: str) -> Any:
    """Parse YAML that someone else wrote, safely.

    Args:
        text: the document.

    Returns:
        The parsed value (plain dicts, lists, strings, numbers, booleans, dates).

    Raises:
        ValueError: naming the problem: too long, an alias, too deep, or not YAML.
    """
    if len(text) > MAX_YAML_CHARS:
        raise ValueError(f"{len(text)} characters, more than {MAX_YAML_CHARS}")
    try:
        return yaml.load(text, Loader=_UntrustedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None
    except RecursionError:
        raise ValueError(f"nested more than {MAX_YAML_DEPTH} levels deep") from None


def shift_days(day: date, days: int) -> date:
    """``day + days``, saturating at the first and last representable days.

    A stored date near year 1 or 9999 (an old store, a coded "the year 1") must not make a
    window computation raise ``OverflowError``.
    """
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def terminal_text(value: str, *, keep_newlines: bool = True) -> str:
    """A stored string made safe to print on a terminal.

    Args:
        value: the string.
        keep_newlines: keep newlines and tabs (for article text); off for one-line cells.

    Returns:
        The string with every control character (ESC, BEL, CSI...) written as a visible
        ``\\x1b`` escape, so that no sequence reaches the terminal.
    """
    value = _SURROGATE.sub("\ufffd", value)
    pattern = _CONTROL if keep_newlines else _CONTROL_OR_BREAK
    return pattern.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), value)


def same_length_visible(value: str) -> str:
    """Control characters (but tab and line breaks) and lone surrogates as U+FFFD, one for
    one, so that offsets into the string still hold."""
    return _CONTROL.sub("\ufffd", _SURROGATE.sub("\ufffd", value))


def csv_cell(value: object) -> object:
    """A value for a CSV cell that no spreadsheet will run as a formula.

    Args:
        value: the cell value; only strings are changed.

    Returns:
        A string starting with ``= + - @``, tab or carriage return, prefixed with ``'``,
        unless it is a plain number (``-3.5`` is data, not a formula); any other value
        unchanged.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) \
            and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_link(url: str | None) -> str | None:
    """The URL when it is safe to make a link of (http or https), else None.

    Args:
        url: a stored URL.

    Returns:
        The URL, or None for ``javascript:``, ``data:``, ``file:``, relative or malformed
        URLs.
    """
    if not url or _CONTROL_OR_BREAK.search(url):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def md_text(value: object) -> str:
    """Text for Markdown that stays text: markup characters backslash-escaped, one line."""
    text = terminal_text(" ".join(str(value).split()), keep_newlines=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_link_target(url: str) -> str:
    """A URL for a Markdown ``[text](target)``: spaces, brackets and quotes percent-encoded."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")
