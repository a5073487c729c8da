from django.core.cache import caches
from django.db import DatabaseError, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import has_office_access
from core.fields import RichTextField, search_indexes, search_vector, search_vector_field
from core.freshness import last_seen_version

PAGE_SEARCH_VECTOR = search_vector(title=("title",), text=("lead", "description", "body"))

#: What the office edits on a page; a draft keeps its own copy of each (``draft_<name>``).
PAGE_CONTENT_FIELDS = ("title", "lead", "body", "description")


class PageQuerySet(models.QuerySet):
    def previewable_by(self, user):
        """Every page, for office staff who may view pages in the admin (the rule of the
        article preview); none for anyone else."""
        if has_office_access(user) and user.has_perm("pages.view_page"):
            return self.all()
        return self.none()


class Page(models.Model):
    """An institutional page whose text the office edits in the admin.

    The pages themselves are fixed (the navigation and footer link to them), so they are
    created by a migration and cannot be deleted; their content is free.
    """

    class Slug(models.TextChoices):
        ABOUT = "ueber-uns", _("Was ist DEFUS?")
        TEAM = "vorstand-und-team", _("Vorstand und Team")
        STATUTES = "satzung", _("Vereinssatzung")
        CONTACT = "kontakt", _("Kontakt")
        IMPRINT = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutz")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        MEMBERSHIP = "mitgliedschaft", _("Mitglied werden")

    slug = models.SlugField(_("Seite"), choices=Slug, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    lead = models.TextField(
        _("Vorspann"), blank=True, help_text=_("Ein bis zwei Sätze unter dem Titel.")
    )
    body = RichTextField(_("Text"), blank=True)
    description = models.CharField(
        _("Beschreibung für Suchmaschinen"),
        max_length=300,
        blank=True,
        help_text=_("Erscheint in Suchergebnissen und beim Teilen. Leer = der Vorspann."),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)
    # The draft (Wagtail's model): the live text above stays online while the office works
    # on this copy; publishing copies it over and clears it. Never searched, never shown.
    draft_title = models.CharField(_("Titel (Entwurf)"), max_length=200, blank=True)
    draft_lead = models.TextField(_("Vorspann (Entwurf)"), blank=True)
    draft_body = RichTextField(_("Text (Entwurf)"), blank=True)
    draft_description = models.CharField(
        _("Beschreibung für Suchmaschinen (Entwurf)"), max_length=300, blank=True
    )
    draft_saved_at = models.DateTimeField(_("Entwurf gespeichert am"), null=True, blank=True)

    objects = PageQuerySet.as_manager()

    search_vector = search_vector_field(PAGE_SEARCH_VECTOR)

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["title"]
        indexes = search_indexes("page")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"pages:{self.slug}")

    def get_preview_url(self):
        return reverse("pages:preview", kwargs={"slug": self.slug})

    @property
    def has_draft(self) -> bool:
        return self.draft_saved_at is not None

    @property
    def publication_state(self) -> str:
        return _("Entwurf vorhanden") if self.has_draft else _("veröffentlicht")

    def with_draft(self) -> "Page":
        """An unsaved copy of the page as it will look once the draft is published (the page
        itself when there is no draft): what the preview shows."""
        if not self.has_draft:
            return self
        copy = Page(
            pk=self.pk,
            slug=self.slug,
            updated_at=self.updated_at,
            draft_saved_at=self.draft_saved_at,
        )
        for name in PAGE_CONTENT_FIELDS:
            setattr(copy, name, getattr(self, f"draft_{name}"))
        return copy

    @property
    def offers_barrier_report(self) -> bool:
        return self.slug == self.Slug.ACCESSIBILITY

    @property
    def meta_description(self) -> str:
        return self.description or self.lead


class BarrierReport(models.Model):
    """A barrier reported through "Barriere melden": stored first, then mailed to the office,
    which works through the reports in the admin."""

    class Status(models.TextChoices):
        NEW = "neu", _("Neu")
        IN_PROGRESS = "in-bearbeitung", _("In Bearbeitung")
        DONE = "erledigt", _("Erledigt")

    page = models.CharField(_("Wo ist die Barriere?"), max_length=300)
    description = models.TextField(_("Beschreibung"), max_length=5000)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    created_at = models.DateTimeField(_("gemeldet am"), auto_now_add=True)
    status = models.CharField(_("Stand"), max_length=20, choices=Status, default=Status.NEW)
    note = models.TextField(
        _("Notiz der Geschäftsstelle"), blank=True, help_text=_("Nur in der Verwaltung sichtbar.")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")

    def __str__(self):
        return f"{self.page[:60]} ({self.created_at:%d.%m.%Y})" if self.created_at else self.page


class ContactMessageQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)


