"""Where the time goes in the load test's slow endpoints: cProfile + SQL query counts, in-process.

    .venv/bin/python bench/loadtest/profile_hotspots.py [--students 35] [--top 18]

A class of students joins an exam session (SQLite in a temp dir by default; a fresh PostgreSQL
database with LOADTEST_DATABASE_URL=postgresql+psycopg://…/postgres, dropped at the end), plays
a few negotiation moves each, then each hotspot request is timed (median of a few calls), its SQL
statements counted (SQLAlchemy `before_cursor_execute` listener) and one call profiled.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
MOVES = [
    {"type": "question", "theme": "besoin"},
    {"type": "question", "theme": "criteres"},
    {"type": "question", "theme": "budget"},
    {"type": "reformulation", "texte": "Si je…"},
    {"type": "argument", "argument": "0", "motivation": "securite"},
    {"type": "question", "theme": "delai"},
    {"type": "question", "theme": "decideurs"},
    {"type": "message", "texte": "Bien noté."},
    {"type": "question", "theme": "concurrence"},
]


class Browser:
    def __init__(self, app):
        self.client = app.test_client()
        self.token = ""

    def get(self, url, htmx=False, **kw):
        r = self.client.get(url, headers={"HX-Request": "true"} if htmx else {}, **kw)
        m = CSRF_RE.search(r.get_data(as_text=True))
        if m:
            self.token = m.group(1)
        return r

    def post(self, url, data, htmx=False):
        if htmx:
            return self.client.post(
                url, data=data, headers={"HX-Request": "true", "X-CSRFToken": self.token}
            )
        return self.client.post(url, data={**data, "csrf_token": self.token})


def build_app():
    from flask_migrate import upgrade

    from simulator import create_app
    from simulator.extensions import db
    from simulator.operations.demo import load_demo

    admin_url = os.environ.get("LOADTEST_DATABASE_URL", "")
    tmp = tempfile.TemporaryDirectory()
    drop = None
    if admin_url.startswith("postgresql"):
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        name = f"negolab_load_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)

        def drop():
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        url = f"sqlite:///{Path(tmp.name) / 'profile.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "profile"})
    with app.app_context():
        upgrade()
        load_demo(app.config["PACKS_DIR"])
        db.session.commit()
    return app, tmp, drop, url


class QueryCounter:
    def __init__(self, engine):
        self.n = 0
        sa.event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, *_a, **_k):
        self.n += 1


def measure(label, fn, counter, repeats=5, top=18, profile=True):
    """Median ms over `repeats` calls, the SQL statements of one call, one cProfile."""
    samples = []
    for _ in range(repeats):
        counter.n = 0
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1e3)
    queries = counter.n
    print(
        f"\n### {label}: médiane {statistics.median(samples):.1f} ms (min {min(samples):.1f}), "
        f"{queries} requêtes SQL par appel"
    )
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        fn()
        prof.disable()
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.sort_stats("cumulative").print_stats(
            r"simulator|jinja2|yaml|pydantic|sqlalchemy", top
        )
        text = out.getvalue()
        print("\n".join(line for line in text.splitlines()[6:] if line.strip())[:6000])
    return statistics.median(samples), queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=35)
    parser.add_argument("--top", type=int, default=18)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    app, _tmp, drop, _url = build_app()
    try:
        run(app, args)
    finally:
        if drop:
            drop()


def run(app, args) -> None:
    from simulator.extensions import db

    print(f"base : {make_url(url_of(app)).get_backend_name()}, {args.students} étudiants")
    trainer = Browser(app)
    trainer.get("/")
    trainer.post("/connexion", {"email": "formateur@negolab.test", "password": "formateur-demo"})
    trainer.get("/formateur/")  # the login renews the session: take its CSRF token
    r = trainer.post(
        "/formateur/sessions",
        {"name": "E4 profil", "mode": "exam", "pack_slug": "materiel-electrique"},
    )
    sid = re.search(r"/sessions/(\d+)", r.location).group(1)
    code = re.search(
        r'id="join-code">(\w+)<', trainer.get(f"/formateur/sessions/{sid}").get_data(as_text=True)
    ).group(1)
    with app.app_context():
        jury_id = db.session.execute(
            sa.text('SELECT id FROM "user" WHERE email = :e'), {"e": "jury@negolab.test"}
        ).scalar_one()
        counter = QueryCounter(db.engine)
    trainer.post(f"/formateur/sessions/{sid}/jury", {"jury_id": str(jury_id)})
    jury = Browser(app)
    jury.get("/")
    jury.post("/connexion", {"email": "jury@negolab.test", "password": "jury-demo"})
    jury.get("/jury/")

    def join(name):
        b = Browser(app)
        b.get("/")
        assert b.post("/rejoindre", {"join_code": code, "display_name": name}).status_code == 303
        b.token = ""
        return b

    students = []
    for i in range(args.students - 1):
        b = join(f"Élève {i}")
        b.get("/etudiant/")
        html = b.get("/etudiant/negociation", follow_redirects=True).get_data(as_text=True)
        nid = int(re.search(r"/negociation/(\d+)/preparation", html).group(1))
        lock = re.search(r'name="lock_version" value="(\d+)"', html).group(1)
        b.post(
            f"/etudiant/negociation/{nid}/preparation",
            {"lock_version": lock, "action": "commencer"},
        )
        b.get(f"/etudiant/negociation/{nid}/salle")
        for data in MOVES[:4]:
            assert b.post(f"/etudiant/negociation/{nid}/coup", data, htmx=True).status_code == 200
        students.append((b, nid))
    with app.app_context():
        sample_id = db.session.execute(
            sa.text('SELECT id FROM "user" WHERE display_name = :n'), {"n": "Élève 0"}
        ).scalar_one()

    fresh = iter(range(1000))

    # first dashboard: the join is inside fn; time it apart
    times, queries = [], []
    for _ in range(5):
        b = join(f"Nouveau {next(fresh)}")
        counter.n = 0
        t = time.perf_counter()
        assert b.get("/etudiant/").status_code == 200
        times.append((time.perf_counter() - t) * 1e3)
        queries.append(counter.n)
    print(
        f"\n### 1er tableau de bord (génération) : médiane {statistics.median(times):.1f} ms, "
        f"{queries[-1]} requêtes SQL"
    )
    b = join("Profilé")
    prof = cProfile.Profile()
    prof.enable()
    b.get("/etudiant/")
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(
        r"simulator|yaml|pydantic|jinja2|sqlalchemy/orm/session", args.top
    )
    print("\n".join(x for x in out.getvalue().splitlines()[6:] if x.strip()))
    measure(
        "tableau de bord déjà généré",
        lambda: b.get("/etudiant/"),
        counter,
        top=args.top,
        profile=False,
    )
    measure(
        "console du jury", lambda: jury.get(f"/jury/candidats/{sample_id}"), counter, top=args.top
    )
    measure(
        "tableau du jury (/jury/)", lambda: jury.get("/jury/"), counter, top=args.top, profile=False
    )
    measure(
        f"suivi de la classe (htmx, {args.students} élèves)",
        lambda: trainer.get(f"/formateur/sessions/{sid}/classe/suivi", htmx=True),
        counter,
        top=args.top,
    )
    sb, nid = students[0]
    quote_page = sb.get("/etudiant/devis").get_data(as_text=True)
    fields = dict(
        re.findall(
            r'name="((?:quantity|product|unit_price|discount)[^"]*)"[^>]*value="([^"]*)"',
            quote_page,
        )
    )
    measure(
        "recalcul du devis (htmx)",
        lambda: sb.post("/etudiant/devis/calcul", fields, htmx=True),
        counter,
        top=args.top,
    )
    results = {}
    for data in MOVES[4:9] * 4:
        results.setdefault("n", 0)
        results["n"] += 1
        counter.n = 0
        t = time.perf_counter()
        r = sb.post(f"/etudiant/negociation/{nid}/coup", data, htmx=True)
        ms = (time.perf_counter() - t) * 1e3
        if results["n"] in (1, 20):
            print(
                f"\n### coup n° {results['n'] + 4} : {ms:.1f} ms, {counter.n} requêtes SQL "
                f"(HTTP {r.status_code})"
            )
    prof = cProfile.Profile()
    prof.enable()
    sb.post(f"/etudiant/negociation/{nid}/coup", {"type": "question", "theme": "besoin"}, htmx=True)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(
        r"simulator|jinja2|sqlalchemy/orm/session", args.top
    )
    print("\n".join(x for x in out.getvalue().splitlines()[6:] if x.strip()))


def url_of(app) -> str:
    return app.config["SQLALCHEMY_DATABASE_URI"]


if __name__ == "__main__":
    main()
