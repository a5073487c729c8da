"""The office's record of its work: what the Jahresbericht is written from.

DEFUS's own events stay in ``events.Event``; a record here links to one where it has one.
"""

import datetime

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.choices import Visibility
from core.fields import RichTextField
from core.templatetags.defus import zahlwort


class Mode(models.TextChoices):
    ON_SITE = "vor-ort", _("vor Ort")
    ONLINE = "online", _("online")


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


class DatedQuerySet(models.QuerySet):
    """Records with one date field, ``DATE_FIELD``."""

    def in_year(self, year: int):
        return self.filter(**{f"{self.model.DATE_FIELD}__year": year})


class PeriodQuerySet(models.QuerySet):
    """Records that run from ``starts_on`` to ``ends_on`` (open = still running)."""

    def running_in(self, year: int):
        first, last = year_bounds(year)
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=last),
            Q(ends_on__isnull=True) | Q(ends_on__gte=first),
        )


def _event_field(related_name: str):
    return models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=_("Termin im Kalender"),
        help_text=_("Steht der Termin auch im Kalender, hier verknüpfen statt doppelt anlegen."),
    )


class Exchange(models.Model):
    """A conversation of the office with one or more member cities."""

    DATE_FIELD = "held_on"

    topic = models.CharField(
        _("Anlass / Thema"),
        max_length=250,
        help_text=_("z. B. „Austausch mit der Stadt Gladbeck“."),
    )
    held_on = models.DateField(_("Datum"))
    mode = models.CharField(_("Form"), max_length=10, choices=Mode, default=Mode.ONLINE)
    members = models.ManyToManyField(
        "members.Member", blank=True, related_name="exchanges", verbose_name=_("Mitglieder")
    )
    notes = models.TextField(_("Notizen"), blank=True)
    event = _event_field("exchanges")

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Austausch mit Mitgliedsstädten")
        verbose_name_plural = _("Austausch mit Mitgliedsstädten")
        ordering = ["-held_on", "topic"]

    def __str__(self):
        return f"{self.topic} ({self.held_on:%d.%m.%Y})"


class Body(models.Model):
    """A network, board or advisory board in which DEFUS has a seat."""

    name = models.CharField(_("Gremium"), max_length=250)
    url = models.URLField(_("Website"), blank=True)
    defus_role = models.CharField(
        _("Rolle von DEFUS"), max_length=250, help_text=_("z. B. „Mitglied des Vorstands“.")
    )
    person = models.CharField(
        _("vertreten durch"), max_length=200, blank=True, help_text=_("z. B. „Anna Rau“.")
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    starts_on = models.DateField(_("seit"), null=True, blank=True)
    ends_on = models.DateField(_("bis"), null=True, blank=True, help_text=_("Leer = andauernd."))
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("Projekt"),
        help_text=_(
            "Bei Fachbeiräten von Projekten: das Projekt erscheint dann im Jahresbericht hier "
            "und nicht unter den DEFUS-Projekten."
        ),
    )

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("Gremium oder Fachbeirat")
        verbose_name_plural = _("Gremien und Fachbeiräte")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BodyMeeting(models.Model):
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("Gremium")
    )
    held_on = models.DateField(_("Datum"))
    mode = models.CharField(_("Form"), max_length=10, choices=Mode, default=Mode.ONLINE)
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    event = _event_field("body_meetings")

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["held_on"]

    def __str__(self):
        return f"{self.body}: {self.held_on:%d.%m.%Y}"


class Contribution(models.Model):
    """A talk, input or stand of the office at someone else's event."""

    DATE_FIELD = "held_on"

    event_title = models.CharField(_("Veranstaltung"), max_length=250)
    organiser = models.CharField(_("Veranstalter"), max_length=200, blank=True)
    held_on = models.DateField(_("Datum"))
    mode = models.CharField(_("Form"), max_length=10, choices=Mode, default=Mode.ON_SITE)
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    people = models.CharField(
        _("Beteiligte der Geschäftsstelle"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Anna Rau“."),
    )
    description = models.TextField(_("Beitrag"), blank=True)
    url = models.URLField(_("Link"), blank=True)
    event = _event_field("contributions")

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beitrag auf einer Veranstaltung Dritter")
        verbose_name_plural = _("Beiträge auf Veranstaltungen Dritter")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.event_title} ({self.held_on:%d.%m.%Y})"


