"""The buyer's French over scripted plays: no catalogue reference, no verbatim repeat, French figures."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from tests.unit.scenarios.negotiation_setup.pack_strategies import (
    PACKS,
    bradeur,
    habile,
    inflexible,
    jouer,
    setup,
    snapshot,
)

GRAINES = range(1, 31)
POLITIQUES = {"bradeur": bradeur, "inflexible": inflexible, "habile": habile}
#: « 10707.96 », « 5.3 % », « 12.15 % »: a decimal point in a figure is English typography
POINT_DECIMAL = re.compile(r"\d\.\d")
PLURIEL_FAUX = re.compile(r"\b[01] (?:semaines|jours|unités)\b")


@cache
def _parties(slug: str) -> tuple[tuple[str, str, int, tuple[str, ...]], ...]:
    """(policy, slug, seed, buyer replies) for every seed and policy of a pack."""
    parties = []
    for graine in GRAINES:
        s = setup(slug, graine)
        for nom, politique in POLITIQUES.items():
            tr, _ = jouer(s, graine, politique)
            parties.append((nom, slug, graine, tuple(t["reponse"]["texte"] for t in tr.tours)))
    return tuple(parties)


def _references(slug: str, graine: int) -> set[str]:
    snap: dict[str, Any] = snapshot(slug, graine)
    cat = snap["catalogue"]
    return {x["ref"] for x in cat["products"] + cat["services"]}


@pytest.mark.parametrize("slug", PACKS)
def test_no_catalogue_reference_in_any_buyer_reply(slug: str) -> None:
    fautes = []
    for nom, _, graine, textes in _parties(slug):
        refs = _references(slug, graine)
        for texte in textes:
            fautes += [(nom, graine, r, texte) for r in refs if r in texte]
    assert not fautes, fautes[:3]


@pytest.mark.parametrize("slug", PACKS)
def test_no_buyer_reply_is_repeated_verbatim_within_a_negotiation(slug: str) -> None:
    fautes = []
    total = 0
    for nom, _, graine, textes in _parties(slug):
        total += len(textes)
        vus: set[str] = set()
        for texte in textes:
            if texte in vus:
                fautes.append((nom, graine, texte))
            vus.add(texte)
    assert total > 30 * 3 * 3, "the scripted plays are too short to tell anything"
    assert not fautes, fautes[:3]


@pytest.mark.parametrize("slug", PACKS)
def test_figures_in_buyer_replies_are_french(slug: str) -> None:
    fautes = []
    for nom, _, graine, textes in _parties(slug):
        for texte in textes:
            if POINT_DECIMAL.search(texte) or PLURIEL_FAUX.search(texte) or "(mois)" in texte:
                fautes.append((nom, graine, texte))
    assert not fautes, fautes[:3]


def test_a_reformulation_that_contradicts_the_need_is_corrected() -> None:
    from simulator.engine.negotiation import play, start

    s = setup("materiel-electrique", 1)
    etat = start(s, 1)
    etat, _ = play(s, etat, {"type": "question", "theme": "besoin"})
    etat, rep = play(
        s, etat, {"type": "reformulation", "texte": "Donc 40 projecteurs LED livrés demain"}
    )
    assert rep.texte.startswith(("Non", "Pas du tout"))
    assert f"{s.quantite_ref} {s.produit}" in rep.texte and "40 projecteurs" in rep.texte
    assert rep.raison["regle"] == "reformulation_fausse"
    juste = f"Si je comprends bien, il vous faut {s.quantite_ref} {s.produit}"
    etat2, rep2 = play(s, start(s, 1), {"type": "question", "theme": "besoin"})
    _, rep2 = play(s, etat2, {"type": "reformulation", "texte": juste})
    assert rep2.raison["regle"] == "reformulation_validee"


def test_objections_are_not_glued_to_the_greeting() -> None:
    for slug in PACKS:
        for graine in range(1, 11):
            s = setup(slug, graine)
            from simulator.engine.negotiation import play, start

            _, rep = play(s, start(s, graine), {"type": "message", "texte": "Bonjour"})
            assert rep.objection is None, (slug, graine, rep.texte)


def test_a_pack_adds_formulations_per_persona() -> None:
    s = setup("emballage", 3)
    propres = snapshot("emballage", 3)["utterances"][s.persona]["formulations"]
    for cle, textes in propres.items():
        assert s.repliques[cle][: len(textes)] == tuple(textes) or "{" in "".join(textes)
        assert len(s.repliques[cle]) > len(textes), "the engine's formulations are kept too"


def test_unknown_formulation_situations_are_refused() -> None:
    from pydantic import ValidationError

    from simulator.scenarios.schema.frame import PersonaTexts

    base = {
        "greeting": ["Bonjour."],
        "answers": {"besoin": ["x"]},
        "objections": {"prix": ["Trop cher."]},
        "counter_offer": ["a"],
        "acceptance": ["b"],
        "refusal": ["c"],
        "walk_away": ["d"],
    }
    assert PersonaTexts(**base, formulations={"message": ["Oui ?"]}).formulations
    with pytest.raises(ValidationError):
        PersonaTexts(**base, formulations={"salut_inconnu": ["Oui ?"]})
    with pytest.raises(ValidationError):
        PersonaTexts(**base, formulations={"message": []})


def test_the_need_is_told_in_the_first_person() -> None:
    from simulator.scenarios.negotiation_setup.dialogue import premiere_personne

    assert premiere_personne(
        "Un client tertiaire de l'installateur veut équiper son parking de bornes."
    ).startswith("Un de nos clients du tertiaire veut")
    assert premiere_personne("L'entreprise renouvelle ; la direction veut agir.") == (
        "Notre entreprise renouvelle ; notre direction veut agir."
    )
    for slug in PACKS:
        for graine in range(1, 6):
            s = setup(slug, graine)
            delai = [f.texte for f in s.faits if f.theme == "delai"][0]
            assert not PLURIEL_FAUX.search(delai) and "1 semaines" not in delai


def test_the_card_does_not_repeat_the_role_its_job_title_says() -> None:
    from simulator.web.negotiation_view import identity

    view = {
        "buyer": {"contact_id": "c1", "name": "Nath Arnaud", "role": "acheteur"},
        "client": {"contacts": [{"id": "c1", "job_title": "Acheteuse industrielle"}]},
    }
    assert identity(view)["role"] == ""
    view["client"]["contacts"][0]["job_title"] = "Directrice générale"
    assert identity(view)["role"] == "acheteur"


@pytest.mark.parametrize("slug", PACKS)
def test_the_buyers_demands_make_sense_together(slug: str) -> None:
    for graine in GRAINES:
        s = setup(slug, graine)
        snap = snapshot(slug, graine)
        extensions = {
            x["ref"] for x in snap["catalogue"]["services"] if x["kind"] == "garantie_etendue"
        }
        options = [v for e in s.enjeux if e.cle == "services" for v in e.valeurs]
        if "garantie_mois" in s.index:
            assert not any(r in str(o) for o in options for r in extensions), options
        assert len(options) == len(set(options))
        q = next((i for i in snap["negotiation"]["issues"] if i["key"] == "quantite"), None)
        if q is not None:
            bornes = int(q["min"]), int(q["max"])
            assert all(
                bornes[0] <= int(v) <= bornes[1] for v in s.enjeux[s.index["quantite"]].valeurs
            )
