"""French figures, plurals, designations and the no-repeat rule of the buyer's wording."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.negotiation.wording import (
    afficher,
    choisir,
    compte,
    empreinte,
    montant,
    pourcent,
    sans_redite,
    services,
)


def test_amounts_and_percents_follow_the_locale() -> None:
    assert montant(Decimal("10707.96")) == "10\u202f707,96\xa0€"
    assert pourcent(Decimal("5.30")) == "5,3\u202f%"
    assert pourcent(Decimal("12.15")) == "12,15\u202f%"
    assert pourcent(Decimal("5.3"), locale="en") == "5.3%"
    assert afficher("prix", Decimal("1234.5")) == "1\u202f234,50\xa0€ HT"


def test_counts_are_agreed_in_number() -> None:
    assert compte(1, "semaine", "semaines") == "1\xa0semaine"
    assert compte(3, "semaine", "semaines") == "3\xa0semaines"
    assert afficher("delai", 1) == "1\xa0semaine"
    assert afficher("paiement", 30) == "30\xa0jours"
    assert afficher("garantie", 24) == "24\xa0mois"


def test_service_options_are_said_with_designations_never_references() -> None:
    noms = {"SRV-A": "Maintenance annuelle", "SRV-B": "Formation IRVE", "SRV-C": "Extension"}
    assert services("SRV-A + SRV-B + SRV-C", noms) == (
        "maintenance annuelle, formation IRVE et extension"
    )
    assert services("aucun", noms) == "aucun service"
    assert "SRV" not in afficher("service", "SRV-A + SRV-X", noms)


def test_formulations_already_said_are_skipped_then_rephrased() -> None:
    modeles = ("Un {x}.", "Deux {x}.")
    deja = {empreinte("Un a.")}
    assert choisir(modeles, 0, deja, {"x": "a"}) == "Deux a."
    deja.add(empreinte("Deux a."))
    assert choisir(modeles, 0, deja, {"x": "a"}) == "Un a."
    vus: set[str] = set()
    for _ in range(12):
        texte = sans_redite("Je maintiens.", vus)
        assert empreinte(texte) not in vus
        vus.add(empreinte(texte))
