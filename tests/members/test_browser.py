import re
import time

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from members.tokens import invitation_token_generator
from tests.browser import assert_accessible, log_in
from tests.factories import PASSWORD, ContactPersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEW_PASSWORD = "Neues-Passwort-fuer-Essen-2026"


def test_member_logs_in_through_the_form_and_sees_the_member_area(page, member_user):
    ContactPersonFactory(member=member_user.member, name="Christian Kromberg")
    page.goto("/mitgliederbereich/")
    assert page.url.endswith("/konto/login/?next=/mitgliederbereich/")
    assert_accessible(page)
    page.get_by_label("E-Mail").fill(member_user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/mitgliederbereich/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mitgliederbereich"
    assert page.get_by_text("Christian Kromberg").is_visible()
    assert_accessible(page)


def test_failed_login_shows_an_accessible_german_error(page, member_user):
    log_in(page, member_user.email, "falsch-falsch-falsch")
    alert = page.get_by_role("alert")
    assert "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in alert.inner_text()
    assert_accessible(page)


def test_password_reset_pages_are_accessible(page, member_user):
    page.goto("/konto/login/")
    page.get_by_role("link", name="Passwort vergessen?").click()
    page.wait_for_url("**/konto/password/reset/")
    assert_accessible(page)
    page.get_by_label("E-Mail").fill(member_user.email)
    page.get_by_role("button", name="Passwort zurücksetzen").click()
    page.wait_for_url("**/konto/password/reset/done/")
    assert_accessible(page)

    key = f"{user_pk_to_url_str(member_user)}-{default_token_generator.make_token(member_user)}"
    page.goto(f"/konto/password/reset/key/{key}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Passwort ändern"
    assert_accessible(page)


def test_invitation_page_sets_the_password_and_logs_in(page, member):
    user = UserFactory(email="neu@essen.example", member=member, password="!")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    page.goto(f"/konto/einladung/{uid}/{invitation_token_generator.make_token(user)}/")
    assert page.url.endswith("/passwort-festlegen/")
    assert_accessible(page)
    page.get_by_label("Neues Passwort:", exact=True).fill("1234")
    page.get_by_label("Neues Passwort bestätigen").fill("1234")
    page.get_by_role("button", name="Passwort speichern und anmelden").click()
    assert page.locator("#id_new_password2[aria-invalid=true]").count() == 1
    assert_accessible(page)  # with the errors tied to the field
    page.get_by_label("Neues Passwort:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Neues Passwort bestätigen").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Passwort speichern und anmelden").click()
    page.wait_for_url("**/mitgliederbereich/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mitgliederbereich"


def test_broken_invitation_link_page_is_accessible(page):
    page.goto("/konto/einladung/MQ/abc-def/")
    assert "Dieser Einladungslink gilt nicht mehr" in page.content()
    assert_accessible(page)


def test_staff_sets_up_the_authenticator_app_before_reaching_the_admin(page):
    staff = UserFactory(email="neu@defus.example", member=None, is_staff=True, totp=False)
    page.goto("/verwaltung/")
    page.get_by_label("E-Mail").fill(staff.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    # On to the authenticator app; allauth first asks for the password once more.
    page.wait_for_url("**/konto/reauthenticate/?next=%2Fkonto%2F2fa%2Ftotp%2Factivate%2F")
    assert "Zwei-Faktor-Authentifizierung Pflicht" in page.get_by_role("status").inner_text()
    assert_accessible(page)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/konto/2fa/totp/activate/")
    assert page.locator("img.qr-code").is_visible()
    assert_accessible(page)

    secret = page.locator("#authenticator_secret").input_value()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.get_by_label("Authentifizierungscode").fill(code)
    page.get_by_role("button", name="Aktivieren").click()
    page.wait_for_url("**/konto/2fa/recovery-codes/")
    assert_accessible(page)
    page.goto("/verwaltung/")
    assert re.search(r"/verwaltung/$", page.url)
    assert "Inhalte pflegen" in page.content()


def test_staff_login_asks_for_the_code_on_an_accessible_page(page, staff_user):
    log_in(page, staff_user.email, PASSWORD)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)


def test_signup_page_says_there_is_none(page):
    page.goto("/konto/signup/")
    assert page.get_by_role("heading", level=1).inner_text() == "Keine Registrierung"
    assert_accessible(page)
