"""The Jahresbericht: who may open it, where each record lands, and its fixed query count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import (
    AnnualReport,
    Body,
    BodyMeeting,
    Contribution,
    EfusEvent,
    Exchange,
    FundingApplication,
    MediaInquiry,
    Publication,
    SectionIntro,
)
from activities.report import annual_report
from events.models import Event
from tests.factories import (
    BodyMeetingFactory,
    CollectionFactory,
    ContributionFactory,
    EfusEventFactory,
    EfusProjectFactory,
    EventFactory,
    ExchangeFactory,
    FundingApplicationFactory,
    InquiryFactory,
    MediaInquiryFactory,
    MemberFactory,
    PublicationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/verwaltung/jahresbericht/2031/"
YEAR = 2031
D = datetime.date


def lines(report, key):
    section = report.section(key)
    return [] if section is None else [line.text for line in section.lines]


def group_lines(report, key):
    section = report.section(key)
    return {g.title: [line.text for line in g.lines] for g in section.groups} if section else {}


@pytest.mark.parametrize("suffix", ["", "pdf/", "odt/"])
def test_anonymous_visitors_and_members_are_sent_to_the_login(client, member_user, suffix):
    url = URL + suffix
    assert client.get(url).status_code == 302
    assert "/konto/login/" in client.get(url)["Location"]
    client.force_login(member_user)
    response = client.get(url)
    assert response.status_code == 302
    assert "/verwaltung/login/" in response["Location"]


@pytest.mark.parametrize("suffix", ["", "pdf/", "odt/"])
def test_staff_without_second_factor_set_it_up_first(client, suffix):
    client.force_login(UserFactory(is_staff=True, member=None, totp=False))
    response = client.get(URL + suffix)
    assert response.status_code == 302
    assert "/konto/" in response["Location"]


def test_staff_without_the_permission_get_not_found(client):
    client.force_login(UserFactory(is_staff=True, member=None))
    assert client.get(URL).status_code == 404
    assert client.get(URL + "pdf/").status_code == 404
    assert client.get(URL + "odt/").status_code == 404


def test_office_staff_read_the_report(client, staff_user):
    ExchangeFactory(topic="Austausch mit der Stadt Kassel", held_on=D(YEAR, 3, 4))
    client.force_login(staff_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Jahresbericht 2031" in response.text
    assert "Austausch mit der Stadt Kassel" in response.text
    assert "/verwaltung/activities/exchange/" in response.text
    assert client.get("/verwaltung/jahresbericht/1066/").status_code == 404


def test_each_record_of_an_invented_year_lands_in_its_section():
    kassel = MemberFactory(name="Kassel", designation="Stadt Kassel", joined_on=D(YEAR, 7, 1))
    MemberFactory(name="Altdorf", designation="Stadt Altdorf", left_on=D(YEAR, 12, 31))
    EventFactory(title="DEFUS-Mitgliederversammlung", kind="mitgliederversammlung",
                 assembly_number=41, starts_on=D(YEAR, 5, 8), audience="mitglieder")  # fmt: skip
    EventFactory(title="DEFUS-Austausch: Sicherheit im Nachtleben", starts_on=D(YEAR, 2, 4),
                 audience="mitglieder")  # fmt: skip
    EventFactory(title="Fachtagung Sichere Innenstädte", kind="fachtagung",
                 starts_on=D(YEAR, 10, 9), audience="oeffentlich", participant_count=71)  # fmt: skip
    EventFactory(title="Seminar im Folgejahr", kind="seminar", starts_on=D(YEAR + 1, 3, 3),
                 audience="oeffentlich")  # fmt: skip
    inquiry = InquiryFactory(title="Regelungen für E-Scooter")
    inquiry.created_at = datetime.datetime(YEAR, 4, 2, 12, tzinfo=datetime.UTC)
    inquiry.save()
    old = CollectionFactory(title="Alte Sammlung")
    new = CollectionFactory(title="Sammlung E-Scooter")
    type(old).objects.filter(pk=old.pk).update(
        created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    type(new).objects.filter(pk=new.pk).update(
        created_at=datetime.datetime(YEAR, 4, 20, tzinfo=datetime.UTC)
    )
    ExchangeFactory(topic="Austausch mit der Stadt Kassel", held_on=D(YEAR, 8, 1)).members.add(
        kassel
    )
    ExchangeFactory(topic="Austausch mit der Stadt Kassel", held_on=D(YEAR, 11, 1))
    ExchangeFactory(topic="Austausch im Vorjahr", held_on=D(YEAR - 1, 11, 1))
    BodyMeetingFactory(body__name="Beirat Urbane Sicherheit", held_on=D(YEAR, 9, 9))
    ContributionFactory(event_title="Fachtag Nachtleben", held_on=D(YEAR, 6, 6))
    MediaInquiryFactory(outlet="Stadtradio Kassel", received_on=D(YEAR, 2, 1))
    MediaInquiryFactory(outlet="Abendzeitung", outcome="abgelehnt", received_on=D(YEAR, 2, 2))
    PublicationFactory(title="Sicherheit im Nachtleben", dated_on=D(YEAR, 5, 5))
    EfusEventFactory(title="Efus-Konferenz Lissabon", starts_on=D(YEAR, 6, 24)).members.add(kassel)
    EfusProjectFactory(name="SAFEPLACE").members.add(kassel)
    EfusProjectFactory(name="ALTPROJEKT", starts_on=D(2020, 1, 1), ends_on=D(2022, 1, 1))
    FundingApplicationFactory(call="Resiliente Innenstädte", status="bewilligt").members.add(kassel)
    report_record = AnnualReport.objects.create(year=YEAR)
    SectionIntro.objects.create(report=report_record, section="oeffentlichkeitsarbeit",
                                text="<p>Die Webseite hatte 8000 Visits im Monat.</p>")  # fmt: skip

    report = annual_report(YEAR)

    assert lines(report, "netzwerk") == ["Stadt Kassel", "Stadt Altdorf"]
    assert [g.title for g in report.section("mitgliederversammlungen").groups] == [
        f"41. Mitgliederversammlung: 08.05.{YEAR}, online"
    ]
    assert lines(report, "abfragen") == ["Regelungen für E-Scooter"]
    assert report.section("abfragen").lines[0].when == "April"
    assert lines(report, "mitgliederveranstaltungen") == [
        "DEFUS-Austausch: Sicherheit im Nachtleben", "41. DEFUS-Mitgliederversammlung"
    ]  # fmt: skip
    assert lines(report, "austausch") == ["Austausch mit der Stadt Kassel (online)"]
    assert report.section("austausch").lines[0].when == "August & November"
    assert lines(report, "sammlungen") == ["Sammlung E-Scooter"]
    assert (
        "bestehenden 1 Informationssammlungen sind 1 neue" in report.section("sammlungen").sentence
    )
    assert lines(report, "oeffentlich") == ["Fachtagung Sichere Innenstädte (71 Teilnehmende)"]
    assert lines(report, "gremien") == [
        "Beirat Urbane Sicherheit: Mitglied des Fachbeirats (Anna Rau)"
    ]
    assert lines(report, "dritte") == ["Fachtag Nachtleben"]
    assert [
        line.startswith("Interview gegeben: Stadtradio Kassel") for line in lines(report, "medien")
    ] == [True]
    assert (
        report.section("medien").sentence
        == "Eine weitere Medienanfrage konnte nicht angenommen werden."
    )
    assert lines(report, "fachartikel") == ["Anna Rau: Sicherheit im Nachtleben"]
    efus = group_lines(report, "efus")
    assert efus["DEFUS auf Efus-Veranstaltungen"] == ["Efus-Konferenz Lissabon (Stadt Kassel)"]
    assert efus["Efus-Projekte mit deutscher Beteiligung"] == ["SAFEPLACE: Stadt Kassel"]
    assert lines(report, "drittmittel") == ["Resiliente Innenstädte (ISFP) → Stadt Kassel"]
    assert report.section("drittmittel").lines[0].when == "bewilligt"
    assert lines(report, "ausblick") == ["Seminar im Folgejahr"]
    assert "8000 Visits" in report.section("oeffentlichkeitsarbeit").intro
    assert report.section("projekte") is None  # empty sections are left out
    assert report.section("themen") is None


def _fill_year(n: int) -> None:
    """About ``n`` records of every kind in YEAR, written in bulk."""
    members = MemberFactory.create_batch(5)
    Event.objects.bulk_create(
        Event(title=f"Austausch {i}", slug=f"austausch-{n}-{i}", kind="austausch",
              starts_on=D(YEAR, 1 + i % 12, 1), audience=["mitglieder", "oeffentlich"][i % 2],
              participant_count=i)
        for i in range(n)
    )  # fmt: skip
    exchanges = Exchange.objects.bulk_create(
        Exchange(topic=f"Austausch mit Stadt {i}", held_on=D(YEAR, 1 + i % 12, 2)) for i in range(n)
    )
    Exchange.members.through.objects.bulk_create(
        Exchange.members.through(exchange=e, member=members[0]) for e in exchanges
    )
    bodies = Body.objects.bulk_create(
        Body(name=f"Beirat {i}", defus_role="Mitglied") for i in range(n // 4)
    )
    BodyMeeting.objects.bulk_create(
        BodyMeeting(body=b, held_on=D(YEAR, m, 3)) for b in bodies for m in (3, 9)
    )
    Contribution.objects.bulk_create(
        Contribution(event_title=f"Fachtag {i}", held_on=D(YEAR, 1 + i % 12, 4))
        for i in range(n // 4)
    )
    MediaInquiry.objects.bulk_create(
        MediaInquiry(outlet=f"Radio {i}", format="radio", topic="Sicherheit", outcome="gegeben",
                     received_on=D(YEAR, 1 + i % 12, 5))
        for i in range(n // 4)
    )  # fmt: skip
    Publication.objects.bulk_create(
        Publication(authors="Anna Rau", title=f"Artikel {i}", venue="der gemeinderat", year=YEAR,
                    status="erschienen", dated_on=D(YEAR, 1 + i % 12, 6))
        for i in range(n // 4)
    )  # fmt: skip
    efus = EfusEvent.objects.bulk_create(
        EfusEvent(title=f"Efus {i}", starts_on=D(YEAR, 1 + i % 12, 7)) for i in range(n // 4)
    )
    EfusEvent.members.through.objects.bulk_create(
        EfusEvent.members.through(efusevent=e, member=m) for e in efus for m in members
    )
    applications = FundingApplication.objects.bulk_create(
        FundingApplication(
            call=f"Aufruf {i}", submitted_on=D(YEAR, 1 + i % 12, 8), status="ausstehend"
        )
        for i in range(n // 4)
    )
    FundingApplication.members.through.objects.bulk_create(
        FundingApplication.members.through(fundingapplication=a, member=m)
        for a in applications for m in members
    )  # fmt: skip


def _queries_for_report() -> int:
    with CaptureQueriesContext(connection) as captured:
        annual_report(YEAR)
    return len(captured.captured_queries)


def test_the_report_runs_a_fixed_number_of_queries_however_full_the_year():
    _fill_year(8)
    few = _queries_for_report()
    _fill_year(1000)
    assert Exchange.objects.count() + Event.objects.count() > 2000
    many = _queries_for_report()
    assert many == few
    assert many <= 32


def test_the_report_page_for_a_full_year_stays_within_its_query_budget(
    client, staff_user, django_assert_max_num_queries
):
    _fill_year(1000)
    client.force_login(staff_user)
    with django_assert_max_num_queries(45):
        response = client.get(URL)
    assert response.status_code == 200


def test_outreach_shows_the_page_views_per_month_from_the_counter(client, staff_user):
    from visits.models import PageViews

    PageViews.objects.create(path="/", month=D(YEAR, 1, 1), views=5000)
    PageViews.objects.create(path="/termine/", month=D(YEAR, 1, 1), views=1900)
    PageViews.objects.create(path="/", month=D(YEAR, 2, 1), views=7100)
    PageViews.objects.create(path="/", month=D(YEAR + 1, 1, 1), views=99999)
    section = annual_report(YEAR).section("oeffentlichkeitsarbeit")
    assert [(line.text, line.when) for line in section.groups[0].lines] == [
        ("Januar", "6.900 Aufrufe"),
        ("Februar", "7.100 Aufrufe"),
    ]
    assert "14.000-mal aufgerufen, durchschnittlich 7.000-mal im Monat" in section.sentence
    client.force_login(staff_user)
    text = client.get(URL).text
    assert "Aufrufe der Webseite je Monat" in text and "6.900 Aufrufe" in text
    assert f"month__year={YEAR}&amp;month__month=2" in text


def test_a_year_without_counts_leaves_outreach_out():
    assert annual_report(YEAR).section("oeffentlichkeitsarbeit") is None
