"""The jury's live negotiation: buyer modes, live view for a second juror, events, objections."""

from __future__ import annotations

import re
from datetime import timedelta

from decimal import Decimal

import pytest
import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSession, Event, Negotiation, Role, SituationVersion, User
from simulator.operations import jury_live
from simulator.operations import negotiations as ops
from simulator.operations.accounts import create_staff
from simulator.operations.situations import current_version, situation_of
from tests.conftest import Actions
from tests.web.test_negotiation_room import ROOT, game, move, secrets_of, start

JURY_ONLY = (
    "Fiche de l’acheteur",
    "Raison cachée",
    "Répondre en tant qu’acheteur",
    "Levée par",
    "objection imposée",
    "Seuil d’acceptation",
    "acheteur_humain",
    "evenement_jury",
)


def objection_ids(app, exam) -> list[str]:
    with app.app_context():
        student = db.session.get(User, exam["student_id"])
        return [o.id for o in ops.setup_of(current_version(situation_of(student))).objections]


def settings(jury: Actions, exam, mode: str, guaranteed=()):
    return jury.post(
        exam["url"] + "/negociation/reglages", {"mode": mode, "garanties": list(guaranteed)}
    )


def reply(jury: Actions, exam, **fields):
    return jury.post(exam["url"] + "/negociation/reponse", fields, htmx=True)


def second_juror(app, trainer, board: bool = True) -> Actions:
    """Another jury member, on the exam's board or not."""
    with app.app_context():
        member = create_staff("jury2@negolab.test", "jury2-demo-pass", "Nadia Roux", Role.JURY)
        db.session.commit()
        session_id = db.session.scalar(
            sa.select(ClassSession.id).where(ClassSession.name == "E4 juin")
        )
        member_id = member.id
    if board:
        trainer.post(f"/formateur/sessions/{session_id}/jury", {"jury_id": str(member_id)})
    actions = Actions(app.test_client())
    assert actions.login("jury2@negolab.test", "jury2-demo-pass").status_code == 303
    return actions


def assert_nothing_hidden(app, nid: int, bodies: list[str]) -> None:
    secrets = secrets_of(app, nid)
    for body in bodies:
        for marker in JURY_ONLY:
            assert marker not in body
        for value in secrets:
            assert value not in body, value


def test_human_mode_the_candidate_waits_and_the_juror_answers(app, jury, exam):
    ids = objection_ids(app, exam)
    assert settings(jury, exam, "human", ids[:1]).status_code == 303
    candidate = exam["candidate"]
    nid = start(candidate)
    played = move(candidate, nid, type="question", theme="besoin", texte="Quel est votre besoin ?")
    body = played.get_data(as_text=True)
    assert (
        played.status_code == 200
        and "L'acheteur réfléchit" in body
        and 'hx-trigger="every 2s"' in body
    )
    again = move(candidate, nid, type="question", theme="budget")
    assert again.status_code == 409 and "pas encore répondu" in again.get_data(as_text=True)
    live = jury.client.get(exam["url"] + "/negociation").get_data(as_text=True)
    assert "Fiche de l’acheteur" in live and "attend la réplique" in live and ids[0] in live
    answered = reply(
        jury, exam, type="reponse", texte="Nous voulons moderniser l'atelier.", emotion="intéressé"
    )
    assert answered.status_code == 200 and "Réplique envoyée" in answered.get_data(as_text=True)
    polled = candidate.client.get(f"{ROOT}/{nid}/salle", headers={"HX-Request": "true"})
    html = polled.get_data(as_text=True)
    assert "<html" not in html and "moderniser l" in html and 'id="composer"' in html
    g = game(app, nid)
    assert g.negotiation.buyer_mode == "human" and len(g.transcript.tours) == 1
    assert g.guaranteed == (ids[0],)
    assert_nothing_hidden(
        app,
        nid,
        [
            body,
            again.get_data(as_text=True),
            html,
            candidate.client.get(f"{ROOT}/{nid}/salle").get_data(as_text=True),
        ],
    )


