import pytest
from django.urls import reverse

from pages.models import Page

pytestmark = pytest.mark.django_db

PAGE_URLS = {
    "/ueber-uns/": "Was ist DEFUS?",
    "/ueber-uns/vorstand-und-team/": "Vorstand und Team",
    "/ueber-uns/satzung/": "Vereinssatzung",
    "/ueber-uns/mitglied-werden/": "Mitglied werden",
    "/kontakt/": "Kontakt",
    "/impressum/": "Impressum",
    "/datenschutz/": "Datenschutzerklärung",
    "/barrierefreiheit/": "Erklärung zur Barrierefreiheit",
}


@pytest.mark.parametrize(("url", "title"), PAGE_URLS.items())
def test_institutional_page_is_public_for_everyone(
    visitor, url, title, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):  # with the content version
        response = visitor.get(url)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.text


def test_every_page_slug_has_a_url():
    assert {reverse(f"pages:{slug}") for slug in Page.Slug.values} == set(PAGE_URLS)


def test_about_page_tells_the_founding_and_the_six_forums(client):
    text = client.get("/ueber-uns/").text
    assert "10. Mai 2010" in text
    assert "Deutschen Präventionstages in Berlin" in text
    assert "sechs nationalen Foren" in text


def test_imprint_names_what_section_5_ddg_asks_of_an_association(client):
    text = client.get("/impressum/").text
    for required in ["§ 5 Digitale-Dienste-Gesetz", "Kurt-Schumacher-Straße 29", "30159 Hannover",
                     "Vertreten durch den Vorstand", "defus@defus.org", "Vereinsregister"]:  # fmt: skip
        assert required in text


def test_accessibility_statement_offers_a_way_to_report_a_barrier(client):
    text = client.get("/barrierefreiheit/").text
    assert "Barriere melden" in text
    assert "mailto:defus@defus.org?subject=Barriere%20melden" in text


def test_team_page_lists_board_and_team(client):
    from members.models import Person

    Person.objects.create(group=Person.Group.BOARD, name="Christian Kromberg", role="Vorsitzender")
    Person.objects.create(group=Person.Group.TEAM, name="Anna Rau", role="Geschäftsführerin")
    text = client.get("/ueber-uns/vorstand-und-team/").text
    assert "Christian Kromberg" in text
    assert "Anna Rau" in text
    assert text.index("Vorstand</h2>") < text.index("Team der Geschäftsstelle</h2>")


def test_script_typed_into_a_page_is_never_stored_or_rendered(client):
    page = Page.objects.get(slug=Page.Slug.CONTACT)
    page.body = (
        '<p onclick="steal()">Hallo</p><script>alert(1)</script><a href="javascript:x()">x</a>'
    )
    page.save()
    page.refresh_from_db()
    assert "script" not in page.body
    assert "onclick" not in page.body
    assert "javascript:" not in page.body
    text = client.get("/kontakt/").text
    assert "<p>Hallo</p>" in text
    assert "alert(1)" not in text


def test_unknown_page_gives_a_german_404(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


def test_a_barrier_report_reaches_the_office(
    visitor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(
            "/barrierefreiheit/melden/",
            {
                "page": "/termine/",
                "description": "Der Filter lässt sich mit der Tastatur nicht bedienen.",
                "email": "erika@stadt.example",
            },
            follow=True,
        )
    assert (
        "Ihre Meldung ist gespeichert und wird an die Geschäftsstelle verschickt" in response.text
    )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["defus@defus.org"] and message.reply_to == ["erika@stadt.example"]
    assert "mit der Tastatur nicht bedienen" in message.body


def test_an_incomplete_barrier_report_keeps_what_was_typed(client, mailoutbox):
    response = client.post(
        "/barrierefreiheit/melden/",
        {"page": "", "description": "Kontrast zu schwach", "email": "kein-mail"},
    )
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.text
    assert "Kontrast zu schwach" in response.text
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.text
    assert mailoutbox == []


def test_the_accessibility_statement_links_to_the_report_form(client):
    assert 'href="/barrierefreiheit/melden/"' in client.get("/barrierefreiheit/").text
