"""Number reading and every conversion rule of the conventions, one by one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from simulator.engine.conversation import understand
from simulator.engine.conversation.extract import extraire, montant_ht, prix
from simulator.engine.conversation.text import corriger_mot, normaliser
from tests.unit.engine.conversation.corpus_eval import contexte_corpus

CTX = contexte_corpus()


def termes(texte: str) -> dict[str, object]:
    mentions, ambigu = extraire(normaliser(texte), CTX)
    assert ambigu is None
    return {m.cle: m.valeur for m in mentions}


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("1.200", "1200"),
        ("1 200", "1200"),
        ("21 000 lm", "21000 lm"),
        ("2,5 %", "2.5 %"),
        ("trois et demi pour cent", "3.5 %"),
        ("quatre vingt", "80"),
        ("quatre-vingts", "80"),
        ("mille deux cents", "1200"),
        ("vingt quatre", "24"),
        ("10 pourcents", "10 %"),
    ],
)
def test_numbers_in_digits_and_words(texte: str, attendu: str) -> None:
    assert normaliser(texte) == attendu


def test_accents_abbreviations_and_typos() -> None:
    assert (
        normaliser("Qté 36, 3 sem., paiement à 30j")
        == "quantite 36, 3 semaines, paiement a 30 jours"
    )
    assert corriger_mot("garentie") == "garantie"
    assert corriger_mot("paiment") == "paiement"
    assert corriger_mot("resume") == "resume"  # an inflection of a vocabulary word is kept
    assert corriger_mot("enchante") == "enchante"


@pytest.mark.parametrize(
    ("texte", "cle", "valeur"),
    [
        ("livraison dans un mois", "delai_livraison_semaines", 4),
        ("livraison en deux mois", "delai_livraison_semaines", 8),
        ("livraison sous quinzaine", "delai_livraison_semaines", 2),
        ("livraison en 15 jours", "delai_livraison_semaines", 2),
        ("livraison sous huitaine", "delai_livraison_semaines", 1),
        ("livraison en huit jours", "delai_livraison_semaines", 1),
        ("garantie deux ans", "garantie_mois", 24),
        ("garantie 36 mois", "garantie_mois", 36),
        ("paiement comptant", "delai_paiement_jours", 0),
        ("paiement à réception de facture", "delai_paiement_jours", 0),
        ("paiement 30 jours fin de mois", "delai_paiement_jours", 30),
        ("pas d'acompte", "acompte_pct", "0"),
        ("pas de remise", "remise_pct", "0"),
        ("la moitié à la commande", "acompte_pct", "50"),
        ("remise de trois et demi pour cent", "remise_pct", "3.5"),
        ("remise 2,5 %", "remise_pct", "2.5"),
        ("40 % d'acompte", "acompte_pct", "40"),
        ("36 projecteurs", "quantite", 36),
        ("qté 30", "quantite", 30),
        ("l'étude d'éclairement", "services", "SRV-AUDIT-ECL"),
        ("l'extension de garantie", "services", "SRV-AUDIT-ECL + SRV-GAR-EXT"),
        ("sans service", "services", "aucun"),
    ],
)
def test_conversion_rules(texte: str, cle: str, valeur: object) -> None:
    assert termes(texte)[cle] == valeur


def test_relative_moves_keep_the_stated_result() -> None:
    assert termes("1 % de plus, soit 6 % de remise") == {"remise_pct": "6"}
    assert termes("6 % de remise au lieu de 5") == {"remise_pct": "6"}
    assert extraire(normaliser("je monte la remise de 2 points"), CTX) == ([], "relatif")


def test_ambiguous_quantities_are_not_guessed() -> None:
    assert extraire(normaliser("une centaine de projecteurs"), CTX)[1] == "quantite"
    u = understand("une centaine de projecteurs ça irait ?", CTX)
    assert u.move["type"] == "incompris"
    assert u.clarification == "Vous parlez de combien de projecteurs exactement ?"


def test_amounts_ht_and_ttc() -> None:
    assert montant_ht(Decimal(6600), True, Decimal(20)) == "5500.00"
    assert prix(normaliser("5 500 € HT"), Decimal(20)) == "5500.00"
    assert prix(normaliser("6 000 euros TTC"), Decimal(20)) == "5000.00"
    assert prix(normaliser("5.800 euros hors taxe"), Decimal("5.5")) == "5800.00"
    assert understand("je vous le fais à 6 330 € TTC", CTX).move["prix_ht"] == "5275.00"


def test_paraphrase_and_exchange() -> None:
    u = understand("Si vous prenez 30 projecteurs, je peux descendre à 4 %", CTX)
    assert u.move == {
        "type": "concession",
        "enjeu": "remise_pct",
        "valeur": "4",
        "contrepartie": {"enjeu": "quantite", "valeur": 30},
        "texte": "Si vous prenez 30 projecteurs, je peux descendre à 4 %",
    }
    assert u.paraphrase == "J'ai compris : concession — remise 4 % si quantité 30"
    paquet = understand(
        "Si vous passez à 36 projecteurs et un paiement à 30 jours, je descends à 4 %", CTX
    )
    assert paquet.move["type"] == "offre"
    assert paquet.move["termes"] == {"quantite": 36, "delai_paiement_jours": 30, "remise_pct": "4"}
    assert (
        paquet.paraphrase == "J'ai compris : offre — remise 4 % si quantité 36 et paiement 30 jours"
    )


def test_context_from_snapshot_and_cli() -> None:
    import json

    from click.testing import CliRunner

    from simulator.commands.conversation import understand_command
    from simulator.scenarios.conversation_context import context_from_snapshot

    runner = CliRunner()
    sortie = runner.invoke(
        understand_command,
        ["--pack", "materiel-electrique", "--seed", "7", "--json"],
        input="je descends à 5 %\nune centaine de projecteurs ?\n",
    )
    assert sortie.exit_code == 0, sortie.output
    coups = [json.loads(ligne) for ligne in sortie.output.splitlines()]
    assert coups[0] == {
        "type": "concession",
        "enjeu": "remise_pct",
        "valeur": "5",
        "texte": "je descends à 5 %",
    }
    assert coups[1]["type"] == "incompris"
    erreur = runner.invoke(understand_command, ["--pack", "inconnu", "--seed", "7"], input="x\n")
    assert erreur.exit_code == 1 and "Traceback" not in erreur.output
    assert context_from_snapshot  # imported: the builder the CLI uses
