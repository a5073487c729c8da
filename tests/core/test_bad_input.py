"""No input gives a 500 (issue 8, finding 7): NUL characters and text that is not UTF-8
get the German 400 page, wherever they are sent."""

import pytest

pytestmark = pytest.mark.django_db

GERMAN_400 = "Diese Anfrage können wir nicht verarbeiten"


def assert_german_400(response):
    assert response.status_code == 400
    assert GERMAN_400 in response.text
    assert response.text.count("<h1") == 1
    assert '<html lang="de">' in response.text  # the site frame, not a bare page


def test_nul_in_the_admin_filter_is_a_400_not_a_500(client, staff_user):
    client.force_login(staff_user)
    assert_german_400(client.get("/verwaltung/news/article/?status__exact=%00"))
    assert client.get("/verwaltung/news/article/?status__exact=entwurf").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/suche/?q=Hitze%00",
        "/suche/?q=%FF%FE",
        "/termine/?series=%C3%28",
        "/aktuelles/?page=%00",
        "/aktuelles/%00/",
        "/%00",
        "/termine/?x%00=1",
    ],
)
def test_nul_and_undecodable_queries_and_paths_are_a_400(visitor, path):
    assert_german_400(visitor.get(path))


def test_nul_in_a_path_segment_is_a_400(client):
    assert_german_400(client.get("/aktuelles/meldung\x00/"))


def test_undecodable_path_is_a_400(client):
    assert_german_400(client.get("/aktuelles/%FF/"))


def test_nul_in_a_form_field_is_a_400_before_anything_is_stored(client):
    response = client.post("/konto/login/", {"login": "a\x00@stadt.example", "password": "x"})
    assert_german_400(response)


def test_undecodable_form_body_is_a_400(client):
    response = client.post(
        "/konto/login/",
        b"login=%FF%FE&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert_german_400(response)


def test_nul_in_a_multipart_field_is_a_400(client, member_user):
    client.force_login(member_user)
    response = client.post("/mitgliederbereich/abfragen/neu/", {"title": "Bodycams\x00"})
    assert_german_400(response)


def test_nul_in_a_cookie_is_a_400(client):
    client.cookies["sessionid"] = "abc\x00defghijkl"
    assert_german_400(client.get("/"))


def test_ordinary_unicode_passes(client):
    assert client.get("/suche/?q=Stra%C3%9Fe+%E2%80%93+K%C3%B6ln+%F0%9F%98%80").status_code == 200


@pytest.mark.parametrize("value", ["true", "31.02.2024", "99999999999999999999999999", "-1"])
def test_admin_autocomplete_with_a_value_that_is_no_key_shows_the_form_again(
    client, superuser, value
):
    """Found by tests/test_fuzz.py: the admin's autocomplete widgets looked such values up
    to show them back, and the database refused them: a 500 instead of the form."""
    client.force_login(superuser)
    response = client.post(
        "/verwaltung/members/user/add/", {"email": "neu@stadt.example", "member": value}
    )
    assert response.status_code == 200
    assert "errorlist" in response.text
    response = client.post(
        "/verwaltung/inquiries/inquiry/add/",
        {"title": "Bodycams", "context": "Regeln?", "deadline": "2026-12-24",
         "asked_by_member": value, "asked_by": [value, "1"]},
    )  # fmt: skip
    assert response.status_code == 200


def test_addresses_with_umlauts_are_no_bad_input(client):
    assert client.get("/mitglieder/m%C3%BCnchen/").status_code == 404
    assert client.get("/mitglieder/münchen/").status_code == 404


def test_a_broken_multipart_body_is_a_400(client):
    response = client.generic(
        "POST",
        "/konto/login/",
        b'--grenze\r\nContent-Disposition: form-data; name="login"\r\n\r\nx',
        content_type="multipart/form-data; boundary=",
    )
    assert response.status_code == 400
