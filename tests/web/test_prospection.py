"""Student prospection pages: SQL listing over htmx, hidden truth, plan errors, KPIs, kanban."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import sqlalchemy as sa

from simulator.engine.money import format_eur
from simulator.extensions import db
from simulator.models import Opportunity, ProspectionExercise, ProspectRow, ProspectTruth
from simulator.operations import packs
from simulator.operations.prospection_campagne import (
    cadre,
    canaux,
    criteres,
    plan,
)
from simulator.scenarios.prospects import fichier_depuis_pack, objections_du_pack
from simulator.web.student.prospection_forms import lire_criteres_form
from tests.conftest import Actions

BASE = "/etudiant/prospection"
NAF = ["25.62B", "22.29A", "25.11Z", "43.21A", "52.10B", "52.29A"]
GRILLE = {
    "poids_taille": "30",
    "poids_secteur": "30",
    "poids_distance": "15",
    "poids_age_equipement": "15",
    "poids_fournisseur_actuel": "10",
    "rayon_km": "120",
    "seuil_a": "60",
    "seuil_b": "40",
    "naf_cibles": NAF,
}
PLAN = {
    "segments_phoning": ["A", "B"],
    "max_phoning": "120",
    "segments_visite": ["A"],
    "max_visite": "8",
    "budget": "3000",
    "obj_contacts": "30",
    "obj_rdv": "8",
    "obj_opportunites": "3",
}


def _exercise(app) -> ProspectionExercise:
    with app.app_context():
        ex = db.session.scalars(sa.select(ProspectionExercise)).one()
        db.session.expunge(ex)
        return ex


def _truth(app) -> dict:
    with app.app_context():
        return db.session.scalars(sa.select(ProspectTruth.verite)).one()


def _qualified(student: Actions) -> None:
    assert student.client.get(f"{BASE}/fichier").status_code == 200
    assert student.post(f"{BASE}/ciblage", GRILLE).status_code == 303


def _ran(student: Actions) -> None:
    _qualified(student)
    assert student.post(f"{BASE}/campagne/lancer", PLAN).status_code == 303


def test_a_filter_change_over_htmx_returns_one_page_of_rows_as_a_fragment(student):
    student.client.get(f"{BASE}/fichier")
    response = student.client.get(
        f"{BASE}/fichier?departement=38&tri=distance_km&ordre=desc", headers={"HX-Request": "true"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert "HX-Request" in response.headers["Vary"]
    rows = re.findall(r'<tr id="row-(P\d{4})"', html)
    assert 0 < len(rows) <= 25
    distances = [int(d) for d in re.findall(r'<small class="muted">(\d+) km</small>', html)]
    assert distances == sorted(distances, reverse=True)
    assert all("(38)" in chunk for chunk in html.split('<tr id="row-')[1:])


def test_the_free_text_filter_and_paging_run_in_sql(student, app):
    student.client.get(f"{BASE}/fichier")
    with app.app_context():
        name = db.session.scalars(sa.select(ProspectRow.raison_sociale).limit(1)).one()
    html = student.client.get(
        f"{BASE}/fichier?q={name.lower()}", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert name in html
    last = student.client.get(f"{BASE}/fichier?page=999", headers={"HX-Request": "true"})
    assert last.status_code == 200 and 'id="row-' in last.get_data(as_text=True)


def test_flag_toggles_and_sirene_answer_swap_the_row(student, app):
    student.client.get(f"{BASE}/fichier")
    on = student.post(f"{BASE}/fichier/P0001/signaler", {"motif": "telephone_errone"}, htmx=True)
    assert on.status_code == 200 and '<tr id="row-P0001" class="flagged"' in on.get_data(True)
    off = student.post(f"{BASE}/fichier/P0001/signaler", {"motif": "telephone_errone"}, htmx=True)
    assert 'class="flagged"' not in off.get_data(True)
    sirene = student.post(f"{BASE}/fichier/P0002/sirene", htmx=True).get_data(True)
    assert "Sirene" in sirene or "SIREN" in sirene
    bad = student.post(f"{BASE}/fichier/P0001/signaler", {"motif": "potentiel"}, htmx=True)
    assert bad.status_code == 422


def _hidden_values(app) -> list[str]:
    """Strings that would betray the truth of a few rows (potential, receptivity, duplicates)."""
    values = []
    for pid, v in list(_truth(app).items())[:60]:
        if Decimal(v["potentiel_annuel_ht"]) >= 1000:  # distinctive amounts only
            values += [v["potentiel_annuel_ht"], format_eur(Decimal(v["potentiel_annuel_ht"]))]
        values.append(f'data-receptivite="{v["receptivite"]}"')
        if v["doublon_de"]:
            values.append(f"doublon de {v['doublon_de']}")
        if v["archetype"]:
            values.append(f'"{v["archetype"]}"')
    return values


def test_the_hidden_truth_never_reaches_the_student_before_the_campaign_ends(student, app):
    pages = [f"{BASE}/fichier", f"{BASE}/fichier?page=2", f"{BASE}/fichier?tri=siret"]
    student.client.get(pages[0])
    _qualified(student)
    pages += [f"{BASE}/ciblage", f"{BASE}/ciblage?page=2", f"{BASE}/campagne"]
    bodies = [student.client.get(p).get_data(as_text=True) for p in pages]
    bodies.append(student.post(f"{BASE}/campagne/estimation", PLAN, htmx=True).get_data(True))
    bodies.append(
        student.post(f"{BASE}/fichier/P0003/signaler", {"motif": "doublon"}, htmx=True).get_data(
            True
        )
    )
    hidden = _hidden_values(app)
    for body in bodies:
        for word in ("potentiel_annuel", "receptivit", "doublon_de", "detectable"):
            assert word not in body.lower()
        for value in hidden:
            assert value not in body, value
    flagged = {pid for pid, v in _truth(app).items() if v["defauts"]}
    file_page = bodies[0]
    shown_flagged = set(re.findall(r'<tr id="row-(P\d{4})" class="flagged"', file_page))
    assert not shown_flagged & flagged  # nothing pre-flagged from the truth


def test_kpis_on_the_results_page_match_the_core(student, app):
    _ran(student)
    html = student.client.get(f"{BASE}/resultats").get_data(as_text=True)
    ex = _exercise(app)
    with app.app_context():
        pack = packs.parse(packs.latest("materiel-electrique"))
        fichier = fichier_depuis_pack(pack, ex.seed, ex.nombre)
        from simulator.engine.prospection import qualifier, simuler_campagne

        q = qualifier(fichier, {}, criteres(lire_criteres_form(_multidict(GRILLE))))
        lu = plan(ex.plan, q)
        r = simuler_campagne(fichier, q, lu, ex.seed, cadre(), canaux(), objections_du_pack(pack))
    k = r.indicateurs
    for kpi_id, value in (
        ("kpi-contact", k.taux_de_contact),
        ("kpi-rdv", k.taux_de_rdv),
        ("kpi-roi", k.roi),
    ):
        block = html.split(f'id="{kpi_id}"')[1].split("</div>")[0]
        assert f"{str(value).replace('.', ',')}&nbsp;%" in block
    assert format_eur(r.comptages.cout_total) in html.split('id="kpi-cout"')[1]
    if k.cout_par_contact is not None:
        assert format_eur(k.cout_par_contact) in html.split('id="kpi-cpc"')[1]
    assert 'id="chart-funnel"' in html and "Rendez-vous" in html
    assert "Ce que cachait le fichier" in html  # the truth is revealed only now
    lead = r.leads[0] if r.leads else None
    if lead:
        assert format_eur(lead.potentiel_annuel_ht) in html


def _multidict(data):
    from werkzeug.datastructures import MultiDict

    items = []
    for key, value in data.items():
        items += [(key, v) for v in value] if isinstance(value, list) else [(key, value)]
    return MultiDict(items)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"budget": "-10"}, "Le budget ne peut pas être négatif."),
        ({"budget": "90000"}, "dépasse le plafond autorisé"),
        (
            {"segments_phoning": [], "segments_visite": [], "max_phoning": "", "max_visite": ""},
            "Aucune cible",
        ),
        ({"budget": "abc"}, "Budget illisible"),
        ({"obj_rdv": "deux"}, "nombre entier attendu"),
    ],
)
def test_a_bad_plan_is_refused_in_french(student, change, message):
    _qualified(student)
    response = student.post(f"{BASE}/campagne/lancer", {**PLAN, **change})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    live = student.post(f"{BASE}/campagne/estimation", {**PLAN, **change}, htmx=True)
    assert live.status_code == 200 and message in live.get_data(as_text=True)


def test_a_campaign_before_qualification_is_refused_and_runs_only_once(student):
    student.client.get(f"{BASE}/fichier")
    early = student.post(f"{BASE}/campagne/lancer", {**PLAN, "ids_phoning": "P0001"})
    assert early.status_code == 422 and "pas qualifié" in early.get_data(as_text=True)
    _ran(student)
    again = student.post(f"{BASE}/campagne/lancer", PLAN)
    assert again.status_code == 409 and "déjà été lancée" in again.get_data(as_text=True)


def test_bad_criteria_are_refused_in_french(student):
    student.client.get(f"{BASE}/fichier")
    response = student.post(f"{BASE}/ciblage", {**GRILLE, "seuil_a": "30", "naf_cibles": []})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "choisissez au moins un code NAF" in html and "Les seuils doivent" in html


def _opportunity(student, app) -> Opportunity:
    _ran(student)
    with app.app_context():
        leads = db.session.scalars(sa.select(ProspectionExercise.result)).one()["leads"]
    assert leads, "la campagne de test doit produire au moins une piste"
    assert student.post(f"{BASE}/pipeline/ouvrir/{leads[0]['prospect_id']}").status_code == 303
    with app.app_context():
        opp = db.session.scalars(sa.select(Opportunity)).one()
        db.session.expunge(opp)
        return opp


def test_kanban_moves_are_checked_by_the_server(student, app):
    opp = _opportunity(student, app)
    move = f"{BASE}/pipeline/{opp.id}/deplacer"
    illegal = student.post(move, {"vers": "gagne", "lock_version": opp.lock_version}, htmx=True)
    assert illegal.status_code == 422 and "impossible" in illegal.get_data(as_text=True)
    ok = student.post(move, {"vers": "rdv_planifie", "lock_version": opp.lock_version}, htmx=True)
    assert ok.status_code == 200 and "<html" not in ok.get_data(as_text=True)
    stale = student.post(move, {"vers": "decouverte", "lock_version": opp.lock_version}, htmx=True)
    assert stale.status_code == 409 and "entre-temps" in stale.get_data(as_text=True)


def test_activities_need_a_summary_and_a_dated_next_action(student, app):
    opp = _opportunity(student, app)
    path = f"{BASE}/pipeline/{opp.id}/activites"
    bad = student.post(
        path,
        {
            "kind": "appel",
            "done_on": "2026-01-10",
            "notes": "",
            "next_action": "Rappeler",
            "next_action_on": "",
        },
    )
    assert bad.status_code == 422 and "résumé" in bad.get_data(as_text=True)
    good = student.post(
        path,
        {
            "kind": "visite",
            "done_on": "2026-01-10",
            "notes": "Visite OK",
            "next_action": "Envoyer le devis",
            "next_action_on": "2026-01-15",
        },
    )
    assert good.status_code == 303
    board = student.client.get(f"{BASE}/pipeline").get_data(as_text=True)
    assert "Envoyer le devis" in board and "15/01/2026" in board


def test_another_student_cannot_see_this_exercise(student, app, demo):
    opp = _opportunity(student, app)
    other = Actions(app.test_client())
    assert other.join("DEMO42", "Hugo Bernard").status_code == 303
    assert other.client.get(f"{BASE}/pipeline/{opp.id}").status_code == 404
    moved = other.post(
        f"{BASE}/pipeline/{opp.id}/deplacer",
        {"vers": "rdv_planifie", "lock_version": opp.lock_version},
        htmx=True,
    )
    assert moved.status_code == 404
    assert opp.title not in other.client.get(f"{BASE}/pipeline").get_data(as_text=True)
    assert other.client.get(f"{BASE}/resultats").status_code == 303  # their own, not run
