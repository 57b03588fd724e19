"""Fixtures shared by the web tests: an exam session with a candidate and its board."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import User
from tests.conftest import Actions


@pytest.fixture
def exam(app, trainer, jury):
    """An exam session on the electrical pack, a candidate in it, the demo jury on its board."""
    response = trainer.post(
        "/formateur/sessions",
        {"name": "E4 juin", "mode": "exam", "pack_slug": "materiel-electrique"},
    )
    page = trainer.client.get(response.location).get_data(as_text=True)
    code = re.search(r'id="join-code">(\w+)<', page).group(1)
    with app.app_context():
        jury_id = db.session.scalar(sa.select(User.id).where(User.email == "jury@negolab.test"))
    trainer.post(response.location + "/jury", {"jury_id": str(jury_id)})
    candidate = Actions(app.test_client())
    candidate.join(code, "Camille Petit")
    with app.app_context():
        student_id = db.session.scalar(
            sa.select(User.id).where(User.display_name == "Camille Petit")
        )
    url = f"/jury/candidats/{student_id}"
    assert jury.client.get(url).status_code == 200  # the jury's first look generates the situation
    return {"candidate": candidate, "url": url, "student_id": student_id}
