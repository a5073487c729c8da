import datetime

import pytest
from django.utils import timezone

from core.templatetags.defus import zahlwort
from members.models import Member
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def sentence(client) -> str:
    text = client.get("/").text
    start = text.index("Unter dem Dach von DEFUS")
    return " ".join(text[start : text.index("</p>", start)].split())


@pytest.mark.parametrize(
    ("number", "word"),
    [(0, "null"), (1, "eine"), (3, "drei"), (12, "zwölf"), (13, "13"), (21, "21")],
)
def test_numbers_up_to_twelve_are_words_and_above_are_digits(number, word):
    assert zahlwort(number) == word


def test_home_sentence_counts_the_members_active_today(client):
    MemberFactory.create_batch(20)
    MemberFactory(kind=Member.Kind.DISTRICT, name="Lippe", slug="lippe")
    MemberFactory.create_batch(3, kind=Member.Kind.ORGANISATION)
    assert sentence(client).startswith(
        "Unter dem Dach von DEFUS tauschen sich 21 deutsche Städte und drei Organisationen zu"
    )


def test_members_who_left_or_have_not_joined_yet_are_not_counted(client):
    today = timezone.localdate()
    MemberFactory.create_batch(2)
    MemberFactory(left_on=today)
    MemberFactory(joined_on=today + datetime.timedelta(days=1))
    MemberFactory(kind=Member.Kind.ORGANISATION)
    assert "tauschen sich zwei deutsche Städte und eine Organisation zu" in sentence(client)


def test_office_can_count_a_district_as_an_organisation(client):
    MemberFactory(kind=Member.Kind.DISTRICT, counted_as=Member.Category.ORGANISATION)
    MemberFactory()
    assert "tauschen sich eine deutsche Stadt und eine Organisation zu" in sentence(client)


def test_home_page_and_directory_can_never_disagree_on_the_count(client):
    MemberFactory.create_batch(5)
    MemberFactory(left_on=timezone.localdate())
    directory = client.get("/mitglieder/").text
    assert 'Städte und Kreise <span class="count">(5)</span>' in directory
    assert "fünf deutsche Städte" in sentence(client)


def test_home_page_stays_within_its_query_budget(client, django_assert_max_num_queries):
    from tests.factories import ArticleFactory, EventFactory

    MemberFactory.create_batch(200)
    member = MemberFactory()
    ArticleFactory.create_batch(300)
    ArticleFactory.create_batch(300, member=member)
    EventFactory.create_batch(300, starts_on=timezone.localdate() + datetime.timedelta(days=3))
    with django_assert_max_num_queries(6):
        assert client.get("/").status_code == 200


def test_every_page_has_description_and_open_graph_meta(client):
    text = client.get("/").text
    assert '<meta name="description"' in text
    assert '<meta property="og:title" content="DEFUS – Städte helfen Städten">' in text
    assert 'property="og:image"' in text


def test_home_shows_the_three_newest_office_items_and_six_newest_member_items(client):
    from tests.factories import ArticleFactory

    essen = MemberFactory(designation="Stadt Essen")
    for day in range(1, 6):
        ArticleFactory(
            title=f"Büro-Meldung {day}", published_at=timezone.now() - datetime.timedelta(days=day)
        )
        ArticleFactory(
            title=f"Essen-Meldung {day}",
            member=essen,
            published_at=timezone.now() - datetime.timedelta(days=day),
        )
    ArticleFactory(title="Mitglieder-Meldung 0", member=essen, visibility="mitglieder")
    text = client.get("/").text
    office = text[text.index('id="defus-aktuell"') : text.index('id="neues-von-mitgliedern"')]
    assert [f"Büro-Meldung {day}" in office for day in range(1, 6)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert office.count("Mehr erfahren") == 3
    members = text[text.index('id="neues-von-mitgliedern"') :]
    assert all(f"Essen-Meldung {day}" in members for day in range(1, 6))
    assert "Mitglieder-Meldung 0" not in text
    assert "Stadt Essen" in members


def test_home_lists_the_next_five_dates_with_countdowns_and_hides_intern_ones(client):
    from tests.factories import EventFactory

    today = timezone.localdate()
    for days in range(1, 8):
        EventFactory(
            title=f"Termin in {days} Tagen", starts_on=today + datetime.timedelta(days=days)
        )
    EventFactory(title="Vorstandssitzung", starts_on=today, audience="intern")
    EventFactory(title="Vergangener Termin", starts_on=today - datetime.timedelta(days=3))
    text = client.get("/").text
    block = text[text.index('id="termine"') : text.index('id="neues-von-mitgliedern"')]
    assert "morgen" in block and "in 5 Tagen" in block
    assert "Termin in 6 Tagen" not in block
    assert "Vorstandssitzung" not in text and "Vergangener Termin" not in text


def test_home_links_the_other_national_forums_and_linkedin_without_embeds(client):
    text = client.get("/").text
    section = text.split("Weitere nationale Foren", 1)[1]
    assert 'href="https://efus.eu/"' in section
    assert "Forum Français pour la Sécurité Urbaine" in section
    assert 'href="https://www.linkedin.com/company/defus/"' in section
    assert "<iframe" not in text and '<script src="http' not in text
