import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import ArticleFactory, MemberFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db


def test_office_lists_articles_within_a_query_budget(
    client, staff_user, django_assert_max_num_queries
):
    member = MemberFactory()
    ArticleFactory.create_batch(100, member=member)
    client.force_login(staff_user)
    # A GET goes without django-reversion's revision (and its savepoint): 12
    with django_assert_max_num_queries(12):
        response = client.get("/verwaltung/news/article/")
    assert response.status_code == 200
    assert response.text.count(member.designation) >= 50  # fifty rows a page


def test_office_writes_an_article_and_the_body_is_sanitised(client, staff_user, member):
    client.force_login(staff_user)
    theme = Theme.objects.get(slug="urbane-resilienz")
    now = timezone.localtime()
    response = client.post(
        "/verwaltung/news/article/add/",
        {
            "title": "so-par Städtetreffen in Hannover",
            "slug": "so-par-staedtetreffen",
            "member": member.pk,
            "teaser": "",
            "body": '<p onclick="alert(1)">Start der Arbeitsphase.</p><script>alert(1)</script>',
            "status": Article.Status.PUBLISHED,
            "visibility": Article.Visibility.PUBLIC,
            "published_at_0": now.strftime("%d.%m.%Y"),
            "published_at_1": now.strftime("%H:%M:%S"),
            "themes": [theme.pk],
            "image_alt": "",
            "image_credit": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="so-par-staedtetreffen")
    assert article.body == "<p>Start der Arbeitsphase.</p>"
    assert list(article.themes.all()) == [theme]


def test_members_cannot_reach_the_news_admin(client, member_user):
    client.force_login(member_user)
    response = client.get("/verwaltung/news/article/")
    assert response.status_code == 302
