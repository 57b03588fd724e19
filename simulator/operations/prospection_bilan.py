"""The stored debrief of a campaign (truth revealed) and the geometry of its SVG charts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from simulator.engine.money import cents, format_eur
from simulator.engine.prospection import (
    Defaut,
    FichierProspects,
    PlanCampagne,
    Qualification,
    ResultatCampagne,
    couts_par_canal,
    entonnoir,
    evaluer_signalements,
    qualite_ciblage,
)
from simulator.scenarios.prospects.exercise import jsonable

BARRE_MAX = 420  #: px width of the longest bar


def _potentiel_par_segment(q: Qualification, fichier: FichierProspects) -> dict[str, Any]:
    """REVEALED: how many rows and what mean true potential each segment holds."""
    table: dict[str, Any] = {}
    for seg in "ABC":
        ids = q.ids_segment(seg)
        total = sum((fichier.verite[i].potentiel_annuel_ht for i in ids), Decimal(0))
        table[seg] = {"nombre": len(ids), "moyen": cents(total / len(ids)) if ids else None}
    return table


def debrief(
    r: ResultatCampagne,
    q: Qualification,
    fichier: FichierProspects,
    plan: PlanCampagne,
    flags: Mapping[str, frozenset[Defaut]],
) -> dict[str, Any]:
    """Everything the results page shows, as JSON (amounts as strings); the truth is revealed."""
    rang = {n.prospect_id: n.rang for n in q.classement}
    cibles = sorted({i for ids in plan.actions.values() for i in ids}, key=lambda i: rang.get(i, 0))
    note = evaluer_signalements(fichier, flags)
    return jsonable(
        {
            "comptages": asdict(r.comptages),
            "indicateurs": asdict(r.indicateurs),
            "objectifs": [asdict(e) for e in r.objectifs],
            "par_canal": {
                c.value: {**asdict(b), "libelle": c.libelle} for c, b in r.par_canal.items()
            },
            "leads": [
                {
                    **asdict(lead),
                    "canal_libelle": lead.canal.libelle,
                    "segment": next(
                        (n.segment for n in q.classement if n.prospect_id == lead.prospect_id), ""
                    ),
                }
                for lead in r.leads
            ],
            "objections": [list(o) for o in r.objections[:8]],
            "entonnoir": entonnoir(r.comptages),
            "couts_par_canal": couts_par_canal(r),
            "qualification": {
                "lignes": asdict(note.lignes),
                "lignes_detectables": asdict(note.lignes_detectables),
                "par_defaut": {k.value: asdict(s) for k, s in note.par_defaut.items()},
            },
            "qualite_ciblage": qualite_ciblage(fichier, tuple(cibles), len(cibles)),
            "segments": _potentiel_par_segment(q, fichier),
        }
    )


def funnel_svg(etapes: list[list[Any]]) -> list[dict[str, Any]]:
    """Bars of the funnel, centred, width proportional to the count, with the stage rate."""
    plus_grand = max([int(n) for _, n in etapes] + [1])
    barres: list[dict[str, Any]] = []
    precedent: int | None = None
    for i, (libelle, n) in enumerate(etapes):
        largeur = max(int(BARRE_MAX * int(n) / plus_grand), 2)
        taux = (
            None
            if not precedent  # None or 0
            else (Decimal(int(n)) * 100 / Decimal(precedent)).quantize(Decimal("0.1"))
        )
        barres.append(
            {
                "y": 10 + i * 46,
                "x": 10 + (BARRE_MAX - largeur) // 2,
                "largeur": largeur,
                "libelle": libelle,
                "nombre": int(n),
                "taux": None if taux is None else str(taux).replace(".", ","),
            }
        )
        precedent = int(n)
    return barres


def couts_svg(lignes: list[list[Any]]) -> list[dict[str, Any]]:
    """Horizontal bars of the cost per channel, with € labels and the opportunities won."""
    couts = [Decimal(c) for _, c, _ in lignes]
    plus_grand = max(couts + [Decimal(1)])
    return [
        {
            "y": 10 + i * 40,
            "largeur": max(int(BARRE_MAX * cout / plus_grand), 2),
            "libelle": libelle,
            "cout": format_eur(cout),
            "opportunites": opp,
        }
        for i, ((libelle, _, opp), cout) in enumerate(zip(lignes, couts, strict=True))
    ]
