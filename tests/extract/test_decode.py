"""Bytes to text: BOMs, lying charsets, broken UTF-8, binary refused."""

from __future__ import annotations

import codecs

import pytest

from sitrep.errors import ExtractError
from sitrep.extract import decode

TEXT = "Caf\u00e9 talks in Z\u00fcrich \u2014 \u201cconstructive\u201d, said the na\u00efve envoy. " * 8


def test_decode_utf8_page_declared_utf8() -> None:
    data = ('<meta charset="utf-8">' + TEXT).encode("utf-8")
    assert decode(data).endswith(TEXT)


def test_decode_page_declaring_utf8_but_cp1252() -> None:
    data = ('<html><head><meta charset="utf-8"></head><body>' + TEXT).encode("cp1252")
    assert TEXT in decode(data)


def test_decode_page_declaring_latin1_but_utf8() -> None:
    data = ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            + TEXT).encode("utf-8")
    assert TEXT in decode(data)


def test_decode_transport_header_wrong() -> None:
    assert decode(TEXT.encode("cp1252"), declared="utf-8") == TEXT


def test_decode_undeclared_cyrillic() -> None:
    text = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430\u043c\u0438 \u0432 \u041c\u043e\u0441\u043a\u0432\u0435. " * 10
    assert decode(text.encode("cp1251")) == text


def test_decode_invalid_utf8_bytes_replaced() -> None:
    good = TEXT.encode("utf-8")
    text = decode(good + b"\xff\xfe broken \xc3" + good)
    assert text.startswith(TEXT)
    assert text.endswith(TEXT)
    assert "\ufffd" in text


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_decode_bom_wins(bom: bytes, codec: str) -> None:
    assert decode(bom + TEXT.encode(codec), declared="iso-8859-1") == TEXT


@pytest.mark.parametrize("data, why", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"<html>" + b"\x00" * 4 + b"</html>", "NUL"),
    (bytes(range(1, 9)) * 50, "control"),
])
def test_decode_binary_refused(data: bytes, why: str) -> None:
    with pytest.raises(ExtractError) as err:
        decode(data, item="file.bin")
    assert err.value.code == "E102"
    assert why in err.value.detail


def test_decode_empty_refused() -> None:
    with pytest.raises(ExtractError) as err:
        decode(b"")
    assert err.value.code == "E101"


def test_decode_ascii_passes_through() -> None:
    assert decode(b"<p>plain ascii</p>", declared="utf-8") == "<p>plain ascii</p>"
