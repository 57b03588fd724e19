"""The flat cascade of a computed quote, one explained row per step, for display."""

from __future__ import annotations

from simulator.engine.money import ZERO, format_eur, format_pourcent
from simulator.engine.quote.models import Etape, ResultatDevis


def etapes_du_devis(r: ResultatDevis) -> tuple[Etape, ...]:
    """List the steps from montant brut HT to net à payer; deductions are negative."""
    etapes = [
        Etape("brut", "Montant brut HT", r.montant_brut_ht, "Σ quantité × prix unitaire HT"),
        Etape(
            "reductions_lignes",
            "Réductions sur les lignes",
            -r.total_reductions_lignes_ht,
            "Rabais, remises et ristournes de chaque ligne, en cascade",
        ),
        Etape(
            "net_lignes", "Total des lignes HT", r.total_net_lignes_ht, "Somme des nets de ligne"
        ),
    ]
    for i, pied in enumerate(r.reductions_pied):
        etapes.append(Etape(f"pied_{i}", pied.libelle, -pied.montant_ht, pied.explication))
    etapes.append(
        Etape(
            "net_commercial",
            "Net commercial HT",
            r.net_commercial_ht,
            "Après toutes les réductions commerciales",
        )
    )
    e = r.escompte
    libelle = f"Escompte {format_pourcent(e.taux)}" + ("" if e.pris else " (proposé, non déduit)")
    etapes.append(Etape("escompte", libelle, -e.montant_ht if e.pris else ZERO, e.explication))
    etapes.append(
        Etape(
            "net_financier",
            "Net financier HT",
            r.net_financier_ht,
            "Net commercial − escompte pris",
        )
    )
    etapes.append(Etape("port", "Port HT", r.port.montant_ht, r.port.explication))
    etapes.append(
        Etape("total_ht", "Total HT (base TVA)", r.total_ht, "Net financier + port facturé")
    )
    for b in r.ventilation_tva:
        etapes.append(
            Etape(
                f"tva_{b.taux_tva}",
                f"TVA {format_pourcent(b.taux_tva)}",
                b.montant_tva,
                f"{format_pourcent(b.taux_tva)} × base {format_eur(b.base_ht)}",
            )
        )
    etapes.append(Etape("total_ttc", "Total TTC", r.total_ttc, "Total HT + TVA"))
    if r.acompte_ttc:
        etapes.append(Etape("acompte", "Acompte versé", -r.acompte_ttc, "Déjà réglé à la commande"))
    etapes.append(
        Etape("net_a_payer", "Net à payer TTC", r.net_a_payer, "Total TTC − acompte versé")
    )
    return tuple(etapes)
