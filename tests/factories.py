import datetime

import factory
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.utils import timezone

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
