"""The documented JSON example runs end to end and gives JSON-ready, deterministic data."""

from __future__ import annotations

import json
from pathlib import Path

from simulator.scenarios.prospects.exercise import executer

RACINE = Path(__file__).resolve().parents[4]


def test_docs_example_campaign_runs_and_serialises() -> None:
    data = json.loads((RACINE / "docs" / "examples" / "campaign.json").read_text("utf-8"))
    debrief = executer(data, RACINE / "scenario_packs")
    assert debrief == executer(data, RACINE / "scenario_packs")
    texte = json.dumps(debrief, ensure_ascii=False)
    assert '"taux_de_contact"' in texte and '"entonnoir"' in texte
    c = debrief["comptages"]
    assert c["sollicites"] >= c["contacts"] >= c["rdv"] >= c["opportunites"]
    assert set(debrief["par_canal"]) == {"emailing", "phoning", "visite"}
