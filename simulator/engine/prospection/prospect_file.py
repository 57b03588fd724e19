"""The prospect file: what the student sees (Prospect) and the hidden truth (VeriteProspect)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class Defaut(str, Enum):
    """A flaw deliberately left in the file, as in real purchased or inherited files."""

    doublon_exact = "doublon_exact"
    doublon_approche = "doublon_approche"
    telephone_errone = "telephone_errone"
    entreprise_fermee = "entreprise_fermee"
    contact_obsolete = "contact_obsolete"


LIBELLES_DEFAUTS: dict[Defaut, str] = {
    Defaut.doublon_exact: "Doublon (même SIRET)",
    Defaut.doublon_approche: "Doublon (raison sociale orthographiée autrement)",
    Defaut.telephone_errone: "Numéro de téléphone erroné",
    Defaut.entreprise_fermee: "Entreprise fermée (cessation d'activité)",
    Defaut.contact_obsolete: "Contact obsolète (a quitté l'entreprise)",
}


@dataclass(frozen=True, slots=True)
class ContactProspect:
    """The person named in the file (may have left the company: see VeriteProspect)."""

    civilite: str
    prenom: str
    nom: str
    fonction: str
    email: str


@dataclass(frozen=True, slots=True)
class Prospect:
    """One row of the prospect file, VISIBLE to the student."""

    id: str
    raison_sociale: str
    siren: str | None
    siret: str | None
    naf_code: str
    naf_libelle: str
    tranche_effectif: str
    rue: str
    code_postal: str
    ville: str
    departement_code: str
    departement: str
    distance_km: int
    fournisseur_actuel: str
    age_equipement_ans: int | None
    contact: ContactProspect
    telephone: str
    mise_a_jour: str  #: date ISO of the row's last update (old rows are more often outdated)


@dataclass(frozen=True, slots=True)
class VeriteProspect:
    """HIDDEN ground truth of one row: never shown to a student before the campaign ends."""

    prospect_id: str
    potentiel_annuel_ht: Decimal  #: true yearly purchase potential for the seller, € HT
    receptivite: Decimal  #: 0.00..1.00, openness to a new supplier
    archetype: str | None  #: pack archetype key, None when the company is off-target
    defauts: tuple[Defaut, ...] = ()
    doublon_de: str | None = None  #: id of the original row when this row is a duplicate
    detectable: tuple[Defaut, ...] = ()  #: flaws visible by reading the file (the rest need a call)


@dataclass(frozen=True, slots=True)
class Territoire:
    """The sales territory: the seller's base and the departments covered."""

    nom: str
    base_ville: str
    base_departement: str
    departements: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FichierProspects:
    """A generated prospect file: visible rows plus the hidden truth keyed by row id."""

    seed: int
    territoire: Territoire
    prospects: tuple[Prospect, ...]
    verite: dict[str, VeriteProspect] = field(repr=False)

    def par_id(self) -> dict[str, Prospect]:
        """Index the visible rows by id."""
        return {p.id: p for p in self.prospects}

    def defauts_attendus(self) -> dict[str, frozenset[Defaut]]:
        """Rows that carry at least one flaw, with their flaws (HIDDEN: for grading only)."""
        return {pid: frozenset(v.defauts) for pid, v in self.verite.items() if v.defauts}
