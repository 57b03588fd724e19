"""Compute a quote (devis): cascade of reductions, escompte, port, VAT per rate, margins.

Rounding (reference §1.4, ROUND_HALF_UP to the cent at each step):
1. line gross = cents(quantité × PU HT); 2. each percentage reduction = cents(base × taux);
3. total-level reductions and the escompte are computed once on the total, then split across
VAT rates (and lines) prorata of the net, largest-remainder method, so the parts sum exactly;
4. VAT = cents(base of the rate × taux), once per rate; 5. TTC = total HT + total TVA.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from simulator.engine.errors import QuoteError
from simulator.engine.money import ZERO, cents, format_eur, format_pourcent, percent_of
from simulator.engine.quote.allocation import repartir_prorata
from simulator.engine.quote.margins import (
    coefficient_multiplicateur,
    pourcentage,
    taux_de_marge,
    taux_de_marque,
)
from simulator.engine.quote.models import (
    BaseTVA,
    Devis,
    EscompteCalcule,
    EtapeReduction,
    LigneCalculee,
    LigneDevis,
    PortCalcule,
    ResultatDevis,
)
from simulator.engine.quote.reductions import appliquer_cascade
from simulator.engine.quote.steps import etapes_du_devis
from simulator.engine.quote.validation import valider_devis


def calculer_devis(devis: Devis) -> ResultatDevis:
    """Compute every step of a quote from montant brut HT to net à payer."""
    devis = valider_devis(devis)
    bruts = [cents(ligne.quantite * ligne.prix_unitaire_ht) for ligne in devis.lignes]
    cascades = [
        appliquer_cascade(brut, ligne.reductions, f"lignes[{i}].reductions")
        for i, (ligne, brut) in enumerate(zip(devis.lignes, bruts, strict=True))
    ]
    nets = [net for _, net in cascades]
    total_net_lignes = sum(nets, ZERO)
    pied, net_commercial = appliquer_cascade(total_net_lignes, devis.reductions, "reductions")
    parts_pied = repartir_par_taux(total_net_lignes - net_commercial, devis.lignes, nets)
    nets_commerciaux = [net - part for net, part in zip(nets, parts_pied, strict=True)]
    escompte = calculer_escompte(devis, net_commercial)
    parts_escompte = repartir_par_taux(escompte.montant_ht, devis.lignes, nets_commerciaux)
    port = calculer_port(devis, net_commercial)
    ventilation = ventiler_tva(devis.lignes, nets_commerciaux, parts_escompte, escompte, port)
    lignes = tuple(
        ligne_calculee(ligne, brut, cascade[0], net, part, nc, pe)
        for ligne, brut, cascade, net, part, nc, pe in zip(
            devis.lignes,
            bruts,
            cascades,
            nets,
            parts_pied,
            nets_commerciaux,
            parts_escompte,
            strict=True,
        )
    )
    return assembler(devis, lignes, pied, net_commercial, escompte, port, ventilation)


def assembler(
    devis: Devis,
    lignes: tuple[LigneCalculee, ...],
    pied: tuple[EtapeReduction, ...],
    net_commercial: Decimal,
    escompte: EscompteCalcule,
    port: PortCalcule,
    ventilation: tuple[BaseTVA, ...],
) -> ResultatDevis:
    """Build the result and its totals from the computed parts."""
    total_ht = sum((b.base_ht for b in ventilation), ZERO)
    total_tva = sum((b.montant_tva for b in ventilation), ZERO)
    cout = sum((ligne.cout_achat_ht for ligne in lignes), ZERO)
    marge = net_commercial - cout
    brut = sum((ligne.montant_brut_ht for ligne in lignes), ZERO)
    net_lignes = sum((ligne.net_ligne_ht for ligne in lignes), ZERO)
    net_financier = net_commercial - (escompte.montant_ht if escompte.pris else ZERO)
    resultat = ResultatDevis(
        lignes=lignes,
        montant_brut_ht=brut,
        total_reductions_lignes_ht=brut - net_lignes,
        total_net_lignes_ht=net_lignes,
        reductions_pied=pied,
        net_commercial_ht=net_commercial,
        escompte=escompte,
        net_financier_ht=net_financier,
        port=port,
        total_ht=total_ht,
        ventilation_tva=ventilation,
        total_tva=total_tva,
        total_ttc=total_ht + total_tva,
        acompte_ttc=devis.acompte_ttc,
        net_a_payer=total_ht + total_tva - devis.acompte_ttc,
        cout_achat_ht=cout,
        marge_brute=marge,
        taux_de_marge=_pct(taux_de_marge(marge, cout)),
        taux_de_marque=_pct(taux_de_marque(marge, net_commercial)),
        coefficient_multiplicateur=coefficient_multiplicateur(net_commercial, cout),
        etapes=(),
    )
    if resultat.net_a_payer < 0:
        raise QuoteError(
            "acompte_ttc",
            f"l'acompte de {format_eur(devis.acompte_ttc)} dépasse "
            f"le total TTC de {format_eur(resultat.total_ttc)}",
        )
    return replace(resultat, etapes=etapes_du_devis(resultat))


def _pct(ratio: Decimal | None) -> Decimal | None:
    return None if ratio is None else pourcentage(ratio)


def repartir_par_taux(
    montant: Decimal, lignes: tuple[LigneDevis, ...], poids: list[Decimal]
) -> list[Decimal]:
    """Split montant over VAT rates prorata of poids, then over the lines of each rate."""
    # Rates in descending order: the split of the totals does not depend on the line order
    # (only the per-line cents may, for exact ties).
    par_taux: dict[Decimal, Decimal] = {}
    for ligne, p in zip(lignes, poids, strict=True):
        par_taux[ligne.taux_tva] = par_taux.get(ligne.taux_tva, ZERO) + p
    parts_taux = repartir_prorata(montant, dict(sorted(par_taux.items(), reverse=True)))
    parts = [ZERO] * len(lignes)
    for taux, part in parts_taux.items():
        indices = [i for i, ligne in enumerate(lignes) if ligne.taux_tva == taux]
        for i, valeur in repartir_prorata(part, {i: poids[i] for i in indices}).items():
            parts[i] = valeur
    return parts


def calculer_escompte(devis: Devis, net_commercial: Decimal) -> EscompteCalcule:
    """Compute the escompte on the net commercial (never on port)."""
    if devis.escompte is None or devis.escompte.taux == 0:
        return EscompteCalcule(
            ZERO,
            net_commercial,
            ZERO,
            False,
            "Pas d'escompte pour paiement anticipé",
            "Aucun escompte proposé.",
        )
    taux, pris = devis.escompte.taux, devis.escompte.pris
    montant = percent_of(net_commercial, taux)
    mention = f"Escompte de {format_pourcent(taux)} pour {devis.escompte.condition}"
    if pris:
        explication = (
            f"Escompte pris : {format_pourcent(taux)} × {format_eur(net_commercial)} = "
            f"{format_eur(montant)}, déduit de la base de TVA."
        )
    else:
        explication = (
            f"Escompte proposé mais non pris : {format_eur(montant)} non déduit ; "
            "la TVA reste calculée sur le net commercial (avoir si paiement anticipé)."
        )
    return EscompteCalcule(taux, net_commercial, montant, pris, mention, explication)


def calculer_port(devis: Devis, net_commercial: Decimal) -> PortCalcule:
    """Invoice the carriage unless the net commercial reaches the franco threshold (>=)."""
    port = devis.port
    if port is None or port.montant_ht == 0:
        return PortCalcule(ZERO, False, None, Decimal("20"), "Aucun frais de port facturé.")
    seuil = port.franco_seuil_ht
    if seuil is not None and net_commercial >= seuil:
        return PortCalcule(
            ZERO,
            True,
            seuil,
            port.taux_tva,
            f"Franco de port : net commercial {format_eur(net_commercial)} "
            f"≥ seuil {format_eur(seuil)}.",
        )
    raison = (
        "aucun seuil de franco"
        if seuil is None
        else f"net commercial {format_eur(net_commercial)} < seuil {format_eur(seuil)}"
    )
    return PortCalcule(
        port.montant_ht,
        False,
        seuil,
        port.taux_tva,
        f"Port facturé {format_eur(port.montant_ht)} HT ({raison}), soumis à TVA.",
    )


def ventiler_tva(
    lignes: tuple[LigneDevis, ...],
    nets_commerciaux: list[Decimal],
    parts_escompte: list[Decimal],
    escompte: EscompteCalcule,
    port: PortCalcule,
) -> tuple[BaseTVA, ...]:
    """Build the VAT base and amount of each rate, rates in descending order."""
    net: dict[Decimal, Decimal] = {}
    esc: dict[Decimal, Decimal] = {}
    for ligne, nc, pe in zip(lignes, nets_commerciaux, parts_escompte, strict=True):
        net[ligne.taux_tva] = net.get(ligne.taux_tva, ZERO) + nc
        esc[ligne.taux_tva] = esc.get(ligne.taux_tva, ZERO) + (pe if escompte.pris else ZERO)
    if port.montant_ht > 0:
        net.setdefault(port.taux_tva, ZERO)
        esc.setdefault(port.taux_tva, ZERO)
    bases = []
    for taux in sorted(net, reverse=True):
        port_ht = port.montant_ht if taux == port.taux_tva else ZERO
        base = net[taux] - esc[taux] + port_ht
        bases.append(BaseTVA(taux, net[taux], esc[taux], port_ht, base, percent_of(base, taux)))
    return tuple(bases)


def ligne_calculee(
    ligne: LigneDevis,
    brut: Decimal,
    etapes: tuple[EtapeReduction, ...],
    net: Decimal,
    part_pied: Decimal,
    net_commercial: Decimal,
    part_escompte: Decimal,
) -> LigneCalculee:
    """Assemble one computed line with its margin on its net commercial."""
    cout = cents(ligne.quantite * ligne.cout_achat_unitaire_ht)
    marge = net_commercial - cout
    return LigneCalculee(
        ref=ligne.ref,
        designation=ligne.designation,
        quantite=ligne.quantite,
        prix_unitaire_ht=ligne.prix_unitaire_ht,
        taux_tva=ligne.taux_tva,
        montant_brut_ht=brut,
        reductions=etapes,
        net_ligne_ht=net,
        part_reductions_pied_ht=part_pied,
        net_commercial_ht=net_commercial,
        part_escompte_ht=part_escompte,
        cout_achat_ht=cout,
        marge_brute=marge,
        taux_de_marge=_pct(taux_de_marge(marge, cout)),
        taux_de_marque=_pct(taux_de_marque(marge, net_commercial)),
        coefficient_multiplicateur=coefficient_multiplicateur(net_commercial, cout),
    )
