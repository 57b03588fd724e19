"""Own table of French cities with consistent postcode, department, post-2016 region and phone zone."""

from __future__ import annotations

from typing import NamedTuple


class Ville(NamedTuple):
    """A city with its postcode, department, region (2016 map) and landline zone digit."""

    postcode: str
    city: str
    department_code: str
    department: str
    region: str
    phone_zone: str


_IDF, _ARA, _HDF = "Île-de-France", "Auvergne-Rhône-Alpes", "Hauts-de-France"
_GE, _BFC, _NOR = "Grand Est", "Bourgogne-Franche-Comté", "Normandie"
_BRE, _PDL, _CVL = "Bretagne", "Pays de la Loire", "Centre-Val de Loire"
_NAQ, _OCC, _PAC = "Nouvelle-Aquitaine", "Occitanie", "Provence-Alpes-Côte d'Azur"

VILLES: tuple[Ville, ...] = (
    Ville("75011", "Paris", "75", "Paris", _IDF, "1"),
    Ville("92000", "Nanterre", "92", "Hauts-de-Seine", _IDF, "1"),
    Ville("93200", "Saint-Denis", "93", "Seine-Saint-Denis", _IDF, "1"),
    Ville("94000", "Créteil", "94", "Val-de-Marne", _IDF, "1"),
    Ville("95000", "Cergy", "95", "Val-d'Oise", _IDF, "1"),
    Ville("77100", "Meaux", "77", "Seine-et-Marne", _IDF, "1"),
    Ville("78000", "Versailles", "78", "Yvelines", _IDF, "1"),
    Ville("91000", "Évry-Courcouronnes", "91", "Essonne", _IDF, "1"),
    Ville("69007", "Lyon", "69", "Rhône", _ARA, "4"),
    Ville("38000", "Grenoble", "38", "Isère", _ARA, "4"),
    Ville("42000", "Saint-Étienne", "42", "Loire", _ARA, "4"),
    Ville("63000", "Clermont-Ferrand", "63", "Puy-de-Dôme", _ARA, "4"),
    Ville("74000", "Annecy", "74", "Haute-Savoie", _ARA, "4"),
    Ville("73000", "Chambéry", "73", "Savoie", _ARA, "4"),
    Ville("26000", "Valence", "26", "Drôme", _ARA, "4"),
    Ville("01000", "Bourg-en-Bresse", "01", "Ain", _ARA, "4"),
    Ville("59000", "Lille", "59", "Nord", _HDF, "3"),
    Ville("62000", "Arras", "62", "Pas-de-Calais", _HDF, "3"),
    Ville("80000", "Amiens", "80", "Somme", _HDF, "3"),
    Ville("60200", "Compiègne", "60", "Oise", _HDF, "3"),
    Ville("67000", "Strasbourg", "67", "Bas-Rhin", _GE, "3"),
    Ville("68100", "Mulhouse", "68", "Haut-Rhin", _GE, "3"),
    Ville("57000", "Metz", "57", "Moselle", _GE, "3"),
    Ville("54000", "Nancy", "54", "Meurthe-et-Moselle", _GE, "3"),
    Ville("51100", "Reims", "51", "Marne", _GE, "3"),
    Ville("21000", "Dijon", "21", "Côte-d'Or", _BFC, "3"),
    Ville("25000", "Besançon", "25", "Doubs", _BFC, "3"),
    Ville("71100", "Chalon-sur-Saône", "71", "Saône-et-Loire", _BFC, "3"),
    Ville("76000", "Rouen", "76", "Seine-Maritime", _NOR, "2"),
    Ville("76600", "Le Havre", "76", "Seine-Maritime", _NOR, "2"),
    Ville("14000", "Caen", "14", "Calvados", _NOR, "2"),
    Ville("35000", "Rennes", "35", "Ille-et-Vilaine", _BRE, "2"),
    Ville("29200", "Brest", "29", "Finistère", _BRE, "2"),
    Ville("56100", "Lorient", "56", "Morbihan", _BRE, "2"),
    Ville("44000", "Nantes", "44", "Loire-Atlantique", _PDL, "2"),
    Ville("49000", "Angers", "49", "Maine-et-Loire", _PDL, "2"),
    Ville("72000", "Le Mans", "72", "Sarthe", _PDL, "2"),
    Ville("85000", "La Roche-sur-Yon", "85", "Vendée", _PDL, "2"),
    Ville("45000", "Orléans", "45", "Loiret", _CVL, "2"),
    Ville("37000", "Tours", "37", "Indre-et-Loire", _CVL, "2"),
    Ville("18000", "Bourges", "18", "Cher", _CVL, "2"),
    Ville("33000", "Bordeaux", "33", "Gironde", _NAQ, "5"),
    Ville("87000", "Limoges", "87", "Haute-Vienne", _NAQ, "5"),
    Ville("86000", "Poitiers", "86", "Vienne", _NAQ, "5"),
    Ville("64000", "Pau", "64", "Pyrénées-Atlantiques", _NAQ, "5"),
    Ville("17000", "La Rochelle", "17", "Charente-Maritime", _NAQ, "5"),
    Ville("31000", "Toulouse", "31", "Haute-Garonne", _OCC, "5"),
    Ville("81000", "Albi", "81", "Tarn", _OCC, "5"),
    Ville("34000", "Montpellier", "34", "Hérault", _OCC, "4"),
    Ville("30000", "Nîmes", "30", "Gard", _OCC, "4"),
    Ville("66000", "Perpignan", "66", "Pyrénées-Orientales", _OCC, "4"),
    Ville("13002", "Marseille", "13", "Bouches-du-Rhône", _PAC, "4"),
    Ville("06000", "Nice", "06", "Alpes-Maritimes", _PAC, "4"),
    Ville("83000", "Toulon", "83", "Var", _PAC, "4"),
    Ville("84000", "Avignon", "84", "Vaucluse", _PAC, "4"),
    Ville("20000", "Ajaccio", "2A", "Corse-du-Sud", "Corse", "4"),
)

REGIONS_2016: tuple[str, ...] = (
    _ARA,
    _BFC,
    _BRE,
    _CVL,
    "Corse",
    _GE,
    _HDF,
    _IDF,
    _NOR,
    _NAQ,
    _OCC,
    _PDL,
    _PAC,
)
