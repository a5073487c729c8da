import datetime

import factory
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from events.models import Event, Series
from inquiries.models import Answer, Inquiry
from members.models import ContactPerson, Member, User
from news.models import Article

PASSWORD = "Sicheres-Testpasswort-2026"
# Hashing is the slowest part of creating users; hash the test password once.
PASSWORD_HASH = make_password(PASSWORD)
# The authenticator app of staff users in tests (base32, as an app would store it).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ["slug"]

    kind = Member.Kind.CITY
    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    designation = factory.LazyAttribute(lambda o: f"Stadt {o.name}")
    slug = factory.Sequence(lambda n: f"musterstadt-{n}")
    state = "NI"
    joined_on = datetime.date(2015, 1, 1)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    member = factory.SubFactory(MemberFactory)
    name = factory.Sequence(lambda n: f"Erika Beispiel {n}")
    role = "Kommunale Prävention"
    email = factory.Sequence(lambda n: f"kontakt{n}@stadt.example")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@stadt.example")
    first_name = "Erika"
    last_name = "Beispiel"
    password = PASSWORD_HASH
    member = factory.SubFactory(MemberFactory)

    @factory.post_generation
    def totp(user, create, extracted, **kwargs):
        """Office staff must use a second factor, so staff users get an authenticator app;
        ``UserFactory(is_staff=True, totp=False)`` makes one who has not set it up yet."""
        if create and (user.is_staff if extracted is None else extracted):
            TOTP.activate(user, TOTP_SECRET)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published public article from the office, released an hour ago."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Meldung {n} aus der Geschäftsstelle")
    slug = factory.Sequence(lambda n: f"meldung-{n}")
    body = "<p>Die Mitglieder tauschten sich in Hannover über kommunale Prävention aus.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    member = None

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        if create and themes:
            self.themes.set(themes)


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    title = factory.Sequence(lambda n: f"Erfahrungen mit Alkoholverboten im öffentlichen Raum {n}")
    context = "Welche Regeln gelten bei Ihnen, und wie kontrollieren Sie sie?"
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    asked_by_member = factory.SubFactory(MemberFactory)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    inquiry = factory.SubFactory(InquiryFactory)
    member = factory.SubFactory(MemberFactory)
    text = "Bei uns gilt ein Alkoholkonsumverbot am Bahnhof; der Ordnungsdienst kontrolliert."


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Webinarreihe {n}")
    slug = factory.Sequence(lambda n: f"webinarreihe-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Austausch zur kommunalen Prävention {n}")
    slug = factory.Sequence(lambda n: f"austausch-{n}")
    kind = Event.Kind.EXCHANGE
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    online = True


# knowledge: collections and documents -----------------------------------------------------


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.Theme"
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Collection"
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Sammlung {n}")
    slug = factory.Sequence(lambda n: f"sammlung-{n}")
    theme = factory.SubFactory(ThemeFactory)
    description = "Studien, Konzepte und Praxisbeispiele aus den Mitgliedsstädten."


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Entry"

    collection = factory.SubFactory(CollectionFactory)
    kind = "link"
    title = factory.Sequence(lambda n: f"Praxisbeispiel {n}")
    url = factory.Sequence(lambda n: f"https://www.pufii.de/beispiel-{n}")
    source = "Pufii"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Document"

    title = factory.Sequence(lambda n: f"Protokoll {n}")
    file = factory.django.FileField(filename="protokoll.pdf", data=b"%PDF-1.4\n%EOF\n")
    date = datetime.date(2024, 9, 20)
    visibility = "mitglieder"


# registrations ------------------------------------------------------------------------------


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration with a seat; pass ``status`` for others."""

    class Meta:
        model = "registrations.Registration"

    event = factory.SubFactory(EventFactory, registration_mode="portal")
    name = factory.Sequence(lambda n: f"Teilnehmerin {n}")
    email = factory.Sequence(lambda n: f"teilnahme{n}@stadt.example")
    organisation = "Stadt Essen"
    status = "angemeldet"
    queued_at = factory.LazyFunction(timezone.now)
