import datetime
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError
from django.utils import timezone

from news.models import Article, cut_at_word
from tests.factories import ArticleFactory, MemberFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

SEED_TEASER = (
    "Die Organisierte Kriminalität hat stets einen starken internationalen Bezug. In zwei "
    "Dritteln der Berliner OK-Komplexe bestanden Verbindungen zum Ausland. Beim "
    "Rauschgifthandel und -schmuggel sind erneut fast die Hälfte aller OK-Komplexe auf die "
    "Nutzung kryptierter Kommunikation (EncroChat) zurückzuführen."
)


def test_teaser_ends_with_a_sentence_when_one_ends_late_enough():
    article = ArticleFactory(body=f"<p>{SEED_TEASER}</p>")
    assert article.summary == (
        "Die Organisierte Kriminalität hat stets einen starken internationalen Bezug. In zwei "
        "Dritteln der Berliner OK-Komplexe bestanden Verbindungen zum Ausland."
    )


def test_teaser_is_cut_at_a_word_boundary_never_mid_word():
    body = SEED_TEASER.replace(". ", ", ")  # one long sentence, as in the seed's teaser
    summary = ArticleFactory(body=f"<p>{body}</p>").summary
    assert summary.endswith(" …")
    assert len(summary) <= 242
    assert "zurückzu" not in summary
    assert body.startswith(summary.removesuffix(" …"))
    assert body[len(summary.removesuffix(" …"))] in " ,"


def test_ordinals_and_abbreviations_are_no_sentence_ends():
    text = "Am Mittwoch, 26. November, trafen sich z. B. Vertreter der Städte. " + "Wort " * 60
    assert cut_at_word(text, 80) != "Am Mittwoch, 26."
    assert cut_at_word(text, 80).startswith(
        "Am Mittwoch, 26. November, trafen sich z. B. Vertreter der Städte."
    )


def test_short_body_is_the_whole_teaser_without_tags_and_entities():
    article = ArticleFactory(
        body="<p>Erste Zeile<br>zweite &amp; <strong>dritte</strong></p><p>Ende</p>"
    )
    assert article.summary == "Erste Zeile zweite & dritte Ende"


def test_given_teaser_wins_over_the_body():
    article = ArticleFactory(teaser="Kurz und bündig.", body=f"<p>{SEED_TEASER}</p>")
    assert article.summary == "Kurz und bündig."


@pytest.mark.parametrize("limit", [10, 50, 100, 200])
def test_cut_never_ends_inside_a_word(limit):
    cut = cut_at_word(SEED_TEASER, limit).removesuffix(" …")
    assert len(cut) <= limit
    assert SEED_TEASER.startswith(cut)
    assert SEED_TEASER[len(cut)] in " ,"


def test_scheduled_article_appears_on_time_without_any_job():
    """The publish time is compared when the query runs, not when it is built."""
    release = timezone.now() + datetime.timedelta(seconds=1.5)
    article = ArticleFactory(published_at=release)
    published = Article.objects.published()  # built before the release …
    assert not published.filter(pk=article.pk).exists()
    time.sleep(max(0, (release - timezone.now()).total_seconds()) + 0.1)
    assert published.filter(pk=article.pk).exists()  # … and right after it


def test_expired_article_is_no_longer_published():
    ArticleFactory(
        slug="abgelaufen",
        published_at=timezone.now() - datetime.timedelta(days=10),
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    ArticleFactory(slug="laeuft-noch", expires_at=timezone.now() + datetime.timedelta(days=1))
    assert list(Article.objects.published().values_list("slug", flat=True)) == ["laeuft-noch"]


def test_draft_is_never_published_even_when_its_time_has_come():
    ArticleFactory(status=Article.Status.DRAFT)
    assert not Article.objects.published().exists()


def test_members_only_article_is_visible_to_members_and_staff_only(
    member_user, staff_user, former_member_user
):
    ArticleFactory(slug="intern", visibility=Article.Visibility.MEMBERS)
    ArticleFactory(slug="oeffentlich")

    def visible(user):
        return set(Article.objects.visible_to(user).values_list("slug", flat=True))

    assert visible(AnonymousUser()) == {"oeffentlich"}
    assert visible(former_member_user) == {"oeffentlich"}
    assert visible(member_user) == {"intern", "oeffentlich"}
    assert visible(staff_user) == {"intern", "oeffentlich"}


def test_source_is_the_office_or_the_member_designation():
    hannover = MemberFactory(designation="Landeshauptstadt Hannover")
    office = ArticleFactory()
    member_news = ArticleFactory(member=hannover)
    assert office.source == "DEFUS Aktuell"
    assert member_news.source == "Landeshauptstadt Hannover"
    assert list(Article.objects.from_office()) == [office]
    assert list(Article.objects.from_members()) == [member_news]


def test_article_about_a_theme_counts_once_however_many_themes_it_has():
    themes = list(Theme.objects.filter(parent=None))
    topic = Theme.objects.filter(parent=themes[0]).first()
    article = ArticleFactory(themes=[*themes, topic])
    assert list(Article.objects.about(themes[0].slug)) == [article]
    assert Article.objects.about(themes[0].slug).count() == 1


def test_image_needs_alt_text():
    with pytest.raises(IntegrityError):
        ArticleFactory(image="news/foto.jpg", image_alt="")


def test_article_cannot_expire_before_it_is_published():
    now = timezone.now()
    with pytest.raises(IntegrityError):
        ArticleFactory(published_at=now, expires_at=now - datetime.timedelta(hours=1))


def test_no_article_can_hide_behind_the_feed_address():
    with pytest.raises(IntegrityError):
        ArticleFactory(slug="feed")
