"""Campaign simulation: deterministic per seed, bad data fails, targeting and channel fit pay."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from simulator.engine.prospection import (
    CadreCampagne,
    Canal,
    Critere,
    CriteresCiblage,
    Defaut,
    Issue,
    PlanCampagne,
    couts_par_canal,
    derouler,
    entonnoir,
    parametres_canaux,
    qualifier,
    qualite_ciblage,
    simuler_campagne,
)
from simulator.scenarios.prospects import fichier_depuis_pack, objections_du_pack
from tests.unit.engine.prospection.prospection_factory import (
    fichier,
    pack,
    plan,
    qualification_soignee,
)
from tests.unit.engine.prospection.tiny_file import fichier_minuscule

SEEDS = range(50)


def test_same_seed_same_campaign_other_seed_other_noise() -> None:
    f = fichier()
    q = qualification_soignee(f)
    p = PlanCampagne(
        {Canal.phoning: q.meilleurs(120), Canal.visite: q.meilleurs(20)}, Decimal(4000)
    )
    a = simuler_campagne(f, q, p, 5, objections=objections_du_pack(pack()))
    assert a == simuler_campagne(f, q, p, 5, objections=objections_du_pack(pack()))
    autres = [simuler_campagne(f, q, p, s).comptages for s in range(6, 10)]
    assert any(c != a.comptages for c in autres)


def test_bad_records_fail_on_the_channels_they_affect() -> None:
    f = fichier_minuscule()
    q = qualifier(f, {}, CriteresCiblage({Critere.taille: 1}))
    d = derouler(
        f,
        PlanCampagne({Canal.phoning: ("P3", "P4"), Canal.visite: ("P4",)}, Decimal(500)),
        q,
        parametres_canaux(),
        CadreCampagne(),
        1,
    )
    issues = {(a.prospect_id, a.canal): a.issue for a in d.actions}
    assert issues[("P3", Canal.phoning)] == Issue.entreprise_fermee
    assert issues[("P4", Canal.phoning)] == Issue.faux_numero
    assert issues[("P4", Canal.visite)] != Issue.faux_numero  # a visit does not need the phone


def test_results_add_up_and_charts_are_plain_lists() -> None:
    f = fichier()
    q = qualification_soignee(f)
    p = PlanCampagne(
        {Canal.emailing: q.meilleurs(200), Canal.phoning: q.meilleurs(100)}, Decimal(2000)
    )
    r = simuler_campagne(f, q, p, 3)
    c = r.comptages
    assert c.actions == 300 and c.sollicites == 200
    assert c.sollicites >= c.contacts >= c.rdv >= c.opportunites == len(r.leads)
    assert (
        c.cout_total == sum(b.cout for b in r.par_canal.values()) == Decimal("680.00")
    )  # 150 + 200 × 0.40 + 100 × 4.50
    assert sum(b.opportunites for b in r.par_canal.values()) == c.opportunites
    for lead in r.leads:
        assert lead.potentiel_annuel_ht == f.verite[lead.prospect_id].potentiel_annuel_ht
    assert c.marge == sum(lead.marge_attendue for lead in r.leads)
    assert entonnoir(c)[0] == ["Prospects sollicités", 200]
    assert couts_par_canal(r)[0] == [
        "E-mailing",
        "230.00",
        r.par_canal[Canal.emailing].opportunites,
    ]
    assert all(isinstance(t, str) and t and n >= 1 for t, n in r.objections)


def test_a_well_targeted_campaign_beats_a_random_one_over_50_seeds() -> None:
    cible = hasard = gagnes = perdus = 0
    for seed in SEEDS:
        f = fichier_depuis_pack(pack(), seed, 400)
        q = qualification_soignee(f)
        tires = tuple(random.Random(seed).sample([n.prospect_id for n in q.classement], 80))
        bon = simuler_campagne(f, q, plan(q.meilleurs(80)), seed).comptages.opportunites
        mauvais = simuler_campagne(f, q, plan(tires), seed).comptages.opportunites
        cible, hasard = cible + bon, hasard + mauvais
        gagnes, perdus = gagnes + (bon > mauvais), perdus + (bon < mauvais)
    assert cible > 1.3 * hasard
    assert gagnes > 2 * perdus


def test_a_better_fitting_channel_gets_more_appointments() -> None:
    f = fichier()
    q = qualification_soignee(f)
    cibles = q.meilleurs(150)
    canaux = parametres_canaux()
    adapte = {
        **canaux,
        Canal.phoning: replace(canaux[Canal.phoning], affinite_taille=(Decimal("1.5"),) * 5),
    }
    inadapte = {
        **canaux,
        Canal.phoning: replace(canaux[Canal.phoning], affinite_taille=(Decimal("0.5"),) * 5),
    }
    bons = sum(
        simuler_campagne(f, q, plan(cibles), s, canaux=adapte).comptages.rdv for s in range(20)
    )
    mauvais = sum(
        simuler_campagne(f, q, plan(cibles), s, canaux=inadapte).comptages.rdv for s in range(20)
    )
    assert bons > 2 * mauvais


def test_cleaning_the_file_wastes_fewer_actions() -> None:
    f = fichier()
    q = qualification_soignee(f)
    sale = qualifier(f, {}, q.criteres)
    r_propre = simuler_campagne(f, q, plan(q.meilleurs(150)), 1)
    r_sale = simuler_campagne(f, sale, plan(sale.meilleurs(150)), 1)
    assert r_propre.comptages.sollicites == r_sale.comptages.sollicites == 150
    gaspilles = {Issue.entreprise_fermee, Issue.faux_numero, Issue.contact_parti}
    propres = derouler(f, plan(q.meilleurs(150)), q, parametres_canaux(), CadreCampagne(), 1)
    sales = derouler(f, plan(sale.meilleurs(150)), sale, parametres_canaux(), CadreCampagne(), 1)
    assert sum(a.issue in gaspilles for a in propres.actions) < sum(
        a.issue in gaspilles for a in sales.actions
    )


def test_targeting_quality_is_revealed_after_the_campaign() -> None:
    f = fichier()
    q = qualification_soignee(f)
    bon = qualite_ciblage(f, q.meilleurs(50), 50)
    ids = [p.id for p in f.prospects]
    au_hasard = qualite_ciblage(f, tuple(random.Random(1).sample(ids, 50)), 50)
    assert bon["part_du_potentiel_optimal"] > au_hasard["part_du_potentiel_optimal"]
    assert not any(Defaut.entreprise_fermee in f.verite[i].defauts for i in q.meilleurs(50))


def test_contacting_everyone_scores_below_the_documented_threshold() -> None:
    from simulator.engine.prospection.report import PART_BONS_PROSPECTS, SEUIL_SCORE_CIBLAGE

    f = fichier()
    ids = tuple(p.id for p in f.prospects)
    tout = qualite_ciblage(f, ids, len(ids))
    assert tout["part_du_potentiel_optimal"] == 100  # the old measure rewarded it
    # F-measure: recall 1, precision = share of good prospects ≈ 1/4 → 2 × g / (N + g)
    g = tout["bons_prospects"]
    assert g == int(len(ids) * PART_BONS_PROSPECTS)
    attendu = (Decimal(200) * g / (len(ids) + g)).quantize(Decimal("0.1"))
    assert tout["score_ciblage"] == attendu < SEUIL_SCORE_CIBLAGE
    assert tout["ciblage_suffisant"] is False


def test_contacting_exactly_the_good_prospects_scores_100_and_random_scores_low() -> None:
    f = fichier()
    potentiel = {pid: v.potentiel_annuel_ht for pid, v in f.verite.items()}
    meilleurs = tuple(sorted(potentiel, key=lambda p: (-potentiel[p], p)))
    g = qualite_ciblage(f, meilleurs, len(meilleurs))["bons_prospects"]
    parfait = qualite_ciblage(f, meilleurs[:g], g)
    assert parfait["score_ciblage"] == 100 and parfait["ciblage_suffisant"] is True
    au_hasard = qualite_ciblage(f, tuple(random.Random(1).sample(sorted(potentiel), g)), g)
    assert au_hasard["score_ciblage"] < SEUIL
    soigne = qualite_ciblage(f, qualification_soignee(f).meilleurs(g), g)
    assert soigne["score_ciblage"] > au_hasard["score_ciblage"]


SEUIL = Decimal("50")
