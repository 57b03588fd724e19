"""Negotiations per second: NegoLab's buyer engine vs NegMAS on the same 5-issue game (same run).

Game: 5 issues with 20, 10, 6, 4, 3 levels (14,400 outcomes), linear additive utilities, reservation
0.3 each, a Boulware buyer (GENIUS e = 0.25, i.e. NegMAS e = 4) against a Conceder seller (GENIUS
e = 4, NegMAS 0.25), alternating offers, 100 steps. Usage: python bench/bench_negotiation.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from bisect import bisect_left
from decimal import Decimal

from simulator.engine.negotiation import NegotiationSetup, play, start
from simulator.engine.negotiation.buyer import contre_proposition, maj_modele
from simulator.engine.negotiation.tactic import cible

NIVEAUX = {"price": 20, "quantity": 10, "delivery": 6, "payment": 4, "warranty": 3}
NATURES = {
    "price": "prix",
    "quantity": "quantite",
    "delivery": "delai",
    "payment": "paiement",
    "warranty": "garantie",
}
SW = {"price": 0.45, "quantity": 0.20, "delivery": 0.10, "payment": 0.15, "warranty": 0.10}
S_HAUSSE = {"price": True, "quantity": True, "delivery": True, "payment": False, "warranty": False}
BW = {"price": 0.35, "quantity": 0.10, "delivery": 0.25, "payment": 0.10, "warranty": 0.20}
B_SENS = {
    "price": "baisse",
    "quantity": "hausse",
    "delivery": "baisse",
    "payment": "hausse",
    "warranty": "hausse",
}
N_STEPS, RES, E_BUYER, E_SELLER = 100, 0.3, 0.25, 4.0


def setup_bench() -> NegotiationSetup:
    """Build the benchmark game; the seller's margin (0..1000 €) is its linear additive utility."""
    enjeux = []
    for k, n in NIVEAUX.items():
        v = [j / (n - 1) if S_HAUSSE[k] else 1 - j / (n - 1) for j in range(n)]
        enjeux.append(
            {
                "cle": k,
                "libelle": k,
                "nature": NATURES[k],
                "sens_acheteur": B_SENS[k],
                "valeurs": [str(j) if k == "price" else j for j in range(n)],
                "impact_marge": [
                    str((Decimal(1000) * Decimal(SW[k]) * Decimal(x)).quantize(Decimal("0.000001")))
                    for x in v
                ],
            }
        )
    return NegotiationSetup.from_dict(
        {
            "persona": "directif",
            "enjeux": enjeux,
            "paiement_max_jours": 60,
            "acheteur": {
                "poids": BW,
                "reservation": RES,
                "exposant": E_BUYER,
                "patience": 1000,
                "motivations": ["argent"],
            },
            "vendeur": {"marge_plancher": "300", "marge_cible": "600"},
        }
    )


def negocier_noyau(s: NegotiationSetup) -> tuple[int | None, int]:
    """One negotiation on the precomputed tables (the engine's own target and counter functions)."""
    esp = s.espace
    cles = [e.cle for e in s.enjeux]
    poids_v = {k: 1 / len(cles) for k in cles}
    u_max, n = esp.ub_tries[-1], len(cles)
    debout, avant = None, None
    for step in range(N_STEPS):
        t = (step + 1) / (N_STEPS + 1)
        if (
            step % 2 == 0
        ):  # Conceder seller: accept if good enough, else its worst offer above target
            cs = 1.0 - (1.0 - esp.res_s) * t ** (1 / E_SELLER)
            if debout is not None and esp.us[debout] >= cs:
                return debout, step
            offre = esp.ordre_s[bisect_left(esp.us_tries, cs)]
            pos = esp.decoder(offre)
            termes = dict(zip(cles, pos, strict=True))
            poids_v = maj_modele(poids_v, avant, termes, [])
            avant, debout = termes, offre
        else:  # Boulware buyer: accept at target, else counter on its estimated frontier
            cb = cible(t, u_max, esp.res_b, E_BUYER)
            if esp.ub[debout] >= cb:  # type: ignore[index]
                return debout, step
            plafonds = [esp.pertes[i][esp.chemin[i].index(pos[i])] for i in range(n)]
            contre = contre_proposition(esp, cb, [poids_v[k] for k in cles], plafonds, {})  # type: ignore[arg-type]
            debout = esp.encoder(contre)
    return None, N_STEPS


