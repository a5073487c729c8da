import datetime
import html
import re

from django.conf import settings
from django.db import models
from django.db.models import Exists, Min, OuterRef, Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.access import has_member_access, has_office_access
from core.addresses import slug_address
from core.choices import Visibility
from core.fields import RichTextField, search_indexes, search_vector, search_vector_field
from core.files import OwnedImageField
from members.models import Member
from projects.models import Project
from themes.models import Theme

# Tags that separate words: removing them must leave a space, unlike <strong> or <a>.
WORD_BREAKING_TAG = re.compile(
    r"<(?:br|hr|/?(?:p|h[1-6]|li|ul|ol|blockquote|tr|td|th|figcaption))\b[^>]*>"
)
# A full stop after a lowercase word and before a capital: not "26. November" or "z. B.".
SENTENCE_END = re.compile(r"(?<=[a-zäöüß]{2})[.!?](?= [A-ZÄÖÜ„])")
OFFICE_SOURCE = _("DEFUS Aktuell")
MEMBERS_SOURCE = _("Neues von den Mitgliedern")
ARTICLE_SEARCH_VECTOR = search_vector(title=("title",), text=("teaser", "body"))


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Released and not yet expired. The times are compared with the database's clock
        when the query runs, so a scheduled article appears on time without a cron job,
        and a queryset built at import time never goes stale."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=Now()).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=Now())
        )

    def visible_to(self, user):
        published = self.published()
        if has_member_access(user):
            return published
        return published.filter(visibility=Article.Visibility.PUBLIC)

    def previewable_by(self, user):
        """Every article, drafts and scheduled ones included, for office staff who may
        view articles in the admin; none for anyone else."""
        if has_office_access(user) and user.has_perm("news.view_article"):
            return self.all()
        return self.none()

    def from_office(self):
        return self.filter(member__isnull=True)

    def from_members(self):
        return self.filter(member__isnull=False)

    def submissions_of(self, member):
        """What users of ``member`` submitted for "Neues von den Mitgliedern", newest first."""
        if member is None:
            return self.none()
        return self.filter(member=member, submitted_by__isnull=False).order_by("-created_at")

    def awaiting_review(self):
        return self.filter(status=Article.Status.SUBMITTED)

    def about(self, theme_slug: str):
        """Articles on a Themenschwerpunkt or one of its topics, each article once
        however many of them it carries (a semi-join, not a join)."""
        themes = Theme.objects.filter(Q(slug=theme_slug) | Q(parent__slug=theme_slug))
        return self.filter(Exists(themes.filter(articles=OuterRef("pk"))))

    def older_than(self, article):
        """Older articles, newest first; ties on the time are broken by the id."""
        return self.filter(
            Q(published_at__lt=article.published_at)
            | Q(published_at=article.published_at, pk__lt=article.pk)
        ).order_by("-published_at", "-pk")

    def newer_than(self, article):
        """Newer articles, oldest first: ``.first()`` is the next one."""
        return self.filter(
            Q(published_at__gt=article.published_at)
            | Q(published_at=article.published_at, pk__gt=article.pk)
        ).order_by("published_at", "pk")


def next_scheduled_change(now: datetime.datetime) -> datetime.datetime | None:
    """When time alone next changes what is online: a scheduled article appears, or one
    expires (core.freshness, for the page cache)."""
    moments = Article.objects.filter(status=Article.Status.PUBLISHED).aggregate(
        appears=Min("published_at", filter=Q(published_at__gt=now)),
        expires=Min("expires_at", filter=Q(expires_at__gt=now)),
    )
    return min((moment for moment in moments.values() if moment), default=None)


