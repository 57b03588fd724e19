"""Two jury members write version n+1 at once over two real connections: one wins, none is lost."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from simulator.extensions import db
from simulator.models import Situation, SituationVersion
from simulator.operations.packs import latest
from simulator.operations.situations import create_situation


@pytest.fixture
def situation_id(app, demo) -> int:
    with app.app_context():
        created = create_situation(latest("materiel-electrique"), 5)
        db.session.commit()
        return created.id


def test_the_second_writer_of_the_same_version_is_refused(app, situation_id):
    with app.app_context():
        engine = db.engine
        snapshot = db.session.get(Situation, situation_id).snapshot
    with Session(engine) as first, Session(engine) as second:
        for session, budget in ((first, "4000"), (second, "3000")):
            top = session.scalar(
                sa.select(sa.func.max(SituationVersion.n)).where(
                    SituationVersion.situation_id == situation_id
                )
            )
            assert top == 0  # both saw version 0
            session.add(
                SituationVersion(
                    situation_id=situation_id,
                    n=top + 1,
                    snapshot=snapshot,
                    overrides={"client.budget_ht": budget},
                    reason=budget,
                )
            )
        first.commit()
        with pytest.raises(sa.exc.IntegrityError):
            second.commit()
        second.rollback()
    with app.app_context():
        stored = db.session.scalars(
            sa.select(SituationVersion)
            .where(SituationVersion.situation_id == situation_id)
            .order_by(SituationVersion.n)
        ).all()
        assert [(v.n, v.reason) for v in stored] == [(0, "génération"), (1, "4000")]
