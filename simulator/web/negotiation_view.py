"""What the student sees of a negotiation: identity card, offer board, transcript (no hidden value)."""

from __future__ import annotations

from typing import Any

from simulator.engine.negotiation import NegotiationSetup, public_reply, public_view
from simulator.engine.negotiation import vocabulary as voc
from simulator.engine.negotiation.values import ValeurInvalide, afficher
from simulator.operations.negotiations import Game
from simulator.scenarios.negotiation_setup.standing import standing_figures

#: how a buyer shows an emotion across the table: an icon and a few words
EMOTIONS = {
    "satisfait": ("☺", "a l'air satisfait"),
    "intéressé": ("☺", "semble intéressé"),
    "neutre": ("○", "reste impassible"),
    "hésitant": ("…", "hésite"),
    "méfiant": ("⚠", "paraît méfiant"),
    "irrité": ("☹", "s'agace"),
}
MOVE_LABELS = {
    "question": "Question",
    "reformulation": "Reformulation",
    "argument": "Argument (CAP)",
    "traitement_objection": "Traitement d'objection",
    "offre": "Offre",
    "concession": "Concession",
    "conclusion": "Conclusion",
    "recapitulatif": "Récapitulatif",
    "rupture": "Rupture",
    "message": "Message libre",
}
REPLY_LABELS = {
    "contre_offre": "Contre-proposition",
    "objection": "Objection",
    "accord_partiel": "Accord partiel",
    "accepte": "Accord de principe",
    "signature": "Signature",
    "rupture": "Fin de l'entretien",
    "question": "Question",
    "reponse": "",
}


def _role_unless_said(role: str, job_title: str) -> str:
    """The buying-centre role, unless the job title already says it (no « Acheteuse — acheteur »)."""
    if role and role[:5] in job_title.lower():
        return ""
    return role


def identity(view: dict[str, Any]) -> dict[str, Any]:
    """The buyer as a salesperson knows them: name, job, company, need (from the student view)."""
    buyer = view.get("buyer", {})
    client = view.get("client", {})
    contact: dict[str, Any] = next(
        (c for c in client.get("contacts", []) if c.get("id") == buyer.get("contact_id")), {}
    )
    company = client.get("company", {})
    return {
        "name": buyer.get("name", ""),
        "job_title": contact.get("job_title", ""),
        "role": _role_unless_said(buyer.get("role", ""), contact.get("job_title", "")),
        "company": company.get("raison_sociale", ""),
        "city": company.get("address", {}).get("city", ""),
        "segment": company.get("segment", ""),
        "headcount": company.get("headcount"),
        "need": view.get("need", {}).get("label", ""),
        "deadline_weeks": view.get("need", {}).get("deadline_weeks"),
        "contacts": [
            c for c in client.get("contacts", []) if c.get("id") != buyer.get("contact_id")
        ],
    }


def service_names(view: dict[str, Any]) -> dict[str, str]:
    """Catalogue service refs -> designations (to show the services options in words)."""
    return {s["ref"]: s["designation"] for s in view.get("catalogue", {}).get("services", [])}


def show(setup: NegotiationSetup, cle: str, value: Any, services: dict[str, str]) -> str:
    """One issue value in French, as on a quote."""
    if value is None:
        return "—"
    e = setup.enjeux[setup.index[cle]]
    if e.nature == "service":
        refs = [] if value == "aucun" else str(value).split(" + ")
        return " + ".join(services.get(r, r) for r in refs) or "aucun service inclus"
    try:
        return afficher(e.nature, e.lire(value))
    except ValeurInvalide:
        return str(value)


def issues(setup: NegotiationSetup, services: dict[str, str]) -> list[dict[str, Any]]:
    """Each issue with its options (value posted, text shown) for the composer."""
    return [
        {
            "key": e.cle,
            "label": e.libelle,
            "unit": voc.NATURES[e.nature],
            "options": [(str(v), show(setup, e.cle, v, services)) for v in e.valeurs],
        }
        for e in setup.enjeux
    ]


