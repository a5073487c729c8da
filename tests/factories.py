import datetime

import factory
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import MD5PasswordHasher
from django.utils import timezone

from events.models import Event, Series
from inquiries.models import Answer, Inquiry
from members.models import ContactPerson, Member, User
from news.models import Article

PASSWORD = "Sicheres-Testpasswort-2026"
# Hashing is the slowest part of creating users; hash the test password once, with the tests'
# hasher (tests.conftest.fast_password_hashing).
PASSWORD_HASH = MD5PasswordHasher().encode(PASSWORD, "defustestsalz")
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


# activities: the office's record and the Leitgedanken ----------------------------------------


class ExchangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Exchange"

    topic = factory.Sequence(lambda n: f"Austausch mit der Stadt Musterstadt {n}")
    held_on = datetime.date(2031, 3, 12)
    mode = "online"


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Body"

    name = factory.Sequence(lambda n: f"Fachbeirat Prävention {n}")
    defus_role = "Mitglied des Fachbeirats"
    person = "Anna Rau"


class BodyMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.BodyMeeting"

    body = factory.SubFactory(BodyFactory)
    held_on = datetime.date(2031, 5, 6)


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Contribution"

    event_title = factory.Sequence(lambda n: f"Fachtag Sicherheit im Quartier {n}")
    held_on = datetime.date(2031, 6, 3)
    place = "Kassel"


class MediaInquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.MediaInquiry"

    outlet = factory.Sequence(lambda n: f"Stadtradio {n}")
    format = "radio"
    topic = "Sicherheit auf öffentlichen Plätzen"
    received_on = datetime.date(2031, 2, 10)
    published_on = datetime.date(2031, 2, 14)
    person = "Anna Rau"
    outcome = "gegeben"


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Publication"

    authors = "Anna Rau"
    title = factory.Sequence(lambda n: f"Kommunale Prävention heute, Teil {n}")
    venue = "der gemeinderat"
    issue = "05/2031"
    year = 2031
    status = "erschienen"
    dated_on = datetime.date(2031, 5, 1)


class EfusEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.EfusEvent"

    title = factory.Sequence(lambda n: f"Efus-Generalversammlung {n}")
    starts_on = datetime.date(2031, 6, 24)
    city = "Lissabon"


class EfusProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.EfusProject"

    name = factory.Sequence(lambda n: f"SAFEPLACE{n}")
    starts_on = datetime.date(2030, 1, 1)
    status = "laufend"


class FundingApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.FundingApplication"

    call = factory.Sequence(lambda n: f"Resiliente Innenstädte {n}")
    funding_line = "ISFP"
    submitted_on = datetime.date(2031, 4, 1)
    status = "ausstehend"


class GuidelineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Guideline"

    title = factory.Sequence(lambda n: f"Leitgedanken zur Sicherheit im Nachtleben {n}")
    slug = factory.Sequence(lambda n: f"leitgedanken-{n}")
    text = "<p>Gemeinsame Leitgedanken der Mitgliedsstädte.</p>"
    adopted_on = datetime.date(2024, 9, 20)


class GuidelineSignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.GuidelineSignature"

    guideline = factory.SubFactory(GuidelineFactory)
    member = factory.SubFactory(MemberFactory)
    status = "unterzeichnet"
    signed_on = datetime.date(2024, 11, 4)
