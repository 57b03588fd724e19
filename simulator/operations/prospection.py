"""A student's prospect file: create it once, list it in SQL, flag rows, check Sirene."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from simulator.engine.prospection import (
    ContactProspect,
    Defaut,
    FichierProspects,
    Filtres,
    Prospect,
    ProspectionError,
    Territoire,
    VeriteProspect,
    consulter_sirene,
)
from simulator.engine.prospection.targeting_score import TRANCHES_EFFECTIF
from simulator.extensions import db
from simulator.models import ExerciseStatus, ProspectionExercise, ProspectRow, ProspectTruth, User
from simulator.operations import packs
from simulator.operations.errors import OperationError
from simulator.scenarios.prospects import NOMBRE_DEFAUT, fichier_depuis_pack

PAR_PAGE = 25
TRANCHES = tuple(TRANCHES_EFFECTIF)
#: sortable columns offered to the student (the core's TRIS plus the headcount band)
TRIS = {
    "raison_sociale": "raison_sociale",
    "distance_km": "distance_km",
    "code_postal": "code_postal",
    "naf_code": "naf_code",
    "mise_a_jour": "mise_a_jour",
    "siret": "siret",
    "tranche": "tranche_rang",
}
#: what a student may flag on a row; « doublon » becomes exact or approché from the SIRET
MOTIFS = ("doublon", "telephone_errone", "entreprise_fermee", "contact_obsolete")
FROZEN = "La campagne est terminée : le fichier est figé."


class Refus(OperationError):
    """A prospection input refused by the core, with every French problem listed."""

    def __init__(self, messages: list[str] | str, status_code: int = 422) -> None:
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__(" ".join(self.messages), status_code)


def refus(exc: ProspectionError) -> Refus:
    """Turn a core error into a French 422."""
    return Refus(exc.messages)


def _seed(student: User) -> int:
    """A stable seed per student and session: the same file on every visit."""
    digest = hashlib.sha256(f"{student.class_session_id}:{student.id}".encode()).hexdigest()
    return int(digest[:8], 16) % 1_000_000


def exercise_of(student: User, file_size: int = NOMBRE_DEFAUT) -> ProspectionExercise:
    """The student's exercise, created with its file (file_size prospects) on the first visit."""
    found = db.session.scalar(
        sa.select(ProspectionExercise).where(ProspectionExercise.student_id == student.id)
    )
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            return _create(student, file_size)
    except IntegrityError:  # a second tab created it at the same moment
        return db.session.scalars(
            sa.select(ProspectionExercise).where(ProspectionExercise.student_id == student.id)
        ).one()


def _create(student: User, file_size: int) -> ProspectionExercise:
    """Generate the file from the session's pack and store visible rows and hidden truth apart."""
    slug = student.class_session.pack_slug if student.class_session else None
    stored = packs.latest(slug) if slug else None
    if stored is None:
        raise OperationError(
            "Votre session n'a pas encore de pack de scénario : "
            "demandez à votre formateur d'en choisir un.",
            404,
        )
    pack = packs.parse(stored)
    seed, nombre = _seed(student), file_size
    fichier = fichier_depuis_pack(pack, seed, nombre)
    ex = ProspectionExercise(
        student_id=student.id,
        pack_version_id=stored.id,
        seed=seed,
        nombre=nombre,
        status=ExerciseStatus.QUALIFICATION,
        file_info=_file_info(fichier, [c.name for c in pack.competitors]),
    )
    db.session.add(ex)
    db.session.flush()
    db.session.execute(sa.insert(ProspectRow), [_row(ex.id, p) for p in fichier.prospects])
    db.session.add(
        ProspectTruth(
            exercise_id=ex.id, verite={pid: _truth_json(v) for pid, v in fichier.verite.items()}
        )
    )
    db.session.flush()
    return ex


def _file_info(fichier: FichierProspects, concurrents: list[str]) -> dict[str, Any]:
    """The territory and the choices of the filters (visible data only)."""
    naf = sorted({(p.naf_code, p.naf_libelle) for p in fichier.prospects})
    deps = sorted({(p.departement_code, p.departement) for p in fichier.prospects})
    return {
        "territoire": asdict(fichier.territoire),
        "naf": naf,
        "departements": deps,
        "tranches": list(TRANCHES),
        "fournisseurs": concurrents,
    }


