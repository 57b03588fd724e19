"""Realistic reactions: repeated arguments and offers far outside the buyer's region (issue 11)."""

from __future__ import annotations

from simulator.engine.negotiation import play, replay, start
from tests.unit.engine.negotiation.seller_strategies import ideal_vendeur
from tests.unit.engine.negotiation.setup_factory import fabriquer

ARGUMENT = {
    "type": "argument",
    "motivation": "argent",
    "caracteristique": "moteur 2 kW",
    "avantage": "cadence +15 %",
}


def test_an_identical_argument_brings_nothing_costs_patience_and_is_noticed() -> None:
    s = fabriquer(persona="directif", graine=3)
    etat, premiere = play(s, start(s, 3), ARGUMENT)
    assert premiere.raison["regle"] == "argument_pertinent" and premiere.raison["gain"] > 0
    valeur, patiences = etat.valeur_percue, [etat.patience]
    for n in (1, 2, 3):
        etat, rep = play(s, etat, {**ARGUMENT, "caracteristique": "  Moteur 2 kW "})
        assert rep.raison["regle"] == "argument_repete" and rep.raison["repetitions"] == n
        assert "déjà dit" in rep.texte
        assert etat.valeur_percue == valeur
        patiences.append(etat.patience)
    pertes = [a - b for a, b in zip(patiences, patiences[1:], strict=False)]
    assert 0 < pertes[0] < pertes[1] < pertes[2]


def test_new_arguments_on_the_same_motivation_have_sharply_diminishing_returns() -> None:
    s = fabriquer(persona="directif", graine=3)
    etat, gains = start(s, 3), []
    for k in range(3):
        etat, rep = play(s, etat, {**ARGUMENT, "caracteristique": f"caractéristique {k}"})
        gains.append(rep.raison["gain"])
    assert gains[1] <= 0.25 * gains[0] + 1e-12 and gains[2] <= 0.25 * gains[1] + 1e-12


def test_an_offer_far_outside_the_buyer_region_costs_patience_and_says_so() -> None:
    s = fabriquer(persona="analytique", graine=5)
    offre = {"type": "offre", "termes": ideal_vendeur(s)}
    assert s.espace.u_acheteur(s.espace.termes_outcome(s.espace.ordre_s[-1])) < s.espace.res_b / 2
    etat = start(s, 5)
    patiences = [etat.patience]
    for n in (1, 2):
        etat, rep = play(s, etat, offre)
        assert rep.raison.get("offre_extreme") is True
        assert "très loin" in rep.texte
        assert etat.offres_extremes == n
        patiences.append(etat.patience)
    assert patiences[0] - patiences[1] < patiences[1] - patiences[2]


def test_a_credible_offer_is_not_flagged_extreme() -> None:
    s = fabriquer(persona="analytique", graine=5)
    esp = s.espace
    credible = min(
        (o for o in range(esp.taille) if esp.ub[o] >= esp.res_b), key=lambda o: esp.ub[o]
    )
    termes = {
        k: str(v) if not isinstance(v, int) else v for k, v in esp.termes_outcome(credible).items()
    }
    etat, rep = play(s, start(s, 5), {"type": "offre", "termes": termes})
    assert "offre_extreme" not in rep.raison and etat.offres_extremes == 0


def test_reactions_are_deterministic() -> None:
    s = fabriquer(persona="directif", graine=8)
    coups = [ARGUMENT, ARGUMENT, {"type": "offre", "termes": ideal_vendeur(s)}, ARGUMENT]
    assert replay(s, 8, coups).to_dict() == replay(s, 8, coups).to_dict()
