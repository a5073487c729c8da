import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Member, Person
from news.models import Article
from pages.desk import consistency_warnings, easter_sunday, holiday
from pages.models import Office, Page
from pages.services import office_update
from projects.models import Project
from tests.factories import ArticleFactory, EventFactory, MemberFactory

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def warnings_for(obj, today=None) -> list[str]:
    return [w["message"] for w in consistency_warnings(today) if w["url"] == change_url(obj)]


def imprint_complete() -> None:
    office = Office.objects.get()
    office.register_court = "Amtsgericht Hannover"
    office.register_number = "VR 201234"
    office_update(office=office)


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, (3, 31)), (2025, (4, 20)), (2026, (4, 5)), (2027, (3, 28)), (2038, (4, 25))],
)
def test_easter_sunday_is_computed_for_any_year(year, easter):
    assert easter_sunday(year) == datetime.date(year, *easter)


def test_movable_holidays_are_named():
    assert holiday(datetime.date(2027, 3, 26)) == "Karfreitag"
    assert holiday(datetime.date(2027, 3, 29)) == "Ostermontag"
    assert holiday(datetime.date(2027, 5, 6)) == "Christi Himmelfahrt"
    assert holiday(datetime.date(2027, 5, 17)) == "Pfingstmontag"
    assert holiday(datetime.date(2027, 10, 3)) == "Tag der Deutschen Einheit"
    assert holiday(datetime.date(2027, 3, 30)) is None


def test_guard_flags_events_on_movable_holidays():
    today = datetime.date(2027, 1, 10)
    good_friday = EventFactory(title="Fachtag Kriminalprävention", starts_on=datetime.date(2027, 3, 26))  # fmt: skip
    ascension = EventFactory(title="Webinar Nachtökonomie", starts_on=datetime.date(2027, 5, 6))
    whit_monday = EventFactory(title="Netzwerktreffen Nord", starts_on=datetime.date(2027, 5, 17))
    tuesday = EventFactory(title="Webinar Sicherheitsaudit", starts_on=datetime.date(2027, 3, 30))

    assert warnings_for(good_friday, today) == ["Termin an einem Feiertag (Karfreitag)"]
    assert warnings_for(ascension, today) == ["Termin an einem Feiertag (Christi Himmelfahrt)"]
    assert warnings_for(whit_monday, today) == ["Termin an einem Feiertag (Pfingstmontag)"]
    assert warnings_for(tuesday, today) == []


def test_guard_flags_placeholder_text_in_titles_and_texts():
    todo = ArticleFactory(title="TODO Überschrift für den Jahresrückblick")
    lorem = EventFactory(description="<p>Lorem ipsum dolor sit amet.</p>")
    project = Project.objects.create(
        title="Sichere Innenstädte", acronym="SIS", slug="sis", starts_on=datetime.date(2025, 1, 1),
        lead="Ein Verbundprojekt.", description="<p>Platzhalter für die Projektbeschreibung</p>",
    )  # fmt: skip
    Page.objects.filter(slug=Page.Slug.ABOUT).update(body="<p>Gegründet XXX in Berlin.</p>")
    fine = ArticleFactory(
        title="Methodik und Todos der Arbeitsgruppe", body="<p>Größe XXXL, todo-Liste</p>"
    )

    assert warnings_for(todo) == ["Platzhalter „TODO“ im Feld „Titel“"]
    assert warnings_for(lorem) == ["Platzhalter „Lorem ipsum“ im Feld „Beschreibung“"]
    assert warnings_for(project) == ["Platzhalter „Platzhalter“ im Feld „Beschreibung“"]
    assert warnings_for(Page.objects.get(slug=Page.Slug.ABOUT)) == [
        "Platzhalter „XXX“ im Feld „Text“"
    ]
    assert warnings_for(fine) == []


def test_guard_flags_pictures_whose_alt_text_says_nothing():
    file_name = ArticleFactory()
    Article.objects.filter(pk=file_name.pk).update(image="news/a.jpg", image_alt="IMG_4711.JPG")
    described = ArticleFactory()
    Article.objects.filter(pk=described.pk).update(
        image="news/b.jpg", image_alt="Teilnehmende des Fachtags im Rathaus Essen"
    )
    logo = MemberFactory()
    Member.objects.filter(pk=logo.pk).update(logo="members/logos/x.png", logo_alt="Logo")
    person = Person.objects.create(
        group=Person.Group.TEAM, name="Anna Rau", role="Geschäftsführerin",
        photo="people/rau.jpg", photo_alt="  ",
    )  # fmt: skip

    assert warnings_for(file_name) == ["Bild ohne aussagekräftigen Alternativtext"]
    assert warnings_for(described) == []
    assert warnings_for(logo) == ["Logo ohne aussagekräftigen Alternativtext"]
    assert warnings_for(person) == ["Foto ohne aussagekräftigen Alternativtext"]


def test_guard_flags_internal_links_that_lead_nowhere():
    target = ArticleFactory(slug="fachtag-2026")
    event = EventFactory(slug="webinar-audit")
    linking = ArticleFactory(
        body=(
            '<p><a href="/aktuelles/fachtag-2026/">gut</a> <a href="/kontakt/#nachricht">gut</a> '
            f'<a href="/termine/{event.slug}/">gut</a> <a href="/media/news/plan.pdf">Datei</a> '
            '<a href="/aktuelles/gibt-es-nicht/">weg</a> <a href="/ueber-uns/vorstnad/">Tippfehler</a> '
            '<a href="https://efus.eu/">extern</a></p>'
        )
    )  # fmt: skip
    agenda = EventFactory(agenda='<p><a href="/projekte/geloescht/">Projekt</a></p>')

    assert warnings_for(linking) == [
        "Link ins Leere: /aktuelles/gibt-es-nicht/",
        "Link ins Leere: /ueber-uns/vorstnad/",
    ]
    assert warnings_for(agenda) == ["Link ins Leere: /projekte/geloescht/"]
    assert warnings_for(target) == []


def test_guard_asks_for_the_missing_imprint_details():
    office = Office.objects.get()
    assert warnings_for(office) == ["Im Impressum fehlt: Registergericht, Registernummer"]
    imprint_complete()
    assert warnings_for(office) == []


def test_guard_costs_the_same_queries_for_hundreds_of_rows(django_assert_max_num_queries):
    def make(count: int, offset: int) -> None:
        for n in range(offset, offset + count):
            ArticleFactory(
                title=f"TODO Meldung {n}",
                body=f'<p><a href="/aktuelles/fehlt-{n}/">weg</a> <a href="/termine/x-{n}/">weg</a></p>',
            )
            EventFactory(description="<p>Lorem ipsum</p>", starts_on=datetime.date(2030, 4, 19))

    make(3, 0)
    with CaptureQueriesContext(connection) as few:
        consistency_warnings()
    make(300, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        warnings = consistency_warnings()
    assert len(warnings) >= 303 * 4
    assert len(few.captured_queries) <= 20


def test_desk_shows_each_finding_with_a_link_to_fix_it(client, staff_user):
    article = ArticleFactory(title="Platzhalter Jahresbericht")
    client.force_login(staff_user)
    text = client.get("/verwaltung/").text
    assert (
        f'Platzhalter „Platzhalter“ im Feld „Titel“: <a href="{change_url(article)}">'
        "Platzhalter Jahresbericht</a>"
    ) in text
    office = '<a href="/verwaltung/pages/office/1/change/">'
    assert f"Im Impressum fehlt: Registergericht, Registernummer: {office}" in text
