import pytest

from defus.demo import load_demo
from news.models import Article

pytestmark = pytest.mark.django_db


def test_demo_loads_every_seed_article_once_and_can_run_again():
    load_demo()
    load_demo()
    titles = list(Article.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles)) == 21
    assert Article.objects.from_members().count() == 12
    assert not Article.objects.filter(title="DEFUS auf dem DPT 2017").exists()
    assert Article.objects.filter(visibility=Article.Visibility.MEMBERS).count() == 2


def test_demo_places_member_news_under_their_member_with_typos_fixed():
    load_demo()
    berlin = Article.objects.get(slug="berliner-drug-checking-projekt-zeigt-wirkung")
    assert berlin.member.slug == "berlin"
    assert "Gesundheitsrisiken werden reduziert" in berlin.body
    nuremberg = Article.objects.get(slug="gleichstellungsaktionsplan-nuernberg-2024-2027")
    assert "HHiermit" not in nuremberg.body
    assert not Article.objects.filter(body__contains="zurückzu ").exists()
    report = Article.objects.get(slug="lagebild-organisierte-kriminalitaet-berlin-2023")
    assert report.summary.endswith("Verbindungen zum Ausland.")
