"""The quote builder's posted form, read by a pydantic model (see simulator/web/forms.py)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator
from werkzeug.datastructures import MultiDict

from simulator.operations.quote_forms import MAX_LINES, NATURES, PAYMENT_MODES
from simulator.web.forms import Text, parse_form, trimmed


class QuoteLineFields(BaseModel):
    """One line of the table, named by its stable key."""

    key: Annotated[str, trimmed(12)]
    ref: Text
    quantity: Text
    remise_pct: Text


class FooterFields(BaseModel):
    """A rabais, remise or ristourne at the foot of the quote, in % or in euros."""

    value: Annotated[str, trimmed(20)]
    unit: Annotated[
        Literal["pct", "eur"], BeforeValidator(lambda v: "eur" if v == "eur" else "pct")
    ]


class QuoteForm(BaseModel):
    """The raw inputs as the student typed them (strings), stored with the draft and re-analysed."""

    lines: list[QuoteLineFields]
    footer: dict[str, FooterFields]
    escompte_pct: Annotated[str, trimmed(20)]
    escompte_taken: bool
    port_ht: Annotated[str, trimmed(20)]
    payment_days: Annotated[str, trimmed(10)]
    payment_mode: Annotated[
        str, BeforeValidator(lambda v: v if v in PAYMENT_MODES else "date_facture")
    ]
    validity_days: Annotated[str, trimmed(10)]
    delivery_weeks: Annotated[str, trimmed(10)]
    acompte_pct: Annotated[str, trimmed(20)]

    @staticmethod
    def shape(form: MultiDict) -> dict[str, Any]:
        """The posted fields as the model's nested data (lines by key, footer by nature)."""
        keys = form.getlist("line_key")[:MAX_LINES]
        return {
            **{
                name: form.get(name, "")
                for name in QuoteForm.model_fields
                if name not in ("lines", "footer", "escompte_taken")
            },
            "lines": [
                {
                    "key": key,
                    "ref": form.get(f"ref-{key}", ""),
                    "quantity": form.get(f"quantity-{key}", ""),
                    "remise_pct": form.get(f"remise-{key}", ""),
                }
                for key in keys
            ],
            "footer": {
                n: {"value": form.get(f"{n}_value", ""), "unit": form.get(f"{n}_unit")}
                for n in NATURES
            },
            "escompte_taken": form.get("escompte_taken") == "1",
        }


def read_quote_form(form: MultiDict) -> dict[str, Any]:
    """The quote inputs as typed: every field is kept (errors are the analysis' job)."""
    parsed, errors = parse_form(QuoteForm, QuoteForm.shape(form))
    if parsed is None:  # cannot happen: every field is cleaned, not refused
        raise ValueError(errors)
    return parsed.model_dump()
