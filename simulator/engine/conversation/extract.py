"""Terms the seller states, read from normalised text: issue key → value (moves-file types).

Conversions: delivery in weeks (« un mois » 4, « 15 jours »/« quinzaine » 2, « 8 jours »/
« huitaine » 1), warranty in months (« deux ans » 24), payment in days (« comptant », « à
réception de facture » 0; « 30 jours fin de mois » 30), « pas d'acompte »/« pas de remise » 0,
« la moitié à la commande » 50, amounts HT (TTC divided by 1 + VAT). Relative moves keep the
stated result (« 1 % de plus, soit 6 % » → 6; « 6 % au lieu de 5 » → 6); a relative move with
no result, an approximate quantity (« une centaine ») or an issue named without a figure is
reported as ambiguous, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from simulator.engine.conversation.context import ConversationContext
from simulator.engine.conversation.text import sans_accents

NB = r"(\d+(?:\.\d+)?)"
MOTS_VIDES = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "et",
    "d",
    "l",
    "par",
    "pour",
    "en",
    "avec",
    "sur",
    "au",
    "aux",
    "notre",
    "votre",
    "un",
    "une",
    "a",
}
GENERIQUES = {
    "garantie",
    "mois",
    "service",
    "services",
    "contrat",
    "forfait",
    "jour",
    "jours",
    "visite",
    "equipe",
    "notre",
    "technique",
    "installation",
    "bilan",
    "calcul",
}
APPROX = re.compile(
    r"\b(?:une |un )?(?:dizaine|douzaine|vingtaine|trentaine|quarantaine|"
    r"cinquantaine|soixantaine|centaine|millier)s?\b|\b(?:a peu pres|environ|"
    r"grosso modo|dans les)\s+\d"
)
RELATIF_SANS_RESULTAT = re.compile(
    r"(?:\b(?:monte|augmente|baisse|rajoute|ajoute|gagne|remonte|reduis|reduit)\w*(?: [\w']+){0,3} "
    r"de \d+(?:\.\d+)? (?:points?|%)|\bde \d+(?:\.\d+)? points?\b|\d+(?:\.\d+)? (?:€ )?(?:ht |ttc )?"
    r"de plus\b)(?!.*\bsoit\b)"
)
VAGUE = re.compile(
    r"\b(?:petite|grosse|belle|bonne|meilleure) (?:remise|garantie|reduction)\b|"
    r"\bquelques (?:semaines|jours|mois)\b|\b(?:delai|prix) (?:raisonnable|correct|"
    r"interessant)\b|\bbon prix\b|\beffort sur (?:la |le |l')?(\w+)"
)


@dataclass(frozen=True)
class Mention:
    """One term found: issue key, value (moves-file type) and where it starts in the text."""

    cle: str
    valeur: object
    debut: int
    explicite: bool = True  # the issue is named next to the figure (not only guessed from a unit)


def decimal_str(valeur: Decimal) -> str:
    """'7.50' → '7.5', '5.0' → '5' (the moves format's decimal strings)."""
    v = valeur.normalize()
    return format(v, "f")


def montant_ht(valeur: Decimal, ttc: bool, tva: Decimal) -> str:
    ht = valeur / (1 + tva / 100) if ttc else valeur
    return str(ht.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _sans_relatifs(t: str) -> str:
    """Remove what a relative move leaves behind: « au lieu de 5 », « 1 % de plus, soit »."""
    t = re.sub(
        r"\bau lieu de (?:\d+(?:\.\d+)?|l'|la |le )\s*(?:%|semaines?|jours?|mois|ans?|€)?", " ", t
    )
    t = re.sub(
        r"(?:\d+(?:\.\d+)?|une|un) (?:%|points?|semaines?|jours?|mois) de plus[^,;]*,?\s*soit",
        " soit",
        t,
    )
    return t


def _clauses(t: str) -> list[tuple[int, str]]:
    """Clauses (start, text) split on punctuation and « et »: the window an issue word applies to."""
    res, debut = [], 0
    for m in re.finditer(
        r"[,;:!?]|(?<!\d)\.|\.(?!\d)|\bet\b|\bavec\b|\bmais\b|\bsans\b(?= acompte| service)", t
    ):
        res.append((debut, t[debut : m.start()]))
        debut = m.start() if m.group(0) == "sans" else m.end()
    res.append((debut, t[debut:]))
    return [(d, c) for d, c in res if c.strip()]


PAIEMENT = re.compile(
    r"paiement|payer|payez|payiez|paye|reglement|regler|solde|reste|facture|fin de mois"
)
LIVRAISON = re.compile(r"livr|livraison|expedi|delai de livraison|installe")
GARANTIE = re.compile(r"garantie|garanti")
ACOMPTE = re.compile(r"acompte|a la commande|d'avance")


def _cle_pourcentage(clause: str, pos: int) -> str:
    """Down payment only when the figure is tied to it (« 40 % d'acompte », « acompte de 20 % »)."""
    apres, avant = clause[pos : pos + 30], clause[max(0, pos - 25) : pos]
    if re.match(
        r"[\d.]+ % (?:d'|d |en |de l')?(?:acompte|a la commande|d'avance)", apres
    ) or re.search(r"(?:acompte|a la commande)\s*(?:de |: |a |=)?(?:\w+ ){0,2}$", avant):
        return "acompte_pct"
    return "remise_pct"


def _cle_duree(clause: str, phrase: str, unite: str) -> str | None:
    """Which issue a duration belongs to, from its clause first, then from the whole sentence."""
    for zone in (clause, phrase):
        p, liv, g = (
            bool(PAIEMENT.search(zone)),
            bool(LIVRAISON.search(zone)),
            bool(GARANTIE.search(zone)),
        )
        if unite in ("mois", "ans") and g:
            return "garantie_mois"
        if sum((p, liv)) == 1:
            return "delai_paiement_jours" if p else "delai_livraison_semaines"
        if zone is clause and "delai" in zone and not p:
            return "delai_livraison_semaines"
    if unite == "ans":
        return "garantie_mois"
    if unite == "semaines":
        return "delai_livraison_semaines"
    if unite == "jours":
        return "delai_paiement_jours"  # days are the payment unit; delivery is said in weeks
    return None


def _duree(n: Decimal, unite: str, cle: str) -> int | None:
    if cle == "garantie_mois":
        return int(n * 12) if unite == "ans" else int(n) if unite == "mois" else None
    if cle == "delai_livraison_semaines":
        if unite == "semaines":
            return int(n)
        if unite == "mois":
            return int(n * 4)
        if unite == "jours":
            return {8: 1, 15: 2, 21: 3}.get(int(n), None) if n % 7 else int(n / 7)
    if cle == "delai_paiement_jours":
        return int(n) if unite == "jours" else int(n * 30) if unite == "mois" else None
    return None


def mots_produit(ctx: ConversationContext) -> tuple[str, ...]:
    premier = re.findall(r"[a-z]+", sans_accents(ctx.product.lower()))
    return (premier[0][:5],) if premier else ()


def _services(t: str, ctx: ConversationContext) -> Mention | None:
    if not ctx.service_options:
        return None
    m = re.search(r"\b(?:sans|aucun|pas de) (?:services?|prestations?)\b", t)
    if m:
        return Mention("services", "aucun", m.start())
    trouves: list[tuple[int, str]] = []
    mots = set(re.findall(r"[a-z]+", t))
    for s in ctx.services:
        significatifs = [
            w
            for w in re.findall(r"[a-z]+", sans_accents(s.designation.lower()))
            if w not in MOTS_VIDES and len(w) > 2
        ]
        if not significatifs:
            continue
        tete = significatifs[0]
        distinctifs = [w for w in significatifs[1:] if len(w) >= 5 and w not in GENERIQUES]
        if tete in mots or any(w in mots for w in distinctifs):
            pos = min(t.find(w) for w in [tete, *distinctifs] if w in mots)
            trouves.append((pos, s.ref))
    if not trouves:
        return None
    refs = {r for _, r in trouves}
    for option in ctx.service_options:  # the smallest cumulative option holding them all
        if refs <= set(option.split(" + ")):
            return Mention("services", option, min(p for p, _ in trouves))
    return None


def extraire(t: str, ctx: ConversationContext) -> tuple[list[Mention], str | None]:
    """Every term stated in normalised text ``t``, and the issue left ambiguous (or None)."""
    if APPROX.search(t):
        produits = "|".join(mots_produit(ctx) or ("xx",))
        quantite = re.search(rf"\b(?:{produits})", t) or not re.search(r"%|semaines|jours|mois", t)
        return [], "quantite" if quantite else "valeur"
    if RELATIF_SANS_RESULTAT.search(t):
        return [], "relatif"
    t = _sans_relatifs(t)
    mentions: list[Mention] = []
    pris: list[tuple[int, int]] = []

    def ajoute(
        cle: str, valeur: object, m: re.Match[str] | _Decale, explicite: bool = True
    ) -> None:
        if ctx.has(cle) and not any(a <= m.start() < b for a, b in pris):
            mentions.append(Mention(cle, valeur, m.start(), explicite))
            pris.append((m.start(), m.end()))

    for m in re.finditer(r"\b(?:pas d'|sans |aucun |zero |enleve l'|supprime l')acompte", t):
        ajoute("acompte_pct", "0", m)
    for m in re.finditer(r"\bla moitie (?:a la commande|d'acompte|en acompte)", t):
        ajoute("acompte_pct", "50", m)
    for m in re.finditer(r"\b(?:pas de|sans|aucune) remise\b", t):
        ajoute("remise_pct", "0", m)
    for m in re.finditer(
        r"\b(?:comptant|a reception(?: de (?:la )?facture)?|a la livraison pour le paiement)", t
    ):
        ajoute("delai_paiement_jours", 0, m)
    for m in re.finditer(r"\b(?:sous|en|dans) (?:une |la )?quinzaine|\bquinzaine\b", t):
        ajoute("delai_livraison_semaines", 2, m)
    for m in re.finditer(r"\b(?:sous|en|dans) (?:une |la )?huitaine|\bhuitaine\b", t):
        ajoute("delai_livraison_semaines", 1, m)
    produit = "|".join(re.escape(p) for p in mots_produit(ctx)) or "xxx"
    for m in re.finditer(
        rf"\b(\d+) (?:{produit}|unites?\b|pieces?\b|exemplaires?\b|pcs\b)\w*|\bquantite (?:de |a |: )?(\d+)\b",
        t,
    ):
        ajoute("quantite", int(m.group(1) or m.group(2)), m)
    for debut, clause in _clauses(t):
        for m in re.finditer(rf"{NB} %", clause):
            n = Decimal(m.group(1))
            cle = _cle_pourcentage(clause, m.start())
            nomme = bool(re.search(r"remise|reduction|rabais|acompte|commande|\bfais\b", clause))
            ajoute(cle, decimal_str(n), _Decale(None, debut + m.start(), debut + m.end()), nomme)
        for m in re.finditer(rf"(?:\b{NB}|\b(un|une)) (semaines?|jours?|mois|ans?)\b", clause):
            unite = {"semaine": "semaines", "jour": "jours", "an": "ans"}.get(
                m.group(3), m.group(3)
            )
            unite = "semaines" if unite.startswith("semaine") else unite
            n = Decimal(m.group(1)) if m.group(1) else Decimal(1)
            cle_duree = _cle_duree(clause, t, unite)
            if cle_duree is None:
                continue
            v = _duree(n, unite, cle_duree)
            if v is not None:
                nomme = _cle_duree(clause, "", unite) == cle_duree and bool(
                    PAIEMENT.search(clause)
                    or LIVRAISON.search(clause)
                    or GARANTIE.search(clause)
                    or "delai" in clause
                )
                ajoute(cle_duree, v, _Decale(None, debut + m.start(), debut + m.end()), nomme)
    s = _services(t, ctx)
    if s is not None and "services" not in {x.cle for x in mentions}:
        mentions.append(s)
    mentions.sort(key=lambda x: x.debut)
    # one value per issue: the last stated wins (« 5 %… soit 6 % »)
    par_cle: dict[str, Mention] = {}
    for x in mentions:
        par_cle[x.cle] = x
    return sorted(par_cle.values(), key=lambda x: x.debut), None


class _Decale:
    """A match-like span shifted into sentence coordinates."""

    def __init__(self, _m: object, debut: int, fin: int) -> None:
        self._d, self._f = debut, fin

    def start(self) -> int:
        return self._d

    def end(self) -> int:
        return self._f


def prix(t: str, tva: Decimal) -> str | None:
    """An absolute amount (HT unless TTC is said), as a decimal string with cents."""
    m = re.search(rf"{NB} ?€ ?(ht|ttc)?|{NB} (ht|ttc)\b", t)
    if not m:
        return None
    n = Decimal(m.group(1) or m.group(3))
    ttc = (m.group(2) or m.group(4)) == "ttc"
    return montant_ht(n, ttc, tva)
