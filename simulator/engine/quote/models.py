"""Input and output dataclasses of the quote (devis) engine."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

#: Taught order of the commercial reductions (reference §1.1): each applies to the previous net.
NATURES_REDUCTION: tuple[str, ...] = ("rabais", "remise", "ristourne")


@dataclass(frozen=True)
class Reduction:
    """A commercial reduction: a rate in percent (taux=10 means 10 %) or a fixed amount HT."""

    nature: str
    taux: Decimal | None = None
    montant: Decimal | None = None
    libelle: str = ""


@dataclass(frozen=True)
class LigneDevis:
    """A quote line; a fixed-amount line reduction applies to the whole line, not per unit."""

    ref: str
    designation: str
    quantite: Decimal
    prix_unitaire_ht: Decimal
    cout_achat_unitaire_ht: Decimal = Decimal("0")
    taux_tva: Decimal = Decimal("20")
    reductions: tuple[Reduction, ...] = ()


@dataclass(frozen=True)
class Escompte:
    """Early-payment discount in percent of the net commercial; pris = the client pays early."""

    taux: Decimal
    pris: bool = False
    condition: str = "paiement anticipé"


@dataclass(frozen=True)
class Port:
    """Carriage invoiced HT unless the net commercial reaches the franco threshold."""

    montant_ht: Decimal
    franco_seuil_ht: Decimal | None = None
    taux_tva: Decimal = Decimal("20")


@dataclass(frozen=True)
class Devis:
    """A quote: lines, reductions on the total (pied de devis), escompte, port, acompte paid."""

    lignes: tuple[LigneDevis, ...]
    reductions: tuple[Reduction, ...] = ()
    escompte: Escompte | None = None
    port: Port | None = None
    acompte_ttc: Decimal = Decimal("0")


@dataclass(frozen=True)
class EtapeReduction:
    """One step of a cascade: base, amount deducted, resulting net, and a French explanation."""

    nature: str
    libelle: str
    taux: Decimal | None
    base_ht: Decimal
    montant_ht: Decimal
    net_ht: Decimal
    explication: str


@dataclass(frozen=True)
class LigneCalculee:
    """A computed line: gross, its own cascade, its share of the total-level steps, its margin."""

    ref: str
    designation: str
    quantite: Decimal
    prix_unitaire_ht: Decimal
    taux_tva: Decimal
    montant_brut_ht: Decimal
    reductions: tuple[EtapeReduction, ...]
    net_ligne_ht: Decimal
    part_reductions_pied_ht: Decimal
    net_commercial_ht: Decimal
    part_escompte_ht: Decimal
    cout_achat_ht: Decimal
    marge_brute: Decimal
    taux_de_marge: Decimal | None
    taux_de_marque: Decimal | None
    coefficient_multiplicateur: Decimal | None


@dataclass(frozen=True)
class EscompteCalcule:
    """The escompte computed on the net commercial, deducted from the VAT base only if taken."""

    taux: Decimal
    base_ht: Decimal
    montant_ht: Decimal
    pris: bool
    mention: str
    explication: str


@dataclass(frozen=True)
class PortCalcule:
    """The carriage actually invoiced (zero when franco) and why."""

    montant_ht: Decimal
    franco: bool
    franco_seuil_ht: Decimal | None
    taux_tva: Decimal
    explication: str


@dataclass(frozen=True)
class BaseTVA:
    """The VAT base and amount of one rate (total HT per VAT rate, as the invoice must show)."""

    taux_tva: Decimal
    net_commercial_ht: Decimal
    escompte_ht: Decimal
    port_ht: Decimal
    base_ht: Decimal
    montant_tva: Decimal


@dataclass(frozen=True)
class Etape:
    """One row of the flat cascade shown to the student (from brut HT to net à payer)."""

    code: str
    libelle: str
    montant: Decimal
    explication: str


@dataclass(frozen=True)
class ResultatDevis:
    """Every intermediate amount of a quote, from montant brut HT to net à payer."""

    lignes: tuple[LigneCalculee, ...]
    montant_brut_ht: Decimal
    total_reductions_lignes_ht: Decimal
    total_net_lignes_ht: Decimal
    reductions_pied: tuple[EtapeReduction, ...]
    net_commercial_ht: Decimal
    escompte: EscompteCalcule
    net_financier_ht: Decimal
    port: PortCalcule
    total_ht: Decimal
    ventilation_tva: tuple[BaseTVA, ...]
    total_tva: Decimal
    total_ttc: Decimal
    acompte_ttc: Decimal
    net_a_payer: Decimal
    cout_achat_ht: Decimal
    marge_brute: Decimal
    taux_de_marge: Decimal | None
    taux_de_marque: Decimal | None
    coefficient_multiplicateur: Decimal | None
    etapes: tuple[Etape, ...]
