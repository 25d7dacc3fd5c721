"""Fixtures shared by these tests."""

from link.factory import store  # noqa: F401  (a fixture)
