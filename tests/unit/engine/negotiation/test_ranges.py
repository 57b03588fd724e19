"""Ranges are law: every term is checked against its issue's declared range and grid, at one place."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.commands.negotiation import _situation, negotiate_command
from simulator.engine.negotiation import play, start
from simulator.engine.negotiation.human_buyer import jouer_humain
from simulator.engine.negotiation.moves import CoupInvalide, HorsPlage
from simulator.engine.negotiation.script import play_script
from simulator.scenarios.negotiation_setup.adapter import setup_from_snapshot

PACKS = Path(__file__).resolve().parents[4] / "scenario_packs"


def _setup(pack: str, seed: int):  # type: ignore[no-untyped-def]
    return setup_from_snapshot(_situation(pack, seed, (), PACKS))


def _liste(s):  # type: ignore[no-untyped-def]
    """The seller's list-price package (every issue at its first declared value but services)."""
    return {e.cle: str(e.valeurs[0]) if e.nature != "service" else e.valeurs[0] for e in s.enjeux}


def test_a_negative_discount_is_refused_with_a_french_message() -> None:
    s = _setup("emballage", 65)
    termes = {**_liste(s), "remise_pct": "-80"}
    with pytest.raises(HorsPlage) as exc:
        play(s, start(s, 65), {"type": "offre", "termes": termes})
    assert str(exc.value) == "Remise : −80\u202f% hors de la plage 0 à 25\u202f%"


@pytest.mark.parametrize("cle,valeur", [("quantite", 10000), ("remise_pct", "25.5")])
def test_out_of_range_values_are_refused_in_offers_and_concessions(cle: str, valeur) -> None:  # type: ignore[no-untyped-def]
    s = _setup("emballage", 65)
    etat = start(s, 65)
    with pytest.raises(HorsPlage, match="hors de la plage"):
        play(s, etat, {"type": "offre", "termes": {**_liste(s), cle: valeur}})
    etat, _ = play(s, etat, {"type": "offre", "termes": _liste(s)})
    with pytest.raises(HorsPlage):
        play(s, etat, {"type": "concession", "enjeu": cle, "valeur": valeur})
    with pytest.raises(HorsPlage):
        play(s, etat, {"type": "offre", "termes": _liste(s), "contrepartie": {cle: valeur}})


def test_unknown_option_is_refused_but_in_range_values_between_grid_points_are_read() -> None:
    s = _setup("emballage", 65)
    etat = start(s, 65)
    with pytest.raises(HorsPlage, match="option"):
        play(s, etat, {"type": "offre", "termes": {**_liste(s), "services": "tout gratuit"}})
    bas, haut = (
        s.enjeux[s.index["remise_pct"]].valeurs[0],
        s.enjeux[s.index["remise_pct"]].valeurs[-1],
    )
    milieu = str((bas + haut) / 2 + Decimal("0.25"))
    _, rep = play(s, etat, {"type": "offre", "termes": {**_liste(s), "remise_pct": milieu}})
    assert rep.type != "rupture"


def test_selling_below_cost_stays_possible() -> None:
    """The highest discount of the range may sell below cost: a margin, not a range."""
    s = _setup("emballage", 65)
    e = s.enjeux[s.index["remise_pct"]]
    termes = {**_liste(s), "remise_pct": str(e.valeurs[-1])}
    _, rep = play(s, start(s, 65), {"type": "offre", "termes": termes})
    assert rep.type in ("objection", "contre_offre", "accepte")


def test_the_scripted_play_and_the_jury_panel_go_through_the_same_check() -> None:
    s = _setup("emballage", 65)
    termes = {**_liste(s), "remise_pct": "-80"}
    with pytest.raises(CoupInvalide, match="hors de la plage"):
        play_script(s, 65, [{"type": "offre", "termes": termes}])
    with pytest.raises(HorsPlage):
        jouer_humain(
            s,
            start(s, 65),
            {"type": "offre", "termes": termes},
            {"type": "reponse", "texte": "", "emotion": "neutre"},
        )
    contre = {
        "type": "contre_offre",
        "texte": "",
        "emotion": "neutre",
        "termes": {"quantite": 10000},
    }
    with pytest.raises(HorsPlage):
        jouer_humain(s, start(s, 65), {"type": "offre", "termes": _liste(s)}, contre)


def test_the_cli_refuses_an_out_of_range_value_with_exit_code_1(tmp_path: Path) -> None:
    s = _setup("emballage", 65)
    coups = tmp_path / "coups.json"
    coups.write_text(
        json.dumps({"coups": [{"type": "offre", "termes": {**_liste(s), "remise_pct": "-80"}}]}),
        encoding="utf-8",
    )
    r = CliRunner().invoke(
        negotiate_command, ["--pack", "emballage", "--seed", "65", "--moves", str(coups)]
    )
    assert r.exit_code == 1
    assert "Remise : −80\u202f% hors de la plage 0 à 25\u202f%" in r.output


def test_conclusion_after_an_offer_blocked_by_an_objection_does_not_crash() -> None:
    """Issue 11: a conclusion whose counter falls back on a blocked acceptance raised KeyError."""
    s = _setup("equipements-protection", 18)
    pire = {e.cle: e.valeurs[-1 if e.sens_acheteur == "baisse" else 0] for e in s.enjeux}
    pire = {k: str(v) if not isinstance(v, int) else v for k, v in pire.items()}
    etat = start(s, 18)
    for coup in [{"type": "question", "theme": "besoin"}] + [{"type": "offre", "termes": pire}] * 3:
        etat, rep = play(s, etat, coup)
    assert etat.contre_offre is not None
    mieux = dict(etat.contre_offre)
    garantie = s.enjeux[s.index["garantie_mois"]].valeurs[-1]
    mieux["garantie_mois"] = garantie
    etat, rep = play(s, etat, {"type": "offre", "termes": mieux})
    assert rep.type == "objection" and etat.objections[rep.objection or ""] == "exprimee"
    etat, rep = play(s, etat, {"type": "conclusion", "technique": "directe"})
    assert rep.type == "objection" and rep.raison["regle"] == "objection_bloquante"
    assert etat.statut == "en_cours"