def _row(exercise_id: int, p: Prospect) -> dict[str, Any]:
    """The insert values of one visible row."""
    return {
        "exercise_id": exercise_id,
        "pid": p.id,
        "raison_sociale": p.raison_sociale,
        "siret": p.siret,
        "naf_code": p.naf_code,
        "code_postal": p.code_postal,
        "tranche_rang": TRANCHES.index(p.tranche_effectif) + 1
        if p.tranche_effectif in TRANCHES
        else 0,
        "departement_code": p.departement_code,
        "distance_km": p.distance_km,
        "mise_a_jour": p.mise_a_jour,
        "flags": "",
        "data": asdict(p),
        "recherche": f"{p.raison_sociale} {p.ville} {p.siret or ''}".casefold()[:260],
    }


def _truth_json(v: VeriteProspect) -> dict[str, Any]:
    """The hidden truth of a row as JSON (amounts as strings)."""
    return {
        "potentiel_annuel_ht": str(v.potentiel_annuel_ht),
        "receptivite": str(v.receptivite),
        "archetype": v.archetype,
        "defauts": [d.value for d in v.defauts],
        "doublon_de": v.doublon_de,
        "detectable": [d.value for d in v.detectable],
    }


def _truth(pid: str, j: Mapping[str, Any]) -> VeriteProspect:
    """A VeriteProspect back from its JSON."""
    return VeriteProspect(
        pid,
        Decimal(j["potentiel_annuel_ht"]),
        Decimal(j["receptivite"]),
        j["archetype"],
        tuple(Defaut(d) for d in j["defauts"]),
        j["doublon_de"],
        tuple(Defaut(d) for d in j["detectable"]),
    )


def prospect(data: Mapping[str, Any]) -> Prospect:
    """A Prospect back from a row's JSON."""
    return Prospect(**{**data, "contact": ContactProspect(**data["contact"])})


def _territoire(ex: ProspectionExercise) -> Territoire:
    t = ex.file_info["territoire"]
    return Territoire(t["nom"], t["base_ville"], t["base_departement"], tuple(t["departements"]))


def fichier_visible(ex: ProspectionExercise) -> FichierProspects:
    """The file WITHOUT its truth: the truth map holds row ids and zeros, for pre-campaign use."""
    rows = db.session.execute(
        sa.select(ProspectRow.pid, ProspectRow.data)
        .where(ProspectRow.exercise_id == ex.id)
        .order_by(ProspectRow.pid)
    )
    prospects = tuple(prospect(row.data) for row in rows)
    vide = {p.id: VeriteProspect(p.id, Decimal(0), Decimal(0), None) for p in prospects}
    return FichierProspects(ex.seed, _territoire(ex), prospects, vide)


def fichier_complet(ex: ProspectionExercise) -> FichierProspects:
    """The file WITH its hidden truth: only for running the campaign and the debrief."""
    visible = fichier_visible(ex)
    verite = db.session.get_one(ProspectTruth, ex.id).verite
    return FichierProspects(
        ex.seed,
        visible.territoire,
        visible.prospects,
        {pid: _truth(pid, j) for pid, j in verite.items()},
    )


@dataclass(frozen=True)
class Listing:
    """One page of the filtered, sorted file, as stored rows."""

    rows: list[ProspectRow]
    total: int
    page: int
    pages: int


def _conditions(ex: ProspectionExercise, f: Filtres, signales: bool) -> list[Any]:
    """The WHERE clauses of the core's Filtres, in SQL."""
    r = ProspectRow
    conds: list[Any] = [r.exercise_id == ex.id]
    if f.departements:
        conds.append(r.departement_code.in_(f.departements))
    if f.naf:
        conds.append(r.naf_code.in_(f.naf))
    if f.tranches:
        conds.append(r.tranche_rang.in_([TRANCHES.index(t) + 1 for t in f.tranches]))
    if f.distance_max_km is not None:
        conds.append(r.distance_km <= f.distance_max_km)
    if f.texte.strip():
        conds.append(r.recherche.contains(f.texte.strip().casefold(), autoescape=True))
    if signales:
        conds.append(r.flags != "")
    return conds


