"""Fixtures of the attack replays: the API's clients and keys, the pages' signed-in users."""

from __future__ import annotations

from tests.api.conftest import bare_client, make_key  # noqa: F401  (fixtures)
from tests.web.conftest import login, users, web  # noqa: F401  (fixtures)
