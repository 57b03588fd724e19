"""Normalisation of a student's French: case, accents, abbreviations, typos, numbers in words.

Pipeline (deterministic): lowercase → French number words to digits (text2num ``alpha2digit``,
accents still present) → accents stripped (unicodedata NFD) → digit groups (« 1 200 », « 1.200 »
→ 1200; « 2,5 » → 2.5; « 3 et demi » → 3.5; « pour cent »/« pourcent » → %) → oral abbreviations
(« qté », « sem. », « 30j », « c » for « c'est », « dsl », « svp »…) → each word close to a
keyword of the domain vocabulary (one or two edits, rapidfuzz Levenshtein) replaced by it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from text_to_num import alpha2digit

# Domain words whose misspellings we correct (already accent-free).
VOCABULAIRE = (
    "remise",
    "garantie",
    "paiement",
    "livraison",
    "acompte",
    "semaines",
    "semaine",
    "quantite",
    "projecteurs",
    "projecteur",
    "commande",
    "reception",
    "facture",
    "comptant",
    "quinzaine",
    "huitaine",
    "extension",
    "installation",
    "eclairement",
    "reformule",
    "comprends",
    "recapitule",
    "resumer",
    "proposition",
    "propose",
    "concurrence",
    "fournisseur",
    "budget",
    "decision",
    "livrer",
    "accorde",
    "descends",
    "economies",
    "securite",
    "environnement",
    "justement",
    "contrepartie",
    "condition",
    "echange",
    "signez",
    "maintenant",
    "aujourd",
    "criteres",
    "signer",
    "valider",
    "important",
    "delai",
    "payer",
    "mois",
    "jours",
)
_VOCAB_SET = frozenset(VOCABULAIRE)

ABREVIATIONS = (
    (r"\bqt[e]s?\b", "quantite"),
    (r"\bsem\b\.?", "semaines"),
    (r"\bsems\b", "semaines"),
    (r"(\d)\s?j\b", r"\1 jours"),
    (r"(\d)\s?sem\b", r"\1 semaines"),
    (r"\bmoi\b", "mois"),
    (r"\bprojos?\b", "projecteurs"),
    (r"\bdsl\b", "desole"),
    (r"\bsvp\b", "s'il vous plait"),
    (r"\bstp\b", "s'il te plait"),
    (r"\bqqn\b", "quelqu'un"),
    (r"\bqq\b", "quelque"),
    (r"\bpr\b", "pour"),
    (r"\bpcq\b", "parce que"),
    (r"\bmtn\b", "maintenant"),
    (r"\bhors taxes?\b", "ht"),
    (r"\btoutes taxes comprises\b", "ttc"),
    (r"\beuros?\b", "€"),
    (r"\beur\b", "€"),
    (r"\bc\b(?!')", "c'est"),
    (r"\bc'est ca\b", "c'est ca"),
    (r"\brecap\b", "recapitule"),
)
_ABREV = tuple((re.compile(p), r) for p, r in ABREVIATIONS)
_MOT = re.compile(r"[a-z]+")


def sans_accents(texte: str) -> str:
    """Strip diacritics (NFD, combining marks removed); œ and æ spelt out."""
    texte = texte.replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", texte) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def corriger_mot(mot: str) -> str:
    """The vocabulary word one edit away (two for long words), or the word itself."""
    if (
        len(mot) < 5
        or mot in _VOCAB_SET
        or any(v.startswith(mot) or mot.startswith(v) for v in VOCABULAIRE)
    ):
        return mot  # a known word or an inflection of one: never "corrected"
    seuil = 1 if len(mot) < 9 else 2
    meilleur, distance = mot, seuil + 1
    for cible in VOCABULAIRE:  # fixed order: deterministic ties
        if abs(len(cible) - len(mot)) > seuil:
            continue
        d = Levenshtein.distance(mot, cible, score_cutoff=seuil)
        if d < distance:
            meilleur, distance = cible, d
    return meilleur


def _nombres_en_mots(texte: str) -> str:
    texte = re.sub(r"quatre[ -]vingts?", "quatre-vingt", texte)
    texte = re.sub(r"\bpour ?cents?\b|\bpourcents?\b|\bpourcentage\b", " % ", texte)
    # "un/une" alone stays an article (alpha2digit keeps it); "deux ans", "trente jours" convert.
    return alpha2digit(texte, "fr")


def _chiffres(texte: str) -> str:
    texte = re.sub(r"(\d)\s?%", r"\1 %", texte)
    texte = re.sub(r"(\d+) et demie?\b", r"\1.5", texte)
    texte = re.sub(r"(\d+) virgule (\d+)", r"\1.\2", texte)
    texte = re.sub(r"(\d+),(\d+)", r"\1.\2", texte)
    # thousands: "1.200", "1 200", "21 000" (a group of exactly three digits)
    texte = re.sub(r"\b(\d{1,3})[. \u00a0\u202f](\d{3})\b(?![.,]\d)", r"\1\2", texte)
    texte = re.sub(r"(\d)(€)", r"\1 \2", texte)
    return texte


@lru_cache(maxsize=2048)
def normaliser(texte: str) -> str:
    """The canonical form every pattern of the package is written against."""
    t = texte.lower().replace("’", "'").replace("`", "'").replace("\u00a0", " ")
    t = _nombres_en_mots(t)
    t = sans_accents(t)
    t = _chiffres(t)
    for motif, rempl in _ABREV:
        t = motif.sub(rempl, t)
    t = _MOT.sub(lambda m: corriger_mot(m.group(0)), t)
    return re.sub(r"\s+", " ", t).strip()
