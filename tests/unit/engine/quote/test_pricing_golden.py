"""Golden quotes: every expected amount below was computed by hand (ROUND_HALF_UP per step)."""

from decimal import Decimal as D

import pytest

from simulator.engine.quote.models import Devis, Escompte, LigneDevis, Port, Reduction
from simulator.engine.quote.pricing import calculer_devis
from simulator.engine.quote.reductions import taux_equivalent


def ligne(ref, qte, pu, cout="0", tva="20", *reductions):
    return LigneDevis(ref, f"Article {ref}", D(str(qte)), D(pu), D(cout), D(tva), tuple(reductions))


def remise(taux=None, montant=None):
    return Reduction(
        "remise", None if taux is None else D(taux), None if montant is None else D(montant)
    )


def rabais(taux=None, montant=None):
    return Reduction(
        "rabais", None if taux is None else D(taux), None if montant is None else D(montant)
    )


def ristourne(taux=None, montant=None):
    return Reduction(
        "ristourne", None if taux is None else D(taux), None if montant is None else D(montant)
    )


def devis_d_2026_014(pris: bool) -> Devis:
    return Devis(
        lignes=(
            ligne("PCL", 2, "1450.00", "980.00", "20", remise("10")),
            ligne("DJM", 20, "38.50", "24.00", "20", remise("10"), remise("5")),
            ligne("GAC", 100, "4.20", "2.60", "20"),
        ),
        reductions=(ristourne("2"),),
        escompte=Escompte(D("1"), pris, "paiement sous 8 jours"),
        port=Port(D("95.00"), D("5000.00")),
    )


def tva(resultat):
    return {str(b.taux_tva): (b.base_ht, b.montant_tva) for b in resultat.ventilation_tva}


def test_d_2026_014_with_escompte_taken_gives_4408_12():
    r = calculer_devis(devis_d_2026_014(pris=True))
    assert [x.net_ligne_ht for x in r.lignes] == [D("2610.00"), D("658.35"), D("420.00")]
    assert [e.montant_ht for e in r.lignes[1].reductions] == [D("77.00"), D("34.65")]
    assert r.montant_brut_ht == D("4090.00")
    assert r.total_net_lignes_ht == D("3688.35")
    assert r.reductions_pied[0].montant_ht == D("73.77")
    assert r.net_commercial_ht == D("3614.58")
    assert r.escompte.montant_ht == D("36.15")
    assert r.net_financier_ht == D("3578.43")
    assert r.port.montant_ht == D("95.00") and not r.port.franco
    assert r.total_ht == D("3673.43")
    assert r.total_tva == D("734.69")
    assert r.total_ttc == D("4408.12") == r.net_a_payer


def test_d_2026_014_margin_is_914_58_on_the_net_commercial():
    r = calculer_devis(devis_d_2026_014(pris=True))
    assert r.cout_achat_ht == D("2700.00")
    assert r.marge_brute == D("914.58")
    assert r.taux_de_marge == D("33.87")
    assert r.taux_de_marque == D("25.30")
    assert r.coefficient_multiplicateur == D("1.3387")
    # ristourne 73,77 split prorata of the line nets, the spare cent to the largest remainder
    assert [x.part_reductions_pied_ht for x in r.lignes] == [D("52.20"), D("13.17"), D("8.40")]
    assert [x.marge_brute for x in r.lignes] == [D("597.80"), D("165.18"), D("151.60")]


def test_d_2026_014_with_escompte_only_offered_gives_4451_50():
    r = calculer_devis(devis_d_2026_014(pris=False))
    assert r.escompte.montant_ht == D("36.15") and not r.escompte.pris
    assert r.net_financier_ht == D("3614.58")
    assert tva(r) == {"20": (D("3709.58"), D("741.92"))}
    assert r.total_ttc == D("4451.50")
    assert r.escompte.mention == "Escompte de 1\xa0% pour paiement sous 8 jours"


def test_single_line_without_reduction():
    r = calculer_devis(Devis((ligne("A", 3, "19.99"),)))
    assert (r.total_ht, r.total_tva, r.total_ttc) == (D("59.97"), D("11.99"), D("71.96"))
    assert r.escompte.mention == "Pas d'escompte pour paiement anticipé"
    assert r.taux_de_marge is None and r.taux_de_marque == D("100.00")
    assert r.coefficient_multiplicateur is None


def test_rabais_amount_applies_before_remise_whatever_the_input_order():
    r = calculer_devis(
        Devis((ligne("A", 10, "100.00", "0", "20", remise("10"), rabais(montant="30")),))
    )
    assert [(e.nature, e.montant_ht) for e in r.lignes[0].reductions] == [
        ("rabais", D("30.00")),
        ("remise", D("97.00")),
    ]
    assert r.net_commercial_ht == D("873.00")
    assert (r.total_tva, r.total_ttc) == (D("174.60"), D("1047.60"))