class Article(models.Model):
    """A news item: from the office ("DEFUS Aktuell") or from a member."""

    Visibility = Visibility

    class Status(models.TextChoices):
        DRAFT = "entwurf", _("Entwurf")
        SUBMITTED = "eingereicht", _("Eingereicht – wartet auf Freigabe")
        RETURNED = "zurueckgegeben", _("Zur Überarbeitung zurückgegeben")
        REJECTED = "abgelehnt", _("Abgelehnt")
        PUBLISHED = "veroeffentlicht", _("Veröffentlicht")

    title = models.CharField(_("Titel"), max_length=250)
    slug = models.SlugField(_("Kurzadresse"), max_length=120, unique=True)
    teaser = models.TextField(
        _("Anreißer"),
        blank=True,
        help_text=_("Zwei, drei Sätze für Listen und Feed. Leer = der Anfang des Textes."),
    )
    body = RichTextField(_("Text"))
    image = OwnedImageField(_("Bild"), upload_to="news/", blank=True)
    image_alt = models.CharField(
        _("Alternativtext des Bildes"),
        max_length=250,
        blank=True,
        help_text=_("Was das Bild zeigt, für Menschen, die es nicht sehen."),
    )
    image_credit = models.CharField(_("Bildnachweis"), max_length=200, blank=True)
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="articles",
        limit_choices_to={"parent": None},
        verbose_name=_("Themenschwerpunkte"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("Projekt"),
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("Mitglied"),
        help_text=_("Leer = eine Meldung der Geschäftsstelle („DEFUS Aktuell“)."),
    )
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=20, choices=Visibility, default=Visibility.PUBLIC
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("veröffentlichen am"),
        default=timezone.now,
        help_text=_(
            "Eine Zeit in der Zukunft plant die Meldung ein; sie erscheint dann von selbst."
        ),
    )
    expires_at = models.DateTimeField(
        _("sichtbar bis"), null=True, blank=True, help_text=_("Leer = dauerhaft.")
    )
    original_url = models.URLField(
        _("Link zum Original"),
        max_length=500,
        blank=True,
        help_text=_("Wo die Meldung zuerst erschien, z. B. auf der Website der Stadt."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_articles",
        verbose_name=_("eingereicht von"),
        help_text=_("Leer = von der Geschäftsstelle angelegt."),
    )
    review_comment = models.TextField(
        _("Anmerkung der Geschäftsstelle"),
        blank=True,
        help_text=_(
            "Geht beim Zurückgeben oder Ablehnen per E-Mail an die Person, die die Meldung "
            "eingereicht hat."
        ),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    search_vector = search_vector_field(ARTICLE_SEARCH_VECTOR)
    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="article_newest_first"),
            *search_indexes("article"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""),
                name="article_image_has_alt_text",
                violation_error_message=_("Ein Bild braucht einen Alternativtext."),
            ),
            models.CheckConstraint(
                condition=~Q(slug="feed"),
                name="article_slug_is_not_the_feed",
                violation_error_message=_("„feed“ ist die Adresse des Atom-Feeds."),
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=models.F("published_at")),
                name="article_expires_after_publishing",
                violation_error_message=_("Das Ende muss nach der Veröffentlichung liegen."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def get_preview_url(self):
        return slug_address("news:preview", self.slug)

    @property
    def publication_state(self) -> str:
        """Where the article stands now: „Entwurf“, „geplant für 02.12.2026, 09:00“,
        „veröffentlicht“ or „abgelaufen“ (what the office's lists show)."""
        now = timezone.now()
        if self.status == self.Status.DRAFT:
            return str(_("Entwurf"))
        if self.published_at > now:
            when = timezone.localtime(self.published_at).strftime("%d.%m.%Y, %H:%M")
            return _("geplant für %(when)s") % {"when": when}
        if self.expires_at and self.expires_at <= now:
            return str(_("abgelaufen"))
        return str(_("veröffentlicht"))

    @property
    def is_from_office(self) -> bool:
        return self.member_id is None

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    @property
    def is_online(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_scheduled

    @property
    def may_be_revised(self) -> bool:
        """The submitter may still change it: waiting, or sent back."""
        return self.status in (self.Status.SUBMITTED, self.Status.RETURNED)

    @property
    def is_members_only(self) -> bool:
        return self.visibility == self.Visibility.MEMBERS

    @property
    def source(self) -> str:
        """Who speaks: "DEFUS Aktuell" or the member's designation."""
        return str(OFFICE_SOURCE) if self.is_from_office else self.member.designation

    @property
    def summary(self) -> str:
        """The teaser, or the beginning of the body cut at a word boundary."""
        if self.teaser:
            return self.teaser
        text = strip_tags(WORD_BREAKING_TAG.sub(" ", self.body))
        return cut_at_word(html.unescape(text))


def cut_at_word(text: str, limit: int = 240) -> str:
    """At most ``limit`` characters of ``text``, ending on a whole word: at the end of a
    sentence if one ends in the second half, else after a word, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    window = text[: limit + 1]
    sentence_ends = [match.end() for match in SENTENCE_END.finditer(window)]
    if sentence_ends and sentence_ends[-1] >= limit // 2:
        return window[: sentence_ends[-1]]
    cut = window[: window.rfind(" ")] if " " in window else text[:limit]
    return cut.rstrip(" ,;:–-") + " …"
