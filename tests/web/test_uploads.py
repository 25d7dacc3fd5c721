"""Uploads are streamed to disk under a name of our own, and refused past the cap."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from starlette.datastructures import UploadFile

from sitrep.errors import IngestError
from sitrep.web import pages_team


def test_uploads_keep_suffixes_not_names_and_refuse_past_the_cap(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    upload = UploadFile(file=io.BytesIO(b'{"url": "x"}\n'), filename="../../etc/x.html.gz")
    kept = asyncio.run(pages_team.save_upload(tmp_path, upload))
    assert kept.parent == tmp_path and kept.name.endswith(".html.gz")
    assert kept.read_bytes() == b'{"url": "x"}\n'
    monkeypatch.setattr(pages_team, "UPLOAD_MAX", 4)
    big = UploadFile(file=io.BytesIO(b"0123456789"), filename="big.jsonl")
    with pytest.raises(IngestError) as refused:
        asyncio.run(pages_team.save_upload(tmp_path, big))
    assert refused.value.code == "E105"
    assert sorted(p.name for p in tmp_path.iterdir()) == [kept.name]