def test_two_remises_cascade_to_14_5_percent_not_15():
    r = calculer_devis(Devis((ligne("A", 1, "1000.00", "0", "20", remise("10"), remise("5")),)))
    assert r.net_commercial_ht == D("855.00")
    assert taux_equivalent(r.lignes[0].reductions) == D("14.5")


def test_ristourne_amount_on_the_total_is_split_and_margins_follow():
    r = calculer_devis(
        Devis(
            (ligne("A", 4, "125.00", "80.00"), ligne("B", 2, "250.00", "150.00")),
            reductions=(ristourne(montant="100.00"),),
        )
    )
    assert r.net_commercial_ht == D("900.00")
    assert [x.part_reductions_pied_ht for x in r.lignes] == [D("50.00"), D("50.00")]
    assert (r.total_tva, r.total_ttc) == (D("180.00"), D("1080.00"))
    assert (r.marge_brute, r.taux_de_marge, r.taux_de_marque) == (
        D("280.00"),
        D("45.16"),
        D("31.11"),
    )
    assert r.coefficient_multiplicateur == D("1.4516")


def test_mixed_vat_total_remise_allocated_prorata_of_net_per_rate():
    r = calculer_devis(
        Devis(
            (ligne("A", 1, "1000.00"), ligne("B", 10, "50.00", "0", "5.5")),
            reductions=(remise("10"),),
        )
    )
    assert r.reductions_pied[0].montant_ht == D("150.00")
    assert tva(r) == {"20": (D("900.00"), D("180.00")), "5.5": (D("450.00"), D("24.75"))}
    assert (r.total_ht, r.total_tva, r.total_ttc) == (D("1350.00"), D("204.75"), D("1554.75"))


def test_mixed_vat_escompte_taken_spare_cent_goes_to_largest_remainder():
    r = calculer_devis(
        Devis(
            (ligne("A", 1, "333.33"), ligne("B", 1, "666.67", "0", "10")),
            escompte=Escompte(D("2"), True),
        )
    )
    assert r.escompte.montant_ht == D("20.00")
    assert tva(r) == {"20": (D("326.66"), D("65.33")), "10": (D("653.34"), D("65.33"))}
    assert (r.total_ht, r.total_tva, r.total_ttc) == (D("980.00"), D("130.66"), D("1110.66"))


def test_franco_reached_exactly_at_the_threshold():
    r = calculer_devis(Devis((ligne("A", 50, "100.00"),), port=Port(D("120.00"), D("5000.00"))))
    assert r.port.franco and r.port.montant_ht == D("0")
    assert (r.total_ht, r.total_tva, r.total_ttc) == (D("5000.00"), D("1000.00"), D("6000.00"))


def test_port_invoiced_one_cent_below_franco_and_bears_vat():
    r = calculer_devis(Devis((ligne("A", 1, "4999.99"),), port=Port(D("120.00"), D("5000.00"))))
    assert not r.port.franco and r.port.montant_ht == D("120.00")
    assert (r.total_ht, r.total_tva, r.total_ttc) == (D("5119.99"), D("1024.00"), D("6143.99"))


def test_franco_is_judged_on_net_commercial_before_escompte():
    r = calculer_devis(
        Devis(
            (ligne("A", 1, "5000.00"),),
            escompte=Escompte(D("2"), True),
            port=Port(D("80.00"), D("5000.00")),
        )
    )
    assert r.port.franco
    assert (r.escompte.montant_ht, r.total_ht) == (D("100.00"), D("4900.00"))
    assert (r.total_tva, r.total_ttc) == (D("980.00"), D("5880.00"))


def test_half_cent_gross_rounds_half_up():
    r = calculer_devis(Devis((ligne("A", 1, "12.345"),)))
    assert r.montant_brut_ht == D("12.35")  # half-even would give 12.34
    assert (r.total_tva, r.total_ttc) == (D("2.47"), D("14.82"))


def test_half_cent_remise_rounds_half_up():
    r = calculer_devis(Devis((ligne("A", 1, "12.50", "0", "10", remise("5")),)))
    assert r.lignes[0].reductions[0].montant_ht == D("0.63")  # 0,625: half-even gives 0,62
    assert r.net_commercial_ht == D("11.87")
    assert (r.total_tva, r.total_ttc) == (D("1.19"), D("13.06"))


