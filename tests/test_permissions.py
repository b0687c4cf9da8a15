"""One permission table (``digitize.permissions``) for the API and the pages: both gates read it, admin may
everything, and the roles it grants are those the API and the pages let through."""

from __future__ import annotations

import pytest

from digitize.api.deps import require
from digitize.api.web.base import may
from digitize.errors import Forbidden
from digitize.permissions import PERMISSIONS, Permission, Role, allowed, roles_for
from digitize.store.auth import Principal
from digitize.store.models import ROLES


def test_every_permission_has_a_row_and_admin_has_all() -> None:
    assert set(PERMISSIONS) == set(Permission)
    assert set(ROLES) == set(Role)
    for permission in Permission:
        assert allowed("admin", permission)
        assert not allowed(None, permission)
        assert Role.ADMIN in roles_for(permission)


@pytest.mark.parametrize(
    ("permission", "roles"),
    [
        (Permission.UPLOAD, {"archivist"}),
        (Permission.REVIEW, {"reviewer"}),
        (Permission.VALIDITY, {"officer"}),
        (Permission.SIGN, {"officer", "clerk"}),
        (Permission.SEARCH, {"archivist", "reviewer", "officer"}),
        (Permission.STAFF, {"archivist", "reviewer", "officer", "clerk"}),
        (Permission.READ, {"archivist", "reviewer", "officer", "clerk", "agency"}),
        (Permission.FIXITY, set()),
    ],
)
def test_page_and_api_gates_agree(permission: Permission, roles: set[str]) -> None:
    check = require(permission)
    for role in ROLES:
        principal = Principal("user", role, role)
        expected = role in roles or role == "admin"
        assert may(principal, permission) is expected, (permission, role)
        if expected:
            assert check(principal) is principal
        else:
            with pytest.raises(Forbidden):
                check(principal)