class MediaInquiry(models.Model):
    DATE_FIELD = "received_on"

    class Format(models.TextChoices):
        PRINT = "print", _("Zeitung/Zeitschrift")
        ONLINE = "online", _("Online-Medium")
        RADIO = "radio", _("Radio")
        TV = "fernsehen", _("Fernsehen")
        PODCAST = "podcast", _("Podcast")

    class Outcome(models.TextChoices):
        GIVEN = "gegeben", _("Interview gegeben")
        RESEARCH = "recherche", _("Unterstützung bei der Recherche")
        DECLINED = "abgelehnt", _("abgelehnt")
        OPEN = "offen", _("noch offen")

    outlet = models.CharField(_("Medium"), max_length=200, help_text=_("z. B. „MDR Umschau“."))
    format = models.CharField(
        _("Format"),
        max_length=12,
        choices=Format,
        blank=True,
        help_text=_("Leer, solange es nicht feststeht (etwa bei einer Anfrage per Formular)."),
    )
    topic = models.CharField(_("Thema"), max_length=300)
    received_on = models.DateField(_("Anfrage vom"))
    published_on = models.DateField(_("veröffentlicht/gesendet am"), null=True, blank=True)
    publication_note = models.CharField(
        _("Hinweis zur Veröffentlichung"),
        max_length=200,
        blank=True,
        help_text=_("Wenn kein Datum feststeht, z. B. „Sendetermin im Sommer 2025“."),
    )
    person = models.CharField(_("Person"), max_length=200, blank=True)
    outcome = models.CharField(_("Ergebnis"), max_length=12, choices=Outcome)
    url = models.URLField(_("Link"), blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Medienanfrage")
        verbose_name_plural = _("Medienanfragen")
        ordering = ["-received_on"]

    def __str__(self):
        return f"{self.outlet}: {self.topic}"

    @property
    def is_declined(self) -> bool:
        return self.outcome == self.Outcome.DECLINED


class PublicationQuerySet(DatedQuerySet):
    def articles(self):
        return self.filter(kind=Publication.Kind.ARTICLE)

    def interviews(self):
        return self.filter(kind=Publication.Kind.INTERVIEW)


class Publication(models.Model):
    DATE_FIELD = "dated_on"

    class Kind(models.TextChoices):
        ARTICLE = "fachartikel", _("Fachartikel oder Publikation")
        INTERVIEW = "interview", _("Interview über DEFUS")

    class Status(models.TextChoices):
        PUBLISHED = "erschienen", _("erschienen")
        FORTHCOMING = "im-erscheinen", _("im Erscheinen")

    kind = models.CharField(
        _("Art"),
        max_length=12,
        choices=Kind,
        default=Kind.ARTICLE,
        help_text=_(
            "Fachartikel stehen im Jahresbericht; Interviews über DEFUS nur auf der Seite "
            "„Publikationen“."
        ),
    )
    authors = models.CharField(_("Autor*innen"), max_length=300)
    title = models.CharField(_("Titel"), max_length=300)
    venue = models.CharField(
        _("erschienen in"), max_length=200, help_text=_("Zeitschrift, Sammelband oder Website.")
    )
    issue = models.CharField(
        _("Ausgabe"), max_length=60, blank=True, help_text=_("z. B. „04/2024“.")
    )
    year = models.PositiveSmallIntegerField(_("Erscheinungsjahr"))
    status = models.CharField(_("Stand"), max_length=15, choices=Status)
    dated_on = models.DateField(
        _("Datum"), help_text=_("Erscheinen oder Einreichung: bestimmt das Berichtsjahr.")
    )
    url = models.URLField(_("Link"), blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Fachartikel oder Publikation")
        verbose_name_plural = _("Fachartikel und Publikationen")
        ordering = ["-dated_on", "title"]

    def __str__(self):
        return self.title

    @property
    def is_forthcoming(self) -> bool:
        return self.status == self.Status.FORTHCOMING

    @property
    def closing_stop(self) -> str:
        """The full stop a citation puts after the title, unless the title ends with its own
        punctuation ("Wie kann Veränderung gelingen?")."""
        return "" if self.title.rstrip().endswith((".", "?", "!", "…")) else "."


class EfusEvent(models.Model):
    DATE_FIELD = "starts_on"

    title = models.CharField(_("Titel"), max_length=250)
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    city = models.CharField(_("Ort"), max_length=120, blank=True)
    members = models.ManyToManyField(
        "members.Member",
        blank=True,
        related_name="efus_events",
        verbose_name=_("anwesende Mitglieder"),
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    event = _event_field("efus_records")

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Efus-Veranstaltung")
        verbose_name_plural = _("Efus-Veranstaltungen")
        ordering = ["-starts_on"]

    def __str__(self):
        return f"{self.title} ({self.starts_on:%d.%m.%Y})"


class EfusProject(models.Model):
    class Status(models.TextChoices):
        RUNNING = "laufend", _("laufend")
        ENDED = "beendet", _("beendet")

    name = models.CharField(_("Kurzname"), max_length=60)
    title = models.CharField(_("Titel"), max_length=250, blank=True)
    lead = models.CharField(_("Federführung"), max_length=200, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    members = models.ManyToManyField(
        "members.Member",
        blank=True,
        related_name="efus_projects",
        verbose_name=_("beteiligte Mitglieder"),
    )
    starts_on = models.DateField(_("Beginn"), null=True, blank=True)
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    status = models.CharField(_("Stand"), max_length=10, choices=Status)
    url = models.URLField(_("Website"), blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("Efus-Projekt mit deutscher Beteiligung")
        verbose_name_plural = _("Efus-Projekte mit deutscher Beteiligung")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FundingApplication(models.Model):
    DATE_FIELD = "submitted_on"

    class Status(models.TextChoices):
        GRANTED = "bewilligt", _("bewilligt")
        REJECTED = "abgelehnt", _("abgelehnt")
        WAITLIST = "warteliste", _("Warteliste")
        PENDING = "ausstehend", _("Rückmeldung noch ausstehend")

    call = models.CharField(_("Ausschreibung / Vorhaben"), max_length=300)
    funding_line = models.CharField(_("Förderlinie"), max_length=200, blank=True)
    partners = models.CharField(
        _("Partner"), max_length=300, blank=True, help_text=_("z. B. „DEFUS-Geschäftsstelle“.")
    )
    members = models.ManyToManyField(
        "members.Member",
        blank=True,
        related_name="funding_applications",
        verbose_name=_("beteiligte Mitglieder"),
    )
    submitted_on = models.DateField(_("eingereicht am"))
    status = models.CharField(_("Stand"), max_length=12, choices=Status)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Drittmittelantrag")
        verbose_name_plural = _("Drittmittelanträge")
        ordering = ["-submitted_on"]

    def __str__(self):
        return self.call


class Highlight(models.Model):
    """A Themenschwerpunkt of a year, with the events and projects that belonged to it."""

    year = models.PositiveSmallIntegerField(_("Jahr"))
    title = models.CharField(_("Titel"), max_length=250)
    text = RichTextField(_("Text"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    events = models.ManyToManyField(
        "events.Event", blank=True, related_name="highlights", verbose_name=_("Termine")
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="highlights", verbose_name=_("Projekte")
    )

    class Meta:
        verbose_name = _("Themenschwerpunkt")
        verbose_name_plural = _("Themenschwerpunkte")
        ordering = ["-year", "position", "title"]

    def __str__(self):
        return f"{self.title} ({self.year})"


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        """Reports the office has published: their PDF is a public document."""
        return self.filter(document__visibility=Visibility.PUBLIC)


class AnnualReport(models.Model):
    """What the office writes for one year's Jahresbericht; the rest is computed."""

    year = models.PositiveSmallIntegerField(_("Jahr"), unique=True)
    extra_member_events = models.ManyToManyField(
        "events.Event",
        blank=True,
        related_name="+",
        verbose_name=_("zusätzlich unter „Veranstaltungen für Mitglieder“"),
        help_text=_(
            "Öffentliche Termine, die auch als Angebot für die Mitglieder zählen, "
            "z. B. ein Workshop auf dem Deutschen Präventionstag."
        ),
    )
    document = models.OneToOneField(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="annual_report",
        verbose_name=_("veröffentlichtes PDF"),
    )
    published_on = models.DateField(_("veröffentlicht am"), null=True, blank=True, editable=False)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Jahresbericht")
        verbose_name_plural = _("Jahresberichte")
        ordering = ["-year"]
        permissions = [("view_annual_report", _("Kann den Jahresbericht ansehen"))]

    def __str__(self):
        return _("Jahresbericht %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("annual_report", kwargs={"year": self.year})


class Section(models.TextChoices):
    NETWORK = "netzwerk", _("Netzwerk und Mitglieder")
    ASSEMBLIES = "mitgliederversammlungen", _("DEFUS-Mitgliederversammlungen")
    HIGHLIGHTS = "themen", _("Themenschwerpunkte und Highlights")
    INQUIRIES = "abfragen", _("E-Mail-Abfragen")
    MEMBER_EVENTS = "mitgliederveranstaltungen", _("Veranstaltungen für DEFUS-Mitglieder")
    EXCHANGES = "austausch", _("Austausch mit DEFUS-Mitgliedsstädten")
    COLLECTIONS = "sammlungen", _("Informationssammlungen")
    PUBLIC_EVENTS = "oeffentlich", _("Von DEFUS organisierte öffentliche Veranstaltungen")
    PROJECTS = "projekte", _("DEFUS-Projekte")
    BODIES = "gremien", _("DEFUS-Aktivitäten in Netzwerken und Fachbeiräten")
    CONTRIBUTIONS = "dritte", _("DEFUS auf Veranstaltungen Dritter")
    OUTREACH = "oeffentlichkeitsarbeit", _("Öffentlichkeitsarbeit")
    MEDIA = "medien", _("Medienanfragen")
    PUBLICATIONS = "fachartikel", _("Fachartikel")
    EFUS = "efus", _("Efus")
    FUNDING = "drittmittel", _("Drittmittelanträge")
    OUTLOOK = "ausblick", _("Ausblick")
    PEOPLE = "team", _("Vorstand und Team")


class SectionIntro(models.Model):
    report = models.ForeignKey(
        AnnualReport,
        on_delete=models.CASCADE,
        related_name="intros",
        verbose_name=_("Jahresbericht"),
    )
    section = models.CharField(_("Abschnitt"), max_length=30, choices=Section)
    text = RichTextField(_("Einleitung"))

    class Meta:
        verbose_name = _("Einleitung eines Abschnitts")
        verbose_name_plural = _("Einleitungen der Abschnitte")
        ordering = ["report", "section"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section"],
                name="one_intro_per_section",
                violation_error_message=_("Für diesen Abschnitt gibt es schon eine Einleitung."),
            )
        ]

    def __str__(self):
        return f"{self.report}: {self.get_section_display()}"


class GuidelineQuerySet(models.QuerySet):
    def with_signature_counts(self):
        S = GuidelineSignature.Status
        return self.annotate(
            signed_count=Count("signatures", filter=Q(signatures__status=S.SIGNED)),
            planned_count=Count("signatures", filter=Q(signatures__status=S.PLANNED)),
        )


class Guideline(models.Model):
    """Leitgedanken: a position the members adopted together, and who signed it."""

    title = models.CharField(_("Titel"), max_length=250)
    slug = models.SlugField(_("Kurzadresse"), unique=True, max_length=120)
    text = RichTextField(_("Text"), blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guidelines",
        verbose_name=_("Dokument"),
    )
    adopted_on = models.DateField(_("verabschiedet am"))
    assembly = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guidelines",
        limit_choices_to={"kind": "mitgliederversammlung"},
        verbose_name=_("verabschiedet auf der Mitgliederversammlung"),
    )

    objects = GuidelineQuerySet.as_manager()

    class Meta:
        verbose_name = _("Leitgedanken")
        verbose_name_plural = _("Leitgedanken")
        ordering = ["-adopted_on"]

    def __str__(self):
        return self.title

    @property
    def adoption_display(self) -> str:
        if self.assembly_id and self.assembly.assembly_number:
            return _("Verabschiedet am %(date)s auf der %(number)s. Mitgliederversammlung") % {
                "date": f"{self.adopted_on:%d.%m.%Y}",
                "number": self.assembly.assembly_number,
            }
        return _("Verabschiedet am %(date)s") % {"date": f"{self.adopted_on:%d.%m.%Y}"}

    @property
    def signature_sentence(self) -> str:
        """ "15 Mitgliedsstädte haben unterzeichnet, drei planen die Unterzeichnung." Needs
        ``with_signature_counts()``."""
        signed, planned = self.signed_count, self.planned_count
        if signed == 1:
            first = _("Eine Mitgliedsstadt hat unterzeichnet")
        elif signed:
            first = _("%(n)s Mitgliedsstädte haben unterzeichnet") % {"n": zahlwort(signed)}
        else:
            first = _("Noch keine Mitgliedsstadt hat unterzeichnet")
        first = str(first)
        first = first[0].upper() + first[1:]
        if planned == 1:
            return _("%(first)s, eine weitere plant die Unterzeichnung.") % {"first": first}
        if planned:
            return _("%(first)s, %(n)s weitere planen die Unterzeichnung.") % {
                "first": first,
                "n": zahlwort(planned),
            }
        return f"{first}."


class GuidelineSignature(models.Model):
    class Status(models.TextChoices):
        SIGNED = "unterzeichnet", _("unterzeichnet")
        PLANNED = "geplant", _("Unterzeichnung geplant")
        NOT = "nicht", _("nicht unterzeichnet")

    guideline = models.ForeignKey(
        Guideline,
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("Leitgedanken"),
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.CASCADE,
        related_name="guideline_signatures",
        verbose_name=_("Mitglied"),
    )
    status = models.CharField(_("Stand"), max_length=15, choices=Status)
    signed_on = models.DateField(_("unterzeichnet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Unterzeichnung")
        verbose_name_plural = _("Unterzeichnungen")
        ordering = ["guideline", "member__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["guideline", "member"],
                name="one_signature_status_per_member",
                violation_error_message=_("Für dieses Mitglied ist schon ein Stand eingetragen."),
            ),
            models.CheckConstraint(
                condition=Q(status="unterzeichnet", signed_on__isnull=False)
                | (~Q(status="unterzeichnet") & Q(signed_on__isnull=True)),
                name="signature_date_iff_signed",
                violation_error_message=_(
                    "Ein Datum gibt es genau dann, wenn die Leitgedanken unterzeichnet sind."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.member}: {self.get_status_display()}"
