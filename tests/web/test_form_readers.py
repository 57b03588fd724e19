"""The prospection and risk form readers (pydantic models read by `read_form`): values kept as
typed, unknown choices dropped, the stored answers re-read the same way."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

from simulator.web.jury.forms import hand_over_form, live_event_form, live_settings_form
from simulator.operations.risk_inputs import JUSTIFICATION_MAX, lire_saisie
from simulator.web.student.prospection_forms import (
    lire_activite,
    lire_criteres_form,
    lire_filtres,
    lire_plan_form,
)
from simulator.web.student.risk_form import risk_answers


def test_filters_keep_known_values_and_ignore_the_rest() -> None:
    filtres, signales = lire_filtres(
        MultiDict(
            {"q": " x" * 60, "departement": "69", "tranche": "inconnue", "distance_max": " 30 "}
        )
    )
    assert filtres.texte == (" x" * 60)[:80]
    assert filtres.departements == frozenset({"69"})
    assert filtres.tranches == frozenset() and filtres.naf == frozenset()
    assert filtres.distance_max_km == 30
    assert signales is False
    assert (
        lire_filtres(MultiDict({"distance_max": "999999", "signales": "1"}))[0].distance_max_km
        is None
    )
    assert lire_filtres(MultiDict({"signales": "1"}))[1] is True


def test_grid_plan_and_activity_are_kept_as_typed() -> None:
    grid = lire_criteres_form(
        MultiDict([("naf_cibles", "4690Z"), ("naf_cibles", "4669B"), ("rayon_km", " 50 ")])
    )
    assert grid["naf_cibles"] == ["4690Z", "4669B"]
    assert grid["rayon_km"] == " 50 "  # the use case validates it
    assert set(grid["poids"].values()) == {"0"}

    plan = lire_plan_form(
        MultiDict(
            [
                ("segments_phoning", "A"),
                ("segments_phoning", "D"),
                ("segments_phoning", ""),
                ("max_phoning", "20"),
                ("ids_emailing", " 3, 4 "),
                ("max_salon", "5"),  # a cap without segments nor ids: no channel
                ("budget", "300"),
            ]
        )
    )
    assert plan["canaux"] == {
        "phoning": {"segments": ["A"], "max": "20", "ids": ""},
        "emailing": {"segments": [], "max": "", "ids": "3, 4"},
    }
    assert plan["budget"] == "300"
    assert plan["objectifs"] == {"contacts": "", "rdv": "", "opportunites": ""}

    activity = lire_activite(MultiDict({"kind": " appel ", "notes": " ok "}))
    assert activity == {
        "kind": "appel",
        "done_on": "",
        "notes": "ok",
        "next_action": "",
        "next_action_on": "",
    }


def test_risk_answers_from_the_form_and_from_storage_read_alike() -> None:
    form = MultiDict(
        [
            ("autonomie_financiere", "45 %"),
            ("dso_jours", "54,8 j"),
            ("classe", "2"),
            ("acompte", "30"),
            ("justification", "y" * (JUSTIFICATION_MAX + 10)),
            ("outils", "lcr"),
            ("outils", "inventé"),
            ("outils", "caution"),
        ]
    )
    answers = risk_answers(form)
    assert answers["outils"] == ["lcr", "caution"]
    assert len(answers["justification"]) == JUSTIFICATION_MAX
    assert answers["liquidite_generale"] == ""
    saisie = lire_saisie(answers)
    assert str(saisie.valeurs["autonomie_financiere"]) == "0.45"
    assert saisie.classe == 2 and saisie.outils == frozenset({"lcr", "caution"})
    assert saisie.erreurs["liquidite_generale"].code == "vide"
    again = lire_saisie(saisie.brut)  # the stored answers give the same reading
    assert (again.brut, again.valeurs, again.classe, again.acompte, again.outils) == (
        saisie.brut,
        saisie.valeurs,
        saisie.classe,
        saisie.acompte,
        saisie.outils,
    )
    assert {k: e.code for k, e in again.erreurs.items()} == {
        k: e.code for k, e in saisie.erreurs.items()
    }


def test_hand_over_and_live_forms_read_as_the_views_did(app) -> None:
    data = MultiDict([("annexes", "a"), ("annexes", "b"), ("highlight", "1"), ("message", " m ")])
    with app.test_request_context("/", method="POST", data=data):
        form = hand_over_form()
    assert (form.version, form.preparation_minutes) == (-1, 0)  # blank: the defaults
    assert form.highlight is True and form.annexes == ["a", "b"] and form.message == " m "
    with app.test_request_context(
        "/", method="POST", data={"version": "2", "preparation_minutes": " 15 "}
    ):
        form = hand_over_form()
    assert (form.version, form.preparation_minutes, form.highlight) == (2, 15, False)
    for forged in ({"version": "deux"}, {"preparation_minutes": "9" * 12}, {"version": "-2"}):
        with app.test_request_context("/", method="POST", data=forged):
            with pytest.raises(BadRequest):
                hand_over_form()

    data = MultiDict([("mode", "ai"), ("garanties", "o1"), ("garanties", "o2")])
    with app.test_request_context("/", method="POST", data=data):
        assert live_settings_form().model_dump() == {"mode": "ai", "garanties": ["o1", "o2"]}
    data = MultiDict({"evenement": "budget_reduit", "cle": "client.budget_ht", "valeur": " 3000 "})
    with app.test_request_context("/", method="POST", data=data):
        event = live_event_form()
    assert event.evenement == "budget_reduit" and event.annonce == ""
    assert event.free() == {"client.budget_ht": "3000"}
