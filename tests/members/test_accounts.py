import datetime
import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase
from django.utils import timezone

from members.models import User
from members.services import user_invite
from members.tokens import InvitationTokenGenerator
from tests.factories import PASSWORD, TOTP_SECRET, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

WRONG_CREDENTIALS = "Die E-Mail-Adresse und/oder das Passwort sind leider falsch."
NEW_PASSWORD = "Neues-Passwort-fuer-Essen-2026"


def log_in(client, email, password=PASSWORD, **extra):
    return client.post("/konto/login/", {"login": email, "password": password, **extra})


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


def current_totp_code(secret=TOTP_SECRET):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def invitation_link(mail) -> str:
    return re.search(r"http://testserver(/konto/einladung/\S+/)", mail.body).group(1)


def invite(user):
    """Invite as the admin does; the mail leaves after the commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        user_invite(user=user, request=RequestFactory().get("/verwaltung/"))


# Login


def test_member_logs_in_with_email_and_password_and_lands_in_the_member_area(client, member_user):
    response = log_in(client, "mitglied@stadt.example")
    assert response.status_code == 302
    assert response["Location"] == "/mitgliederbereich/"
    assert logged_in_user_id(client) == str(member_user.pk)


def test_login_takes_the_visitor_back_to_where_they_came_from(client, member_user):
    response = log_in(client, member_user.email, next="/mitglieder/essen/")
    assert response["Location"] == "/mitglieder/essen/"


def test_login_ignores_the_case_of_the_address(client, member_user):
    log_in(client, "Mitglied@Stadt.Example")
    assert logged_in_user_id(client) == str(member_user.pk)


def test_wrong_password_and_unknown_address_get_the_same_german_message(client, member_user):
    wrong_password = log_in(client, member_user.email, "falsch-falsch-falsch")
    unknown_address = log_in(client, "niemand@stadt.example", "falsch-falsch-falsch")
    assert wrong_password.status_code == unknown_address.status_code == 200
    assert WRONG_CREDENTIALS in wrong_password.text
    assert WRONG_CREDENTIALS in unknown_address.text

    def errors(response):
        return re.search(r'<div class="form-errors".*?</div>', response.text, re.S).group(0)

    assert errors(wrong_password) == errors(unknown_address)
    assert logged_in_user_id(client) is None


def test_too_many_failed_logins_are_refused_with_a_german_message(client, member_user):
    for _ in range(5):
        assert WRONG_CREDENTIALS in log_in(client, member_user.email, "falsch-falsch").text
    response = log_in(client, member_user.email)  # even the right password, for now
    assert response.status_code == 200
    assert "Zu viele gescheiterte Anmeldeversuche" in response.text
    assert logged_in_user_id(client) is None


def test_login_page_offers_no_sign_up_and_explains_invitations(client):
    response = client.get("/konto/login/")
    assert response.status_code == 200
    assert "/konto/signup/" not in response.text
    assert "Einladung per E-Mail" in response.text
    assert response.text.count("<h1") == 1


def test_logged_in_person_visiting_the_login_page_goes_to_the_member_area(client, member_user):
    client.force_login(member_user)
    assert client.get("/konto/login/")["Location"] == "/mitgliederbereich/"


def test_nobody_can_sign_up(client):
    page = client.get("/konto/signup/")
    assert page.status_code == 200
    assert "Keine Registrierung" in page.text
    response = client.post(
        "/konto/signup/",
        {"email": "neu@stadt.example", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="neu@stadt.example").exists()
    assert logged_in_user_id(client) is None


# Password reset


def test_password_reset_by_email_sets_a_new_password(
    client, member_user, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portal.defus.example"  # the link points there, not to the Host
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/password/reset/", {"email": member_user.email})
    assert response["Location"] == "/konto/password/reset/done/"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "[DEFUS] E-Mail zum Zurücksetzen des Passworts"
    link = re.search(r"https://portal\.defus\.example(/konto/password/reset/key/\S+/)",
                     mailoutbox[0].body)  # fmt: skip
    form_url = client.get(link.group(1))["Location"]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    member_user.refresh_from_db()
    assert member_user.check_password(NEW_PASSWORD)
    assert "Ungültiger Link" in client.get(link.group(1), follow=True).text  # works once


def test_password_reset_for_an_unknown_address_looks_the_same_and_mails_nobody(client, mailoutbox):
    response = client.post("/konto/password/reset/", {"email": "niemand@stadt.example"})
    assert response["Location"] == "/konto/password/reset/done/"
    assert mailoutbox == []
    assert "Wenn zu dieser Adresse ein Konto gehört" in client.get(response["Location"]).text


# Invitations


def test_invitation_mails_a_link_that_sets_the_password_and_logs_in(client, member, mailoutbox):
    user = UserFactory(email="neu@essen.example", member=member, password="!")
    invite(user)
    (mail,) = mailoutbox
    assert mail.to == ["neu@essen.example"]
    assert mail.subject == "Ihr Zugang zum DEFUS-Portal"
    assert "für Stadt Essen" in mail.body
    valid_until = timezone.localtime() + datetime.timedelta(days=7)
    assert f"Der Link gilt bis zum {valid_until:%d.%m.%Y}" in mail.body

    form_url = client.get(invitation_link(mail))["Location"]
    assert form_url.endswith("/passwort-festlegen/")
    page = client.get(form_url)
    assert "<h1>Passwort festlegen</h1>" in page.text
    assert "neu@essen.example" in page.text

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/mitgliederbereich/"
    assert logged_in_user_id(client) == str(user.pk)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_invitation_link_works_only_once(client, member, mailoutbox):
    user = UserFactory(member=member, password="!")
    invite(user)
    link = invitation_link(mailoutbox[0])
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()
    response = client.get(link)
    assert response.status_code == 200
    assert "Dieser Einladungslink gilt nicht mehr" in response.text


def test_invitation_link_expires(client, member, mailoutbox, monkeypatch, settings):
    user = UserFactory(member=member, password="!")
    invite(user)
    link = invitation_link(mailoutbox[0])
    later = datetime.datetime.now() + datetime.timedelta(seconds=settings.INVITATION_TIMEOUT + 60)
    monkeypatch.setattr(InvitationTokenGenerator, "_now", lambda self: later)
    response = client.get(link)
    assert response.status_code == 200
    assert "Dieser Einladungslink gilt nicht mehr" in response.text
    assert 'href="/konto/password/reset/"' in response.text


def test_invitation_is_not_a_password_reset_token(client, member, mailoutbox):
    """The invitation has its own salt: a reset token does not open it and vice versa."""
    from allauth.account.forms import default_token_generator

    user = UserFactory(member=member, password="!")
    invite(user)
    token = invitation_link(mailoutbox[0]).split("/")[-2]
    assert not default_token_generator.check_token(user, token)


@pytest.mark.parametrize(
    "path",
    [
        "/konto/einladung/xx/yy/",
        "/konto/einladung/MQ/abc-def/",
        "/konto/einladung/%C3%A4%C3%B6/passwort-festlegen/",
        "/konto/einladung/" + "A" * 500 + "/" + "b" * 500 + "/",
    ],
)
def test_broken_invitation_links_get_a_german_page_not_an_error(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Dieser Einladungslink gilt nicht mehr" in response.text


def test_invitation_of_someone_whose_member_has_left_does_not_open(client, member, mailoutbox):
    user = UserFactory(member=member, password="!")
    invite(user)
    member.left_on = timezone.localdate()
    member.save()
    assert (
        "Dieser Einladungslink gilt nicht mehr" in client.get(invitation_link(mailoutbox[0])).text
    )


def test_invitation_password_must_pass_the_validators(client, member, mailoutbox):
    user = UserFactory(member=member, password="!")
    invite(user)
    form_url = client.get(invitation_link(mailoutbox[0]))["Location"]
    response = client.post(form_url, {"new_password1": "1234", "new_password2": "1234"})
    assert response.status_code == 200
    assert "Dieses Passwort ist zu kurz" in response.text
    assert 'aria-invalid="true"' in response.text
    assert logged_in_user_id(client) is None


def test_invitation_of_staff_with_an_authenticator_still_asks_for_the_code(client, mailoutbox):
    user = UserFactory(member=None, is_staff=True, password="!")
    invite(user)
    form_url = client.get(invitation_link(mailoutbox[0]))["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/konto/2fa/authenticate/"
    assert logged_in_user_id(client) is None


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({}, "Das Konto hat bereits ein Passwort"),
        ({"password": "!", "is_active": False}, "Das Konto ist deaktiviert"),
        ({"password": "!", "member": None}, "gehört zu keinem aktiven Mitglied"),
    ],
)
def test_invitation_only_for_accounts_without_password_and_with_access(
    member, mailoutbox, fields, reason
):
    user = UserFactory(**{"member": member, **fields})
    with pytest.raises(ValidationError, match=reason):
        invite(user)
    assert mailoutbox == []


def test_office_creating_an_account_in_the_admin_sends_the_invitation(
    client, staff_user, member, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/verwaltung/members/user/add/",
            {
                "email": "Neu@Essen.example",
                "first_name": "Nele",
                "last_name": "Neu",
                "member": member.pk,
            },
            follow=True,
        )
    assert response.status_code == 200
    user = User.objects.get(email="neu@essen.example")
    assert not user.has_usable_password()
    assert [mail.to for mail in mailoutbox] == [["neu@essen.example"]]
    assert "Eine Einladung wird per E-Mail verschickt." in response.text


def test_office_sends_invitations_again_with_the_admin_action(
    client, staff_user, member, member_user, mailoutbox, django_capture_on_commit_callbacks
):
    waiting = UserFactory.create_batch(2, member=member, password="!")
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/verwaltung/members/user/",
            {
                "action": "send_invitation",
                "_selected_action": [user.pk for user in [*waiting, member_user]],
            },
            follow=True,
        )
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(user.email for user in waiting)
    assert "2 Einladungen werden per E-Mail verschickt." in response.text
    assert "Keine Einladung an mitglied@stadt.example: Das Konto hat bereits" in response.text


def test_user_list_in_the_admin_shows_who_has_set_a_password(
    client, staff_user, member, django_assert_max_num_queries
):
    UserFactory.create_batch(100, member=member, password="!")
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/members/user/")
    assert response.status_code == 200
    assert "Passwort gesetzt" in response.text


# Second factor for the office


def test_staff_without_authenticator_app_is_sent_to_set_one_up(client):
    staff = UserFactory(member=None, is_staff=True, totp=False)
    client.force_login(staff)
    for path in ["/verwaltung/", "/verwaltung/members/member/", "/mitgliederbereich/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/konto/2fa/totp/activate/"
    assert client.get("/").status_code == 200  # public pages stay public
    assert client.get("/konto/2fa/").status_code == 200


def test_staff_with_authenticator_app_reaches_the_admin(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/verwaltung/").status_code == 200


def test_members_need_no_second_factor(client, member_user):
    client.force_login(member_user)
    assert client.get("/mitgliederbereich/").status_code == 200


def test_staff_login_asks_for_the_authenticator_code(client, staff_user):
    response = log_in(client, staff_user.email, next="/verwaltung/")
    assert response["Location"] == "/konto/2fa/authenticate/"
    assert logged_in_user_id(client) is None
    assert "Falscher Code" in client.post(response["Location"], {"code": "000000"}).text
    response = client.post("/konto/2fa/authenticate/", {"code": current_totp_code()})
    assert response["Location"] == "/verwaltung/"
    assert logged_in_user_id(client) == str(staff_user.pk)
    assert client.get("/verwaltung/").status_code == 200


def test_a_code_typed_as_its_window_closes_still_counts_once(client, staff_user):
    """One step of drift (MFA_TOTP_TOLERANCE): the code of the previous 30 seconds is taken,
    once; two steps back it is refused."""
    step = int(time.time()) // 30
    old = format_hotp_value(hotp_value(TOTP_SECRET, step - 2))
    response = log_in(client, staff_user.email, next="/verwaltung/")
    assert "Falscher Code" in client.post(response["Location"], {"code": old}).text
    previous = format_hotp_value(hotp_value(TOTP_SECRET, step - 1))
    response = client.post("/konto/2fa/authenticate/", {"code": previous})
    assert response["Location"] == "/verwaltung/"
    assert logged_in_user_id(client) == str(staff_user.pk)


def test_staff_can_activate_the_authenticator_app(client):
    staff = UserFactory(member=None, is_staff=True, totp=False)
    log_in(client, staff.email)
    response = client.get("/verwaltung/")
    assert response["Location"] == "/konto/2fa/totp/activate/"
    # allauth asks for the password once more before a second factor is changed.
    response = client.get(response["Location"])
    assert response["Location"].startswith("/konto/reauthenticate/")
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    page = client.get("/konto/2fa/totp/activate/")
    assert page.status_code == 200
    secret = re.search(r'id="authenticator_secret" value="(\w+)"', page.text).group(1)
    response = client.post("/konto/2fa/totp/activate/", {"code": current_totp_code(secret)})
    assert response["Location"] == "/konto/2fa/recovery-codes/"
    assert client.get("/verwaltung/").status_code == 200


def test_admin_login_is_the_portal_login(client):
    response = client.get("/verwaltung/", follow=True)
    assert response.redirect_chain[-1][0] == "/konto/login/?next=%2Fverwaltung%2F"


# Deactivation


def test_deactivated_user_is_logged_out_on_the_next_request(client, member_user):
    client.force_login(member_user)
    assert client.get("/mitgliederbereich/").status_code == 200
    User.objects.filter(pk=member_user.pk).update(is_active=False)
    response = client.get("/mitgliederbereich/")
    assert response["Location"] == "/konto/login/?next=/mitgliederbereich/"
    assert "Abmelden" not in client.get("/").text


def test_deactivated_user_cannot_log_in(client, member):
    user = UserFactory(member=member, is_active=False)
    response = log_in(client, user.email)
    assert response["Location"] == "/konto/inactive/"
    assert logged_in_user_id(client) is None
    assert "Dieses Konto ist nicht aktiv" in client.get("/konto/inactive/").text


def test_deactivated_user_with_a_wrong_password_learns_nothing(client, member):
    user = UserFactory(member=member, is_active=False)
    assert WRONG_CREDENTIALS in log_in(client, user.email, "falsch-falsch").text


def test_user_of_a_member_that_has_left_cannot_log_in(client, former_member_user):
    response = log_in(client, former_member_user.email)
    assert response["Location"] == "/konto/inactive/"
    assert logged_in_user_id(client) is None


def test_access_ends_on_the_day_the_member_leaves(client, member_user):
    client.force_login(member_user)
    assert client.get("/mitgliederbereich/").status_code == 200
    member_user.member.left_on = timezone.localdate()
    member_user.member.save()
    response = client.get("/mitgliederbereich/")
    assert response.status_code == 403
    assert "Mitgliederbereich" not in client.get("/").text.split("<main")[0]


def test_user_without_member_cannot_log_in(client):
    user = UserFactory(member=None)
    assert log_in(client, user.email)["Location"] == "/konto/inactive/"


def test_member_that_has_not_joined_yet_gives_no_access(client):
    future = MemberFactory(joined_on=timezone.localdate() + datetime.timedelta(days=1))
    user = UserFactory(member=future)
    assert log_in(client, user.email)["Location"] == "/konto/inactive/"


# The account pages for everyone


@pytest.mark.parametrize("path", ["/konto/2fa/", "/konto/password/change/"])
def test_account_pages_need_a_login(visitor, path):
    response = visitor.get(path)
    if visitor.kind == "anonymous":
        assert response["Location"] == f"/konto/login/?next={path}"
    else:
        assert response.status_code == 200
        assert response.text.count("<h1") == 1


@pytest.mark.parametrize("path", ["/konto/login/", "/konto/password/reset/", "/konto/signup/"])
def test_entrance_pages(visitor, path):
    response = visitor.get(path)
    if visitor.kind == "anonymous" or path == "/konto/password/reset/":
        assert response.status_code == 200
        assert response.text.count("<h1") == 1
    else:
        assert response["Location"] == "/mitgliederbereich/"


def test_former_member_still_logged_in_may_only_manage_the_account(client, former_member_user):
    client.force_login(former_member_user)
    assert client.get("/konto/password/change/").status_code == 200
    assert client.get("/mitgliederbereich/").status_code == 403


def test_deactivated_user_reaches_no_account_page(client, member):
    client.force_login(UserFactory(member=member, is_active=False))
    assert client.get("/konto/2fa/")["Location"] == "/konto/login/?next=/konto/2fa/"


def test_broken_invitation_link_for_someone_logged_in_changes_nothing(client, member_user):
    client.force_login(member_user)
    response = client.get("/konto/einladung/MQ/abc-def/")
    assert "Dieser Einladungslink gilt nicht mehr" in response.text
    assert logged_in_user_id(client) == str(member_user.pk)


def test_people_cannot_add_login_addresses_themselves(visitor):
    response = visitor.get("/konto/email/")
    if visitor.kind == "anonymous":
        assert response["Location"] == "/konto/login/?next=/konto/email/"
        return
    if visitor.kind == "staff_without_second_factor":
        assert response["Location"] == "/konto/2fa/totp/activate/"
        return
    assert "Ändern kann sie die Geschäftsstelle" in response.text
    visitor.post("/konto/email/", {"action_add": "", "email": "zweite@stadt.example"})
    assert not EmailAddress.objects.filter(email="zweite@stadt.example").exists()


def test_staff_without_authenticator_app_counts_as_anonymous_on_public_pages(
    client, staff_without_second_factor, member
):
    """The bypass of the audit (issue 8, finding 1): logged in with the password only, the
    office account met members' content on every page that needs no login."""
    from tests.factories import ContactPersonFactory, DocumentFactory, EventFactory

    ContactPersonFactory(member=member, name="Christian Kromberg")
    document = DocumentFactory(title="Vertrauliches Protokoll")
    EventFactory(title="Sitzung des Vorstands", slug="vorstand", audience="intern")
    client.force_login(staff_without_second_factor)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get("/termine/vorstand/").status_code == 404
    assert "Christian Kromberg" not in client.get("/mitglieder/essen/").text
    assert "Vertrauliches Protokoll" not in client.get("/suche/?q=Protokoll").text
    for path in ["/verwaltung/", "/mitgliederbereich/", "/mitgliederbereich/abfragen/"]:
        assert client.get(path)["Location"] == "/konto/2fa/totp/activate/", path
    assert not staff_without_second_factor.has_member_access
    assert UserFactory(member=None, is_staff=True).has_member_access  # with the app


def test_the_access_rule_costs_no_query_of_its_own_per_request(
    client, staff_user, staff_without_second_factor, django_assert_num_queries
):
    """The request's user comes with the member and the authenticator in one query; the
    rule is then asked on every page without asking the database again."""
    for user in [staff_user, staff_without_second_factor]:
        client.force_login(user)
        response = client.get("/ueber-uns/")  # warm up
        with django_assert_num_queries(4):  # content version, session, user, page
            response = client.get("/ueber-uns/")
        assert response.status_code == 200


def test_the_office_fixtures_are_what_they_say(staff_user, staff_without_second_factor):
    assert staff_user.authenticator_set.filter(type="totp").exists()
    assert staff_user.has_member_access
    assert not staff_without_second_factor.authenticator_set.exists()
    assert staff_without_second_factor.may_log_in
    assert not staff_without_second_factor.has_member_access
