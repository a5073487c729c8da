"""``manage.py load_bench_data``: the demo portal at about ten times its size, for ``make
bench-large`` (issue 13): about 2,000 articles, 1,000 events, 10,000 collection entries and
200 Abfragen with answers, written with ``bulk_create`` in a few seconds. Development only.

The rows are made from the demo's members and themes and from real DEFUS topics, so search,
lists and the admin see text like the real one. Every generated row has a slug or title
starting with ``bench-``/a marker, so a second run replaces them (``--remove`` only removes).
"""

import datetime
import itertools
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from core.freshness import content_changed
from events.models import Event
from inquiries.models import Answer, Inquiry
from knowledge.models import Collection, Entry
from members.models import Member
from news.models import Article
from themes.models import Theme

PREFIX = "bench-"
MARK = "(Testdaten der Lastmessung)"
TOPICS = [
    "Kriminalprävention im Quartier", "Sicherheit auf Bahnhofsvorplätzen",
    "Alkoholverbote im öffentlichen Raum", "Videoschutz an Kriminalitätsschwerpunkten",
    "Nachtökonomie und Nachtbürgermeister", "Häusliche Gewalt und Beratungsangebote",
    "Extremismusprävention in Schulen", "Kommunaler Ordnungsdienst", "Krisenmanagement bei "
    "Großveranstaltungen", "Angsträume in Grünanlagen", "Sicherheitsaudits mit Bürgerbeteiligung",
    "Drogenkonsum im öffentlichen Raum", "Sicherheitspartnerschaften mit der Polizei",
    "Jugendgewalt und Streetwork", "Beleuchtung und Stadtgestaltung", "Hitzeschutz und "
    "Bevölkerungsschutz", "Kommunale Präventionsräte", "Wohnungslosigkeit und Sicherheit",
    "Messerverbotszonen", "Cybersicherheit in der Verwaltung",
]  # fmt: skip
PLACES = [
    "Hannover", "Essen", "Düsseldorf", "Stuttgart", "Nürnberg", "Freiburg", "Augsburg",
    "Mannheim", "Heidelberg", "Leipzig", "Dresden", "Bremen", "Köln", "Münster", "Kassel",
]  # fmt: skip
KINDS = ["Fachtag", "Arbeitstreffen", "Webinar", "Workshop", "Austausch", "Studienreise"]
SOURCES = ["Deutsches Institut für Urbanistik", "Deutsches Forum für Kriminalprävention",
           "Efus", "Landespräventionsrat Niedersachsen", "Stadt Freiburg", "Stadt Augsburg"]  # fmt: skip

EVENT_KINDS = [Event.Kind.EVENT, Event.Kind.WEBINAR, Event.Kind.WORKSHOP, Event.Kind.EXCHANGE]
AUDIENCES = [Event.Audience.PUBLIC, Event.Audience.MEMBERS, Event.Audience.INTERNAL]


def paragraph(topic: str, place: str, number: int) -> str:
    return (
        f"<p>In {place} berieten Fachleute aus Verwaltung, Polizei und Zivilgesellschaft über "
        f"{topic.lower()}. Die Stadt stellte ihre Erfahrungen aus {2015 + number % 10} vor und "
        f"lud die Mitglieder des Forums zum Austausch ein.</p><p>Im Mittelpunkt standen "
        f"Maßnahmen, die sich in anderen Städten bewährt haben, und die Frage, wie Prävention "
        f"und Ordnung im Alltag zusammenwirken.</p>"
    )


