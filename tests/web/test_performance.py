"""Issue 16: pack parsing cached, cached difficulty, and SQL statements per request bounded
(they must not grow with the number of students or of moves)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from simulator.extensions import db
from simulator.models import PackVersion, SituationVersion, User
from simulator.operations import difficulty, packs
from simulator.operations.situations import _faker
from simulator.scenarios.generator.core import generate
from simulator.scenarios.situation.model import to_json
from tests.conftest import Actions
from tests.web.test_negotiation_room import move, start


class QueryCounter:
    """Counts the SQL statements sent to the database (a `before_cursor_execute` listener)."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn, _cursor, statement, *_args) -> None:
        self.statements.append(statement)

    @property
    def n(self) -> int:
        return len(self.statements)

    def reset(self) -> None:
        self.statements.clear()


@pytest.fixture
def queries(app) -> Iterator[QueryCounter]:
    counter = QueryCounter()
    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", counter)
    yield counter
    sa.event.remove(engine, "before_cursor_execute", counter)


def count(queries: QueryCounter, call) -> int:
    queries.reset()
    response = call()
    assert response.status_code == 200, response.status_code
    return queries.n


@pytest.fixture
def exam_code(app, trainer, jury) -> str:
    """An exam session on the electrical pack, with the demo jury on its board."""
    response = trainer.post(
        "/formateur/sessions",
        {"name": "E4 charge", "mode": "exam", "pack_slug": "materiel-electrique"},
    )
    page = trainer.client.get(response.location).get_data(as_text=True)
    with app.app_context():
        jury_id = db.session.scalar(sa.select(User.id).where(User.email == "jury@negolab.test"))
    trainer.post(response.location + "/jury", {"jury_id": str(jury_id)})
    return re.search(r'id="join-code">(\w+)<', page).group(1)


def join(app, code: str, name: str) -> Actions:
    student = Actions(app.test_client())
    assert student.join(code, name).status_code == 303
    return student


def student_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(User.id).where(User.display_name == name))


# --- pack parsing and generation --------------------------------------------------------------


def test_a_stored_pack_text_is_parsed_and_validated_once(app, demo, monkeypatch):
    calls = []
    real = packs.validate_text

    def counting(text, filename):
        calls.append(filename)
        return real(text, filename)

    monkeypatch.setattr(packs, "validate_text", counting)
    packs._VALID.clear()
    with app.app_context():
        stored = packs.latest("materiel-electrique")
        first = packs.parse(stored)
        again = packs.parse(db.session.get(PackVersion, stored.id))
    assert first is again and len(calls) == 1


def test_first_dashboards_parse_the_pack_once_for_the_whole_class(app, exam_code, monkeypatch):
    calls = []
    real = packs.validate_text
    monkeypatch.setattr(packs, "validate_text", lambda t, f: calls.append(f) or real(t, f))
    packs._VALID.clear()
    for name in ("Élève A", "Élève B", "Élève C"):
        assert join(app, exam_code, name).client.get("/etudiant/").status_code == 200
    assert len(calls) == 1


def test_a_reused_faker_generates_the_same_situation_as_a_fresh_one(app, demo):
    with app.app_context():
        pack = packs.parse(packs.latest("materiel-electrique"))
    reused = _faker()
    generate(pack, 11, reused)  # leave it in another state first
    for seed in (3, 4242):
        assert to_json(generate(pack, seed, reused)) == to_json(generate(pack, seed))


def test_the_difficulty_of_a_version_is_computed_once(app, exam_code, jury, monkeypatch):
    join(app, exam_code, "Camille Petit")
    url = f"/jury/candidats/{student_id(app, 'Camille Petit')}"
    assert jury.client.get(url).status_code == 200
    calls = []
    real = difficulty._assess
    monkeypatch.setattr(difficulty, "_assess", lambda *a: calls.append(1) or real(*a))
    difficulty._ASSESSED.clear()
    for _ in range(3):
        assert jury.client.get(url + "/difficulte", headers={"HX-Request": "true"}).status_code
        assert jury.client.get(url).status_code == 200
    assert len(calls) == 1
    with app.app_context():
        version = db.session.scalar(sa.select(SituationVersion))
        # the same as measuring the snapshot afresh, outcome space included
        assert difficulty.assess_version(version) == difficulty.assess(version.snapshot)


# --- statements per request -------------------------------------------------------------------


def test_first_dashboard_uses_a_bounded_number_of_statements(app, exam_code, queries):
    student = join(app, exam_code, "Élève premier")
    # 9 to generate and store the situation, 1 user, 8 for the attempts summary (batched by
    # situation ids, issue 14): none per item
    assert count(queries, lambda: student.client.get("/etudiant/")) <= 18


def test_jury_dashboard_statements_do_not_grow_with_the_students(app, exam_code, jury, queries):
    for i in range(2):
        join(app, exam_code, f"Élève {i}").client.get("/etudiant/")
    two = count(queries, lambda: jury.client.get("/jury/"))
    for i in range(2, 7):
        join(app, exam_code, f"Élève {i}").client.get("/etudiant/")
    join(app, exam_code, "Élève sans situation")
    seven = count(queries, lambda: jury.client.get("/jury/"))
    html = jury.client.get("/jury/").get_data(as_text=True)
    assert two == seven <= 8
    assert html.count("jury.difficulty") == 0 and html.count("/difficulte") == 7
    assert "pas encore générée" in html


