"""Damaged input never raises: truncated files and random byte changes all get a report."""

from __future__ import annotations

import asyncio
import random
import re

import pytest
from asn1crypto import x509

from digitize.verify import averify_pdf, load_trust_roots, verify_pdf
from tests.support.pki import TestPKI
from tests.verify import helpers as h


@pytest.fixture(scope="module")
def signed(pki: TestPKI) -> bytes:
    return h.pyhanko_sign(h.make_pdf(), pki.officer.p12, pki.p12_password)


@pytest.fixture(scope="module")
def roots(pki: TestPKI) -> list[x509.Certificate]:
    return load_trust_roots([pki.root_cert])


def test_truncated_files_get_reports(signed: bytes, roots: list[x509.Certificate]) -> None:
    for k in range(1, 10):
        report = verify_pdf(signed[: len(signed) * k // 10], trust_roots=roots, allow_fetching=False)
        assert report.document.indication == "TOTAL_FAILED"
        assert report.document.sub_indication in {"FORMAT_FAILURE", "HASH_FAILURE"}


def test_random_changes_inside_the_signed_range_never_pass(
    signed: bytes, roots: list[x509.Certificate]
) -> None:
    m = re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)", signed)
    assert m is not None
    first_len = int(m.group(1))
    rng = random.Random(20251121)
    for _ in range(12):
        data = bytearray(signed)
        pos = rng.randrange(0, first_len)
        data[pos] = (data[pos] + rng.randrange(1, 255)) % 256
        report = verify_pdf(bytes(data), trust_roots=roots, allow_fetching=False)
        assert report.document.indication != "TOTAL_PASSED", pos
        assert report.signatures == [] or report.signatures[0].indication != "TOTAL_PASSED"


def test_usable_from_async_code(signed: bytes, roots: list[x509.Certificate]) -> None:
    async def inside_a_loop() -> tuple[str, str]:
        a = verify_pdf(signed, trust_roots=roots)  # sync call from a running loop: runs in a worker thread
        b = await averify_pdf(signed, trust_roots=roots)
        return a.document.indication, b.document.indication

    assert asyncio.run(inside_a_loop()) == ("TOTAL_PASSED", "TOTAL_PASSED")
