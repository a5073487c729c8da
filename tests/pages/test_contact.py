"""Contact and membership inquiry forms: stored first, mailed after, throttled, honeypotted."""

import re

import pytest

from pages.models import ContactMessage
from pages.views import ContactPageView
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTACT = {
    "topic": "presse",
    "name": "Jana Schreiber",
    "organisation": "Hannoversche Allgemeine Zeitung",
    "email": "j.schreiber@haz.example",
    "phone": "0511 123456",
    "message": "Wir bereiten einen Beitrag über kommunale Kriminalprävention vor.",
}
MEMBERSHIP = {
    "name": "Thomas Berger",
    "organisation": "Stadt Kaiserslautern",
    "email": "praevention@kaiserslautern.example",
    "phone": "",
    "message": "Welche Beiträge zahlt eine Stadt mit 100.000 Einwohnern?",
}


@pytest.mark.parametrize("path", ["/kontakt/", "/ueber-uns/mitglied-werden/"])
def test_form_pages_are_open_to_everyone(client, member_user, staff_user, path):
    assert 'name="message"' in client.get(path).text
    for user in (member_user, staff_user, UserFactory(member=None, is_staff=True, totp=False)):
        client.force_login(user)
        response = client.get(path)
        assert response.status_code == 200, user
        assert 'name="message"' in response.text


def test_a_contact_message_is_stored_and_mailed_to_office_and_sender(
    client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kontakt/", CONTACT)
    assert response.status_code == 302
    assert response["Location"] == "/kontakt/#nachricht"
    message = ContactMessage.objects.get()
    assert message.topic == ContactMessage.Topic.PRESS
    assert message.organisation == "Hannoversche Allgemeine Zeitung"
    office, ack = mailoutbox
    assert office.to == [settings.OFFICE_EMAIL]
    assert office.reply_to == ["j.schreiber@haz.example"]
    assert office.subject == "Kontaktformular (Presse): Jana Schreiber"
    assert "kommunale Kriminalprävention" in office.body
    assert f"/verwaltung/pages/contactmessage/{message.pk}/change/" in office.body
    assert ack.to == ["j.schreiber@haz.example"]
    assert "Guten Tag Jana Schreiber" in ack.body
    assert "Ihre Nachricht ist bei der Geschäftsstelle angekommen" in client.get("/kontakt/").text


def test_the_membership_form_asks_about_membership(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ueber-uns/mitglied-werden/", MEMBERSHIP)
    assert response.status_code == 302
    message = ContactMessage.objects.get()
    assert message.topic == ContactMessage.Topic.MEMBERSHIP
    assert mailoutbox[0].subject == "Kontaktformular (Mitgliedschaft): Thomas Berger"


@pytest.mark.parametrize(
    ("path", "data", "missing"),
    [("/kontakt/", CONTACT, "email"), ("/ueber-uns/mitglied-werden/", MEMBERSHIP, "organisation")],
)
def test_a_rejected_form_keeps_every_typed_field(client, mailoutbox, path, data, missing):
    typed = {**data, missing: ""}
    response = client.post(path, typed)
    assert response.status_code == 400
    assert "Die Nachricht ist noch nicht gesendet" in response.text
    assert "Dieses Feld ist zwingend erforderlich." in response.text
    for name, value in typed.items():
        if value and name != "topic" and name != "message":
            assert f'value="{value}"' in response.text, name
    assert data["message"] in response.text
    if "topic" in typed:
        assert re.search(r'value="presse"[^>]*checked', response.text)
    assert not ContactMessage.objects.exists()
    assert mailoutbox == []


def test_an_invalid_address_is_explained_in_german(client):
    response = client.post("/kontakt/", {**CONTACT, "email": "keine-adresse"})
    assert response.status_code == 400
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.text
    assert 'value="keine-adresse"' in response.text


def test_the_message_is_saved_when_the_mail_server_is_down(
    client, settings, django_capture_on_commit_callbacks, caplog
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kontakt/", CONTACT)
    assert response.status_code == 302
    assert ContactMessage.objects.get().email == "j.schreiber@haz.example"
    assert "Connection refused" in caplog.text or "ConnectionRefusedError" in caplog.text


def test_a_filled_honeypot_is_thanked_but_nothing_is_kept(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kontakt/", {**CONTACT, "website": "https://spam.example"})
    assert response.status_code == 302
    assert not ContactMessage.objects.exists()
    assert mailoutbox == []


def test_the_honeypot_is_hidden_from_people(client):
    text = client.get("/kontakt/").text
    assert '<div class="hp" aria-hidden="true">' in text
    assert 'name="website"' in text and 'tabindex="-1"' in text


def test_one_address_sends_only_a_few_messages_in_ten_minutes(
    client, django_capture_on_commit_callbacks
):
    for _ in range(ContactPageView.throttle_limit):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/kontakt/", CONTACT).status_code == 302
    response = client.post("/kontakt/", CONTACT)
    assert response.status_code == 429
    assert "Bitte warten Sie zehn Minuten" in response.text
    assert 'value="Jana Schreiber"' in response.text
    assert ContactMessage.objects.count() == ContactPageView.throttle_limit
    # The membership form counts on its own.
    assert client.post("/ueber-uns/mitglied-werden/", MEMBERSHIP).status_code == 302


# The office in the admin


def test_office_lists_messages_within_a_query_budget(
    client, staff_user, django_assert_max_num_queries
):
    ContactMessage.objects.bulk_create(
        [
            ContactMessage(name=f"Person {n}", email=f"p{n}@example.org", message="Frage")
            for n in range(200)
        ]
    )
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/pages/contactmessage/?stand=offen")
    assert response.status_code == 200
    assert "Person 199" in response.text


def test_office_answers_once_and_the_message_is_done(
    client, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    message = ContactMessage.objects.create(**{**CONTACT, "topic": "presse"})
    client.force_login(staff_user)
    url = f"/verwaltung/pages/contactmessage/{message.pk}/change/"
    reply = "Gern stellen wir Ihnen den Jahresbericht 2024 zur Verfügung."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reply": reply, "done_at_0": "", "done_at_1": "", "note": ""})
    assert response.status_code == 302, response.context["adminform"].form.errors
    (mail,) = mailoutbox
    assert mail.to == ["j.schreiber@haz.example"]
    assert reply in mail.body
    message.refresh_from_db()
    assert message.replied_at is not None and message.is_done
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"done_at_0": "", "done_at_1": "", "note": "Bericht verschickt"})
    assert len(mailoutbox) == 1


def test_office_marks_messages_done(client, staff_user):
    message = ContactMessage.objects.create(**CONTACT)
    client.force_login(staff_user)
    response = client.post(
        "/verwaltung/pages/contactmessage/",
        {"action": "mark_done", "_selected_action": [message.pk]},
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.is_done
    assert "1 Kontaktanfrage ist als erledigt markiert." in client.get(response["Location"]).text


def test_members_cannot_read_messages_in_the_admin(client, member_user):
    client.force_login(member_user)
    assert client.get("/verwaltung/pages/contactmessage/").status_code == 302
