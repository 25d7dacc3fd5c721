"""The types hold: mypy, strict on ``src/`` as ``pyproject.toml`` configures it, passes."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_typing_mypy_strict_on_src() -> None:
    mypy = pytest.importorskip("mypy.api", reason="mypy comes with the test extra")
    out, err, status = mypy.run([
        "--config-file", str(REPO / "pyproject.toml"), "--cache-dir", str(REPO / ".mypy_cache"),
        str(REPO / "src" / "sitrep")])
    assert status == 0, out + err
