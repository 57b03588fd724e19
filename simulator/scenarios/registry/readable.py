"""Changes between two snapshots in the jury's words: € / weeks / units, product designations.

Each change says whether a salesperson could know it (``visible``): the candidate's view of a
hand-over lists only those, computed on the student views of both snapshots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from simulator.engine.money import format_eur
from simulator.scenarios.registry.changes import diff, label_for

Snapshot = dict[str, Any]

#: hidden-parameter labels for the jury (the student never sees any of them)
_HIDDEN_LABELS = {
    "reservation_utility": "Seuil d'acceptation de l'acheteur (satisfaction minimale, de 0 à 1)",
    "price_ceiling_ht": "Prix plafond de l'acheteur HT",
    "concession_exponent": "Rythme de concession de l'acheteur (plus il est grand, plus il cède tard)",
    "patience": "Patience de l'acheteur (tours avant de rompre)",
    "persona": "Style social de l'acheteur",
    "motivations": "Motivations de l'acheteur",
    "desired_services": "Services souhaités par l'acheteur",
}
_PER_ISSUE = {
    "weights": "Importance pour l'acheteur de l'enjeu",
    "ideal": "Valeur idéale pour l'acheteur de l'enjeu",
    "reservation": "Limite de l'acheteur sur l'enjeu",
}
#: code values of roles and motivations, in words
_WORDS = {
    "prescripteur": "prescripteur",
    "decideur": "décideur",
    "utilisateur": "utilisateur",
    "acheteur": "acheteur",
    "filtre": "filtre",
    "securite": "sécurité",
    "nouveaute": "nouveauté",
}

#: lists compared as a whole (one sentence, not one per element)
_WHOLE_LISTS = (
    "client.payment_history.incidents",
    "need.constraints",
    "negotiation.hidden.motivations",
    "negotiation.hidden.desired_services",
)


@dataclass(frozen=True)
class ReadableChange:
    """One change as the jury reads it: label, before, after, and whether the candidate may know it."""

    label: str
    old: str
    new: str
    visible: bool

    @property
    def sentence(self) -> str:
        """« label : old → new »."""
        return f"{self.label} : {self.old} → {self.new}"


def _number(value: Any) -> str:
    """A number the French way (comma, no useless zeros); anything else as text."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    text = f"{number.normalize():f}" if number != 0 else "0"
    return text.replace(".", ",")


def _word(value: Any) -> str:
    return _WORDS.get(str(value), str(value))


def _count(value: Any, unit: str) -> str:
    """« 8 pièces », « 1 unité »: a quantity with its unit, plural from 2 on."""
    text = _number(value)
    try:
        plural = abs(Decimal(str(value))) >= 2
    except (InvalidOperation, ValueError):
        plural = True
    if plural and not unit.endswith(("s", "x")) and " " not in unit:
        unit += "s"
    return f"{text} {unit}"


def _money(value: Any) -> str:
    return "—" if value in (None, "") else format_eur(Decimal(str(value)))


def _change_pct(old: Any, new: Any) -> str:
    """« (−8 %) » between two amounts, empty when not computable."""
    try:
        before, after = Decimal(str(old)), Decimal(str(new))
    except (InvalidOperation, ValueError):
        return ""
    if not before:
        return ""
    pct = ((after - before) * 100 / before).quantize(Decimal("0.1"))
    sign = "+" if pct > 0 else "−" if pct < 0 else ""
    return f" ({sign}{_number(abs(pct))} %)"


def _designation(snapshot: Snapshot, ref: str) -> str:
    """The product's designation for a catalogue reference (the reference itself if unknown)."""
    for line in snapshot.get("need", {}).get("lines", []):
        if line.get("ref") == ref:
            return str(line.get("designation") or ref)
    return ref


def _issue_label(snapshot: Snapshot, key: str) -> str:
    for issue in snapshot.get("negotiation", {}).get("issues", []):
        if issue.get("key") == key:
            return str(issue.get("label") or key)
    return key


def _at(snapshot: Snapshot, path: str) -> Any:
    node: Any = snapshot
    for part in path.split("."):
        if isinstance(node, list):
            index = int(part)
            node = node[index] if index < len(node) else None
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


def _whole_list(path: str, before: Snapshot, after: Snapshot) -> ReadableChange:
    old, new = _at(before, path) or [], _at(after, path) or []
    if path == "client.payment_history.incidents":
        return ReadableChange("Incidents de paiement signalés", str(len(old)), str(len(new)), True)
    if path == "need.constraints":
        added = [c for c in new if c not in old]
        removed = [c for c in old if c not in new]
        return ReadableChange(
            "Contraintes du cahier des charges",
            "; ".join(f"« {c} »" for c in removed) or "—",
            "; ".join(f"« {c} »" for c in added) or "—",
            True,
        )
    key = path.rsplit(".", 1)[-1]
    return ReadableChange(
        _HIDDEN_LABELS[key],
        ", ".join(map(_word, old)) or "—",
        ", ".join(map(_word, new)) or "—",
        False,
    )


