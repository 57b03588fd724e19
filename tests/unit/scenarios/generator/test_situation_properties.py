"""Property tests over many seeds for every shipped pack: identifiers, statements, domains."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from itertools import pairwise

from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.scenarios.generator.core import generate, new_faker
from simulator.scenarios.generator.geo import REGIONS_2016, VILLES
from simulator.scenarios.generator.identifiers import luhn_valid, vat_key
from simulator.scenarios.situation.model import Situation
from tests.unit.scenarios.conftest import SHIPPED, shipped_pack

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)
PACKS = st.sampled_from(SHIPPED)
PHONE = re.compile(r"^0[1-7]( \d\d){4}$")
CITIES = {(v.postcode, v.city, v.department_code, v.department, v.region) for v in VILLES}


@cache
def _faker() -> Faker:
    return new_faker()


def _situation(slug: str, seed: int) -> Situation:
    return generate(shipped_pack(slug), seed, _faker())


@settings(max_examples=300, deadline=None)
@given(PACKS, SEEDS)
def test_identifiers_are_valid(slug: str, seed: int) -> None:
    company = _situation(slug, seed).client.company
    assert len(company.siren) == 9 and luhn_valid(company.siren)
    assert len(company.siret) == 14 and luhn_valid(company.siret)
    assert company.siret == company.siren + company.nic
    assert company.tva_intracommunautaire == f"FR{vat_key(company.siren):02d}{company.siren}"
    assert (12 + 3 * (int(company.siren) % 97)) % 97 == int(company.tva_intracommunautaire[2:4])


@settings(max_examples=300, deadline=None)
@given(PACKS, SEEDS)
def test_address_contacts_and_naf_are_consistent(slug: str, seed: int) -> None:
    sit = _situation(slug, seed)
    company = sit.client.company
    a = company.address
    assert (a.postcode, a.city, a.department_code, a.department, a.region) in CITIES
    assert a.region in REGIONS_2016
    assert PHONE.match(company.phone)
    archetype = next(x for x in shipped_pack(slug).archetypes if x.key == company.archetype)
    assert company.naf.code in {n.code for n in archetype.naf}
    domain = company.website.removeprefix("www.")
    for contact in sit.client.contacts:
        assert PHONE.match(contact.phone) and contact.phone[:2] in ("06", "07")
        assert contact.email.endswith("@" + domain)
        assert contact.persona in ("directif", "analytique", "aimable", "expressif")


@settings(max_examples=300, deadline=None)
@given(PACKS, SEEDS)
def test_balance_sheets_balance_and_results_feed_equity(slug: str, seed: int) -> None:
    years = _situation(slug, seed).client.financials.exercices
    assert 2 <= len(years) <= 3
    assert [y.year_offset for y in years] == list(range(1 - len(years), 1))
    for year in years:
        b, r = year.bilan, year.compte_de_resultat
        actif = b.actif_immobilise + b.stocks + b.creances_clients + b.disponibilites
        passif = (
            b.capitaux_propres
            + b.dettes_financieres
            + b.dettes_fournisseurs
            + b.autres_dettes
            + b.concours_bancaires_courants
        )
        assert actif == b.total_actif == passif == b.total_passif
        assert b.disponibilites >= 0 and b.concours_bancaires_courants >= 0
        assert r.valeur_ajoutee == r.chiffre_affaires_ht - r.achats_consommes - r.charges_externes
        assert r.ebe == r.valeur_ajoutee - r.impots_et_taxes - r.charges_de_personnel
        assert r.resultat_exploitation == r.ebe - r.dotations_amortissements
        assert r.resultat_net == (
            r.resultat_exploitation - r.charges_financieres - r.impot_sur_les_societes
        )
        assert r.caf == r.resultat_net + r.dotations_amortissements
        assert r.charges_externes > 0
    for before, after in pairwise(years):
        assert after.bilan.capitaux_propres == (
            before.bilan.capitaux_propres + after.compte_de_resultat.resultat_net
        )


@settings(max_examples=300, deadline=None)
@given(PACKS, SEEDS)
def test_negotiation_domains_are_respected(slug: str, seed: int) -> None:
    sit = _situation(slug, seed)
    hidden = sit.negotiation.hidden
    assert sum(hidden.weights.values(), Decimal(0)) == 1
    assert all(w >= 0 for w in hidden.weights.values())
    assert Decimal(0) <= hidden.reservation_utility <= 1
    for issue in sit.negotiation.issues:
        assert issue.min <= issue.max
        assert issue.min <= hidden.reservation[issue.key] <= issue.max
        assert issue.min <= hidden.ideal[issue.key] <= issue.max
    assert (hidden.concession_exponent < 1) == (hidden.persona in ("directif", "analytique"))
    assert hidden.price_ceiling_ht <= sit.client.budget_ht
    assert hidden.batna.offer_total_ht == min(c.offer_total_ht for c in sit.competitors)
    assert hidden.persona == sit.buyer.persona


@settings(max_examples=300, deadline=None)
@given(PACKS, SEEDS)
def test_need_supply_and_competitors_come_from_the_pack(slug: str, seed: int) -> None:
    pack, sit = shipped_pack(slug), _situation(slug, seed)
    products = {p.ref: p for p in pack.catalogue.products}
    for line in sit.need.lines:
        assert line.amount_ht == line.list_price_ht * line.quantity
        assert line.list_price_ht == products[line.ref].list_price_ht
    assert sit.need.list_total_ht == sum(x.amount_ht for x in sit.need.lines + sit.need.services)
    assert [s.ref for s in sit.supply] == [line.ref for line in sit.need.lines]
    for supply in sit.supply:
        assert supply.shortage == (supply.stock < supply.needed)
    assert 1 <= len(sit.competitors) <= 2
    names = {c.name: c for c in pack.competitors}
    for offer in sit.competitors:
        bounds = names[offer.name].price_index
        assert bounds.min <= offer.price_index <= bounds.max
    assert sit.client.budget_ht > 0
