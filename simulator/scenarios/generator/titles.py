"""Job titles agreed with the contact's gender: « Directrice générale », « Gérante », « Acheteuse »."""

from __future__ import annotations

import re

#: masculine word -> feminine word (lower case; the capital is restored)
FEMININS: dict[str, str] = {
    "directeur": "directrice",
    "gérant": "gérante",
    "acheteur": "acheteuse",
    "président": "présidente",
    "responsable": "responsable",
    "chef": "cheffe",
    "ingénieur": "ingénieure",
    "technicien": "technicienne",
    "conducteur": "conductrice",
    "contrôleur": "contrôleuse",
    "adjoint": "adjointe",
    "assistant": "assistante",
    "général": "générale",
    "commercial": "commerciale",
    "administratif": "administrative",
    "financier": "financière",
    "industriel": "industrielle",
    "technique": "technique",
    "associé": "associée",
    "fondateur": "fondatrice",
    "dirigeant": "dirigeante",
    "gestionnaire": "gestionnaire",
    "approvisionneur": "approvisionneuse",
    "animateur": "animatrice",
    "coordinateur": "coordinatrice",
    "délégué": "déléguée",
    "chargé": "chargée",
    "principal": "principale",
    "opérationnel": "opérationnelle",
    "logistique": "logistique",
    "économe": "économe",
    "intendant": "intendante",
    "préventeur": "préventrice",
    "infirmier": "infirmière",
    "cadre": "cadre",
    "supérieur": "supérieure",
    "hygiéniste": "hygiéniste",
    "acquéreur": "acquéreuse",
    "comptable": "comptable",
    "exploitant": "exploitante",
}
_MOT = re.compile(r"[A-Za-zÀ-ÿ]+(?:\(e\))?")


def agree(title: str, female: bool) -> str:
    """The title agreed with the gender; « Assistant(e) » becomes « Assistante » or « Assistant »."""

    def accorde(m: re.Match[str]) -> str:
        mot = m.group(0)
        if mot.endswith("(e)"):
            base = mot[:-3]
            return base + "e" if female else base
        if not female:
            return mot
        fem = FEMININS.get(mot.lower())
        if fem is None:
            return mot
        return fem[:1].upper() + fem[1:] if mot[:1].isupper() else fem

    return _MOT.sub(accorde, title)
