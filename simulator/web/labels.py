"""French (translatable) labels for the domain's code values, used by every template."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

LABELS = {
    # buying centre roles
    "prescripteur": _l("prescripteur"), "decideur": _l("décideur"), "utilisateur": _l("utilisateur"),
    "acheteur": _l("acheteur"), "filtre": _l("filtre"),
    # socio-styles (Merrill & Reid)
    "directif": _l("directif"), "analytique": _l("analytique"), "aimable": _l("aimable"),
    "expressif": _l("expressif"),
    # SONCAS(E) motivations
    "securite": _l("sécurité"), "orgueil": _l("orgueil"), "nouveaute": _l("nouveauté"),
    "confort": _l("confort"), "argent": _l("argent"), "sympathie": _l("sympathie"),
    "environnement": _l("environnement"),
    # financial profiles
    "sain": _l("sain"), "fragile": _l("fragile"), "risque": _l("risqué"),
    # objection kinds
    "prix": _l("prix"), "concurrent": _l("concurrent"), "delai": _l("délai"),
    "fiabilite": _l("fiabilité"), "besoin": _l("besoin"), "decision": _l("décision"),
    "sav": _l("SAV"),
}


def label(value: object) -> str:
    """The French label of a code value, or the value itself."""
    return str(LABELS.get(str(value), value))


def register_labels(app: Flask) -> None:
    """Expose `label` as a Jinja filter."""
    app.add_template_filter(label, "label")
