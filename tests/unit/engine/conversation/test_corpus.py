"""Accuracy of `understand` on the labelled corpus (issue 12 targets), tuning and held-out slices."""

from __future__ import annotations

import pytest

from tests.unit.engine.conversation.corpus_eval import (
    SOUS_ETIQUETTE,
    charger,
    contexte_corpus,
    evaluer,
    rapport,
)

TYPES = {
    "question",
    "reformulation",
    "argument",
    "traitement_objection",
    "offre",
    "concession",
    "conclusion",
    "recapitulatif",
    "rupture",
    "message",
    "incompris",
}


def test_corpus_size_and_coverage() -> None:
    tous = charger("reglage") + charger("reserve")
    assert len(tous) >= 300 and len(charger("reserve")) >= 60
    assert {e["coup"]["type"] for e in tous} == TYPES
    for t, cle, attendus in (
        (
            "question",
            "theme",
            {"besoin", "criteres", "budget", "delai", "decideurs", "concurrence"},
        ),
        (
            "argument",
            "motivation",
            {"securite", "orgueil", "nouveaute", "confort", "argent", "sympathie", "environnement"},
        ),
        (
            "traitement_objection",
            "technique",
            {
                "reformulation",
                "oui_mais",
                "boomerang",
                "compensation",
                "appui",
                "temoignage",
                "report",
            },
        ),
        (
            "conclusion",
            "technique",
            {"directe", "alternative", "implicite", "resume", "avantage_immediat"},
        ),
    ):
        assert {e["coup"][cle] for e in tous if e["coup"]["type"] == t} == attendus
    enjeux = {k for e in tous for k in e["coup"].get("termes", {})}
    enjeux |= {e["coup"]["enjeu"] for e in tous if e["coup"]["type"] == "concession"}
    assert enjeux == {
        "remise_pct",
        "quantite",
        "delai_livraison_semaines",
        "delai_paiement_jours",
        "acompte_pct",
        "garantie_mois",
        "services",
    }


@pytest.mark.parametrize("lot", ["reglage", "reserve"])
def test_corpus_targets(lot: str) -> None:
    r = evaluer(charger(lot), contexte_corpus())
    print(rapport(r))
    assert r["type"] >= 0.90, rapport(r)
    assert r["sous_etiquette"] >= 0.85, rapport(r)
    assert r["valeurs"] >= 0.95, rapport(r)
    assert r["offres_sur_ambigu"] == 0, rapport(r)
    assert set(SOUS_ETIQUETTE) <= set(r["par_type"])


def test_deterministic() -> None:
    from simulator.engine.conversation import understand

    ctx = contexte_corpus()
    for e in charger("reserve")[:20]:
        assert understand(e["texte"], ctx) == understand(e["texte"], ctx)
