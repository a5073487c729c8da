import pytest
from django.conf import settings
from django.test import Client

from news.models import Article
from tests.browser import assert_accessible
from tests.factories import ArticleFactory, MemberFactory, UserFactory
from themes.models import Theme

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


@pytest.fixture
def articles(db):
    hannover = MemberFactory(
        name="Hannover", designation="Landeshauptstadt Hannover", slug="hannover"
    )
    themes = Theme.objects.filter(parent=None)
    ArticleFactory.create_batch(22, themes=themes[:2])
    ArticleFactory(
        title="Müllbeseitigung vor dem Stellwerk – die Szene putzt selbst",
        slug="muellbeseitigung-vor-dem-stellwerk",
        member=hannover,
        body="<p>Seit Mitte November vergangenen Jahres ist mittwochs am Kontakt- und "
        "Konsumraum Stellwerk ein besonderer Tag.</p>",
        themes=themes[1:3],
    )
    ArticleFactory(
        title="Ergebnisse der Abfrage zur kommunalen Prävention",
        visibility=Article.Visibility.MEMBERS,
    )
    return hannover


def test_news_list_is_accessible_and_filters(page, articles):
    page.goto("/aktuelles/")
    assert_accessible(page)
    page.get_by_label("Quelle").select_option(label="Landeshauptstadt Hannover")
    page.get_by_role("button", name="Filtern").click()
    page.wait_for_url("**/aktuelles/?source=hannover**")
    assert page.locator(".article-item").count() == 1
    assert_accessible(page)


def test_article_is_accessible_and_leads_to_its_member(page, articles):
    page.goto("/aktuelles/muellbeseitigung-vor-dem-stellwerk/")
    assert_accessible(page)
    page.get_by_role("link", name="Landeshauptstadt Hannover").click()
    page.wait_for_url("**/mitglieder/hannover/")
    assert page.get_by_role("heading", name="Aktuelles").is_visible()
    assert_accessible(page)


def test_member_sees_the_members_only_badge(page, site_server, articles):
    client = Client()
    client.force_login(UserFactory(member=articles))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site_server.url}]
    )
    page.goto("/aktuelles/")
    assert page.get_by_text("nur für Mitglieder").first.is_visible()
    assert_accessible(page)
