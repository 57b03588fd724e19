"""Situation models of the client: company, contacts, financial statements, payment history."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base of snapshot models: strict about unknown keys, mutable for overrides."""

    model_config = ConfigDict(extra="forbid")


class Naf(Model):
    """NAF code of a company."""

    code: str
    label: str
    version: str


class Address(Model):
    """French postal address with department and post-2016 region."""

    street: str
    postcode: str
    city: str
    department_code: str
    department: str
    region: str


class Company(Model):
    """The client company's identity card (fiche client)."""

    raison_sociale: str
    legal_form: str
    capital_social: Decimal
    siren: str
    nic: str
    siret: str
    tva_intracommunautaire: str
    naf: Naf
    headcount: int
    segment: str
    archetype: str
    archetype_label: str
    address: Address
    phone: str
    email: str
    website: str


class Objection(Model):
    """An objection a contact may raise."""

    kind: str
    text: str


class Contact(Model):
    """A member of the buying centre."""

    id: str
    civilite: str
    first_name: str
    last_name: str
    job_title: str
    role: str
    persona: str
    motivations: list[str]
    objections: list[Objection]
    phone: str
    email: str


class Bilan(Model):
    """Simplified balance sheet; total_actif == total_passif to the cent."""

    actif_immobilise: Decimal
    stocks: Decimal
    creances_clients: Decimal
    disponibilites: Decimal
    total_actif: Decimal
    capitaux_propres: Decimal
    dettes_financieres: Decimal
    dettes_fournisseurs: Decimal
    autres_dettes: Decimal
    concours_bancaires_courants: Decimal
    total_passif: Decimal


class CompteDeResultat(Model):
    """Simplified income statement (compte de résultat)."""

    chiffre_affaires_ht: Decimal
    achats_consommes: Decimal
    charges_externes: Decimal
    valeur_ajoutee: Decimal
    impots_et_taxes: Decimal
    charges_de_personnel: Decimal
    ebe: Decimal
    dotations_amortissements: Decimal
    resultat_exploitation: Decimal
    charges_financieres: Decimal
    impot_sur_les_societes: Decimal
    resultat_net: Decimal
    caf: Decimal


class Exercice(Model):
    """One financial year, labelled N, N-1, N-2 (no calendar year: snapshots do not read the clock)."""

    exercice: str
    year_offset: int
    bilan: Bilan
    compte_de_resultat: CompteDeResultat


class Financials(Model):
    """Financial statements over two or three years, oldest first."""

    profile: str
    exercices: list[Exercice]


class PaymentIncident(Model):
    """A payment incident reported on the client."""

    months_ago: int
    kind: str
    amount_ttc: Decimal
    days_late: int


class PaymentHistory(Model):
    """How the client pays its suppliers."""

    usual_payment_days: int
    average_delay_days: int
    behaviour: str
    incidents: list[PaymentIncident]


class Client(Model):
    """The prospect or client of the situation."""

    company: Company
    contacts: list[Contact]
    financials: Financials
    payment_history: PaymentHistory
    budget_ht: Decimal