def test_a_human_reply_beyond_the_limits_is_held_until_the_juror_confirms(app, jury, exam):
    settings(jury, exam, "human")
    candidate = exam["candidate"]
    nid = start(candidate)
    worst = {
        e.cle: str(e.valeurs[0] if e.sens_acheteur == "hausse" else e.valeurs[-1])
        for e in game(app, nid).setup.enjeux
    }
    move(candidate, nid, type="offre", **{f"terme-{k}": v for k, v in worst.items()})
    held = reply(jury, exam, type="accepte", texte="C'est d'accord.", emotion="satisfait")
    assert held.status_code == 422 and "limite de l" in held.get_data(as_text=True)
    assert len(game(app, nid).transcript.tours) == 0
    sent = reply(
        jury, exam, type="accepte", texte="C'est d'accord.", emotion="satisfait", confirme="1"
    )
    assert sent.status_code == 200
    g = game(app, nid)
    assert g.state.statut == "accord" and g.replies[-1]["raison"]["controles"]
    room = candidate.client.get(f"{ROOT}/{nid}/salle").get_data(as_text=True)
    assert "C&#39;est d&#39;accord." in room
    assert_nothing_hidden(app, nid, [room])
    grid = jury.client.get(exam["url"] + "/grille")  # the debrief also reads a human transcript
    assert grid.status_code == 200 and 'id="entretien"' in grid.get_data(as_text=True)


def test_a_counter_offer_asking_less_than_already_offered_is_flagged_first(app, jury, exam):
    settings(jury, exam, "human")
    candidate = exam["candidate"]
    nid = start(candidate)
    enjeux = game(app, nid).setup.enjeux
    best = {
        e.cle: str(e.valeurs[-1] if e.sens_acheteur == "hausse" else e.valeurs[0]) for e in enjeux
    }
    move(candidate, nid, type="offre", **{f"terme-{k}": v for k, v in best.items()})
    first = enjeux[0]
    less = str(first.valeurs[0] if first.sens_acheteur == "hausse" else first.valeurs[-1])
    fields = {"type": "contre_offre", "texte": "Faites un effort.", f"terme-{first.cle}": less}
    held = reply(jury, exam, **fields)
    body = held.get_data(as_text=True)
    assert held.status_code == 422 and "demander moins que ce qui est offert" in body
    assert first.libelle in body and len(game(app, nid).transcript.tours) == 0
    assert reply(jury, exam, **fields, confirme="1").status_code == 200


