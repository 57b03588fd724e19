"""The seller's legal identity in a pack: Luhn-valid SIREN/SIRET, the SIREN's VAT number."""

from __future__ import annotations

import pytest

from simulator.scenarios.generator.identifiers import luhn_valid, tva_intracommunautaire
from simulator.scenarios.schema.loader import validate_text
from tests.unit.scenarios.conftest import FIXTURES, SHIPPED, shipped_pack

IDENTITY = (
    "  identity:\n"
    "    share_capital: 250000\n"
    '    siren: "{siren}"\n'
    '    siret: "{siret}"\n'
    '    vat_number: "{vat}"\n'
    '    rcs_city: "Nantes"\n'
    '    street: "14 rue de la Garde"\n'
    '    postcode: "44300"\n'
)
GOOD = {"siren": "812345676", "siret": "81234567600124", "vat": "FR19812345676"}


def _with_identity(**changes: str) -> str:
    text = (FIXTURES / "mini-valide.yaml").read_text(encoding="utf-8")
    head, sep, rest = text.partition("seller:\n")
    assert sep, "the minimal fixture has a seller section"
    return head + sep + IDENTITY.format(**{**GOOD, **changes}) + rest


def _messages(text: str) -> list[str]:
    _, errors = validate_text(text, "f.yaml")
    return [f"{e.field_path}: {e.message_fr}" for e in errors]


@pytest.mark.parametrize("slug", SHIPPED)
def test_every_shipped_pack_carries_a_coherent_legal_identity(slug: str) -> None:
    identity = shipped_pack(slug).seller.identity
    assert identity is not None
    assert luhn_valid(identity.siren) and luhn_valid(identity.siret)
    assert identity.siret.startswith(identity.siren)
    assert identity.vat_number == tva_intracommunautaire(identity.siren)
    assert identity.share_capital > 0 and identity.rcs_city and identity.street
    assert len(identity.postcode) == 5


def test_a_valid_identity_passes() -> None:
    assert _messages(_with_identity()) == []


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"siren": "812345677", "siret": "81234567700124"}, "SIREN 812345677 invalide"),
        ({"siret": "81234567600125"}, "SIRET 81234567600125 invalide"),
        ({"siret": "79845612500128"}, "ne commence pas par le SIREN"),
        ({"vat": "FR20812345676"}, "celle du SIREN 812345676 est FR19812345676"),
    ],
)
def test_an_incoherent_identity_is_refused_in_french(changes: dict, fragment: str) -> None:
    messages = _messages(_with_identity(**changes))
    assert any(m.startswith("seller.identity") and fragment in m for m in messages), messages
