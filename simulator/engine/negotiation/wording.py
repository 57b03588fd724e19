"""French wording of the buyer's values: Babel number formats, plurals, designations, no repeats.

One formatting helper for the whole reply layer: `afficher` takes the locale as a parameter
(French by default), so a page or a reply never shows « 10707.96 € », « 5.3 % » or « 1 semaines ».
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from decimal import Decimal

from babel.numbers import format_currency, format_decimal

LOCALE = "fr_FR"
AUCUN = "aucun"
#: (singular, plural) of each counted kind's unit
UNITES: dict[str, tuple[str, str]] = {
    "quantite": ("unité", "unités"),
    "delai": ("semaine", "semaines"),
    "paiement": ("jour", "jours"),
    "garantie": ("mois", "mois"),
}
#: ways to say again what was already said, tried in order before the numbered fallback
REDITES = (
    "Je vous le redis : {texte}",
    "Comme je vous le disais, {texte_min}",
    "Encore une fois : {texte}",
    "Ma position n'a pas changé. {texte}",
    "Je me répète, mais {texte_min}",
)


def nombre(valeur: Decimal | int, locale: str = LOCALE) -> str:
    """A number the locale's way, without useless zeros: 5.30 -> « 5,3 », 1200 -> « 1 200 »."""
    return format_decimal(Decimal(valeur).normalize(), format="#,##0.##", locale=locale)


def montant(valeur: Decimal, locale: str = LOCALE) -> str:
    """An amount in euros: « 10 707,96 € »."""
    return format_currency(Decimal(valeur), "EUR", locale=locale)


def pourcent(valeur: Decimal | int, locale: str = LOCALE) -> str:
    """A percentage given in percent points: 5.3 -> « 5,3 % » (en: « 5.3% »)."""
    texte = nombre(valeur, locale)
    return f"{texte}\u202f%" if locale.startswith("fr") else f"{texte}%"


def compte(n: int | Decimal, singulier: str, pluriel: str, locale: str = LOCALE) -> str:
    """A count with its agreed unit: « 1 semaine », « 3 semaines » (0 and 1 singular in French)."""
    un = abs(Decimal(n)) < 2 if locale.startswith("fr") else abs(Decimal(n)) == 1
    return f"{nombre(n, locale)}\xa0{singulier if un else pluriel}"


def services(option: str, designations: Mapping[str, str]) -> str:
    """A service option « REF-A + REF-B » said with the pack's designations, never its references."""
    if option.strip() in ("", AUCUN):
        return "aucun service"
    noms = [_minuscule(designations.get(r.strip(), "le service prévu")) for r in option.split("+")]
    return noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]


def afficher(
    nature: str,
    valeur: Decimal | int | str,
    designations: Mapping[str, str] | None = None,
    locale: str = LOCALE,
) -> str:
    """Format one issue value the locale's way, with its agreed unit (prices HT)."""
    if nature == "prix":
        return montant(Decimal(valeur), locale) + " HT"
    if nature in ("remise", "acompte"):
        return pourcent(Decimal(valeur), locale)
    if nature == "service":
        return services(str(valeur), designations or {})
    singulier, pluriel = UNITES.get(nature, ("", ""))
    return compte(Decimal(valeur), singulier, pluriel, locale).strip()


def empreinte(texte: str) -> str:
    """A short fingerprint of a sentence, to remember what the buyer already said."""
    return hashlib.blake2b(" ".join(texte.split()).encode(), digest_size=8).hexdigest()


def choisir(modeles: Sequence[str], depart: int, deja: set[str], champs: Mapping[str, str]) -> str:
    """The first formulation (from `depart`, cyclically) whose filled text was not said yet."""
    textes = [m.format_map(_Vide(champs)) for m in modeles]
    for k in range(len(textes)):
        texte = textes[(depart + k) % len(textes)]
        if empreinte(texte) not in deja:
            return texte
    return textes[depart % len(textes)]


def sans_redite(texte: str, deja: set[str]) -> str:
    """The text itself if new; else said again with a connective (numbered at last resort)."""
    if empreinte(texte) not in deja:
        return texte
    champs = {"texte": texte, "texte_min": _minuscule(texte)}
    for modele in REDITES:
        autre = modele.format_map(champs)
        if empreinte(autre) not in deja:
            return autre
    n = 2
    while True:
        autre = f"Je vous le dis pour la {n}e fois : {texte}"
        if empreinte(autre) not in deja:
            return autre
        n += 1


def _minuscule(texte: str) -> str:
    """Lower the first letter unless the word is an acronym (« IRVE », « EPI »)."""
    mot = texte.split(" ", 1)[0]
    if len(mot) > 1 and mot[:2].isupper():
        return texte
    return texte[:1].lower() + texte[1:]


class _Vide(dict):  # type: ignore[type-arg]
    """format_map helper that leaves unknown placeholders empty."""

    def __missing__(self, cle: str) -> str:
        return ""
