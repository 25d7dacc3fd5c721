"""Every table downloads as CSV or JSON, with the same filters as the page that shows it.

Downloads are attachments with ``nosniff``, so a browser never renders them. JSON escapes
``<``, ``>`` and ``&`` as ``\\u003c``...; CSV cells that a spreadsheet would read as a
formula (``=``, ``+``, ``-``, ``@``) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any

from fastapi.responses import Response

from sitrep.errors import QueryError

FORMATS = ("csv", "json")


def plain(value: Any) -> Any:
    """Dates as ISO text, dataclasses as dicts, recursively: JSON-ready."""
    if is_dataclass(value) and not isinstance(value, type):
        return plain(asdict(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    return value


def safe_json(data: Any) -> str:
    """JSON whose text holds no ``<``, ``>`` or ``&`` (inert even if read as HTML)."""
    text = json.dumps(plain(data), ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        text = ""
    elif isinstance(value, list):
        text = "; ".join(_cell(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def download(rows: Sequence[Any], fmt: str, name: str,
             columns: Sequence[str] | None = None) -> Response:
    """Rows (dicts or dataclasses) as a CSV or JSON attachment named ``name.csv|json``.

    Raises:
        QueryError: E504 for another format.
    """
    if fmt not in FORMATS:
        raise QueryError("E504", "use csv or json", item=fmt)
    data = [plain(r) for r in rows]
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"',
               "X-Content-Type-Options": "nosniff"}
    if fmt == "json":
        return Response(safe_json(data), media_type="application/json", headers=headers)
    cols = list(columns or (data[0].keys() if data else []))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(cols)
    for row in data:
        writer.writerow([_cell(row.get(c)) for c in cols])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
