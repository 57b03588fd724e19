"""Seller's margin per issue value, computed with the quote engine on the situation's need.

The engine needs an additive margin: ``marge = marge_fixe + Σ impact(issue, value)``. Every impact
is exact (``calculer_devis``, Decimal, cents) for its own issue, the others held at a reference
package; the cross effects (a discount also applies to extra units) are linearised at that point:

- reference package: the need as quoted (main-line quantity, the need's services billed), no
  discount, paid cash, no down payment, standard warranty; ``marge_fixe`` is its margin;
- remise: margin of the quote with a footer discount of r % minus the reference margin;
- quantité: extra units of the main line at the buyer's reservation discount (the expected deal);
- services offered: a service of the need given free loses its price (its cost stays), any other
  service offered costs its purchase cost; services are offered in the order of ``options``;
- délai de paiement: cost of money on the expected net, ``TAUX_FINANCEMENT`` a year;
- acompte: cash received earlier (lead time + usual payment days) plus the credit risk it covers
  (``RISQUE_PAR_PROFIL`` of the amount, by the client's financial profile);
- garantie: ``COUT_GARANTIE_MOIS`` of the products' purchase cost per month beyond the standard one;
- délai de livraison: ``COUT_EXPRESS_SEMAINE`` of the expected net per week faster than the
  supplier's minimum lead time + 1 week (priority handling, express transport).

Seller floor: the pack's minimum taux de marque on the need (price P with (P − C) / P = t, i.e.
margin C·t / (1 − t)). Target: halfway between the floor and the margin at list price.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from simulator.engine.money import cents
from simulator.engine.quote.models import Devis, LigneDevis, Reduction
from simulator.engine.quote.pricing import calculer_devis

TAUX_FINANCEMENT = Decimal("0.05")
RISQUE_PAR_PROFIL = {
    "sain": Decimal("0.005"),
    "fragile": Decimal("0.02"),
    "risque": Decimal("0.05"),
}
COUT_GARANTIE_MOIS = Decimal("0.0025")
COUT_EXPRESS_SEMAINE = Decimal("0.01")
AUCUN = "aucun"


def _euros(x: Decimal) -> Decimal:
    """Cents, without a negative zero (« -0.00 » would show in the JSON)."""
    return cents(x) + 0


@dataclass(frozen=True)
class Besoin:
    """The need as quote lines: products (main line first) and the services it bills."""

    produits: tuple[LigneDevis, ...]
    services: tuple[LigneDevis, ...]
    couts_services: dict[str, Decimal]  # every catalogue service's purchase cost

    def devis(
        self,
        remise: Decimal = Decimal(0),
        quantite: int | None = None,
        offerts: tuple[str, ...] = (),
    ) -> Devis:
        """The quote of the need with a footer discount, a main-line quantity, services offered."""
        produits = list(self.produits)
        if quantite is not None:
            p = produits[0]
            produits[0] = LigneDevis(
                p.ref,
                p.designation,
                Decimal(quantite),
                p.prix_unitaire_ht,
                p.cout_achat_unitaire_ht,
                p.taux_tva,
            )
        factures = [s for s in self.services if s.ref not in offerts]
        gratuits = [
            LigneDevis(ref, ref, Decimal(1), Decimal(0), self.couts_services[ref])
            for ref in offerts
        ]
        reductions = (Reduction("remise", taux=remise),) if remise else ()
        return Devis(lignes=tuple(produits + factures + gratuits), reductions=reductions)

    def marge(self, **kw: Any) -> Decimal:
        """Margin of the quote (quote engine, exact)."""
        return calculer_devis(self.devis(**kw)).marge_brute

    @property
    def cout_produits(self) -> Decimal:
        """Purchase cost of the products of the need."""
        return sum(
            (ligne.quantite * ligne.cout_achat_unitaire_ht for ligne in self.produits), Decimal(0)
        )


def besoin_depuis(snapshot: dict[str, Any]) -> Besoin:
    """Read the need's lines and the catalogue costs from a snapshot."""
    cat = snapshot["catalogue"]
    couts = {p["ref"]: Decimal(p["purchase_cost"]) for p in cat["products"]}
    couts_srv = {s["ref"]: Decimal(s["purchase_cost"]) for s in cat["services"]}

    def ligne(d: dict[str, Any], cout: Decimal) -> LigneDevis:
        return LigneDevis(
            d["ref"],
            d["designation"],
            Decimal(d["quantity"]),
            Decimal(d["list_price_ht"]),
            cout,
            Decimal(d.get("vat_rate", "20")),
        )

    need = snapshot["need"]
    return Besoin(
        produits=tuple(ligne(d, couts[d["ref"]]) for d in need["lines"]),
        services=tuple(ligne(d, couts_srv[d["ref"]]) for d in need["services"]),
        couts_services=couts_srv,
    )


