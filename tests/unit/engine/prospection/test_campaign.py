"""Campaign planning: channel table, estimate by hand, and French errors on bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from simulator.engine.prospection import (
    CadreCampagne,
    CampaignError,
    Canal,
    Critere,
    CriteresCiblage,
    Defaut,
    Objectifs,
    PlanCampagne,
    Qualification,
    estimer,
    lire_cadre,
    lire_plan,
    parametres_canaux,
    qualifier,
    verifier_plan,
)
from tests.unit.engine.prospection.tiny_file import fichier_minuscule

D = Decimal
CANAUX = parametres_canaux()
CADRE = CadreCampagne(plafond_budget=D("5000.00"), temps_disponible_minutes=600)


def _qualif() -> Qualification:
    """The tiny file qualified: P2 (duplicate) discarded."""
    grille = CriteresCiblage({Critere.taille: 1})
    return qualifier(fichier_minuscule(), {"P2": frozenset({Defaut.doublon_exact})}, grille)


def _erreurs(
    plan: PlanCampagne, qualification: Qualification | None = None, cadre: CadreCampagne = CADRE
) -> list[str]:
    """Messages raised by the validation of a plan."""
    with pytest.raises(CampaignError) as exc:
        verifier_plan(plan, fichier_minuscule(), qualification or _qualif(), CANAUX, cadre)
    return exc.value.messages


def test_estimate_by_hand_with_fixed_costs_and_kilometres() -> None:
    plan = PlanCampagne({Canal.visite: ("P1", "P5"), Canal.emailing: ("P1", "P3", "P4")}, D("500"))
    e = estimer(plan, fichier_minuscule(), CANAUX)
    # visite: P1 60 + 0.45 × 2 × 10 = 69.00; P5 60 + 0.45 × 2 × 140 = 186.00
    assert e.cout_par_canal[Canal.visite] == D("255.00")
    # e-mailing: 150 fixed + 3 × 0.40
    assert e.cout_par_canal[Canal.emailing] == D("151.20")
    assert e.cout_total == D("406.20")
    # visite: (60 + 20) + (60 + 280) minutes; e-mailing 3 × 2
    assert e.minutes_par_canal == {Canal.visite: 420, Canal.emailing: 6}
    assert verifier_plan(plan, fichier_minuscule(), _qualif(), CANAUX, CADRE) == e


def test_negative_budget_is_refused() -> None:
    assert _erreurs(PlanCampagne({Canal.phoning: ("P1",)}, D("-1"))) == [
        "Le budget ne peut pas être négatif."
    ]


def test_budget_beyond_the_cap_is_refused_with_both_amounts() -> None:
    (message,) = _erreurs(PlanCampagne({Canal.phoning: ("P1",)}, D("6000")))
    assert message.startswith("Le budget (6\u202f000,00\xa0€) dépasse le plafond autorisé")
    assert "(5\u202f000,00\xa0€)" in message


def test_empty_target_is_refused() -> None:
    assert _erreurs(PlanCampagne({Canal.phoning: ()}, D("100"))) == [
        "Aucune cible : choisissez au moins un prospect pour la campagne."
    ]
    assert _erreurs(PlanCampagne({}, D("100")))[0].startswith("Aucune cible")


def test_campaign_on_an_unqualified_file_is_refused() -> None:
    plan = PlanCampagne({Canal.phoning: ("P1",)}, D("100"))
    for qualification in (None, Qualification({}, CriteresCiblage({Critere.taille: 1}), ())):
        with pytest.raises(CampaignError, match="Le fichier n'est pas qualifié"):
            verifier_plan(plan, fichier_minuscule(), qualification, CANAUX, CADRE)


def test_unknown_channel_is_refused_with_the_known_ones() -> None:
    with pytest.raises(CampaignError, match="Canal inconnu : « fax ». Canaux possibles : phoning"):
        lire_plan({"fax": ["P1"]}, "100")
    with pytest.raises(CampaignError, match="Canal inconnu : « pigeon »"):
        parametres_canaux({"pigeon": {"cout_par_action": "1"}})


def test_time_budget_exceeded_is_refused() -> None:
    plan = PlanCampagne({Canal.visite: ("P1", "P3", "P4", "P5")}, D("1000"))
    # 3 × (60 + 2 × 10) + (60 + 2 × 140) = 580 min = 9 h 40, within 10 h but not within 2 h
    verifier_plan(plan, fichier_minuscule(), _qualif(), CANAUX, CADRE)
    serre = CadreCampagne(temps_disponible_minutes=120)
    assert _erreurs(plan, cadre=serre) == [
        "Le temps nécessaire (9 h 40) dépasse le temps disponible (2 h 00)."
    ]


def test_cost_beyond_budget_discarded_unknown_and_repeated_targets_are_all_listed() -> None:
    plan = PlanCampagne(
        {Canal.phoning: ("P1", "P2", "P9", "P1")}, D("5"), Objectifs(contacts=1, rdv=2)
    )
    assert _erreurs(plan) == [
        "Prospect inconnu dans le fichier : P9.",
        "Ces prospects ont été écartés lors de la qualification : P2.",
        "Un même prospect apparaît deux fois sur le canal Phoning.",
        "Les objectifs doivent décroître : contacts ≥ rendez-vous ≥ opportunités.",
        "Le coût prévu (13,50\xa0€) dépasse le budget (5,00\xa0€).",
    ]
    negatifs = PlanCampagne({Canal.phoning: ("P1",)}, D("100"), Objectifs(contacts=-1))
    assert _erreurs(negatifs) == ["Les objectifs doivent être positifs ou nuls."]


def test_plan_read_from_a_form() -> None:
    plan = lire_plan(
        {"phoning": ["P1"], "visite": ("P3",)}, "1 200,50", {"contacts": "3", "rdv": 1}
    )
    assert plan.budget_ht == D("1200.50") and plan.objectifs == Objectifs(3, 1, 0)
    with pytest.raises(CampaignError, match="Budget illisible"):
        lire_plan({"phoning": ["P1"]}, "beaucoup")
    with pytest.raises(CampaignError, match="Objectifs illisibles"):
        lire_plan({"phoning": ["P1"]}, "10", {"ventes": 3})


def test_pack_section_overrides_channels_and_cadre() -> None:
    table = parametres_canaux(
        {
            "phoning": {
                "cout_par_action": "5.20",
                "joignabilite": 0.4,
                "affinite_taille": [1, 1, 1, 1.1, 1.2],
            }
        }
    )
    assert table[Canal.phoning].cout_par_action == D("5.20")
    assert table[Canal.phoning].joignabilite == D("0.4")
    assert table[Canal.emailing] == CANAUX[Canal.emailing]
    with pytest.raises(CampaignError, match="taux doivent être compris entre 0 et 1"):
        parametres_canaux({"salon": {"taux_rdv": "1.5"}})
    with pytest.raises(CampaignError, match="Paramètre inconnu pour le canal visite : couleur"):
        parametres_canaux({"visite": {"couleur": "bleu"}})
    cadre = lire_cadre(
        {"plafond_budget": "12000", "temps_disponible_heures": 35, "taux_de_marque_pct": "22"}
    )
    assert (cadre.plafond_budget, cadre.temps_disponible_minutes, cadre.taux_de_marque_pct) == (
        D("12000"),
        2100,
        D("22"),
    )
    with pytest.raises(CampaignError, match="Cadre de campagne invalide"):
        lire_cadre({"plafond_budget": "-5"})
