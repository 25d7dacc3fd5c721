"""Helpers shared by the test suites (a local HTTP server, ...)."""
