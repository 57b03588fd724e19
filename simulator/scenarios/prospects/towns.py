"""Towns with coordinates for prospect files: geo.VILLES plus towns around the agencies."""

from __future__ import annotations

import math
from typing import NamedTuple

from simulator.scenarios.generator.geo import VILLES


class Commune(NamedTuple):
    """A town with consistent postcode, department, region, phone zone and WGS84 coordinates."""

    code_postal: str
    ville: str
    departement_code: str
    departement: str
    region: str
    zone_tel: str
    lat: float
    lon: float


#: Coordinates of the towns of geo.VILLES, keyed by postcode (approximate town centres).
_COORD_VILLES: dict[str, tuple[float, float]] = {
    "75011": (48.857, 2.380),
    "92000": (48.892, 2.207),
    "93200": (48.936, 2.357),
    "94000": (48.790, 2.455),
    "95000": (49.036, 2.063),
    "77100": (48.960, 2.879),
    "78000": (48.805, 2.120),
    "91000": (48.629, 2.441),
    "69007": (45.750, 4.850),
    "38000": (45.188, 5.724),
    "42000": (45.434, 4.390),
    "63000": (45.778, 3.087),
    "74000": (45.899, 6.129),
    "73000": (45.564, 5.918),
    "26000": (44.933, 4.892),
    "01000": (46.205, 5.226),
    "59000": (50.629, 3.057),
    "62000": (50.291, 2.778),
    "80000": (49.894, 2.296),
    "60200": (49.418, 2.826),
    "67000": (48.573, 7.752),
    "68100": (47.750, 7.336),
    "57000": (49.120, 6.176),
    "54000": (48.692, 6.184),
    "51100": (49.258, 4.032),
    "21000": (47.322, 5.041),
    "25000": (47.238, 6.024),
    "71100": (46.781, 4.854),
    "76000": (49.443, 1.099),
    "76600": (49.494, 0.108),
    "14000": (49.183, -0.371),
    "35000": (48.117, -1.678),
    "29200": (48.390, -4.486),
    "56100": (47.748, -3.370),
    "44000": (47.218, -1.554),
    "49000": (47.474, -0.552),
    "72000": (48.006, 0.199),
    "85000": (46.670, -1.426),
    "45000": (47.903, 1.909),
    "37000": (47.394, 0.685),
    "18000": (47.081, 2.399),
    "33000": (44.838, -0.579),
    "87000": (45.834, 1.261),
    "86000": (46.580, 0.340),
    "64000": (43.295, -0.371),
    "17000": (46.160, -1.151),
    "31000": (43.605, 1.444),
    "81000": (43.929, 2.148),
    "34000": (43.611, 3.877),
    "30000": (43.837, 4.360),
    "66000": (42.699, 2.895),
    "13002": (43.297, 5.370),
    "06000": (43.710, 7.262),
    "83000": (43.125, 5.931),
    "84000": (43.949, 4.806),
    "20000": (41.919, 8.738),
}

_ARA, _PDL = "Auvergne-Rhône-Alpes", "Pays de la Loire"
_D = {
    "38": "Isère",
    "73": "Savoie",
    "74": "Haute-Savoie",
    "69": "Rhône",
    "26": "Drôme",
    "07": "Ardèche",
    "01": "Ain",
    "42": "Loire",
    "63": "Puy-de-Dôme",
    "03": "Allier",
    "15": "Cantal",
    "43": "Haute-Loire",
    "44": "Loire-Atlantique",
    "49": "Maine-et-Loire",
    "72": "Sarthe",
    "85": "Vendée",
    "53": "Mayenne",
}

