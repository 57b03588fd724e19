"""How the outcome of the negotiation caps the grade: the ONE place (table in docs/grading.md).

The ten criteria are first levelled by their own rules (criteria.py). The agreed package then
caps the criteria that measure it, and the total, so that a grade never contradicts the deal:

Outcome of the agreed package, from its seller margin ``m`` (engine margin, € HT), the floor
``F`` (margin at the pack's minimum taux de marque) and the target ``T``:

=================  ==========  ===========  ==========  ==========  =============
outcome            C3 collab.  C4 objectifs C6 proactif C2 risque   note /20 max
=================  ==========  ===========  ==========  ==========  =============
sous le coût m<0   0           0            1           1           10
sous le plancher   1           1            2           —           12
0 ≤ m < F
dans la zone m≥F   —           —            —           —           —
pas d'accord       —           —            —           —           —
=================  ==========  ===========  ==========  ==========  =============

Levels: 0 non maîtrisé, 1 insuffisant, 2 satisfaisant, 3 très satisfaisant ("—" = no cap).

Concessions without counterpart (``g``, counted from the first credible offer, see
metrics.concessions; ``k`` = conditional ones): g ≥ 4 with g > k caps C3 at 1 (insuffisant);
g ≥ 6 caps C3 at 0 and C6 at 2, whatever k. (The project's skilled bot gives 1 to 3.)

Risk cover (C2): the agreed deposit and payment days are compared with the cover the risk class
calls for (engine/risk/cover.py: class 1 ≤ 60 days, class 2 ≤ 45 days, class 3 deposit 30 % and
≤ 30 days, class 4 cash) and with the student's own risk analysis when one was submitted (their
deposit, their class's payment days). Agreeing less than the expected cover caps C2 at 1;
agreeing less than one's own recommendation caps C2 at 1 too, with its own evidence line.

Every cap applied is returned with its reason, and shown as evidence on the criterion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from simulator.engine.money import format_eur
from simulator.engine.scoring.criteria import NIVEAUX

#: most payment days the risk class allows (engine/risk/cover.py PAR_CLASSE), 0 = cash
PAIEMENT_MAX_PAR_CLASSE = {1: 60, 2: 45, 3: 30, 4: 0}
#: deposit (%) the risk class calls for (engine/risk/data.py ACOMPTE_PAR_CLASSE)
ACOMPTE_PAR_CLASSE = {1: Decimal(0), 2: Decimal(0), 3: Decimal(30), 4: Decimal(100)}

SOUS_COUT, SOUS_PLANCHER, DANS_LA_ZONE = "sous_cout", "sous_plancher", "dans_la_zone"
#: outcome -> ({criterion number: max level}, max note /20)
PLAFONDS: dict[str, tuple[dict[int, int], Decimal | None]] = {
    SOUS_COUT: ({2: 1, 3: 0, 4: 0, 6: 1}, Decimal(10)),
    SOUS_PLANCHER: ({3: 1, 4: 1, 6: 2}, Decimal(12)),
    DANS_LA_ZONE: ({}, None),
}
RAISONS = {
    SOUS_COUT: "accord sous le coût de revient (marge {marge})",
    SOUS_PLANCHER: "accord sous le taux de marque plancher (marge {marge} < plancher {plancher})",
}
#: concessions without counterpart: (at least, only if more than the conditional ones, caps)
GRATUITES = ((6, False, {3: 0, 6: 2}), (4, True, {3: 1}))


@dataclass(frozen=True)
class Couverture:
    """A payment cover: deposit (%) and most payment days; `source` says whose it is."""

    acompte_pct: Decimal
    paiement_max_jours: int
    source: str  # « attendue » (the risk class) or « votre analyse »

    @classmethod
    def de_classe(cls, classe: int, acompte_min: Decimal | None, source: str) -> Couverture:
        """The cover a risk class calls for; an exposure deposit raises the class's one."""
        acompte = ACOMPTE_PAR_CLASSE.get(classe, Decimal(0))
        if acompte_min is not None:
            acompte = max(acompte, acompte_min)
        return cls(acompte, PAIEMENT_MAX_PAR_CLASSE.get(classe, 60), source)


def issue_accord(marge: Decimal | None, plancher: Decimal) -> str | None:
    """The outcome class of an agreed margin (None without a deal)."""
    if marge is None:
        return None
    if marge < 0:
        return SOUS_COUT
    return SOUS_PLANCHER if marge < plancher else DANS_LA_ZONE


def ecarts_couverture(accord: dict[str, Any], c: Couverture) -> list[str]:
    """Where the agreed terms give less cover than `c` (French sentences; empty = covered)."""
    ecarts = []
    acompte = accord.get("acompte")
    if acompte is not None and acompte < c.acompte_pct:
        ecarts.append(f"acompte accordé {acompte} % < {c.acompte_pct} % ({c.source})")
    jours = accord.get("paiement")
    if jours is not None and jours > c.paiement_max_jours:
        ecarts.append(f"paiement à {jours} jours > {c.paiement_max_jours} jours ({c.source})")
    return ecarts


def plafonner(
    criteres: list[dict[str, Any]], mesures: dict[str, Any], plancher: Decimal
) -> tuple[list[dict[str, Any]], Decimal | None, list[str]]:
    """Apply the outcome caps in place; return the criteria, the note ceiling and the reasons."""
    caps: dict[int, tuple[int, str]] = {}

    def cap(numero: int, niveau: int, raison: str) -> None:
        if numero not in caps or niveau < caps[numero][0]:
            caps[numero] = (niveau, raison)

    issue = issue_accord(mesures.get("marge") if mesures.get("accord") else None, plancher)
    plafond_note: Decimal | None = None
    raisons: list[str] = []
    if issue in RAISONS:
        niveaux, plafond_note = PLAFONDS[issue]
        raison = RAISONS[issue].format(
            marge=format_eur(mesures["marge"]), plancher=format_eur(plancher)
        )
        raisons.append(f"{raison} : note plafonnée à {plafond_note}/20")
        for numero, niveau in niveaux.items():
            cap(numero, niveau, raison)
    g = mesures.get("nb_concessions_sans_contrepartie", 0)
    k = mesures.get("nb_concessions_conditionnelles", 0)
    for seuil, plus_que_k, niveaux in GRATUITES:
        if g >= seuil and (g > k or not plus_que_k):
            for numero, niveau in niveaux.items():
                cap(numero, niveau, f"{g} concessions sans contrepartie (seuil {seuil})")
            break
    for ecart in mesures.get("ecarts_risque", []):
        cap(2, 1, ecart)
    for c in criteres:
        if c["numero"] in caps and c["niveau"] > caps[c["numero"]][0]:
            niveau, raison = caps[c["numero"]]
            c["constats"].append(f"Plafonné à « {NIVEAUX[niveau]} » : {raison}.")
            c["niveau"] = niveau
            c["niveau_libelle"] = NIVEAUX[niveau]
    return criteres, plafond_note, raisons