def negocier_moteur(s: NegotiationSetup) -> tuple[str, int]:
    """One negotiation through the full engine (play(), JSON state, replies, French utterances)."""
    esp = s.espace
    etat = start(s, 1)
    for step in range(N_STEPS // 2):
        t = (2 * step + 1) / (N_STEPS + 1)
        cs = 1.0 - (1.0 - esp.res_s) * t ** (1 / E_SELLER)
        contre = etat.contre_offre
        if (
            contre is not None
            and esp.u_vendeur({k: s.enjeux[s.index[k]].lire(v) for k, v in contre.items()}) >= cs
        ):
            termes = contre
        else:
            termes = {
                k: str(v) if isinstance(v, Decimal) else v
                for k, v in esp.termes_outcome(esp.ordre_s[bisect_left(esp.us_tries, cs)]).items()
            }
        etat, _ = play(s, etat, {"type": "offre", "termes": termes, "temps_s": t * s.duree_s})
        if etat.statut != "en_cours":
            break
    return etat.statut, etat.tour


def mesurer(fonction, n: int) -> float:  # type: ignore[no-untyped-def]
    """Return negotiations per second over n runs."""
    debut = time.perf_counter()
    for _ in range(n):
        fonction()
    return n / (time.perf_counter() - debut)


def negmas_par_seconde(n: int) -> tuple[float, str] | None:
    """Run the same game in NegMAS (SAOMechanism, Boulware buyer vs Conceder seller) if installed."""
    try:
        from negmas import SAOMechanism, make_issue
        from negmas.preferences import LinearAdditiveUtilityFunction as LUFun
        from negmas.preferences.value_fun import AffineFun
        from negmas.sao.negotiators import BoulwareTBNegotiator, ConcederTBNegotiator
    except ImportError:
        return None
    issues = [make_issue(name=k, values=v) for k, v in NIVEAUX.items()]

    def up(m):
        return AffineFun(1.0 / (m - 1), bias=0.0)

    def down(m):
        return AffineFun(-1.0 / (m - 1), bias=1.0)

    sv = {k: (up if S_HAUSSE[k] else down)(m) for k, m in NIVEAUX.items()}
    bv = {k: (up if B_SENS[k] == "hausse" else down)(m) for k, m in NIVEAUX.items()}

    def une() -> str:
        m = SAOMechanism(issues=issues, n_steps=N_STEPS)
        su = LUFun(values=sv, weights=SW, outcome_space=m.outcome_space, reserved_value=RES)
        bu = LUFun(values=bv, weights=BW, outcome_space=m.outcome_space, reserved_value=RES)
        m.add(ConcederTBNegotiator(name="seller"), ufun=su)
        m.add(BoulwareTBNegotiator(name="buyer"), ufun=bu)
        m.run()
        ag = m.state.agreement
        return (
            "pas d'accord"
            if ag is None
            else f"{ag} u_vendeur={su(ag):.3f} u_acheteur={bu(ag):.3f} pas={m.state.step}"
        )

    exemple = une()
    return statistics.median(mesurer(une, n) for _ in range(3)), exemple


def main() -> None:
    """Print both throughputs and the ratio."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    debut = time.perf_counter()
    s = setup_bench()
    _ = s.espace
    print(
        f"précalcul de l'espace ({s.espace.taille} résultats possibles, une fois par situation) : {1e3 * (time.perf_counter() - debut):.1f} ms"
    )
    o, pas = negocier_noyau(s)
    esp = s.espace
    print(
        "NegoLab noyau : accord",
        None if o is None else esp.termes_outcome(o),
        "" if o is None else f"u_vendeur={esp.us[o]:.3f} u_acheteur={esp.ub[o]:.3f} pas={pas}",
    )
    noyau = statistics.median(mesurer(lambda: negocier_noyau(s), n * 10) for _ in range(3))
    print(
        f"NegoLab noyau (cible + contre-offre sur tables précalculées) : {noyau:,.0f} négociations/s"
    )
    print("NegoLab moteur complet : fin", negocier_moteur(s))
    moteur = statistics.median(mesurer(lambda: negocier_moteur(s), n) for _ in range(3))
    print(f"NegoLab moteur complet (play(), état JSON, répliques) : {moteur:,.0f} négociations/s")
    resultat = negmas_par_seconde(max(10, n // 10))
    if resultat is None:
        print("NegMAS non installé (pip install negmas) : comparaison ignorée")
        return
    negmas, exemple = resultat
    print(f"NegMAS SAOMechanism : {negmas:,.1f} négociations/s ; exemple : {exemple}")
    print(
        f"ratio noyau / NegMAS : {noyau / negmas:,.0f}×   ratio moteur complet / NegMAS : {moteur / negmas:,.1f}×"
    )


if __name__ == "__main__":
    main()
