"""French (translatable) labels for the domain's code values, used by every template."""

from __future__ import annotations

from decimal import Decimal

from flask import Flask
from flask_babel import lazy_gettext as _l

from simulator.engine.money import format_eur

LABELS = {
    # buying centre roles
    "prescripteur": _l("prescripteur"),
    "decideur": _l("décideur"),
    "utilisateur": _l("utilisateur"),
    "acheteur": _l("acheteur"),
    "filtre": _l("filtre"),
    # socio-styles (Merrill & Reid)
    "directif": _l("directif"),
    "analytique": _l("analytique"),
    "aimable": _l("aimable"),
    "expressif": _l("expressif"),
    # SONCAS(E) motivations
    "securite": _l("sécurité"),
    "orgueil": _l("orgueil"),
    "nouveaute": _l("nouveauté"),
    "confort": _l("confort"),
    "argent": _l("argent"),
    "sympathie": _l("sympathie"),
    "environnement": _l("environnement"),
    # financial profiles
    "sain": _l("sain"),
    "fragile": _l("fragile"),
    "risque": _l("risqué"),
    # objection kinds
    "prix": _l("prix"),
    "concurrent": _l("concurrent"),
    "delai": _l("délai"),
    "fiabilite": _l("fiabilité"),
    "besoin": _l("besoin"),
    "decision": _l("décision"),
    "sav": _l("SAV"),
}


def label(value: object) -> str:
    """The French label of a code value, or the value itself."""
    return str(LABELS.get(str(value), value))


def change_value(value: object, path: str) -> str:
    """A changed value as a reader expects it: euros for amounts, labels for codes, — for none."""
    if value is None:
        return "—"
    if path.endswith("_ht") and isinstance(value, (str, int)):
        try:
            return format_eur(Decimal(str(value)))
        except ArithmeticError:
            return str(value)
    if isinstance(value, list):
        return ", ".join(label(v) for v in value)
    return label(value)


def register_labels(app: Flask) -> None:
    """Expose `label` and `change_value` as Jinja filters."""
    app.add_template_filter(label, "label")
    app.add_template_filter(change_value, "change_value")
