"""Trainers list, validate, version and preview scenario packs; students see only their side."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.extensions import db
from simulator.models import PackVersion
from simulator.operations.situations import preview_snapshot
from simulator.scenarios.situation.visibility import hidden_values

PACK = Path(__file__).resolve().parents[2] / "scenario_packs" / "materiel-electrique.yaml"


def _bumped(text: str, version: int) -> str:
    return re.sub(r"^version:\s*\d+", f"version: {version}", text, count=1, flags=re.M)


def test_trainer_sees_the_shipped_packs(trainer):
    html = trainer.client.get("/formateur/packs").get_data(as_text=True)
    assert "materiel-electrique" in html


def test_live_validation_names_the_line_of_each_error(trainer):
    text = PACK.read_text(encoding="utf-8").replace("version: 1", "version: deux", 1)
    response = trainer.post("/formateur/packs/valider", {"yaml_text": text}, htmx=True)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    line = text.splitlines().index("version: deux") + 1
    assert f'data-line="{line}"' in body and "version" in body


def test_a_valid_text_is_reported_valid(trainer):
    response = trainer.post(
        "/formateur/packs/valider", {"yaml_text": PACK.read_text(encoding="utf-8")}, htmx=True
    )
    assert "Le pack est valide" in response.get_data(as_text=True)


def test_a_broken_pack_is_refused_and_the_text_is_kept(trainer):
    text = "slug: essai\nversion: 1\ntitle: [\n"
    response = trainer.post("/formateur/packs", {"yaml_text": text})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "title: [" in body and "erreur" in body


def test_saving_an_edit_creates_a_new_version_and_keeps_the_old(app, trainer):
    text = _bumped(PACK.read_text(encoding="utf-8"), 2)
    response = trainer.post("/formateur/packs", {"yaml_text": text})
    assert response.status_code == 303 and response.location.endswith("/v2")
    again = trainer.post("/formateur/packs", {"yaml_text": text})
    assert again.status_code == 422 and "existe déjà" in again.get_data(as_text=True)
    with app.app_context():
        versions = db.session.scalars(
            db.select(PackVersion.version).where(PackVersion.slug == "materiel-electrique")
        ).all()
    assert sorted(versions) == [1, 2]


def test_the_editor_starts_from_the_next_version_number(trainer):
    html = trainer.client.get("/formateur/packs/materiel-electrique/v1/modifier").get_data(
        as_text=True
    )
    assert "version: 2" in html


def test_preview_hides_the_buyer_side_from_the_student_view(app, trainer):
    with app.app_context():
        stored = db.session.scalar(
            db.select(PackVersion).where(PackVersion.slug == "materiel-electrique")
        )
        secrets = hidden_values(preview_snapshot(stored, 11))
    assert secrets
    student_html = trainer.client.get(
        "/formateur/packs/materiel-electrique/v1/apercu?seed=11"
    ).get_data(as_text=True)
    jury_html = trainer.client.get(
        "/formateur/packs/materiel-electrique/v1/apercu?seed=11&vue=jury"
    ).get_data(as_text=True)
    assert "Côté caché" in jury_html and "Côté caché" not in student_html
    for value in secrets:
        assert value not in student_html


def test_student_gets_a_situation_without_hidden_values(app, student):
    html = student.client.get("/etudiant/situation").get_data(as_text=True)
    assert "Fiche client" in html and "États financiers" in html
    from simulator.models import Situation

    with app.app_context():
        snapshot = db.session.scalar(db.select(Situation)).snapshot
    for value in hidden_values(snapshot):
        assert value not in html
    assert "Côté caché" not in html


def test_student_keeps_the_same_situation(app, student):
    def page() -> str:
        html = student.client.get("/etudiant/situation").get_data(as_text=True)
        return re.sub(r'(X-CSRFToken": "|name="csrf_token" value=")[^"]+', r"\1…", html)

    first = page()
    assert 'id="fiche-client"' in first and page() == first


def test_student_cannot_reach_pack_pages(student):
    assert student.client.get("/formateur/packs").status_code == 403


def test_a_failed_save_keeps_the_breadcrumb_of_the_edited_version(trainer):
    editor = trainer.client.get("/formateur/packs/materiel-electrique/v1/modifier")
    assert 'name="base_version" value="1"' in editor.get_data(as_text=True)
    text = "slug: materiel-electrique\nversion: 2\ntitle: [\n"
    response = trainer.post(
        "/formateur/packs",
        {"yaml_text": text, "base_slug": "materiel-electrique", "base_version": "1"},
    )
    body = response.get_data(as_text=True)
    crumbs = body[body.index('class="crumbs"') : body.index("</p>", body.index('class="crumbs"'))]
    assert response.status_code == 422
    assert "(v1)" in crumbs and "Nouveau pack" not in crumbs


def test_an_unsaved_draft_can_be_previewed_without_storing_it(app, trainer):
    text = _bumped(PACK.read_text(encoding="utf-8"), 7)
    response = trainer.post(
        "/formateur/packs/apercu",
        {"yaml_text": text, "seed": "3", "base_slug": "materiel-electrique", "base_version": "1"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200, body[:400]
    assert "Brouillon non enregistré" in body and 'id="draft-preview"' in body
    assert 'name="yaml_text"' in body  # a new seed re-posts the same draft
    with app.app_context():
        versions = db.session.scalars(
            db.select(PackVersion.version).where(PackVersion.slug == "materiel-electrique")
        ).all()
    assert versions == [1]
    broken = trainer.post("/formateur/packs/apercu", {"yaml_text": "slug: x\ntitle: [\n"})
    assert broken.status_code == 422 and "erreur de syntaxe YAML" in broken.get_data(as_text=True)