class ContactMessage(models.Model):
    """A message from the contact or membership form: stored first, then mailed."""

    class Topic(models.TextChoices):
        GENERAL = "allgemein", _("Allgemein")
        PRESS = "presse", _("Presse")
        MEMBERSHIP = "mitgliedschaft", _("Mitgliedschaft")
        EVENTS = "veranstaltungen", _("Veranstaltungen")

    topic = models.CharField(_("Thema"), max_length=20, choices=Topic, default=Topic.GENERAL)
    name = models.CharField(_("Name"), max_length=200)
    organisation = models.CharField(_("Stadt, Kreis oder Organisation"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    message = models.TextField(_("Nachricht"), max_length=5000)
    created_at = models.DateTimeField(_("eingegangen am"), default=timezone.now)
    reply = models.TextField(
        _("Antwort"),
        blank=True,
        help_text=_(
            "Wird beim Speichern an die Absenderin oder den Absender geschickt, einmal. "
            "Leer lassen, wenn Sie auf anderem Weg antworten."
        ),
    )
    replied_at = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    note = models.TextField(_("interne Notiz"), blank=True)
    media_inquiry = models.OneToOneField(
        "activities.MediaInquiry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_message",
        verbose_name=_("Medienanfrage im Tätigkeitsnachweis"),
    )

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.name}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_press(self) -> bool:
        return self.topic == self.Topic.PRESS


OFFICE_CACHE_KEY = "office"
# Per process and in memory, like the page cache: the frame shows the address on every page
# without a query. Kept pages never show an old address (the key follows the content
# version); a logged-in person's page may, for at most this many seconds on another worker.
OFFICE_CACHE_SECONDS = 60


class OfficeManager(models.Manager):
    @staticmethod
    def _cache_key() -> str:
        """Keyed by the content version the page cache read for this request: an edit gives
        a new version, so no worker renders a page it keeps with the old address."""
        version = last_seen_version()
        return f"{OFFICE_CACHE_KEY}:{version.token if version else '-'}"

    def current(self) -> "Office":
        """The one office row, from the per-process cache when it is there. A database
        without the row (a fresh test database) gets the defaults, unsaved; so does a page
        rendered while the database is away (the login form needs none), uncached."""
        cache, key = caches["pages"], self._cache_key()
        office = cache.get(key)
        if office is None:
            try:
                office = self.filter(pk=Office.SINGLETON_PK).first()
            except DatabaseError:
                return Office(pk=Office.SINGLETON_PK)
            office = office or Office(pk=Office.SINGLETON_PK)
            cache.set(key, office, OFFICE_CACHE_SECONDS)
        return office

    def forget(self) -> None:
        caches["pages"].delete(self._cache_key())


class Office(models.Model):
    """The Geschäftsstelle's address and the Impressum's legal details (§ 5 DDG, § 18 MStV):
    one row, edited in the admin, shown in the footer, on Kontakt and on Impressum."""

    SINGLETON_PK = 1

    name = models.CharField(
        _("Vereinsname"),
        max_length=200,
        default="Deutsch-Europäisches Forum für Urbane Sicherheit e.V.",
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, default="Kurt-Schumacher-Straße 29")  # fmt: skip
    postal_code = models.CharField(_("PLZ"), max_length=10, default="30159")
    city = models.CharField(_("Ort"), max_length=100, default="Hannover")
    phone = models.CharField(_("Telefon"), max_length=50, default="0511 367394-20")
    email = models.EmailField(_("E-Mail"), default="defus@defus.org")
    register_court = models.CharField(
        _("Registergericht"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel „Amtsgericht Hannover“."),
    )
    register_number = models.CharField(
        _("Registernummer"), max_length=50, blank=True, help_text=_("Zum Beispiel „VR 123456“.")
    )
    representatives = models.TextField(
        _("Vertretungsberechtigter Vorstand"),
        blank=True,
        help_text=_(
            "Eine Person je Zeile, mit Funktion, z. B. „Christian Kromberg (Vorsitzender)“."
        ),
    )
    responsible_person = models.CharField(
        _("Verantwortlich nach § 18 Abs. 2 MStV"),
        max_length=200,
        blank=True,
        help_text=_("Name und Funktion der Person, die für die Inhalte verantwortlich ist."),
    )
    responsible_address = models.TextField(
        _("Anschrift der verantwortlichen Person"),
        blank=True,
        help_text=_("Leer lassen, wenn sie die Anschrift der Geschäftsstelle ist."),
    )
    vat_id = models.CharField(
        _("Umsatzsteuer-Identifikationsnummer"),
        max_length=30,
        blank=True,
        help_text=_("Nur angeben, wenn der Verein eine hat."),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = OfficeManager()

    class Meta:
        verbose_name = _("Geschäftsstelle und Impressum")
        verbose_name_plural = _("Geschäftsstelle und Impressum")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="office_is_one_row")]

    def __str__(self):
        return str(_("Geschäftsstelle und Impressum"))

    def get_absolute_url(self):
        return reverse("pages:impressum")

    @property
    def representative_lines(self) -> list[str]:
        return [line.strip() for line in self.representatives.splitlines() if line.strip()]

    @property
    def responsible_address_lines(self) -> list[str]:
        return [line.strip() for line in self.responsible_address.splitlines() if line.strip()]

    @property
    def phone_uri(self) -> str:
        """``tel:+49…`` from a German number as written (0511 367394-20)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0") and not digits.startswith("00"):
            digits = "+49" + digits[1:]
        return f"tel:{digits}"

    @property
    def missing_imprint_details(self) -> list[str]:
        """Labels of what § 5 DDG and § 18 MStV ask for and the office has not filled in."""
        required = ["register_court", "register_number", "representatives", "responsible_person"]
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in required
            if not getattr(self, name).strip()
        ]
