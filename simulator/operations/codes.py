"""Short human codes: class join codes and student resume codes."""

import secrets

#: no 0/O, 1/I/L, so a code read aloud in class is typed right
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code(length: int = 6) -> str:
    """Return a random code of unambiguous characters."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    """Uppercase a typed code and drop spaces and dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())
