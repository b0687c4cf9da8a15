"""The test PKI (tests/support/pki.py) for the trust tests."""

from tests.support.pki import pki  # noqa: F401
