"""Server-side list: filters, stable sort with empty values last, pages of at most 100 rows."""

from __future__ import annotations

import pytest

from simulator.engine.prospection import Filtres, ProspectionError, paginer
from tests.unit.engine.prospection.prospection_factory import fichier
from tests.unit.engine.prospection.tiny_file import fichier_minuscule


def test_filter_sort_and_page_by_hand() -> None:
    rows = fichier_minuscule().prospects
    page = paginer(rows, Filtres(naf=frozenset({"43.21A"})), "distance_km", page=1, par_page=2)
    assert [p.id for p in page.lignes] == ["P1", "P2"] and (page.total, page.pages) == (3, 2)
    assert [p.id for p in paginer(rows, Filtres(texte="boulang")).lignes] == ["P5"]
    assert paginer(rows, Filtres(distance_max_km=50), "distance_km", decroissant=True).total == 4


def test_rows_without_siret_come_last_and_pages_are_clamped() -> None:
    rows = fichier().prospects
    page = paginer(rows, tri="siret", page=99, par_page=100)
    assert page.page == page.pages == 4 and page.lignes[-1].siret is None
    with pytest.raises(ProspectionError, match="Tri impossible"):
        paginer(rows, tri="potentiel_annuel_ht")
    with pytest.raises(ProspectionError, match="Page invalide"):
        paginer(rows, par_page=1000)
