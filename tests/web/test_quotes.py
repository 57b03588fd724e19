"""A student builds a quote: live recompute, errors in French, lock, freeze, PDF."""

from __future__ import annotations

import copy
import re
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from simulator.engine.money import format_eur
from simulator.engine.quote.models import Devis, Escompte, LigneDevis, Reduction
from simulator.engine.quote.pricing import calculer_devis
from simulator.extensions import db
from simulator.models import Quote, User
from simulator.operations import quotes
from simulator.scenarios.situation.visibility import student_view
from tests.conftest import Actions

BUILDER = "/etudiant/devis"


def form_of(html: str) -> dict:
    """The builder's form fields as the browser would post them."""
    keys = re.findall(r'name="line_key" value="(\w+)"', html)
    data: dict = {
        "line_key": keys,
        "payment_days": "30",
        "payment_mode": "date_facture",
        "validity_days": "30",
        "delivery_weeks": "4",
        "escompte_taken": "0",
    }
    for key in keys:
        select = re.search(rf'name="ref-{key}"(.*?)</select>', html, re.DOTALL).group(1)
        data[f"ref-{key}"] = re.search(r'value="([^"]+)" selected', select).group(1)
        data[f"quantity-{key}"] = re.search(rf'id="quantity-{key}"\s+value="([^"]*)"', html).group(
            1
        )
        data[f"remise-{key}"] = ""
    for name in ("quote_id", "lock_version"):
        data[name] = re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
    return data


