"""Vendors (learned) page: what the project learned per vendor (fields, labels, how often confirmed or
missed, who taught them), forgetting a field or the whole vendor, a vendor's YAML template to download,
and the project's templates (import, refusal named by its code, delete); viewers read only."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard import session
from tests.dashboard.rendered import texts

PAGE = "views/vendors.py"
KEY = "vat:DE136695976"


def open_page(make_app, **state) -> AppTest:
    return make_app(page=PAGE, **state)


def as_viewer(fake) -> None:
    fake.projects[0]["role"] = "viewer"


def test_the_learned_fields_are_shown_per_vendor(make_app, fake):
    at = open_page(make_app)
    assert fake.calls_named("list_vendors") and not at.exception
    (vendor,) = at.expander
    assert "Nordwind Buerobedarf GmbH" in vendor.label and KEY in vendor.label
    assert "iban:DE89370400440532013000" in texts(at)  # what it is recognised by
    table = at.dataframe[0].value
    assert list(table["Field"]) == ["invoice number", "po number"]
    assert list(table["Label"]) == ["belegkennung", "vorgang"]
    assert list(table["Confirmed since"]) == [4, 2] and list(table["Missed since"]) == [1, 0]
    assert set(table["Taught by"]) == {"demo"}


def test_a_reviewer_forgets_one_field_then_the_vendor(make_app, fake):
    at = open_page(make_app)
    at.selectbox(key=f"vendor_field_{KEY}").select("po_number")
    at.button(key=f"forget_field_{KEY}").click().run()
    assert fake.calls_named("forget_vendor_field") == [((1, KEY, "po_number"), {})]
    assert "Forgot po number" in texts(at)
    assert list(at.dataframe[0].value["Field"]) == ["invoice number"]

    assert at.button(key=f"forget_vendor_{KEY}").disabled  # asks to be sure first
    at.checkbox(key=f"forget_vendor_sure_{KEY}").check().run()
    at.button(key=f"forget_vendor_{KEY}").click().run()
    assert fake.calls_named("forget_vendor") == [((1, KEY), {})]
    assert "Nothing learned yet" in texts(at)
    assert not at.exception


def test_a_vendor_template_is_fetched_then_offered_for_download(make_app, fake):
    at = open_page(make_app)
    at.button(key=f"prepare_template_{KEY}").click().run()
    assert fake.calls_named("vendor_template") == [((1, KEY), {})]
    assert at.session_state["prepared_vendor_template"][:2] == (1, KEY)
    assert not at.exception


def test_templates_are_imported_refused_with_their_code_and_deleted(make_app, fake):
    at = open_page(make_app)
    fake.upload_template(1, "nordwind", b"issuer: Nordwind\n")
    at.run()
    assert "nordwind" in texts(at)
    at.button(key="delete_template_nordwind").click().run()
    assert fake.calls_named("delete_template") == [((1, "nordwind"), {})]
    assert fake.templates == []

    # the upload widget cannot be driven by AppTest: the client call behind it is, through the fake
    refused = None
    try:
        fake.upload_template(1, "evil", b"!!python/object/apply:os.system ['id']\n")
    except Exception as exc:  # noqa: BLE001
        refused = exc
    assert refused is not None and refused.code == "invalid_template"


def test_a_reviewer_asks_for_earlier_documents_to_be_read_again(make_app, fake):
    at = open_page(make_app)
    at.button(key="rescore_reextract").click().run()
    assert fake.calls_named("rescore") == [((1,), {"reextract": True})]
    assert "Rescore asked for" in texts(at)


def test_viewers_read_but_cannot_change(make_app, fake):
    as_viewer(fake)
    at = open_page(make_app)
    assert at.session_state[session.PROJECT_ROLE] == "viewer"
    assert at.button(key=f"forget_field_{KEY}").disabled
    assert at.button(key=f"forget_vendor_{KEY}").disabled
    assert at.button(key="rescore_reextract").disabled
    assert "Viewers cannot import or delete templates" in texts(at)
    assert list(at.dataframe[0].value["Field"]) == ["invoice number", "po number"]
    assert not fake.calls_named("forget_vendor_field") and not fake.calls_named("forget_vendor")


def test_the_client_sends_a_vendor_key_as_one_percent_encoded_segment():
    import requests

    from dashboard.api_client import ApiClient

    sent = []

    class Recording(requests.Session):
        def request(self, method, url, **kwargs):
            sent.append((method, url))
            response = requests.Response()
            response.status_code, response._content = 204, b""
            return response

    client = ApiClient("http://api.test", "t", session=Recording())
    client.forget_vendor_field(3, KEY, "po_number")
    client.forget_vendor(3, "name:nordwind buerobedarf")
    assert sent == [
        ("DELETE", "http://api.test/api/projects/3/vendors/vat%3ADE136695976/fields/po_number/"),
        ("DELETE", "http://api.test/api/projects/3/vendors/name%3Anordwind%20buerobedarf/"),
    ]


def test_a_change_drops_the_template_prepared_before_it(make_app, fake):
    at = open_page(make_app)
    at.button(key=f"prepare_template_{KEY}").click().run()
    assert at.session_state["prepared_vendor_template"][:2] == (1, KEY)
    at.selectbox(key=f"vendor_field_{KEY}").select("po_number")
    at.button(key=f"forget_field_{KEY}").click().run()
    # the YAML prepared before still held po_number: it is fetched again, not offered as it was
    assert "prepared_vendor_template" not in at.session_state
    assert at.button(key=f"prepare_template_{KEY}")
    assert not at.exception


def test_a_field_learned_without_a_label_says_so(make_app, fake):
    fake.vendors[0]["fields"][1] = {**fake.vendors[0]["fields"][1], "label": "", "label_side": ""}
    at = open_page(make_app)
    table = at.dataframe[0].value
    assert list(table["Label"]) == ["belegkennung", "(none: by position)"]
    assert list(table["Label side"])[1] == "—"
    assert list(table["Taught at"])[0].endswith(" UTC")  # a short time, not the raw ISO stamp


def test_a_letterhead_identifier_is_shown_as_its_first_words(make_app, fake):
    head = "head:restoran wan sheng no jalan temenggung seksyen bandar mahkota cheras"
    fake.vendors[0] = {**fake.vendors[0], "key": head, "name": "", "identifiers": [head]}
    at = open_page(make_app)
    (vendor,) = at.expander
    shown = "letterhead: restoran wan sheng no jalan temenggung …"
    assert vendor.label.startswith(f"{shown} · {shown} · 2 field(s)")
    assert f"Recognised by: {shown}" in texts(at)
    assert "head:restoran" not in texts(at) and "head:restoran" not in vendor.label
    assert not at.exception
