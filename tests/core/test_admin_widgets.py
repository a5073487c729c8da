import pytest

from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_admin_file_input_has_a_label_of_its_own(client, staff_user):
    client.force_login(staff_user)
    text = client.get("/verwaltung/news/article/add/").text
    assert '<label for="id_image">Bild:</label>' in text
    assert "<legend>Bild:</legend>" not in text


def test_the_admin_file_input_with_a_file_keeps_its_label_and_the_clear_box(client, staff_user):
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(image="news/a.jpg", image_alt="Rathaus Essen")
    client.force_login(staff_user)
    text = client.get(f"/verwaltung/news/article/{article.pk}/change/").text
    assert '<label for="id_image">Bild:</label>' in text
    assert '<label for="image-clear_id">' in text


def test_the_tabular_inline_names_its_first_column(client, staff_user):
    from tests.factories import EventFactory

    event = EventFactory()
    client.force_login(staff_user)
    text = client.get(f"/verwaltung/events/event/{event.pk}/change/").text
    assert '<th class="original"><span class="visually-hidden">Eintrag</span></th>' in text
