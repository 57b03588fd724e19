"""Student prospection: the file (filter, flag, Sirene), targeting, campaign plan, results."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import current_app, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from simulator.engine.prospection.channels import ORDRE_CANAUX
from simulator.engine.prospection.prospect_file import LIBELLES_DEFAUTS
from simulator.engine.prospection.targeting_score import LIBELLES_CRITERES, Critere
from simulator.models import ExerciseStatus, ProspectionExercise
from simulator.operations import prospection as op
from simulator.operations import prospection_campagne as camp
from simulator.operations.errors import OperationError
from simulator.operations.prospection_bilan import couts_svg, funnel_svg
from simulator.operations.prospection_crm import opportunites
from simulator.web.rendering import render_page, wants_fragment
from simulator.web.once import replay_of
from simulator.web.student import bp
from simulator.web.student.prospection_forms import lire_criteres_form, lire_filtres, lire_plan_form
from simulator.web.transaction import record_first_opening, savepoint

RANG_PAR_PAGE = 25


def _exercise() -> ProspectionExercise:
    """The student's exercise (created, and kept whatever follows, on the first visit)."""
    size = int(current_app.config.get("PROSPECTION_NOMBRE", op.NOMBRE_DEFAUT))
    ex = op.exercise_of(current_user, size)
    record_first_opening()
    return ex


@bp.get("/prospection")
def prospection() -> ResponseReturnValue:
    """Open the step the student is at."""
    ex = _exercise()
    step = {
        ExerciseStatus.QUALIFICATION: "student.prospection_file",
        ExerciseStatus.CAMPAGNE: "student.prospection_campaign",
        ExerciseStatus.TERMINEE: "student.prospection_results",
    }[ex.status]
    return redirect(url_for(step), 303)


def _args() -> dict[str, Any]:
    """The list state from the query string: filters, sort, page."""
    a = request.args
    return {
        "q": a.get("q", ""),
        "naf": a.get("naf", ""),
        "departement": a.get("departement", ""),
        "tranche": a.get("tranche", ""),
        "distance_max": a.get("distance_max", ""),
        "signales": a.get("signales", ""),
        "tri": a.get("tri", "raison_sociale"),
        "ordre": "desc" if a.get("ordre") == "desc" else "asc",
        "page": a.get("page", 1, type=int) or 1,
    }


@bp.get("/prospection/fichier")
def prospection_file() -> ResponseReturnValue:
    """The prospect file, filtered, sorted and paged in SQL (htmx swaps only the table)."""
    ex = _exercise()
    etat = _args()
    filtres, signales = lire_filtres(request.args)
    listing = op.lister(ex, filtres, signales, etat["tri"], etat["ordre"] == "desc", etat["page"])
    base = url_for("student.prospection_file")

    def lien(**changes: Any) -> str:
        """The list URL with the current state and some changes (empty values left out)."""
        return f"{base}?{urlencode({k: v for k, v in {**etat, **changes}.items() if v})}"

    return render_page(
        "prospection/fichier.html",
        block="table",
        ex=ex,
        listing=listing,
        lien=lien,
        etat=etat,
        info=ex.file_info,
        nb_signales=op.nombre_signales(ex),
        t=_row_texts(ex),
        step="fichier",
    )


def _row_texts(ex: ProspectionExercise) -> dict[str, Any]:
    """Labels and URLs of a row, translated and built once per page rather than once per row."""
    return {
        "motifs": [
            ("doublon", _("Doublon")),
            ("telephone_errone", _("Tél. erroné")),
            ("entreprise_fermee", _("Fermée")),
            ("contact_obsolete", _("Contact parti")),
        ],
        "sans_siret": _("non renseigné"),
        "maj": _("Mis à jour le"),
        "age_inconnu": _("âge du matériel inconnu"),
        "age": _("matériel de %s an(s)"),
        "sirene": _("Sirene ?"),
        "sirene_title": _("Vérifier l’entreprise dans le répertoire " "Sirene"),
        "flag_url": url_for("student.prospection_flag", pid="__PID__"),
        "sirene_url": url_for("student.prospection_sirene", pid="__PID__"),
        "frozen": ex.status == ExerciseStatus.TERMINEE,
    }


def _row(ex: ProspectionExercise, row: Any) -> ResponseReturnValue:
    return render_page("prospection/_row.html", block="row", row=row, t=_row_texts(ex))


@bp.post("/prospection/fichier/<pid>/signaler")
def prospection_flag(pid: str) -> ResponseReturnValue:
    """Flag or unflag a row for one reason (htmx swaps the row)."""
    ex = _exercise()
    row = op.basculer(ex, pid, request.form.get("motif", ""))
    return _row(ex, row)


@bp.post("/prospection/fichier/<pid>/sirene")
def prospection_sirene(pid: str) -> ResponseReturnValue:
    """Check a row's company in the simulated Sirene register (htmx swaps the row)."""
    ex = _exercise()
    row = op.verifier_sirene(ex, pid)
    return _row(ex, row)


