"""The student's negotiation room: no hidden value leaks, resumable, refused moves, conflicts, exam mode."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from simulator import create_app
from simulator.engine.money import format_eur
from simulator.extensions import db
from simulator.models import ClassSession, Event, Negotiation, SessionMode, User
from simulator.models._time import utcnow
from simulator.operations import negotiation_replay
from simulator.operations import negotiations as ops
from simulator.scenarios.situation.visibility import hidden_values
from tests.conftest import Actions

ROOT = "/etudiant/negociation"
VOCABULARY = {"offre", "conclusion", "recapitulatif", "question", "message", "argument"}


def start(student: Actions) -> int:
    """Open the negotiation, save the sheet and start the clock; return its id."""
    html = student.client.get(ROOT, follow_redirects=True).get_data(as_text=True)
    nid = int(re.search(r"/negociation/(\d+)/preparation", html).group(1))
    lock = re.search(r'name="lock_version" value="(\d+)"', html).group(1)
    response = student.post(
        f"{ROOT}/{nid}/preparation",
        {"lock_version": lock, "action": "commencer", "q-besoin": "Quel usage ?"},
    )
    assert response.status_code == 303 and response.headers["Location"].endswith("/salle")
    return nid


def move(student: Actions, nid: int, **data):
    return student.post(f"{ROOT}/{nid}/coup", data, htmx=True)


def game(app, nid: int) -> ops.Game:
    with app.app_context():
        return ops.game_of(db.session.get(Negotiation, nid))


def offer_fields(terms: dict) -> dict:
    return {f"terme-{k}": str(v) for k, v in terms.items()}


def next_move(app, nid: int, tried: dict) -> dict:
    """A sensible next move from the buyer's last reply (the test reads the server's state)."""
    g = game(app, nid)
    reply = g.transcript.tours[-1]["reponse"] if g.transcript.tours else {"type": "reponse"}
    if reply["type"] == "objection" and reply.get("objection"):
        k = tried[reply["objection"]] = tried.get(reply["objection"], -1) + 1
        techniques = (
            "compensation",
            "reformulation",
            "appui",
            "oui_mais",
            "temoignage",
            "boomerang",
        )
        return {
            "type": "traitement_objection",
            "objection": reply["objection"],
            "technique_objection": techniques[k % 6],
        }
    if g.state.statut == "accord":
        return {"type": "recapitulatif", "texte": "Je récapitule."}
    if g.state.contre_offre:
        return {"type": "offre", **offer_fields(g.state.contre_offre)}
    best = {e.cle: e.valeurs[0] for e in g.setup.enjeux}
    return {"type": "offre", **offer_fields(best)}


def to_the_end(app, student: Actions, nid: int) -> list[str]:
    """Discover, argue, then trade until the buyer signs (or leaves); return every body received."""
    bodies = []
    for data in (
        {"type": "question", "theme": "besoin"},
        {"type": "question", "theme": "criteres"},
        {"type": "reformulation", "texte": "Si je comprends bien…"},
        {"type": "argument", "argument": "0", "motivation": "securite"},
        {"type": "question", "theme": "budget"},
    ):
        bodies.append(move(student, nid, **data).get_data(as_text=True))
    tried: dict = {}
    for _ in range(30):
        with app.app_context():
            if db.session.get(Negotiation, nid).finished:
                break
        response = move(student, nid, **next_move(app, nid, tried))
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        bodies.append(response.get_data(as_text=True))
    return bodies


def secrets_of(app, nid: int) -> list[str]:
    """Hidden values as they could be printed: reservation, weights, BATNA, budget, reasons."""
    g = game(app, nid)
    with app.app_context():
        snapshot = db.session.get(Negotiation, nid).situation_version.snapshot
    hidden = snapshot["negotiation"]["hidden"]
    values = hidden_values(snapshot) + [
        str(hidden["reservation_utility"]),
        str(g.setup.acheteur.reservation),
    ]
    values += [str(w) for w in hidden["weights"].values()]
    values += [str(w) for w in g.setup.acheteur.poids.values()]
    for amount in (
        snapshot["client"]["budget_ht"],
        hidden["batna"]["offer_total_ht"],
        hidden["price_ceiling_ht"],
    ):
        values += [format_eur(Decimal(amount)), format_eur(Decimal(amount), symbol=False)]
    values.append(g.setup.acheteur.batna)
    public = VOCABULARY | set(g.setup.index) | {o.id for o in g.setup.objections}
    for reply in g.replies:
        for value in reply["raison"].values():
            if isinstance(value, float):
                values += [repr(value), f"{value:.4f}"]
            elif isinstance(value, str) and "_" in value and value not in public:
                values.append(value)
    return sorted({v for v in values if len(v) >= 4 and v not in ("0.0000", "1.0000")})


@pytest.fixture
def seeded(monkeypatch):
    """Give the next situation a chosen seed."""

    def use(seed: int) -> None:
        monkeypatch.setattr("simulator.operations.situations.secrets.randbelow", lambda _n: seed)

    return use


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_no_hidden_value_reaches_the_student_during_play(app, demo, seeded, seed):
    seeded(seed)
    student = Actions(app.test_client())
    student.join("DEMO42", f"Élève {seed}")
    nid = start(student)
    bodies = [
        student.client.get(f"{ROOT}/{nid}/preparation").get_data(as_text=True),
        student.client.get(f"{ROOT}/{nid}/salle").get_data(as_text=True),
        move(student, nid, type="argument").get_data(as_text=True),
    ]
    bodies += to_the_end(app, student, nid)
    bodies.append(student.client.get(f"{ROOT}/{nid}/fin").get_data(as_text=True))
    assert len(game(app, nid).replies) >= 6
    leaks = [(v, i) for v in secrets_of(app, nid) for i, body in enumerate(bodies) if v in body]
    assert sorted({v for v, _ in leaks}) == []
    debrief = student.client.get(f"{ROOT}/{nid}/debrief").get_data(as_text=True)
    assert 'id="hidden-side"' in debrief  # after the end the hidden side is revealed
    assert any(v in debrief for v in secrets_of(app, nid))


def test_a_deal_gives_the_order_built_from_the_agreed_terms(app, demo, seeded):
    seeded(11)
    student = Actions(app.test_client())
    student.join("DEMO42", "Léo Martin")
    nid = start(student)
    to_the_end(app, student, nid)
    g = game(app, nid)
    assert g.negotiation.status == "deal" and g.state.statut == "conclue"
    html = student.client.get(f"{ROOT}/{nid}/fin").get_data(as_text=True)
    remise = next(e for e in g.setup.enjeux if e.nature == "remise")
    conditions = re.search(r'id="order-conditions">(.*?)</ul>', html, re.DOTALL).group(1)
    assert (
        f"{remise.libelle} : <strong>{str(g.state.accord[remise.cle]).replace('.', ',')}\u202f%"
        in conditions
    )
    assert 'id="order-total-ttc"' in html


def _folded(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def _pdf_text(pdf: bytes) -> str:
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return _folded(text)


def test_a_signed_deal_gives_a_numbered_dated_purchase_order_and_its_pdf(app, demo, seeded):
    from simulator.web.student.purchase_order import PARIS
    from simulator.web.student.negotiation_order import order_of

    seeded(11)
    student = Actions(app.test_client())
    student.join("DEMO42", "Léo Martin")
    nid = start(student)
    to_the_end(app, student, nid)
    g = game(app, nid)
    assert g.state.statut == "conclue"
    with app.app_context():
        negotiation = db.session.get(Negotiation, nid)
        snapshot = negotiation.situation_version.snapshot
        signed = negotiation.finished_at.astimezone(PARIS).date()
        order = order_of(g, snapshot)
    number = f"BC-{signed:%Y}-{nid:05d}"
    end = student.client.get(f"{ROOT}/{nid}/fin").get_data(as_text=True)
    assert number in end and f"{signed:%d/%m/%Y}" in end
    assert f'href="{ROOT}/{nid}/bon-de-commande.pdf"' in end
    printed = student.client.get(f"{ROOT}/{nid}/bon-de-commande")
    assert printed.status_code == 200 and number in printed.get_data(as_text=True)
    response = student.client.get(f"{ROOT}/{nid}/bon-de-commande.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert response.headers["Content-Type"] == "application/pdf"
    assert f'filename="bon-de-commande-{number}-' in response.headers["Content-Disposition"]
    text = " ".join(_pdf_text(response.data).split())
    r = order["result"]
    company = snapshot["client"]["company"]
    seller = snapshot["seller"]
    assert f"BON DE COMMANDE n° {number}" in text
    assert f"Date de la commande : {signed:%d/%m/%Y}" in text
    assert seller["name"] in text and seller["identity"]["siren"][:3] in text
    assert company["raison_sociale"] in text and company["siret"] in text
    for line in r.lignes:
        assert line.ref in text
    for amount in (r.total_ht, r.total_tva, r.total_ttc):
        assert " ".join(_folded(format_eur(amount)).split()) in text
    for label in ("Total HT", "TVA", "Total TTC", "Conditions de règlement"):
        assert label in text
    assert "jours date de facture" in text and "indemnité forfaitaire" in text
    assert "Bon pour commande" in text and "réserve de propriété" in text


def test_no_purchase_order_without_a_signed_deal(app, student):
    nid = start(student)
    assert student.client.get(f"{ROOT}/{nid}/bon-de-commande.pdf").status_code == 303


def test_the_student_resumes_after_a_server_restart(app, student):
    nid = start(student)
    move(student, nid, type="question", theme="besoin")
    move(student, nid, type="question", theme="budget")
    cookie = student.client.get_cookie("session")
    ops._setups.clear()
    again = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests-only-secret",
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        }
    )
    browser = again.test_client()
    browser.set_cookie(cookie.key, cookie.value)
    html = browser.get(f"{ROOT}/{nid}/salle").get_data(as_text=True)
    assert 'id="turn-1"' in html and 'id="turn-2"' in html
    response = Actions(browser).post(
        f"{ROOT}/{nid}/coup", {"type": "question", "theme": "delai"}, htmx=True
    )
    assert response.status_code == 200 and 'id="turn-3"' in response.get_data(as_text=True)
    with again.app_context():
        seqs = db.session.scalars(
            sa.select(Event.seq).where(Event.stream_id == nid).order_by(Event.seq)
        ).all()
        db.session.remove()
        db.engine.dispose()  # the "restarted" server's connections, closed before the next test
    assert seqs == [1, 2, 3, 4, 5, 6, 7]


def test_a_bad_move_is_refused_in_french_inline_and_nothing_is_lost(app, student):
    nid = start(student)
    move(student, nid, type="question", theme="besoin")
    response = move(student, nid, type="argument", texte="Mon texte précieux")
    body = response.get_data(as_text=True)
    assert response.status_code == 400 and "<html" not in body
    assert "motivation" in body and "Mon texte précieux" in body and 'id="turn-1"' in body
    assert move(student, nid, type="question", theme="inconnu").status_code == 400
    assert move(student, nid, type="offre", **{"terme-quantite": "beaucoup"}).status_code == 400
    assert len(game(app, nid).events) == 3


def test_a_concurrent_move_at_the_same_seq_is_a_409(app, student, monkeypatch):
    nid = start(student)
    move(student, nid, type="question", theme="besoin")
    real = negotiation_replay.load_events  # what the move's replay reads
    monkeypatch.setattr(
        negotiation_replay, "load_events", lambda n: real(n)[:-2]
    )  # a tab one turn behind
    response = move(student, nid, type="question", theme="budget")
    assert response.status_code == 409
    assert "Un autre onglet a joué en même temps" in response.get_data(as_text=True)
    monkeypatch.setattr(negotiation_replay, "load_events", real)
    assert len(game(app, nid).events) == 3


def test_a_stale_preparation_sheet_is_a_409(app, student):
    nid = start(student)
    response = student.post(f"{ROOT}/{nid}/preparation", {"lock_version": "1", "notes": "x"})
    assert response.status_code == 409 and "modifiée entre-temps" in response.get_data(as_text=True)


def test_the_deadline_ends_the_negotiation(app, student):
    nid = start(student)
    move(student, nid, type="question", theme="besoin")
    with app.app_context():
        n = db.session.get(Negotiation, nid)
        n.deadline = utcnow() - timedelta(seconds=1)
        db.session.commit()
    response = student.client.get(f"{ROOT}/{nid}/salle")
    assert response.status_code == 303 and response.headers["Location"].endswith("/fin")
    assert move(student, nid, type="question", theme="budget").status_code == 409
    with app.app_context():
        n = db.session.get(Negotiation, nid)
        assert n.status == "no_deal" and n.finished_at is not None
    assert "pas d'accord" in student.client.get(f"{ROOT}/{nid}/fin").get_data(as_text=True)


def test_another_student_cannot_see_or_play_this_negotiation(app, student):
    nid = start(student)
    other = Actions(app.test_client())
    other.join("DEMO42", "Hugo Petit")
    for path in ("salle", "preparation", "fin", "debrief"):
        assert other.client.get(f"{ROOT}/{nid}/{path}").status_code == 404
    assert move(other, nid, type="question", theme="besoin").status_code == 404


def test_staff_cannot_post_moves_as_a_student(app, student, trainer):
    nid = start(student)
    assert move(trainer, nid, type="question", theme="besoin").status_code == 403


def test_exam_mode_hides_the_debrief_until_the_trainer_releases_it(app, student, trainer):
    with app.app_context():
        db.session.execute(sa.update(ClassSession).values(mode=SessionMode.EXAM))
        db.session.commit()
    nid = start(student)
    move(student, nid, type="question", theme="besoin")
    move(student, nid, type="rupture")
    held = student.client.get(f"{ROOT}/{nid}/debrief").get_data(as_text=True)
    assert 'id="debrief-held"' in held and 'id="criteria"' not in held
    assert not [v for v in secrets_of(app, nid) if v in held]
    assert student.post(f"/formateur/negociations/{nid}/publier").status_code == 403
    assert trainer.post(f"/formateur/negociations/{nid}/publier").status_code == 303
    shown = student.client.get(f"{ROOT}/{nid}/debrief").get_data(as_text=True)
    assert 'id="criteria"' in shown and "<svg" in shown


def test_the_follow_up_is_saved_and_counts_in_the_debrief(app, student):
    nid = start(student)
    move(student, nid, type="rupture")
    refused = student.post(f"{ROOT}/{nid}/suivi", {"compte_rendu": "", "action-0": "Relancer"})
    assert refused.status_code == 400 and "compte rendu" in refused.get_data(as_text=True)
    saved = student.post(
        f"{ROOT}/{nid}/suivi",
        {
            "compte_rendu": "Pas d'accord, à relancer.",
            "action-0": "Relancer",
            "date-0": "2026-12-05",
        },
    )
    assert saved.status_code == 303
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.display_name == "Léa Dubois"))
        n = ops.latest_of(user)
        assert n.follow_up["actions"][0]["date"] == "2026-12-05"


def _extreme(g: ops.Game, for_buyer: bool) -> dict:
    esp = g.setup.espace
    terms = {}
    for i, e in enumerate(g.setup.enjeux):
        high = (e.sens_acheteur == "hausse") == for_buyer
        terms[e.cle] = e.valeurs[esp.niveaux[i][-1 if high else 0]]
    return terms


def test_the_room_shows_the_standing_offer_totals_margin_and_warnings(app, demo, seeded):
    from simulator.scenarios.negotiation_setup.standing import standing_figures

    seeded(3)
    student = Actions(app.test_client())
    student.join("DEMO42", "Élève chiffres")
    nid = start(student)
    g = game(app, nid)
    with app.app_context():
        snapshot = db.session.get(Negotiation, nid).situation_version.snapshot
    give_away = {k: str(v) for k, v in _extreme(g, for_buyer=True).items()}
    expected = standing_figures(snapshot, g.setup, give_away)
    assert expected is not None and expected["sous_plancher"]
    body = move(student, nid, type="offre", **offer_fields(give_away)).get_data(as_text=True)
    block = body[body.index('id="standing-figures"') :]
    seller = block[: block.index('data-side="buyer"')] if 'data-side="buyer"' in block else block
    assert format_eur(expected["total_ht"]) in seller
    assert format_eur(expected["total_ttc"]) in seller
    assert format_eur(expected["marge"]) in seller
    warning = "cost" if expected["sous_cout"] else "floor"
    assert f'data-warning="{warning}"' in seller
    assert str(g.setup.acheteur.reservation) not in block
    best = {k: str(v) for k, v in _extreme(game(app, nid), for_buyer=False).items()}
    body = move(student, nid, type="offre", **offer_fields(best)).get_data(as_text=True)
    block = body[body.index('id="standing-figures"') :]
    seller = block[: block.index('data-side="buyer"')] if 'data-side="buyer"' in block else block
    assert "data-warning" not in seller
    assert format_eur(standing_figures(snapshot, g.setup, best)["total_ht"]) in seller


def test_without_a_quote_the_room_says_it_starts_from_the_list_price(app, student):
    nid = start(student)
    html = student.client.get(f"{ROOT}/{nid}/salle").get_data(as_text=True)
    assert 'id="opening-offer"' in html and "part du prix catalogue" in html


def test_the_issued_quote_is_the_opening_offer_in_the_room_and_the_debrief(app, student):
    from tests.web.test_quotes import issue

    issue(student, acompte_pct="30", payment_days="30")
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.display_name == "Léa Dubois"))
        from simulator.operations.quotes import issued_quotes

        quote = issued_quotes(user)[0]
        number, total_ht = quote.number, Decimal(quote.totals["devis"]["total_ht"])
    nid = start(student)
    html = student.client.get(f"{ROOT}/{nid}/salle").get_data(as_text=True)
    block = html[html.index('id="opening-offer"') :]
    block = block[: block.index("</div>")]
    assert number in block and format_eur(total_ht) in block, block
    g = game(app, nid)
    acompte = next(e for e in g.setup.enjeux if e.nature == "acompte")
    expected = min(acompte.valeurs, key=lambda v: abs(Decimal(str(v)) - 30))
    composer = html[html.index(f'name="terme-{acompte.cle}"') :]
    composer = composer[: composer.index("</select>")]
    assert re.search(rf'value="{re.escape(str(expected))}"\s+selected', composer)
    move(student, nid, type="rupture")
    debrief = student.client.get(f"{ROOT}/{nid}/debrief").get_data(as_text=True)
    assert 'id="criteria"' in debrief
    assert 'id="arguments-count"' in debrief and "les répétitions ne comptent pas" in debrief
    assert 'id="opening-quote"' in debrief and number in debrief


def test_the_students_own_risk_analysis_and_the_expected_cover_feed_criterion_2(app, student):
    from simulator.operations.negotiation_debrief import risk_covers
    from tests.web.test_risk_page import PAGE, _engine, _right_answers

    student.client.get(PAGE)
    _snapshot, analyse = _engine(app)
    answers = {**_right_answers(analyse), "classe": "3", "acompte": "35"}
    assert student.post(PAGE, answers, htmx=True).status_code == 200
    nid = start(student)
    with app.app_context():
        covers = risk_covers(db.session.get(Negotiation, nid))
    expected, own = covers
    assert expected.source == "couverture attendue"
    assert expected.paiement_max_jours == {1: 60, 2: 45, 3: 30, 4: 0}[analyse.classe.niveau]
    assert own.source == "votre analyse de risque"
    assert own.acompte_pct == Decimal(35) and own.paiement_max_jours == 30


def test_an_out_of_range_offer_is_refused_with_a_422_in_french(app, student):
    nid = start(student)
    setup = game(app, nid).setup
    terms = {e.cle: e.valeurs[0] for e in setup.enjeux}
    for crafted in ({"remise_pct": "-80"}, {"quantite": "10000"}):
        response = move(student, nid, type="offre", **offer_fields({**terms, **crafted}))
        body = response.get_data(as_text=True)
        assert response.status_code == 422, body[:300]
        assert "hors de la plage" in body
    assert len(game(app, nid).events) == 1
