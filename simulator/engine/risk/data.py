"""Benchmarks, score scales and the simulated insurer's scale (reference §3.2-3.5), as data.

The benchmarks are teaching rules of thumb (« usual teaching benchmark [T/?] »); the insurer's
scale is a simulation parameter, not a published rule.
"""

from __future__ import annotations

from decimal import Decimal

D = Decimal

#: (minimum favourable or None, maximum favourable or None, French benchmark text) per ratio.
REPERES: dict[str, tuple[Decimal | None, Decimal | None, str]] = {
    "autonomie_financiere": (D("0.20"), None, "> 20–30 % selon le secteur"),
    "independance_financiere": (D("1"), None, "≥ 1"),
    "endettement": (None, D("1"), "≤ 1"),
    "solvabilite_generale": (D("1.5"), None, "> 1 ; confortable ≥ 1,5"),
    "liquidite_generale": (D("1"), None, "> 1"),
    "liquidite_reduite": (D("1"), None, "≈ 1"),
    "liquidite_immediate": (D("0.2"), None, "≈ 0,2–0,3"),
    "capacite_remboursement": (None, D("4"), "≤ 3 à 4 ans"),
    "dso_jours": (None, D("60"), "à comparer au plafond légal de 60 jours"),
    # functional balance sheet (€): read by its sign, and the BFR against the FRNG
    "frng": (D("0"), None, "≥ 0 : les ressources stables financent les immobilisations"),
    "bfr": (None, None, "≤ FRNG : le besoin de financement du cycle est couvert"),
    "tresorerie_nette": (D("0"), None, "≥ 0 ; négative = le BFR est financé par la banque"),
    "delai_fournisseurs_jours": (None, D("60"), "à comparer au plafond légal de 60 jours"),
    "rotation_stocks_jours": (None, None, "à comparer au secteur (plus court = moins de stock)"),
}

#: Conan & Holder (1979): coefficients of R1..R5 (ratios as decimals).
CONAN_HOLDER = (D("24"), D("22"), D("16"), D("-87"), D("-10"))
#: (lower bound, bound included?, zone, reading, risk level), applied to Z rounded to 2 decimals.
#: [?] The published bands « > 16 », « 9 à 16 », « 4 à 9 », « < 4 » overlap at 9 and 4: a shared
#: bound goes to the better band (9 → bonne, 4 → alerte); 16 itself is « bonne » (« > 16 »).
ECHELLE_CONAN_HOLDER = (
    (D("16"), False, "très bonne", "probabilité de défaillance < 10 %", 1),
    (D("9"), True, "bonne / prudence", "probabilité de défaillance 10 à 30 %", 2),
    (D("4"), True, "alerte", "probabilité de défaillance 30 à 65 %", 3),
    (None, True, "danger", "probabilité de défaillance > 65 %", 4),
)

#: Altman Z′ for unlisted firms [?] (secondary sources): coefficients and zones.
ALTMAN_Z_PRIME = (D("0.717"), D("0.847"), D("3.107"), D("0.420"), D("0.998"))
ECHELLE_ALTMAN = (
    (D("2.90"), False, "saine", "risque faible", 1),
    (D("1.23"), True, "zone grise", "risque incertain", 2),
    (None, True, "détresse", "risque élevé", 4),
)

LIBELLES_CLASSE = {1: "faible", 2: "modéré", 3: "élevé", 4: "critique"}

#: A late payment beyond this many days is « majeur »; above this count, minor ones add up.
RETARD_MAJEUR_JOURS = 30
RETARDS_MINEURS_MAX = 2

#: Simulated insurer: base = min(part of CA HT, part of capitaux propres) × class coefficient,
#: floored to the thousand euros; quotité garantie 90 % HT [?].
PART_CA_LIMITE = D("0.10")
PART_CP_LIMITE = D("0.25")
COEFFICIENT_LIMITE = {1: D("1"), 2: D("0.5"), 3: D("0.2"), 4: D("0")}
ARRONDI_LIMITE = D("1000")
QUOTITE_GARANTIE = D("0.90")

#: Acompte (%) recommended at order for each class; 100 means paiement comptant.
ACOMPTE_PAR_CLASSE = {1: D("0"), 2: D("0"), 3: D("30"), 4: D("100")}
#: Longest payment term (days from invoice) recommended for each class; 0 means comptant.
#: Same figures as the « delai » recommendations of cover.PAR_CLASSE.
DELAI_MAX_PAR_CLASSE = {1: 60, 2: 45, 3: 30, 4: 0}
#: An acompte computed to bring the exposure under the limit is rounded up to this step (%).
PAS_ACOMPTE = D("5")