def _targeting(
    ex: ProspectionExercise,
    brut: dict[str, Any],
    status: int = 200,
    problemes: list[str] | None = None,
) -> ResponseReturnValue:
    """The grid form and the ranked target list (htmx paging swaps only the list)."""
    fichier = op.fichier_visible(ex)
    q = camp.qualification(ex, fichier)
    segment = request.args.get("segment", "")
    classement = [n for n in q.classement if not segment or n.segment == segment] if q else []
    pages = max(1, -(-len(classement) // RANG_PAR_PAGE))
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), pages)
    debut = (page - 1) * RANG_PAR_PAGE
    return render_page(
        "prospection/ciblage.html",
        block="ranking",
        status=status,
        ex=ex,
        brut=brut,
        problemes=problemes or [],
        q=q,
        info=ex.file_info,
        lignes=classement[debut : debut + RANG_PAR_PAGE],
        page=page,
        pages=pages,
        segment=segment,
        index=fichier.par_id(),
        criteres=list(Critere),
        libelles=LIBELLES_CRITERES,
        nb_signales=op.nombre_signales(ex),
        step="ciblage",
    )


@bp.get("/prospection/ciblage")
def prospection_targeting() -> ResponseReturnValue:
    """Choose the scoring criteria and weights; see the ranked list with A/B/C segments."""
    ex = _exercise()
    return _targeting(ex, ex.criteria or camp.CRITERES_DEFAUT)


@bp.post("/prospection/ciblage")
def prospection_targeting_save() -> ResponseReturnValue:
    """Save the grid (the file is then qualified), or show its problems in French."""
    ex = _exercise()
    brut = lire_criteres_form(request.form)
    try:
        with savepoint():
            camp.enregistrer_criteres(ex, brut)
    except op.Refus as exc:
        return _targeting(ex, brut, exc.status_code, exc.messages)
    flash(_("Grille enregistrée : votre fichier est qualifié et classé."))
    return redirect(url_for("student.prospection_targeting"), 303)


def _campaign(
    ex: ProspectionExercise, brut: dict[str, Any], status: int = 200, alerte: str | None = None
) -> ResponseReturnValue:
    """The plan form with its live estimate."""
    estimation, problemes = camp.estimer_plan(ex, brut)
    segments = None
    if ex.criteria:
        q = camp.qualification(ex, op.fichier_visible(ex))
        segments = q.segments() if q else None
    return render_page(
        "prospection/campagne.html",
        block="estimate",
        status=status,
        ex=ex,
        brut=brut,
        estimation=estimation,
        problemes=problemes,
        alerte=alerte,
        canaux=camp.canaux(),
        ordre=ORDRE_CANAUX,
        cadre=camp.cadre(),
        segments=segments,
        step="campagne",
    )


@bp.get("/prospection/campagne")
def prospection_campaign() -> ResponseReturnValue:
    """Plan the campaign: channels, targets, budget and objectives."""
    ex = _exercise()
    return _campaign(ex, ex.plan or camp.PLAN_DEFAUT)


@bp.post("/prospection/campagne/estimation")
def prospection_estimate() -> ResponseReturnValue:
    """Live cost and time of the plan as typed, with its French problems (htmx, nothing stored)."""
    ex = _exercise()
    brut = lire_plan_form(request.form)
    if not wants_fragment():  # a plain POST (no htmx): the whole page, with the plan as typed
        return _campaign(ex, brut)
    estimation, problemes = camp.estimer_plan(ex, brut)
    return render_page(
        "prospection/campagne.html",
        block="estimate",
        estimation=estimation,
        problemes=problemes,
        canaux=camp.canaux(),
        cadre=camp.cadre(),
        ordre=ORDRE_CANAUX,
        ex=ex,
    )


@bp.post("/prospection/campagne/lancer")
def prospection_run() -> ResponseReturnValue:
    """Run the campaign once and go to its results; a refused plan stays on the page."""
    ex = _exercise()
    if replay_of() is not None:  # launched already by this very form: its results
        return redirect(url_for("student.prospection_results"), 303)
    brut = lire_plan_form(request.form)
    try:
        with savepoint():
            camp.lancer(ex, brut)
    except OperationError as exc:
        return _campaign(ex, brut, exc.status_code, exc.message)
    flash(_("Campagne terminée : voici vos résultats."))
    return redirect(url_for("student.prospection_results"), 303)


@bp.get("/prospection/resultats")
def prospection_results() -> ResponseReturnValue:
    """KPIs, charts, objectives and, now only, the targeting quality and the leads' potential."""
    ex = _exercise()
    if ex.status != ExerciseStatus.TERMINEE or not ex.result:
        flash(_("Les résultats apparaissent une fois la campagne lancée."))
        return redirect(url_for("student.prospection_campaign"), 303)
    r = ex.result
    ouvertes = {o.prospect_id for col in opportunites(ex).values() for o in col}
    return render_page(
        "prospection/resultats.html",
        ex=ex,
        r=r,
        funnel=funnel_svg(r["entonnoir"]),
        couts=couts_svg(r["couts_par_canal"]),
        ouvertes=ouvertes,
        libelles_defauts={k.value: v for k, v in LIBELLES_DEFAUTS.items()},
        step="resultats",
    )
