import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.generic import View

from core.views import MemberAccessRequiredMixin, member_access_required
from tests.factories import ContactPersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_dashboard_is_for_members_and_staff(visitor, member):
    ContactPersonFactory(member=member, name="Christian Kromberg", email="kromberg@essen.example")
    response = visitor.get("/mitgliederbereich/")
    if visitor.kind == "anonymous":
        assert response["Location"] == "/konto/login/?next=/mitgliederbereich/"
        return
    if visitor.kind == "staff_without_second_factor":
        assert response["Location"] == "/konto/2fa/totp/activate/"
        return
    assert response.status_code == 200
    assert "<h1>Mitgliederbereich</h1>" in response.text
    assert response.text.count("<h1") == 1
    assert 'href="/konto/password/change/"' in response.text
    assert 'href="/konto/2fa/"' in response.text
    if visitor.kind == "member":
        assert "Ihre Mitgliedsorganisation" in response.text
        assert '<a href="/mitglieder/essen/">Stadt Essen</a>' in response.text
        assert "Christian Kromberg" in response.text
        assert "mailto:kromberg@essen.example" in response.text
    else:
        assert "Sie sind als Geschäftsstelle angemeldet" in response.text
        assert "Christian Kromberg" not in response.text


def test_anonymous_visitor_is_sent_back_to_the_dashboard_after_login(client, member_user):
    login_url = client.get("/mitgliederbereich/")["Location"]
    assert login_url == "/konto/login/?next=/mitgliederbereich/"
    response = client.post(
        login_url, {"login": member_user.email, "password": "Sicheres-Testpasswort-2026"}
    )
    assert response["Location"] == "/mitgliederbereich/"


def test_dashboard_shows_only_the_persons_own_member(client, member_user):
    other = ContactPersonFactory(name="Jemand aus Mannheim")
    ContactPersonFactory(member=member_user.member, name="Christian Kromberg")
    client.force_login(member_user)
    text = client.get("/mitgliederbereich/").text
    assert "Christian Kromberg" in text
    assert other.name not in text
    assert other.member.designation not in text


def test_dashboard_says_when_no_contact_persons_are_entered(client, member_user):
    client.force_login(member_user)
    assert "noch keine Ansprechpersonen eingetragen" in client.get("/mitgliederbereich/").text


def test_former_member_gets_a_german_403(client, former_member_user):
    client.force_login(former_member_user)
    response = client.get("/mitgliederbereich/")
    assert response.status_code == 403
    assert "Kein Zugriff auf diese Seite" in response.text
    assert "gehört zu keinem aktiven Mitglied" in response.text


def test_user_without_member_gets_a_german_403(client):
    client.force_login(UserFactory(member=None))
    response = client.get("/mitgliederbereich/")
    assert response.status_code == 403
    assert "Kein Zugriff auf diese Seite" in response.text


def test_deactivated_user_is_sent_to_the_login(client, member):
    client.force_login(UserFactory(member=member, is_active=False))
    response = client.get("/mitgliederbereich/")
    assert response["Location"] == "/konto/login/?next=/mitgliederbereich/"


def test_header_links_to_the_member_area_only_for_people_with_access(visitor):
    header = visitor.get("/").text.split("<main")[0]
    assert ('href="/mitgliederbereich/"' in header) is (not visitor.anonymous)


def test_header_of_a_former_member_has_no_member_area_link(client, former_member_user):
    client.force_login(former_member_user)
    header = client.get("/").text.split("<main")[0]
    assert "/mitgliederbereich/" not in header
    assert "Abmelden" in header


def test_nothing_of_the_member_area_appears_for_anonymous_visitors(client, member):
    ContactPersonFactory(member=member, name="Christian Kromberg")
    for path in ["/", "/mitglieder/", "/mitglieder/essen/", "/konto/login/"]:
        text = client.get(path).text
        assert "/mitgliederbereich/" not in text.replace("next=/mitgliederbereich/", ""), path


# The helpers other apps use for their member-only pages


class MemberPage(MemberAccessRequiredMixin, View):
    def get(self, request):
        return HttpResponse("nur für Mitglieder")


@member_access_required
def member_page(request):
    return HttpResponse("nur für Mitglieder")


@pytest.mark.parametrize("view", [MemberPage.as_view(), member_page])
def test_access_helpers_redirect_anonymous_visitors_to_the_login(view):
    request = RequestFactory().get("/mitgliederbereich/protokolle/?jahr=2024")
    request.user = AnonymousUser()
    response = view(request)
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/mitgliederbereich/protokolle/%3Fjahr%3D2024"


@pytest.mark.parametrize("view", [MemberPage.as_view(), member_page])
def test_access_helpers_refuse_people_without_access(view, former_member_user):
    request = RequestFactory().get("/mitgliederbereich/protokolle/")
    request.user = former_member_user
    with pytest.raises(PermissionDenied):
        view(request)


@pytest.mark.parametrize("view", [MemberPage.as_view(), member_page])
@pytest.mark.parametrize("user", ["member_user", "staff_user"])
def test_access_helpers_let_members_and_staff_in(view, user, request):
    http_request = RequestFactory().get("/mitgliederbereich/protokolle/")
    http_request.user = request.getfixturevalue(user)
    assert view(http_request).content.decode() == "nur für Mitglieder"
