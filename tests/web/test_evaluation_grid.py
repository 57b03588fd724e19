"""Two jurors fill their grids, see their disagreements, reconcile, sign (locked) and export."""

from __future__ import annotations

import re
import subprocess

import pytest

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import Evaluation, Negotiation, Role, User
from simulator.operations.accounts import create_staff
from tests.conftest import Actions


@pytest.fixture
def second_juror(app, trainer, exam):
    """Another jury member on the same board."""
    with app.app_context():
        other = create_staff("jury2@negolab.test", "motdepasse-jury2", "Nadia Roux", Role.JURY)
        db.session.commit()
        other_id = other.id
        session_id = db.session.get(User, exam["student_id"]).class_session_id
    trainer.post(f"/formateur/sessions/{session_id}/jury", {"jury_id": str(other_id)})
    actions = Actions(app.test_client())
    actions.login("jury2@negolab.test", "motdepasse-jury2")
    return actions


def _lock(html: str, form_action: str) -> str:
    block = html[html.index(f'action="{form_action}"') :]
    return re.search(r'name="lock" value="(\d+)"', block).group(1)


def _fill(juror: Actions, url: str, levels: dict[int, int], **extra: str):
    html = juror.client.get(url).get_data(as_text=True)
    data = {"lock": _lock(html, url), **{f"level-{n}": str(v) for n, v in levels.items()}, **extra}
    return juror.post(url, data)


def test_grids_disagree_reconcile_and_sign(app, jury, second_juror, exam):
    url = exam["url"] + "/grille"
    assert (
        _fill(jury, url, {3: 2, 6: 1, 7: 3}, **{"comment-6": "peu de reformulation"}).status_code
        == 303
    )
    assert _fill(second_juror, url, {3: 2, 6: 3, 7: 3}, final_mark="14,5").status_code == 303
    html = jury.client.get(url).get_data(as_text=True)
    assert "Désaccords sur les critères" in html and 'id="critere-6" class="warn"' in html

    assert jury.post(url + "/concilier").status_code == 303
    html = jury.client.get(url).get_data(as_text=True)
    board = html[html.index('id="commission"') :]
    assert re.search(r'name="level-6" value="1"[^>]*checked', board)  # lower median of 1 and 3
    assert "Marc Lefèvre : peu de reformulation" in board

    sign = second_juror.post(url + "/signer", {"lock": _lock(board, url + "/commission")})
    assert sign.status_code == 303
    locked = jury.post(url + "/commission", {"lock": "2", "level-3": "0"})
    assert locked.status_code == 409 and "signée" in locked.get_data(as_text=True)


def test_reconciliation_keeps_every_criterion_both_jurors_scored(
    app, trainer, jury, second_juror, exam
):
    url = exam["url"] + "/grille"
    first = {n: (n % 4) for n in range(1, 11)}
    second = {n: (n % 4 if n not in (2, 5) else 3 - n % 4) for n in range(1, 11)}
    assert _fill(jury, url, first).status_code == 303
    assert _fill(second_juror, url, second).status_code == 303
    assert jury.post(url + "/concilier").status_code == 303
    # the default page (situation 2) still shows every scored criterion, each one flagged
    html = jury.client.get(url).get_data(as_text=True)
    board = html[html.index('id="commission"') :]
    for n in range(1, 11):
        assert f'id="critere-{n}"' in board, n
    assert 'id="critere-2" class="warn"' in html and 'id="critere-3" class="warn"' not in html
    # the board agrees on criterion 2 from a form that listed only three criteria
    lock = _lock(board, url + "/commission")
    saved = jury.post(
        url + "/commission", {"lock": lock, "shown": "2,3", "level-2": "3", "level-3": "0"}
    )
    assert saved.status_code == 303
    with app.app_context():
        grid = db.session.scalar(sa.select(Evaluation).where(Evaluation.kind == "reconciled"))
        levels = {int(n): v for n, v in grid.levels.items()}
    assert set(levels) == set(range(1, 11))
    assert levels[2] == 3 and levels[3] == 0 and levels[7] == first[7]
    with app.app_context():
        session_id = db.session.get(User, exam["student_id"]).class_session_id
    text = trainer.client.get(f"/formateur/sessions/{session_id}/grilles.csv").data.decode(
        "utf-8-sig"
    )
    line = next(row for row in text.splitlines() if row.startswith("Camille Petit"))
    assert "—" not in line.split(";")[3:13], line


