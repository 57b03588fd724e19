"""French company identifiers: SIREN and SIRET with their Luhn key, intra-EU VAT number."""

from __future__ import annotations

import random


def luhn_valid(number: str) -> bool:
    """Return True when the digit string passes the Luhn check."""
    if not number.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    """Append the digit that makes prefix + digit Luhn-valid."""
    for key in "0123456789":
        if luhn_valid(prefix + key):
            return prefix + key
    raise AssertionError("unreachable: one Luhn key always exists")


def make_siren(rng: random.Random) -> str:
    """Draw a 9-digit SIREN whose last digit is the Luhn key."""
    body = str(rng.randint(3, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return luhn_complete(body)


def make_siret(siren: str, establishment: int) -> str:
    """Build the SIRET of an establishment: SIREN + 4-digit sequence + Luhn key (the NIC)."""
    return luhn_complete(f"{siren}{establishment:04d}")


def vat_key(siren: str) -> int:
    """Intra-EU VAT key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97."""
    return (12 + 3 * (int(siren) % 97)) % 97


def tva_intracommunautaire(siren: str) -> str:
    """French intra-EU VAT number, e.g. FR32123456789."""
    return f"FR{vat_key(siren):02d}{siren}"


def format_siren(siren: str) -> str:
    """Display a SIREN as « 123 456 789 »."""
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"
