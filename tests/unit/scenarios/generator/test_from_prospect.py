"""The prospect's identity replaces the generated client's; the rest of the world is kept."""

import json
from dataclasses import asdict

from simulator.scenarios.generator.core import generate
from simulator.scenarios.generator.from_prospect import with_prospect
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
