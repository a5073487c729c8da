import pytest

from demo.loader import load_office
from pages.models import Office
from pages.services import office_update
from tests.factories import UserFactory
from tests.test_admin_german import english_in

pytestmark = pytest.mark.django_db

CHANGE = "/verwaltung/pages/office/1/change/"


def office_with_register() -> Office:
    office = Office.objects.get(pk=Office.SINGLETON_PK)
    office.register_court = "Amtsgericht Hannover"
    office.register_number = "VR 201234"
    office.vat_id = "DE123456789"
    office.responsible_person = "Anna Rau, Geschäftsführerin"
    office.responsible_address = "Kurt-Schumacher-Straße 29\n30159 Hannover"
    return office_update(office=office)


def admin_form(office: Office, **changes) -> dict:
    data = {
        field: getattr(office, field)
        for field in ["name", "street", "postal_code", "city", "phone", "email",
                      "representatives", "register_court", "register_number",
                      "responsible_person", "responsible_address", "vat_id"]
    }  # fmt: skip
    return {**data, **changes}


def test_imprint_shows_the_office_details_to_everyone(visitor, django_assert_max_num_queries):
    office_with_register()
    with django_assert_max_num_queries(5):  # with the content version
        response = visitor.get("/impressum/")
    text = response.text
    assert response.status_code == 200
    for value in ["Deutsch-Europäisches Forum für Urbane Sicherheit e.V.", "Kurt-Schumacher-Straße 29",
                  "30159 Hannover", "Christian Kromberg (Vorsitzender)",
                  "Dr. Volker Proffen (stellvertretender Vorsitzender)", "Registergericht: Amtsgericht Hannover",
                  "Registernummer: VR 201234", "DE123456789", "§ 18 Abs. 2 MStV",
                  "Anna Rau, Geschäftsführerin", "Haftung für Links"]:  # fmt: skip
        assert value in text, value
    assert "trägt die Geschäftsstelle hier ein" not in text


def test_imprint_leaves_out_what_the_office_has_not_filled_in(client):
    text = client.get("/impressum/").text
    assert "Eingetragen im Vereinsregister." in text
    assert "Registernummer:" not in text
    assert "Umsatzsteuer" not in text


def test_the_frame_reads_the_office_once_per_process_not_once_per_page(
    client, django_assert_num_queries
):
    Office.objects.forget()
    client.get("/impressum/")  # fills the cache
    with django_assert_num_queries(2):  # the content version and the page
        text = client.get("/impressum/").text
    assert "0511 367394-20" in text


def test_contact_page_shows_the_office_address(visitor):
    text = visitor.get("/kontakt/").text
    assert text.count("Kurt-Schumacher-Straße 29") == 2  # the page and the footer
    assert 'href="tel:+4951136739420"' in text


def test_office_edits_the_address_in_the_admin_and_the_footer_follows(client, staff_user):
    client.force_login(staff_user)
    office = Office.objects.current()
    assert "Kurt-Schumacher-Straße 29" in client.get("/").text

    response = client.post(
        CHANGE, admin_form(office, street="Königstraße 7", postal_code="30175", phone="0511 123456")
    )

    assert response.status_code == 302
    client.logout()
    for path in ["/", "/kontakt/", "/impressum/", "/barrierefreiheit/melden/"]:
        text = client.get(path).text
        assert "Königstraße 7" in text or "0511 123456" in text, path
        assert "Kurt-Schumacher-Straße 29" not in text, path
    assert "30175 Hannover" in client.get("/").text


def test_the_office_is_one_object_in_the_admin(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/verwaltung/pages/office/")
    assert response.status_code == 302
    assert response["Location"] == CHANGE
    assert client.get("/verwaltung/pages/office/add/").status_code == 403
    assert client.get("/verwaltung/pages/office/1/delete/").status_code == 403


def test_the_office_admin_page_is_german(client, staff_user):
    client.force_login(staff_user)
    response = client.get(CHANGE)
    assert response.status_code == 200
    assert "Geschäftsstelle und Impressum" in response.text
    assert "Registergericht" in response.text
    assert english_in(response.text) == []


def test_the_admin_explains_a_wrong_entry_in_german(client, staff_user):
    client.force_login(staff_user)
    office = Office.objects.current()
    response = client.post(CHANGE, admin_form(office, email="keine-adresse", city=""))
    assert response.status_code == 200
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.text
    assert "Dieses Feld ist zwingend erforderlich." in response.text
    assert Office.objects.get().email == "defus@defus.org"


@pytest.mark.parametrize("kind", ["anonymous", "member", "staff_without_second_factor"])
def test_only_the_office_reaches_the_office_admin(request, client, kind):
    from tests.conftest import client_as

    client = client_as(request, client, kind)
    response = client.get(CHANGE)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "/konto/" in response["Location"]


def test_demo_fills_the_register_with_marked_sample_values(client):
    load_office()
    text = client.get("/impressum/").text
    assert "VR 000000 (Beispielwert)" in text
    assert "Amtsgericht Hannover (Beispielwert)" in text


def test_invitation_and_contact_mail_name_the_office_as_it_is_now(
    client, staff_user, member, mailoutbox, django_capture_on_commit_callbacks
):
    office = Office.objects.current()
    office.phone = "0511 765432"
    office_update(office=office)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/kontakt/",
            {"topic": "allgemein", "name": "Eva Muster", "email": "eva@example.org",
             "message": "Wie werden wir Mitglied im Netzwerk?", "privacy": "on"},
        )  # fmt: skip
    acknowledgements = [mail for mail in mailoutbox if mail.to == ["eva@example.org"]]
    assert acknowledgements, [mail.subject for mail in mailoutbox]
    assert "0511 765432" in acknowledgements[0].body

    invitee = UserFactory(email="neu@essen.example", member=member, last_login=None, password="!")
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/verwaltung/members/user/",
            {"action": "send_invitation", "_selected_action": [invitee.pk]},
        )
    invitations = [mail for mail in mailoutbox if mail.to == ["neu@essen.example"]]
    assert invitations
    assert "defus@defus.org · 0511 765432" in invitations[0].body