def plain(text: str) -> str:
    """Fold the no-break spaces of French numbers, as pdftotext may print them."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def snapshot_of(app, name: str = "Léa Dubois") -> dict:
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.display_name == name))
        return quotes.workspace(user).view


def recompute(student: Actions, data: dict):
    return student.post(f"{BUILDER}/calcul", data, htmx=True)


def ttc_of(html: str) -> str:
    return re.search(r'id="total-ttc">([^<]+)<', html).group(1)


def test_builder_is_prefilled_from_the_need_and_matches_the_engine(app, student):
    html = student.client.get(BUILDER).get_data(as_text=True)
    snap = snapshot_of(app)
    catalogue = {i["ref"]: i for i in snap["catalogue"]["products"] + snap["catalogue"]["services"]}
    wanted = snap["need"]["lines"] + snap["need"]["services"]
    lignes = tuple(
        LigneDevis(
            w["ref"], "x", Decimal(w["quantity"]), Decimal(catalogue[w["ref"]]["list_price_ht"])
        )
        for w in wanted
    )
    assert ttc_of(html) == format_eur(calculer_devis(Devis(lignes)).total_ttc)


def test_recompute_is_a_fragment_with_remise_and_escompte(app, student):
    data = form_of(student.client.get(BUILDER).get_data(as_text=True))
    key = data["line_key"][0]
    data.update(
        {
            f"remise-{key}": "10",
            "remise_value": "5",
            "remise_unit": "pct",
            "escompte_pct": "2",
            "escompte_taken": "1",
        }
    )
    response = recompute(student, data)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "HX-Request" in response.headers["Vary"]
    snap = snapshot_of(app)
    catalogue = {i["ref"]: i for i in snap["catalogue"]["products"] + snap["catalogue"]["services"]}
    lignes = tuple(
        LigneDevis(
            data[f"ref-{k}"],
            "x",
            Decimal(data[f"quantity-{k}"]),
            Decimal(catalogue[data[f"ref-{k}"]]["list_price_ht"]),
            reductions=(Reduction("remise", taux=Decimal(10)),) if k == key else (),
        )
        for k in data["line_key"]
    )
    expected = calculer_devis(
        Devis(lignes, (Reduction("remise", taux=Decimal(5)),), Escompte(Decimal(2), True))
    )
    assert ttc_of(body) == format_eur(expected.total_ttc)
    assert 'hx-swap-oob="true"' in body and "Escompte pris" in body


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("ref", "NEXISTE-PAS", "n'existe pas dans votre catalogue"),
        ("quantity", "-3", "valeur négative refusée"),
        ("quantity", "trois", "n'est pas un nombre"),
        ("remise", "150", "ne peut pas dépasser 100 %"),
    ],
)
def test_bad_line_input_is_explained_next_to_the_field(student, field, value, message):
    data = form_of(student.client.get(BUILDER).get_data(as_text=True))
    key = data["line_key"][0]
    data[f"{field}-{key}"] = value
    body = recompute(student, data).get_data(as_text=True)
    assert re.search(
        rf'id="err-line-{key}-{field}" hx-swap-oob="true">Ligne 1 : [^<]*{message}',
        body.replace("&#39;", "'"),
    )


def test_payment_terms_beyond_the_legal_cap_block_the_issue(student):
    data = form_of(student.client.get(BUILDER).get_data(as_text=True))
    data["payment_days"] = "90"
    body = recompute(student, data).get_data(as_text=True)
    assert re.search(
        r'id="err-payment" hx-swap-oob="true">Délai de 90 jours au-delà du plafond', body
    )
    response = student.post(f"{BUILDER}/emettre", data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "plafond légal de 60 jours" in page and 'value="90"' in page


def test_saving_keeps_input_and_a_stale_lock_is_refused(student):
    data = form_of(student.client.get(BUILDER).get_data(as_text=True))
    assert student.post(f"{BUILDER}/enregistrer", data).status_code == 303
    saved = form_of(student.client.get(BUILDER).get_data(as_text=True))
    assert saved["quote_id"] and saved["lock_version"] == "1"
    assert student.post(f"{BUILDER}/enregistrer", saved).status_code == 303
    stale = student.post(f"{BUILDER}/enregistrer", {**saved, "payment_days": "45"})
    assert stale.status_code == 409
    assert "modifié entre-temps" in stale.get_data(as_text=True)
    assert 'value="45"' in stale.get_data(as_text=True)
    new_tab = student.post(f"{BUILDER}/enregistrer", {**data, "quote_id": "", "lock_version": ""})
    assert new_tab.status_code == 409


def issue(student: Actions, **changes) -> str:
    data = form_of(student.client.get(BUILDER).get_data(as_text=True))
    data.update(changes)
    response = student.post(f"{BUILDER}/emettre", data)
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.location


def test_issued_quote_is_numbered_frozen_and_printable(app, student):
    location = issue(student, escompte_pct="1")
    page = student.client.get(location).get_data(as_text=True)
    number = re.search(r"D-\d{4}-\d{4}", page).group(0)
    assert number == f"D-{date.today().year}-0001"
    quote_id = int(location.rsplit("/", 1)[1])
    with app.app_context():
        quote = db.session.get(Quote, quote_id)
        data = {
            **form_of(student.client.get(BUILDER).get_data(as_text=True)),
            "quote_id": str(quote.id),
            "lock_version": str(quote.lock_version),
        }
        assert quote.totals["devis"]["total_ttc"]
    assert student.post(f"{BUILDER}/enregistrer", data).status_code == 409
    printed = student.client.get(f"{location}/impression").get_data(as_text=True)
    assert "Bon pour accord" in printed and "40,00" in printed and number in printed


def test_pdf_carries_the_french_ttc_total(app, student):
    location = issue(student, acompte_pct="30")
    response = student.client.get(f"{location}/pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert response.headers["Content-Type"] == "application/pdf"
    assert 'filename="devis-D-' in response.headers["Content-Disposition"]
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.data, capture_output=True, check=True
    ).stdout.decode()
    with app.app_context():
        ttc = db.session.get(Quote, int(location.rsplit("/", 1)[1])).totals["devis"]["total_ttc"]
    assert plain(format_eur(Decimal(ttc))) in plain(text)  # « 5 043,60 € »
    assert "Bon pour accord" in text and "indemnité forfaitaire" in text and "acompte" in text


def test_another_student_cannot_see_my_quote(app, student):
    location = issue(student)
    other = Actions(app.test_client())
    other.join("DEMO42", "Hugo Bernard")
    for suffix in ("", "/impression", "/pdf"):
        assert other.client.get(location + suffix).status_code == 404


def test_no_purchase_cost_when_the_pack_forbids_it(app, student, monkeypatch):
    real = quotes.workspace

    def hidden_costs(user):
        ws = real(user)
        snapshot = copy.deepcopy(ws.snapshot)
        snapshot["pack"]["allow_student_costs"] = False
        return quotes.Workspace(ws.situation_id, snapshot, student_view(snapshot))

    monkeypatch.setattr(quotes, "workspace", hidden_costs)
    html = student.client.get(BUILDER).get_data(as_text=True)
    assert "Coût d’achat" not in html and "Marge brute" not in html and "Taux de marque" not in html
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.display_name == "Léa Dubois"))
        full = real(user).snapshot
    items = full["catalogue"]["products"] + full["catalogue"]["services"]
    prices = {format_eur(Decimal(i["list_price_ht"])) for i in items}
    for item in items:
        cost = format_eur(Decimal(item["purchase_cost"]))
        assert cost in prices or not re.search(r"(?<![\d\u202f])" + re.escape(cost), html)


def test_recompute_needs_the_csrf_token(student):
    data = form_of(student.client.get(BUILDER).get_data(as_text=True))
    response = student.client.post(f"{BUILDER}/calcul", data=data, headers={"HX-Request": "true"})
    assert response.status_code == 400


def test_new_line_is_a_table_row(student):
    body = student.client.get(f"{BUILDER}/ligne", headers={"HX-Request": "true"}).get_data(
        as_text=True
    )
    assert body.strip().startswith("<tr") and 'name="line_key"' in body


def test_the_quote_shows_the_risk_page_class_reasons_and_cover(app, student):
    """One source: the class, its reasons and the cover of the risk correction, word for word."""
    import html as html_lib

    from simulator.operations.risk_analysis import analyser

    page = html_lib.unescape(student.client.get(BUILDER).get_data(as_text=True))
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.display_name == "Léa Dubois"))
        analyse = analyser(quotes.workspace(user).snapshot)
    classe = analyse.classe
    assert f"Client de classe {classe.niveau} (risque {classe.libelle})" in page
    for raison in classe.raisons:
        assert raison in page
    assert "Couverture recommandée" in page
    if (
        classe.niveau >= 3
    ):  # never « covered » alone when the risk page says insurance is not enough
        assert "l'assurance-crédit ne suffit pas" in page or "au-delà de l'encours garanti" in page
        assert not re.search(r"dans la limite de l'encours garanti[^.]*\)\.", page)


def test_the_pdf_carries_every_mention_of_a_b2b_devis_on_one_font(app, student):
    """Seller identity from the pack, both parties, dates, lines, VAT, terms, penalties, 40 €,
    CGV, bon pour accord; the signature on the page of the totals; DejaVu Sans only."""
    from simulator.scenarios.generator.identifiers import format_siren

    location = issue(student, acompte_pct="30")
    pdf = student.client.get(f"{location}/pdf").data
    text = plain(
        subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
    )
    flat = " ".join(text.split())
    snap = snapshot_of(app)
    seller, identity = snap["seller"], snap["seller"]["identity"]
    client = snap["client"]["company"]
    siren = format_siren(identity["siren"])
    expected = [
        seller["name"],
        f"{seller['legal_form']} au capital de",
        plain(format_eur(Decimal(identity["share_capital"]))),
        f"{identity['street']}, {identity['postcode']} {seller['city']}",
        f"SIREN {siren}",
        f"SIRET {siren} {identity['siret'][9:]}",
        f"RCS {identity['rcs_city']} {siren}",
        identity["vat_number"],
        client["raison_sociale"],
        format_siren(client["siren"]),
        client["tva_intracommunautaire"],
        "DEVIS n° D-",
        "Offre valable jusqu",
        "Total HT",
        "TVA 20 %",
        "Total TTC",
        "Conditions de règlement",
        "Paiement à 30 jours",
        "pénalités au taux de",
        "indemnité forfaitaire pour frais de recouvrement de 40,00 €",
        "conditions générales de vente",
        "Acompte à la commande",
        "Livraison",
        "Bon pour accord",
    ]
    missing = [m for m in expected if m not in flat]
    assert not missing, missing
    assert "Grenoble" not in text or seller["city"] == "Grenoble"  # nothing invented
    pages = text.split("\f")
    on_page = [i for i, page in enumerate(pages) if "Total TTC" in page]
    assert on_page and "Bon pour accord" in pages[on_page[-1]]
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    names = [line.split()[0] for line in fonts.stdout.decode().splitlines()[2:]]
    assert names and all(n.split("+")[-1].startswith("DejaVu-Sans") for n in names), names


def test_the_draft_is_autosaved_and_restored(app, student):
    html = student.client.get(BUILDER).get_data(as_text=True)
    assert 'hx-post="/etudiant/devis/brouillon"' in html and "delay:800ms" in html
    data = form_of(html)
    data["payment_days"] = "45"
    first = student.post(f"{BUILDER}/brouillon", data, htmx=True)
    body = first.get_data(as_text=True)
    assert first.status_code == 200 and "Brouillon enregistré automatiquement" in body
    quote_id = re.search(r'name="quote_id" value="(\d+)" id="quote-id"', body).group(1)
    lock = re.search(r'name="lock_version" value="(\d+)" id="quote-lock"', body).group(1)
    # the next autosave carries the new id and lock version: no conflict
    data.update(quote_id=quote_id, lock_version=lock, payment_days="40")
    assert student.post(f"{BUILDER}/brouillon", data, htmx=True).status_code == 200
    # a stale lock version is refused, nothing overwritten
    data.update(payment_days="10")
    stale = student.post(f"{BUILDER}/brouillon", data, htmx=True)
    assert stale.status_code == 409
    with app.app_context():
        assert db.session.get(Quote, int(quote_id)).inputs["payment_days"] == "40"
    # coming back: the builder restores the draft
    again = student.client.get(BUILDER).get_data(as_text=True)
    assert re.search(r'name="payment_days"[^>]*value="40"', again)
    assert "Brouillon repris" in again
