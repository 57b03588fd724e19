"""Input and output dataclasses of the legal checks of a devis."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

ERREUR = "erreur"
AVERTISSEMENT = "avertissement"
INFO = "info"


@dataclass(frozen=True)
class ConditionsPaiement:
    """Agreed payment terms; jours=None means no agreed term (délai supplétif)."""

    jours: int | None
    fin_de_mois: bool = False
    fin_de_mois_stipule: bool = True
    facture_periodique: bool = False
    transport_marchandises: bool = False
    acheteur_public: str | None = None


@dataclass(frozen=True)
class Partie:
    """Identity of the seller or of the client as printed on the devis."""

    denomination: str = ""
    adresse: str = ""
    forme_juridique: str = ""
    capital: str = ""
    siren: str = ""
    rcs: str = ""
    tva_intracom: str = ""


@dataclass(frozen=True)
class MentionsDevis:
    """What the devis prints, as far as the legal checks are concerned."""

    numero: str = ""
    date_emission: date | None = None
    date_validite: date | None = None
    vendeur: Partie = field(default_factory=Partie)
    client: Partie = field(default_factory=Partie)
    conditions_paiement: ConditionsPaiement | None = None
    taux_penalites: Decimal | None = None
    indemnite_forfaitaire: Decimal | None = None
    mention_escompte: str = ""
    delai_livraison: str = ""
    port_ou_incoterm: str = ""
    reference_cgv: bool = False
    acompte_pourcentage: Decimal | None = None
    qualification_versement: str | None = None
    bon_pour_accord: bool = False
    texte_conditions: str = ""


@dataclass(frozen=True)
class Constat:
    """One finding of the legal check: severity, field, French reason and legal basis."""

    code: str
    gravite: str
    champ: str
    message: str
    reference: str
