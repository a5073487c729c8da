import datetime

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import Case, Count, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.access import has_member_access
from core.fields import search_index, search_vector_field
from core.files import OwnedImageField


class FederalState(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


def _state_name():
    """The federal state's name from its code, in SQL (for the search vector and the hits)."""
    return Case(
        *[When(state=code, then=Value(str(label))) for code, label in FederalState.choices],
        default=Value(""),
        output_field=models.CharField(),
    )


# Name and designation weigh most, the state and the description less (see core.fields).
MEMBER_SEARCH_VECTOR = SearchVector("name", "designation", weight="A", config="german") + (
    SearchVector(_state_name(), "description", weight="B", config="german")
)


class MemberQuerySet(models.QuerySet):
    def active_on(self, date: datetime.date):
        return self.filter(Q(joined_on__lte=date), Q(left_on__isnull=True) | Q(left_on__gt=date))

    def active(self):
        return self.active_on(timezone.localdate())

    def with_category(self):
        """Annotate ``category``: the office's choice, else Kreise count with the cities."""
        return self.annotate(
            category=Case(
                When(~Q(counted_as=""), then="counted_as"),
                When(kind=Member.Kind.ORGANISATION, then=Value(Member.Category.ORGANISATION)),
                default=Value(Member.Category.CITY),
                output_field=models.CharField(),
            )
        )

    def counts(self) -> dict[str, int]:
        """Cities and organisations in this queryset, in one query."""
        return self.with_category().aggregate(
            cities=Count("pk", filter=Q(category=Member.Category.CITY)),
            organisations=Count("pk", filter=Q(category=Member.Category.ORGANISATION)),
        )

    def for_search(self):
        """Active members with ``title`` (the designation) and ``state_name``, as the site
        search reads them."""
        return self.active().alias(title=F("designation"), state_name=_state_name())

    def directory(self):
        return self.active().with_category().order_by("-category", "name")  # Städte first


class Member(models.Model):
    class Kind(models.TextChoices):
        CITY = "stadt", _("Stadt")
        STATE_CAPITAL = "landeshauptstadt", _("Landeshauptstadt")
        CAPITAL = "hauptstadt", _("Hauptstadt")
        DISTRICT = "kreis", _("Kreis")
        ORGANISATION = "organisation", _("Organisation")

    class Category(models.TextChoices):
        CITY = "stadt", _("Städte")
        ORGANISATION = "organisation", _("Organisationen")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind)
    name = models.CharField(
        _("Kurzname"), max_length=120, help_text=_("Zum Sortieren und Filtern, z. B. „Hannover“.")
    )
    designation = models.CharField(
        _("Bezeichnung"),
        max_length=200,
        help_text=_("So wird das Mitglied genannt, z. B. „Landeshauptstadt Hannover“."),
    )
    slug = models.SlugField(_("Kurzadresse"), unique=True)
    state = models.CharField(_("Bundesland"), max_length=2, choices=FederalState, blank=True)
    website = models.URLField(_("Website"), blank=True)
    logo = OwnedImageField(_("Logo"), upload_to="members/logos/", blank=True)
    logo_alt = models.CharField(
        _("Alternativtext des Logos"),
        max_length=200,
        blank=True,
        help_text=_("Was das Logo zeigt, für Menschen, die es nicht sehen."),
    )
    description = models.TextField(_("Kurzbeschreibung"), blank=True)
    joined_on = models.DateField(_("Mitglied seit"))
    left_on = models.DateField(
        _("ausgetreten am"),
        null=True,
        blank=True,
        help_text=_("Ab diesem Tag zählt das Mitglied nicht mehr, und sein Zugang endet."),
    )
    efus_member = models.BooleanField(_("auch Mitglied bei Efus"), default=False)
    counted_as = models.CharField(
        _("gezählt als"),
        max_length=20,
        choices=Category,
        blank=True,
        help_text=_("Leer = nach Art: Organisationen als Organisationen, alle anderen als Städte."),
    )

    search_vector = search_vector_field(MEMBER_SEARCH_VECTOR)
    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")
        ordering = ["name"]
        indexes = [
            search_index("search_vector", "member_search"),
            search_index("designation", "member_title_trigrams", trigrams=True),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gt=models.F("joined_on")),
                name="member_leaves_after_joining",
                violation_error_message=_("Der Austritt muss nach dem Beitritt liegen."),
            ),
            models.CheckConstraint(
                condition=Q(logo="") | ~Q(logo_alt=""),
                name="member_logo_has_alt_text",
                violation_error_message=_("Ein Logo braucht einen Alternativtext."),
            ),
        ]

    def __str__(self):
        return self.designation

    def get_absolute_url(self):
        return reverse("members:detail", kwargs={"slug": self.slug})

    @property
    def category_heading(self) -> str:
        """The directory's heading for ``category`` (annotated by ``with_category()``)."""
        if self.category == self.Category.ORGANISATION:
            return _("Organisationen")
        return _("Städte und Kreise")

    def is_active_on(self, date: datetime.date) -> bool:
        return self.joined_on <= date and (self.left_on is None or self.left_on > date)

    @property
    def is_active(self) -> bool:
        return self.is_active_on(timezone.localdate())


class ContactPersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if has_member_access(user) else self.none()


class ContactPerson(models.Model):
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("Mitglied")
    )
    name = models.CharField(_("Name"), max_length=200)
    role = models.CharField(_("Funktion"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["member", "position", "name"]

    def __str__(self):
        return f"{self.name} ({self.member})"


class Person(models.Model):
    """Someone shown on the Vorstand und Team page."""

    class Group(models.TextChoices):
        BOARD = "vorstand", _("Vorstand")
        TEAM = "team", _("Team der Geschäftsstelle")

    group = models.CharField(_("Gruppe"), max_length=20, choices=Group)
    name = models.CharField(_("Name"), max_length=200)
    role = models.CharField(_("Funktion"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    photo = OwnedImageField(_("Foto"), upload_to="people/", blank=True)
    photo_alt = models.CharField(_("Alternativtext des Fotos"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Person (Vorstand/Team)")
        verbose_name_plural = _("Vorstand und Team")
        ordering = ["-group", "position", "name"]  # Vorstand before Team
        constraints = [
            models.CheckConstraint(
                condition=Q(photo="") | ~Q(photo_alt=""),
                name="person_photo_has_alt_text",
                violation_error_message=_("Ein Foto braucht einen Alternativtext."),
            )
        ]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Eine E-Mail-Adresse ist erforderlich.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with a login: staff of a member, or of the DEFUS office (``is_staff``)."""

    username = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("Mitglied"),
        help_text=_("Die Mitgliedsstadt oder Organisation, für die die Person arbeitet."),
    )
    answers_as_digest = models.BooleanField(
        _("Antworten auf eigene Abfragen gesammelt"),
        default=False,
        help_text=_(
            "Neue Antworten auf die eigenen Abfragen einmal am Tag in einer E-Mail statt "
            "sofort einzeln."
        ),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("Benutzerkonto")
        verbose_name_plural = _("Benutzerkonten")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @cached_property
    def lacks_second_factor(self) -> bool:
        """Office staff must use an authenticator app; until they have activated one they
        may only set it up (one query, once per user object, and only for staff)."""
        if not self.is_staff:
            return False
        has_totp = getattr(self, "has_totp", None)  # the request's user comes with it
        if has_totp is None:
            has_totp = self.authenticator_set.filter(type="totp").exists()  # allauth's TOTP
        return not has_totp

    @cached_property
    def may_log_in(self) -> bool:
        """Logins are for active users of an active member, and for the office."""
        if not self.is_active:
            return False
        return self.is_staff or (self.member is not None and self.member.is_active)

    @cached_property
    def has_member_access(self) -> bool:
        """Members' content is for those who may log in, office staff once they have set up
        their second factor: until then they count as anonymous visitors."""
        return self.may_log_in and not self.lacks_second_factor
