"""Local files: walking directories, reading with size caps, gzip, and sniffing the kind.

Every read checks the size before touching the content, so a 50 MB page is refused from its
``stat`` alone, and gzip is decompressed in a stream that stops one byte past the cap, so a
gzip bomb costs at most ``max_bytes`` of memory.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import IngestError
from sitrep.ingest.formats import EXTENSIONS, FEED_ROOTS, GZIP_MAGIC, InputKind

SNIFF_BYTES = 4096
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ELEMENT = re.compile(r"<([A-Za-z_][\w:.-]*)")
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)
"""What reading a truncated or corrupt gzip stream raises."""


def kind_by_extension(path: Path) -> InputKind | None:
    """Return the input kind the file name announces, or None for an unknown extension.

    Args:
        path: the file path; only its name is looked at.

    Returns:
        ``html``, ``text``, ``json``, ``jsonl``, ``warc`` or ``feed``, or None.
    """
    name = path.name.lower()
    for suffix, kind in EXTENSIONS.items():
        if name.endswith(suffix):
            return kind
    return None


def is_gzip_name(path: Path) -> bool:
    """Whether the file name ends in ``.gz``."""
    return path.name.lower().endswith(".gz")


def display_path(path: Path) -> str:
    """A path as text that can be stored and printed: undecodable name bytes as ``\\xff``.

    A file name is bytes; one that is not UTF-8 comes into Python with lone surrogates,
    which no store, terminal or JSON encoder accepts.
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def file_url(path: Path) -> str:
    """The ``file://`` URL of a local file, from its absolute path."""
    return path.resolve().as_uri()


def walk(directory: Path) -> Iterator[Path]:
    """Yield the files under ``directory``, recursively, in sorted order.

    Hidden files and directories (names starting with a dot) are left out, and symbolic links
    to directories are not followed, so a link cycle cannot make the walk endless.

    Args:
        directory: the directory to walk.

    Yields:
        File paths, sorted by directory then name.
    """
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def check_size(path: Path, max_bytes: int) -> int:
    """Refuse a missing, empty or oversized file from its metadata alone.

    Args:
        path: the file.
        max_bytes: the largest size accepted.

    Returns:
        The file size in bytes.

    Raises:
        IngestError: E107 when the path does not exist, E101 when the file is empty, E105 when
            it is larger than ``max_bytes``.
    """
    item = display_path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError("E107", "no such file or directory", item=item) from None
    except OSError as exc:
        raise IngestError("E107", str(exc), item=item) from None
    if size == 0:
        raise IngestError("E101", "the file has no bytes", item=item)
    if size > max_bytes:
        raise IngestError("E105", f"{size} bytes > cap of {max_bytes}", item=item)
    return size


def read_document(path: Path, max_bytes: int) -> bytes:
    """Read one document, decompressing gzip (by name or by magic bytes) under the size cap.

    Args:
        path: the file.
        max_bytes: the largest size accepted, before and after decompression.

    Returns:
        The file content, decompressed.

    Raises:
        IngestError: E107, E101 or E105 as ``check_size``; E103 for a truncated or corrupt
            gzip stream; E101 when the decompressed content is empty.
    """
    check_size(path, max_bytes)
    with path.open("rb") as fh:
        magic = fh.read(2)
        fh.seek(0)
        if is_gzip_name(path) or magic == GZIP_MAGIC:
            content = read_gzip_capped(fh, max_bytes, display_path(path))
        else:
            content = fh.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise IngestError("E105", f"more than {max_bytes} bytes", item=display_path(path))
    if not content.strip():
        raise IngestError("E101", "no content after decompression", item=display_path(path))
    return content


def read_gzip_capped(fh: BinaryIO, max_bytes: int, item: str) -> bytes:
    """Decompress a gzip stream, stopping one byte past ``max_bytes``.

    Args:
        fh: the compressed stream.
        max_bytes: the largest decompressed size accepted.
        item: the path, for error messages.

    Returns:
        The decompressed bytes.

    Raises:
        IngestError: E103 for a truncated or corrupt stream, E105 past the cap.
    """
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            content = gz.read(max_bytes + 1)
    except GZIP_ERRORS as exc:
        raise IngestError("E103", str(exc) or type(exc).__name__, item=item) from None
    if len(content) > max_bytes:
        raise IngestError("E105", f"decompresses to more than {max_bytes} bytes", item=item)
    return content


def open_lines(path: Path) -> BinaryIO:
    """Open a file for streaming, through gzip when it is compressed.

    Reads from the returned stream raise ``EOFError``, ``gzip.BadGzipFile`` or ``zlib.error``
    on a damaged gzip stream; callers turn those into E103 with ``GZIP_ERRORS``.

    Args:
        path: the file.

    Returns:
        A binary stream of the (decompressed) content.
    """
    fh = path.open("rb")
    if fh.read(2) == GZIP_MAGIC:
        fh.seek(0)
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    fh.seek(0)
    return fh



def head_text(content: bytes, size: int = SNIFF_BYTES) -> str:
    """Decode the start of a document well enough to sniff its markup.

    UTF-16 and UTF-32 are recognised by their byte-order mark or by the zero bytes around an
    opening ``<``; everything else is read as Latin-1, which keeps every ASCII character of an
    ASCII-compatible encoding in place.

    Args:
        content: the document bytes.
        size: how many bytes to look at.

    Returns:
        The start of the document as text.
    """
    head = content[:size]
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="ignore")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")


def root_element(content: bytes) -> str | None:
    """The name of the first element of a markup document, in lower case, or None."""
    text = _COMMENT.sub("", head_text(content))
    match = _ELEMENT.search(text)
    return match.group(1).lower() if match else None


def looks_like_feed(content: bytes) -> bool:
    """Whether the document's root element is an RSS, Atom or RDF feed."""
    root = root_element(content)
    return root is not None and any(root == tag[1:] for tag in FEED_ROOTS)


def sniff_kind(content: bytes) -> InputKind:
    """Guess the kind of a document whose name says nothing.

    Markup (a ``<`` first, after any byte-order mark and white space) is a feed when its root
    is ``rss``, ``feed`` or ``rdf:RDF`` and HTML otherwise; anything else is text, and the
    extract stage judges whether it is binary.

    Args:
        content: the document bytes.

    Returns:
        ``feed``, ``html`` or ``text``.
    """
    if not head_text(content, 512).lstrip().startswith("<"):
        return "text"
    return "feed" if looks_like_feed(content) else "html"
