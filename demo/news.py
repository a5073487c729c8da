"""Demo news from ../shared/seeds/: the 2016–2017 archive (seed 002), the member news and
DEFUS Aktuell items of the home page (seeds 000 and 001), and two members-only items
from the 2024 annual report (seed 004).

Seed 000 lists each member news item twice; each is loaded once. The seeds' teasers break
off mid-sentence ("… (EncroChat) zurückzu", "… brachten ..."); the bodies here finish the
sentence and leave the teaser empty, so the portal cuts its own teaser at a word boundary.
Obvious typos are fixed ("HHiermit", "esundheitsrisiken", "Landeshautstadt", "Extremischtische",
"niedersächsiche"). The seeds give dates only: every article is published at 10:00.
Where a seed gives no date at all, the date is a plausible one, marked "assumed" below:
seed 000 was captured on 06.04.2025 and seed 001 on 17.12.2025 (their countdowns say so),
and their lists run newest first.
"""

import datetime
import zoneinfo

from members.models import Member
from news.models import Article
from projects.models import Project
from themes.models import Theme

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
PUBLIC = Article.Visibility.PUBLIC
MEMBERS = Article.Visibility.MEMBERS

# Themenschwerpunkte (defus/content.py)
TOGETHER = "friedliches-zusammenleben"
PUBLIC_SPACE = "oeffentlicher-raum"
ADMINISTRATION = "sicherheitsverwaltung"
RESILIENCE = "urbane-resilienz"

