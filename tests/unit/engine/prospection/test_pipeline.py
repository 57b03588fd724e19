"""CRM pipeline: ordered stages, allowed kanban moves, activities."""

from __future__ import annotations

import pytest

from simulator.engine.prospection import (
    TRANSITIONS,
    Activite,
    Etape,
    PipelineError,
    TypeActivite,
    deplacement_autorise,
    verifier_activite,
    verifier_deplacement,
)


def test_stages_are_ordered_from_first_contact_to_won_or_lost() -> None:
    assert [e.rang for e in Etape] == list(range(7))
    assert Etape.premier_contact.libelle == "Premier contact"
    assert [e for e in Etape if e.terminale] == [Etape.gagne, Etape.perdu]


def test_every_open_stage_can_be_lost_and_won_needs_negotiation() -> None:
    ouvertes = [e for e in Etape if not e.terminale]
    assert all(deplacement_autorise(e, Etape.perdu) for e in ouvertes)
    assert [e for e in Etape if deplacement_autorise(e, Etape.gagne)] == [Etape.negociation]
    assert TRANSITIONS[Etape.gagne] == frozenset()


def test_valid_move_returns_the_target_stage() -> None:
    assert verifier_deplacement("rdv_planifie", "decouverte") == Etape.decouverte
    assert verifier_deplacement(Etape.perdu, Etape.premier_contact) == Etape.premier_contact


@pytest.mark.parametrize(
    ("depuis", "vers", "message"),
    [
        ("premier_contact", "gagne", "Passage de « Premier contact » à « Gagné » impossible"),
        ("gagne", "perdu", "Une affaire gagnée est close"),
        ("decouverte", "decouverte", "déjà à l'étape « Découverte / qualification »"),
        ("decouverte", "signature", "Étape inconnue"),
    ],
)
def test_forbidden_moves_are_explained_in_french(depuis: str, vers: str, message: str) -> None:
    with pytest.raises(PipelineError, match=message):
        verifier_deplacement(depuis, vers)


def test_activities_need_a_summary_and_a_dated_next_action() -> None:
    ok = Activite(
        TypeActivite.visite, "2026-02-03", "Visite atelier", "Envoyer devis", "2026-02-05"
    )
    assert verifier_activite(ok) == []
    ko = Activite(TypeActivite.appel, "2026-02-03", " ", "Rappeler")
    assert verifier_activite(ko) == [
        "Le résumé de l'activité est obligatoire.",
        "Indiquez la date de la prochaine action.",
    ]
    passe = Activite(TypeActivite.email, "2026-02-03", "Relance", "Rappeler", "2026-01-30")
    message = "La prochaine action ne peut pas être datée avant l'activité."
    assert verifier_activite(passe) == [message]
    assert {t.value for t in TypeActivite} == {"appel", "visite", "email", "compte_rendu"}