def test_a_stale_grid_is_refused(jury, exam):
    url = exam["url"] + "/grille"
    assert _fill(jury, url, {3: 1}).status_code == 303
    stale = jury.post(url, {"lock": "1", "level-3": "3"})
    assert stale.status_code == 409 and "Rechargez" in stale.get_data(as_text=True)


def test_a_bad_mark_is_explained_and_the_input_kept(jury, exam):
    url = exam["url"] + "/grille"
    response = _fill(jury, url, {3: 2}, final_mark="25")
    assert response.status_code == 400 and "entre 0 et 20" in response.get_data(as_text=True)
    assert 'value="25"' in response.get_data(as_text=True)


def test_the_grid_exports_as_a_real_pdf(tmp_path, jury, exam):
    url = exam["url"] + "/grille"
    _fill(jury, url, {3: 2, 9: 3})
    response = jury.client.get(url + ".pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    pdf = tmp_path / "grille.pdf"
    pdf.write_bytes(response.data)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Camille Petit" in text and "satisfaisant" in text


def test_the_trainer_exports_the_session_grids_as_csv(app, trainer, jury, exam):
    url = exam["url"] + "/grille"
    _fill(jury, url, {3: 2})
    jury.post(url + "/concilier")
    with app.app_context():
        session_id = db.session.get(User, exam["student_id"]).class_session_id
    response = trainer.client.get(f"/formateur/sessions/{session_id}/grilles.csv")
    text = response.data.decode("utf-8-sig")
    assert response.status_code == 200 and text.startswith("Candidat;Grille;Signée le;Critère 1")
    assert "Camille Petit;conciliée" in text and "satisfaisant" in text


def test_the_candidate_never_reaches_the_grid(exam):
    candidate = exam["candidate"]
    assert candidate.client.get(exam["url"] + "/grille").status_code == 403
    assert candidate.client.get(exam["url"] + "/grille.pdf").status_code == 403


def _pdf_text(tmp_path, juror: Actions, url: str, name: str) -> str:
    response = juror.client.get(url + ".pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    path = tmp_path / name
    path.write_bytes(response.data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_signing_waits_for_the_end_or_is_forced_and_the_pdf_is_frozen(
    tmp_path, app, trainer, jury, exam
):
    from simulator.web.i18n import exam_time
    from tests.web.test_negotiation_room import move, start

    candidate = exam["candidate"]
    nid = start(candidate)
    url = exam["url"] + "/grille"
    _fill(jury, url, {3: 2, 6: 1}, final_mark="12,5")
    jury.post(url + "/concilier")
    html = jury.client.get(url).get_data(as_text=True)
    lock = _lock(html[html.index('id="commission"') :], url + "/commission")
    early = jury.post(url + "/signer", {"lock": lock})
    assert early.status_code == 409 and "malgré tout" in early.get_data(as_text=True)
    forced = jury.post(url + "/signer", {"lock": lock, "malgre_tout": "1"})
    assert forced.status_code == 303
    with app.app_context():
        grid = db.session.scalar(sa.select(Evaluation).where(Evaluation.kind == "reconciled"))
        assert grid.signed_state == "running" and grid.signed_document
        signed_at, session_id = grid.signed_at, grid.class_session_id
    before = _pdf_text(tmp_path, jury, url, "before.pdf")
    local = exam_time(signed_at, "Europe/Paris")
    assert "en cours" in before and local in before
    move(candidate, nid, type="rupture")  # the negotiation ends after the signature
    with app.app_context():
        assert db.session.get(Negotiation, nid).status not in ("running", "preparing")
    assert _pdf_text(tmp_path, jury, url, "after.pdf") == before
    page = jury.client.get(url).get_data(as_text=True)
    assert local in page and "malgré tout" in page
    csv = trainer.client.get(f"/formateur/sessions/{session_id}/grilles.csv").data.decode()
    assert local in csv


def test_the_exam_form_sets_the_default_criteria(app, trainer, jury, exam):
    with app.app_context():
        session_id = db.session.get(User, exam["student_id"]).class_session_id
    url = exam["url"] + "/grille"
    html = jury.client.get(url).get_data(as_text=True)
    assert 'id="critere-3"' in html and 'id="critere-1"' not in html
    settings = {
        "exam_label": "E4",
        "negotiation_minutes": "20",
        "interview_minutes": "10",
        "exam_form": "ponctuelle",
        "exam_timezone": "America/Cayenne",
    }
    saved = trainer.post(f"/formateur/sessions/{session_id}/reglages", settings)
    assert saved.status_code == 303
    html = jury.client.get(url).get_data(as_text=True)
    assert all(f'id="critere-{n}"' in html for n in range(1, 11))
    assert "forme ponctuelle" in html and 'id="exam-parts"' in html
    wrong = trainer.post(
        f"/formateur/sessions/{session_id}/reglages", {**settings, "exam_timezone": "Mars/Olympus"}
    )
    assert wrong.status_code == 400 and "Fuseau horaire inconnu" in wrong.get_data(as_text=True)


def test_the_signed_jury_grade_is_the_grade_of_record_everywhere(app, trainer, jury, exam):
    from tests.web.test_negotiation_room import ROOT, game, move, start

    candidate = exam["candidate"]
    nid = start(candidate)
    move(candidate, nid, type="rupture")
    automatic = str(debrief_score(app, nid)).replace(".", ",")
    url = exam["url"] + "/grille"
    _fill(jury, url, {3: 2, 6: 1}, final_mark="10,5")
    jury.post(url + "/concilier")
    html = jury.client.get(url).get_data(as_text=True)
    board = html[html.index('id="commission"') :]
    lock = _lock(board, url + "/commission")
    assert (
        jury.post(
            url + "/commission", {"lock": lock, "shown": "", "final_mark": "10,5"}
        ).status_code
        == 303
    )
    html = jury.client.get(url).get_data(as_text=True)
    lock = _lock(html[html.index('id="commission"') :], url + "/commission")
    assert jury.post(url + "/signer", {"lock": lock}).status_code == 303
    with app.app_context():
        session_id = db.session.get(User, exam["student_id"]).class_session_id
    base = f"/formateur/sessions/{session_id}"
    assert automatic != "10,5"
    view = trainer.client.get(base + "/classe").get_data(as_text=True)
    assert "<strong>10,5</strong> / 20" in view and f"<strong>{automatic}</strong>" not in view
    csv = trainer.client.get(base + "/resultats.csv").data.decode("utf-8-sig")
    line = next(row for row in csv.splitlines() if row.startswith("Camille Petit"))
    assert ";10,5;" in line and f";{automatic};" not in line
    trainer.post(base + "/classe/publier-tout")
    debrief = candidate.client.get(f"{ROOT}/{nid}/debrief").get_data(as_text=True)
    assert 'id="score"' in debrief and "10,5 / 20" in debrief
    assert f">{automatic} / 20" not in debrief
    assert game(app, nid).negotiation.status != "running"


def debrief_score(app, nid: int):
    from simulator.models import Negotiation
    from simulator.operations.negotiation_debrief import debrief_of
    from simulator.operations.negotiations import game_of

    with app.app_context():  # the game's rows stay attached while the debrief reads them
        return debrief_of(game_of(db.session.get(Negotiation, nid)))["note_sur_20"]