ARTICLES = [
    # --- Seed 002: the DEFUS Aktuell archive 2016–2017 ---
    {
        "slug": "15-mitgliederversammlung-stuttgart",
        "date": "2017-10-09",
        "title": "15. DEFUS-Mitgliederversammlung in Stuttgart",
        "themes": [PUBLIC_SPACE, ADMINISTRATION],
        "body": """
<p>Fast vollständig kamen die DEFUS-Mitglieder zur 15. Mitgliederversammlung in Stuttgart zusammen. Der Schwerpunkt des Rahmenprogramms lag auf der Frage, wie Städte die Sicherheit auf Großveranstaltungen organisieren. Bei einem Besuch in der Integrierten Verkehrsleitzentrale lernten die Teilnehmer, wie in Stuttgart der Verkehr gesteuert wird. Vertreter des Ordnungsamtes Stuttgart stellten das Sicherheitskonzept für das zweitgrößte Volksfest der Welt – den Stuttgarter Wasen – vor. Der Austausch über kommunale Maßnahmen zur Terrorabwehr war für alle Mitglieder von absoluter Priorität.</p>
<p>Auf der anschließenden Mitgliederversammlung diskutierten die Mitglieder die strategische Ausrichtung des Städtenetzwerkes für die kommenden Jahre.</p>
""",
    },
    {
        "slug": "neue-mitglieder-gelsenkirchen-und-lippe",
        "date": "2017-08-16",
        "title": "DEFUS begrüßt zwei neue Mitglieder – Gelsenkirchen und Lippe",
        "body": """
<p>Die Stadt Gelsenkirchen und der Kreis Lippe sind im Sommer 2017 Efus und DEFUS beigetreten. Das Städtenetzwerk begrüßt die zwei neuen Mitglieder herzlich und freut sich auf die intensive Zusammenarbeit im Bereich der urbanen Sicherheit und der Kriminalprävention.</p>
<p>Mit dem Kreis Lippe ist erstmals eine Kreisverwaltung Teil des europäischen und deutschen Netzwerkes geworden. In anderen europäischen Ländern sind bereits viele Kreise, Regionen und auch Kleinstädte dem Netzwerk beigetreten und profitieren von dem Erfahrungs- und Ideenaustausch.</p>
""",
    },
    # Seed 002 has this report twice: on 16.08.2017 as "DEFUS auf dem Deutschen
    # Präventionstag 2017", and on 20.08.2016 as "DEFUS auf dem DPT 2017". A report on the
    # 2017 Präventionstag cannot date from 2016, so the 2017 entry is the better-attested
    # one and the only one loaded.
    {
        "slug": "defus-auf-dem-deutschen-praeventionstag-2017",
        "date": "2017-08-16",
        "title": "DEFUS auf dem Deutschen Präventionstag 2017",
        "body": """
<p>Im Rahmen des Deutschen Präventionstags trafen sich die Mitglieder von DEFUS zur 14. Mitgliederversammlung. Als Gastgeberin des Deutschen Präventionstags in Hannover begrüßte die niedersächsische Justizministerin Antje Niewisch-Lennartz die anwesenden Mitglieder und informierte sich über die Aktivitäten von DEFUS und Efus.</p>
<p>Neben dem Austausch der Mitglieder lag bei diesem Treffen der Fokus auf den Vorbereitungen der großen Konferenz zu urbanen Sicherheitsstrategien in Barcelona im November. Die Generalsekretärin von Efus, Elizabeth Johnston, berichtete von aktuellen Entwicklungen und Veränderungen bei Efus.</p>
<p>Efus und DEFUS informierten an einem Stand zu den Aktivitäten des europäischen Netzwerks und des deutschen Forums.</p>
""",
    },
    {
        "slug": "pufii-praeventive-unterstuetzung-integration-inklusion",
        "date": "2017-04-17",
        "title": "Präventive Unterstützung für Integration und Inklusion",
        "themes": [TOGETHER],
        "project": "pufii",
        "body": """
<p>Pufii.de ist die zentrale Informationsplattform für die Themen Integration und Prävention. Durch die umfangreiche Bündelung von themenspezifischen Informationen sowie die Möglichkeit zum interdisziplinären Austausch stellen wir den Aktiven der Flüchtlingshilfe und allen Interessierten ein geeignetes Portal zur Verfügung.</p>
<p>Mit Hilfe einer zentralen Informations- und Kommunikationsplattform soll die Arbeit und der Austausch aller Aktiven der Flüchtlingshilfe gestärkt und erleichtert werden. Das bundesweite Portal dient als Informationsquelle, Ideenstifter und Vernetzungsplattform.</p>
<p>Rechtzeitiges Ansetzen, Nachhaltigkeit und Koordination: Dies sind wesentliche Faktoren für eine erfolgreiche Integration neuzugewanderter Menschen. Aus diesem Grund wurde pufii.de geschaffen. Durch eine systematische Zusammenarbeit, den Austausch von Konzepten und Strategien sowie das schnelle Auffinden von Informationen wird ein wichtiger Beitrag für eine aktive Teilhabe aller Menschen und eine inklusive Gesellschaft geschaffen.</p>
<p>Ziel soll es sein, eine enge Zusammenarbeit der einzelnen haupt- und ehrenamtlichen Fachkräfte der Flüchtlingshilfe zu etablieren sowie eine ressourcenschonende und effiziente Arbeit zu gewährleisten.</p>
<p>Pufii.de ist eine gemeinsame Initiative der drei Organisationen:</p>
<ul>
<li>Landespräventionsrat Niedersachsen (LPR)</li>
<li>Institut für angewandte Präventionsforschung des Deutschen Präventionstages (dpt-i)</li>
<li>Deutsch-Europäisches Forum für Urbane Sicherheit e.V. (DEFUS)</li>
</ul>
<p>Die drei Organisationen arbeiten als „Präventionszentrum im Torhaus“ eng zum Thema der kommunalen Kriminalprävention zusammen. Um einen präventiven Beitrag für die gelingende Integration vor Ort zu leisten, schufen sie das gemeinsame Fachkräfte- und Informationsportal.</p>
""",
    },
    {
        "slug": "webinarreihe-extremistische-radikalisierung",
        "date": "2017-04-06",
        "title": "Webinarreihe Extremistische Radikalisierung",
        "themes": [TOGETHER],
        "body": """
<p>DEFUS und das Institut für angewandte Präventionsforschung des Deutschen Präventionstages (dpt-i) organisieren gemeinsam die Webinarreihe. Die Webinare beleuchten die unterschiedlichen Facetten des Themenkomplexes Extremismus und Radikalisierung.</p>
<p>Mit der Webinarreihe wollen DEFUS und das dpt-i den Wissensstand bei den relevanten Akteuren der Extremismusprävention vertiefen und damit die Qualität in der Präventionsarbeit erhöhen. Zielgruppe sind Fachkräfte und Angestellte der Kommunen, die in ihrem Arbeitsalltag mit dem Themenkomplex des Extremismus und der Radikalisierung konfrontiert sind. Denn im Bereich der Prävention von extremistischen Einstellungen und Verhaltensweisen sowie bei Ansätzen zur De-Radikalisierung sind ein sensibler Umgang und gute Kenntnis der begrifflichen Unterschiede von großer Relevanz. Die Webinare sollen ein niedrigschwelliges und kostengünstiges Angebot sein, sich weiterzubilden.</p>
<p>Die Webinarreihe ist Teil des europaweiten Projekts LIAISE 2 (Local Institutions Against Extremism) und wird mit Mitteln aus der EU finanziert.</p>
""",
    },
    # --- Seed 000 (captured 06.04.2025): Neues von den Mitgliedern, all dates assumed ---
    {
        "slug": "lagebild-organisierte-kriminalitaet-berlin-2023",
        "member": "berlin",
        "date": "2025-03-20",
        "title": "Lagebild Organisierte Kriminalität Berlin 2023 veröffentlicht",
        "themes": [ADMINISTRATION],
        "body": """
<p>Die Organisierte Kriminalität hat stets einen starken internationalen Bezug. In zwei Dritteln der Berliner OK-Komplexe bestanden Verbindungen zum Ausland. Beim Rauschgifthandel und -schmuggel sind erneut fast die Hälfte aller OK-Komplexe auf die Nutzung kryptierter Kommunikation (EncroChat) zurückzuführen.</p>
""",
    },
    {
        "slug": "muellbeseitigung-vor-dem-stellwerk",
        "member": "hannover",
        "date": "2025-02-26",
        "title": "Müllbeseitigung vor dem Stellwerk – die Szene putzt selbst",
        "themes": [PUBLIC_SPACE],
        "body": """
<p>Seit Mitte November vergangenen Jahres ist mittwochs am Kontakt- und Konsumraum Stellwerk ein besonderer Tag: Abhängigkeitserkrankte Menschen, die sich auf dem öffentlichen Vorplatz vor dem Stellwerk aufhalten, sammeln Müll und reinigen den Vorplatz selbst.</p>
""",
    },
    {
        "slug": "freiburg-gegen-gewalt",
        "member": "freiburg",
        "date": "2025-02-10",
        "title": "Freiburg gegen Gewalt",
        "themes": [TOGETHER],
        "body": """
<p>Zur Umsetzung der Istanbul-Konvention in Freiburg hat der Gemeinderat den Auftrag erteilt, einen Aktionsplan mit konkreten Maßnahmen für den Doppelhaushalt 25/26 vorzulegen. Eine neue Webseite bündelt alle Informationen und den aktuellen Stand zur Umsetzung der Istanbul-Konvention in Freiburg.</p>
""",
    },
    {
        "slug": "grosse-veraenderungen-beim-dpt",
        "member": "deutscher-praeventionstag",
        "date": "2025-01-22",
        "title": "Große Veränderungen beim DPT",
        "body": """
<p>„Sowohl die Landeshauptstadt Hannover als auch das Hannover Congress Centrum als Veranstaltungsort bieten für die Durchführung und Weiterentwicklung unseres Veranstaltungsformats ideale Voraussetzungen“, so der Geschäftsführer des Deutschen Präventionstages, Erich Marks.</p>
""",
    },
    {
        "slug": "gleichstellungsaktionsplan-nuernberg-2024-2027",
        "member": "nuernberg",
        "date": "2024-12-05",
        "title": "Gleichstellungsaktionsplan 2024–2027 mit 218 Maßnahmen",
        "themes": [TOGETHER],
        "body": """
<p>Ein kommunaler Aktionsplan gegen geschlechtsspezifische und häusliche Gewalt liegt seit September 2024 in Nürnberg vor. Hiermit liegt nun der 5. Gleichstellungsaktionsplan der Stadt Nürnberg vor, dessen Laufzeit sich nicht nur über einen Zeitraum von vier anstatt drei Jahren erstrecken wird.</p>
""",
    },
    {
        "slug": "berliner-drug-checking-projekt-zeigt-wirkung",
        "member": "berlin",
        "date": "2024-11-14",
        "title": "Berliner Drug-Checking-Projekt zeigt Wirkung",
        "themes": [PUBLIC_SPACE],
        "body": """
<p>Das von der Senatsverwaltung ins Leben gerufene Berliner Projekt „Analysegestützte Beratung – Drug-Checking“ zeigt Wirkung: Gesundheitsrisiken werden reduziert, das Konsumverhalten hat sich verändert und Menschen mit Substanzkonsum werden niedrigschwellig an Hilfsangebote herangeführt.</p>
""",
    },
    # --- Seed 001 (captured 17.12.2025): DEFUS Aktuell ---
    {
        "slug": "weihnachtsgruesse-2025",
        "date": "2025-12-16",  # assumed: the day before the capture
        "title": "Weihnachtsgrüße",
        "body": """
<p>Liebe DEFUS-Interessierte,</p>
<p>wir blicken auf ein erfolgreiches Jahr zurück und bedanken uns für Ihr Engagement, Ihre Ideen und Ihr Vertrauen!</p>
<p>Mit den besten Grüßen zum Jahresausklang<br>Ihr DEFUS-Team</p>
""",
    },
    {
        "slug": "so-par-staedtetreffen-hannover",
        "date": "2025-11-19",  # the day of the meeting
        "title": "so-par Städtetreffen in Hannover – gemeinsamer Einstieg in Risiko- und "
        "Krisenmanagement",
        "themes": [RESILIENCE, PUBLIC_SPACE],
        "project": "so-par",
        # The seed breaks off after "brachten"; the end of that sentence is ours.
        "body": """
<p>Mit dem ersten städteübergreifenden Treffen am 19.11.2025 in Hannover startet die aktive Arbeitsphase von so-par für die Vertreter:innen der Pilotstädte. Die Vertreter:innen aus Kommunalverwaltung sowie der niedrigschwelligen Suchthilfe brachten ihre Erfahrungen aus den Pilotstädten ein.</p>
""",
    },
    # --- Seed 001: Neues von den Mitgliedern, dates assumed unless the text gives one ---
    {
        "slug": "jahresbericht-augsburger-buero-kommunale-praevention",
        "member": "augsburg",
        "date": "2025-12-10",
        "title": "Jahresbericht des Augsburger Büros für Kommunale Prävention",
        "themes": [ADMINISTRATION],
        "body": """
<p>Werfen Sie gerne einen Blick in unseren diesjährigen Jahresbericht, der einige Höhepunkte und Ereignisse unserer gemeinsamen Arbeit zusammenfasst.</p>
""",
    },
    {
        "slug": "essen-sicherheit-an-schulen-gespraechsreihe",
        "member": "essen",
        "date": "2025-12-03",  # after the meeting on Wednesday, 26 November
        "title": "Sicherheit an Schulen: Auftakt zur Gesprächsreihe",
        "themes": [ADMINISTRATION],
        "body": """
<p>Am Mittwoch, 26. November, hat Oberbürgermeister Thomas Kufen mit den Elternpflegschaften aus dem Bezirk IV (Borbeck) den Auftakt zu einer Gesprächsreihe in allen Essener Stadtbezirken gemacht. Zusammen mit der Schulverwaltung wird die Sicherheit in Schulen systematisch in ganz Essen angegangen – mit klaren Informationen und offenem Austausch.</p>
""",
    },
    {
        "slug": "kommunaler-praeventionsrat-hannover-30-jahre",
        "member": "hannover",
        "date": "2025-12-02",  # the day after the reception on 1 December
        "title": "„Hannover ein Stück sicherer und lebenswerter“ – Kommunaler Präventionsrat "
        "feiert 30 Jahre Engagement für ein sicheres und lebenswertes Hannover",
        "themes": [ADMINISTRATION],
        "body": """
<p>Der Kommunale Präventionsrat Hannover (KPR) hat am 1. Dezember im Rahmen eines Empfangs des Oberbürgermeisters sein 30-jähriges Bestehen gefeiert. Rund 60 Vertreter*innen aus Verwaltung, Polizei, Wissenschaft, Zivilgesellschaft und Politik feierten gemeinsam die erfolgreiche Präventionsarbeit.</p>
""",
    },
    {
        "slug": "essen-fachveranstaltung-wirkungsorientierte-praevention",
        "member": "essen",
        "date": "2025-11-13",
        "title": "Fachveranstaltung zur wirkungsorientierten Prävention – Stadt Essen setzt "
        "Impulse für vernetztes Handeln",
        "themes": [ADMINISTRATION],
        "body": """
<p>Die Veranstaltung knüpfte an die Eckpunkte der Integrierten kommunalen Präventionsstrategie an, die der Rat der Stadt Essen im März 2024 beschlossen hatte. Diese bilden die Grundlage für den weiteren Ausbau der Essener Präventionskette, die das gelingende Aufwachsen von Kindern und Jugendlichen in der Stadt fördern soll.</p>
""",
    },
    {
        "slug": "podcast-hannover-macht-das-obdach-und-wohnungslosigkeit",
        "member": "hannover",
        "date": "2025-10-22",
        "title": "Podcast „Hannover macht das!“ Folge 3: Obdach- und Wohnungslosigkeit",
        "themes": [PUBLIC_SPACE],
        "body": """
<p>Der städtische Podcast „Hannover macht das!“ dreht die dritte Runde. Oberbürgermeister Belit Onay und Martin Brüning sprechen in dieser Folge mit dem Diakoniepastor Friedhelm Feldkamp über Obdach- und Wohnungslosigkeit in Hannover.</p>
""",
    },
    {
        "slug": "essen-schule-als-sicherer-ort",
        "member": "essen",
        "date": "2025-09-24",  # "in seiner heutigen (24.09.) Sitzung"
        "title": "„Schule als sicherer Ort“: Erste Maßnahmen des Konzepts beschlossen",
        "themes": [ADMINISTRATION],
        "body": """
<p>Die ersten Maßnahmen des Konzeptes „Schule als sicherer Ort“ werden umgesetzt. Das hat der Rat der Stadt in seiner heutigen (24.09.) Sitzung beschlossen. Die ersten umzusetzenden Schritte unterteilen sich in baulich-technische und präventiv-pädagogische Maßnahmen. In einer Pilotphase werden zwei baulich-technische Maßnahmen umgesetzt.</p>
""",
    },
    # --- Seed 004 (annual report 2024): for members only, dates assumed ---
    {
        "slug": "dokumentation-fachtagung-digitalisierung-der-sexarbeit",
        "date": "2024-11-15",
        "title": "Dokumentation der Fachtagung „Digitalisierung der Sexarbeit“",
        "themes": [ADMINISTRATION],
        "visibility": MEMBERS,
        "body": """
<p>Die Pandemie hat die Sexarbeit stark verändert und stellt die Kommunen vor neue Herausforderungen bei der Umsetzung des Prostituiertenschutzgesetzes. Um einen Austausch über mögliche Lösungen zu ermöglichen, hat DEFUS, finanziert von der Stadt Essen, im September 2024 eine Fachtagung zum Thema Digitalisierung der Sexarbeit ausgerichtet.</p>
<p>Die Dokumentation der Tagungsergebnisse steht den Mitgliedern ab sofort zur Verfügung. Sie fasst zusammen, wie Kommunen mit Menschen in der Sexarbeit wieder in Kontakt kommen können, unabhängig von den politischen und rechtlichen Entwicklungen.</p>
""",
    },
    {
        "slug": "ergebnisse-abfrage-stand-der-kommunalen-praevention",
        "date": "2025-01-30",
        "title": "Ergebnisse der Abfrage zum Stand der kommunalen Prävention",
        "themes": [ADMINISTRATION],
        "visibility": MEMBERS,
        "body": """
<p>Im November 2024 hat DEFUS die Mitglieder zum aktuellen Stand der Prävention, zu den größten Herausforderungen und zu den Unterstützungsbedarfen vor Ort befragt. Die Abfrage schließt an den Workshop am 15. Februar 2024 in Mannheim und an den Workshop auf dem DPT 2024 in Cottbus an.</p>
<p>Auf Grundlage der Ergebnisse gestaltet die Geschäftsstelle ein maßgeschneidertes Austausch-, Weiterbildungs- und Beratungsangebot für die DEFUS-Mitglieder. Die Ergebnisse fließen zudem in einen Fachartikel zur langfristigen Weiterentwicklung der kommunalen Präventionsarbeit ein.</p>
""",
    },
]


def load() -> None:
    members = {member.slug: member for member in Member.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.focus_areas()}
    projects = {project.slug: project for project in Project.objects.all()}
    for entry in ARTICLES:
        published_at = datetime.datetime.combine(
            datetime.date.fromisoformat(entry["date"]), datetime.time(10), tzinfo=BERLIN
        )
        article, _ = Article.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "title": entry["title"],
                "body": entry["body"].strip(),
                "member": members[entry["member"]] if "member" in entry else None,
                "project": projects.get(entry.get("project")),
                "visibility": entry.get("visibility", PUBLIC),
                "status": Article.Status.PUBLISHED,
                "published_at": published_at,
            },
        )
        article.themes.set([themes[slug] for slug in entry.get("themes", [])])
