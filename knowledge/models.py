from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import has_member_access
from core.choices import choice_display
from core.db.compiled import CompiledValue
from core.fields import search_indexes, search_vector, search_vector_field
from core.querysets import count_per_row
from documents.models import Document
from themes.models import Theme

COLLECTION_SEARCH_VECTOR = search_vector(title=("title",), text=("description",))
ENTRY_SEARCH_VECTOR = search_vector(title=("title",), text=("description", "source"))


class CollectionQuerySet(models.QuerySet):
    def catalogue(self, user):
        """Collections by Themenschwerpunkt, with ``entry_count``; for members also
        ``seen_until`` (their previous visit) and ``new_entry_count``."""
        collections = (
            self.select_related("theme")
            .with_updated_at()
            .annotate(
                area_title=Coalesce("theme__parent__title", "theme__title"),
                area_slug=Coalesce("theme__parent__slug", "theme__slug"),
                area_position=Coalesce("theme__parent__position", "theme__position"),
            )
            .with_entry_count()
            .order_by("area_position", "area_title", "title")
        )
        return collections._with_news_for(user) if has_member_access(user) else collections

    def news_stamp(self, user) -> str:
        """What the "neu" marks of ``user`` depend on besides the content (which the content
        version covers): whose they are, and their visits, which are personal and give no new
        content version. Part of the key of fragments with such marks; "" without access."""
        if not has_member_access(user):
            return ""
        last = latest_visits.get(user_id=user.pk)
        return f"{user.pk}.{last.timestamp() if last else ''}"

    def changed_since_last_visit(self, user):
        """Collections with entries this member has not seen yet, most recently changed first."""
        if not has_member_access(user):
            return self.none()
        return (
            self.select_related("theme")
            .with_updated_at()
            ._with_news_for(user)
            .filter(new_entry_count__gt=0)
            .order_by("-updated_at")
        )

    def with_entry_count(self):
        """Annotate ``entry_count``; a subquery per row, so counting the collections (or
        showing one page of them) never joins all their entries."""
        return self.annotate(entry_count=count_per_row(Entry.objects.all(), "collection"))

    def with_updated_at(self):
        """Annotate ``updated_at``: when the newest entry was added (else: created)."""
        return self.annotate(updated_at=collection_updated_at())

    def _with_news_for(self, user):
        """Entries count as new when someone else added them after the member's previous
        visit of the collection (never visited: after the account was created)."""
        previous_visit = CollectionVisit.objects.filter(
            user=user, collection=models.OuterRef("pk")
        ).values("visited_at")
        return self.annotate(
            seen_until=Coalesce(models.Subquery(previous_visit), models.Value(user.date_joined)),
            new_entry_count=count_per_row(
                Entry.objects.filter(Entry.new_to(user, since=models.OuterRef("seen_until"))),
                "collection",
            ),
        )


def collection_updated_at():
    """When a collection last changed: its newest entry, derived rather than stored."""
    newest = (
        Entry.objects.filter(collection=models.OuterRef("pk"))
        .order_by("-added_at")
        .values("added_at")[:1]
    )
    return Coalesce(models.Subquery(newest), "created_at")


