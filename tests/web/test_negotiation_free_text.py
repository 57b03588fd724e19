"""Free French in the room: « J'ai compris : … », Jouer, Corriger, and the clarification question."""

from __future__ import annotations

import html as htmllib

from tests.web.test_negotiation_room import ROOT, game, start


def understood(student, nid: int, phrase: str) -> str:
    response = student.post(f"{ROOT}/{nid}/comprendre", {"phrase": phrase}, htmx=True)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return htmllib.unescape(response.get_data(as_text=True))


def test_a_typed_question_is_understood_then_played_with_the_students_words(app, student):
    nid = start(student)
    phrase = "Quel est votre budget pour ce projet ?"
    body = understood(student, nid, phrase)
    assert "J'ai compris :" in body and 'id="play-understood"' in body
    assert "budget" in body.lower()
    response = student.post(f"{ROOT}/{nid}/coup-libre", {"phrase": phrase}, htmx=True)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    tour = game(app, nid).transcript.tours[-1]
    assert tour["coup"]["type"] == "question" and tour["coup"]["theme"] == "budget"
    assert tour["coup"]["texte"] == phrase, "the transcript keeps the student's own words"
    assert phrase in htmllib.unescape(response.get_data(as_text=True))


def test_an_ambiguous_figure_gets_the_buyers_question_and_nothing_is_played(app, student):
    nid = start(student)
    body = understood(student, nid, "je peux faire un effort d'environ 10")
    assert 'id="clarification"' in body and 'id="play-understood"' not in body
    response = student.post(
        f"{ROOT}/{nid}/coup-libre", {"phrase": "je peux faire un effort d'environ 10"}, htmx=True
    )
    assert response.status_code == 400
    assert game(app, nid).transcript.tours == []


def test_correct_opens_the_composer_prefilled(app, student):
    nid = start(student)
    response = student.post(
        f"{ROOT}/{nid}/corriger", {"phrase": "Quels sont vos délais de livraison ?"}, htmx=True
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<option value="question" selected>' in body
    assert '<option value="delai" selected>' in body
    assert "Quels sont vos délais de livraison ?" in htmllib.unescape(body)


def test_an_empty_sentence_is_refused_in_french(app, student):
    nid = start(student)
    response = student.post(f"{ROOT}/{nid}/comprendre", {"phrase": "   "}, htmx=True)
    assert response.status_code == 400 and "Écrivez" in response.get_data(as_text=True)
