"""Consistency warnings of a quote against itself and the client's risk analysis."""

from decimal import Decimal as D

from simulator.operations.quote_analysis import QuoteAnalysis, coherence
from simulator.operations.quote_credit import CreditFlag
from simulator.operations.quote_forms import ParsedQuote


def _analysis(niveau: int, delai_max: int, acompte: str, **parsed) -> QuoteAnalysis:
    a = QuoteAnalysis(inputs={}, errors={}, show_costs=False, parsed=ParsedQuote(**parsed))
    a.credit = CreditFlag(
        False, D("1000"), D("5000"), "", niveau, "élevé", ("raison",), D(acompte), delai_max
    )
    return a


def test_class_3_terms_longer_than_30_days_and_no_acompte_are_flagged():
    a = _analysis(3, 30, "30", payment_days=45, end_of_month=True, acompte_pct=D(0))
    coherence(a)
    assert any(
        "45 jours fin de mois" in w and "30 jours au plus" in w and "classe 3" in w
        for w in a.warnings
    )
    assert any("Acompte de 0\xa0%" in w and "au moins 30\xa0%" in w for w in a.warnings)


def test_terms_and_acompte_within_the_recommendation_give_no_warning():
    a = _analysis(3, 30, "30", payment_days=30, acompte_pct=D(30))
    coherence(a)
    assert a.warnings == []


def test_45_days_end_of_month_count_as_60_days_for_a_sound_client():
    ok = _analysis(1, 60, "0", payment_days=45, end_of_month=True)
    coherence(ok)
    assert ok.warnings == []
    long = _analysis(1, 60, "0", payment_days=60, end_of_month=True)
    coherence(long)
    assert len(long.warnings) == 1 and "60 jours au plus" in long.warnings[0]


def test_class_4_asks_for_cash():
    a = _analysis(4, 0, "100", payment_days=30, acompte_pct=D(0))
    coherence(a)
    assert any("paiement comptant" in w for w in a.warnings)


def test_an_escompte_deducted_with_deferred_payment_is_flagged():
    a = _analysis(1, 60, "0", payment_days=45, escompte_pct=D(2), escompte_taken=True)
    coherence(a)
    assert len(a.warnings) == 1
    assert "Escompte de 2\xa0% déduit" in a.warnings[0] and "45 jours" in a.warnings[0]
    quick = _analysis(1, 60, "0", payment_days=8, escompte_pct=D(2), escompte_taken=True)
    coherence(quick)
    assert quick.warnings == []
    offered = _analysis(1, 60, "0", payment_days=45, escompte_pct=D(2), escompte_taken=False)
    coherence(offered)
    assert offered.warnings == []
