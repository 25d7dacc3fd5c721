"""Bytes to text: refuse binary input, then pick the encoding the bytes are really in.

Pages often lie about their encoding: a template declares ``utf-8`` while the CMS writes
cp1252, or an old ``iso-8859-1`` header survives a move to UTF-8. The cascade:

    1. a byte-order mark settles it;
    2. binary formats (magic numbers, NUL bytes, control characters) are refused (E102);
    3. bytes that are valid UTF-8 and not pure ASCII are UTF-8, whatever the page says,
       because text in a legacy encoding is almost never valid UTF-8 by accident;
    4. otherwise the declared encodings (transport header, ``<meta charset>``, XML
       declaration) and charset_normalizer's guess are tried, and charset_normalizer's
       mess ratio judges between them;
    5. nearly-UTF-8 bytes with a few broken sequences are decoded as UTF-8 with
       replacement characters; anything else that nothing decodes plausibly is E104.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib import resources

import charset_normalizer
from charset_normalizer.md import mess_ratio

from sitrep.errors import ExtractError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that plain text and HTML never need (tab, LF, FF, CR and ESC excepted: ESC
# introduces ISO-2022 shifts).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_MAX_CONTROL_RATIO = 0.02
_SNIFF_BYTES = 65536
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:\-]+)""")
# WHATWG: browsers read these labels as windows-1252, so pages written for browsers are too.
_BROWSER_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# A declared encoding keeps its place unless another candidate reads clearly cleaner.
_MESS_MARGIN = 0.05


@lru_cache(maxsize=1)
def _magic_numbers() -> tuple[tuple[str, bytes], ...]:
    """Leading bytes of binary formats, from ``data/boilerplate/binary_magic.txt``."""
    text = resources.files("sitrep.data").joinpath("boilerplate/binary_magic.txt").read_text(
        encoding="utf-8"
    )
    magic = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, escaped = line.split("\t", 1)
        magic.append((name, escaped.encode("latin-1").decode("unicode_escape").encode("latin-1")))
    return tuple(magic)


def _normalise(label: str | None) -> str | None:
    """Python codec name for an encoding label, browser aliases applied; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _BROWSER_ALIASES.get(name, name)


def declared_encodings(content: bytes, declared: str | None = None) -> list[str]:
    """Encodings a page claims for itself, transport header first.

    Args:
        content: the raw bytes.
        declared: the encoding named by the transport (HTTP ``Content-Type``), if any.

    Returns:
        Distinct Python codec names, in order of authority.
    """
    head = content[:4096]
    labels = [declared]
    labels += [m.group(1).decode("ascii", "ignore") for m in _META_CHARSET.finditer(head)]
    labels += [m.group(1).decode("ascii", "ignore") for m in _XML_ENCODING.finditer(head)]
    names: list[str] = []
    for label in labels:
        name = _normalise(label)
        if name and name not in names:
            names.append(name)
    return names


def _check_binary(content: bytes, item: str | None) -> None:
    """Raise E102 when the bytes are an image, archive, document or other binary."""
    for name, magic in _magic_numbers():
        if content.startswith(magic):
            raise ExtractError("E102", f"starts like a {name}", item=item)
    sample = content[:_SNIFF_BYTES]
    if b"\x00" in sample:
        raise ExtractError("E102", "contains NUL bytes", item=item)
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if controls / len(sample) > _MAX_CONTROL_RATIO:
        raise ExtractError("E102", f"{controls} control bytes in the first {len(sample)}",
                           item=item)


def _try(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _judge(content: bytes, candidates: list[str]) -> str | None:
    """Decode with the first candidate that no other candidate reads clearly cleaner."""
    decoded: list[tuple[str, float]] = []
    for encoding in candidates:
        text = _try(content, encoding)
        if text is not None:
            decoded.append((text, mess_ratio(text[:_SNIFF_BYTES], maximum_threshold=1.0)))
    if not decoded:
        return None
    cleanest = min(mess for _, mess in decoded)
    for text, mess in decoded:
        if mess <= cleanest + _MESS_MARGIN:
            return text
    return decoded[0][0]


def _lenient_utf8(content: bytes) -> str | None:
    """UTF-8 with replacement characters, when valid multi-byte sequences outnumber broken ones.

    Text in a legacy encoding almost never forms a valid UTF-8 multi-byte sequence, so even a
    few of them, outnumbering the broken bytes, mean UTF-8 with some damage.
    """
    text = content.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 0x7F) - broken
    if valid >= max(1, broken):
        return text
    return None


def decode(content: bytes, declared: str | None = None, item: str | None = None) -> str:
    """Decode page or text bytes, refusing binary input and seeing through wrong labels.

    Args:
        content: the raw bytes.
        declared: the encoding the transport declared (HTTP header), if any.
        item: the path or URL, for error messages.

    Returns:
        The text, without a byte-order mark.

    Raises:
        ExtractError: E101 if empty, E102 if binary, E104 if no encoding decodes it plausibly.
    """
    if not content:
        raise ExtractError("E101", "no bytes to decode", item=item)
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            text = _try(content[len(bom):], encoding)
            if text is not None:
                return text
    _check_binary(content, item)
    claims = declared_encodings(content, declared)
    if content.isascii():
        # 7-bit encodings (ISO-2022-JP, UTF-7) are ASCII bytes too: honour them if declared.
        seven_bit = [c for c in claims if c.startswith("iso2022") or c == "utf-7"]
        return (_try(content, seven_bit[0]) if seven_bit else None) or content.decode("ascii")
    strict = _try(content, "utf-8")
    if strict is not None:
        return strict
    # Valid multi-byte sequences almost never occur by accident in legacy encodings.
    lenient = _lenient_utf8(content)
    if lenient is not None:
        return lenient
    # cp1252 is what mislabelled Western pages are nearly always in; the guess comes after
    # it because on short samples charset_normalizer confuses it with its Baltic cousins.
    candidates = [c for c in claims if c not in ("utf-8", "utf-8-sig")]
    if "cp1252" not in candidates:
        candidates.append("cp1252")
    guess = charset_normalizer.from_bytes(content[:_SNIFF_BYTES]).best()
    guessed = _normalise(guess.encoding) if guess is not None else None
    if guessed and guessed not in candidates:
        candidates.append(guessed)
    text = _judge(content, candidates)
    if text is not None:
        return text
    raise ExtractError("E104", f"tried {', '.join(candidates) or 'utf-8'}", item=item)
