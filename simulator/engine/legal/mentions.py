"""Recommended mentions of a devis and the acompte / arrhes wording (reference §2.1, 2.3, 2.7)."""

from __future__ import annotations

from simulator.engine.legal.models import AVERTISSEMENT, ERREUR, INFO, Constat, MentionsDevis

#: Seller identity items that the invoice must carry, so the devis mirrors them.
MENTIONS_VENDEUR = {
    "denomination": "dénomination",
    "adresse": "adresse",
    "forme_juridique": "forme juridique",
    "capital": "capital social",
    "siren": "SIREN",
    "rcs": "RCS et ville du greffe",
    "tva_intracom": "numéro de TVA intracommunautaire",
}
MENTIONS_CLIENT = {"denomination": "dénomination", "adresse": "adresse"}
IDENTITE = "C. com. L441-9, R123-237"


def controler_mentions(devis: MentionsDevis) -> list[Constat]:
    """List the missing recommended mentions of the devis."""
    constats = []
    for attribut, libelle in MENTIONS_VENDEUR.items():
        if not getattr(devis.vendeur, attribut).strip():
            constats.append(manque(f"vendeur.{attribut}", f"{libelle} du vendeur", IDENTITE))
    for attribut, libelle in MENTIONS_CLIENT.items():
        if not getattr(devis.client, attribut).strip():
            constats.append(manque(f"client.{attribut}", f"{libelle} du client", IDENTITE))
    simples = [
        ("numero", devis.numero, "numéro du devis", "C. civ. 1114"),
        (
            "mention_escompte",
            devis.mention_escompte,
            "conditions d'escompte (ou « pas d'escompte pour paiement anticipé »)",
            "C. com. L441-9",
        ),
        ("delai_livraison", devis.delai_livraison, "délai ou date de livraison", "C. civ. 1114"),
        (
            "port_ou_incoterm",
            devis.port_ou_incoterm,
            "conditions de port ou Incoterm",
            "C. civ. 1114",
        ),
    ]
    for champ, valeur, libelle, reference in simples:
        if not valeur.strip():
            constats.append(manque(champ, libelle, reference))
    if not devis.reference_cgv:
        constats.append(
            Constat(
                "cgv",
                AVERTISSEMENT,
                "reference_cgv",
                "Renvoyer aux conditions générales de vente, « socle unique de la "
                "négociation commerciale ».",
                "C. com. L441-1",
            )
        )
    if not devis.bon_pour_accord:
        constats.append(
            Constat(
                "bon_pour_accord",
                INFO,
                "bon_pour_accord",
                "Prévoir un bloc « bon pour accord » daté et signé : l'acceptation "
                "forme le contrat.",
                "C. civ. 1113",
            )
        )
    return constats


def manque(champ: str, libelle: str, reference: str) -> Constat:
    """Build the warning for one missing mention."""
    return Constat(
        f"mention_{champ}", AVERTISSEMENT, champ, f"Mention manquante : {libelle}.", reference
    )


def controler_acompte(devis: MentionsDevis) -> list[Constat]:
    """Check that an advance payment is worded « acompte », not « arrhes » (C. civ. 1590)."""
    pct = devis.acompte_pourcentage
    dit_arrhes = (
        devis.qualification_versement == "arrhes" or "arrhes" in devis.texte_conditions.lower()
    )
    if pct is None and not dit_arrhes:
        return []
    champ = "qualification_versement"
    if pct is not None and not 0 < pct <= 100:
        return [
            Constat(
                "acompte_pourcentage",
                ERREUR,
                "acompte_pourcentage",
                f"Pourcentage d'acompte impossible : {pct} %.",
                "C. civ. 1590",
            )
        ]
    if dit_arrhes:
        return [
            Constat(
                "arrhes",
                AVERTISSEMENT,
                champ,
                "Versement qualifié d'« arrhes » : chaque partie peut se dédire (l'acheteur "
                "perd les arrhes, le vendeur rend le double). Écrire « acompte » pour un "
                "engagement ferme.",
                "C. civ. 1590",
            )
        ]
    if devis.qualification_versement != "acompte":
        return [
            Constat(
                "versement_non_qualifie",
                AVERTISSEMENT,
                champ,
                "Versement à la commande non qualifié : écrire « acompte » (en B2B, la "
                "rédaction du contrat décide ; « arrhes » permettrait de se dédire).",
                "C. civ. 1590 ; C. consom. L214-1",
            )
        ]
    return [
        Constat(
            "acompte",
            INFO,
            champ,
            f"Acompte de {pct} % : le contrat est ferme ; émettre une facture d'acompte "
            "à l'encaissement.",
            "CGI art. 289 I",
        )
    ]