def test_half_cent_vat_rounds_half_up():
    r = calculer_devis(Devis((ligne("A", 1, "12.25", "0", "10"),)))
    assert (r.total_tva, r.total_ttc) == (D("1.23"), D("13.48"))  # 1,225: half-even gives 1,22


def test_escompte_offered_not_taken_keeps_vat_on_net_commercial_with_mixed_rates():
    lignes = (ligne("A", 1, "800.00"), ligne("B", 1, "200.00", "0", "5.5"))
    offert = calculer_devis(
        Devis(lignes, escompte=Escompte(D("2"), False, "paiement sous 10 jours"))
    )
    assert offert.escompte.montant_ht == D("20.00")
    assert tva(offert) == {"20": (D("800.00"), D("160.00")), "5.5": (D("200.00"), D("11.00"))}
    assert offert.total_ttc == D("1171.00")
    assert offert.escompte.mention == "Escompte de 2\xa0% pour paiement sous 10 jours"
    pris = calculer_devis(Devis(lignes, escompte=Escompte(D("2"), True)))
    assert tva(pris) == {"20": (D("784.00"), D("156.80")), "5.5": (D("196.00"), D("10.78"))}
    assert (pris.total_ht, pris.total_tva, pris.total_ttc) == (
        D("980.00"),
        D("167.58"),
        D("1147.58"),
    )


def test_rabais_remise_ristourne_on_the_total_in_the_taught_order():
    r = calculer_devis(
        Devis(
            (ligne("A", 10, "200.00"),),
            reductions=(ristourne("1"), remise(montant="100.00"), rabais("5")),
        )
    )
    assert [(e.nature, e.montant_ht, e.net_ht) for e in r.reductions_pied] == [
        ("rabais", D("100.00"), D("1900.00")),
        ("remise", D("100.00"), D("1800.00")),
        ("ristourne", D("18.00"), D("1782.00")),
    ]
    assert (r.total_tva, r.total_ttc) == (D("356.40"), D("2138.40"))


def test_free_line_at_100_percent_has_no_taux_de_marque():
    r = calculer_devis(
        Devis(
            (
                ligne("A", 1, "500.00", "300.00"),
                ligne("B", 2, "45.00", "20.00", "20", remise("100")),
            )
        )
    )
    gratuit = r.lignes[1]
    assert gratuit.net_commercial_ht == D("0.00") and gratuit.marge_brute == D("-40.00")
    assert gratuit.taux_de_marque is None and gratuit.taux_de_marge == D("-100.00")
    assert (r.marge_brute, r.taux_de_marge, r.taux_de_marque) == (
        D("160.00"),
        D("47.06"),
        D("32.00"),
    )
    assert r.total_ttc == D("600.00")


def test_decimal_quantity_at_the_2_1_percent_rate():
    r = calculer_devis(Devis((ligne("A", "2.5", "3.98", "0", "2.1"),)))
    assert (r.total_ht, r.total_tva, r.total_ttc) == (D("9.95"), D("0.21"), D("10.16"))


def test_port_at_20_percent_with_goods_at_5_5_percent():
    r = calculer_devis(Devis((ligne("A", 10, "8.00", "0", "5.5"),), port=Port(D("15.00"))))
    assert tva(r) == {"20": (D("15.00"), D("3.00")), "5.5": (D("80.00"), D("4.40"))}
    assert (r.total_ht, r.total_tva, r.total_ttc) == (D("95.00"), D("7.40"), D("102.40"))


def test_acompte_paid_reduces_the_net_a_payer():
    r = calculer_devis(Devis((ligne("A", 3, "19.99"),), acompte_ttc=D("20.00")))
    assert (r.total_ttc, r.net_a_payer) == (D("71.96"), D("51.96"))
    assert r.etapes[-2].code == "acompte" and r.etapes[-2].montant == D("-20.00")


def test_line_ristourne_amount_then_rabais_percent_on_total():
    r = calculer_devis(
        Devis(
            (ligne("A", 5, "60.00", "0", "20", ristourne(montant="15.00")),),
            reductions=(rabais("10"),),
        )
    )
    assert r.total_net_lignes_ht == D("285.00")
    assert r.net_commercial_ht == D("256.50")
    assert (r.total_tva, r.total_ttc) == (D("51.30"), D("307.80"))


@pytest.mark.parametrize("pris", [True, False])
def test_the_flat_cascade_lists_every_step_in_order(pris):
    codes = [e.code for e in calculer_devis(devis_d_2026_014(pris)).etapes]
    assert codes == [
        "brut",
        "reductions_lignes",
        "net_lignes",
        "pied_0",
        "net_commercial",
        "escompte",
        "net_financier",
        "port",
        "total_ht",
        "tva_20",
        "total_ttc",
        "net_a_payer",
    ]
