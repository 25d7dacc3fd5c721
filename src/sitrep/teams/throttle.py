"""Login throttling: after repeated failures, a name or a client waits before trying again."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

MAX_FAILURES = 5
"""Failed logins allowed per name within ``WINDOW_S``."""
MAX_CLIENT_FAILURES = 20
"""Failed logins allowed per client address (over all names) within ``WINDOW_S``."""
WINDOW_S = 300.0


class Throttle:
    """Counts failed logins per key in a sliding window (in memory: one server process owns
    a store, so one count is the whole truth)."""

    def __init__(self, max_failures: int = MAX_FAILURES,
                 max_client_failures: int = MAX_CLIENT_FAILURES,
                 window_s: float = WINDOW_S) -> None:
        self.max_failures = max_failures
        self.max_client_failures = max_client_failures
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times

    def wait_s(self, *keys: str) -> float:
        """Seconds to wait before any of ``keys`` may try again (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [self._recent(k, now)[0] + self.window_s - now for k in keys
                     if len(self._recent(k, now)) >= self._limit(k)]
        return max(waits, default=0.0)

    def _limit(self, key: str) -> int:
        return self.max_client_failures if key.startswith("client:") else self.max_failures

    def fail(self, *keys: str) -> None:
        """Count one failed login against each key."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def clear(self, *keys: str) -> None:
        """Forget the failures of keys that just logged in."""
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