def same(setup: NegotiationSetup, cle: str, a: Any, b: Any) -> bool:
    """Tell whether two raw values of an issue are the same value."""
    if a is None or b is None:
        return False
    e = setup.enjeux[setup.index[cle]]
    try:
        return e.lire(a) == e.lire(b)
    except ValeurInvalide:
        return str(a) == str(b)


def latest_seller_terms(game: Game) -> dict[str, Any]:
    """Each issue's latest value the seller put forward, partial offers and concessions included."""
    latest: dict[str, Any] = {}
    for tour in game.transcript.tours:
        move = tour["coup"]
        if move["type"] == "offre":
            latest.update({k: v for k, v in (move.get("termes") or {}).items() if v is not None})
        elif move["type"] == "concession" and move.get("enjeu"):
            latest[str(move["enjeu"])] = move.get("valeur")
        latest.update({k: v for k, v in (move.get("contrepartie") or {}).items() if v is not None})
    return latest


def board(game: Game, services: dict[str, str]) -> dict[str, Any]:
    """The offer on the table issue by issue: last seller and buyer proposals, agreements.

    A partial offer is on the board too: where the standing (complete) offer says nothing, the
    seller's latest value for that issue is shown.
    """
    pub = public_view(game.state, game.setup)
    final = pub["accord"] or {}
    proposed = {**latest_seller_terms(game), **(pub["offre_vendeur"] or {})}
    rows = []
    for e in game.setup.enjeux:
        seller = proposed.get(e.cle)
        buyer = (pub["contre_offre"] or {}).get(e.cle)
        agreed = final.get(e.cle, pub["accords_partiels"].get(e.cle))
        rows.append(
            {
                "key": e.cle,
                "label": e.libelle,
                "seller": show(game.setup, e.cle, seller, services) if seller is not None else "",
                "buyer": show(game.setup, e.cle, buyer, services) if buyer is not None else "",
                "agreed": show(game.setup, e.cle, agreed, services) if agreed is not None else "",
                "match": same(game.setup, e.cle, seller, buyer),
                "buyer_raw": "" if buyer is None else str(buyer),
            }
        )
    return {
        "rows": rows,
        "status": pub["statut"],
        "facts": pub["faits"],
        "priorities": [
            game.setup.enjeux[game.setup.index[k]].libelle
            for k in pub["priorites"]
            if k in game.setup.index
        ],
        "objections": pub["objections"],
        "last_seller": pub["offre_vendeur"] or {},
        "has_counter": pub["contre_offre"] is not None,
    }


def seller_figures(game: Game) -> dict[str, Any]:
    """Seller-side figures of the standing offers (the seller's last, the buyer's counter-offer):
    totals HT/TTC, margin, mark-up against the floor (never the buyer's hidden side)."""
    pub = public_view(game.state, game.setup)
    snapshot = game.negotiation.situation_version.snapshot
    standing = pub["accord"] or pub["offre_vendeur"]
    return {
        "seller": standing_figures(snapshot, game.setup, standing),
        "buyer": standing_figures(snapshot, game.setup, pub["contre_offre"]),
        "agreed": pub["accord"] is not None,
    }


def opening_rows(
    setup: NegotiationSetup, opening: dict[str, Any] | None, services: dict[str, str]
) -> dict[str, Any] | None:
    """The issued quote as the opening offer, issue by issue in French (None without a quote)."""
    if opening is None:
        return None
    return {
        **opening,
        "rows": [
            (e.libelle, show(setup, e.cle, opening["terms"].get(e.cle), services))
            for e in setup.enjeux
        ],
    }