def test_a_partial_offer_is_on_the_board(app, jury, exam):
    candidate = exam["candidate"]
    nid = start(candidate)
    enjeux = game(app, nid).setup.enjeux[:2]
    chosen = {e.cle: str(e.valeurs[len(e.valeurs) // 2]) for e in enjeux}
    move(candidate, nid, type="offre", **{f"terme-{k}": v for k, v in chosen.items()})
    assert len(game(app, nid).transcript.tours) == 1
    page = jury.client.get(exam["url"] + "/negociation").get_data(as_text=True)
    board = page.split('id="jury-board"')[1].split("</table>")[0]
    for e in enjeux:
        cell = re.search(rf'<th scope="row">{re.escape(e.libelle)}</th><td>([^<]*)</td>', board)
        assert cell is not None and cell.group(1).strip() not in ("", "—"), (e.libelle, board)


def test_a_second_juror_watches_live_from_the_database(app, trainer, jury, exam):
    other = second_juror(app, trainer)
    candidate = exam["candidate"]
    nid = start(candidate)
    move(candidate, nid, type="question", theme="besoin")
    page = other.client.get(exam["url"] + "/negociation").get_data(as_text=True)
    assert 'id="turn-1"' in page and "Raison cachée" in page and 'id="clock"' in page
    assert "répond à une question de découverte" in page and "decouverte" not in page
    seq = re.search(r"seq=(\d+)", page).group(1)
    direct = f"{exam['url']}/negociation/direct?status=running&seq={seq}"
    assert other.client.get(direct, headers={"HX-Request": "true"}).status_code == 204
    move(candidate, nid, type="question", theme="budget")
    fresh = other.client.get(direct, headers={"HX-Request": "true"})
    html = fresh.get_data(as_text=True)
    assert fresh.status_code == 200 and "<html" not in html and 'id="turn-2"' in html
    assert 'id="offer-board"' not in html and 'id="jury-board"' in html
    changed = other.client.get(
        f"{exam['url']}/negociation/direct?status=preparing&seq=0", headers={"HX-Request": "true"}
    )
    assert changed.headers.get("HX-Refresh") == "true"


def test_a_jury_event_takes_effect_at_the_next_turn_and_is_logged(app, jury, exam):
    candidate = exam["candidate"]
    nid = start(candidate)
    move(candidate, nid, type="question", theme="besoin")
    assert (
        jury.post(
            exam["url"] + "/negociation/evenement", {"evenement": "offre_concurrente"}
        ).status_code
        == 303
    )
    with app.app_context():
        logged = db.session.scalar(sa.select(Event).where(Event.kind == "evenement_jury"))
        version = db.session.get(SituationVersion, logged.payload["version_id"])
        assert logged.actor == "jury" and logged.payload["a_partir_du_tour"] == 2
        before = db.session.scalar(
            sa.select(SituationVersion.snapshot).where(
                SituationVersion.situation_id == version.situation_id,
                SituationVersion.n == version.n - 1,
            )
        )
        old_offer = Decimal(before["competitors"][0]["offer_total_ht"])
        new_offer = Decimal(version.snapshot["competitors"][0]["offer_total_ht"])
        assert set(version.overrides) == {"competitor.price_index"}
        assert abs(new_offer - old_offer * Decimal("0.95")) <= Decimal("0.05")  # 5 % cheaper
        assert "€" in version.reason and "→" in version.reason
        new_setup = ops.setup_of(version, 1200)
    pending = candidate.client.get(f"{ROOT}/{nid}/salle").get_data(as_text=True)
    assert "offre concurrente" in pending and "prochain coup" in pending
    notices = candidate.client.get(
        f"{ROOT}/{nid}/salle?bloc=annonces", headers={"HX-Request": "true"}
    )
    assert notices.get_data(as_text=True).lstrip().startswith('<div id="neg-notices"')
    assert "offre concurrente" in notices.get_data(as_text=True)
    body = move(candidate, nid, type="question", theme="concurrence").get_data(as_text=True)
    assert body.index("offre concurrente") < body.index('id="turn-2"')
    g = game(app, nid)
    assert g.setup.acheteur.batna == new_setup.acheteur.batna
    assert game(app, nid).transcript.to_dict() == g.transcript.to_dict()  # replay is deterministic
    assert_nothing_hidden(app, nid, [pending, body])


def test_guaranteed_objections_are_raised_and_the_checklist_follows(app, jury, exam):
    ids = objection_ids(app, exam)
    settings(jury, exam, "ai", ids)
    candidate = exam["candidate"]
    nid = start(candidate)
    for theme in ("besoin", "criteres", "budget", "delai", "decideurs", "concurrence"):
        move(candidate, nid, type="question", theme=theme)
    g = game(app, nid)
    voiced = {t["reponse"]["objection"] for t in g.transcript.tours} - {None}
    assert voiced == set(ids)
    target = ids[0]
    technique = next(o for o in g.setup.objections if o.id == target).techniques[0]
    move(
        candidate, nid, type="traitement_objection", objection=target, technique_objection=technique
    )
    html = jury.client.get(exam["url"] + "/negociation").get_data(as_text=True)
    checklist = html[html.index('id="objection-checklist"') : html.index("neg-conversation")]
    assert checklist.count("soulevée au tour") == len(ids)
    assert "traitée au tour" in checklist and "levée" in checklist


def test_settings_are_frozen_once_the_negotiation_runs(jury, exam):
    start(exam["candidate"])
    refused = settings(jury, exam, "human")
    assert refused.status_code == 409 and "figés" in refused.get_data(as_text=True)


def test_the_exam_duration_comes_from_the_session(app, jury, exam):
    with app.app_context():
        session = db.session.scalar(sa.select(ClassSession).where(ClassSession.name == "E4 juin"))
        session.negotiation_minutes = 15
        db.session.commit()
    nid = start(exam["candidate"])
    with app.app_context():
        n = db.session.get(Negotiation, nid)
        assert ops.aware(n.deadline) - ops.aware(n.started_at) == timedelta(minutes=15)
    assert game(app, nid).setup.duree_s == 900


def test_a_candidate_move_racing_a_jury_event_is_refused_in_french(app, jury, exam, monkeypatch):
    candidate = exam["candidate"]
    nid = start(candidate)
    move(candidate, nid, type="question", theme="besoin")
    jury.post(exam["url"] + "/negociation/evenement", {"evenement": "retard_fournisseur"})
    real, calls = ops.load_events, []

    def stale_once(n):
        calls.append(1)
        return real(n)[:-1] if len(calls) == 1 else real(n)  # the page saw the stream before it

    monkeypatch.setattr(ops, "load_events", stale_once)
    raced = move(candidate, nid, type="question", theme="budget")
    assert raced.status_code == 409 and "Le jury vient d" in raced.get_data(as_text=True)
    monkeypatch.undo()
    assert len(game(app, nid).transcript.tours) == 1
    assert move(candidate, nid, type="question", theme="budget").status_code == 200


def test_a_jury_event_racing_a_candidate_move_is_refused_and_nothing_is_half_written(
    app, jury, exam, monkeypatch
):
    candidate = exam["candidate"]
    nid = start(candidate)
    move(candidate, nid, type="question", theme="besoin")
    monkeypatch.setattr(jury_live, "seen_seq", lambda n: 1)  # the juror's view predates the move
    raced = jury.post(exam["url"] + "/negociation/evenement", {"evenement": "budget_reduit"})
    assert raced.status_code == 409 and "même moment" in raced.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SituationVersion)) == 1
        assert not db.session.scalar(sa.select(Event).where(Event.kind == "evenement_jury"))


@pytest.mark.parametrize("path", ["/negociation", "/negociation/direct?status=running&seq=0"])
def test_a_juror_of_another_board_sees_nothing(app, trainer, exam, path):
    outsider = second_juror(app, trainer, board=False)
    assert outsider.client.get(exam["url"] + path).status_code == 403


def test_a_juror_of_another_board_cannot_write(app, trainer, exam):
    outsider = second_juror(app, trainer, board=False)
    for action, data in (
        ("reglages", {"mode": "human"}),
        ("evenement", {"evenement": "budget_reduit"}),
        ("reponse", {"type": "reponse", "texte": "x"}),
    ):
        assert outsider.post(exam["url"] + "/negociation/" + action, data).status_code == 403


def test_a_student_cannot_reach_the_live_page(exam):
    candidate = exam["candidate"]
    assert candidate.client.get(exam["url"] + "/negociation").status_code == 403
    assert (
        candidate.post(exam["url"] + "/negociation/reponse", {"type": "reponse"}).status_code == 403
    )


def test_a_live_post_without_csrf_is_refused(jury, exam):
    assert (
        jury.client.post(exam["url"] + "/negociation/reglages", data={"mode": "ai"}).status_code
        == 400
    )


def test_the_grid_offers_interview_questions_linked_to_the_turns(app, jury, exam):
    candidate = exam["candidate"]
    nid = start(candidate)
    move(candidate, nid, type="question", theme="besoin")
    worst = {
        e.cle: str(e.valeurs[0] if e.sens_acheteur == "hausse" else e.valeurs[-1])
        for e in game(app, nid).setup.enjeux
    }
    move(candidate, nid, type="offre", **{f"terme-{k}": v for k, v in worst.items()})
    html = jury.client.get(exam["url"] + "/grille").get_data(as_text=True)
    section = html[html.index('id="entretien"') : html.index('id="ma-grille"')]
    assert "Vous n'avez pas exploré le thème" in section.replace("&#39;", "'")
    assert f'{exam["url"]}/negociation#turn-' in section


def test_the_juror_types_the_counter_offer_in_french_and_its_figures_become_terms(app, jury, exam):
    settings(jury, exam, "human")
    candidate = exam["candidate"]
    nid = start(candidate)
    g = game(app, nid)
    paiement = next(e for e in g.setup.enjeux if e.cle == "delai_paiement_jours")
    remise = next(e for e in g.setup.enjeux if e.cle == "remise_pct")
    ouverture = {e.cle: str(e.valeurs[len(e.valeurs) // 2]) for e in g.setup.enjeux}
    move(candidate, nid, type="offre", **{f"terme-{k}": v for k, v in ouverture.items()})
    jours, taux = paiement.valeurs[-1], remise.valeurs[-1]
    texte = (
        f"Je vous propose {str(taux).replace('.', ',')} % de remise et un paiement à {jours} jours."
    )
    sent = reply(jury, exam, type="contre_offre", texte=texte, emotion="neutre", confirme="1")
    assert sent.status_code == 200, sent.get_data(as_text=True)[:400]
    termes = game(app, nid).replies[-1]["termes"]
    assert int(termes["delai_paiement_jours"]) == int(jours)
    assert float(termes["remise_pct"]) == float(taux)
    autres = set(ouverture) - {"delai_paiement_jours", "remise_pct"}
    assert {k: str(termes[k]) for k in autres} == {k: ouverture[k] for k in autres}
