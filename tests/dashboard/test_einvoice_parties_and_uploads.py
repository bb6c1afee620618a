"""Round 3 of the walk: a Factur-X MINIMUM party shows its country as a country, not as an address; an
e-invoice's delivery place and invoicing period are shown; the upload banner names the files uploaded
before the task id."""

from __future__ import annotations

from pathlib import Path

from dashboard.einvoice_view import delivery_lines, party_lines
from dashboard.wording import upload_banner
from tests.dashboard.fakes import DOC_A
from tests.dashboard.rendered import texts

REVIEW = "views/document_review.py"
EINVOICE_DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "einvoice-dev"


def _details(path: Path) -> dict:
    """What the API's detail carries for a corpus e-invoice (read by the real reader)."""
    from ocr_tasks.einvoice.reader import read_pdf, read_xml

    data = path.read_bytes()
    einvoice = read_pdf(data) if path.suffix == ".pdf" else read_xml(data)
    return dict(einvoice.as_invoice().einvoice)


def test_a_minimum_profile_party_shows_country_only(make_app, fake):
    details = _details(EINVOICE_DEV / "pdf" / "Facture_FR_MINIMUM.pdf")
    doc = fake.documents[DOC_A]
    doc.update(source="einvoice", einvoice=details)

    at = make_app(page=REVIEW, document_id=DOC_A)

    assert not at.exception
    seller = next(m.value for m in at.markdown if m.value.startswith("**Seller**"))
    assert "Au bon moulin" in seller
    assert "Country only: FR" in seller
    assert "FR" not in seller.split("  \n")  # no line that is the bare code


def test_an_address_kept_as_its_bare_country_code_reads_as_country_only():
    """A document read before the mapping dropped lone countries still holds `address: "FR"`."""
    assert party_lines({"name": "Au bon moulin", "address": "FR", "country": "FR"}) == [
        "Au bon moulin",
        "Country only: FR",
    ]
    assert party_lines({"name": "B", "address": "1 rue X, 75001, Paris, FR", "country": "FR"})[1] == (
        "1 rue X, 75001, Paris, FR"
    )


def test_delivery_place_and_invoicing_period_are_shown(make_app, fake):
    details = _details(EINVOICE_DEV / "xml" / "cii" / "CII_example2.xml")
    assert delivery_lines(details) == [
        "Deliver to: Deliverystreet 2, Side door, 523427, DeliveryCity, NO, location 6754238987643",
        "Invoicing period: 2013-06-01 to 2013-06-30",
    ]
    doc = fake.documents[DOC_A]
    doc.update(source="einvoice", einvoice=details)
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert not at.exception
    assert "Invoicing period: 2013-06-01 to 2013-06-30" in texts(at)


def test_the_upload_banner_names_the_files_not_the_task():
    answer = {
        "task_id": "7a5c0000-0000-4000-8000-000000000002",
        "documents": [{"id": str(i), "name": f"scan_{i}.jpg"} for i in range(7)],
    }
    banner = upload_banner(answer)
    assert banner.startswith("7 document(s) uploaded: scan\\_0.jpg, scan\\_1.jpg")
    assert "and 2 more" in banner and "7a5c0000" not in banner


def test_the_overview_exports_the_vat_table_as_csv(make_app, fake):
    at = make_app(page="views/overview.py")
    at.segmented_control(key="export_format").set_value("vat").run()
    at.button(key="export_prepare").click().run()
    assert fake.calls_named("export_project") == [((1, "csv"), {"table": "vat"})]
    (download,) = at.get("download_button")
    assert download.proto.label.startswith("Download VAT per rate (CSV)")
    assert not at.exception


def _members_table(at):
    return next(df.value for df in at.dataframe if "may" in df.value.columns)


def test_the_owner_adds_a_reviewer_and_removes_a_member_on_the_settings_page(make_app, fake):
    at = make_app(page="views/settings.py")
    table = _members_table(at)
    assert list(table["user"]) == ["demo", "vera"] and list(table["role"]) == ["owner", "viewer"]
    at.text_input(key="member_username").input("rita")
    at.selectbox(key="member_role").set_value("reviewer")
    at.button(key="member_save").click().run()
    assert fake.calls_named("set_member") == [((1, "rita", "reviewer"), {})]
    assert "rita is now a reviewer of this project." in texts(at)
    assert list(_members_table(at)["user"]) == ["demo", "vera", "rita"]

    at.selectbox(key="member_remove_name").set_value("vera")
    at.button(key="member_remove").click().run()
    assert fake.calls_named("remove_member") == [((1, "vera"), {})]
    assert list(_members_table(at)["user"]) == ["demo", "rita"]
    assert not at.exception


def test_an_unknown_user_name_is_said(make_app, fake):
    at = make_app(page="views/settings.py")
    at.text_input(key="member_username").input("nobody")
    at.button(key="member_save").click().run()
    assert any("No user is named 'nobody'" in e.value for e in at.error)
    assert not at.exception


def test_a_viewer_sees_the_team_but_no_form(make_app, fake):
    fake.projects[0]["role"] = "viewer"
    at = make_app(page="views/settings.py")
    assert list(_members_table(at)["user"]) == ["demo", "vera"]
    assert "Only the project's owner adds, changes or removes members." in texts(at)
    assert not [t for t in at.text_input if t.key == "member_username"]
    assert not at.exception


def test_the_review_page_shows_who_changed_which_field(make_app, fake):
    doc = fake.documents[DOC_A]
    doc["corrections"] = [
        {
            "field": "total",
            "old_value": "9.00",
            "new_value": "9.50",
            "user": "rita",
            "created_at": "2026-11-29T09:30:00Z",
        },
        {
            "field": "line_items",
            "old_value": [],
            "new_value": [{"description": "Tea"}],
            "user": "demo",
            "created_at": "2026-11-29T09:31:00Z",
        },
    ]
    doc.update(approved_by="demo", approved_at="2026-11-29T09:32:00Z")
    at = make_app(page=REVIEW, document_id=DOC_A)
    shown = texts(at)
    assert (
        "2026-11-29 09:30:00 UTC · rita · Total: “9.00” → “9.50”  \n"
        "2026-11-29 09:31:00 UTC · demo · Line items: 0 line item(s) → 1 line item(s)  \n"
        "2026-11-29 09:32:00 UTC · demo · approved"
    ) in shown
    assert not at.exception


def test_a_cancelled_or_partly_failed_task_says_how_to_read_its_files(make_app, fake):
    from tests.dashboard.fakes import CREATED, TASK_1, TASK_2, task_item

    fake.tasks = [
        {
            **task_item(TASK_2, "cancelled", "cancel", 0, 2, CREATED, ["a.jpg", "b.jpg"]),
            "finished_at": CREATED,
        },
        {**task_item(TASK_1, "partially_failed", "done", 3, 3, CREATED, ["c.pdf"]), "finished_at": CREATED},
    ]
    at = make_app(page="views/projects.py")
    assert [i.value for i in at.info] == [
        "Cancelled before any document was read: upload the files again to read them."
    ]
    assert any("head the review queue" in w.value for w in at.warning)
    assert not at.exception


def test_a_viewer_is_told_why_uploading_is_off(make_app, fake):
    fake.projects[0]["role"] = "viewer"
    at = make_app(page="views/projects.py")
    assert any("You are a viewer of this project" in i.value for i in at.info)
    assert at.button(key="process_files").disabled
    assert not at.exception
