"""Accounts, sessions and students' personal data, administered by trainers (issue 14)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import timedelta

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSession, Quote, Situation, User
from simulator.models._time import utcnow
from tests.conftest import Actions
from tests.web.test_quotes import issue

STRONG = "motdepasse42"


def _session_id(app, code: str = "DEMO42") -> int:
    with app.app_context():
        return db.session.scalar(sa.select(ClassSession.id).where(ClassSession.join_code == code))


def _user(app, email: str) -> User | None:
    with app.app_context():
        found = db.session.scalar(sa.select(User).where(User.email == email))
        if found is not None:
            db.session.expunge(found)
        return found


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_trainer_creates_a_juror_and_a_trainer_who_can_log_in(app, trainer):
    for role, email in (("jury", "jury2@lycee.fr"), ("formateur", "prof2@lycee.fr")):
        created = trainer.post(
            "/formateur/comptes",
            {"role": role, "email": email.upper(), "name": "Nouveau", "password": STRONG},
        )
        assert created.status_code == 303
        person = Actions(app.test_client())
        assert person.login(email, STRONG).status_code == 303
    page = trainer.client.get("/formateur/comptes").get_data(as_text=True)
    assert "jury2@lycee.fr" in page and "prof2@lycee.fr" in page


def test_a_used_email_or_a_weak_password_changes_nothing(app, trainer):
    before = _count(app, User)
    used = trainer.post(
        "/formateur/comptes",
        {"role": "jury", "email": "jury@negolab.test", "name": "X", "password": STRONG},
    )
    assert used.status_code == 409 and "déjà utilisée" in used.get_data(as_text=True)
    weak = trainer.post(
        "/formateur/comptes",
        {"role": "jury", "email": "new@lycee.fr", "name": "X", "password": "court"},
    )
    assert weak.status_code == 422 and "trop faible" in weak.get_data(as_text=True)
    assert _count(app, User) == before


def test_the_last_trainer_cannot_deactivate_themselves(app, trainer):
    me = _user(app, "formateur@negolab.test")
    refused = trainer.post(f"/formateur/comptes/{me.id}/desactiver")
    assert refused.status_code == 409 and "dernier compte formateur" in refused.get_data(
        as_text=True
    )
    assert _user(app, "formateur@negolab.test").active


def test_a_deactivated_juror_can_no_longer_log_in_nor_stay_logged_in(app, trainer, jury):
    juror = _user(app, "jury@negolab.test")
    assert trainer.post(f"/formateur/comptes/{juror.id}/desactiver").status_code == 303
    assert jury.client.get("/jury/").status_code in (302, 303)  # logged out
    again = Actions(app.test_client())
    assert again.login("jury@negolab.test", "jury-demo").status_code == 401
    assert trainer.post(f"/formateur/comptes/{juror.id}/reactiver").status_code == 303
    assert again.login("jury@negolab.test", "jury-demo").status_code == 303


def test_a_trainer_resets_a_jurors_password(app, trainer):
    juror = _user(app, "jury@negolab.test")
    weak = trainer.post(f"/formateur/comptes/{juror.id}/mot-de-passe", {"password": "abc"})
    assert weak.status_code == 422
    assert (
        trainer.post(
            f"/formateur/comptes/{juror.id}/mot-de-passe", {"password": STRONG}
        ).status_code
        == 303
    )
    assert Actions(app.test_client()).login("jury@negolab.test", STRONG).status_code == 303


def test_every_user_changes_their_own_password(app, jury):
    page = jury.client.get("/mot-de-passe")
    assert page.status_code == 200
    wrong = jury.post("/mot-de-passe", {"current": "faux", "new": STRONG, "confirmation": STRONG})
    assert wrong.status_code == 422 and "incorrect" in wrong.get_data(as_text=True)
    ok = jury.post("/mot-de-passe", {"current": "jury-demo", "new": STRONG, "confirmation": STRONG})
    assert ok.status_code == 303
    assert Actions(app.test_client()).login("jury@negolab.test", "jury-demo").status_code == 401
    assert Actions(app.test_client()).login("jury@negolab.test", STRONG).status_code == 303


def test_students_have_no_password_page(student):
    assert student.client.get("/mot-de-passe").status_code == 403


def test_demo_accounts_are_flagged_and_removed_in_one_action(app, trainer):
    refused = trainer.post("/formateur/comptes/demo/supprimer")
    assert refused.status_code == 409  # no trainer of the school's own yet
    trainer.post(
        "/formateur/comptes",
        {"role": "formateur", "email": "prof@lycee.fr", "name": "Anne", "password": STRONG},
    )
    me = Actions(app.test_client())
    assert me.login("prof@lycee.fr", STRONG).status_code == 303
    page = me.client.get("/formateur/comptes").get_data(as_text=True)
    assert page.count(">démo<") == 2
    done = me.post("/formateur/comptes/demo/supprimer")
    assert done.status_code == 303
    assert _user(app, "formateur@negolab.test") is None and _user(app, "jury@negolab.test") is None
    assert _session_id(app) is None
    assert "Comptes de démonstration supprimés : 2 compte(s), 1 session(s)" in me.client.get(
        "/formateur/comptes"
    ).get_data(as_text=True)


def test_the_pack_is_changeable_until_the_first_situation(app, trainer):
    created = trainer.post("/formateur/sessions", {"name": "Sans pack", "mode": "practice"})
    url = created.location
    edited = trainer.post(
        url + "/modifier",
        {"name": "Avec pack", "mode": "exam", "pack_slug": "materiel-electrique"},
    )
    assert edited.status_code == 303
    page = trainer.client.get(url).get_data(as_text=True)
    assert "Avec pack" in page and "materiel-electrique" in page
    code = re.search(r'id="join-code">(\w+)<', page).group(1)
    student = Actions(app.test_client())
    student.join(code, "Zoé")
    assert student.client.get("/etudiant/situation").status_code == 200
    refused = trainer.post(
        url + "/modifier", {"name": "Avec pack", "mode": "exam", "pack_slug": ""}
    )
    assert refused.status_code == 409 and "ne peut plus changer" in refused.get_data(as_text=True)


def test_a_closed_session_refuses_joins_and_keeps_work_read_only(app, trainer, student):
    student.client.get("/etudiant/")
    sid = _session_id(app)
    assert trainer.post(f"/formateur/sessions/{sid}/fermer").status_code == 303
    newcomer = Actions(app.test_client())
    assert newcomer.join("DEMO42", "Tom").status_code != 303
    assert student.client.get("/etudiant/situation").status_code == 200
    write = student.post("/etudiant/fiche", {"client.siren": "1"})
    assert write.status_code == 403 and "fermée" in write.get_data(as_text=True)
    assert trainer.post(f"/formateur/sessions/{sid}/archiver").status_code == 303
    dash = trainer.client.get("/formateur/").get_data(as_text=True)
    assert "archivée" in dash


def test_deleting_a_session_asks_for_its_code_and_reports_counts(app, trainer, student):
    issue(student)
    sid = _session_id(app)
    confirm = trainer.client.get(f"/formateur/sessions/{sid}/supprimer").get_data(as_text=True)
    assert re.search(r"<strong>1</strong> étudiant", confirm)
    assert re.search(r"<strong>1</strong> devis", confirm)
    wrong = trainer.post(f"/formateur/sessions/{sid}/supprimer", {"confirmation": "NOPE"})
    assert wrong.status_code == 422 and _session_id(app) == sid
    done = trainer.post(f"/formateur/sessions/{sid}/supprimer", {"confirmation": "demo42"})
    assert done.status_code == 303
    assert _session_id(app) is None
    assert _count(app, Quote) == 0 and _count(app, Situation) == 0
    assert "1 étudiant(s)" in trainer.client.get("/formateur/").get_data(as_text=True)


def test_exporting_a_students_data_gives_json_and_pdfs(app, trainer, student):
    issue(student)
    sid = _session_id(app)
    with app.app_context():
        lea = db.session.scalar(sa.select(User.id).where(User.display_name == "Léa Dubois"))
    response = trainer.client.get(f"/formateur/sessions/{sid}/etudiants/{lea}/donnees.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    record = json.loads(archive.read("donnees.json"))
    assert record["etudiant"]["nom"] == "Léa Dubois"
    assert record["tentatives"][0]["tentative"] == 1 and record["devis"][0]["numero"]
    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == 1 and archive.read(pdfs[0]).startswith(b"%PDF")


def test_erasing_a_student_removes_their_rows_and_reports_counts(app, trainer, student):
    issue(student)
    sid = _session_id(app)
    with app.app_context():
        lea = db.session.scalar(sa.select(User.id).where(User.display_name == "Léa Dubois"))
    url = f"/formateur/sessions/{sid}/etudiants/{lea}/effacer"
    assert "Léa Dubois" in trainer.client.get(url).get_data(as_text=True)
    unconfirmed = trainer.post(url, {})
    assert unconfirmed.status_code == 200 and _count(app, Quote) == 1  # asked again
    assert trainer.post(url, {"confirmation": "oui"}).status_code == 303
    with app.app_context():
        assert db.session.get(User, lea) is None
    assert _count(app, Quote) == 0 and _count(app, Situation) == 0
    assert "retiré(e) et effacé(e)" in trainer.client.get(f"/formateur/sessions/{sid}").get_data(
        as_text=True
    )
    other = Actions(app.test_client())
    other.join("DEMO42", "Hugo")
    with app.app_context():
        hugo = db.session.scalar(sa.select(User.id).where(User.display_name == "Hugo"))
    assert (
        trainer.client.get(f"/formateur/sessions/{sid}/etudiants/{hugo + 999}/effacer").status_code
        == 404
    )


def test_a_signed_exam_grade_is_kept_under_a_pseudonym(app, trainer, exam):
    from simulator.models import Evaluation

    with app.app_context():
        student = db.session.get(User, exam["student_id"])
        jury_id = db.session.scalar(sa.select(User.id).where(User.email == "jury@negolab.test"))
        db.session.add(
            Evaluation(
                class_session_id=student.class_session_id,
                student_id=student.id,
                jury_id=jury_id,
                kind="reconciled",
                reconciled_for=student.id,
                levels={"1": 2},
                comments={"1": "Camille a bien reformulé"},
                final_mark=14,
                signed_at=utcnow(),
            )
        )
        db.session.commit()
        sid = student.class_session_id
    url = f"/formateur/sessions/{sid}/etudiants/{exam['student_id']}/effacer"
    assert 'id="pseudonymise"' in trainer.client.get(url).get_data(as_text=True)
    assert trainer.post(url, {"confirmation": "oui"}).status_code == 303
    with app.app_context():
        kept = db.session.get(User, exam["student_id"])
        assert kept.display_name.startswith("Candidat anonyme") and kept.resume_code is None
        grid = db.session.scalar(sa.select(Evaluation).where(Evaluation.student_id == kept.id))
        assert grid.final_mark == 14 and grid.comments == {}
        assert (
            db.session.scalar(
                sa.select(sa.func.count(Situation.id)).where(Situation.student_id == kept.id)
            )
            == 0
        )


def test_privacy_page_and_favicon(client):
    page = client.get("/confidentialite").get_data(as_text=True)
    assert "Combien de temps" in page and "12m" in page
    with client.get("/favicon.ico") as icon:
        assert icon.status_code == 200 and icon.data[:4] == b"\x00\x00\x01\x00"


def test_cli_creates_accounts_and_refuses_a_weak_password(app):
    from simulator.cli import main

    runner = app.test_cli_runner()
    made = runner.invoke(
        main,
        ["user", "add", "--role", "formateur", "--email", "chef@lycee.fr", "--name", "Chef"],
        input=f"{STRONG}\n{STRONG}\n",
    )
    assert made.exit_code == 0, made.output
    juror = runner.invoke(
        main,
        ["user", "add", "--role", "jury", "--email", "j@lycee.fr"],
        input=f"{STRONG}\n{STRONG}\n",
    )
    assert juror.exit_code == 0, juror.output
    weak = runner.invoke(
        main, ["user", "add", "--role", "jury", "--email", "w@lycee.fr"], input="court\ncourt\n"
    )
    assert weak.exit_code != 0 and "trop faible" in weak.output
    listed = runner.invoke(main, ["user", "list"])
    assert "chef@lycee.fr" in listed.output and "j@lycee.fr" in listed.output
    assert Actions(app.test_client()).login("j@lycee.fr", STRONG).status_code == 303
    passwd = runner.invoke(
        main,
        ["user", "passwd", "--email", "j@lycee.fr"],
        input="autremotdepasse9\nautremotdepasse9\n",
    )
    assert passwd.exit_code == 0
    assert runner.invoke(main, ["user", "deactivate", "--email", "j@lycee.fr"]).exit_code == 0
    assert Actions(app.test_client()).login("j@lycee.fr", "autremotdepasse9").status_code == 401
    last = runner.invoke(main, ["user", "deactivate", "--email", "chef@lycee.fr"])
    assert last.exit_code != 0 and "dernier compte formateur" in last.output


def test_purge_dry_run_reports_and_deletes_nothing_and_live_sessions_are_refused(app, student):
    from simulator.cli import main

    issue(student)
    runner = app.test_cli_runner()
    with app.app_context():
        old = utcnow() - timedelta(days=400)
        db.session.execute(sa.update(ClassSession).values(created_at=old))
        db.session.commit()
    live = runner.invoke(main, ["purge", "--older-than", "12m", "--dry-run"])
    assert live.exit_code == 0 and "REFUSÉ" in live.output and "encore ouverte" in live.output
    with app.app_context():
        db.session.execute(sa.update(ClassSession).values(is_open=False, closed_at=old))
        db.session.commit()
    dry = runner.invoke(main, ["purge", "--older-than", "12m", "--dry-run"])
    assert dry.exit_code == 0 and "SUPPRIMERAIT" in dry.output and "1 students" in dry.output
    assert _session_id(app) is not None and _count(app, Quote) == 1
    recent = runner.invoke(main, ["purge", "--older-than", "24m"])
    assert "0 session(s) supprimée(s)" in recent.output and _session_id(app) is not None
    real = runner.invoke(main, ["purge", "--older-than", "12m"])
    assert real.exit_code == 0 and "1 session(s) supprimée(s)" in real.output
    assert _session_id(app) is None and _count(app, Quote) == 0
