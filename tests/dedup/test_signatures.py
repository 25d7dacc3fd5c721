"""sitrep's MinHash signatures are datasketch's, bit for bit: band keys written by earlier
versions (which called datasketch) still find the copies of new articles."""

from __future__ import annotations

import random

import numpy as np
import pytest

from sitrep import dedup

datasketch = pytest.importorskip("datasketch", reason="datasketch is in the test extra")


def _datasketch_values(items: list[bytes]) -> np.ndarray:
    mh = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED)
    mh.update_batch(items)
    return np.asarray(mh.hashvalues)


@pytest.mark.parametrize("size", [1, 2, 7, 300])
def test_minhash_equals_datasketch(size: int) -> None:
    rng = random.Random(size)
    items = [" ".join(rng.choice(["talks", "minister", "Kyiv", "sanctions", "é", "北京"])
                      for _ in range(5)).encode() + bytes([i % 256]) for i in range(size)]
    assert np.array_equal(dedup.minhash(items).astype(np.uint64),
                          _datasketch_values(items).astype(np.uint64))


def test_band_keys_of_a_text_equal_datasketch_ones() -> None:
    grams = dedup.shingles("The foreign ministers of four countries met in Geneva on "
                           "Thursday to discuss a ceasefire and the exchange of prisoners.")
    values = _datasketch_values([g.encode() for g in grams])
    assert np.array_equal(dedup.minhash([g.encode() for g in grams]).astype(np.uint64),
                          values.astype(np.uint64))


def test_empty_set_keeps_the_maximum() -> None:
    assert (dedup.minhash([]) == 0xFFFFFFFF).all()


def test_near_copies_share_a_band_and_strangers_do_not() -> None:
    text = ("The foreign ministers of four countries met in Geneva on Thursday to discuss a "
            "ceasefire, the exchange of prisoners and the reopening of the grain corridor, "
            "officials said after the talks ended late in the evening.")
    copy = text.replace("late in the evening", "late on Thursday evening")
    other = ("Heavy rain flooded the lower town overnight and the river rose above the old "
             "bridge, where the fire brigade pumped water out of twenty cellars by noon.")
    keys = dedup.band_keys(dedup.shingles(text))
    assert set(keys) & set(dedup.band_keys(dedup.shingles(copy)))
    assert not set(keys) & set(dedup.band_keys(dedup.shingles(other)))
