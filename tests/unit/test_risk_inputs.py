"""The risk page's adapters: a snapshot year → engine statements, French numbers → Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.financial_ratios import dettes_court_terme
from simulator.operations.risk_inputs import (
    SaisieInvalide,
    dossier,
    etats_exercice,
    incident,
    libelle_dernier_exercice,
    lire_nombre,
    lire_saisie,
)

D = Decimal


def _exercice(offset: int = 0, concours: str = "0.00") -> dict:
    """The « Dupont Maintenance » worked client of the reference (§3.2), in snapshot vocabulary."""
    return {
        "exercice": "N" if offset == 0 else f"N{offset}",
        "year_offset": offset,
        "bilan": {
            "actif_immobilise": "450000.00",
            "stocks": "200000.00",
            "creances_clients": "360000.00",
            "disponibilites": "90000.00",
            "total_actif": "1100000.00",
            "capitaux_propres": "400000.00",
            "dettes_financieres": "350000.00",
            "dettes_fournisseurs": "250000.00",
            "autres_dettes": "100000.00",
            "concours_bancaires_courants": concours,
            "total_passif": "1100000.00",
        },
        "compte_de_resultat": {
            "chiffre_affaires_ht": "2000000.00",
            "achats_consommes": "900000.00",
            "charges_externes": "340000.00",
            "valeur_ajoutee": "760000.00",
            "charges_de_personnel": "520000.00",
            "ebe": "180000.00",
            "dotations_amortissements": "50000.00",
            "resultat_exploitation": "100000.00",
            "charges_financieres": "18000.00",
            "resultat_net": "60000.00",
            "caf": "110000.00",
        },
    }


def _snapshot(incidents: list[dict] | None = None) -> dict:
    return {
        "client": {
            "financials": {"exercices": [_exercice(-1), _exercice(0)]},
            "payment_history": {"incidents": incidents or []},
        }
    }


def test_every_snapshot_field_lands_on_its_engine_field():
    e = etats_exercice(_exercice(0))
    assert (e.exercice, e.immobilisations, e.stocks, e.creances_clients, e.disponibilites) == (
        0,
        D("450000.00"),
        D("200000.00"),
        D("360000.00"),
        D("90000.00"),
    )
    assert (e.capitaux_propres, e.dettes_financieres, e.dettes_fournisseurs, e.autres_dettes) == (
        D("400000.00"),
        D("350000.00"),
        D("250000.00"),
        D("100000.00"),
    )
    assert (e.chiffre_affaires_ht, e.valeur_ajoutee, e.ebe, e.resultat_exploitation) == (
        D("2000000.00"),
        D("760000.00"),
        D("180000.00"),
        D("100000.00"),
    )
    assert (e.resultat_net, e.caf, e.frais_financiers, e.charges_personnel, e.achats) == (
        D("60000.00"),
        D("110000.00"),
        D("18000.00"),
        D("520000.00"),
        D("900000.00"),
    )


def test_the_bank_overdraft_is_its_own_line_and_a_short_term_debt():
    e = etats_exercice(_exercice(0, concours="25000.00"))
    assert (e.autres_dettes, e.concours_bancaires_courants) == (D("100000.00"), D("25000.00"))
    # dettes CT = 250 000 + 100 000 + 25 000 = 375 000: liquidité immédiate = 90 000 / 375 000
    assert dettes_court_terme(e) == D("375000.00")


def test_the_adapted_reference_client_gives_the_reference_ratios():
    analyse = analyser_risque(dossier(_snapshot()))
    dernier = analyse.ratios[-1]
    assert [r.exercice for r in analyse.ratios] == [-1, 0]
    assert dernier.valeur("autonomie_financiere") == D("0.3636")
    assert dernier.valeur("liquidite_generale") == D("1.8571")
    assert dernier.valeur("dso_jours") == D("54.8")
    assert analyse.conan_holder.valeur == D("20.09")


@pytest.mark.parametrize(
    ("kind", "nature"),
    [
        ("retard de paiement", "retard"),
        ("LCR impayée", "impaye"),
        ("chèque impayé", "impaye"),
        ("rejet de prélèvement", "impaye"),
    ],
)
def test_reported_incidents_become_engine_natures(kind, nature):
    found = incident({"kind": kind, "days_late": 45, "amount_ttc": "1200.50", "months_ago": 3})
    assert (found.nature, found.jours_retard, found.montant_ttc) == (nature, 45, D("1200.50"))


def test_the_latest_year_is_the_one_analysed():
    assert libelle_dernier_exercice(_snapshot()) == "N"
    assert (
        len(
            dossier(
                _snapshot([{"kind": "LCR impayée", "days_late": 0, "amount_ttc": "10.00"}])
            ).incidents
        )
        == 1
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0,45", D("0.45")),
        ("0.45", D("0.45")),
        ("45 %", D("0.45")),
        ("45%", D("0.45")),
        ("1,57", D("1.57")),
        ("−3,2", D("-3.2")),
        ("-3,2", D("-3.2")),
        ("  2,06 ", D("2.06")),
        ("NC", None),
        ("n.c.", None),
        ("non calculable", None),
    ],
)
def test_french_decimals_are_read(typed, expected):
    assert lire_nombre(typed) == expected


def test_a_share_above_one_is_read_as_a_percentage():
    assert lire_nombre("36,4", pourcentage_si_plus_de_un=True) == D("0.364")
    assert lire_nombre("0,364", pourcentage_si_plus_de_un=True) == D("0.364")


def test_days_may_carry_their_unit():
    assert lire_nombre("54,8 j", unites=("jours", "j")) == D("54.8")
    assert lire_nombre("55 jours", unites=("jours", "j")) == D("55")


@pytest.mark.parametrize(
    ("typed", "code"), [("", "vide"), ("abc", "nombre"), ("1,2,3", "nombre"), ("12 €", "nombre")]
)
def test_unreadable_numbers_are_refused(typed, code):
    with pytest.raises(SaisieInvalide) as error:
        lire_nombre(typed)
    assert error.value.code == code


def test_a_form_keeps_what_was_typed_and_flags_each_bad_field():
    saisie = lire_saisie(
        {
            "autonomie_financiere": "36,4 %",
            "solvabilite_generale": "beaucoup",
            "dso_jours": "55 j",
            "acompte": "30 %",
            "outils": ["lcr", "pirate"],
            "justification": " Client fragile. ",
        }
    )
    assert saisie.valeurs["autonomie_financiere"] == D("0.364")
    assert saisie.valeurs["dso_jours"] == D("55")
    assert saisie.brut["solvabilite_generale"] == "beaucoup"
    assert saisie.erreurs["solvabilite_generale"].code == "nombre"
    assert saisie.erreurs["liquidite_generale"].code == "vide"
    assert saisie.erreurs["classe"].code == "classe"
    assert saisie.acompte == D("30") and saisie.outils == {"lcr"}
    assert saisie.justification == "Client fragile."


def test_an_acompte_above_100_percent_is_refused():
    assert lire_saisie({"acompte": "120"}).erreurs["acompte"].code == "acompte"