def test_jury_console_uses_a_bounded_number_of_statements(app, exam_code, jury, queries):
    join(app, exam_code, "Camille Petit")
    url = f"/jury/candidats/{student_id(app, 'Camille Petit')}"
    jury.client.get(url)
    assert count(queries, lambda: jury.client.get(url)) <= 12
    cell = count(queries, lambda: jury.client.get(url + "/difficulte"))
    assert cell <= 10


def test_class_view_statements_do_not_grow_with_the_students(app, trainer, exam_code, queries):
    sid = re.search(
        r"/formateur/sessions/(\d+)", trainer.client.get("/formateur/").get_data(as_text=True)
    ).group(1)
    poll = f"/formateur/sessions/{sid}/classe/suivi"

    def polled():
        return trainer.client.get(poll, headers={"HX-Request": "true"})

    for i in range(2):
        start(join(app, exam_code, f"Élève {i}"))
    two = count(queries, polled)
    for i in range(2, 6):
        start(join(app, exam_code, f"Élève {i}"))
    six = count(queries, polled)
    assert two == six <= 10


def test_a_move_uses_the_same_statements_at_move_2_and_at_move_8(app, exam_code, queries):
    student = join(app, exam_code, "Élève coups")
    nid = start(student)
    themes = ["besoin", "criteres", "budget", "delai", "decideurs", "concurrence", "besoin"]
    counts = []
    for theme in themes:
        counts.append(count(queries, lambda t=theme: move(student, nid, type="question", theme=t)))
    assert counts[1] == counts[-1] <= 14, counts


# --- checkpointed replay ----------------------------------------------------------------------


def _same_game(a, b) -> None:
    assert a.transcript.to_dict() == b.transcript.to_dict()
    assert a.notices == b.notices and a.pending == b.pending and a.setup == b.setup
    assert [e.id for e in a.events] == [e.id for e in b.events]


def test_a_checkpointed_replay_equals_the_full_replay_of_the_event_log(
    app, exam_code, jury, monkeypatch
):
    from simulator.models import Negotiation
    from simulator.operations import negotiation_replay

    student = join(app, exam_code, "Élève rejeu")
    nid = start(student)
    url = f"/jury/candidats/{student_id(app, 'Élève rejeu')}"
    moves = [
        {"type": "question", "theme": "besoin"},
        {"type": "reformulation", "texte": "Si je comprends bien…"},
        {"type": "question", "theme": "criteres"},
        {"type": "question", "theme": "budget"},
    ]
    negotiation_replay._checkpoints.clear()
    resumed = []
    real = negotiation_replay.poursuivre

    def counting(depart, steps, garanties=()):
        steps = list(steps)
        resumed.append(len(steps))
        return real(depart, steps, garanties)

    monkeypatch.setattr(negotiation_replay, "poursuivre", counting)
    for i, data in enumerate(moves * 2):
        assert move(student, nid, **data).status_code == 200
        if i == 3:  # the jury's event changes the setup in force mid-way
            jury.client.get(url + "/negociation")
            jury.post(url + "/negociation/evenement", {"evenement": "retard_fournisseur"})
        with app.app_context():
            negotiation = db.session.get(Negotiation, nid)
            _same_game(
                negotiation_replay.game_of(negotiation),
                negotiation_replay.full_replay(negotiation),
            )
    # each move continued from the previous checkpoint: at most the jury event and one move
    assert resumed and max(resumed) <= 2, resumed
    with app.app_context():
        negotiation = db.session.get(Negotiation, nid)
        full = negotiation_replay.full_replay(negotiation)
        assert len(full.transcript.tours) == 8 and len(full.notices) == 1


def test_a_checkpoint_of_other_events_is_not_used(app, exam_code):
    from simulator.models import Event, Negotiation
    from simulator.operations import negotiation_replay

    student = join(app, exam_code, "Élève effacé")
    nid = start(student)
    for theme in ("besoin", "criteres", "budget"):
        assert move(student, nid, type="question", theme=theme).status_code == 200
    with app.app_context():
        negotiation = db.session.get(Negotiation, nid)
        negotiation_replay.game_of(negotiation)  # checkpoint of the 3 moves
        last_two = db.session.scalars(
            sa.select(Event.id)
            .where(Event.stream_type == "negotiation", Event.stream_id == nid)
            .order_by(Event.seq.desc())
            .limit(2)
        ).all()
        # the log changed under the checkpoint (never in the app: it is append-only)
        db.session.execute(sa.delete(Event).where(Event.id.in_(last_two)))
        db.session.expire_all()
        game = negotiation_replay.game_of(negotiation)
        _same_game(game, negotiation_replay.full_replay(negotiation))
        assert len(game.transcript.tours) == 2
        db.session.rollback()
    # the log is whole again: the game continues from the older checkpoint of the same rows
    assert move(student, nid, type="question", theme="delai").status_code == 200
    with app.app_context():
        negotiation = db.session.get(Negotiation, nid)
        game = negotiation_replay.game_of(negotiation)
        _same_game(game, negotiation_replay.full_replay(negotiation))
        assert len(game.transcript.tours) == 4


# --- translations looked up once per request -------------------------------------------------


def test_templates_look_translations_up_once_per_request_in_the_chosen_language(
    app, trainer, monkeypatch
):
    from simulator.web import i18n

    lookups = []
    real = i18n.get_translations
    monkeypatch.setattr(i18n, "get_translations", lambda: lookups.append(1) or real())
    french = trainer.client.get("/formateur/").get_data(as_text=True)
    assert "Mes sessions" in french and len(lookups) == 1
    trainer.post("/langue/en", {"next": "/formateur/"})
    lookups.clear()
    english = trainer.client.get("/formateur/").get_data(as_text=True)
    assert "Mes sessions" not in english and "My sessions" in english and len(lookups) == 1