def options_services(
    snapshot: dict[str, Any], comptes: list[int]
) -> list[tuple[str, tuple[str, ...]]]:
    """Service options as (label, refs offered): the need's services first, then the others."""
    domaine = next(i for i in snapshot["negotiation"]["issues"] if i["key"] == "services")
    voulus = [s["ref"] for s in snapshot["need"]["services"]]
    ordre = [r for r in voulus if r in domaine["values"]] + [
        r for r in domaine["values"] if r not in voulus
    ]
    ordre += [r for r in voulus if r not in ordre]
    ordre = [r for r in ordre if r not in _extensions_doublons(snapshot)]
    options: list[tuple[str, tuple[str, ...]]] = []
    for n in comptes:
        refs = tuple(ordre[:n])
        option = (" + ".join(refs) if refs else AUCUN, refs)
        if option not in options:  # fewer services left than counts: no duplicate option
            options.append(option)
    return options


def _extensions_doublons(snapshot: dict[str, Any]) -> set[str]:
    """Warranty-extension services, when the warranty is itself an issue (negotiated in months).

    The buyer would otherwise ask for 48 months' warranty and the extension service at once.
    """
    cles = {i["key"] for i in snapshot["negotiation"]["issues"]}
    if "garantie_mois" not in cles:
        return set()
    return {
        s["ref"] for s in snapshot["catalogue"]["services"] if s.get("kind") == "garantie_etendue"
    }


def impacts(
    snapshot: dict[str, Any], b: Besoin, cle: str, valeurs: list[Any], contexte: dict[str, Any]
) -> list[Decimal]:
    """Euros each value adds to the seller's margin, relative to the reference package."""
    base = contexte["marge_reference"]
    net, delai_min = contexte["net_attendu"], contexte["delai_min"]
    if cle == "remise_pct":
        return [b.marge(remise=Decimal(v)) - base for v in valeurs]
    if cle == "quantite":
        r, q0 = contexte["remise_attendue"], int(b.produits[0].quantite)
        ref = b.marge(remise=r, quantite=q0)
        return [b.marge(remise=r, quantite=int(v)) - ref for v in valeurs]
    if cle == "services":
        return [b.marge(offerts=refs) - base for _, refs in valeurs]
    if cle == "delai_paiement_jours":
        return [_euros(-net * TAUX_FINANCEMENT * Decimal(v) / 365) for v in valeurs]
    if cle == "acompte_pct":
        ph = snapshot["client"]["payment_history"]
        horizon = Decimal(snapshot["need"]["deadline_weeks"] * 7 + ph["usual_payment_days"])
        risque = RISQUE_PAR_PROFIL.get(snapshot["client"]["financials"]["profile"], Decimal("0.02"))
        taux = TAUX_FINANCEMENT * horizon / 365 + risque
        return [_euros(net * Decimal(v) / 100 * taux) for v in valeurs]
    if cle == "garantie_mois":
        standard = contexte["garantie_standard"]
        return [
            _euros(-b.cout_produits * COUT_GARANTIE_MOIS * max(0, int(v) - standard))
            for v in valeurs
        ]
    if cle == "delai_livraison_semaines":
        confort = (delai_min or 1) + 1
        return [_euros(-net * COUT_EXPRESS_SEMAINE * max(0, confort - int(v))) for v in valeurs]
    raise KeyError(cle)


def objectifs(snapshot: dict[str, Any], b: Besoin, marge_liste: Decimal) -> tuple[Decimal, Decimal]:
    """Seller floor (minimum taux de marque on the need's cost) and target margin, in euros."""
    t = Decimal(snapshot["terms"]["min_taux_de_marque_pct"]) / 100
    cout = calculer_devis(b.devis()).cout_achat_ht
    plancher = cents(cout * t / (1 - t)) if t < 1 else marge_liste
    return plancher, cents((plancher + max(marge_liste, plancher)) / 2)
