"""The ingest stage: paths, URLs, feeds, JSONL and WARC files in, ``RawItem``s out.

``iter_items`` is the entry point; it never raises for a bad item but yields its
``IngestError``. Decoding and extraction belong to the extract stage.
"""

from sitrep.ingest.fetch import Fetcher, FetchResult
from sitrep.ingest.options import HttpCache, IngestOptions, ItemResult, MemoryHttpCache, Skipped
from sitrep.ingest.inputs import count_inputs, iter_items

__all__ = [
    "FetchResult",
    "Fetcher",
    "HttpCache",
    "IngestOptions",
    "ItemResult",
    "MemoryHttpCache",
    "Skipped",
    "count_inputs",
    "iter_items",
]