class Command(BaseCommand):
    help = "Erzeugt zehnmal so viele Inhalte wie die Demo, für make bench (nur in der Entwicklung)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove", action="store_true", help="Nur die erzeugten Inhalte löschen."
        )
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Anteil der Mengen (1 = zehnfache Demo)."
        )

    def handle(self, *args, **options):
        if not settings.DEVELOPMENT:
            raise CommandError("Testdaten werden nur in der Entwicklung angelegt (DJANGO_DEBUG=1).")
        members = list(Member.objects.order_by("pk"))
        themes = list(Theme.objects.filter(parent=None).order_by("pk"))
        if not members or not themes:
            raise CommandError("Zuerst die Demo laden: manage.py load_demo")
        with transaction.atomic():
            self.remove()
            if not options["remove"]:
                counts = self.create(members, themes, options["scale"])
            content_changed()  # bulk_create sends no signals
        # Statistics for the planner, as autovacuum would gather them after such a load
        # (PostgreSQL's advice after bulk loading): measured at once, the plans would be
        # made for the tables as they were before.
        with connection.cursor() as cursor:
            for model in (Article, Event, Collection, Entry, Inquiry, Answer):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        if options["remove"]:
            self.stdout.write("Erzeugte Inhalte gelöscht.")
        else:
            self.stdout.write(self.style.SUCCESS("Angelegt: " + ", ".join(counts)))

    @staticmethod
    def remove():
        Answer.objects.filter(inquiry__context__endswith=MARK).delete()
        Inquiry.objects.filter(context__endswith=MARK).delete()
        Collection.objects.filter(slug__startswith=PREFIX).delete()  # and their entries
        Event.objects.filter(slug__startswith=PREFIX).delete()
        Article.objects.filter(slug__startswith=PREFIX).delete()

    def create(self, members, themes, scale: float = 1.0) -> list[str]:

        def scaled(count: int) -> int:
            return max(1, round(count * scale))

        rng = random.Random(13)
        now = timezone.now()
        today = timezone.localdate()
        combos = list(itertools.product(TOPICS, PLACES))
        rng.shuffle(combos)

        articles = []
        for n in range(scaled(2000)):
            topic, place = combos[n % len(combos)]
            articles.append(
                Article(
                    title=f"{topic}: Erfahrungen aus {place} ({n + 1})",
                    slug=f"{PREFIX}meldung-{n + 1}",
                    teaser=f"Wie {place} mit dem Thema {topic.lower()} umgeht.",
                    body=paragraph(topic, place, n),
                    member=rng.choice(members) if n % 3 else None,
                    visibility=Article.Visibility.MEMBERS
                    if n % 7 == 0
                    else Article.Visibility.PUBLIC,
                    status=Article.Status.PUBLISHED if n % 10 else Article.Status.DRAFT,
                    published_at=now - datetime.timedelta(hours=6 * n + 1),
                )
            )
        articles = Article.objects.bulk_create(articles, batch_size=500)
        Through = Article.themes.through
        Through.objects.bulk_create(
            [Through(article_id=a.pk, theme_id=rng.choice(themes).pk) for a in articles],
            batch_size=1000,
        )

        events = []
        for n in range(scaled(1000)):
            topic, place = combos[(n * 7) % len(combos)]
            starts_on = today + datetime.timedelta(days=n - 700)
            events.append(
                Event(
                    title=f"{rng.choice(KINDS)}: {topic} in {place}",
                    slug=f"{PREFIX}termin-{n + 1}",
                    kind=rng.choice(EVENT_KINDS),
                    starts_on=starts_on,
                    starts_at_time=datetime.time(10) if n % 2 else None,
                    city=place,
                    venue="Rathaus" if n % 2 else "",
                    online=n % 5 == 0,
                    description=paragraph(topic, place, n),
                    audience=AUDIENCES[n % 3],
                    host=rng.choice(members),
                )
            )
        Event.objects.bulk_create(events, batch_size=500)

        collections = Collection.objects.bulk_create(
            [
                Collection(
                    title=f"Sammlung {topic} ({n + 1})",
                    slug=f"{PREFIX}sammlung-{n + 1}",
                    theme=themes[n % len(themes)],
                    description=f"Links, Dokumente und Notizen der Mitglieder zu {topic.lower()}.",
                )
                for n, topic in enumerate((TOPICS * 5)[: scaled(100)])
            ]
        )
        entries = []
        for n in range(scaled(10000)):
            topic, place = combos[(n * 11) % len(combos)]
            entries.append(
                Entry(
                    collection=collections[n % len(collections)],
                    kind=Entry.Kind.LINK if n % 4 else Entry.Kind.NOTE,
                    title=f"{topic} – Handreichung aus {place} ({n + 1})",
                    description=f"Konzept und Erfahrungsbericht aus {place} zu {topic.lower()}.",
                    url=f"https://www.{place.lower()}.de/praevention/{n + 1}" if n % 4 else "",
                    source=rng.choice(SOURCES),
                    date=today - datetime.timedelta(days=n % 3000),
                    tags=[topic.split()[0], place],
                    added_at=now - datetime.timedelta(hours=n),
                )
            )
        Entry.objects.bulk_create(entries, batch_size=1000)

        inquiries = []
        for n in range(scaled(200)):
            topic, place = combos[(n * 13) % len(combos)]
            asked_on = today - datetime.timedelta(days=3 * n)
            inquiries.append(
                Inquiry(
                    title=f"Abfrage {topic} ({n + 1})",
                    context=(
                        f"{place} fragt: Welche Erfahrungen haben Sie mit "
                        f"{topic.lower()}? Welche Regeln gelten, und wer setzt sie durch? " + MARK
                    ),
                    deadline=asked_on + datetime.timedelta(days=21),
                    asked_by_member=rng.choice(members),
                    created_at=timezone.make_aware(
                        datetime.datetime.combine(asked_on, datetime.time(9))
                    ),
                )
            )
        inquiries = Inquiry.objects.bulk_create(inquiries)
        answers = [
            Answer(
                inquiry=inquiry,
                member=member,
                text=f"<p>Bei uns in {member.name} gilt dazu eine Dienstanweisung; "
                "die Erfahrungen sind überwiegend gut.</p>",
            )
            for inquiry in inquiries
            for member in rng.sample(members, min(5, len(members)))
            if member != inquiry.asked_by_member
        ]
        Answer.objects.bulk_create(answers, batch_size=1000)
        return [
            f"{len(articles)} Meldungen",
            f"{len(events)} Termine",
            f"{len(entries)} Einträge in {len(collections)} Sammlungen",
            f"{len(inquiries)} Abfragen mit {len(answers)} Antworten",
        ]
