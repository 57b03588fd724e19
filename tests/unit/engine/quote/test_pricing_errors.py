"""Bad quote input: each case gets a QuoteError naming the field, in French; nothing crashes."""

from decimal import Decimal as D

import pytest

from simulator.engine.errors import QuoteError
from simulator.engine.quote.models import Devis, Escompte, LigneDevis, Port, Reduction
from simulator.engine.quote.pricing import calculer_devis


def devis_avec(quantite=D("1"), prix=D("100.00"), tva=D("20"), reductions=(), **kwargs):
    return Devis((LigneDevis("A", "Article", quantite, prix, D("0"), tva, reductions),), **kwargs)


CAS = [
    ("quantité nulle", devis_avec(quantite=D("0")), "lignes[0].quantite", "strictement positive"),
    ("quantité négative", devis_avec(quantite=-3), "lignes[0].quantite", "strictement positive"),
    ("quantité flottante", devis_avec(quantite=2.5), "lignes[0].quantite", "flottante"),
    ("prix flottant", devis_avec(prix=19.99), "lignes[0].prix_unitaire_ht", "flottante"),
    ("prix négatif", devis_avec(prix=D("-1")), "lignes[0].prix_unitaire_ht", "négative"),
    ("prix non numérique", devis_avec(prix="abc"), "lignes[0].prix_unitaire_ht", "pas un nombre"),
    ("TVA inconnue", devis_avec(tva=D("19.6")), "lignes[0].taux_tva", "taux de TVA inconnu"),
    (
        "remise > 100 %",
        devis_avec(reductions=(Reduction("remise", D("101")),)),
        "lignes[0].reductions[0].taux",
        "dépasser 100",
    ),
    (
        "remise négative",
        devis_avec(reductions=(Reduction("remise", D("-5")),)),
        "lignes[0].reductions[0].taux",
        "négatif",
    ),
    (
        "rabais > base",
        devis_avec(reductions=(Reduction("rabais", montant=D("100.01")),)),
        "lignes[0].reductions[0].montant",
        "dépasse la base",
    ),
    (
        "nature inconnue",
        devis_avec(reductions=(Reduction("ristourne_speciale", D("5")),)),
        "lignes[0].reductions[0].nature",
        "nature inconnue",
    ),
    (
        "taux et montant",
        devis_avec(reductions=(Reduction("remise", D("5"), D("5.00")),)),
        "lignes[0].reductions[0]",
        "soit un taux, soit un montant",
    ),
    (
        "montant sous le centime",
        devis_avec(reductions=(Reduction("remise", montant=D("1.005")),)),
        "lignes[0].reductions[0].montant",
        "centime",
    ),
    (
        "ristourne pied > base",
        Devis(
            (LigneDevis("A", "x", D("1"), D("10.00")),), (Reduction("ristourne", montant=D("11")),)
        ),
        "reductions[0].montant",
        "dépasse la base",
    ),
    ("aucune ligne", Devis(()), "lignes", "au moins une ligne"),
    ("escompte > 100 %", devis_avec(escompte=Escompte(D("150"), True)), "escompte.taux", "100"),
    (
        "escompte pris non booléen",
        devis_avec(escompte=Escompte(D("1"), "oui")),
        "escompte.pris",
        "vrai ou faux",
    ),
    ("port négatif", devis_avec(port=Port(D("-5.00"))), "port.montant_ht", "négatif"),
    (
        "TVA du port inconnue",
        devis_avec(port=Port(D("5.00"), None, D("7"))),
        "port.taux_tva",
        "inconnu",
    ),
    ("acompte > TTC", devis_avec(acompte_ttc=D("500.00")), "acompte_ttc", "dépasse le total TTC"),
    ("quantité absurde", devis_avec(quantite=D("1e15")), "lignes[0].quantite", "hors limites"),
    (
        "trop de décimales",
        devis_avec(prix=D("1.0000001")),
        "lignes[0].prix_unitaire_ht",
        "décimales",
    ),
    ("référence vide", Devis((LigneDevis("", "x", D("1"), D("1")),)), "lignes[0].ref", "manquant"),
]


@pytest.mark.parametrize("nom, devis, champ, extrait", CAS, ids=[c[0] for c in CAS])
def test_bad_quote_input_gives_a_french_error_naming_the_field(nom, devis, champ, extrait):
    with pytest.raises(QuoteError) as erreur:
        calculer_devis(devis)
    assert erreur.value.champ == champ
    assert extrait in erreur.value.message
    assert str(erreur.value).startswith(champ + " : ")


def test_a_second_line_error_names_the_second_line():
    devis = Devis(
        (
            LigneDevis("A", "x", D("1"), D("1")),
            LigneDevis("B", "y", D("1"), D("1"), taux_tva=D("8")),
        )
    )
    with pytest.raises(QuoteError, match=r"^lignes\[1\]\.taux_tva"):
        calculer_devis(devis)
