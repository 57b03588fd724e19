"""The candidate's fiche descriptive turned into a situation like a generated one."""

from __future__ import annotations

import copy
import json

import pytest

from simulator.scenarios.generator.core import generate
from simulator.scenarios.generator.fiche import parse_fiche, situation_from_fiche
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot
from simulator.scenarios.situation.model import Situation, to_json
from tests.unit.scenarios.conftest import shipped_pack

FICHE = {
    "vendeur": {"name": "Rexel Annecy", "city": "Annecy"},
    "client": {
        "raison_sociale": "Fromagerie des Aravis",
        "siren": "381 590 835",
        "naf": "1051C",
        "city": "Thônes",
        "postcode": "74230",
        "headcount": 48,
    },
    "contacts": [
        {
            "name": "Julie Perrin",
            "job_title": "Responsable achats",
            "role": "acheteur",
            "persona": "analytique",
            "motivations": ["argent", "securite"],
        },
        {
            "name": "Marc Vidal",
            "job_title": "Directeur de site",
            "role": "decideur",
            "persona": "directif",
            "motivations": ["orgueil"],
        },
    ],
    "lines": [
        {
            "ref": "led-hb-100",
            "designation": "Projecteur LED 100 W IP65",
            "quantity": 40,
            "list_price_ht": "145",
            "purchase_cost_ht": "92",
            "vat_rate": "20",
        },
        {
            "ref": "SRV-POSE",
            "designation": "Pose et raccordement",
            "quantity": 1,
            "list_price_ht": "1800",
            "purchase_cost_ht": "1100",
            "vat_rate": "20",
        },
    ],
    "conditions": {"payment_days": 45, "delivery_weeks": 3},
    "concurrent": {"name": "Sonepar", "price_index": "94"},
    "constraints": ["Intervention hors production (week-end)"],
    "objectifs": {"target_discount_max_pct": "12", "budget_ht": "7000"},
}


def _snapshot(data=FICHE, seed=7):
    fiche, errors = parse_fiche(copy.deepcopy(data))
    assert errors == {}
    return situation_from_fiche(fiche, seed, shipped_pack("materiel-electrique"))


def test_valid_fiche_gives_a_snapshot_shaped_like_a_generated_one():
    snapshot = _snapshot()
    generated = json.loads(to_json(generate(shipped_pack("materiel-electrique"), 7)))
    assert sorted(snapshot) == sorted(generated)
    for key in ("client", "need", "negotiation", "terms", "buyer"):
        assert sorted(snapshot[key]) == sorted(generated[key])
    Situation.model_validate(snapshot)  # the full schema of a generated situation
    company = snapshot["client"]["company"]
    assert company["raison_sociale"] == "Fromagerie des Aravis"
    assert company["siret"].startswith("381590835") and len(company["siret"]) == 14
    assert company["tva_intracommunautaire"].endswith("381590835")
    assert company["naf"]["code"] == "10.51C"
    assert snapshot["buyer"]["name"] == "Julie Perrin"
    assert snapshot["seller"]["name"] == "Rexel Annecy"
    assert snapshot["client"]["budget_ht"] == "7000.00"
    assert [p["ref"] for p in snapshot["catalogue"]["products"]] == ["LED-HB-100", "SRV-POSE"]
    assert snapshot["need"]["list_total_ht"] == "7600.00"
    remise = next(i for i in snapshot["negotiation"]["issues"] if i["key"] == "remise_pct")
    assert remise["max"] == "12"
    assert snapshot["negotiation"]["hidden"]["batna"]["competitor"] == "Sonepar"


def test_same_fiche_and_seed_give_the_same_snapshot():
    assert _snapshot() == _snapshot()


def test_invalid_siren_luhn_is_refused_in_french():
    data = copy.deepcopy(FICHE)
    data["client"]["siren"] = "381590836"
    fiche, errors = parse_fiche(data)
    assert fiche is None
    assert "Luhn" in errors["client.siren"]


@pytest.mark.parametrize("days", [61, 90])
def test_payment_days_over_60_are_refused(days):
    data = copy.deepcopy(FICHE)
    data["conditions"]["payment_days"] = days
    _fiche, errors = parse_fiche(data)
    assert (
        errors["conditions.payment_days"]
        == "valeur hors plage : doit être inférieure ou égale à 60"
    )


def test_other_french_errors_carry_the_field_path():
    data = copy.deepcopy(FICHE)
    data["contacts"][0]["role"] = "patron"
    data["lines"][0]["quantity"] = "beaucoup"
    data["lines"][1]["purchase_cost_ht"] = "5000"
    _fiche, errors = parse_fiche(data)
    assert "valeurs possibles" in errors["contacts.0.role"]
    assert errors["lines.0.quantity"] == "doit être un nombre entier"
    assert "coût d'achat" in errors["lines.1"]
    too_many = copy.deepcopy(FICHE)
    too_many["contacts"] = too_many["contacts"] * 3
    assert parse_fiche(too_many)[1]["contacts"] == "doit contenir au plus 4 élément(s)"
    assert parse_fiche("pas un dict")[1] == {
        "racine": "la fiche doit être un dictionnaire (clé: valeur)"
    }


def test_negotiation_adapter_accepts_the_fiche_situation():
    snapshot = _snapshot()
    setup = setup_from_snapshot(snapshot)
    assert setup.interlocuteur == "Julie Perrin"
    assert setup.paiement_max_jours == 60
    assert setup.quantite_ref == 40


def test_buyer_falls_back_to_another_role_when_no_acheteur():
    data = copy.deepcopy(FICHE)
    data["contacts"] = [data["contacts"][1]]
    snapshot = _snapshot(data)
    assert snapshot["buyer"]["name"] == "Marc Vidal"
    setup_from_snapshot(snapshot)
