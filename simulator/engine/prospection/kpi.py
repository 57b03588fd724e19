"""Campaign KPIs with fixed definitions (rates in %, half-up to 0.01; costs in €, to the cent).

Definitions (domain_reference §5.1 says they vary; NegoLab fixes them here):
- taux de contact = contacts utiles / prospects sollicités (distinct prospects with ≥ 1 action);
- taux de RDV (contact → RDV) = rendez-vous / contacts utiles;
- taux d'opportunité (RDV → opportunité) = opportunités / rendez-vous;
- taux de transformation (opportunité → affaire) = affaires signées / opportunités (when known);
- taux de conversion global = opportunités / prospects sollicités (affaires / sollicités if known);
- coût par contact / RDV / opportunité / affaire = coût total HT / nombre;
- ROI = (marge − coût total) / coût total, on MARGIN never on CA; the marge is the expected
  year-1 margin of the opportunities (potentiel annuel × part captée la 1re année × taux de
  marque × probabilité de signature, to the cent at each step) until orders are signed, then
  the margin of the signed orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from simulator.engine.money import cents
from simulator.engine.prospection.rates import cout_unitaire, pourcentage


@dataclass(frozen=True, slots=True)
class Comptages:
    """Raw counts and amounts of a campaign (the KPIs' inputs)."""

    actions: int
    sollicites: int
    contacts: int
    rdv: int
    opportunites: int
    cout_total: Decimal
    marge: Decimal = Decimal("0.00")
    affaires: int | None = None


@dataclass(frozen=True, slots=True)
class Indicateurs:
    """Exact KPIs; None means « non calculable » (division by zero)."""

    taux_de_contact: Decimal | None
    taux_de_rdv: Decimal | None
    taux_opportunite: Decimal | None
    taux_de_transformation: Decimal | None
    taux_de_conversion: Decimal | None
    cout_par_contact: Decimal | None
    cout_par_rdv: Decimal | None
    cout_par_opportunite: Decimal | None
    cout_par_affaire: Decimal | None
    roi: Decimal | None


def calculer_indicateurs(c: Comptages) -> Indicateurs:
    """Compute every KPI from the counts, with the definitions of this module."""
    signe = c.affaires if c.affaires is not None else c.opportunites
    return Indicateurs(
        taux_de_contact=pourcentage(c.contacts, c.sollicites),
        taux_de_rdv=pourcentage(c.rdv, c.contacts),
        taux_opportunite=pourcentage(c.opportunites, c.rdv),
        taux_de_transformation=(
            None if c.affaires is None else pourcentage(c.affaires, c.opportunites)
        ),
        taux_de_conversion=pourcentage(signe, c.sollicites),
        cout_par_contact=cout_unitaire(c.cout_total, c.contacts),
        cout_par_rdv=cout_unitaire(c.cout_total, c.rdv),
        cout_par_opportunite=cout_unitaire(c.cout_total, c.opportunites),
        cout_par_affaire=None if c.affaires is None else cout_unitaire(c.cout_total, c.affaires),
        roi=roi(c.marge, c.cout_total),
    )


def roi(marge: Decimal, cout: Decimal) -> Decimal | None:
    """ROI % = (marge − coût) / coût × 100, half-up to 0.01; None when nothing was spent."""
    return pourcentage(marge - cout, cout) if cout > 0 else None


def montant_opportunite(potentiel: Decimal, part_captee_pct: Decimal) -> Decimal:
    """The amount of an opportunity: what the client would buy from us in year 1 (€ HT, cents),
    its yearly potential × the share captured the first year. The one amount shown for an
    opportunity, on the results page and in the pipeline alike."""
    return cents(potentiel * part_captee_pct / 100)


def marge_opportunite(
    potentiel: Decimal,
    part_captee_pct: Decimal,
    taux_de_marque_pct: Decimal,
    proba_signature_pct: Decimal,
) -> Decimal:
    """Expected year-1 margin: potentiel × part captée × taux de marque × probabilité (cents)."""
    achats = montant_opportunite(potentiel, part_captee_pct)
    marge = cents(achats * taux_de_marque_pct / 100)
    return cents(marge * proba_signature_pct / 100)


def affaires_pour_equilibre(cout: Decimal, marge_par_affaire: Decimal) -> Decimal | None:
    """Orders needed to pay back the campaign (coût / marge par affaire), to 0.01."""
    if marge_par_affaire <= 0:
        return None
    return (cout / marge_par_affaire).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class EcartObjectif:
    """One objective compared with the result."""

    indicateur: str
    objectif: int
    realise: int
    ecart: int  #: réalisé − objectif
    atteinte: Decimal | None  #: réalisé / objectif in %
    atteint: bool


def comparer_objectifs(objectifs: dict[str, int], c: Comptages) -> list[EcartObjectif]:
    """Compare objectives {contacts, rdv, opportunites} with what the campaign achieved."""
    realises = {"contacts": c.contacts, "rdv": c.rdv, "opportunites": c.opportunites}
    return [
        EcartObjectif(
            nom,
            cible,
            realises[nom],
            realises[nom] - cible,
            pourcentage(realises[nom], cible),
            realises[nom] >= cible,
        )
        for nom, cible in objectifs.items()
    ]