#: Extra towns (postcode, town, latitude, longitude) so a region holds enough distinct places.
_EXTRA: dict[str, tuple[tuple[str, str, float, float], ...]] = {
    _ARA: (
        ("38130", "Échirolles", 45.143, 5.718),
        ("38400", "Saint-Martin-d'Hères", 45.167, 5.765),
        ("38500", "Voiron", 45.364, 5.589),
        ("38300", "Bourgoin-Jallieu", 45.586, 5.274),
        ("38200", "Vienne", 45.525, 4.874),
        ("38120", "Saint-Égrève", 45.233, 5.683),
        ("38190", "Crolles", 45.285, 5.883),
        ("38160", "Saint-Marcellin", 45.152, 5.320),
        ("38080", "L'Isle-d'Abeau", 45.619, 5.227),
        ("38220", "Vizille", 45.078, 5.771),
        ("73100", "Aix-les-Bains", 45.688, 5.915),
        ("73200", "Albertville", 45.676, 6.392),
        ("73300", "Saint-Jean-de-Maurienne", 45.277, 6.345),
        ("74100", "Annemasse", 46.194, 6.236),
        ("74300", "Cluses", 46.060, 6.579),
        ("74200", "Thonon-les-Bains", 46.371, 6.479),
        ("69100", "Villeurbanne", 45.767, 4.880),
        ("69200", "Vénissieux", 45.697, 4.886),
        ("69400", "Villefranche-sur-Saône", 45.990, 4.718),
        ("69800", "Saint-Priest", 45.696, 4.944),
        ("69330", "Meyzieu", 45.767, 5.003),
        ("26200", "Montélimar", 44.558, 4.751),
        ("26100", "Romans-sur-Isère", 45.043, 5.052),
        ("07100", "Annonay", 45.240, 4.671),
        ("07000", "Privas", 44.735, 4.599),
        ("01100", "Oyonnax", 46.256, 5.655),
        ("01500", "Ambérieu-en-Bugey", 45.958, 5.358),
        ("42300", "Roanne", 46.036, 4.068),
        ("42400", "Saint-Chamond", 45.476, 4.514),
        ("63200", "Riom", 45.894, 3.113),
        ("63300", "Thiers", 45.856, 3.548),
        ("03100", "Montluçon", 46.340, 2.603),
        ("03200", "Vichy", 46.128, 3.426),
        ("15000", "Aurillac", 44.926, 2.440),
        ("43000", "Le Puy-en-Velay", 45.043, 3.885),
    ),
    _PDL: (
        ("44800", "Saint-Herblain", 47.212, -1.650),
        ("44400", "Rezé", 47.186, -1.550),
        ("44600", "Saint-Nazaire", 47.273, -2.214),
        ("44700", "Orvault", 47.271, -1.622),
        ("44110", "Châteaubriant", 47.717, -1.376),
        ("44340", "Bouguenais", 47.178, -1.624),
        ("44150", "Ancenis-Saint-Géréon", 47.366, -1.177),
        ("49300", "Cholet", 47.060, -0.879),
        ("49400", "Saumur", 47.260, -0.077),
        ("49130", "Les Ponts-de-Cé", 47.424, -0.525),
        ("72200", "La Flèche", 47.699, -0.076),
        ("72300", "Sablé-sur-Sarthe", 47.840, -0.335),
        ("85300", "Challans", 46.847, -1.878),
        ("85500", "Les Herbiers", 46.871, -1.014),
        ("85200", "Fontenay-le-Comte", 46.466, -0.806),
        ("53000", "Laval", 48.073, -0.770),
        ("53200", "Château-Gontier-sur-Mayenne", 47.829, -0.703),
        ("53100", "Mayenne", 48.303, -0.614),
    ),
}
_ZONES = {_ARA: "4", _PDL: "2"}


def _construire() -> tuple[Commune, ...]:
    """Join geo.VILLES with their coordinates, then add the extra towns."""
    communes = [
        Commune(
            v.postcode,
            v.city,
            v.department_code,
            v.department,
            v.region,
            v.phone_zone,
            *_COORD_VILLES[v.postcode],
        )
        for v in VILLES
        if v.postcode in _COORD_VILLES
    ]
    for region, villes in _EXTRA.items():
        for cp, nom, lat, lon in villes:
            dep = cp[:2]
            communes.append(Commune(cp, nom, dep, _D[dep], region, _ZONES[region], lat, lon))
    return tuple(communes)


COMMUNES: tuple[Commune, ...] = _construire()
FACTEUR_ROUTE = 1.3  #: road distance ≈ straight line × 1.3 (French average detour index)


def distance_km(a: Commune, b: Commune) -> int:
    """Estimated road distance in whole km: haversine great-circle distance × FACTEUR_ROUTE."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return round(2 * 6371.0 * math.asin(math.sqrt(h)) * FACTEUR_ROUTE)


def commune_par_nom(ville: str) -> Commune | None:
    """First town of the table with that name (case-insensitive)."""
    cle = ville.strip().casefold()
    return next((c for c in COMMUNES if c.ville.casefold() == cle), None)
