import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Event
from registrations.models import Registration
from tests.browser import assert_accessible, log_in, log_in_with_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    EventFactory,
    MemberFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def link_in(message, part: str) -> str:
    return path_of(next(word for word in message.body.split() if part in word))


def test_members_register_wait_cancel_and_move_up(page, django_capture_on_commit_callbacks):
    essen = MemberFactory(name="Essen", designation="Stadt Essen", slug="essen")
    a, b, c = (
        UserFactory(email=f"{name}@essen.example", first_name=name.title(), member=essen)
        for name in ("anna", "bernd", "cem")
    )
    event = EventFactory(
        title="DEFUS-Austausch: Kommunale Ordnungsdienste",
        slug="austausch-kod",
        audience=Event.Audience.MEMBERS,
        registration_mode=Event.RegistrationMode.PORTAL,
        capacity=2,
        starts_at_time=datetime.time(14),
        ends_at_time=datetime.time(15, 30),
        online_link="https://konferenz.defus.example/kod",
    )

    def register(user) -> None:
        page.context.clear_cookies()
        log_in(page, user.email, PASSWORD)
        page.goto("/termine/austausch-kod/")
        with django_capture_on_commit_callbacks(execute=True):
            page.locator("main form button[type=submit]").click()
            page.wait_for_load_state()

    register(a)
    assert "Sie sind angemeldet" in page.locator("main").inner_text()
    assert "https://konferenz.defus.example/kod" in page.locator("main").inner_text()
    assert_accessible(page)
    (confirmation,) = mail.outbox
    assert confirmation.to == [a.email]
    ((filename, ics, _),) = confirmation.attachments
    assert filename == "austausch-kod.ics" and "BEGIN:VEVENT" in str(ics)

    register(b)
    assert "Sie sind angemeldet" in page.locator("main").inner_text()

    page.context.clear_cookies()
    log_in(page, c.email, PASSWORD)
    page.goto("/termine/austausch-kod/")
    assert "ausgebucht – Warteliste" in page.locator("main").inner_text()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Auf die Warteliste").click()
        page.wait_for_load_state()
    assert "auf Platz 1" in page.locator("main").inner_text()
    assert "https://konferenz.defus.example/kod" not in page.content()
    assert_accessible(page)
    assert mail.outbox[-1].to == [c.email] and "Platz 1" in mail.outbox[-1].body

    # A cancels through the link in the mail, without logging in.
    page.context.clear_cookies()
    page.goto(link_in(confirmation, "/anmeldung/stornieren/"))
    assert_accessible(page)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Anmeldung stornieren").click()
        page.wait_for_load_state()
    assert "Ihre Anmeldung ist storniert" in page.locator("main").inner_text()
    assert_accessible(page)

    promoted = mail.outbox[-1]
    assert promoted.to == [c.email]
    assert promoted.subject.startswith("Sie haben einen Platz")
    assert promoted.attachments
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses == {a.email: "storniert", b.email: "angemeldet", c.email: "angemeldet"}


def test_public_registration_works_without_javascript_and_is_accessible(
    page, browser, site_server, django_capture_on_commit_callbacks
):
    EventFactory(
        title="SiBa-Webinar: Sicherheit im Bahnhofsumfeld",
        slug="siba-webinar",
        kind=Event.Kind.WEBINAR,
        registration_mode=Event.RegistrationMode.PORTAL,
        registration_audience=Event.RegistrationAudience.ANYONE,
        capacity=60,
    ).registration_questions.create(
        label="Wie sind Sie auf das Webinar aufmerksam geworden?", required=True
    )
    no_js = browser.new_context(
        locale="de-DE", base_url=site_server.url, java_script_enabled=False
    ).new_page()
    no_js.goto("/termine/siba-webinar/")
    assert "noch 60 Plätze" in no_js.locator("main").inner_text()
    no_js.get_by_role("link", name="Zur Anmeldung").click()
    no_js.get_by_label("Name").fill("Lena Vogt")
    no_js.get_by_label("E-Mail-Adresse").fill("kein-mail")
    no_js.get_by_role("button", name="Verbindlich anmelden").click()
    assert "gültige E-Mail-Adresse" in no_js.locator("main").inner_text()
    assert no_js.get_by_label("Name").input_value() == "Lena Vogt"  # kept
    no_js.get_by_label("E-Mail-Adresse").fill("lena.vogt@example.org")
    no_js.get_by_label("Organisation").fill("Bundespolizei")
    no_js.get_by_label("Wie sind Sie").fill("Newsletter")
    with django_capture_on_commit_callbacks(execute=True):
        no_js.get_by_role("button", name="Verbindlich anmelden").click()
        no_js.wait_for_load_state()
    assert "Bitte bestätigen Sie Ihre Anmeldung" in no_js.locator("h1").inner_text()
    assert Registration.objects.get().status == "unbestaetigt"
    confirm = link_in(mail.outbox[0], "/anmeldung/bestaetigen/")
    no_js.goto(confirm)
    with django_capture_on_commit_callbacks(execute=True):
        no_js.get_by_role("button", name="Anmeldung bestätigen").click()
        no_js.wait_for_load_state()
    assert "Sie sind angemeldet" in no_js.locator("main").inner_text()
    assert Registration.objects.get().status == "angemeldet"
    no_js.context.close()

    # The same pages, audited by axe (that needs JavaScript).
    for path in ["/termine/siba-webinar/", "/anmeldung/siba-webinar/", confirm,
                 "/anmeldung/stornieren/ungueltig/"]:  # fmt: skip
        page.goto(path)
        assert_accessible(page)
    page.goto("/anmeldung/siba-webinar/")
    page.get_by_role("button", name="Verbindlich anmelden").click()  # errors shown
    assert_accessible(page)


def test_office_pages_for_the_attendee_list_are_accessible(page, staff_user):
    event = EventFactory(
        title="SiBa-Workshop: Ordnung im Bahnhofsviertel",
        registration_mode=Event.RegistrationMode.PORTAL,
        capacity=20,
        starts_on=timezone.localdate() + datetime.timedelta(days=20),
    )
    RegistrationFactory.create_batch(3, event=event)
    log_in_with_code(page, staff_user.email, PASSWORD, TOTP_SECRET)
    page.goto(f"/verwaltung/registrations/registration/?event__id__exact={event.pk}")
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("message_registered")
    page.get_by_role("button", name="Ausführen").click()
    assert "Nachricht an alle Angemeldeten" in page.content()
    assert_accessible(page)
    page.go_back()
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("sign_in_sheet")
    page.get_by_role("button", name="Ausführen").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Unterschriftenliste")
    assert_accessible(page)
