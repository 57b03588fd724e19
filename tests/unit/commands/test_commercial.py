"""The `quote` and `risk` click commands: JSON in, JSON out, French errors with exit code 1."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.commands.commercial import quote, risk
from simulator.engine.analysis.commercial import analyser_devis_json, analyser_risque_json
from simulator.engine.errors import EngineError

EXEMPLES = Path(__file__).parents[3] / "docs" / "examples"


def lancer(commande, tmp_path, contenu):
    fichier = tmp_path / "entree.json"
    fichier.write_text(
        contenu if isinstance(contenu, str) else json.dumps(contenu), encoding="utf-8"
    )
    return CliRunner().invoke(commande, [str(fichier)])


def test_quote_example_prints_the_reference_totals_as_strings():
    resultat = CliRunner().invoke(quote, [str(EXEMPLES / "quote.json")])
    assert resultat.exit_code == 0, resultat.output
    sortie = json.loads(resultat.output)
    assert sortie["devis"]["total_ttc"] == "4408.12"
    assert sortie["devis"]["marge_brute"] == "914.58"
    assert sortie["faisabilite"]["lignes"][0]["statut"] == "en_retard"
    assert sortie["risque_affaire"]["note_globale"] == 3
    assert all(c["gravite"] == "info" for c in sortie["controles_legaux"])


def test_risk_example_prints_the_dupont_analysis():
    resultat = CliRunner().invoke(risk, [str(EXEMPLES / "risk.json")])
    assert resultat.exit_code == 0, resultat.output
    sortie = json.loads(resultat.output)
    assert sortie["conan_holder"]["valeur"] == "20.09"
    assert sortie["exposition"]["depassement"] is True
    assert sortie["classe"]["niveau"] == 1


def test_numbers_written_as_json_numbers_stay_exact(tmp_path):
    entree = (
        '{"lignes": [{"ref": "A", "designation": "x", "quantite": 3, "prix_unitaire_ht": 19.99}]}'
    )
    resultat = lancer(quote, tmp_path, entree)
    assert json.loads(resultat.output)["devis"]["total_ttc"] == "71.96"


@pytest.mark.parametrize(
    "entree, extrait",
    [
        (
            {"lignes": [{"ref": "A", "designation": "x", "quantite": 0, "prix_unitaire_ht": "1"}]},
            "champ lignes[0].quantite : la quantité doit être strictement positive",
        ),
        (
            {
                "lignes": [
                    {
                        "ref": "A",
                        "designation": "x",
                        "quantite": 1,
                        "prix_unitaire_ht": "1",
                        "remise": "5",
                    }
                ]
            },
            "champ lignes[0].remise : champ inconnu",
        ),
        (
            {"lignes": [{"ref": "A", "quantite": 1, "prix_unitaire_ht": "1"}]},
            "champ lignes[0].designation : champ obligatoire manquant",
        ),
        (
            {
                "lignes": [
                    {
                        "ref": "A",
                        "designation": "x",
                        "quantite": 1,
                        "prix_unitaire_ht": "1",
                        "reductions": [{"nature": "remise", "taux": "120"}],
                    }
                ]
            },
            "champ lignes[0].reductions[0].taux : un taux ne peut pas dépasser 100 %",
        ),
        ({"lignes": []}, "champ lignes : le devis doit comporter au moins une ligne"),
        ([1, 2], "champ racine : objet JSON attendu"),
    ],
)
def test_quote_errors_exit_1_with_a_french_message_naming_the_field(tmp_path, entree, extrait):
    resultat = lancer(quote, tmp_path, entree)
    assert resultat.exit_code == 1
    assert extrait in resultat.output


def test_invalid_json_and_missing_file_exit_1_in_french(tmp_path):
    resultat = lancer(quote, tmp_path, '{"lignes": [}')
    assert resultat.exit_code == 1 and "JSON invalide ligne 1" in resultat.output
    resultat = CliRunner().invoke(risk, [str(tmp_path / "absent.json")])
    assert resultat.exit_code == 1 and "lecture impossible" in resultat.output


def test_risk_errors_name_the_field(tmp_path):
    entree = json.loads((EXEMPLES / "risk.json").read_text(encoding="utf-8"))
    entree["etats"][1]["stocks"] = "-5"
    resultat = lancer(risk, tmp_path, entree)
    assert resultat.exit_code == 1 and "champ etats[1].stocks" in resultat.output


json_valeurs = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.text(max_size=8)
    | st.sampled_from(["20", "-1", "1e400", "abc", "2026-01-15", "remise", "12.5"]),
    lambda enfants: (
        st.lists(enfants, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "lignes",
                    "ref",
                    "designation",
                    "quantite",
                    "taux",
                    "prix_unitaire_ht",
                    "reductions",
                    "nature",
                    "montant",
                    "escompte",
                    "port",
                    "etats",
                    "incidents",
                    "exposition",
                    "exercice",
                    "stocks",
                    "taux_tva",
                    "pris",
                ]
            ),
            enfants,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_valeurs)
def test_any_json_gives_a_result_or_an_engine_error_never_a_crash(donnees):
    for analyse in (analyser_devis_json, analyser_risque_json):
        try:
            analyse(donnees)
        except EngineError:
            pass


fouillis = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**13),
    st.text(max_size=5),
    st.sampled_from(
        [
            "0",
            "-1",
            "101",
            "1e400",
            "NaN",
            "12,5",
            "0.001",
            "2026-01-15",
            "9999-12-31",
            "remise",
            "arrhes",
            "fort",
            "retard",
            "20",
            "5.5",
        ]
    ),
)


def ligne_json():
    return st.fixed_dictionaries(
        {
            "ref": st.sampled_from(["A", "B", ""]) | fouillis,
            "designation": st.just("x") | fouillis,
            "quantite": st.just(2) | fouillis,
            "prix_unitaire_ht": st.just("10.00") | fouillis,
        },
        optional={
            "taux_tva": fouillis,
            "cout_achat_unitaire_ht": fouillis,
            "reductions": st.lists(
                st.fixed_dictionaries(
                    {"nature": st.just("remise") | fouillis},
                    optional={"taux": fouillis, "montant": fouillis},
                ),
                max_size=2,
            ),
        },
    )


devis_json = st.fixed_dictionaries(
    {"lignes": st.lists(ligne_json(), min_size=1, max_size=3)},
    optional={
        "escompte": st.fixed_dictionaries({"taux": fouillis}, optional={"pris": fouillis}),
        "port": st.fixed_dictionaries(
            {"montant_ht": fouillis}, optional={"franco_seuil_ht": fouillis}
        ),
        "acompte_ttc": fouillis,
        "mentions": st.fixed_dictionaries(
            {},
            optional={
                "date_emission": fouillis,
                "date_validite": fouillis,
                "taux_penalites": fouillis,
                "conditions_paiement": st.fixed_dictionaries(
                    {"jours": fouillis}, optional={"acheteur_public": fouillis}
                ),
                "acompte_pourcentage": fouillis,
                "qualification_versement": fouillis,
            },
        ),
        "approvisionnement": st.fixed_dictionaries(
            {
                "date_commande": st.just("2026-01-20") | fouillis,
                "fournisseurs": st.lists(
                    st.fixed_dictionaries(
                        {
                            "ref": st.sampled_from(["A", "B"]),
                            "stock": fouillis,
                            "delai_semaines": fouillis,
                        },
                        optional={
                            "quantite_minimale": fouillis,
                            "risque_penurie": fouillis,
                            "substitut_ref": fouillis,
                        },
                    ),
                    max_size=2,
                ),
            },
            optional={
                "delai_souhaite_semaines": fouillis,
                "date_souhaitee": fouillis,
                "penalites": st.fixed_dictionaries(
                    {"taux_par_semaine": fouillis, "plafond": fouillis}
                ),
                "classe_client": fouillis,
            },
        ),
    },
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(devis_json)
def test_any_quote_shaped_json_gives_a_result_or_an_engine_error(donnees):
    try:
        sortie = analyser_devis_json(donnees)
    except EngineError:
        return
    json.dumps(sortie)


def test_quote_prints_the_due_date_the_penalty_rate_and_the_indemnity():
    sortie = json.loads(CliRunner().invoke(quote, [str(EXEMPLES / "quote.json")]).output)
    # devis du 15/01/2026, 45 jours fin de mois (fin de mois puis jours) : 31/01 + 45 j = 17/03
    # pénalité par jour : 4 408,12 × 12,15 % / 365 = 1,467 4… → 1,47 € ; indemnité 40 €
    assert sortie["echeance"] == {
        "date_facture": "2026-01-15",
        "date_echeance": "2026-03-17",
        "taux_penalites": "12.15",
        "origine_taux": "imprimé sur le devis",
        "penalite_par_jour_de_retard": "1.47",
        "indemnite_forfaitaire": "40.00",
    }


def test_quote_without_a_printed_rate_uses_the_legal_rate_of_the_due_date(tmp_path):
    entree = json.loads((EXEMPLES / "quote.json").read_text(encoding="utf-8"))
    del entree["mentions"]["taux_penalites"]
    entree["date_facture"] = "2026-01-31"
    entree["mentions"]["conditions_paiement"] = {"jours": 30}
    resultat = lancer(quote, tmp_path, entree)
    assert resultat.exit_code == 0, resultat.output
    echeance = json.loads(resultat.output)["echeance"]
    assert echeance["date_echeance"] == "2026-03-02"  # 31/01 + 30 jours
    assert echeance["origine_taux"].startswith("taux légal")
    assert echeance["indemnite_forfaitaire"] == "40.00"


def test_risk_reads_a_generated_situation_as_is(tmp_path):
    from simulator.commands.scenarios import generate_command

    genere = CliRunner().invoke(generate_command, ["--pack", "emballage", "--seed", "4", "--json"])
    assert genere.exit_code == 0, genere.output
    fichier = tmp_path / "s.json"
    fichier.write_text(genere.output, encoding="utf-8")
    resultat = CliRunner().invoke(risk, [str(fichier)])
    assert resultat.exit_code == 0, resultat.output
    sortie = json.loads(resultat.output)
    derniers = {r["code"]: r for r in sortie["ratios"][-1]["ratios"]}
    bilan = json.loads(genere.output)["client"]["financials"]["exercices"][-1]["bilan"]
    # TN = disponibilités − concours bancaires courants, straight from the generated balance sheet
    attendu = Decimal(bilan["disponibilites"]) - Decimal(bilan["concours_bancaires_courants"])
    assert Decimal(derniers["tresorerie_nette"]["valeur"]) == attendu
    frng, bfr = Decimal(derniers["frng"]["valeur"]), Decimal(derniers["bfr"]["valeur"])
    assert frng - bfr == attendu
    assert derniers["delai_fournisseurs_jours"]["valeur"] is not None
    assert sortie["classe"]["niveau"] in (1, 2, 3, 4)


def test_risk_accepts_the_overdraft_and_the_short_term_part_of_loans(tmp_path):
    entree = json.loads((EXEMPLES / "risk.json").read_text(encoding="utf-8"))
    etats = entree["etats"][-1]
    etats["disponibilites"] = str(Decimal(str(etats["disponibilites"])) + 10000)
    etats["concours_bancaires_courants"] = "10000"
    etats["dettes_financieres_moins_un_an"] = "50000"
    resultat = lancer(risk, tmp_path, entree)
    assert resultat.exit_code == 0, resultat.output
    ratios = {r["code"]: r for r in json.loads(resultat.output)["ratios"][-1]["ratios"]}
    assert Decimal(ratios["tresorerie_nette"]["valeur"]) == Decimal(etats["disponibilites"]) - 10000