def describe_move(
    setup: NegotiationSetup,
    move: dict[str, Any],
    services: dict[str, str],
    objections: dict[str, str],
) -> list[str]:
    """The structured content of a seller move, in French, one line each."""
    t, lines = move["type"], []
    if t == "question":
        lines.append(f"Thème : {voc.THEMES.get(move.get('theme', ''), move.get('theme'))}")
    if t == "argument":
        lines.append(f"Motivation visée : {voc.MOTIVATIONS.get(move.get('motivation', ''), '')}")
        for key, name in (("caracteristique", "C"), ("avantage", "A"), ("preuve", "P")):
            if move.get(key):
                lines.append(f"{name} : {move[key]}")
    if t == "traitement_objection":
        lines.append(
            f"Objection : {objections.get(move.get('objection', ''), move.get('objection'))}"
            f" — {voc.TECHNIQUES_OBJECTION.get(move.get('technique', ''), '')}"
        )
    if t == "conclusion":
        lines.append(f"Technique : {voc.TECHNIQUES_CONCLUSION.get(move.get('technique', ''), '')}")
    for cle, v in (move.get("termes") or {}).items():
        lines.append(f"{setup.enjeux[setup.index[cle]].libelle} : {show(setup, cle, v, services)}")
    if t == "concession" and move.get("enjeu"):
        cle = move["enjeu"]
        lines.append(
            f"Je vous accorde — {setup.enjeux[setup.index[cle]].libelle} : "
            f"{show(setup, cle, move.get('valeur'), services)}"
        )
    for cle, v in (move.get("contrepartie") or {}).items():
        asked = show(setup, cle, v, services) if v is not None else "à revoir"
        lines.append(f"En échange — {setup.enjeux[setup.index[cle]].libelle} : {asked}")
    return lines


def turns(game: Game, services: dict[str, str], reveal: bool = False) -> list[dict[str, Any]]:
    """The transcript: each seller move with the buyer's reply; reasons only when revealed."""
    objections = {o.id: o.texte for o in game.setup.objections}
    rows = []
    for tour in game.transcript.tours:
        move, full = tour["coup"], tour["reponse"]
        reply = full if reveal else public_reply_dict(full)
        icon, words = EMOTIONS.get(reply["emotion"], ("○", ""))
        rows.append(
            {
                "index": tour["index"],
                "minute": int(tour["temps_s"] // 60),
                "second": int(tour["temps_s"] % 60),
                "type": move["type"],
                "type_label": MOVE_LABELS.get(move["type"], move["type"]),
                "details": describe_move(game.setup, move, services, objections),
                "texte": move.get("texte", ""),
                "reply": reply,
                "icon": icon,
                "feeling": words,
                "reply_label": REPLY_LABELS.get(reply["type"], ""),
                "counter": [
                    (
                        game.setup.enjeux[game.setup.index[k]].libelle,
                        show(game.setup, k, v, services),
                    )
                    for k, v in (reply.get("termes") or {}).items()
                ],
                "accepted": [
                    game.setup.enjeux[game.setup.index[k]].libelle
                    for k in reply.get("enjeux_acceptes") or []
                    if k in game.setup.index
                ],
                "notices": [a["texte"] for a in game.notices if a["avant_tour"] == tour["index"]],
            }
        )
    return rows


def tail(game: Game, services: dict[str, str]) -> dict[str, Any]:
    """After the last turn: the jury's notices not yet played, the move awaiting a human reply."""
    last = game.transcript.tours[-1]["index"] if game.transcript.tours else 0
    pending = None
    if game.pending is not None:
        objections = {o.id: o.texte for o in game.setup.objections}
        move = game.pending
        seconds = move.get("temps_s") or 0
        pending = {
            "type_label": MOVE_LABELS.get(move["type"], move["type"]),
            "details": describe_move(game.setup, move, services, objections),
            "texte": move.get("texte", ""),
            "minute": int(seconds // 60),
            "second": int(seconds % 60),
        }
    return {
        "notices": [a["texte"] for a in game.notices if a["avant_tour"] > last],
        "pending": pending,
    }


def public_reply_dict(full: dict[str, Any]) -> dict[str, Any]:
    """A stored reply without its reason (same fields as engine.public_reply)."""
    from simulator.engine.negotiation import Reponse

    return public_reply(Reponse.from_dict(full))
