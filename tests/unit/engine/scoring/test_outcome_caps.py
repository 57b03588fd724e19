"""The outcome caps the grade (outcome.py): below floor/cost, gratuitous concessions, risk cover."""

from __future__ import annotations

from decimal import Decimal

from simulator.engine.scoring import debrief
from simulator.engine.scoring.criteria import NIVEAUX
from simulator.engine.scoring.metrics import arguments_distincts, concessions
from simulator.engine.scoring.outcome import Couverture, ecarts_couverture, plafonner
from tests.unit.scenarios.negotiation_setup.pack_strategies import bradeur, habile, jouer, setup


def _criteres(niveau: int = 3) -> list[dict]:
    return [
        {"numero": n, "niveau": niveau, "niveau_libelle": NIVEAUX[niveau], "constats": []}
        for n in range(1, 11)
    ]


def _offre(camp: str, marge: str, cond: bool = False) -> dict:
    return {"camp": camp, "marge": marge, "conditionnelle": cond}


def test_a_deal_below_cost_caps_the_criteria_that_measure_it_and_the_total() -> None:
    mesures = {"accord": {"x": 1}, "marge": Decimal("-395.00")}
    criteres, plafond, raisons = plafonner(_criteres(), mesures, Decimal("900"))
    niveaux = {c["numero"]: c["niveau"] for c in criteres}
    assert plafond == Decimal(10)
    assert niveaux[4] == 0 and niveaux[3] == 0 and niveaux[6] == 1 and niveaux[2] == 1
    assert niveaux[1] == 3  # discovery is not measured by the outcome
    assert "sous le coût" in raisons[0]
    assert any("Plafonné" in s for s in criteres[3]["constats"])


def test_a_deal_below_the_floor_cannot_be_satisfaisant_on_margin() -> None:
    mesures = {"accord": {"x": 1}, "marge": Decimal("500")}
    criteres, plafond, _ = plafonner(_criteres(), mesures, Decimal("900"))
    assert plafond == Decimal(12)
    assert criteres[3]["niveau"] == 1 and criteres[2]["niveau"] == 1
    inside, plafond2, raisons = plafonner(
        _criteres(), {"accord": {"x": 1}, "marge": Decimal("950")}, Decimal("900")
    )
    assert plafond2 is None and not raisons and all(c["niveau"] == 3 for c in inside)


def test_concessions_without_counterpart_weigh() -> None:
    def caps(g: int, k: int = 0) -> tuple[int, int]:
        mesures = {"nb_concessions_sans_contrepartie": g, "nb_concessions_conditionnelles": k}
        criteres, _, _ = plafonner(_criteres(), mesures, Decimal(0))
        return criteres[2]["niveau"], criteres[5]["niveau"]

    assert caps(8, 9) == (0, 2)  # the browser case: 8 concessions without counterpart
    assert caps(4) == (1, 3) and caps(4, 4) == (3, 3)
    assert caps(3) == (3, 3)


def test_agreed_cover_is_compared_with_the_expected_and_the_students_own() -> None:
    attendue = Couverture.de_classe(3, None, "attendue")
    assert attendue.acompte_pct == 30 and attendue.paiement_max_jours == 30
    propre = Couverture(Decimal(30), 30, "votre analyse")
    ecarts = ecarts_couverture({"acompte": Decimal(20), "paiement": 45}, propre)
    assert len(ecarts) == 2 and "votre analyse" in ecarts[0]
    assert ecarts_couverture({"acompte": Decimal(30), "paiement": 30}, attendue) == []
    criteres, _, _ = plafonner(_criteres(), {"ecarts_risque": ecarts}, Decimal(0))
    assert criteres[1]["niveau"] == 1 and ecarts[0] in criteres[1]["constats"][0]


def test_retreating_from_an_anchor_above_the_zone_is_not_a_concession() -> None:
    offres = [
        _offre("vendeur", "9000"),  # fake anchor, far above what the buyer can accept
        _offre("vendeur", "3000"),  # back to the top of the zone: nothing given
        _offre("vendeur", "2800", cond=True),
        _offre("vendeur", "2500"),
    ]
    c = concessions(offres, plafond=Decimal("3000"))
    assert c["concessions_donnees"] == Decimal("500")
    assert c["nb_concessions_donnees"] == 2
    assert c["nb_concessions_conditionnelles"] == 1 and c["nb_concessions_sans_contrepartie"] == 1
    sans = concessions(offres)
    assert sans["concessions_donnees"] == Decimal("6500")


def test_concessions_count_from_the_issued_quote() -> None:
    c = concessions([_offre("vendeur", "2600")], Decimal("3000"), marge_devis=Decimal("2900"))
    assert c["concessions_donnees"] == Decimal("300") and c["nb_concessions_sans_contrepartie"] == 1


