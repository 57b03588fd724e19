"""Legal figures of the B2B payment frame (reference §2.4–2.5), kept as data, not literals.

Sources: C. com. L441-10, L441-11, D441-5. ECB main refinancing (MRO) rates are the ones in force
on 1 January / 1 July of each semester. [?] The reference quotes 15,07 % for 2024-H1: that figure
is the taux d'intérêt légal (5,07 %) + 10, a known confusion of its source; the ECB MRO rate on
1 Jan 2024 was 4,50 %, hence 14,50 %. 2025-H2 and 2026-H1 use 2,15 % (MRO since 11 June 2025,
unverified for 2026-H1, as the reference says). Add a row each semester.
"""

from __future__ import annotations

from decimal import Decimal

#: ECB main refinancing rate (%) in force on the first day of (year, semester).
TAUX_BCE_REFI: dict[tuple[int, int], Decimal] = {
    (2023, 2): Decimal("4.00"),
    (2024, 1): Decimal("4.50"),
    (2024, 2): Decimal("4.25"),
    (2025, 1): Decimal("3.15"),
    (2025, 2): Decimal("2.15"),
    (2026, 1): Decimal("2.15"),
}

#: Points added to the ECB rate for the default late-payment penalty rate (L441-10 II).
MAJORATION_BCE_POINTS = Decimal("10")

#: Taux de l'intérêt légal, « autres cas » (creditor professional), per semester (%).
#: A contractual penalty rate may not be below 3 × this rate. [?] 2026-H1 not verified: absent.
TAUX_INTERET_LEGAL_PRO: dict[tuple[int, int], Decimal] = {
    (2024, 1): Decimal("5.07"),
    (2024, 2): Decimal("4.92"),
    (2025, 1): Decimal("3.71"),
    (2025, 2): Decimal("2.76"),
}

#: Fixed recovery indemnity per late invoice (D441-5), not subject to VAT.
INDEMNITE_FORFAITAIRE = Decimal("40.00")

#: Day basis of the penalty computation (TTC × taux × jours / 365, reference §2.5).
JOURS_PAR_AN = Decimal("365")

#: Maximum payment terms in days (C. com. L441-10 I, L441-11; public buyers [?]).
DELAI_SUPPLETIF = 30  # no agreed term: 30 days after receipt of goods / service
DELAI_MAX_DATE_FACTURE = 60  # agreed term, from invoice date
DELAI_MAX_FIN_DE_MOIS = 45  # derogation « 45 jours fin de mois », expressly stipulated
DELAI_MAX_FACTURE_PERIODIQUE = 45
DELAI_MAX_TRANSPORT = 30  # transport of goods (L441-11)
DELAI_MAX_ACHETEUR_PUBLIC: dict[str, int] = {"etat": 30, "hopital": 50}

#: Validity of an offer: common practice 30–90 days, no B2B statutory default.
VALIDITE_USUELLE_MAX_JOURS = 90