def _one(path: str, old: Any, new: Any, before: Snapshot, after: Snapshot) -> ReadableChange | None:
    """The readable form of one leaf change; None when it only follows another one."""
    parts = path.split(".")
    head = parts[0]
    if head == "supply" and len(parts) == 3:
        line = _at(after, ".".join(parts[:2])) or _at(before, ".".join(parts[:2])) or {}
        product = _designation(after, str(line.get("ref", "")))
        field = parts[2]
        if field == "lead_time_weeks":
            return ReadableChange(
                f"Délai de réapprovisionnement — {product}",
                f"{_number(old)} semaines",
                f"{_number(new)} semaines",
                True,
            )
        if field == "stock":
            return ReadableChange(
                f"Stock fournisseur — {product}", _count(old, "unité"), _count(new, "unité"), True
            )
        if field == "shortage":
            return ReadableChange(
                f"Rupture fournisseur — {product}", _number(old), _number(new), True
            )
        if field == "needed":
            return None  # follows the quantity
    if head == "need" and len(parts) == 4 and parts[1] == "lines":
        line = _at(after, ".".join(parts[:3])) or {}
        product = str(line.get("designation") or line.get("ref") or "")
        if parts[3] == "quantity":
            unit = str(line.get("unit") or "unité")
            return ReadableChange(
                f"Quantité demandée — {product}", _count(old, unit), _count(new, unit), True
            )
        if parts[3] == "amount_ht":
            return ReadableChange(
                f"Montant catalogue HT — {product}", _money(old), _money(new), True
            )
    if path == "need.list_total_ht":
        return ReadableChange("Montant catalogue du besoin HT", _money(old), _money(new), True)
    if head == "competitors" and len(parts) == 3:
        offer = _at(after, ".".join(parts[:2])) or {}
        name = str(offer.get("name") or "")
        if parts[2] == "offer_total_ht":
            return ReadableChange(
                f"Offre du concurrent {name} HT",
                _money(old),
                _money(new) + _change_pct(old, new),
                False,
            )
        if parts[2] == "price_index":
            return None  # said by the offer in €
    if path == "client.budget_ht":
        return ReadableChange(
            "Budget du client HT", _money(old), _money(new) + _change_pct(old, new), False
        )
    if path == "terms.max_payment_days":
        return ReadableChange(
            "Délai de paiement maximal accepté par le client",
            f"{_number(old)} jours",
            f"{_number(new)} jours",
            True,
        )
    if head == "buyer":
        if parts[1] in ("contact_id", "role", "motivations"):
            return None  # said by the name
        if parts[1] == "name":
            role = _at(after, "buyer.role") or ""
            return ReadableChange("Interlocuteur", str(old), f"{new} ({_word(role)})", True)
        if parts[1] == "persona":
            return ReadableChange("Style social de l'interlocuteur", str(old), str(new), False)
    if head == "client" and len(parts) == 4 and parts[1] == "contacts":
        contact = _at(after, ".".join(parts[:3])) or {}
        if parts[3] == "persona":
            name = f"{contact.get('first_name', '')} {contact.get('last_name', '')}".strip()
            return ReadableChange(f"Style social de {name}", str(old), str(new), False)
    if head == "negotiation" and len(parts) >= 4 and parts[1] == "issues":
        issue = _at(after, ".".join(parts[:3])) or _at(before, ".".join(parts[:3])) or {}
        label = str(issue.get("label") or issue.get("key") or "")
        if parts[3] in ("min", "max"):
            bound = "minimum" if parts[3] == "min" else "maximum"
            return ReadableChange(
                f"Enjeu négociable « {label} » ({bound})", _number(old), _number(new), True
            )
        return None  # the list of values follows the bounds
    if head == "negotiation" and len(parts) >= 3 and parts[1] == "hidden":
        field = parts[2]
        if field == "rules":
            return None
        if field in _PER_ISSUE and len(parts) == 4:
            label = f"{_PER_ISSUE[field]} « {_issue_label(after, parts[3])} »"
            return ReadableChange(label, _number(old), _number(new), False)
        if field == "price_ceiling_ht":
            return ReadableChange(_HIDDEN_LABELS[field], _money(old), _money(new), False)
        if field == "batna" and len(parts) == 4:
            if parts[3] == "offer_total_ht":
                return ReadableChange(
                    "Meilleure alternative de l'acheteur (offre concurrente HT)",
                    _money(old),
                    _money(new),
                    False,
                )
            if parts[3] == "competitor":
                return ReadableChange(
                    "Meilleure alternative de l'acheteur (concurrent)", str(old), str(new), False
                )
            return None
        if field in _HIDDEN_LABELS:
            return ReadableChange(_HIDDEN_LABELS[field], _number(old), _number(new), False)
        return ReadableChange(
            f"Paramètre caché de l'acheteur ({field})", _number(old), _number(new), False
        )
    visible = head not in ("negotiation", "registry", "utterances")
    return ReadableChange(label_for(path), _number(old), _number(new), visible)


def readable_changes(before: Snapshot, after: Snapshot) -> list[ReadableChange]:
    """What changed between two snapshots, in readable terms, each sentence once."""
    out: list[ReadableChange] = []
    seen: set[str] = set()
    for change in diff(before, after):
        whole = next((p for p in _WHOLE_LISTS if change.path.startswith(p + ".")), None)
        if whole is not None:
            readable: ReadableChange | None = _whole_list(whole, before, after)
        else:
            readable = _one(change.path, change.old, change.new, before, after)
        if readable is not None and readable.sentence not in seen:
            seen.add(readable.sentence)
            out.append(readable)
    return out


def sentences(before: Snapshot, after: Snapshot, visible_only: bool = False) -> list[str]:
    """The readable changes as sentences (only the candidate-visible ones if asked)."""
    return [c.sentence for c in readable_changes(before, after) if c.visible or not visible_only]


_PATH = re.compile(r"\b[a-z_]+(?:\.[a-z_0-9*]+){1,}\b")


def looks_like_a_path(text: str) -> bool:
    """Whether a text still shows a dotted code path (what a readable change must never do)."""
    return bool(_PATH.search(text))
