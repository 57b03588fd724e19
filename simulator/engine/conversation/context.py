"""The plain data `understand` needs from a situation: issues, services, objections, product, VAT."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class IssueSpec:
    """One negotiable issue: key (``remise_pct``…), French label, kind and its declared values."""

    key: str
    label: str
    kind: str  # "percent", "integer" or "services"
    values: tuple[str, ...] = ()
    minimum: str | None = None
    maximum: str | None = None


@dataclass(frozen=True)
class ServiceSpec:
    """A service that can be included: catalogue reference and designation."""

    ref: str
    designation: str


@dataclass(frozen=True)
class ObjectionSpec:
    """A buyer objection the seller may treat: id (``prix-1``) and kind (``prix``)."""

    id: str
    kind: str


@dataclass(frozen=True)
class ConversationContext:
    """Everything `understand` may use; plain, hashable, built once per situation.

    ``service_options`` are the values of the ``services`` issue (``"aucun"``, then cumulative
    ``"REF-A + REF-B"``); ``product`` is the designation of the need's main line (the one the
    ``quantite`` issue counts); ``pending_objection`` is the last objection the buyer voiced, if the
    caller knows it (used when a treatment names no topic).
    """

    issues: tuple[IssueSpec, ...]
    vat_rate: Decimal = Decimal(20)
    product: str = ""
    services: tuple[ServiceSpec, ...] = ()
    service_options: tuple[str, ...] = ()
    catalogue: tuple[str, ...] = ()
    objections: tuple[ObjectionSpec, ...] = ()
    competitors: tuple[str, ...] = ()
    pending_objection: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    def issue(self, key: str) -> IssueSpec | None:
        return next((i for i in self.issues if i.key == key), None)

    def has(self, key: str) -> bool:
        return self.issue(key) is not None
