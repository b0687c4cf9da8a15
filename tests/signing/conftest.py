"""Fixtures of the signing tests: the session's test PKI (see tests/support/pki.py)."""

from tests.support.pki import pki

__all__ = ["pki"]
