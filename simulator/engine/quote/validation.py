"""Validate and normalise a Devis before computation: every number becomes an exact Decimal."""

from __future__ import annotations

from dataclasses import replace as _replace
from decimal import Decimal
from typing import Any, TypeVar

from simulator.engine.errors import QuoteError
from simulator.engine.quote.models import (
    NATURES_REDUCTION,
    Devis,
    Escompte,
    LigneDevis,
    Port,
    Reduction,
)
from simulator.engine.quote.vat import TAUX_TVA
from simulator.engine.validation import (
    decimal_exact,
    montant_au_centime,
    positif_ou_nul,
    pourcentage_valide,
    texte,
)

T = TypeVar("T")


def replace(objet: T, **valeurs: Any) -> T:
    """Like dataclasses.replace, but return objet itself when every value is already in place."""
    if all(getattr(objet, nom) is valeur for nom, valeur in valeurs.items()):
        return objet
    return _replace(objet, **valeurs)  # type: ignore[type-var]


def valider_devis(devis: Devis) -> Devis:
    """Return a copy of devis with exact Decimals, or raise QuoteError naming the field."""
    if not isinstance(devis, Devis):
        raise QuoteError("devis", "objet Devis attendu")
    if not devis.lignes:
        raise QuoteError("lignes", "le devis doit comporter au moins une ligne")
    lignes = tuple(valider_ligne(ligne, f"lignes[{i}]") for i, ligne in enumerate(devis.lignes))
    return replace(
        devis,
        lignes=lignes,
        reductions=valider_reductions(devis.reductions, "reductions"),
        escompte=None if devis.escompte is None else valider_escompte(devis.escompte),
        port=None if devis.port is None else valider_port(devis.port),
        acompte_ttc=montant_au_centime(devis.acompte_ttc, "acompte_ttc", QuoteError),
    )


def valider_ligne(ligne: LigneDevis, chemin: str) -> LigneDevis:
    """Check one line: positive quantity, prices >= 0, known VAT rate, valid reductions."""
    quantite = decimal_exact(ligne.quantite, f"{chemin}.quantite", QuoteError)
    if quantite <= 0:
        raise QuoteError(
            f"{chemin}.quantite", f"la quantité doit être strictement positive (reçu : {quantite})"
        )
    return replace(
        ligne,
        ref=texte(ligne.ref, f"{chemin}.ref", QuoteError),
        designation=texte(ligne.designation, f"{chemin}.designation", QuoteError),
        quantite=quantite,
        prix_unitaire_ht=positif_ou_nul(
            ligne.prix_unitaire_ht, f"{chemin}.prix_unitaire_ht", QuoteError
        ),
        cout_achat_unitaire_ht=positif_ou_nul(
            ligne.cout_achat_unitaire_ht, f"{chemin}.cout_achat_unitaire_ht", QuoteError
        ),
        taux_tva=valider_taux_tva(ligne.taux_tva, f"{chemin}.taux_tva"),
        reductions=valider_reductions(ligne.reductions, f"{chemin}.reductions"),
    )


def valider_taux_tva(valeur: object, champ: str) -> Decimal:
    """Check that a VAT rate is one of the French rates."""
    taux = decimal_exact(valeur, champ, QuoteError)
    if taux not in TAUX_TVA:
        connus = ", ".join(f"{t} %" for t in TAUX_TVA)
        raise QuoteError(champ, f"taux de TVA inconnu : {taux} % (taux admis : {connus})")
    return taux


def valider_reductions(reductions: tuple[Reduction, ...], chemin: str) -> tuple[Reduction, ...]:
    """Check each reduction: known nature, exactly one of taux and montant."""
    return tuple(valider_reduction(r, f"{chemin}[{i}]") for i, r in enumerate(reductions))


def valider_reduction(reduction: Reduction, chemin: str) -> Reduction:
    """Check one reduction; the amount-vs-base check happens during the cascade."""
    if reduction.nature not in NATURES_REDUCTION:
        raise QuoteError(
            f"{chemin}.nature",
            f"nature inconnue « {reduction.nature} » (attendu : rabais, remise ou ristourne)",
        )
    if (reduction.taux is None) == (reduction.montant is None):
        raise QuoteError(
            chemin, f"indiquer soit un taux, soit un montant pour ce {reduction.nature}"
        )
    if reduction.taux is not None:
        return replace(
            reduction, taux=pourcentage_valide(reduction.taux, f"{chemin}.taux", QuoteError)
        )
    montant = montant_au_centime(reduction.montant, f"{chemin}.montant", QuoteError)
    return replace(reduction, montant=montant)


def valider_escompte(escompte: Escompte) -> Escompte:
    """Check the escompte rate (0 to 100 %) and its flag."""
    if not isinstance(escompte.pris, bool):
        raise QuoteError("escompte.pris", "vrai ou faux attendu")
    taux = pourcentage_valide(escompte.taux, "escompte.taux", QuoteError)
    return replace(
        escompte,
        taux=taux,
        condition=texte(escompte.condition, "escompte.condition", QuoteError, requis=False),
    )


def valider_port(port: Port) -> Port:
    """Check carriage amount, franco threshold and its VAT rate."""
    seuil = port.franco_seuil_ht
    return replace(
        port,
        montant_ht=montant_au_centime(port.montant_ht, "port.montant_ht", QuoteError),
        franco_seuil_ht=None
        if seuil is None
        else montant_au_centime(seuil, "port.franco_seuil_ht", QuoteError),
        taux_tva=valider_taux_tva(port.taux_tva, "port.taux_tva"),
    )
