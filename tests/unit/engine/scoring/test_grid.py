"""Grid rows by competency, disagreements between jurors, and the reconciliation proposal."""

from simulator.engine.scoring.grid import SITUATION_2, desaccords, lignes, proposition


def test_situation_2_rows_are_those_of_c12_c14_c15():
    rows = lignes(SITUATION_2)
    assert [r.numero for r in rows] == [3, 6, 7, 8, 9, 10]
    assert {r.competence for r in rows} == {"C1.2", "C1.4", "C1.5"}


def test_all_ten_criteria_are_available():
    assert [r.numero for r in lignes()] == list(range(1, 11))


def test_disagreements_are_the_criteria_with_different_levels():
    assert desaccords([{3: 2, 6: 1, 7: 3}, {3: 2, 6: 2, 7: 3}, {3: 2, 6: 1}]) == [6]
    assert desaccords([{3: 1}]) == []


def test_proposal_takes_the_lower_median():
    assert proposition([{3: 1, 6: 3}, {3: 2, 6: 0}]) == {3: 1, 6: 0}
    assert proposition([{3: 0}, {3: 2}, {3: 3}]) == {3: 2}
