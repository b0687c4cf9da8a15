"""digitize.verify.cms_shape: the DER re-encoding Bouncy Castle (and so EU DSS) checks signed attributes over,
plain-ECDSA values, and how a SignerInfo names its algorithms."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from digitize.verify import cms_shape as cs


def _tlv(tag: int, body: bytes) -> bytes:
    assert len(body) < 0x80
    return bytes([tag, len(body)]) + body


def test_a_set_is_sorted_by_encoding_and_lengths_made_minimal() -> None:
    a, b = _tlv(0x30, b"\x06\x01\x2a"), _tlv(0x30, b"\x06\x02\x2a\x03")
    written = _tlv(0x31, b + a)  # out of order
    assert cs.der_reencode(written) == _tlv(0x31, a + b)
    assert cs.der_reencode(_tlv(0x31, a + b)) == _tlv(0x31, a + b)  # DER stays as it is
    long_form = b"\x04\x81\x03abc"  # an OCTET STRING with a needlessly long length
    assert cs.der_reencode(long_form) == b"\x04\x03abc"
    indefinite = b"\x30\x80" + b"\x04\x01x" + b"\x00\x00"
    assert cs.der_reencode(indefinite) == b"\x30\x03\x04\x01x"
    # a SEQUENCE keeps its order: only SETs are sorted
    assert cs.der_reencode(_tlv(0x30, b + a)) == _tlv(0x30, b + a)


@pytest.mark.parametrize(
    "blob",
    [b"", b"\x30", b"\x30\x05\x04\x01", b"\x04\x85\xff\xff\xff\xff\xff", b"\x30\x80\x04\x01x", b"\x04\x01xy"],
)
def test_broken_encodings_are_refused(blob: bytes) -> None:
    with pytest.raises(cs.NotDer):
        cs.der_reencode(blob)


def test_hostile_nesting_is_refused_not_a_crash() -> None:
    blob = b"\x30\x80" * 5000 + b"\x00\x00" * 5000
    with pytest.raises(cs.NotDer):
        cs.der_reencode(blob)


def test_plain_ecdsa_value_becomes_der() -> None:
    r, s = 0x1234, 0xFF00
    value = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    assert decode_dss_signature(cs.plain_to_der(value)) == (r, s)
    with pytest.raises(ValueError):
        cs.plain_to_der(b"\x01\x02\x03")
