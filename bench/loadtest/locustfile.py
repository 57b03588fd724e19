"""One class on an exam day, for Locust: 35 students, 3 jurors and the trainer (issue 16).

Started by bench/loadtest/run.py, which creates the database, the exam session and gunicorn, and
passes what the users need through the environment:

  LOADTEST_JOIN_CODE   the exam session's join code
  LOADTEST_SESSION_ID  its id (the trainer's class view)
  LOADTEST_BASE_URLS   comma-separated app URLs; users are spread over them round-robin
  LOADTEST_RECORD      a JSONL file where every request and every acknowledged move is written
  LOADTEST_STUDENTS    how many students (the scenario stops when they have all finished)

Every request carries its endpoint name in an `X-Loadtest-Name` header, so that gunicorn's access
log (server time, `%(M)s`) can be grouped by the same names as the client times.
"""

from __future__ import annotations

import html
import itertools
import json
import os
import random
import re
import time
import uuid
from html.parser import HTMLParser

import gevent
from locust import HttpUser, between, events, task
from locust.exception import StopUser

JOIN_CODE = os.environ.get("LOADTEST_JOIN_CODE", "DEMO42")
SESSION_ID = os.environ.get("LOADTEST_SESSION_ID", "1")
BASE_URLS = [u for u in os.environ.get("LOADTEST_BASE_URLS", "").split(",") if u]
RECORD = os.environ.get("LOADTEST_RECORD", "loadtest-record.jsonl")
STUDENTS = int(os.environ.get("LOADTEST_STUDENTS", "35"))
JURY = ("jury@negolab.test", "jury-demo")
TRAINER = ("formateur@negolab.test", "formateur-demo")
MOVES_PER_NEGOTIATION = 15

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
HX_CSRF_RE = re.compile(r'"X-CSRFToken": "([^"]+)"')
_hosts = itertools.cycle(BASE_URLS or ["http://127.0.0.1:8000"])
_record = open(RECORD, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (closed at exit)
_finished_students: set[str] = set()
_juror_index = itertools.count()


def write(kind: str, **fields) -> None:
    """One line of the record read back by run.py."""
    _record.write(json.dumps({"kind": kind, **fields}) + "\n")


@events.request.add_listener
def _on_request(
    request_type,
    name,
    response_time,
    response_length,
    response=None,
    exception=None,
    start_time=None,
    **_kw,
):
    status = getattr(response, "status_code", 0) if response is not None else 0
    write(
        "request",
        name=name,
        method=request_type,
        ms=response_time,
        status=status,
        error=None if exception is None else repr(exception)[:200],
        t=start_time,
    )


@events.test_start.add_listener
def _watch_students(environment, **_kw):
    """End the run once every student has played their whole scenario (the -t bound stays)."""

    def watch():
        while len(_finished_students) < STUDENTS:
            gevent.sleep(1)
        gevent.sleep(3)  # the last polls of the jurors and the trainer
        if environment.runner is not None:
            environment.runner.quit()

    gevent.spawn(watch)


class FormFields(HTMLParser):
    """Inputs, selects (with their options) and textareas of one form, as a browser would post it."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.depth = form_id, False, 0
        self.values: dict[str, str] = {}
        self.options: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if a.get("id") == self.form_id:
                self.inside = True
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("checkbox", "radio", "submit"):
            self.values[name] = a.get("value") or ""
        elif tag == "input" and name and "checked" in a:
            self.values[name] = a.get("value") or "on"
        elif tag == "select" and name:
            self._select = name
            self.options[name] = []
            self.values.setdefault(name, "")
        elif tag == "option" and self._select:
            value = a.get("value") or ""
            self.options[self._select].append(value)
            if "selected" in a or len(self.options[self._select]) == 1:
                self.values[self._select] = value
        elif tag == "textarea" and name:
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside = False


def form_of(page: str, form_id: str) -> FormFields:
    parser = FormFields(form_id)
    parser.feed(page)
    return parser


class NegoLabUser(HttpUser):
    """A browser: cookies, the CSRF token read from the pages, htmx headers on fragments."""

    abstract = True
    wait_time = between(1, 3)

    def __init__(self, environment):
        self.host = next(_hosts)
        super().__init__(environment)
        self.token = ""

    def _read_token(self, body: str) -> None:
        match = CSRF_RE.search(body) or HX_CSRF_RE.search(body)
        if match:
            self.token = html.unescape(match.group(1))

    def get(self, url: str, name: str, htmx: bool = False, expect=(200,), **kw) -> str:
        headers = {"X-Loadtest-Name": name}
        if htmx:
            headers["HX-Request"] = "true"
        with self.client.get(
            url,
            name=name,
            headers=headers,
            catch_response=True,
            allow_redirects=kw.pop("allow_redirects", False),
            **kw,
        ) as r:
            if r.status_code not in expect:
                r.failure(f"HTTP {r.status_code}")
            body = r.text or ""
        self._read_token(body)
        return body

    def post(self, url: str, name: str, data: dict, htmx: bool = False, expect=(200, 303)):
        headers = {"X-Loadtest-Name": name}
        payload = dict(data)
        if htmx:
            headers.update({"HX-Request": "true", "X-CSRFToken": self.token})
        else:
            payload["csrf_token"] = self.token
        with self.client.post(
            url,
            name=name,
            data=payload,
            headers=headers,
            catch_response=True,
            allow_redirects=False,
        ) as r:
            ok = r.status_code in expect
            if not ok:
                r.failure(f"HTTP {r.status_code}: {(r.text or '')[:120]!r}")
            body = r.text or ""
        self._read_token(body)
        return r, ok, body

    def login(self, email: str, password: str) -> None:
        self.get("/", "GET / (accueil)")
        self.post("/connexion", "POST /connexion", {"email": email, "password": password})


class Student(NegoLabUser):
    """Join, first dashboard (generation), situation, quote recalculations, a whole negotiation."""

    weight = 35

    def on_start(self):
        self.label = f"Élève {uuid.uuid4().hex[:8]}"

    def think(self):
        gevent.sleep(random.uniform(1, 3))

    @task
    def scenario(self):
        try:
            self._scenario()
        finally:
            _finished_students.add(self.label)
        while True:  # done: stay idle (a closed tab) until the run ends
            gevent.sleep(60)

    def _scenario(self):
        self.get("/", "GET / (accueil)")
        start = time.time()
        r, ok, _ = self.post(
            "/rejoindre",
            "POST /rejoindre",
            {"join_code": JOIN_CODE, "display_name": self.label, "resume_code": ""},
            expect=(303,),
        )
        write("join", start=start, end=time.time(), ok=ok, ms=r.elapsed.total_seconds() * 1e3)
        if not ok:
            raise StopUser()
        self.get("/etudiant/", "GET /etudiant/ (1er tableau de bord)")
        self.think()
        self.get("/etudiant/situation", "GET /etudiant/situation")
        self.think()
        self._quote()
        self._negotiation()

    def _quote(self):
        page = self.get("/etudiant/devis", "GET /etudiant/devis")
        form = form_of(page, "quote-form")
        quantities = [k for k in form.values if k.startswith("quantity-")]
        for i in range(4):
            data = dict(form.values)
            if quantities:
                data[quantities[i % len(quantities)]] = str(random.randint(1, 60))
            self.post(
                "/etudiant/devis/calcul",
                "POST /etudiant/devis/calcul (htmx)",
                data,
                htmx=True,
                expect=(200,),
            )
            self.think()

    def _negotiation(self):
        page = self.get(
            "/etudiant/negociation", "GET /etudiant/negociation (préparation)", allow_redirects=True
        )
        match = re.search(r"/negociation/(\d+)/preparation", page)
        lock = re.search(r'name="lock_version" value="(\d+)"', page)
        if not match or not lock:
            return
        nid = int(match.group(1))
        base = f"/etudiant/negociation/{nid}"
        self.think()
        self.post(
            f"{base}/preparation",
            "POST preparation (commencer)",
            {"lock_version": lock.group(1), "action": "commencer", "q-besoin": "Quel usage ?"},
            expect=(303,),
        )
        page = self.get(f"{base}/salle", "GET salle de négociation")
        treated: dict[str, int] = {}
        script = [
            {"type": "question", "theme": "besoin"},
            {"type": "question", "theme": "criteres"},
            {"type": "question", "theme": "budget"},
            {"type": "reformulation", "texte": "Si je comprends bien…"},
            {"type": "argument", "argument": "0", "motivation": "securite"},
            {"type": "question", "theme": "delai"},
        ]
        for k in range(MOVES_PER_NEGOTIATION):
            if 'id="neg-over"' in page or 'id="composer"' not in page:
                break
            self.think()
            data = script[k] if k < len(script) else self._next_move(page, treated)
            marker = f"lt-{nid}-{k}-{uuid.uuid4().hex[:6]}"
            data = {**data, "texte": f"{data.get('texte', 'Bien noté.')} [{marker}]"}
            r, ok, body = self.post(
                f"{base}/coup", "POST coup de négociation (htmx)", data, htmx=True, expect=(200,)
            )
            write("move", nid=nid, marker=marker, status=r.status_code, ok=ok, type=data["type"])
            if ok:
                page = body
            else:
                page = self.get(f"{base}/salle", "GET salle de négociation")
        self.get(f"{base}/fin", "GET fin de négociation", expect=(200, 303))

    @staticmethod
    def _next_move(page: str, treated: dict[str, int]) -> dict:
        """Treat a pending objection, then recap and close an agreement, else take the counter."""
        form = form_of(page, "composer")
        objections = [o for o in form.options.get("objection", []) if o and treated.get(o, -1) < 1]
        if objections:
            oid = objections[0]
            n = treated[oid] = treated.get(oid, -1) + 1
            techniques = [t for t in form.options.get("technique_objection", []) if t]
            return {
                "type": "traitement_objection",
                "objection": oid,
                "technique_objection": techniques[n % len(techniques)],
            }
        buyer = dict(re.findall(r'data-issue="([^"]+)" data-buyer="([^"]*)"', page))
        terms = {}
        for name, options in form.options.items():
            if name.startswith("terme-"):
                wanted = html.unescape(buyer.get(name[len("terme-") :], ""))
                valid = [o for o in options if o]
                terms[name] = wanted if wanted in valid else form.values.get(name) or valid[0]
        if "Accord de principe" in page:
            if "recapitulatif" not in treated:
                treated["recapitulatif"] = 1
                return {"type": "recapitulatif", **terms}
            techniques = [t for t in form.options.get("technique_conclusion", []) if t]
            return {"type": "conclusion", "technique_conclusion": techniques[0]}
        return {"type": "offre", **terms}


class Juror(NegoLabUser):
    """A board member: their candidates' consoles, presets, and the live view polled every 2 s."""

    fixed_count = 3

    def on_start(self):
        self.index = next(_juror_index) % 3
        self.login(*JURY)
        self.candidates: list[str] = []

    def _dashboard(self):
        page = self.get("/jury/", "GET /jury/ (candidats)")
        ids = sorted(set(re.findall(r"/jury/candidats/(\d+)/negociation\"", page)), key=int)
        self.candidates = [
            c for i, c in enumerate(ids) if i % 3 == self.index
        ]  # no shared candidate
        for cid in self.candidates[:12]:  # the lazy difficulty cells the page loads
            self.get(f"/jury/candidats/{cid}/difficulte", "GET difficulté (htmx)", htmx=True)

    @task
    def watch_a_candidate(self):
        self._dashboard()
        if not self.candidates:
            gevent.sleep(2)
            return
        cid = random.choice(self.candidates)
        url = f"/jury/candidats/{cid}"
        page = self.get(url, "GET console du jury")
        presets = sorted(set(re.findall(r"/preset/(\w+)\"", page)))
        base_n = re.search(r'name="base_n" value="(\d+)"', page)
        if presets and base_n:
            gevent.sleep(random.uniform(1, 3))
            _r, ok, _ = self.post(
                f"{url}/preset/{random.choice(presets)}",
                "POST preset du jury",
                {"base_n": base_n.group(1)},
                expect=(303,),
            )
            if ok:
                self.get(url, "GET console du jury")
        live = self.get(f"{url}/negociation", "GET négociation en direct (jury)")
        poll = re.search(r'hx-get="([^"]*/negociation/direct[^"]*)"', live)
        for _ in range(8):
            gevent.sleep(2)
            if not poll:
                break
            self.get(
                html.unescape(poll.group(1)),
                "GET direct (jury, htmx)",
                htmx=True,
                expect=(200, 204),
            )


class Trainer(NegoLabUser):
    """The trainer's class view, its table polled by htmx every 5 s."""

    fixed_count = 1
    wait_time = between(5, 5)

    def on_start(self):
        self.login(*TRAINER)
        self.get(f"/formateur/sessions/{SESSION_ID}/classe", "GET suivi de la classe")

    @task
    def poll(self):
        self.get(
            f"/formateur/sessions/{SESSION_ID}/classe/suivi",
            "GET suivi de la classe (htmx)",
            htmx=True,
        )
