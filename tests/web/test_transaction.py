"""One transaction per request: what is committed, what is rolled back, and where."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from flask import Blueprint, Flask

from simulator import create_app
from simulator.extensions import db
from simulator.models import Event
from simulator.operations.errors import ConflictError
from simulator.web.transaction import keep_despite_refusal, record_first_opening, savepoint

probe = Blueprint("probe", __name__, url_prefix="/sonde")


def _write(seq: int) -> None:
    db.session.add(
        Event(stream_type="sonde", stream_id=1, seq=seq, actor="system", kind="sonde", payload={})
    )
    db.session.flush()


@probe.get("/ecrit")
def get_writes():
    _write(1)
    return "ok"


@probe.get("/ouverture")
def get_first_opening():
    _write(1)
    record_first_opening()
    _write(2)
    return "refusé", 404


@probe.post("/ok")
def post_ok():
    _write(1)
    return "ok"


@probe.post("/conflit")
def post_conflict():
    _write(1)
    return "conflit", 409


@probe.post("/garde")
def post_kept_refusal():
    _write(1)
    keep_despite_refusal()
    _write(2)
    return "refusé", 401


@probe.post("/point")
def post_savepoint():
    _write(1)
    try:
        with savepoint():
            _write(2)
            raise ConflictError("non")
    except ConflictError:
        pass
    seen = db.session.scalar(sa.select(sa.func.count()).select_from(Event))
    return str(seen)


@probe.post("/panne")
def post_crash():
    _write(1)
    raise RuntimeError("panne")


@pytest.fixture
def probed(app: Flask) -> Iterator[Flask]:
    """A second app on the same database, with the probe routes and no CSRF."""
    probed = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests-only-secret",
            "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        }
    )
    probed.register_blueprint(probe)
    yield probed
    with probed.app_context():
        db.engine.dispose()


def _stored(app: Flask) -> list[int]:
    with app.app_context():
        return list(
            db.session.scalars(
                sa.select(Event.seq).where(Event.stream_type == "sonde").order_by(Event.seq)
            )
        )


def test_a_get_writes_nothing(probed):
    assert probed.test_client().get("/sonde/ecrit").status_code == 200
    assert _stored(probed) == []


def test_a_first_opening_is_kept_even_when_the_page_is_then_refused(probed):
    assert probed.test_client().get("/sonde/ouverture").status_code == 404
    assert _stored(probed) == [1]


def test_a_post_answered_below_400_is_committed(probed):
    assert probed.test_client().post("/sonde/ok").status_code == 200
    assert _stored(probed) == [1]


def test_a_refused_post_writes_nothing(probed):
    assert probed.test_client().post("/sonde/conflit").status_code == 409
    assert _stored(probed) == []


def test_writes_kept_despite_a_refusal_stop_at_the_mark(probed):
    assert probed.test_client().post("/sonde/garde").status_code == 401
    assert _stored(probed) == [1]


def test_a_refused_use_case_in_a_savepoint_is_undone_alone(probed):
    response = probed.test_client().post("/sonde/point")
    assert response.get_data(as_text=True) == "1"
    assert _stored(probed) == [1]


def test_an_exception_rolls_everything_back(probed):
    client = probed.test_client()
    probed.config["PROPAGATE_EXCEPTIONS"] = False
    assert client.post("/sonde/panne").status_code == 500
    assert _stored(probed) == []
