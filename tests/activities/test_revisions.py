"""The office's section intros of the Jahresbericht are revisioned: every save in the admin
keeps a version, and two versions can be compared word by word."""

import pytest
from reversion.models import Version

from activities.models import AnnualReport, SectionIntro

pytestmark = pytest.mark.django_db


def save_intro(client, report, text, intro=None):
    data = {
        "year": report.year,
        "intros-TOTAL_FORMS": "1",
        "intros-INITIAL_FORMS": "1" if intro else "0",
        "intros-MIN_NUM_FORMS": "0",
        "intros-MAX_NUM_FORMS": "1000",
        "intros-0-section": "austausch",
        "intros-0-text": text,
        "intros-0-report": report.pk,
    }
    if intro:
        data["intros-0-id"] = intro.pk
    response = client.post(f"/verwaltung/activities/annualreport/{report.pk}/change/", data)
    assert response.status_code == 302, response.text


def test_each_save_of_an_intro_keeps_a_version_to_compare(client, staff_user):
    report = AnnualReport.objects.create(year=2031)
    client.force_login(staff_user)
    save_intro(client, report, "<p>Sieben Gespräche mit Mitgliedsstädten.</p>")
    intro = SectionIntro.objects.get()
    save_intro(client, report, "<p>Acht Gespräche mit Mitgliedsstädten.</p>", intro)

    newer, older = Version.objects.get_for_object(intro)
    assert newer.revision.user == staff_user
    assert Version.objects.get_for_object(report).count() == 2

    history = client.get(f"/verwaltung/activities/sectionintro/{intro.pk}/history/")
    assert history.status_code == 200
    assert "Zwei Fassungen vergleichen" in history.text
    response = client.get(
        f"/verwaltung/activities/sectionintro/{intro.pk}/history/vergleich/",
        {"older": older.pk, "newer": newer.pk},
    )
    assert response.status_code == 200
    assert "<del>Sieben</del> <ins>Acht</ins>" in response.text


def test_the_office_restores_a_deleted_intro_from_its_versions(client, staff_user):
    report = AnnualReport.objects.create(year=2031)
    client.force_login(staff_user)
    save_intro(client, report, "<p>Sieben Gespräche mit Mitgliedsstädten.</p>")
    SectionIntro.objects.all().delete()
    recover = client.get("/verwaltung/activities/sectionintro/recover/")
    assert recover.status_code == 200
    assert "Austausch mit DEFUS-Mitgliedsstädten" in recover.text


@pytest.mark.parametrize("kind", ["anonymous", "member", "staff_without_second_factor"])
def test_only_the_office_sees_the_versions(request, client, kind):
    from tests.conftest import client_as

    report = AnnualReport.objects.create(year=2031)
    intro = SectionIntro.objects.create(report=report, section="austausch", text="<p>Text</p>")
    response = client_as(request, client, kind).get(
        f"/verwaltung/activities/sectionintro/{intro.pk}/history/"
    )
    assert response.status_code == 302
