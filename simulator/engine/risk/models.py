"""Input and output dataclasses of the client credit-risk analysis (reference §3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

Z = Decimal("0")


@dataclass(frozen=True)
class FinancialStatements:
    """One year of a client's statements in euros, with the reference's French terms (§3.1-3.2)."""

    # Actif = immobilisations + stocks + creances_clients (TTC) + autres_creances + disponibilites;
    # passif = capitaux_propres + dettes_financieres (emprunts) + concours_bancaires_courants
    #          + dettes_fournisseurs + autres_dettes.
    # dettes_financieres_moins_un_an is the part of the emprunts due within a year (a split of
    # dettes_financieres, not an extra liability): a short-term debt for the liquidity ratios.

    exercice: int
    immobilisations: Decimal
    stocks: Decimal
    creances_clients: Decimal
    disponibilites: Decimal
    capitaux_propres: Decimal
    dettes_financieres: Decimal
    dettes_fournisseurs: Decimal
    autres_dettes: Decimal
    chiffre_affaires_ht: Decimal
    valeur_ajoutee: Decimal
    ebe: Decimal
    resultat_exploitation: Decimal
    resultat_net: Decimal
    caf: Decimal
    frais_financiers: Decimal
    charges_personnel: Decimal
    reserves: Decimal = Z
    autres_creances: Decimal = Z
    achats: Decimal = Z
    concours_bancaires_courants: Decimal = Z
    dettes_financieres_moins_un_an: Decimal = Z


#: Natures of payment incidents, from the mildest to the worst.
NATURES_INCIDENT = ("retard", "impaye", "contentieux", "procedure_collective")


@dataclass(frozen=True)
class IncidentPaiement:
    """A payment incident in the client's history with us or reported by the market."""

    nature: str
    jours_retard: int = 0
    montant_ttc: Decimal = Z
    date_incident: date | None = None


@dataclass(frozen=True)
class Exposition:
    """What the client would owe us: outstanding + delivered not invoiced + the new order (TTC)."""

    encours_ttc: Decimal = Z
    livre_non_facture_ttc: Decimal = Z
    commande_ttc: Decimal = Z


@dataclass(frozen=True)
class DossierRisque:
    """Everything the risk analysis needs; taux_tva converts CA HT to TTC for the DSO."""

    etats: tuple[FinancialStatements, ...]
    incidents: tuple[IncidentPaiement, ...] = ()
    exposition: Exposition | None = None
    taux_tva: Decimal = Decimal("20")


@dataclass(frozen=True)
class Ratio:
    """A ratio with its formula, the numbers plugged in, its value and its benchmark."""

    code: str
    libelle: str
    formule: str
    calcul: str
    valeur: Decimal | None
    repere: str
    favorable: bool | None


@dataclass(frozen=True)
class RatiosExercice:
    """The ratios of one financial year."""

    exercice: int
    ratios: tuple[Ratio, ...]

    def valeur(self, code: str) -> Decimal | None:
        """Return the value of the ratio named code."""
        return next(r.valeur for r in self.ratios if r.code == code)


@dataclass(frozen=True)
class Score:
    """A failure-prediction score: its ratios, contributions, value, zone and reading."""

    nom: str
    ratios: tuple[Decimal, ...]
    contributions: tuple[Decimal, ...]
    valeur: Decimal
    zone: str
    lecture: str


@dataclass(frozen=True)
class ClasseRisque:
    """Risk class 1 (faible) to 4 (critique) with every reason that set it."""

    niveau: int
    libelle: str
    raisons: tuple[str, ...]


@dataclass(frozen=True)
class LimiteAssureur:
    """The credit insurer's simulated agrément (encours garanti)."""

    base: Decimal
    coefficient: Decimal
    montant: Decimal
    quotite_garantie: Decimal
    explication: str


@dataclass(frozen=True)
class AnalyseExposition:
    """Exposure compared with the insured limit."""

    total_ttc: Decimal
    limite: Decimal
    depassement: bool
    non_couvert_ttc: Decimal
    indemnisation_max: Decimal
    acompte_minimum_pourcentage: Decimal | None
    explication: str


@dataclass(frozen=True)
class Recommandation:
    """A cover tool (acompte, caution, lcr, delai, assurance_credit, comptant, refus...)."""

    outil: str
    detail: str
    raison: str


@dataclass(frozen=True)
class AnalyseRisque:
    """The full credit-risk analysis of a client."""

    ratios: tuple[RatiosExercice, ...]
    conan_holder: Score
    altman_z_prime: Score
    classe: ClasseRisque
    limite_assureur: LimiteAssureur
    exposition: AnalyseExposition | None
    recommandations: tuple[Recommandation, ...]
