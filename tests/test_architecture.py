"""The architecture holds (``ARCHITECTURE.md``): imports go down the pipeline, only
``store/`` speaks SQL, and the CLI speaks only to the API."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "sitrep"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "record", "settings", "safety", "temporal", "data"),
    ("ingest",),
    ("extract",),
    ("dedup",),
    ("nlp",),
    ("actors",),
    ("events",),
    ("store",),
    ("link",),
    ("answers",),
    ("export",),
    ("brief",),
    ("evaluate",),
    ("pipeline", "parallel"),
    ("teams",),
    ("api", "__init__"),
    ("web",),
    ("cli", "__main__"),
)
"""The stages in pipeline order, each above everything it may import; modules below every
stage come first."""
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}

_SQL = re.compile(r"\b(?:SELECT\b.*\bFROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|"
                  r"CREATE (?:OR REPLACE )?(?:TEMP )?(?:TABLE|VIEW|INDEX)|COPY \()", re.S)
_CONNECTION = frozenset({"con", "execute", "executemany", "fetchone", "fetchall", "fetchmany"})


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str:
    """The first part under ``sitrep`` of a module name (``__init__`` for the package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every ``sitrep`` import, at the top or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "sitrep":
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.split(".")[0] == "sitrep":
            if node.module == "sitrep":
                for alias in node.names:
                    sub = SRC / alias.name
                    known = sub.is_dir() or sub.with_suffix(".py").is_file()
                    yield node.lineno, f"sitrep.{alias.name}" if known else "sitrep"
            else:
                yield node.lineno, node.module


def _strings(tree: ast.AST) -> Iterator[ast.Constant]:
    """Every string constant that is not a docstring."""
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            yield node


def test_architecture_every_module_has_a_layer() -> None:
    unplaced = {_name(p) for p in _modules() if _part(_name(p)) not in RANK}
    assert not unplaced, f"add these to LAYERS (and ARCHITECTURE.md): {sorted(unplaced)}"


def test_architecture_md_shows_every_layer() -> None:
    text = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = [part for parts in LAYERS for part in parts if part != "__init__"
               and f"`{part}/`" not in text and f"`{part}.py`" not in text]
    assert not missing, f"ARCHITECTURE.md does not place {missing}"


def test_architecture_imports_go_down_the_pipeline() -> None:
    wrong = []
    for path in _modules():
        here = _name(path)
        for line, target in _imports(path):
            if RANK[_part(target)] > RANK[_part(here)]:
                wrong.append(f"{path.relative_to(SRC)}:{line} {here} imports {target}")
    assert not wrong, "a module imports a later stage:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", [p for p in _modules() if _part(_name(p)) != "store"],
                         ids=lambda p: str(p.relative_to(SRC)))
def test_architecture_no_sql_outside_store(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    sql = [f"line {s.lineno}: {s.value[:60]!r}" for s in _strings(tree) if _SQL.search(s.value)]
    calls = [f"line {n.lineno}: .{n.attr}" for n in ast.walk(tree)
             if isinstance(n, ast.Attribute) and n.attr in _CONNECTION]
    duckdb = [f"line {line}: import duckdb" for line, _ in _third_party(tree) if _ == "duckdb"]
    assert not (sql + calls + duckdb), "SQL belongs in sitrep/store/:\n" + "\n".join(
        sql + calls + duckdb)


def _third_party(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, a.name.split(".")[0]) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module.split(".")[0]


@pytest.mark.parametrize("path", sorted((SRC / "cli").glob("*.py")), ids=lambda p: p.name)
def test_architecture_cli_speaks_only_to_the_api(path: Path) -> None:
    # ``sitrep serve`` starts the web front end, a shell over the API like the CLI itself
    allowed = ("sitrep.api", "sitrep.errors", "sitrep.safety", "sitrep.cli", "sitrep.web.server")
    wrong = [f"line {line}: {target}" for line, target in _imports(path)
             if not any(target == a or target.startswith(a + ".") for a in allowed)]
    assert not wrong, "the CLI imports only sitrep.api, sitrep.errors, sitrep.safety (how " \
        "stored strings are escaped for output) and sitrep.cli:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", sorted((SRC / "web").glob("*.py")), ids=lambda p: p.name)
def test_architecture_web_speaks_only_to_the_api(path: Path) -> None:
    allowed = ("sitrep.api", "sitrep.errors", "sitrep.web")
    wrong = [f"line {line}: {target}" for line, target in _imports(path)
             if not any(target == a or target.startswith(a + ".") for a in allowed)]
    assert not wrong, "the web app imports only sitrep.api, sitrep.errors and sitrep.web:\n" \
        + "\n".join(wrong)
