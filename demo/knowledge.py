"""Demo collections and documents, from the 2024 annual report and the DEFUS pages (../shared/seeds/).

The annual report names the five collections created in 2024; the fifteen older ones follow the
themes of the seeds: the Abfragen, the Austausch formats, the projects and the news of the members.
Every link points to a publication or project the seeds name. The documents are small PDFs
generated here, so the demo needs no files from elsewhere. Protocols, presentations and
documentation are linked to their events when events/demo.py has loaded them; the seeds name the
topics of the 26th and 27th general assembly, the text of the slides is written for the demo.
Two Abfragen of 2024 are filed into the collection on their topic. Idempotent.
"""

import datetime
import textwrap
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone

from documents.models import Document
from events.models import Event
from inquiries.models import Inquiry
from knowledge.models import Collection, CollectionVisit, Entry
from members.models import User
from projects.models import Project
from themes.models import Theme

LINK, DOCUMENT, NOTE = Entry.Kind.LINK, Entry.Kind.DOCUMENT, Entry.Kind.NOTE
OFFICE_EMAIL = "buero@defus.example"
MEMBER_EMAIL = "mitglied@defus.example"


def minimal_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page A4 PDF with a heading and some text (Helvetica, WinAnsi encoding)."""

    def text(value: str) -> bytes:
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return escaped.encode("cp1252", errors="replace")

    wrapped = [row for line in lines for row in (textwrap.wrap(line, 88) or [""])]
    content = b"BT /F1 16 Tf 56 780 Td (" + text(title) + b") Tj /F1 11 Tf 0 -28 Td 14 TL"
    for row in wrapped:
        content += b" (" + text(row) + b") Tj T*"
    content += b" ET"
    title_utf16 = ("\ufeff" + title).encode("utf-16-be").hex().upper().encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title <" + title_utf16 + b"> /Producer (DEFUS-Portal) >>",
    ]
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    return pdf


@dataclass
class DemoDocument:
    title: str
    filename: str
    date: datetime.date
    visibility: str
    description: str
    lines: list[str]
    project: str = ""  # acronym, linked when the projects are loaded
    kind: str = Document.Kind.OTHER
    event: str = ""  # slug of the event in events/demo.py, linked when it is loaded


PROTOCOL, PRESENTATION = Document.Kind.PROTOCOL, Document.Kind.PRESENTATION
DOCUMENTATION = Document.Kind.DOCUMENTATION


MEMBERS_ONLY, PUBLIC = Document.Visibility.MEMBERS, Document.Visibility.PUBLIC
DOCUMENTS = [
    DemoDocument(
        "Dokumentation der Studienreise Zürich 2024",
        "dokumentation-studienreise-zuerich-2024.pdf",
        datetime.date(2024, 7, 5),
        MEMBERS_ONLY,
        "22 Teilnehmende aus 13 Städten: akzeptierende Drogenpolitik, „Zürich schaut hin“ und "
        "Sicherheitsberichte als Steuerungsinstrument.",
        [
            "DEFUS-Studienreise nach Zürich, 4. und 5. Juli 2024.",
            "Drogenkonsum im öffentlichen Raum: Seit den Erfahrungen mit Platzspitz und Oberem "
            "Letten setzt Zürich auf ein ausdifferenziertes, akzeptierendes Angebot.",
            "Motto aller Akteure: Wir sind zuständig, bis wir die Person finden, die wirklich "
            "zuständig ist.",
            "Diskriminierung im öffentlichen Raum: das Projekt „Zürich schaut hin“ und sein "
            "niederschwelliges Meldetool.",
            "Sicherheitsberichte: Tillmann Schulze (EBP) zu partizipativ erstellten Berichten "
            "Schweizer Städte.",
        ],
        kind=DOCUMENTATION,
        event="defus-studienreise-nach-zuerich-2024-07-04",
    ),
    DemoDocument(
        "Dokumentation Fachtagung Digitalisierung der Sexarbeit",
        "dokumentation-fachtagung-digitalisierung-sexarbeit.pdf",
        datetime.date(2024, 9, 26),
        MEMBERS_ONLY,
        "Ergebnisse der Fachtagung in Essen (80 Teilnehmende), finanziert von der Stadt Essen.",
        [
            "Fachtagung Digitalisierung der Sexarbeit, September 2024 in Essen.",
            "Die Pandemie hat die Sexarbeit stark verändert: Beratungsangebote erreichen die "
            "Menschen schlechter, Kontrolle und Schutz vor Zwang und Gewalt sind schwieriger.",
            "Arbeitsgruppen: aufsuchende Arbeit im Netz, Umsetzung des "
            "Prostituiertenschutzgesetzes, Kooperation von Ordnungsamt, Polizei und Beratung.",
        ],
        kind=DOCUMENTATION,
        event="fachtagung-digitalisierung-der-sexarbeit-2024-09-10",
    ),
    DemoDocument(
        "Dokumentation Fachtagung Doing Crisis",
        "dokumentation-fachtagung-doing-crisis.pdf",
        datetime.date(2024, 11, 21),
        MEMBERS_ONLY,
        "„Doing Crisis: Politik, Praxis und Wissenschaft im Dialog“, 21. November 2024 in "
        "Hannover, ausgerichtet von DEFUS als Forschungspartner im Projekt LegiNot.",
        [
            "Fachtagung Doing Crisis: Politik, Praxis und Wissenschaft im Dialog.",
            "21. November 2024, Hannover, 65 Teilnehmende.",
            "Im Vordergrund stand der Austausch zwischen Politik, Wissenschaft und kommunaler "
            "Praxis und die gemeinsame Suche nach Antworten auf aktuelle Herausforderungen des "
            "Krisenmanagements.",
        ],
        project="LegiNot",
        kind=DOCUMENTATION,
        event="fachtagung-doing-crisis-politik-praxis-und-wissenschaft-im-dialog-2024-11-21",
    ),
    DemoDocument(
        "Leitgedanken zum Umgang mit marginalisierten Gruppen im öffentlichen Raum",
        "leitgedanken-marginalisierte-gruppen.pdf",
        datetime.date(2025, 1, 15),
        PUBLIC,
        "Verabschiedet auf der 27. Mitgliederversammlung in Gelsenkirchen; bis Ende 2024 von "
        "15 Mitgliedsstädten unterzeichnet.",
        [
            "Leitgedanken der DEFUS-Mitglieder zum Umgang mit marginalisierten Gruppen im "
            "öffentlichen Raum.",
            "Armut und Marginalisierung haben viele gesellschaftspolitische, wirtschaftliche und "
            "soziale Ursachen. Stadtverwaltungen müssen ihre Problemlagen kritisch beleuchten "
            "und klar benennen.",
            "Im Einzelfall ist zu klären, inwieweit Hilfestellung und/oder ordnungsrechtliches "
            "Einschreiten zur Problemlösung beitragen.",
            "Die Leitgedanken sind keine Verpflichtungserklärung der Mitglieder.",
        ],
        event="27-mitgliederversammlung",
    ),
    DemoDocument(
        "Protokoll der 27. Mitgliederversammlung",
        "protokoll-27-mitgliederversammlung.pdf",
        datetime.date(2024, 9, 20),
        MEMBERS_ONLY,
        "Gelsenkirchen, 19. und 20. September 2024: Wahl des Vorstands, Leitgedanken zu "
        "marginalisierten Gruppen, Jugendkriminalität, „KI meets Ordnung“ und ELSA.",
        [
            "27. Mitgliederversammlung, Gelsenkirchen, 20. September 2024.",
            "TOP 1: Wahl von Christian Kromberg zum Vorsitzenden und Dr. Volker Proffen zum "
            "stellvertretenden Vorsitzenden.",
            "TOP 2: Aktivitätenbericht der Geschäftsstelle.",
            "TOP 3: Verabschiedung der Leitgedanken zu marginalisierten Gruppen im öffentlichen "
            "Raum.",
            "TOP 4: Vortrag Jugendkriminalität (Prof. Dr. Susann Prätor).",
            "TOP 5: „KI meets Ordnung“ und das Frühwarnsystem ELSA.",
        ],
        kind=PROTOCOL,
        event="27-mitgliederversammlung",
    ),
    DemoDocument(
        "Präsentation KI meets Ordnung, Gelsenkirchen",
        "praesentation-ki-meets-ordnung-gelsenkirchen.pdf",
        datetime.date(2024, 9, 20),
        MEMBERS_ONLY,
        "Die Folien zum Gelsenkirchener Projekt „KI meets Ordnung“, vorgestellt auf der "
        "27. Mitgliederversammlung.",
        [
            "„KI meets Ordnung“ – ein Projekt der Stadt Gelsenkirchen.",
            "27. Mitgliederversammlung, Gelsenkirchen, 20. September 2024.",
            "Ausgangslage: Meldungen und Kontrollen des Ordnungsdienstes sollen schneller "
            "ausgewertet werden, um Einsätze in den Quartieren besser zu planen.",
            "Vorgehen: Erprobung von KI-gestützten Auswertungen in enger Abstimmung mit dem "
            "Datenschutz und der Personalvertretung.",
            "Zur Diskussion: Welche Daten dürfen genutzt werden, und wer entscheidet am Ende?",
        ],
        kind=PRESENTATION,
        event="27-mitgliederversammlung",
    ),
    DemoDocument(
        "Protokoll der 26. Mitgliederversammlung",
        "protokoll-26-mitgliederversammlung.pdf",
        datetime.date(2024, 5, 16),
        MEMBERS_ONLY,
        "Online, 16. Mai 2024: Bericht der Kassenprüfer, Entlastung des Vorstands und "
        "demokratische Resilienz.",
        [
            "26. Mitgliederversammlung, online, 16. Mai 2024.",
            "TOP 1: Bericht der Kassenprüfer.",
            "TOP 2: Entlastung des Vorstands.",
            "TOP 3: Demokratische Resilienz – die Rolle der Kommunen in Zeiten steigender "
            "Demokratiefeindlichkeit (Kurt Faller).",
        ],
        kind=PROTOCOL,
        event="26-mitgliederversammlung",
    ),
]

# Abfragen of 2024 that the office filed into the collection on their topic.
FILED_INQUIRIES = {
    "Maßnahmen gegen K.O. Tropfen": "k-o-tropfen",
    "Konflikt- und Gewaltprävention in Freibädern": "freibaeder",
}


@dataclass
class DemoEntry:
    kind: str
    title: str
    source: str
    date: datetime.date | None
    description: str
    url: str = ""
    document: str = ""  # title of a DemoDocument
    tags: list[str] = field(default_factory=list)
    days_ago: int = 0  # 0: added on its date; otherwise added that many days before loading


def link(title, url, source, date, description, tags=(), days_ago=0) -> DemoEntry:
    return DemoEntry(LINK, title, source, date, description, url=url, tags=list(tags),
                     days_ago=days_ago)  # fmt: skip


def note(title, source, date, description, tags=(), days_ago=0) -> DemoEntry:
    return DemoEntry(NOTE, title, source, date, description, tags=list(tags), days_ago=days_ago)


def document(title, source, description, tags=()) -> DemoEntry:
    date = next(spec.date for spec in DOCUMENTS if spec.title == title)
    return DemoEntry(DOCUMENT, title, source, date, description, document=title, tags=list(tags))


D = datetime.date
COLLECTIONS = [
    # The five collections of 2024 (annual report 2024, "Neue Informationssammlungen").
    {
        "slug": "desinformation-hass-polarisierung",
        "title": "Sammlung Desinformation, Hass und Polarisierung",
        "theme": "desinformation-hass-polarisierung",
        "created": D(2024, 3, 4),
        "description": "Wie Kommunen mit Desinformation, Hassrede und wachsender Polarisierung "
        "umgehen: Studien, Trainings und Projekte, von der Prävention im Netz bis zu "
        "emotionalisierten Debatten in Bürgerversammlungen.",
        "entries": [
            link(
                "Pufii – Prävention von Diskriminierung und Demokratiefeindlichkeit",
                "https://www.pufii.de/",
                "Deutscher Präventionstag und DEFUS",
                D(2024, 10, 1),
                "Die Informationsplattform von DPT und DEFUS, seit dem Rebranding im Oktober "
                "2024 mit dem Schwerpunkt Diskriminierung, Extremismus und "
                "Demokratiefeindlichkeit. Rund 50.000 Besuche im Monat.",
                ["Pufii", "Demokratiefeindlichkeit"],
            ),
            link(
                "RALLY – pReventing hAte speech locaLLY (Antrag)",
                "https://efus.eu/",
                "Efus",
                D(2024, 11, 15),
                "Efus-Antrag gegen Hassrede online und offline, mit der DEFUS-Geschäftsstelle, "
                "Freiburg und Mannheim. Die Förderentscheidung steht noch aus.",
                ["Hassrede", "EU-Förderung"],
            ),
            link(
                "Mit Trick 17 gegen Polarisierung und Extremismus",
                "https://www.pufii.de/",
                "DEFUS-Austausch",
                D(2024, 6, 12),
                "Aufsuchende Präventionsarbeit im öffentlichen Raum: Präsentation und Notizen "
                "aus dem Online-Austausch im Juni 2024.",
                ["aufsuchende Arbeit"],
            ),
            note(
                "Demokratische Resilienz in emotionalisierten Debatten",
                "DEFUS-Geschäftsstelle",
                D(2025, 1, 20),
                "Pufii-Training mit Dorothea Faller, Kurt Faller und Winfried Kneip "
                "(CommunAid): Ein sachliches Gespräch gelingt nur, wenn gleichzeitig klug auf die "
                "Emotionen eingegangen wird. Termin und Anmeldung stehen unter Termine.",
                ["Training", "Kommunikation"],
                days_ago=3,
            ),
        ],
    },
    {
        "slug": "marginalisierte-gruppen",
        "title": "Sammlung Marginalisierte Gruppen im öffentlichen Raum",
        "theme": "marginalisierte-gruppen",
        "created": D(2024, 2, 12),
        "description": "Menschen, die ihren Lebensmittelpunkt auf der Straße haben, konkurrieren "
        "in verdichteten öffentlichen Räumen mit anderen Interessen. Die Sammlung bündelt "
        "Konzepte zwischen Hilfe und Ordnungsrecht, die Leitgedanken der Mitglieder und "
        "Beispiele aus Zürich, Hannover und anderen Städten.",
        "entries": [
            document(
                "Leitgedanken zum Umgang mit marginalisierten Gruppen im öffentlichen Raum",
                "DEFUS",
                "Verabschiedet auf der 27. Mitgliederversammlung in Gelsenkirchen.",
                ["Leitgedanken"],
            ),
            document(
                "Dokumentation der Studienreise Zürich 2024",
                "DEFUS",
                "Pragmatischer und akzeptierender Umgang mit Sucht und Drogen: „Wir sind "
                "zuständig, bis wir die Person finden, die wirklich zuständig ist.“",
                ["Zürich", "Studienreise"],
            ),
            link(
                "Müllbeseitigung vor dem Stellwerk – die Szene putzt selbst",
                "https://www.hannover.de/",
                "Landeshauptstadt Hannover",
                D(2025, 2, 5),
                "Mittwochs sammeln abhängigkeitserkrankte Menschen am Kontakt- und Konsumraum "
                "Stellwerk Müll und reinigen den Vorplatz selbst.",
                ["Hannover", "Drogenszene", "Beteiligung"],
            ),
            link(
                "Sichere Städte – marginalisierte Gruppen im öffentlichen Raum",
                "https://difu.de/",
                "Difu und DEFUS",
                D(2025, 5, 15),
                "Seminar in Berlin: planerische sowie sozial- und ordnungspolitische "
                "Lösungsansätze für „Sicherheit für Alle!“ im öffentlichen Raum.",
                ["Seminar", "Difu"],
                days_ago=5,
            ),
            link(
                "Podcast „Hannover macht das!“, Folge 3: Obdach- und Wohnungslosigkeit",
                "https://www.hannover.de/",
                "Landeshauptstadt Hannover",
                D(2025, 11, 10),
                "Oberbürgermeister Belit Onay und Martin Brüning im Gespräch mit "
                "Diakoniepastor Friedhelm Feldkamp.",
                ["Wohnungslosigkeit", "Podcast"],
            ),
        ],
    },
    {
        "slug": "weiterentwicklung-kommunale-praevention",
        "title": "Strategische Weiterentwicklung der kommunalen Prävention",
        "theme": "kommunale-praevention",
        "created": D(2024, 2, 20),
        "description": "Von der kommunalen Kriminalprävention zu einer urbanen "
        "Sicherheitsgovernance: Ergebnisse der Workshops in Mannheim und Cottbus, der Abfrage "
        "vom November 2024 und Beispiele für neu ausgerichtete Präventionsstrukturen.",
        "entries": [
            note(
                "Workshop in Mannheim am 15. Februar 2024",
                "DEFUS-Geschäftsstelle",
                D(2024, 2, 15),
                "Vertreter*innen aus acht Mitgliedsstädten und Wissenschaftler*innen "
                "diskutierten, wie sich die kommunale Prävention strategisch weiterentwickeln "
                "muss. Kernfrage: langfristige Strategien trotz kurzfristigem politischem Druck.",
                ["Workshop", "Governance"],
            ),
            link(
                "Kommunale Prävention im Wandel! – Wie kann Veränderung gelingen?",
                "https://www.praeventionstag.de/",
                "Anna Rau, Janina Hentschel (DPT-Band)",
                D(2025, 4, 1),
                "Fachartikel zur langfristigen Weiterentwicklung der kommunalen "
                "Präventionsarbeit, aus dem Diskussions- und Befragungsprozess bei DEFUS.",
                ["Fachartikel"],
            ),
            link(
                "Integrierte kommunale Präventionsstrategie Essen",
                "https://www.essen.de/",
                "Stadt Essen",
                D(2024, 3, 20),
                "Eckpunkte, die der Rat im März 2024 beschlossen hat: Grundlage für die Essener "
                "Präventionskette für das gelingende Aufwachsen von Kindern und Jugendlichen.",
                ["Essen", "Präventionskette"],
            ),
            link(
                "Jahresbericht des Augsburger Büros für Kommunale Prävention",
                "https://www.augsburg.de/",
                "Stadt Augsburg",
                D(2025, 12, 1),
                "Höhepunkte und Ereignisse der gemeinsamen Präventionsarbeit in Augsburg.",
                ["Augsburg", "Jahresbericht"],
                days_ago=2,
            ),
            link(
                "30 Jahre Kommunaler Präventionsrat Hannover",
                "https://www.hannover.de/",
                "Landeshauptstadt Hannover",
                D(2025, 12, 1),
                "„Hannover ein Stück sicherer und lebenswerter“: Rückblick auf drei Jahrzehnte "
                "Präventionsarbeit mit Verwaltung, Polizei, Wissenschaft und Zivilgesellschaft.",
                ["Hannover", "Präventionsrat"],
            ),
        ],
    },
    {
        "slug": "organisierte-kriminalitaet",
        "title": "Organisierte Kriminalität",
        "theme": "organisierte-kriminalitaet",
        "created": D(2024, 5, 6),
        "description": "Was Kommunen gegen Organisierte Kriminalität tun können: Lagebilder, "
        "verwaltungsrechtliche Ansätze und europäische Projekte.",
        "entries": [
            link(
                "Lagebild Organisierte Kriminalität Berlin 2023",
                "https://www.berlin.de/polizei/",
                "Polizei Berlin",
                D(2024, 9, 1),
                "In zwei Dritteln der Berliner OK-Komplexe bestanden Verbindungen ins Ausland; "
                "beim Rauschgifthandel nutzte fast die Hälfte kryptierte Kommunikation "
                "(EncroChat).",
                ["Lagebild", "Berlin"],
            ),
            link(
                "Prevention of organised crime (ISFP-Antrag mit der Stadt Essen)",
                "https://efus.eu/",
                "Efus",
                D(2024, 10, 1),
                "Efus-Antrag in der Förderlinie ISFP mit Beteiligung der Stadt Essen; derzeit "
                "auf der Warteliste.",
                ["EU-Förderung", "Essen"],
            ),
            link(
                "IcARUS – Innovative AppRoaches to Urban Security",
                "https://www.icarus-innovation.eu/",
                "Efus",
                D(2024, 8, 31),
                "17 Partner aus 12 Ländern, darunter Stuttgart, entwickelten mit Design "
                "Thinking sechs Maßnahmen, unter anderem gegen Menschenhandel und organisierte "
                "Kriminalität.",
                ["IcARUS", "Stuttgart"],
            ),
        ],
    },
    {
        "slug": "digitalisierung-sexarbeit",
        "title": "Digitalisierung der Sexarbeit und Herausforderungen für die Kommunen",
        "theme": "sexarbeit",
        "created": D(2024, 4, 8),
        "description": "Die Pandemie hat die Sexarbeit stark verändert. Wie erreichen Kommunen "
        "Sexarbeitende, wenn die Anbahnung ins Netz wandert? Ergebnisse der Mailabfrage 2023, "
        "der Fachtagung in Essen und der Stand zum Prostituiertenschutzgesetz.",
        "entries": [
            document(
                "Dokumentation Fachtagung Digitalisierung der Sexarbeit",
                "DEFUS",
                "Ergebnisse der Fachtagung im September 2024 in Essen mit 80 Teilnehmenden.",
                ["Fachtagung", "Essen"],
            ),
            note(
                "Ergebnis der Mailabfrage vom März 2023",
                "DEFUS-Geschäftsstelle",
                D(2023, 3, 31),
                "Die Mitglieder erreichen Menschen in der Sexarbeit seit der Pandemie "
                "schlechter; Kontrolle sowie Schutz vor Zwang und Gewalt sind schwieriger "
                "geworden. Die Idee einer gemeinsamen App ließ sich 2024 nicht finanzieren.",
                ["Mailabfrage", "Prostituiertenschutzgesetz"],
            ),
            link(
                "Evaluation des Prostituiertenschutzgesetzes",
                "https://www.bmfsfj.de/",
                "Bundesministerium für Familie, Senioren, Frauen und Jugend",
                D(2025, 6, 1),
                "Der Evaluationsbericht sollte 2025 erscheinen; die Debatte über ein "
                "„Sexkaufverbot“ gewinnt an Zuspruch.",
                ["ProstSchG", "Evaluation"],
            ),
        ],
    },
    # Fifteen older collections along the themes of the seeds.
    {
        "slug": "kommunales-krisenmanagement",
        "title": "Kommunales Krisenmanagement",
        "theme": "krisenmanagement",
        "created": D(2021, 6, 1),
        "description": "Aus der Pandemie lernen: Forschungsergebnisse aus PanReflex und "
        "LegiNot, Fortbildungen für Verwaltungen und Praxisbeispiele für ein resilientes "
        "Krisenhandeln der Kommunen.",
        "entries": [
            link(
                "Wissensplattform Kommunales Krisenmanagement",
                "https://www.kommunaleskrisenmanagement.de/",
                "PanReflex (DEFUS und Difu)",
                D(2024, 12, 1),
                "Forschungsergebnisse, Literatur und Praxisbeispiele zum kommunalen "
                "Krisenmanagement und zur urbanen Resilienz an einem Ort.",
                ["PanReflex", "Wissensplattform"],
            ),
            document(
                "Dokumentation Fachtagung Doing Crisis",
                "DEFUS / LegiNot",
                "Politik, Praxis und Wissenschaft im Dialog: Ergebnisse der Fachtagung am "
                "21. November 2024 in Hannover.",
                ["LegiNot", "Fachtagung"],
            ),
            link(
                "LegiNot – Legitimation des Notfalls",
                "https://www.leginot.de/",
                "Forschungsverbund LegiNot",
                D(2024, 11, 14),
                "Legitimationswandel im Notfall; Webinar „Kommunen in der Polykrise“ mit einem "
                "Input von Anna Rau.",
                ["LegiNot", "Polykrise"],
            ),
            link(
                "Webinarreihe „Lernen aus der Pandemie für eine resiliente Kommune“",
                "https://www.panreflex.de/",
                "PanReflex",
                D(2024, 10, 15),
                "Soziale Kohäsion und Resilienz, After Action Review und Pandemieplanung, "
                "inklusiver Katastrophenschutz: Präsentationen der Webinare.",
                ["Webinar", "PanReflex"],
            ),
            note(
                "Seminar „Verwaltung kann Krise!“",
                "Difu und DEFUS",
                D(2024, 9, 12),
                "Fortbildungsseminar in Berlin mit 20 Teilnehmenden. Eine Erkenntnis: Die "
                "Krisenkompetenz muss auch außerhalb der Krisenstäbe gestärkt werden.",
                ["Fortbildung"],
            ),
        ],
    },
    {
        "slug": "messerverbote-waffenverbotszonen",
        "title": "Messerverbote und Waffenverbotszonen",
        "theme": "oeffentlicher-raum",
        "created": D(2022, 9, 5),
        "description": "Waffen- und Messerverbotszonen, Kontrollen und Prävention bei Kindern "
        "und Jugendlichen: Erfahrungen der Mitgliedsstädte und die Ergebnisse der Abfrage vom "
        "April 2024.",
        "entries": [
            note(
                "Abfrage April 2024: Messer bei Kindern und Jugendlichen",
                "DEFUS-Geschäftsstelle",
                D(2024, 4, 30),
                "Präventive und intervenierende Maßnahmen sowie Projekte gegen das Mitführen "
                "von Messern bei Kindern und Jugendlichen: Zusammenfassung der Antworten aus "
                "den Mitgliedsstädten.",
                ["Abfrage", "Jugendliche"],
            ),
            link(
                "Waffenverbotszonen in Nordrhein-Westfalen",
                "https://www.lpr.nrw.de/",
                "Landespräventionsrat Nordrhein-Westfalen",
                D(2024, 10, 1),
                "Überblick über die rechtlichen Grundlagen und die Erfahrungen der Städte in NRW.",
                ["NRW", "Waffenrecht"],
            ),
            link(
                "Jugendkriminalität: Vortrag auf der 27. Mitgliederversammlung",
                "https://www.gelsenkirchen.de/",
                "Prof. Dr. Susann Prätor",
                D(2024, 9, 20),
                "Entwicklung der Gewaltdelinquenz junger Menschen und was Kommunen präventiv "
                "tun können.",
                ["Jugendkriminalität"],
            ),
        ],
    },
    {
        "slug": "k-o-tropfen",
        "title": "K.-o.-Tropfen",
        "theme": "oeffentlicher-raum",
        "created": D(2023, 10, 9),  # before 2024: the report counts only five new ones
        "description": "Kampagnen, Schulungen für Clubs und Gastronomie und Hilfe für "
        "Betroffene: was Städte gegen K.-o.-Tropfen im Nachtleben unternehmen.",
        "entries": [
            note(
                "Abfrage März 2024: Maßnahmen gegen K.-o.-Tropfen",
                "DEFUS-Geschäftsstelle",
                D(2024, 3, 28),
                "Die Antworten reichen von Awareness-Teams und Testarmbändern über Schulungen "
                "des Barpersonals bis zu Kampagnen mit der Polizei.",
                ["Abfrage", "Nachtleben"],
            ),
            link(
                "Diskriminierungssensible Orte im Zürcher Nachtleben",
                "https://www.stadt-zuerich.ch/",
                "Stadt Zürich",
                D(2024, 7, 5),
                "Besuch eines Jugendhauses und eines Nachtclubs während der DEFUS-Studienreise.",
                ["Zürich", "Nachtleben"],
            ),
            link(
                "Nachtleben und Sicherheit",
                "https://efus.eu/",
                "Efus",
                D(2023, 11, 1),
                "Europäische Beispiele für sichere Nächte: Nachtbürgermeister*innen, "
                "Awareness-Konzepte und Kooperation mit Clubs.",
                ["Europa"],
            ),
        ],
    },
    {
        "slug": "sicherheit-an-schulen",
        "title": "Sicherheit an Schulen",
        "theme": "friedliches-zusammenleben",
        "created": D(2023, 1, 16),
        "description": "Baulich-technische und präventiv-pädagogische Maßnahmen für sichere "
        "Schulen, Amok- und Krisenpläne und Gewaltprävention im Schulumfeld.",
        "entries": [
            link(
                "„Schule als sicherer Ort“: Erste Maßnahmen beschlossen",
                "https://www.essen.de/",
                "Stadt Essen",
                D(2025, 9, 24),
                "In einer Pilotphase setzt Essen zwei baulich-technische Maßnahmen um; dazu "
                "kommen präventiv-pädagogische Schritte.",
                ["Essen", "Konzept"],
            ),
            link(
                "Sicherheit an Schulen: Auftakt zur Gesprächsreihe",
                "https://www.essen.de/",
                "Stadt Essen",
                D(2025, 11, 26),
                "Oberbürgermeister Thomas Kufen im Gespräch mit den Elternpflegschaften aus "
                "Borbeck; die Reihe führt durch alle Stadtbezirke.",
                ["Essen", "Beteiligung"],
                days_ago=4,
            ),
            link(
                "Gewaltprävention an Schulen",
                "https://www.praeventionstag.de/",
                "Deutscher Präventionstag",
                D(2023, 5, 1),
                "Vorträge und Materialien aus dem Kongressarchiv des Deutschen Präventionstages.",
                ["Gewaltprävention"],
            ),
        ],
    },
    {
        "slug": "istanbul-konvention",
        "title": "Umsetzung der Istanbul-Konvention",
        "theme": "haeusliche-gewalt",
        "created": D(2022, 11, 25),
        "description": "Wie Kommunen die Istanbul-Konvention gegen geschlechtsspezifische und "
        "häusliche Gewalt umsetzen: Aktionspläne, Koordinierungsstellen und der DEFUS-Austausch "
        "vom Februar 2024.",
        "entries": [
            link(
                "Freiburg gegen Gewalt",
                "https://www.freiburg.de/",
                "Stadt Freiburg",
                D(2024, 11, 1),
                "Der Gemeinderat hat einen Aktionsplan mit konkreten Maßnahmen für den "
                "Doppelhaushalt 25/26 beauftragt; eine Webseite bündelt den Stand der "
                "Umsetzung.",
                ["Freiburg", "Aktionsplan"],
            ),
            link(
                "Gleichstellungsaktionsplan 2024–2027 mit 218 Maßnahmen",
                "https://www.nuernberg.de/",
                "Stadt Nürnberg",
                D(2024, 9, 1),
                "Der 5. Gleichstellungsaktionsplan enthält einen kommunalen Aktionsplan gegen "
                "geschlechtsspezifische und häusliche Gewalt.",
                ["Nürnberg", "Aktionsplan"],
            ),
            note(
                "DEFUS-Austausch: Umsetzung der Istanbul-Konvention",
                "DEFUS-Geschäftsstelle",
                D(2024, 2, 21),
                "Online-Austausch: Wo ist die Koordinierung angesiedelt, wie werden Maßnahmen "
                "finanziert, wie wird Gewalt im öffentlichen Raum einbezogen?",
                ["Austausch"],
            ),
        ],
    },
    {
        "slug": "drug-checking",
        "title": "Drug-Checking und Drogenkonsum im öffentlichen Raum",
        "theme": "drogen-und-sucht",
        "created": D(2022, 4, 4),
        "description": "Offene Drogenszenen, Konsumräume und Drug-Checking: akzeptierende und "
        "ordnungspolitische Ansätze, von Zürich bis Berlin, und die Efus-Resolution zur "
        "Drogenkrise.",
        "entries": [
            link(
                "Berliner Drug-Checking-Projekt zeigt Wirkung",
                "https://www.berlin.de/",
                "Hauptstadt Berlin",
                D(2024, 10, 1),
                "„Analysegestützte Beratung – Drug-Checking“: Gesundheitsrisiken sinken, und "
                "Menschen mit Substanzkonsum finden niedrigschwellig zu Hilfsangeboten.",
                ["Berlin", "Drug-Checking"],
            ),
            document(
                "Dokumentation der Studienreise Zürich 2024",
                "DEFUS",
                "Kontakt- und Anlaufstelle Kaserne, Drogeninformationszentrum DIZ und die "
                "Regionalwache Aussersihl.",
                ["Zürich", "Konsumraum"],
            ),
            link(
                "Efus-Resolution zur Drogenkrise",
                "https://efus.eu/",
                "Efus",
                D(2024, 12, 5),
                "Beim Exekutivkomitee in Köln gefordert: eine Koalition von 50 europäischen "
                "Städten und Regionen gegen drogenbedingte Gewalt und Kriminalität.",
                ["Efus", "Köln"],
            ),
        ],
    },
    {
        "slug": "sicherheit-im-bahnhofsviertel",
        "title": "Sicherheit im Bahnhofsviertel",
        "theme": "bahnhofsviertel",
        "created": D(2021, 2, 1),
        "description": "Die Community of Practice aus dem Forschungsprojekt SiBa: Webinare, "
        "Workshops und schnelle Maßnahmen für mehr Sicherheit und Sauberkeit an Bahnhöfen.",
        "entries": [
            note(
                "Abfrage Februar 2024: Schnelle Maßnahmen am Bahnhof",
                "DEFUS-Geschäftsstelle",
                D(2024, 2, 29),
                "Provisorische und schnell umsetzbare Maßnahmen für mehr Sicherheit und "
                "Sauberkeit am Bahnhof: Beleuchtung, Reinigungsintervalle, Präsenzstreifen.",
                ["Abfrage", "Sauberkeit"],
            ),
            link(
                "SiBa-Webinar: Dortmunder Sonderstab Ordnung und Stadtleben",
                "https://www.dortmund.de/",
                "Stadt Dortmund",
                D(2024, 11, 6),
                "Webinar der Community of Practice mit 52 Teilnehmenden.",
                ["SiBa", "Dortmund"],
            ),
            link(
                "SiBa-Workshop 2025: Das Frankfurter Bahnhofsviertel",
                "https://frankfurt.de/",
                "Prof. Dr. Rita Haverkamp, Dr. Tim Lukas, DEFUS",
                D(2025, 3, 13),
                "Gemeinsam Lösungsideen für verzwickte Probleme finden: Workshop in Frankfurt "
                "am Main.",
                ["SiBa", "Frankfurt"],
            ),
            link(
                "Sichere Bahnhöfe für Alle",
                "https://www.uni-tuebingen.de/",
                "Universität Tübingen",
                D(2024, 2, 7),
                "SiBa-Webinar mit 54 Teilnehmenden.",
                ["SiBa"],
            ),
        ],
    },
    {
        "slug": "hass-und-hetze-gegen-amtstraeger",
        "title": "Hass und Hetze gegen Amtsträger*innen",
        "theme": "sicherheitsverwaltung",
        "created": D(2021, 10, 4),
        "description": "Schutz von Beschäftigten, Mandatsträger*innen und Ehrenamtlichen vor "
        "Anfeindungen, Bedrohungen und Angriffen, online wie offline.",
        "entries": [
            note(
                "DEFUS-Austausch Juni 2024: Hass und Hetze gegen Amtsträger*innen",
                "DEFUS-Geschäftsstelle",
                D(2024, 6, 20),
                "Aktuelle Informationen und Projekte zum Schutz von Mitarbeitenden in der "
                "Kommune: Meldewege, Sicherheitskonzepte für Bürgerbüros, Rechtsberatung.",
                ["Austausch", "Beschäftigtenschutz"],
            ),
            link(
                "OSPREY: Online Safety and Security for Public-Facing Professionals",
                "https://efus.eu/",
                "Efus",
                D(2024, 11, 20),
                "Efus-Antrag mit der Stadt Köln zur Online-Sicherheit von Beschäftigten mit "
                "Publikumskontakt und zur demokratischen Resilienz.",
                ["Köln", "EU-Förderung"],
            ),
            link(
                "Stark im Amt",
                "https://www.stark-im-amt.de/",
                "Körber-Stiftung",
                D(2023, 6, 1),
                "Portal für Kommunalpolitiker*innen mit Hilfe bei Hass, Hetze und Gewalt.",
                ["Kommunalpolitik"],
            ),
        ],
    },
    {
        "slug": "kommunaler-ordnungsdienst",
        "title": "Kommunaler Ordnungsdienst",
        "theme": "sicherheitsverwaltung",
        "created": D(2021, 3, 15),
        "description": "Aufgaben, Ausstattung und Zusammenarbeit der kommunalen Ordnungsdienste "
        "mit Polizei und Stadtgesellschaft, einschließlich neuer Technik.",
        "entries": [
            link(
                "KI meets Ordnung",
                "https://www.gelsenkirchen.de/",
                "Stadt Gelsenkirchen",
                D(2024, 9, 20),
                "Wie Gelsenkirchen künstliche Intelligenz im Ordnungsdienst erprobt; "
                "vorgestellt auf der 27. Mitgliederversammlung.",
                ["Gelsenkirchen", "KI"],
            ),
            link(
                "EQAL: Polizei, Ordnungsdienst und Stadtgesellschaft",
                "https://www.duesseldorf.de/",
                "Landeshauptstadt Düsseldorf",
                D(2025, 2, 12),
                "Quartiersbezogenes Austausch- und Lernprogramm; die Ergebnisse wurden den "
                "DEFUS-Mitgliedern exklusiv online vorgestellt.",
                ["Düsseldorf", "Polizei"],
            ),
            note(
                "Abfrage Januar 2024: Apps zur Meldung von Ordnungswidrigkeiten",
                "DEFUS-Geschäftsstelle",
                D(2024, 1, 31),
                "Erfahrungen der Mitglieder mit Mängelmeldern und Apps, über die Bürger*innen "
                "Ordnungswidrigkeiten melden.",
                ["Abfrage", "Apps"],
            ),
            link(
                "Schulung: KI für die kommunale Präventions- und Sicherheitsarbeit nutzen",
                "https://efus.eu/",
                "Efus",
                D(2026, 1, 15),
                "Zweijähriges Schulungsprogramm.",
                ["KI", "Fortbildung"],
                days_ago=1,
            ),
        ],
    },
    {
        "slug": "sicherheitsberichte-lagebilder",
        "title": "Sicherheitsberichte und Lagebilder",
        "theme": "kommunale-praevention",
        "created": D(2022, 1, 24),
        "description": "Kommunale Sicherheitsberichte, Sicherheitsaudits und Lagebilder als "
        "strategisches Steuerungsinstrument, von Schweizer Städten bis zum Frühwarnsystem ELSA.",
        "entries": [
            link(
                "Sicherheitsberichte Schweizer Städte",
                "https://www.ebp.ch/",
                "EBP",
                D(2024, 7, 4),
                "Tillmann Schulze zu regelmäßigen, partizipativ erstellten Sicherheitsberichten "
                "als Grundlage der Sicherheitsstrategie.",
                ["Zürich", "Sicherheitsbericht"],
            ),
            link(
                "ELSA: evidenzbasiertes Frühwarnsystem für Stadtquartiere",
                "https://www.gelsenkirchen.de/",
                "Stadt Gelsenkirchen",
                D(2024, 9, 20),
                "Risikobewertung von Stadtquartieren, vorgestellt auf der 27. "
                "Mitgliederversammlung.",
                ["Frühwarnsystem"],
            ),
            link(
                "Lagebild Organisierte Kriminalität Berlin 2023",
                "https://www.berlin.de/polizei/",
                "Polizei Berlin",
                D(2024, 9, 1),
                "Beispiel für ein jährliches Lagebild.",
                ["Lagebild"],
            ),
            link(
                "Psychosoziales Lagebild",
                "https://www.kommunaleskrisenmanagement.de/",
                "PanReflex",
                D(2025, 1, 22),
                "Webinar „Auf dem Weg zur resilienten Kommune – gute Beispiele und neue Ideen“.",
                ["PanReflex", "Webinar"],
            ),
        ],
    },
    {
        "slug": "extremismuspraevention",
        "title": "Extremismus- und Radikalisierungsprävention",
        "theme": "extremismuspraevention",
        "created": D(2021, 1, 11),
        "description": "Kommunale Strukturen gegen Radikalisierung und für gesellschaftlichen "
        "Zusammenhalt: Fachberatung, Netzwerke und die Ergebnisse der Abfrage vom Dezember 2024.",
        "entries": [
            link(
                "Kommunale Fachberatung: Prävention und gesellschaftlicher Zusammenhalt",
                "https://www.bamf.de/",
                "Bundesamt für Migration und Flüchtlinge",
                D(2024, 4, 1),
                "Modellprojekt, das kommunale Akteure beim Aufbau multiprofessioneller "
                "Strukturen gegen Radikalisierung unterstützt; DEFUS sitzt im Fachbeirat.",
                ["Fachberatung"],
            ),
            link(
                "Kompetenznetzwerk Islamistischer Extremismus (KN:IX)",
                "https://kn-ix.de/",
                "KN:IX",
                D(2024, 10, 1),
                "Nach fünf Jahren Laufzeit 2024 beendet; DEFUS war im Beirat.",
                ["Islamismus"],
            ),
            note(
                "Abfrage Dezember 2024: Konzepte der Radikalisierungsprävention",
                "DEFUS-Geschäftsstelle",
                D(2024, 12, 16),
                "Welche Städte haben ein schriftliches Konzept, wo ist die Koordination "
                "angesiedelt, und wie wird es evaluiert?",
                ["Abfrage"],
            ),
            link(
                "Webinarreihe Extremistische Radikalisierung (LIAISE 2)",
                "https://www.praeventionstag.de/",
                "DEFUS und dpt-i",
                D(2017, 4, 6),
                "Webinare für Fachkräfte der Kommunen zu den Facetten von Extremismus und "
                "Radikalisierung.",
                ["Webinar", "LIAISE"],
            ),
        ],
    },
    {
        "slug": "freibaeder",
        "title": "Konflikt- und Gewaltprävention in Freibädern",
        "theme": "oeffentlicher-raum",
        "created": D(2023, 7, 17),
        "description": "Sicherheitsdienste, Einlasskontrollen, Ausweispflicht und "
        "pädagogische Teams: wie Städte Konflikte in Freibädern verhindern.",
        "entries": [
            note(
                "Abfrage Mai 2024: Konflikt- und Gewaltprävention in Freibädern",
                "DEFUS-Geschäftsstelle",
                D(2024, 5, 31),
                "Die Städte kombinieren Ordnungspartnerschaften mit der Polizei, "
                "Videoschutz am Eingang und Konfliktlots*innen aus der Jugendarbeit.",
                ["Abfrage", "Sommer"],
            ),
            link(
                "Sichere Freibäder – Hinweise für Betreiber",
                "https://www.praeventionstag.de/",
                "Deutscher Präventionstag",
                D(2023, 7, 1),
                "Übersicht über Präventions- und Interventionsmaßnahmen.",
                ["Badbetrieb"],
            ),
            link(
                "Pufii: Konflikte im öffentlichen Raum",
                "https://www.pufii.de/",
                "Pufii",
                D(2023, 8, 1),
                "Materialien zu Konfliktprävention und Deeskalation.",
                ["Deeskalation"],
            ),
        ],
    },
    {
        "slug": "grossveranstaltungen",
        "title": "Sicherheit bei Großveranstaltungen",
        "theme": "oeffentlicher-raum",
        "created": D(2021, 5, 3),
        "description": "Sicherheitskonzepte für Volksfeste, Stadtfeste und Weihnachtsmärkte, "
        "Zufahrtsschutz und das Sicherheitsempfinden der Besucher*innen.",
        "entries": [
            link(
                "CO-SECUR: Co-creating urban security solutions",
                "https://www.cosecur.eu/",
                "CO-SECUR (Horizon Europe)",
                D(2024, 1, 15),
                "Sicherheitsempfinden und Sicherheitshandeln auf öffentlichen Plätzen und bei "
                "Großveranstaltungen; DEFUS ist einer von 10 Partnern.",
                ["CO-SECUR", "soziale Innovation"],
            ),
            link(
                "Sicherheitskonzept Cannstatter Wasen",
                "https://www.stuttgart.de/",
                "Landeshauptstadt Stuttgart",
                D(2017, 10, 9),
                "Vorgestellt auf der 15. Mitgliederversammlung: das Sicherheitskonzept für das "
                "zweitgrößte Volksfest der Welt.",
                ["Stuttgart", "Volksfest"],
            ),
            link(
                "TRANSCEND: Zivilgesellschaft und Sicherheitstechnologie",
                "https://www.transcend-project.eu/",
                "TRANSCEND",
                D(2025, 10, 1),
                "Mit der Stadt Mannheim: Bürger*innen an der Entwicklung von "
                "Sicherheitstechnologien beteiligen.",
                ["Mannheim", "Technologie"],
            ),
        ],
    },
    {
        "slug": "urbane-resilienz",
        "title": "Urbane Resilienz und Risikokommunikation",
        "theme": "bevoelkerungsschutz",
        "created": D(2022, 6, 13),
        "description": "Katastrophenresilienz, Risikokommunikation und inklusiver "
        "Bevölkerungsschutz: europäische Projekte und Beispiele aus Heidelberg und Karlsruhe.",
        "entries": [
            link(
                "RiskPACC: Risk Perception Action Gap schließen",
                "https://www.riskpacc.eu/",
                "Fraunhofer INT",
                D(2024, 9, 30),
                "Mit Heidelberg und Karlsruhe: Risikokommunikation gemeinsam mit den "
                "Bürger*innen gestalten.",
                ["RiskPACC", "Heidelberg", "Karlsruhe"],
            ),
            link(
                "Webinar: Schließen der Risk Perception Action Gap",
                "https://www.kommunaleskrisenmanagement.de/",
                "PanReflex",
                D(2025, 4, 3),
                "Dr. Maike Vollmer (Fraunhofer INT) und Andrea Caspar-Thron "
                "(Bevölkerungsschutz, Stadt Heidelberg).",
                ["Webinar"],
            ),
            link(
                "Inklusiver Katastrophenschutz",
                "https://www.kommunaleskrisenmanagement.de/",
                "PanReflex",
                D(2024, 12, 4),
                "Präsentation des PanReflex-Webinars mit 57 Teilnehmenden.",
                ["Inklusion"],
            ),
        ],
    },
    {
        "slug": "demokratische-resilienz",
        "title": "Demokratische Resilienz",
        "theme": "friedliches-zusammenleben",
        "created": D(2023, 11, 20),  # before 2024: the report counts only five new ones
        "description": "Die Rolle der Kommunen bei der Stärkung der demokratischen Resilienz in "
        "Zeiten wachsender Demokratiefeindlichkeit, mit dem Efus-Manifest „Sicherheit, "
        "Demokratie und Städte“.",
        "entries": [
            note(
                "Impuls von Kurt Faller auf der 26. Mitgliederversammlung",
                "DEFUS-Geschäftsstelle",
                D(2024, 5, 16),
                "Konzept der demokratischen Resilienz und was Kommunen beitragen können: "
                "Konflikte moderieren, Beteiligung öffnen, Beschäftigte stärken.",
                ["Mitgliederversammlung"],
            ),
            link(
                "Manifest „Sicherheit, Demokratie und Städte“",
                "https://efus.eu/",
                "Efus",
                D(2024, 12, 5),
                "Politische Plattform für städtische Sicherheit, verabschiedet vom "
                "Exekutivkomitee in Köln.",
                ["Efus", "Manifest"],
            ),
            link(
                "Efus-Konferenz „Security, Democracy and Cities“",
                "https://efus.eu/",
                "Efus",
                D(2024, 3, 22),
                "Rund 700 Teilnehmende in Brüssel, darunter Augsburg, Berlin, Essen, Freiburg, "
                "Mannheim, Stuttgart, der LPR Niedersachsen und der DPT.",
                ["Konferenz"],
            ),
        ],
    },
]


def load() -> None:
    office = User.objects.filter(email=OFFICE_EMAIL).first()
    member = User.objects.filter(email=MEMBER_EMAIL).first()
    collections = {
        spec["slug"]: Collection.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "theme": Theme.objects.get(slug=spec["theme"]),
                "description": spec["description"],
                "created_at": _noon(spec["created"]),
            },
        )[0]
        for spec in COLLECTIONS
    }
    documents = {spec.title: _document(spec, collections) for spec in DOCUMENTS}
    for title, slug in FILED_INQUIRIES.items():
        Inquiry.objects.filter(title=title).update(collection=collections[slug])
    now = timezone.now()
    for spec in COLLECTIONS:
        collection = collections[spec["slug"]]
        latest = collection.created_at
        for entry in spec["entries"]:
            added_at = _added_at(entry, collection, now)
            Entry.objects.update_or_create(
                collection=collection,
                title=entry.title,
                defaults={
                    "kind": entry.kind,
                    "description": entry.description,
                    "url": entry.url,
                    "document": documents.get(entry.document),
                    "source": entry.source,
                    "date": entry.date,
                    "tags": entry.tags,
                    "added_by": office,
                    "added_at": added_at,
                },
            )
            latest = max(latest, added_at)
        Collection.objects.filter(pk=collection.pk).update(updated_at=latest)
    if member:
        # The demo member last looked a week ago: the entries of the last days are "neu".
        for slug in ("desinformation-hass-polarisierung", "marginalisierte-gruppen"):
            CollectionVisit.objects.update_or_create(
                user=member,
                collection=collections[slug],
                defaults={"visited_at": now - datetime.timedelta(days=7)},
            )


def _document(spec: DemoDocument, collections) -> Document:
    document, _ = Document.objects.update_or_create(
        title=spec.title,
        defaults={
            "kind": spec.kind,
            "description": spec.description,
            "date": spec.date,
            "visibility": spec.visibility,
            "event": Event.objects.filter(slug=spec.event).first() if spec.event else None,
            "project": Project.objects.filter(acronym__iexact=spec.project).first()
            if spec.project
            else None,
        },
    )
    if not document.file or not document.file.storage.exists(document.file.name):
        pdf = minimal_pdf(spec.title, [spec.description, "", *spec.lines])
        document.file.save(spec.filename, ContentFile(pdf), save=True)
    return document


def _noon(date: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def _added_at(entry: DemoEntry, collection: Collection, now: datetime.datetime):
    if entry.days_ago:
        return now - datetime.timedelta(days=entry.days_ago)
    return min(max(_noon(entry.date), collection.created_at), now)
