"""The exam's label and durations are session settings, not literals."""

from __future__ import annotations

import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import ClassSession, User


def _session_id(app, student_id: int) -> int:
    with app.app_context():
        return db.session.get(User, student_id).class_session_id


def test_the_trainer_renames_the_exam_and_sets_its_timings(app, trainer, jury, exam):
    session_id = _session_id(app, exam["student_id"])
    response = trainer.post(
        f"/formateur/sessions/{session_id}/reglages",
        {"exam_label": "E5", "negotiation_minutes": "25", "interview_minutes": "10"},
    )
    assert response.status_code == 303
    with app.app_context():
        session = db.session.get(ClassSession, session_id)
        assert (session.exam_label, session.negotiation_minutes) == ("E5", 25)
    assert "Grille E5" in jury.client.get(exam["url"] + "/grille").get_data(as_text=True)


def test_out_of_range_timings_are_refused_in_french(app, trainer, exam):
    session_id = _session_id(app, exam["student_id"])
    response = trainer.post(
        f"/formateur/sessions/{session_id}/reglages",
        {"exam_label": "E4", "negotiation_minutes": "200", "interview_minutes": "10"},
    )
    assert response.status_code == 400 and 'value="200"' in response.get_data(as_text=True)
    with app.app_context():
        assert (
            db.session.scalar(
                sa.select(ClassSession.negotiation_minutes).where(ClassSession.id == session_id)
            )
            == 20
        )
