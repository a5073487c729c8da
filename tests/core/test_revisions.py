import re

import pytest
import reversion
from django.utils import timezone
from reversion.models import Version

from members.services import office_group_sync
from news.models import Article
from pages.models import Page
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def imprint():
    with reversion.create_revision():
        page, _ = Page.objects.update_or_create(
            slug=Page.Slug.IMPRINT,
            defaults={
                "title": "Impressum",
                "lead": "",
                "body": "<p>Verantwortlich ist der Vorstand.</p>",
            },
        )
    return page


def office_edits(client, page, body):
    response = client.post(
        f"/verwaltung/pages/page/{page.pk}/change/",
        {"title": page.title, "lead": page.lead, "body": body, "description": page.description},
    )
    assert response.status_code == 302, response.text


def compare_url(page):
    return f"/verwaltung/pages/page/{page.pk}/history/vergleich/"


def test_every_save_in_the_admin_keeps_a_version(client, staff_user, imprint):
    client.force_login(staff_user)
    office_edits(client, imprint, "<p>Verantwortlich ist die Geschäftsführung.</p>")
    versions = Version.objects.get_for_object(imprint)
    assert versions.count() == 2
    assert versions.first().revision.user == staff_user


def test_office_compares_two_versions_word_by_word(client, staff_user, imprint):
    client.force_login(staff_user)
    office_edits(client, imprint, "<p>Verantwortlich ist die Geschäftsführung.</p>")
    newer, older = Version.objects.get_for_object(imprint)

    history = client.get(f"/verwaltung/pages/page/{imprint.pk}/history/").text
    assert "Zwei Fassungen vergleichen" in history
    assert "Wählen Sie einen Zeitpunkt" in history and "Choose a date" not in history
    response = client.get(compare_url(imprint), {"older": older.pk, "newer": newer.pk})

    assert response.status_code == 200
    assert "<del>der Vorstand.</del> <ins>die Geschäftsführung.</ins>" in response.text


def test_compare_with_bad_input_shows_a_form_error_not_a_500(client, staff_user, imprint):
    client.force_login(staff_user)
    response = client.get(compare_url(imprint), {"older": "abc", "newer": "999999"})
    assert response.status_code == 200
    assert "errorlist" in response.text


def test_office_restores_the_first_version(client, staff_user, imprint):
    client.force_login(staff_user)
    office_edits(client, imprint, "<p>Verantwortlich ist die Geschäftsführung.</p>")
    first = Version.objects.get_for_object(imprint).last()

    url = f"/verwaltung/pages/page/{imprint.pk}/history/{first.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert "Sichern Sie, um das Objekt zu dieser Version zurückzusetzen." in form.text
    office_edits_url = client.post(
        url,
        {
            "title": "Impressum",
            "lead": "",
            "body": "<p>Verantwortlich ist der Vorstand.</p>",
            "description": "",
        },
    )
    assert office_edits_url.status_code == 302
    imprint.refresh_from_db()
    assert imprint.body == "<p>Verantwortlich ist der Vorstand.</p>"


def test_deleted_article_is_recovered_from_the_admin(client, staff_user):
    with reversion.create_revision():
        article = ArticleFactory(title="Jahresbericht 2024", slug="jahresbericht-2024")
    published = timezone.localtime(article.published_at)
    client.force_login(staff_user)
    client.post(f"/verwaltung/news/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()

    changelist = client.get("/verwaltung/news/article/").text
    assert "/verwaltung/news/article/recover/" in changelist
    assert "Gelöschte Meldungen wiederherstellen" in changelist
    recover_list = client.get("/verwaltung/news/article/recover/").text
    url = re.search(r'href="(/verwaltung/news/article/recover/\d+/)"', recover_list).group(1)
    assert "Jahresbericht 2024" in client.get(url).text
    response = client.post(
        url,
        {
            "title": "Jahresbericht 2024", "slug": "jahresbericht-2024", "member": "",
            "teaser": "", "body": article.body, "status": article.status,
            "visibility": article.visibility, "published_at_0": published.strftime("%d.%m.%Y"),
            "published_at_1": published.strftime("%H:%M:%S"), "expires_at_0": "",
            "expires_at_1": "", "project": "", "image_alt": "", "image_credit": "",
        },
    )  # fmt: skip

    assert response.status_code == 302, response.text
    assert Article.objects.get(pk=article.pk).title == "Jahresbericht 2024"


@pytest.mark.parametrize("who", ["anonymous", "member", "staff_without_second_factor"])
def test_compare_is_for_the_office_only(client, member_user, imprint, who):
    if who == "member":
        client.force_login(member_user)
    if who == "staff_without_second_factor":
        staff = UserFactory(email="neu@defus.example", member=None, is_staff=True, totp=False)
        staff.groups.add(office_group_sync())
        client.force_login(staff)
    response = client.get(compare_url(imprint))
    assert response.status_code == 302
    assert "/vergleich/" not in response["Location"].split("?")[0]


def test_compare_page_for_the_office(client, staff_user, imprint):
    client.force_login(staff_user)
    response = client.get(compare_url(imprint))
    assert response.status_code == 200
    assert "Fassungen vergleichen: Impressum" in response.text


def test_a_list_action_keeps_a_version_and_looking_at_the_list_keeps_none(
    client, staff_user, django_capture_on_commit_callbacks
):
    """A GET of a list goes without django-reversion's revision; an action (a POST to the
    list) still keeps a version of what it saves, with the person who saved it."""
    submitter = UserFactory(email="presse@essen.example")
    article = ArticleFactory(status=Article.Status.SUBMITTED, submitted_by=submitter)
    client.force_login(staff_user)
    assert client.get("/verwaltung/news/article/").status_code == 200
    assert not Version.objects.get_for_object(article).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/verwaltung/news/article/",
            {"action": "approve_now", "_selected_action": [article.pk]},
        )
    assert response.status_code == 302
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 1
    assert versions.first().revision.user == staff_user
    assert versions.first().field_dict["status"] == Article.Status.PUBLISHED