def test_repeated_arguments_count_once() -> None:
    arg = {"type": "argument", "motivation": "argent", "caracteristique": "Moteur  IE4"}
    pert = {"raison": {"regle": "argument_pertinent"}}
    tours = [{"index": i, "coup": dict(arg), "reponse": pert} for i in range(1, 21)]
    tours.append(
        {"index": 21, "coup": {**arg, "motivation": "securite"}, "reponse": {"raison": {}}}
    )
    a = arguments_distincts(tours)
    assert a["nb_arguments"] == 21 and a["nb_arguments_distincts"] == 2
    assert a["arguments_pertinents_distincts"] == [1]


def test_give_away_deal_below_cost_scores_at_most_ten_and_says_why() -> None:
    for graine in range(8):
        s = setup("emballage", graine)
        tr, _ = jouer(s, graine, bradeur)
        d = debrief(s, tr)
        marge = d["mesures"]["marge"]
        if marge < s.vendeur.marge_plancher:
            assert d["note_sur_20"] <= 12 and d["plafonds"]
            assert d["criteres"][3]["niveau"] <= 1
        if marge < 0:
            assert d["note_sur_20"] <= 10
            assert all(c["niveau"] == 0 for c in d["criteres"] if c["numero"] in (3, 4))


def test_every_criterion_states_its_evidence_and_skilled_is_not_capped() -> None:
    s = setup("materiel-electrique", 3)
    tr, _ = jouer(s, 3, habile)
    d = debrief(s, tr, couvertures=(Couverture(Decimal(0), 60, "attendue"),))
    assert all(c["constats"] for c in d["criteres"])
    if d["mesures"]["marge"] is not None and d["mesures"]["marge"] >= s.vendeur.marge_plancher:
        assert not d["plafonds"]
        assert "objectif" in d["criteres"][3]["constats"][0]


def test_a_deal_with_less_cover_than_the_students_own_analysis_is_not_satisfaisant_on_risk() -> (
    None
):
    for graine in range(6):
        s = setup("materiel-electrique", graine)
        tr, _ = jouer(s, graine, habile)
        own = Couverture(Decimal(100), 0, "votre analyse de risque")
        d = debrief(s, tr, couvertures=(own,))
        if not d["mesures"]["accord"]:
            continue
        c2 = d["criteres"][1]
        assert c2["niveau"] <= 1
        assert any("votre analyse de risque" in s for s in c2["constats"])
        return
    raise AssertionError("no deal for the skilled seller on six seeds")


def test_ninety_five_percent_of_the_target_is_tres_satisfaisant_with_its_figures() -> None:
    from simulator.engine.scoring.criteria import c4_objectifs, relever

    s = setup("emballage", 1)
    cible = s.vendeur.marge_cible
    for part, niveau in (("0.96", 3), ("0.94", 2)):
        marge = (cible * Decimal(part)).quantize(Decimal("0.01"))
        mesures = {"marge": marge, "marge_vs_cible": Decimal(part) * 100, "accord": {"x": 1}}
        f = relever(s, [], mesures, [], None, None)
        got, _, _, constats = c4_objectifs(f)
        if marge >= (cible + s.vendeur.marge_plancher) / 2:
            assert got == niveau
        assert "de l'objectif" in constats[0] and "plancher" in constats[0]


def test_a_fake_anchor_then_the_top_of_the_zone_books_no_concession_in_the_engine() -> None:
    from simulator.engine.negotiation.script import play_script
    from simulator.engine.negotiation.values import en_json
    from tests.unit.scenarios.negotiation_setup.pack_strategies import ideal_vendeur

    for graine in range(10):
        s = setup("emballage", graine)
        esp = s.espace
        haut = debrief(s, jouer(s, graine, bradeur)[0])["mesures"]["zopa_marge_max"]
        if haut is None or Decimal(str(esp.marge_max)) <= haut:
            continue
        sommet = next(
            o
            for o in reversed(esp.pareto)
            if esp.marge(esp.termes_outcome(o)).quantize(Decimal("0.01")) == haut
        )
        sommet_json = {k: en_json(v) for k, v in esp.termes_outcome(sommet).items()}
        moves = [
            {"type": "offre", "termes": ideal_vendeur(s), "temps_s": 60},
            {"type": "offre", "termes": sommet_json, "temps_s": 120},
        ]
        joue = play_script(s, graine, moves)
        m = joue["debrief"]["mesures"]
        offres = [o for o in joue["transcription"]["etat"]["offres"] if o["camp"] == "vendeur"]
        assert len(offres) == 2 and Decimal(offres[1]["marge"]) < Decimal(offres[0]["marge"])
        assert Decimal(str(m["ancrage_marge"])) > haut  # anchored above what the buyer accepts
        assert Decimal(str(m["concessions_donnees"])) == 0 and m["nb_concessions_donnees"] == 0
        return
    raise AssertionError("no seed with an anchor above the zone of agreement")
