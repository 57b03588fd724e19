"""The student's risk-analysis page: corrected line by line, nothing revealed before submitting."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
import sqlalchemy as sa

from simulator.engine.risk.credit import analyser_risque
from simulator.engine.risk.data import ACOMPTE_PAR_CLASSE
from simulator.extensions import db
from simulator.models import Event, User
from simulator.operations import risk_analysis
from simulator.operations.risk_inputs import dossier
from simulator.operations.situations import current_version, situation_of
from simulator.scenarios.situation.visibility import hidden_values
from tests.conftest import Actions

PAGE = "/etudiant/risque"


def _fr(value: Decimal | None, places: str = "0.01") -> str:
    return "NC" if value is None else str(value.quantize(Decimal(places))).replace(".", ",")


def _engine(app, name: str = "Léa Dubois"):
    """The student's snapshot and the engine's analysis of it, read straight from the database."""
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.display_name == name))
        snapshot = current_version(situation_of(user)).snapshot
    return snapshot, analyser_risque(dossier(snapshot))


def _right_answers(analyse) -> dict:
    dernier = analyse.ratios[-1]
    answers = {
        code: _fr(dernier.valeur(code))
        for code in (
            "autonomie_financiere",
            "solvabilite_generale",
            "liquidite_generale",
            "liquidite_reduite",
            "capacite_remboursement",
        )
    }
    answers["dso_jours"] = _fr(dernier.valeur("dso_jours"), "1")
    for code in ("frng", "bfr", "tresorerie_nette"):
        answers[code] = _fr(dernier.valeur(code), "1")
    for code in ("delai_fournisseurs_jours", "rotation_stocks_jours"):
        answers[code] = _fr(dernier.valeur(code), "1")
    answers["conan_holder"] = _fr(analyse.conan_holder.valeur)
    niveau = analyse.classe.niveau
    outils = [
        r.outil
        for r in analyse.recommandations
        if r.outil != "acompte" and not (r.outil == "delai" and niveau == 1)
    ]
    return {
        **answers,
        "classe": str(niveau),
        "acompte": str(ACOMPTE_PAR_CLASSE[niveau]),
        "outils": outils,
        "justification": "Ratios et historique de paiement analysés.",
    }


@pytest.fixture
def engine(app, student):
    student.client.get(PAGE)
    return _engine(app)


def test_the_page_shows_the_client_and_an_empty_form_but_no_answer(app, student, engine):
    snapshot, analyse = engine
    page = student.client.get(PAGE).get_data(as_text=True)
    assert snapshot["client"]["company"]["raison_sociale"] in page
    assert "États financiers" in page and 'name="autonomie_financiere"' in page
    assert "Valeur attendue" not in page and 'id="risk-correction"' not in page
    assert _fr(analyse.conan_holder.valeur) not in page
    assert str(analyse.ratios[-1].valeur("liquidite_generale")).replace(".", ",") not in page
    assert analyse.classe.raisons[0] not in page
    assert "profil" not in page
    for hidden in hidden_values(snapshot):
        assert hidden not in page


def test_answers_computed_by_the_engine_are_all_marked_right(student, engine):
    response = student.post(PAGE, _right_answers(engine[1]), htmx=True)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert body.count('class="line-ok"') == 12 and 'class="line-ko"' not in body
    assert "12 calcul(s) juste(s) sur 12" in body
    assert 'class="cover-manque"' not in body
    assert 'id="risk-attempts"' in body


def test_a_wrong_ratio_is_marked_wrong_with_the_expected_value_and_the_formula(student, engine):
    analyse = engine[1]
    answers = _right_answers(analyse)
    expected = analyse.ratios[-1].valeur("liquidite_generale")
    answers["liquidite_generale"] = _fr(expected + Decimal("0.5"))
    body = student.post(PAGE, answers, htmx=True).get_data(as_text=True)
    wrong = body.split('class="line-ko" data-code="liquidite_generale"')[1].split("</tr>")[0]
    assert "actif circulant / dettes CT" in wrong
    assert str(expected).replace(".", ",") in wrong
    assert "±0,01" in wrong
    assert body.count('class="line-ok"') == 11


def test_the_income_statement_shows_every_line_needed_to_recompute_the_result(student, engine):
    snapshot = engine[0]
    page = student.client.get(PAGE).get_data(as_text=True)
    assert "Impôts et taxes" in page and "Impôt sur les sociétés" in page
    dernier = max(snapshot["client"]["financials"]["exercices"], key=lambda e: e["year_offset"])
    cr = dernier["compte_de_resultat"]
    # VA − impôts et taxes − personnel = EBE ; RE − charges financières − IS = résultat net
    d = {k: Decimal(v) for k, v in cr.items()}
    assert d["valeur_ajoutee"] - d["impots_et_taxes"] - d["charges_de_personnel"] == d["ebe"]
    assert (
        d["resultat_exploitation"] - d["charges_financieres"] - d["impot_sur_les_societes"]
        == d["resultat_net"]
    )


def test_the_functional_balance_sheet_is_graded_like_the_ratios(student, engine):
    analyse = engine[1]
    dernier = analyse.ratios[-1]
    answers = _right_answers(analyse)
    answers["frng"] += " €"
    answers["rotation_stocks_jours"] += " j"
    tn = dernier.valeur("tresorerie_nette")
    answers["tresorerie_nette"] = _fr(tn + 500, "1")
    body = html.unescape(student.post(PAGE, answers, htmx=True).get_data(as_text=True))
    wrong = body.split('class="line-ko" data-code="tresorerie_nette"')[1].split("</tr>")[0]
    assert "disponibilités − concours bancaires courants" in wrong
    assert "±1 €" in wrong
    assert body.count('class="line-ok"') == 11
    assert 'data-code="frng"' in body and 'data-code="delai_fournisseurs_jours"' in body


def test_french_decimals_and_percentages_are_understood(student, engine):
    analyse = engine[1]
    answers = _right_answers(analyse)
    autonomie = analyse.ratios[-1].valeur("autonomie_financiere")
    answers["autonomie_financiere"] = _fr(autonomie * 100) + " %"
    answers["dso_jours"] += " j"
    body = student.post(PAGE, answers, htmx=True).get_data(as_text=True)
    assert body.count('class="line-ok"') == 12


def test_input_errors_are_shown_next_to_the_field_and_the_typing_is_kept(app, student, engine):
    answers = _right_answers(engine[1])
    answers.update(solvabilite_generale="beaucoup", liquidite_reduite="", justification="")
    response = student.post(PAGE, answers, htmx=True)
    body = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "<html" not in body
    assert "« beaucoup » n'est pas un nombre" in body and 'value="beaucoup"' in body
    assert "Champ obligatoire" in body and "Expliquez votre décision" in body
    assert f'value="{answers["conan_holder"]}"' in body
    assert "Valeur attendue" not in body
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 0


def test_a_plain_form_post_gets_the_whole_page(student, engine):
    response = student.post(PAGE, {"solvabilite_generale": "x"})
    assert response.status_code == 422 and "<html" in response.get_data(as_text=True)
    response = student.post(PAGE, _right_answers(engine[1]))
    assert response.status_code == 200 and 'class="line-ok"' in response.get_data(as_text=True)


def test_each_attempt_is_logged_and_listed_and_the_last_correction_stays(app, student, engine):
    answers = _right_answers(engine[1])
    student.post(PAGE, {**answers, "liquidite_generale": "99"}, htmx=True)
    student.post(PAGE, answers, htmx=True)
    with app.app_context():
        events = db.session.scalars(sa.select(Event).order_by(Event.seq)).all()
        assert [(e.stream_type, e.seq, e.kind) for e in events] == [
            ("risk_analysis", 1, "analyse_soumise"),
            ("risk_analysis", 2, "analyse_soumise"),
        ]
        assert events[0].payload["saisie"]["liquidite_generale"] == "99"
        assert events[0].payload["resultat"]["justes"] == 11
    page = student.client.get(PAGE).get_data(as_text=True)
    attempts = page.split('id="risk-attempts"')[1]
    assert "11 / 12" in attempts and "12 / 12" in attempts
    assert 'id="risk-correction"' in page and page.count('class="line-ok"') == 12


def test_a_student_never_sees_another_students_attempts(app, student, engine):
    student.post(PAGE, _right_answers(engine[1]), htmx=True)
    other = Actions(app.test_client())
    other.join("DEMO42", "Hugo Bernard")
    page = other.client.get(PAGE).get_data(as_text=True)
    assert 'id="risk-attempts"' not in page and 'id="risk-correction"' not in page


def test_a_concurrent_submission_asks_to_retry_and_keeps_the_input(
    app, student, engine, monkeypatch
):
    answers = _right_answers(engine[1])
    student.post(PAGE, answers, htmx=True)
    from simulator.operations import events

    monkeypatch.setattr(events, "next_seq", lambda stream_type, stream_id: 1)
    body = student.post(PAGE, {**answers, "conan_holder": "3,14"}, htmx=True).get_data(as_text=True)
    assert "réessayez" in body and 'value="3,14"' in body
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 1


@pytest.mark.parametrize("who", ["trainer", "jury"])
def test_staff_cannot_post_as_a_student(request, who):
    actions = request.getfixturevalue(who)
    assert actions.post(PAGE, {"conan_holder": "12"}, htmx=True).status_code == 403
    assert actions.client.get(PAGE).status_code == 403


def test_a_post_without_csrf_token_is_refused(student):
    response = student.client.post(PAGE, data={"conan_holder": "12"})
    assert response.status_code == 400


def _dupont(incidents: list[dict]) -> dict:
    """The reference's « Dupont Maintenance » client (§3.2) as a one-year snapshot."""
    bilan = {
        "actif_immobilise": "450000",
        "stocks": "200000",
        "creances_clients": "360000",
        "disponibilites": "90000",
        "capitaux_propres": "400000",
        "dettes_financieres": "350000",
        "dettes_fournisseurs": "250000",
        "autres_dettes": "100000",
    }
    resultat = {
        "chiffre_affaires_ht": "2000000",
        "valeur_ajoutee": "760000",
        "ebe": "180000",
        "resultat_exploitation": "100000",
        "resultat_net": "60000",
        "caf": "110000",
        "charges_financieres": "18000",
        "charges_de_personnel": "520000",
    }
    return {
        "client": {
            "financials": {
                "exercices": [
                    {
                        "exercice": "N",
                        "year_offset": 0,
                        "bilan": bilan,
                        "compte_de_resultat": resultat,
                    }
                ]
            },
            "payment_history": {"incidents": incidents},
        }
    }


def _verdicts(app, incidents: list[dict], form: dict) -> dict[str, str]:
    with app.test_request_context():
        analyse = risk_analysis.analyser(_dupont(incidents))
        saisie = risk_analysis.lire_saisie({"justification": "x", **form})
        return {o.outil: o.verdict for o in risk_analysis.corriger(analyse, saisie).outils}


def test_a_sound_client_needs_no_shorter_terms_and_no_refusal(app):
    verdicts = _verdicts(app, [], {"outils": ["assurance_credit", "refus"]})
    assert verdicts == {"delai": "ok", "assurance_credit": "ok", "refus": "superflu"}


def test_an_unpaid_bill_calls_for_a_30_percent_acompte_and_a_guarantee(app):
    unpaid = [{"kind": "LCR impayée", "days_late": 0, "amount_ttc": "1500.00"}]
    weak = _verdicts(app, unpaid, {"acompte": "20", "outils": ["lcr"]})
    assert weak["acompte"] == "manque" and weak["caution"] == "manque"
    assert weak["lcr"] == "insuffisant"
    full = _verdicts(
        app, unpaid, {"acompte": "30 %", "outils": ["delai", "caution", "reserve_de_propriete"]}
    )
    assert set(full.values()) == {"ok"}
