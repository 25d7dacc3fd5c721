"""Near-duplicate detection: syndicated copies, re-scrapes, the same text under two URLs.

MinHash signatures over 5-word shingles, indexed by locality-sensitive hashing bands in the
store; candidates sharing a band are confirmed with the exact Jaccard similarity of their
shingle sets, so the LSH only has to be good at not missing pairs.

The signatures are datasketch's ``MinHash`` (2.0, its default ``affine32`` scheme) computed
here with numpy, bit for bit (``tests/dedup`` checks them against datasketch): importing
datasketch imports SciPy for its LSH classes, 45 MB in every process that extracts, for
the 20 lines below.
"""

from __future__ import annotations

import hashlib
import re
import struct

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
"""32 bands of 4 rows: a pair at Jaccard 0.5 shares a band with probability 0.87, at 0.8
with probability > 0.9999, so the exact check downstream sees nearly every real copy."""
SHINGLE = 5
SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine maps h -> a*h + b (mod 2^32) of datasketch's ``affine32`` scheme: ``a``
    odd, so each map is a bijection, both drawn from numpy's legacy generator."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations(NUM_PERM, SEED)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which spreads the input hashes before permuting."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    mixed: np.ndarray = hv ^ (hv >> np.uint32(16))
    return mixed


def minhash(items: list[bytes]) -> np.ndarray:
    """The ``NUM_PERM`` 32-bit MinHash values of a set of byte strings (each hashed with the
    first 4 bytes of its SHA-1, little-endian); all 0xFFFFFFFF for an empty set."""
    out = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    if not items:
        return out
    hashes = np.array([struct.unpack("<I", hashlib.sha1(b).digest()[:4])[0] for b in items],
                      dtype=np.uint32).reshape(-1, 1)
    with np.errstate(over="ignore"):  # the wrap-around is the modulo 2^32
        permuted = _fmix32(hashes) * _A + _B
    values: np.ndarray = np.minimum(out, permuted.min(axis=0))
    return values


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Lower-cased word ``size``-grams; a text shorter than that is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def band_keys(grams: set[str]) -> list[int]:
    """LSH bucket keys of one document, one per band (the band number is hashed in)."""
    values = minhash([g.encode() for g in grams] or [b""])
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].astype(np.uint64).tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(struct.unpack("<Q", digest)[0])
    return keys


class PendingIndex:
    """Near-copy lookup among articles read but not yet stored (in flight to the writer).

    The store finds copies of what it holds; this finds copies of an earlier article of the
    same run that is still being coded, so that a copy is known before any NLP runs on it.
    """

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._keys: dict[str, list[int]] = {}
        self._buckets: dict[int, list[str]] = {}

    def add(self, article_id: str, text: str, keys: list[int]) -> None:
        self.remove(article_id)
        self._texts[article_id] = text
        self._keys[article_id] = keys
        for key in keys:
            self._buckets.setdefault(key, []).append(article_id)

    def remove(self, article_id: str) -> None:
        self._texts.pop(article_id, None)
        for key in self._keys.pop(article_id, []):
            ids = self._buckets.get(key, [])
            if article_id in ids:
                ids.remove(article_id)
            if not ids:
                self._buckets.pop(key, None)

    def copies(self, article_id: str, text: str, keys: list[int], threshold: float) -> bool:
        """True when ``text`` near-copies another article in flight."""
        candidates = {c for key in keys for c in self._buckets.get(key, ()) if c != article_id}
        if not candidates:
            return False
        grams = shingles(text)
        return any(jaccard(grams, shingles(self._texts[c])) >= threshold for c in candidates)