def lister(
    ex: ProspectionExercise,
    f: Filtres,
    signales: bool = False,
    tri: str = "raison_sociale",
    decroissant: bool = False,
    page: int = 1,
    par_page: int = PAR_PAGE,
) -> Listing:
    """Filter, sort (empty values last, id as tie-break) and cut one page, all in SQL."""
    conds = _conditions(ex, f, signales)
    total = db.session.scalar(sa.select(sa.func.count(ProspectRow.id)).where(*conds)) or 0
    pages = max(1, -(-total // par_page))
    page = min(max(page, 1), pages)
    col = getattr(ProspectRow, TRIS.get(tri, "raison_sociale"))
    ordre = (col.desc(), ProspectRow.pid.desc()) if decroissant else (col.asc(), ProspectRow.pid)
    rows = db.session.scalars(
        sa.select(ProspectRow)
        .where(*conds)
        .order_by(col.is_(None), *ordre)
        .offset((page - 1) * par_page)
        .limit(par_page)
    )
    return Listing(list(rows), total, page, pages)


def row_of(ex: ProspectionExercise, pid: str) -> ProspectRow:
    """One row of the student's own file."""
    row = db.session.scalar(
        sa.select(ProspectRow).where(ProspectRow.exercise_id == ex.id, ProspectRow.pid == pid)
    )
    if row is None:
        raise OperationError(f"Ligne inconnue dans le fichier : {pid}.", 404)
    return row


def _ouvert(ex: ProspectionExercise) -> None:
    if ex.status == ExerciseStatus.TERMINEE:
        raise OperationError(FROZEN, 409)


def basculer(ex: ProspectionExercise, pid: str, motif: str) -> ProspectRow:
    """Flag or unflag one row for one reason; a duplicate is exact when its SIRET recurs."""
    _ouvert(ex)
    if motif not in MOTIFS:
        raise OperationError("Motif de signalement inconnu.", 422)
    row = row_of(ex, pid)
    flags = set(filter(None, row.flags.split(",")))
    if motif == "doublon":
        present = flags & {Defaut.doublon_exact.value, Defaut.doublon_approche.value}
        flags -= present
        if not present:
            flags.add(_genre_doublon(ex, row))
    else:
        flags ^= {motif}
    row.flags = ",".join(sorted(flags))
    return row


def _genre_doublon(ex: ProspectionExercise, row: ProspectRow) -> str:
    """Exact when another row carries the same SIRET, approché otherwise (visible data only)."""
    if row.siret and db.session.scalar(
        sa.select(sa.func.count(ProspectRow.id)).where(
            ProspectRow.exercise_id == ex.id,
            ProspectRow.siret == row.siret,
            ProspectRow.pid != row.pid,
        )
    ):
        return Defaut.doublon_exact.value
    return Defaut.doublon_approche.value


def verifier_sirene(ex: ProspectionExercise, pid: str) -> ProspectRow:
    """Ask the simulated Sirene register about one row and keep its answer on the row."""
    row = row_of(ex, pid)
    verite = db.session.get_one(ProspectTruth, ex.id).verite[pid]
    un = FichierProspects(
        ex.seed, _territoire(ex), (prospect(row.data),), {pid: _truth(pid, verite)}
    )
    row.sirene = consulter_sirene(un, pid)[:160]
    return row


def signalements(ex: ProspectionExercise) -> dict[str, frozenset[Defaut]]:
    """The student's flags {row id: flaws}."""
    rows = db.session.execute(
        sa.select(ProspectRow.pid, ProspectRow.flags).where(
            ProspectRow.exercise_id == ex.id, ProspectRow.flags != ""
        )
    )
    return {pid: frozenset(Defaut(x) for x in flags.split(",")) for pid, flags in rows}


def nombre_signales(ex: ProspectionExercise) -> int:
    """How many rows the student flagged."""
    return (
        db.session.scalar(
            sa.select(sa.func.count(ProspectRow.id)).where(
                ProspectRow.exercise_id == ex.id, ProspectRow.flags != ""
            )
        )
        or 0
    )
