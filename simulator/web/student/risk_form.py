"""Reading the risk analysis form: the student's answers as typed, for `lire_saisie`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, field_validator
from werkzeug.datastructures import MultiDict

from simulator.operations.risk_inputs import JUSTIFICATION_MAX, OUTILS, RATIOS_SAISIS
from simulator.web.forms import as_typed, read_form

#: an answer kept as typed (the use case reads « 45 % », « NC », « 54,8 j »), cut at the limit
Answer = Annotated[str, as_typed(JUSTIFICATION_MAX)]


class RiskForm(BaseModel):
    """The answers for the latest year, the class, the cover tools ticked and the reasons."""

    ratios: dict[str, Answer]
    classe: Answer
    acompte: Answer
    justification: Answer
    outils: list[str]

    @field_validator("outils")
    @classmethod
    def _offered_tools(cls, outils: list[str]) -> list[str]:
        return [o for o in outils if o in OUTILS]

    @staticmethod
    def shape(form: MultiDict[str, str]) -> dict[str, Any]:
        return {
            "ratios": {code: form.get(code) for code in RATIOS_SAISIS},
            "classe": form.get("classe"),
            "acompte": form.get("acompte"),
            "justification": form.get("justification"),
            "outils": form.getlist("outils"),
        }

    def answers(self) -> dict[str, Any]:
        """The answers as they are stored (and re-read by `risk_inputs.lire_saisie`)."""
        return {
            **self.ratios,
            "classe": self.classe,
            "acompte": self.acompte,
            "justification": self.justification,
            "outils": self.outils,
        }


def risk_answers(form: MultiDict[str, str]) -> dict[str, Any]:
    """The posted analysis as typed."""
    return read_form(RiskForm, RiskForm.shape(form)).answers()
