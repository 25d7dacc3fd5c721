"""Reading a large JSON document one record at a time, and bounding JSON nesting.

A ``.json`` export is a list of records (``[{...}, {...}]``) or an object wrapping one
(``{"articles": [...]}``). Parsed whole, 100 MB of it takes eight times that in memory; here
the top level is walked by hand and each record is parsed on its own with
``json.JSONDecoder.raw_decode``, so memory stays at one record (capped at ``max_record``
characters) plus one read chunk.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from sitrep.errors import IngestError

MAX_DEPTH = 100
"""Deepest JSON nesting accepted; real article records nest a handful of levels."""
CHUNK = 1 << 20

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_DECODER = json.JSONDecoder()


def nesting_depth(text: str) -> int:
    """How deep arrays and objects nest in a JSON text (brackets inside strings ignored).

    Args:
        text: the JSON text.

    Returns:
        The deepest nesting; cheap when the text has few brackets.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return text.count("[") + text.count("{")
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


class JsonStream:
    """The top level of a JSON document, read from a text stream chunk by chunk.

    Args:
        stream: the decoded document.
        item: the path, for errors.
        max_record: the longest record accepted, in characters.
        max_total: the most characters read in all.
    """

    def __init__(self, stream: TextIO, item: str, max_record: int, max_total: int) -> None:
        self.stream = stream
        self.item = item
        self.max_record = max_record
        self.max_total = max_total
        self.buffer = ""
        self.pos = 0
        self.dropped = 0
        """Characters consumed and dropped from the front of the buffer."""
        self.eof = False

    def records(self, list_keys: tuple[str, ...],
                url_keys: tuple[str, ...]) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, record)``: list items (from 1), else ``(0, the document)``.

        A list item longer than ``max_record`` comes as an ``IngestError`` (E105) in place
        of its value, and the list goes on.

        A top-level list is streamed; so is the list under one of ``list_keys`` of a
        top-level object, unless one of ``url_keys`` came before it (the object is then a
        record itself).

        Raises:
            IngestError: E108 when the document is malformed or nests too deep, E105 when a
                record or the whole document is over its cap. Records yielded before the
                error stay good.
        """
        first = self._peek()
        if first == "[":
            self.pos += 1
            yield from self._array()
        elif first == "{":
            yield from self._object(list_keys, url_keys)
        else:
            yield 0, self._value()

    def _array(self) -> Iterator[tuple[int, Any]]:
        if self._peek() == "]":
            self.pos += 1
            return
        for index in itertools.count(1):
            start = self._offset() if self._peek() else 0
            value = self._value()
            if self._offset() - start > self.max_record:
                value = IngestError("E105", f"longer than {self.max_record} characters")
            yield index, value
            separator = self._peek()
            self.pos += 1
            if separator == "]":
                return
            if separator != ",":
                self._fail("E108", f"expected ',' or ']' after item {index}")

    def _object(self, list_keys: tuple[str, ...],
                url_keys: tuple[str, ...]) -> Iterator[tuple[int, Any]]:
        start = self._offset()
        self.pos += 1
        fields: dict[str, Any] = {}
        while (key := self._key(first=not fields)) is not None:
            if key in list_keys and self._peek() == "[" and not set(fields) & set(url_keys):
                self.pos += 1
                yield from self._array()
                return
            fields[key] = self._value()
            if self._offset() - start > self.max_record:
                self._fail("E105", f"a record is longer than {self.max_record} characters")
        yield 0, fields

    def _key(self, first: bool) -> str | None:
        """The next key of an object (its ':' consumed), or None at its end."""
        token = self._peek()
        if token == "," and not first:
            self.pos += 1
            token = self._peek()
        if token == "}":
            self.pos += 1
            return None
        key = self._value() if token == '"' else None
        if not isinstance(key, str) or self._peek() != ":":
            self._fail("E108", f"expected a string key and ':' at character {self._offset()}")
        self.pos += 1
        return key

    def _value(self) -> Any:
        """Parse one value at the cursor, reading more until it is complete."""
        self._peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if self._more():
                    continue
                self._fail("E108", f"{exc.msg} at character {self.dropped + exc.pos}")
            except RecursionError:
                self._fail("E108", f"nested more than {MAX_DEPTH} levels deep")
            except ValueError as exc:  # e.g. an integer of more than 4,300 digits
                self._fail("E108", str(exc).split(";")[0])
            if end == len(self.buffer) and self._more():
                continue  # a number may go on in the next chunk
            depth = nesting_depth(self.buffer[self.pos:end])
            if depth > MAX_DEPTH:
                self._fail("E108", f"nested {depth} levels deep, more than {MAX_DEPTH}")
            self.pos = end
            return value

    def _offset(self) -> int:
        return self.dropped + self.pos

    def _peek(self) -> str:
        """The next non-blank character (not consumed), or "" at the end."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._more():
                return ""

    def _more(self) -> bool:
        """Drop what is consumed and read one more chunk; False at the end of the stream."""
        if self.eof:
            return False
        self.dropped += self.pos
        self.buffer = self.buffer[self.pos:]
        self.pos = 0
        if len(self.buffer) > self.max_record:
            self._fail("E105", f"a record is longer than {self.max_record} characters")
        chunk = self.stream.read(CHUNK)
        if self.dropped + len(self.buffer) + len(chunk) > self.max_total:
            self._fail("E105", f"more than {self.max_total} characters")
        if not chunk:
            self.eof = True
            return False
        self.buffer += chunk
        return True

    def _fail(self, code: str, detail: str) -> Any:
        raise IngestError(code, detail, item=self.item)
