"""Identifiers of a holder checked against their law: a tax code (mã số thuế, Circular 105/2020/TT-BTC) has
10 digits whose last is a check digit over the first nine (weights 31 29 23 19 17 13 7 5 3), or 10-3 for a
dependent unit; a citizen identity number (căn cước, Decree 137/2015/NĐ-CP) has 12 digits led by the code of
the province of birth registration; an old identity card (CMND) 9 or 12 digits."""

from __future__ import annotations

_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
# province codes that lead a citizen identity number (the 63 provinces before 2025)
_CCCD_CODES = (
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 "
    "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 "
    "083 084 086 087 089 091 092 093 094 095 096"
)
CCCD_PROVINCES = frozenset(_CCCD_CODES.split())


def tax_code_valid(digits: str) -> bool:
    """True when ``digits`` (10 digits, the 3-digit unit suffix left off) carry a valid check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    rest = 10 - sum(w * int(d) for w, d in zip(_MST_WEIGHTS, digits, strict=False)) % 11
    return rest != 10 and rest == int(digits[9])


def cccd_valid(digits: str) -> bool:
    """True when ``digits`` has the shape of a citizen identity number: 12 digits, a province code, a
    century/sex digit (0-9)."""
    return len(digits) == 12 and digits.isdigit() and digits[:3] in CCCD_PROVINCES


def best_tax_window(digits: str) -> tuple[str, bool]:
    """The 10 digits of a tax code within a longer run (stray digits read before or after it): the first
    window with a valid check digit, else the first 10; and whether it checks."""
    for k in range(0, len(digits) - 9):
        if tax_code_valid(digits[k : k + 10]):
            return digits[k : k + 10], True
    return digits[:10], False
