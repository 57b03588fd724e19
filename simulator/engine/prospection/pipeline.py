"""CRM pipeline: ordered stages, allowed moves and activity kinds (pure data for the web layer)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from simulator.engine.errors import PipelineError


class Etape(str, Enum):
    """Pipeline stage, in the order of the kanban columns."""

    premier_contact = "premier_contact"
    rdv_planifie = "rdv_planifie"
    decouverte = "decouverte"
    proposition = "proposition"
    negociation = "negociation"
    gagne = "gagne"
    perdu = "perdu"

    @property
    def rang(self) -> int:
        """Position of the stage in the kanban (0 = first column)."""
        return list(Etape).index(self)

    @property
    def libelle(self) -> str:
        """French label of the stage."""
        return LIBELLES_ETAPES[self]

    @property
    def terminale(self) -> bool:
        """True for won or lost: the opportunity is closed."""
        return self in (Etape.gagne, Etape.perdu)


LIBELLES_ETAPES: dict[Etape, str] = {
    Etape.premier_contact: "Premier contact",
    Etape.rdv_planifie: "Rendez-vous planifié",
    Etape.decouverte: "Découverte / qualification",
    Etape.proposition: "Proposition (devis envoyé)",
    Etape.negociation: "Négociation",
    Etape.gagne: "Gagné",
    Etape.perdu: "Perdu",
}

#: Moves allowed from each stage: one step forward, one step back (to correct a mistake), or lost;
#: won is reachable only from negotiation; a lost opportunity may be reopened at first contact.
TRANSITIONS: dict[Etape, frozenset[Etape]] = {
    Etape.premier_contact: frozenset({Etape.rdv_planifie, Etape.perdu}),
    Etape.rdv_planifie: frozenset({Etape.premier_contact, Etape.decouverte, Etape.perdu}),
    Etape.decouverte: frozenset({Etape.rdv_planifie, Etape.proposition, Etape.perdu}),
    Etape.proposition: frozenset({Etape.decouverte, Etape.negociation, Etape.perdu}),
    Etape.negociation: frozenset({Etape.proposition, Etape.gagne, Etape.perdu}),
    Etape.gagne: frozenset(),
    Etape.perdu: frozenset({Etape.premier_contact}),
}


def deplacement_autorise(depuis: Etape, vers: Etape) -> bool:
    """Return True when an opportunity may move from `depuis` to `vers`."""
    return vers in TRANSITIONS[depuis]


def verifier_deplacement(depuis: Etape | str, vers: Etape | str) -> Etape:
    """Validate a kanban move and return the target stage, or raise PipelineError in French."""
    try:
        source, cible = Etape(depuis), Etape(vers)
    except ValueError:
        raise PipelineError(f"Étape inconnue : « {depuis} » ou « {vers} ».") from None
    if source == cible:
        raise PipelineError(f"L'opportunité est déjà à l'étape « {source.libelle} ».")
    if source == Etape.gagne:
        raise PipelineError("Une affaire gagnée est close : elle ne peut plus changer d'étape.")
    if not deplacement_autorise(source, cible):
        permis = ", ".join(f"« {e.libelle} »" for e in sorted(TRANSITIONS[source], key=_rang))
        raise PipelineError(
            f"Passage de « {source.libelle} » à « {cible.libelle} » impossible ; "
            f"étapes possibles : {permis}."
        )
    return cible


def _rang(etape: Etape) -> int:
    """Sort key: kanban order."""
    return etape.rang


class TypeActivite(str, Enum):
    """Kind of activity logged on an opportunity."""

    appel = "appel"
    visite = "visite"
    email = "email"
    compte_rendu = "compte_rendu"


LIBELLES_ACTIVITES: dict[TypeActivite, str] = {
    TypeActivite.appel: "Appel téléphonique",
    TypeActivite.visite: "Visite",
    TypeActivite.email: "E-mail",
    TypeActivite.compte_rendu: "Compte rendu",
}


@dataclass(frozen=True, slots=True)
class Activite:
    """An activity on an opportunity, with the next action planned (dates as ISO strings)."""

    type: TypeActivite
    date: str
    resume: str
    prochaine_action: str = ""
    date_prochaine_action: str | None = None


def verifier_activite(activite: Activite) -> list[str]:
    """Return the French problems of an activity (empty list when valid)."""
    problemes = []
    if not activite.resume.strip():
        problemes.append("Le résumé de l'activité est obligatoire.")
    if activite.prochaine_action.strip() and not activite.date_prochaine_action:
        problemes.append("Indiquez la date de la prochaine action.")
    if activite.date_prochaine_action and activite.date_prochaine_action < activite.date:
        problemes.append("La prochaine action ne peut pas être datée avant l'activité.")
    return problemes
