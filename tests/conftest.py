"""Fixtures every test package may use; plain helpers live in tests/support."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.site import LocalSite


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """A local HTTP site on 127.0.0.1 with no routes yet; a package may add its own."""
    local = LocalSite()
    yield local
    local.close()
