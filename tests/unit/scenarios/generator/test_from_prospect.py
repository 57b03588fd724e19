"""The prospect's identity replaces the generated client's; the rest of the world is kept."""

import json
from dataclasses import asdict
from decimal import Decimal

import pytest

from simulator.scenarios.generator.core import generate
from simulator.scenarios.generator.company import _CAPITAL
from simulator.scenarios.generator.from_prospect import (
    NoFittingArchetype,
    headcount_band,
    pack_for_prospect,
    with_prospect,
)
from simulator.scenarios.generator.identifiers import luhn_valid, tva_intracommunautaire
from simulator.scenarios.prospects import fichier_depuis_pack
from simulator.scenarios.schema.loader import load_pack
from simulator.scenarios.situation.model import to_json

PACK = "scenario_packs/materiel-electrique.yaml"


def test_identity_is_the_prospects_and_the_hidden_side_unchanged():
    pack = load_pack(PACK)
    snapshot = json.loads(to_json(generate(pack, 4)))
    prospect = next(asdict(p) for p in fichier_depuis_pack(pack, 4, 60).prospects if p.siret)
    result = with_prospect(snapshot, prospect)
    company = result["client"]["company"]
    assert company["raison_sociale"] == prospect["raison_sociale"]
    assert company["siret"] == prospect["siret"] and luhn_valid(company["siret"])
    assert company["tva_intracommunautaire"] == tva_intracommunautaire(company["siren"])
    assert company["address"]["city"] == prospect["ville"]
    assert result["negotiation"] == snapshot["negotiation"] and result["need"] == snapshot["need"]
    assert (
        result["buyer"]["name"] == f"{prospect['contact']['prenom']} {prospect['contact']['nom']}"
    )
    assert snapshot["client"]["company"]["raison_sociale"] != company["raison_sociale"]


def _prospect(naf_code: str, naf_libelle: str, band: str, name: str = "Plasturgie Morel") -> dict:
    return {
        "raison_sociale": name,
        "siren": "",
        "siret": "",
        "naf_code": naf_code,
        "naf_libelle": naf_libelle,
        "tranche_effectif": band,
        "rue": "12 rue des Forges",
        "code_postal": "38000",
        "ville": "Grenoble",
        "departement_code": "38",
        "departement": "Isère",
        "telephone": "04 76 11 22 33",
        "contact": {
            "civilite": "Mme",
            "prenom": "Anne",
            "nom": "Morel",
            "email": "anne.morel@ancien-employeur.fr",
        },
    }


def test_a_mid_sized_plastics_maker_is_an_industrial_client_of_its_size():
    """Issue 17: a 100–249-employee NAF 22.29A prospect must not become a 4-employee installer."""
    pack = load_pack(PACK)
    prospect = _prospect("22.29A", "Fabrication de pièces techniques", "100 à 249 salariés")
    narrowed = pack_for_prospect(pack, prospect)
    assert [a.key for a in narrowed.archetypes] == ["pme-industrielle"]
    needs = {n.label for n in narrowed.archetypes[0].needs}
    for seed in (1, 2, 3, 4, 5):
        snapshot = with_prospect(json.loads(to_json(generate(narrowed, seed))), prospect)
        company = snapshot["client"]["company"]
        assert 100 <= company["headcount"] <= 180  # the band within the archetype's range
        assert company["archetype"] == "pme-industrielle"
        assert company["archetype_label"] != "Entreprise d'installation électrique"
        assert company["naf"]["code"] == "22.29A"
        assert snapshot["need"]["label"] in needs
        assert "bornes de recharge" not in snapshot["need"]["label"]
        assert company["legal_form"] in {"SAS", "SARL", "SA"}
        assert Decimal(company["capital_social"]) >= Decimal(500) * company["headcount"] or (
            Decimal(company["capital_social"]) == max(_CAPITAL[company["legal_form"]])
        )
        assert company["email"] == "contact@plasturgie-morel.fr"
        assert all(
            c["email"].endswith("@plasturgie-morel.fr") for c in snapshot["client"]["contacts"]
        )
        assert company["address"]["city"] == "Grenoble"


def test_a_legal_form_in_the_name_is_the_companys():
    pack = load_pack(PACK)
    prospect = _prospect(
        "25.62B", "Mécanique industrielle", "50 à 99 salariés", "Ateliers Roux SARL"
    )
    snapshot = with_prospect(
        json.loads(to_json(generate(pack_for_prospect(pack, prospect), 9))), prospect
    )
    company = snapshot["client"]["company"]
    assert company["legal_form"] == "SARL" and Decimal(company["capital_social"]) >= 25_000


def test_an_off_target_sector_is_refused_with_the_reason_in_french():
    pack = load_pack(PACK)
    with pytest.raises(NoFittingArchetype) as refused:
        pack_for_prospect(
            pack, _prospect("56.10A", "Restauration traditionnelle", "0 à 9 salariés")
        )
    assert "NAF 56.10A" in refused.value.message and "hors de la cible" in refused.value.message


def test_a_targeted_sector_at_the_wrong_size_is_refused_with_the_sizes():
    pack = load_pack(PACK)
    prospect = _prospect("43.21A", "Travaux d'installation électrique", "250 salariés et plus")
    with pytest.raises(NoFittingArchetype) as refused:
        pack_for_prospect(pack, prospect)
    assert "250 salariés et plus" in refused.value.message
    assert "4 à 45 salariés" in refused.value.message


def test_headcount_bands_are_read():
    assert headcount_band("100 à 249 salariés") == (100, 249)
    assert headcount_band("0 à 9 salariés") == (0, 9)
    assert headcount_band("250 salariés et plus")[0] == 250
