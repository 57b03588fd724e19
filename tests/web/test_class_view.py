"""The trainer's class view: live progress, replays with the buyer's reasons, exports, debrief release."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSession, Negotiation, Role, SessionMode, User
from simulator.models._time import utcnow
from simulator.operations import negotiations as ops
from simulator.operations.accounts import create_staff
from tests.conftest import Actions
from tests.web.test_quotes import issue

MOVES = json.loads(
    (Path(__file__).parents[2] / "docs/examples/packs/moves_materiel-electrique_7.json").read_text(
        encoding="utf-8"
    )
)["coups"]


@pytest.fixture
def seeded(monkeypatch):
    """Every new situation gets seed 7: the documented moves then reach a deal."""
    monkeypatch.setattr("simulator.operations.situations.secrets.randbelow", lambda _n: 7)


def join(app, name: str, code: str = "DEMO42") -> Actions:
    student = Actions(app.test_client())
    assert student.join(code, name).status_code == 303
    return student


def negotiate(app, name: str, moves: list[dict], follow_up: dict | None = None) -> int:
    """Prepare, start and play the moves through the operations, each at its own time."""
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.display_name == name))
        n = ops.open_negotiation(user)
        ops.save_preparation(n, {"notes": "Objectif : garder la remise sous 5 %."}, None)
        start = utcnow()
        ops.begin(n, start)
        for move in moves:
            if n.finished:
                break
            ops.play_move(n, move, start + timedelta(seconds=move.get("temps_s", 30)))
        if follow_up is not None:
            ops.save_follow_up(n, follow_up, None)
        db.session.commit()
        return n.id


def make_exam(app) -> None:
    with app.app_context():
        db.session.execute(sa.update(ClassSession).values(mode=SessionMode.EXAM))
        db.session.commit()


def session_id(app) -> int:
    with app.app_context():
        return db.session.scalar(
            sa.select(ClassSession.id).where(ClassSession.join_code == "DEMO42")
        )


def row_of(html: str, name: str) -> str:
    return re.search(
        rf"<tr id=\"student-\d+\"[^>]*>\s*<td><strong>{name}</strong>.*?</tr>", html, re.DOTALL
    ).group(0)


@pytest.fixture
def classroom(app, trainer, seeded):
    """Four students at four different stages of the work."""
    join(app, "Léa Dubois")
    deal = negotiate(app, "Léa Dubois", MOVES, {"compte_rendu": "Commande signée.", "actions": []})
    join(app, "Hugo Petit")
    walked = negotiate(
        app, "Hugo Petit", [{"type": "question", "theme": "besoin"}, {"type": "rupture"}]
    )
    join(app, "Inès Roy")
    running = negotiate(app, "Inès Roy", [{"type": "question", "theme": "besoin"}])
    quoting = join(app, "Noé Blanc")
    issue(quoting)
    return {"deal": deal, "walked": walked, "running": running, "sid": session_id(app)}


def test_the_table_shows_each_students_phase_and_outcome(app, trainer, classroom):
    html = trainer.client.get(f"/formateur/sessions/{classroom['sid']}/classe").get_data(
        as_text=True
    )
    lea, hugo, ines, noe = (
        row_of(html, n) for n in ("Léa Dubois", "Hugo Petit", "Inès Roy", "Noé Blanc")
    )
    assert 'data-phase="debriefing"' in lea and 'data-outcome="accord"' in lea
    assert "/ 20" in lea and "€" in lea and "graine 7" in lea and "materiel-electrique v1" in lea
    assert 'data-phase="debriefing"' in hugo and 'data-outcome="pas_accord"' in hugo
    assert 'data-phase="negociation"' in ines and 'data-outcome="en_cours"' in ines
    assert 'data-phase="devis"' in noe and 'data-outcome=""' in noe
    assert f"/formateur/negociations/{classroom['deal']}/rejeu" in lea
    assert 'id="class-chart"' in html and html.count('class="dot ') == 2
    assert "Marge obtenue (% de l’objectif" in html and "Note E4 (sur 20)" in html
    assert "Publier le débriefing" not in html  # practice: the students already see theirs


def test_the_session_page_links_to_the_class_view(app, trainer):
    sid = session_id(app)
    assert f"/formateur/sessions/{sid}/classe" in trainer.client.get(
        f"/formateur/sessions/{sid}"
    ).get_data(as_text=True)


def test_the_polled_table_is_a_fragment(app, trainer, classroom):
    response = trainer.client.get(
        f"/formateur/sessions/{classroom['sid']}/classe/suivi", headers={"HX-Request": "true"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith('<div id="class-progress"') and 'hx-trigger="every 5s"' in body
    assert "HX-Request" in response.headers["Vary"]


def test_the_replay_shows_the_buyers_reasons_and_the_debrief_to_the_trainer(
    app, trainer, classroom
):
    html = trainer.client.get(f"/formateur/negociations/{classroom['deal']}/rejeu").get_data(
        as_text=True
    )
    assert 'id="transcript"' in html and html.count('class="cv-reason"') >= 10
    assert (
        "révèle une de ses priorités" in html
        and "Satisfaction de l&#39;acheteur pour cette offre" in html
    )
    assert 'id="criteria"' in html and 'id="hidden-side"' in html and "<svg" in html
    running = trainer.client.get(f"/formateur/negociations/{classroom['running']}/rejeu")
    assert running.status_code == 200 and 'id="criteria"' not in running.get_data(as_text=True)


def test_another_trainer_and_students_are_refused(app, trainer, classroom):
    with app.app_context():
        create_staff("autre@negolab.test", "autre-formateur", "Paul Autre", Role.TRAINER)
        db.session.commit()
    other = Actions(app.test_client())
    other.login("autre@negolab.test", "autre-formateur")
    student = join(app, "Zoé Martin")
    sid, nid = classroom["sid"], classroom["deal"]
    for who in (other, student):
        for path in (
            f"/formateur/sessions/{sid}/classe",
            f"/formateur/sessions/{sid}/classe/suivi",
            f"/formateur/sessions/{sid}/resultats.csv",
            f"/formateur/negociations/{nid}/rejeu",
        ):
            assert who.client.get(path).status_code == 403, path
        assert who.post(f"/formateur/sessions/{sid}/classe/publier-tout").status_code == 403


def test_the_csv_has_french_headers_and_decimals(app, trainer, classroom):
    response = trainer.client.get(f"/formateur/sessions/{classroom['sid']}/resultats.csv")
    text = response.get_data(as_text=True)
    assert response.mimetype == "text/csv" and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    head = rows[0]
    assert head[:8] == [
        "Étudiant",
        "Tentative",
        "Origine",
        "Pack",
        "Version du pack",
        "Graine",
        "Client",
        "Phase",
    ]
    lines = {r[0]: dict(zip(head, r, strict=True)) for r in rows[1:]}
    assert set(lines) == {"Léa Dubois", "Hugo Petit", "Inès Roy", "Noé Blanc"}
    lea = lines["Léa Dubois"]
    assert lea["Tentative"] == "1" and lea["Origine"] == "situation générée"
    assert (
        lea["Phase"] == "débriefing"
        and lea["Résultat"] == "accord"
        and lea["Compte rendu"] == "oui"
    )
    assert re.fullmatch(r"\d+,\d", lea["Note E4 (/20)"]) and re.fullmatch(
        r"-?\d+,\d\d", lea["Marge obtenue (€)"]
    )
    assert (
        lines["Hugo Petit"]["Résultat"] == "pas d'accord"
        and lines["Hugo Petit"]["Marge obtenue (€)"] == ""
    )
    assert lines["Inès Roy"]["Résultat"] == "en cours" and lines["Noé Blanc"]["Phase"] == "devis"
    assert lines["Noé Blanc"]["Devis émis"].startswith("D-")
    international = trainer.client.get(
        f"/formateur/sessions/{classroom['sid']}/resultats-international.csv"
    )
    rows = list(csv.reader(io.StringIO(international.get_data(as_text=True)[1:]), delimiter=","))
    lea2 = dict(zip(rows[0], next(r for r in rows if r[0] == "Léa Dubois"), strict=True))
    assert lea2["Note E4 (/20)"] == lea["Note E4 (/20)"].replace(",", ".")


def test_release_all_publishes_the_exam_debriefs(app, trainer, classroom):
    make_exam(app)
    sid, deal = classroom["sid"], classroom["deal"]
    lea = Actions(app.test_client())
    lea.join("DEMO42", "Léa Dubois", resume_code=_resume_code(app, "Léa Dubois"))
    debrief = f"/etudiant/negociation/{deal}/debrief"
    assert 'id="debrief-held"' in lea.client.get(debrief).get_data(as_text=True)
    page = trainer.client.get(f"/formateur/sessions/{sid}/classe").get_data(as_text=True)
    assert "Tout publier</button>" not in page and "Tout publier (2)" in page
    assert row_of(page, "Léa Dubois").count("Publier le débriefing") == 1
    response = trainer.post(f"/formateur/sessions/{sid}/classe/publier-tout")
    assert response.status_code == 303 and response.location.endswith(f"/sessions/{sid}/classe")
    assert "2 débriefings publiés" in trainer.client.get(response.location).get_data(as_text=True)
    with app.app_context():
        released = {n.id: n.debrief_released for n in db.session.scalars(sa.select(Negotiation))}
    assert released[deal] and released[classroom["walked"]] and not released[classroom["running"]]
    shown = lea.client.get(debrief).get_data(as_text=True)
    assert 'id="criteria"' in shown and 'id="debrief-held"' not in shown


def test_one_debrief_is_released_from_the_class_view(app, trainer, classroom):
    make_exam(app)
    sid, walked = classroom["sid"], classroom["walked"]
    response = trainer.post(f"/formateur/sessions/{sid}/classe/publier/{walked}")
    assert response.status_code == 303 and response.location.endswith(f"/sessions/{sid}/classe")
    page = trainer.client.get(response.location).get_data(as_text=True)
    assert "Hugo Petit peut maintenant le consulter" in page and "Tout publier (1)" in page


def _resume_code(app, name: str) -> str:
    with app.app_context():
        return db.session.scalar(sa.select(User.resume_code).where(User.display_name == name))
