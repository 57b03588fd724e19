"""The debrief: DANS classes, E4 criteria, figures in euros, curves, scripted play."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from simulator.engine.negotiation.script import play_script
from simulator.engine.scoring import CRITERES, NIVEAUX, classer, debrief
from tests.unit.engine.negotiation.seller_strategies import habile, jouer
from tests.unit.engine.negotiation.setup_factory import fabriquer

EXEMPLES = Path(__file__).resolve().parents[4] / "docs" / "examples"


@pytest.mark.parametrize(
    ("d_soi", "d_autre", "classe"),
    [
        (-0.1, 0.1, "concession"),
        (0.1, -0.1, "selfish"),
        (0.1, 0.1, "fortunate"),
        (-0.1, -0.1, "unfortunate"),
        (0.0, 0.1, "nice"),
        (0.001, -0.002, "silent"),
        (-0.1, 0.0, "unfortunate"),
    ],
)
def test_dans_taxonomy(d_soi: float, d_autre: float, classe: str) -> None:
    assert classer(d_soi, d_autre) == classe


def test_debrief_has_ten_criteria_with_level_evidence_and_advice() -> None:
    s = fabriquer(persona="directif", graine=5)
    tr, _ = jouer(s, 5, habile)
    d = debrief(s, tr)
    assert [c["critere"] for c in d["criteres"]] == list(CRITERES)
    for c in d["criteres"]:
        assert (
            c["niveau_libelle"] in NIVEAUX
            and c["conseil"]
            and all(isinstance(i, int) for i in c["preuves"])
        )
    m = d["mesures"]
    assert isinstance(m["valeur_laissee"], Decimal) and m["valeur_laissee"] >= 0
    assert isinstance(m["marge"], Decimal) and isinstance(m["zopa_largeur"], Decimal)
    assert m["distance_pareto"] <= m["distance_nash"] + 1e-9
    assert len(d["coups"]) == len(tr.tours)
    assert d["courbes"]["vendeur"] and d["courbes"]["acheteur"]
    assert d["cote_cache"]["reservation"] == s.acheteur.reservation


def test_value_left_on_the_table_is_the_frontier_package_at_the_same_buyer_utility() -> None:
    s = fabriquer(objections=[])
    esp = s.espace
    inefficace = {
        "prix": "3650",
        "delai": 8,
        "paiement": 60,
        "acompte": "0",
        "garantie": 36,
        "service": "installation + formation",
    }
    d = play_script(s, 1, [{"type": "offre", "termes": inefficace, "temps_s": 1100}])
    if d["resultat"]["accord"]:
        laisse = Decimal(d["debrief"]["mesures"]["valeur_laissee"])
        front = {
            k: s.enjeux[s.index[k]].lire(v)
            for k, v in d["debrief"]["mesures"]["paquet_frontiere"].items()
        }
        assert esp.u_acheteur(front) >= d["debrief"]["mesures"]["u_acheteur"] - 1e-6
        assert laisse == (
            esp.marge(front)
            - esp.marge({k: s.enjeux[s.index[k]].lire(v) for k, v in inefficace.items()})
        ).quantize(Decimal("0.01"))


@pytest.mark.parametrize("fichier", sorted(EXEMPLES.glob("moves_*.json")), ids=lambda p: p.name)
def test_documented_examples_play(fichier: Path) -> None:
    coups = json.loads(fichier.read_text(encoding="utf-8"))
    sortie = play_script(fabriquer(persona="analytique", graine=0), 7, coups)
    json.dumps(sortie)
    assert {"transcription", "resultat", "debrief"} <= set(sortie)
    assert len(sortie["debrief"]["criteres"]) == 10


def test_debrief_quotes_the_students_own_sentences_as_evidence() -> None:
    s = fabriquer(persona="directif", graine=5)
    tr, _ = jouer(s, 5, habile)
    for k, t in enumerate(tr.tours):  # the student typed every move in their own words
        t["coup"] = {**t["coup"], "texte": f"Phrase {k} de l'étudiante, tour {t['index']}."}
    tr.tours[0]["coup"].pop("texte")  # a structured move without words is not quoted
    d = debrief(s, tr)
    citees = [q for c in d["criteres"] for q in c["citations"]]
    assert citees, "at least one criterion's evidence is quoted"
    mots = {t["index"]: t["coup"].get("texte") for t in tr.tours}
    for c in d["criteres"]:
        assert len(c["citations"]) <= 3
        for q in c["citations"]:
            assert q["tour"] in c["preuves"] and q["texte"] == mots[q["tour"]]
    assert all(q["tour"] != tr.tours[0]["index"] for q in citees)