class Collection(models.Model):
    """An Informationssammlung: links, documents and notes on one topic, for members."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), unique=True, max_length=200)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="collections",
        verbose_name=_("Thema"),
        help_text=_("Ein Themenschwerpunkt oder ein Thema darunter."),
    )
    description = models.TextField(
        _("Beschreibung"), help_text=_("Öffentlich sichtbar, auch für Nicht-Mitglieder.")
    )
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now, editable=False)

    search_vector = search_vector_field(COLLECTION_SEARCH_VECTOR)
    objects = CollectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Informationssammlung")
        verbose_name_plural = _("Informationssammlungen")
        ordering = ["title"]
        indexes = search_indexes("collection")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("collections:detail", kwargs={"slug": self.slug})

    @staticmethod
    def may_be_read_by(user) -> bool:
        """Members read a collection's entries and add to them; everyone else sees what it
        is about and its public documents."""
        return has_member_access(user)

    def public_documents(self):
        return Document.objects.filter(
            visibility=Document.Visibility.PUBLIC, entries__collection=self
        ).distinct()


class EntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if has_member_access(user) else self.none()

    def changeable_by(self, user):
        """Entries ``user`` may edit and delete: the office all, members those their own
        member (or they themselves) added."""
        return self.filter(Entry.changeable_by_q(user))

    def with_change_right(self, user):
        """Annotate ``may_change`` (see ``changeable_by``)."""
        return self.annotate(
            may_change=models.ExpressionWrapper(
                Entry.changeable_by_q(user), output_field=models.BooleanField()
            )
        )

    def with_new_marker(self, *, user, since):
        """Annotate ``is_new``: added by someone else after ``since``."""
        return self.annotate(
            is_new=models.ExpressionWrapper(
                Entry.new_to(user, since=since), output_field=models.BooleanField()
            )
        )


class Entry(models.Model):
    class Kind(models.TextChoices):
        LINK = "link", _("Link")
        DOCUMENT = "dokument", _("Dokument")
        NOTE = "notiz", _("Notiz")

    collection = models.ForeignKey(
        Collection,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("Informationssammlung"),
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind, default=Kind.LINK)
    get_kind_display = choice_display("kind", Kind)
    title = models.CharField(_("Titel"), max_length=250)
    description = models.TextField(_("Beschreibung"), blank=True)
    url = models.URLField(_("Adresse (URL)"), max_length=500, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("Dokument"),
        help_text=_("Wird das Dokument gelöscht, verschwindet auch dieser Eintrag."),
    )
    owns_document = models.BooleanField(
        _("Dokument mit dem Eintrag hochgeladen"),
        default=False,
        help_text=_("Dann wird das Dokument mit dem Eintrag gelöscht."),
    )
    source = models.CharField(
        _("Quelle oder Herausgeber"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Stadt Freiburg“ oder „Deutsches Institut für Urbanistik“."),
    )
    date = models.DateField(_("Datum"), null=True, blank=True)
    tags = ArrayField(
        models.CharField(max_length=40),
        verbose_name=_("Schlagworte"),
        default=list,
        blank=True,
        size=10,
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hinzugefügt von"),
    )
    added_at = models.DateTimeField(_("hinzugefügt am"), default=timezone.now)

    search_vector = search_vector_field(ENTRY_SEARCH_VECTOR)
    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Eintrag")
        verbose_name_plural = _("Einträge")
        ordering = ["-added_at", "title"]
        indexes = [
            models.Index(fields=["collection", "-added_at"]),
            *search_indexes("entry"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="link") | ~models.Q(url=""),
                name="entry_link_has_url",
                violation_error_message=_("Ein Link braucht eine Adresse (URL)."),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="dokument") | models.Q(document__isnull=False),
                name="entry_document_has_document",
                violation_error_message=_("Ein Dokument-Eintrag braucht ein Dokument."),
            ),
        ]

    def __str__(self):
        return self.title

    @staticmethod
    def changeable_by_q(user) -> models.Q:
        if not has_member_access(user):
            return models.Q(pk__in=[])
        if user.is_staff:
            return models.Q(pk__isnull=False)
        if user.member_id:
            return models.Q(added_by=user) | models.Q(added_by__member_id=user.member_id)
        return models.Q(added_by=user)

    @staticmethod
    def new_to(user, *, since) -> models.Q:
        return models.Q(added_at__gt=since) & (
            models.Q(added_by__isnull=True) | ~models.Q(added_by=user)
        )

    @property
    def target_url(self) -> str:
        if self.kind == self.Kind.DOCUMENT and self.document_id:
            return self.document.get_absolute_url()
        return self.url


class CollectionVisit(models.Model):
    """When a member last looked at a collection: later entries are "neu" for them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="visits")
    visited_at = models.DateTimeField(_("zuletzt angesehen am"))

    class Meta:
        verbose_name = _("Besuch einer Informationssammlung")
        verbose_name_plural = _("Besuche von Informationssammlungen")
        constraints = [
            models.UniqueConstraint(fields=["user", "collection"], name="one_visit_per_collection")
        ]

    def __str__(self):
        return f"{self.user} – {self.collection}"


# A member's latest visit of any collection, read by every page with "neu" marks: the SQL
# built once per process (core.db.compiled).
latest_visits = CompiledValue(
    lambda: CollectionVisit.objects.order_by("-visited_at").values_list("visited_at"),
    user_id=-7_340_218,
)


class CollectionWatch(models.Model):
    """A member watches a collection and gets the weekly "Neu für Mitglieder" digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="collection_watches",
        verbose_name=_("Benutzerkonto"),
    )
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="watches", verbose_name=_("Sammlung")
    )
    created_at = models.DateTimeField(_("beobachtet seit"), default=timezone.now)
    last_digest_at = models.DateTimeField(_("letzte Zusammenfassung"), null=True, blank=True)

    class Meta:
        verbose_name = _("Beobachtete Sammlung")
        verbose_name_plural = _("Beobachtete Sammlungen")
        constraints = [
            models.UniqueConstraint(fields=["user", "collection"], name="one_watch_per_collection")
        ]

    def __str__(self):
        return f"{self.user} – {self.collection}"
