"""„Veröffentlichen“ files the Jahresbericht as a public document; /publikationen/ lists it
beside the Leitgedanken, the Fachartikel and the interviews on DEFUS."""

import datetime

import pytest
from django.test import Client

from activities.models import AnnualReport
from activities.services import annual_report_publish
from documents.models import Document
from tests.conftest import client_as
from tests.factories import (
    DocumentFactory,
    ExchangeFactory,
    GuidelineSignatureFactory,
    PublicationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

YEAR = 2031
PUBLISH = f"/verwaltung/jahresbericht/{YEAR}/veroeffentlichen/"
PAGE = "/publikationen/"
D = datetime.date


def test_the_office_publishes_the_report_as_a_public_document(client, staff_user):
    ExchangeFactory(topic="Austausch mit der Stadt Kassel", held_on=D(YEAR, 3, 4))
    client.force_login(staff_user)
    report_page = client.get(f"/verwaltung/jahresbericht/{YEAR}/").text
    assert "Veröffentlichen: als PDF auf die Seite „Publikationen“ stellen" in report_page

    response = client.post(PUBLISH, follow=True)
    assert response.redirect_chain[-1][0] == f"/verwaltung/jahresbericht/{YEAR}/"
    assert "als öffentliches Dokument auf der Seite „Publikationen“" in response.text
    assert "Erneut veröffentlichen" in response.text
    document = Document.objects.get()
    assert document.title == f"Jahresbericht {YEAR}"
    assert document.is_public
    assert AnnualReport.objects.get(year=YEAR).document == document

    download = Client().get(document.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_republishing_replaces_the_file_and_keeps_one_document(settings):
    first = annual_report_publish(year=YEAR, base_url="http://testserver/", today=D(2032, 1, 15))
    old_name = first.document.file.name
    ExchangeFactory(topic="Austausch mit der Stadt Kassel", held_on=D(YEAR, 3, 4))
    again = annual_report_publish(year=YEAR, base_url="http://testserver/", today=D(2032, 2, 3))
    assert Document.objects.count() == 1
    assert again.document.pk == first.document.pk
    assert again.published_on == D(2032, 2, 3)
    document = Document.objects.get()
    assert document.date == D(2032, 2, 3)
    assert "Stand vom 03.02.2032" in document.description
    assert document.file.name == old_name  # the old file is gone, the new one took its name
    assert document.file.storage.exists(document.file.name)
    assert len(list((settings.PROTECTED_MEDIA_ROOT / "dokumente" / "2032").iterdir())) == 1


@pytest.mark.parametrize("kind", ["anonymous", "member", "staff_without_second_factor"])
def test_nobody_but_the_office_publishes(request, client, kind):
    response = client_as(request, client, kind).post(PUBLISH)
    assert response.status_code == 302
    assert "/konto/" in response["Location"] or "login" in response["Location"]
    assert not Document.objects.exists()


def test_staff_without_the_permission_cannot_publish(client):
    client.force_login(UserFactory(is_staff=True, member=None))
    assert client.post(PUBLISH).status_code == 404
    assert not Document.objects.exists()


def test_publishing_needs_a_post(client, staff_user):
    client.force_login(staff_user)
    assert client.get(PUBLISH).status_code == 405
    assert not Document.objects.exists()


@pytest.fixture
def published():
    annual_report_publish(year=YEAR, base_url="http://testserver/", today=D(2032, 1, 15))
    GuidelineSignatureFactory(guideline__title="Leitgedanken zur Sicherheit im Nachtleben")
    PublicationFactory(title="Urbane Räume – Vielfältig, voll und sicher?")
    PublicationFactory(
        kind="interview",
        title="Interview mit Christian Kromberg zu DEFUS & Efus",
        url="https://defus.example/interview-kromberg",
    )
    DocumentFactory(title="Protokoll der 30. Mitgliederversammlung")


def test_everyone_reads_the_publications(visitor, published):
    response = visitor.get(PAGE)
    assert response.status_code == 200
    text = response.text
    assert f"Jahresbericht {YEAR}" in text and "Zahlen mit Stand vom 15.01.2032" in text
    assert "Leitgedanken zur Sicherheit im Nachtleben" in text
    assert "Eine Mitgliedsstadt hat unterzeichnet." in text
    assert "Urbane Räume – Vielfältig, voll und sicher?\n" in text  # no "?." after the title
    assert '<a href="https://defus.example/interview-kromberg">' in text
    assert "Protokoll der 30. Mitgliederversammlung" not in text


def test_a_title_without_its_own_punctuation_gets_a_full_stop(client):
    PublicationFactory(title="Kommunale Prävention im Wandel", url="")
    assert "Kommunale Prävention im Wandel.\n" in client.get(PAGE).text


def test_the_interviews_stay_out_of_the_reports_fachartikel(published):
    from activities.report import annual_report

    report = annual_report(YEAR)
    titles = [line.text for line in report.section("fachartikel").lines]
    assert titles == ["Anna Rau: Urbane Räume – Vielfältig, voll und sicher?"]


def test_the_publications_page_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    for year in (2030, 2031):
        annual_report_publish(year=year, base_url="http://testserver/")
    PublicationFactory.create_batch(150)
    PublicationFactory.create_batch(50, kind="interview")
    GuidelineSignatureFactory.create_batch(60)
    with django_assert_max_num_queries(8):
        response = client.get(PAGE)
    assert response.text.count("Jahresbericht 20") == 2
    assert response.text.count("Kommunale Prävention heute, Teil") == 200


def test_the_footer_links_the_publications_and_the_leitgedanken(client):
    text = client.get("/").text
    assert f'href="{PAGE}"' in text
    assert 'href="/leitgedanken/"' in text
