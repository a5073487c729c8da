import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from images.models import Rendition
from members.models import Person
from news.models import Article
from tests.conftest import standing_content_create
from tests.factories import ArticleFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def image_file(width, height, *, mode="RGB", format="JPEG") -> ContentFile:
    buffer = BytesIO()
    Image.new(mode, (width, height), (0, 90, 160, 128)[: len(mode)]).save(buffer, format)
    return ContentFile(buffer.getvalue())


def article_with_image(width=2000, height=1000):
    article = ArticleFactory(image_alt="Teilnehmende des Fachtags im Rathaus Hannover")
    article.image.save("fachtag.jpg", image_file(width, height))
    return article


def test_article_page_offers_webp_and_jpeg_in_several_widths(client):
    article = article_with_image()

    text = client.get(article.get_absolute_url()).text

    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', text).group(1)
    assert [width for width in re.findall(r" (\d+)w", webp)] == ["160", "320", "640", "960", "1280"]
    img = re.search(
        r"<img src=\"([^\"]+)\" srcset=\"([^\"]+)\" sizes=\"[^\"]+\" alt=\"([^\"]+)\"", text
    )
    assert img.group(1).endswith("-1280.jpg")
    assert img.group(2).count(".jpg ") == 5
    assert img.group(3) == "Teilnehmende des Fachtags im Rathaus Hannover"
    assert 'width="1280" height="640"' in text


def test_renditions_are_made_once_not_per_request(
    client, media_root, django_assert_max_num_queries
):
    article = article_with_image()
    client.get(article.get_absolute_url())
    made = sorted(path.name for path in (media_root / "renditions" / "news").iterdir())

    with django_assert_max_num_queries(12):
        client.get(article.get_absolute_url())

    assert Rendition.objects.count() == 10
    assert sorted(path.name for path in (media_root / "renditions" / "news").iterdir()) == made


def test_og_image_is_the_articles_own_picture(client):
    article = article_with_image()
    text = client.get(article.get_absolute_url()).text
    assert re.search(
        r'<meta property="og:image" content="http://[^"]+/media/renditions/news/fachtag-1280\.jpg">',
        text,
    )


def test_og_image_without_a_picture_is_the_default(client):
    text = client.get(ArticleFactory().get_absolute_url()).text
    assert re.search(r'<meta property="og:image" content="[^"]+/static/img/defus-og\.png">', text)


def test_small_image_is_never_scaled_up(client):
    article = article_with_image(120, 80)
    client.get(article.get_absolute_url())
    assert set(Rendition.objects.values_list("width", flat=True)) == {120}


def test_transparent_logo_falls_back_to_png_on_the_member_page(client):
    member = MemberFactory(logo_alt="Wappen der Stadt Essen")
    member.logo.save("essen.png", image_file(400, 400, mode="RGBA", format="PNG"))

    text = client.get(member.get_absolute_url()).text

    assert re.search(
        r'<img src="[^"]+/essen-400\.png" srcset="[^"]+160w, [^"]+320w, [^"]+400w" sizes="160px" alt="Wappen der Stadt Essen"',
        text,
    )
    assert 'type="image/webp"' in text


def test_team_photo_appears_on_the_team_page(client):
    standing_content_create()
    person = Person.objects.create(
        group=Person.Group.TEAM,
        name="Gerda Beispiel",
        role="Referentin",
        photo_alt="Gerda Beispiel",
    )
    person.photo.save("gerda.jpg", image_file(600, 600))

    text = client.get("/ueber-uns/vorstand-und-team/").text

    assert re.search(r'<picture><source type="image/webp" srcset="[^"]+gerda-160\.webp 160w', text)


def test_unreadable_image_shows_the_original_instead_of_failing(client):
    article = ArticleFactory(image_alt="Plakat")
    article.image.save("kaputt.jpg", ContentFile(b"kein Bild"))

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert '<img src="/media/news/kaputt.jpg" alt="Plakat"' in response.text


def test_demo_gives_articles_logos_and_team_photos_marked_as_samples(client):
    from demo import images as images_demo

    article, member = ArticleFactory(), MemberFactory()
    person = Person.objects.create(group=Person.Group.BOARD, name="Dr. Beispiel", role="Vorsitz")

    images_demo.load()
    images_demo.load()

    article.refresh_from_db(), member.refresh_from_db(), person.refresh_from_db()
    assert "Beispielbild" in article.image_alt and "Beispiel" in member.logo_alt
    assert person.photo_alt == "Dr. Beispiel (Beispielfoto)"
    assert Article.objects.exclude(image="").count() == 1
    assert "<picture>" in client.get(article.get_absolute_url()).text
