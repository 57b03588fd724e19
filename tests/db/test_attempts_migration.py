"""The attempts migration keeps existing data: situations become numbered attempts per student."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from simulator import create_app
from simulator.extensions import db

BEFORE = "b15b0f0e7a11"  # the revision just before the attempts


def test_existing_situations_become_numbered_attempts(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests-only-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.db'}",
        }
    )
    with app.app_context():
        upgrade(revision=BEFORE)
        run = db.session.execute
        run(
            sa.text(
                "INSERT INTO user (id, role, display_name, email, created_at) VALUES "
                "(1, 'trainer', 'Claire', 'formateur@negolab.test', '2026-01-01'),"
                "(2, 'student', 'Léa', NULL, '2026-01-01'),"
                "(3, 'student', 'Hugo', NULL, '2026-01-01')"
            )
        )
        for sid, student in ((1, 2), (2, 3), (3, 2), (4, 2)):
            run(
                sa.text(
                    "INSERT INTO situation (id, origin, student_id, snapshot, created_at) "
                    "VALUES (:id, 'generated', :s, '{}', '2026-01-01')"
                ),
                {"id": sid, "s": student},
            )
        db.session.commit()
        upgrade()
        attempts = run(sa.text("SELECT id, attempt FROM situation ORDER BY id")).all()
        assert [tuple(a) for a in attempts] == [(1, 1), (2, 1), (3, 2), (4, 3)]
        flags = run(sa.text("SELECT id, active, is_demo FROM user ORDER BY id")).all()
        assert [tuple(f) for f in flags] == [(1, 1, 1), (2, 1, 0), (3, 1, 0)]
        db.session.commit()
        downgrade(revision=BEFORE)
        assert run(sa.text("SELECT count(*) FROM situation")).scalar() == 4
        db.session.remove()
        db.engine.dispose()
