"""Grade the student's flagged duplicates and bad records against the hidden ground truth."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from simulator.engine.errors import ProspectionError
from simulator.engine.prospection.prospect_file import Defaut, FichierProspects
from simulator.engine.prospection.rates import pourcentage

_DOUBLONS = (Defaut.doublon_exact, Defaut.doublon_approche)
_FORMES = re.compile(r"\b(sas|sasu|sarl|eurl|sa|scop|ets|etablissements|et fils|ste|societe)\b")


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall (Decimal %, None when undefined) of one kind of flag."""

    vrais_positifs: int
    faux_positifs: int
    faux_negatifs: int
    precision: Decimal | None
    rappel: Decimal | None


@dataclass(frozen=True, slots=True)
class EvaluationQualification:
    """Grade of the file qualification: rows to discard, and each kind of flaw."""

    lignes: Score  #: rows flagged (any reason) vs rows carrying any flaw
    lignes_detectables: Score  #: same, counting only flaws readable in the file
    par_defaut: dict[Defaut, Score]


def _score(trouves: set[str], attendus: set[str]) -> Score:
    """Build a Score from the flagged and expected id sets."""
    vp = len(trouves & attendus)
    return Score(
        vp,
        len(trouves - attendus),
        len(attendus - trouves),
        pourcentage(vp, len(trouves)),
        pourcentage(vp, len(attendus)),
    )


def lire_signalements(brut: Mapping[str, Iterable[str]]) -> dict[str, frozenset[Defaut]]:
    """Parse {row id: [flaw names]} from a form; raise ProspectionError on unknown flaws."""
    resultat: dict[str, frozenset[Defaut]] = {}
    for pid, noms in brut.items():
        try:
            resultat[pid] = frozenset(Defaut(n) for n in noms)
        except ValueError:
            raise ProspectionError(f"Motif de signalement inconnu pour la ligne {pid}.") from None
    return resultat


def _rattacher_doublons(
    fichier: FichierProspects, signalements: Mapping[str, frozenset[Defaut]]
) -> dict[str, set[Defaut]]:
    """Credit a duplicate flag put on the original row to its copy (either row is fine)."""
    copies: dict[str, list[str]] = {}
    for v in fichier.verite.values():
        if v.doublon_de:
            copies.setdefault(v.doublon_de, []).append(v.prospect_id)
    flags = {pid: set(d) for pid, d in signalements.items()}
    for pid in list(flags):
        for kind in _DOUBLONS:
            if kind in flags[pid] and kind not in fichier.verite[pid].defauts:
                libres = [c for c in copies.get(pid, []) if kind not in flags.get(c, set())]
                if libres:
                    flags[pid].discard(kind)
                    flags.setdefault(libres[0], set()).add(kind)
    return {pid: d for pid, d in flags.items() if d}


def evaluer_signalements(
    fichier: FichierProspects, signalements: Mapping[str, frozenset[Defaut]]
) -> EvaluationQualification:
    """Compare flags {row id: flaws} with the ground truth; precision/recall per row and flaw."""
    inconnus = sorted(set(signalements) - set(fichier.verite))
    if inconnus:
        raise ProspectionError(f"Ligne inconnue dans le fichier : {', '.join(inconnus[:5])}.")
    flags = _rattacher_doublons(fichier, signalements)
    verite = fichier.verite.values()
    attendus = {v.prospect_id for v in verite if v.defauts}
    detectables = {v.prospect_id for v in verite if v.detectable}
    par_defaut = {
        kind: _score(
            {p for p, d in flags.items() if kind in d},
            {v.prospect_id for v in verite if kind in v.defauts},
        )
        for kind in Defaut
    }
    return EvaluationQualification(
        _score(set(flags), attendus), _score(set(flags), detectables), par_defaut
    )


def nom_normalise(raison_sociale: str) -> str:
    """Comparable company name: no accents, case, punctuation or legal form (spots doublons)."""
    text = unicodedata.normalize("NFKD", raison_sociale).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace(".", ""))
    text = _FORMES.sub(" ", text)
    return " ".join(text.split())
