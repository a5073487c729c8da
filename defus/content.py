"""The portal's standing texts, taken from the DEFUS pages in ../shared/seeds/.

A migration creates the institutional pages and the four Themenschwerpunkte from these
texts, so that every link in the navigation has a page behind it from the first start.
After that the office edits them in the admin; nothing here overwrites an edit.
"""

OFFICE = {
    "name": "Deutsch-Europäisches Forum für Urbane Sicherheit e.V.",
    "street": "Kurt-Schumacher-Straße 29",
    "city": "30159 Hannover",
    "email": "defus@defus.org",
    "phone": "0511 367394-20",
}

PAGES = {
    "ueber-uns": {
        "title": "Was ist DEFUS?",
        "lead": "DEFUS ist das deutsche Forum im Europäischen Forum für Urbane Sicherheit (Efus): "
        "Städte und Organisationen, die sich über Landes- und Stadtgrenzen hinweg zu "
        "Sicherheits- und Präventionsfragen austauschen.",
        "body": """
<p>Unter dem Dach von DEFUS arbeiten deutsche Städte, Kreise und Organisationen zusammen,</p>
<ul>
<li>die sich über Landes- und Stadtgrenzen hinweg zu drängenden Sicherheits- und Präventionsfragen austauschen,</li>
<li>die mit einer Stimme sprechen, um die Anliegen und Themen der urbanen Sicherheit und der kommunalen Kriminalprävention gemeinsam voranzutreiben und zu vertreten,</li>
<li>die gemeinsam Maßnahmen entwickeln und umsetzen.</li>
</ul>
<h2>Was macht DEFUS?</h2>
<p>DEFUS ist eines von sechs nationalen Foren des Europäischen Forums für Urbane Sicherheit (Efus), in denen sich die Mitglieder zu landesspezifischen Themen austauschen. DEFUS wurde am 10. Mai 2010 im Rahmen des Deutschen Präventionstages in Berlin gegründet.</p>
<p>DEFUS ist für die Akteure der kommunalen Sicherheits- und Präventionsarbeit eine lebendige Plattform für den praxisrelevanten Austausch und eine unbürokratische Zusammenarbeit. Gemeinsam arbeiten die Mitglieder daran, Ordnung, Sicherheit und das friedliche Zusammenleben in den Städten zu organisieren und an aktuelle Herausforderungen und Entwicklungen anzupassen.</p>
<p>DEFUS organisiert für die Vertreterinnen und Vertreter seiner Mitglieder regelmäßige Treffen, themenspezifische Workshops und Fortbildungsangebote. Die DEFUS-Geschäftsstelle vertritt die Interessen der Mitglieder in Projekten von Dritten und in relevanten Gremien und vermittelt an der Schnittstelle zwischen Wissenschaft und Praxis. Mit gezielten Informationen zu Ansätzen und Methoden der urbanen Sicherheit soll die Arbeit der Mitglieder erleichtert werden.</p>
<h2>Das Tor nach Europa</h2>
<p>Seinen Mitgliedern öffnet das Netzwerk die Türen nach Europa und erleichtert den Zugang zu Fördermitteln der Europäischen Union. Nach Anschlägen und Attacken fordern Politikerinnen und Politiker aus Deutschland und den europäischen Nachbarländern immer wieder, die europäische Zusammenarbeit in Sicherheitsfragen zu verbessern. Efus und DEFUS sind ein gutes Beispiel für eine gelingende europäische und nationale Zusammenarbeit.</p>
<h2>Themenschwerpunkte</h2>
<p>Der Arbeit von Efus und DEFUS liegt eine breite Definition der urbanen Sicherheit zu Grunde. Das Themenspektrum reicht von der Organisation des friedlichen Zusammenlebens in Städten, der Gewährleistung der Sicherheit des öffentlichen Raums und Fragen zur Sicherheit von Mitarbeiter*innen und Mandatsträger*innen über die kommunale Kriminalprävention bis hin zur Stärkung der städtischen Resilienz. Die Schwerpunkte und ihre Priorisierung richten sich nach dem Bedarf der Mitglieder und dem Tagesgeschehen.</p>
<p>Die Zwecke und Strukturen des eingetragenen gemeinnützigen Vereins sind in der Vereinssatzung festgelegt.</p>
""",
    },
    "vorstand-und-team": {
        "title": "Vorstand und Team",
        "lead": "Der Vorstand wird von der Mitgliederversammlung gewählt; die Geschäftsstelle in "
        "Hannover organisiert den Austausch und die Projekte des Netzwerks.",
        "body": "<p>Auf der 27. Mitgliederversammlung im September 2024 in Gelsenkirchen wählten "
        "die Mitglieder Christian Kromberg zum Vorsitzenden und Dr. Volker Proffen zum "
        "stellvertretenden Vorsitzenden von DEFUS.</p>",
    },
    "satzung": {
        "title": "Vereinssatzung",
        "lead": "Die Zwecke und Strukturen des Deutsch-Europäischen Forums für Urbane Sicherheit "
        "e.V. sind in der Vereinssatzung festgelegt.",
        "body": """
<h2>Zweck des Vereins</h2>
<p>Der Verein fördert die Kriminalprävention und die urbane Sicherheit in den Städten und Gemeinden in Deutschland und Europa. Er bietet seinen Mitgliedern eine Plattform für den Erfahrungs- und Wissensaustausch und vertritt ihre Anliegen gegenüber Politik, Verwaltung und Wissenschaft.</p>
<h2>Mitgliedschaft</h2>
<p>Mitglied können Städte, Gemeinden, Kreise sowie Organisationen werden, die sich der kommunalen Sicherheit und Prävention widmen. Die Mitglieder von DEFUS sind zugleich Mitglieder des Europäischen Forums für Urbane Sicherheit (Efus).</p>
<h2>Organe</h2>
<p>Organe des Vereins sind die Mitgliederversammlung und der Vorstand. Die Mitgliederversammlung tritt in der Regel zweimal im Jahr zusammen.</p>
<p>Den vollständigen Wortlaut der Satzung sendet Ihnen die Geschäftsstelle gern zu.</p>
""",
    },
    "mitgliedschaft": {
        "title": "Mitglied werden",
        "lead": "Sie wollen mehr über den Mehrwert einer Mitgliedschaft wissen oder sind an einer "
        "Mitgliedschaft interessiert? Sprechen Sie uns an.",
        "body": """
<p>Als Mitglied von DEFUS und Efus profitiert Ihre Kommune vom Erfahrungswissen der anderen Mitglieder: in den Mitgliederversammlungen, in Workshops und Studienreisen, in den Informationssammlungen und in den Abfragen, mit denen eine Stadt das ganze Netzwerk fragen kann. Ganz nach dem Motto „Städte helfen Städten“.</p>
<p>Schreiben Sie an <a href="mailto:defus@defus.org">defus@defus.org</a> oder rufen Sie uns an: 0511 367394-20.</p>
""",
    },
    "kontakt": {
        "title": "Kontakt",
        "lead": "Die DEFUS-Geschäftsstelle erreichen Sie in Hannover.",
        "body": """
<p>Deutsch-Europäisches Forum für Urbane Sicherheit e.V.<br>Kurt-Schumacher-Straße 29<br>30159 Hannover</p>
<p>E-Mail: <a href="mailto:defus@defus.org">defus@defus.org</a><br>Telefon: <a href="tel:+4951136739420">0511 367394-20</a></p>
""",
    },
    "impressum": {
        "title": "Impressum",
        "lead": "Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV).",
        "body": """
<h2>Anbieter</h2>
<p>Deutsch-Europäisches Forum für Urbane Sicherheit e.V. (DEFUS)<br>Kurt-Schumacher-Straße 29<br>30159 Hannover</p>
<h2>Vertreten durch den Vorstand</h2>
<p>Christian Kromberg (Vorsitzender)<br>Dr. Volker Proffen (stellvertretender Vorsitzender)</p>
<h2>Kontakt</h2>
<p>E-Mail: <a href="mailto:defus@defus.org">defus@defus.org</a><br>Telefon: 0511 367394-20</p>
<h2>Registereintrag</h2>
<p>Eingetragen im Vereinsregister. Registergericht und Registernummer trägt die Geschäftsstelle hier ein.</p>
<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
<p>Anna Rau, Geschäftsführerin, Anschrift wie oben</p>
<h2>Haftung für Links</h2>
<p>Für die Inhalte verlinkter Seiten sind ausschließlich deren Anbieter verantwortlich. Werden uns Rechtsverletzungen bekannt, entfernen wir den Link umgehend.</p>
""",
    },
    "datenschutz": {
        "title": "Datenschutzerklärung",
        "lead": "Wie DEFUS mit Ihren Daten umgeht, wenn Sie dieses Portal besuchen oder nutzen.",
        "body": """
<h2>Verantwortliche Stelle</h2>
<p>Deutsch-Europäisches Forum für Urbane Sicherheit e.V., Kurt-Schumacher-Straße 29, 30159 Hannover, <a href="mailto:defus@defus.org">defus@defus.org</a>.</p>
<h2>Keine Dritten, keine Tracker</h2>
<p>Dieses Portal lädt keine Inhalte von anderen Servern: keine Schriften, keine Skripte, keine Karten, keine Zählpixel. Es setzt keine Analyse- oder Werbe-Cookies.</p>
<h2>Server-Protokolle</h2>
<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten (IP-Adresse, Zeitpunkt, aufgerufene Adresse), um das Portal sicher zu betreiben (Art. 6 Abs. 1 lit. f DSGVO). Die Protokolle werden nach spätestens 14 Tagen gelöscht.</p>
<h2>Cookies</h2>
<p>Wenn Sie sich anmelden oder ein Formular absenden, setzt das Portal ein Sitzungs-Cookie und ein Cookie zum Schutz vor gefälschten Formularen. Beide sind technisch notwendig und werden nach Ende der Sitzung oder spätestens nach zwei Wochen ungültig.</p>
<h2>Benutzerkonten der Mitglieder</h2>
<p>Für Beschäftigte der Mitglieder speichern wir Name, dienstliche E-Mail-Adresse und die Zugehörigkeit zu einem Mitglied, um den Mitgliederbereich bereitzustellen (Art. 6 Abs. 1 lit. b DSGVO). Die Daten werden gelöscht, wenn das Konto aufgelöst wird.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch sowie das Recht, sich bei einer Aufsichtsbehörde zu beschweren, zum Beispiel bei der Landesbeauftragten für den Datenschutz Niedersachsen.</p>
""",
    },
    "barrierefreiheit": {
        "title": "Erklärung zur Barrierefreiheit",
        "lead": "DEFUS möchte dieses Portal für alle Menschen zugänglich machen, nach der "
        "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den WCAG 2.1 in Stufe AA.",
        "body": """
<h2>Stand der Vereinbarkeit</h2>
<p>Das Portal ist weitgehend mit BITV 2.0 und WCAG 2.1 AA vereinbar. Jede Seite wird vor der Veröffentlichung einer Änderung automatisch mit axe-core geprüft; sie funktioniert ohne JavaScript, lässt sich vollständig mit der Tastatur bedienen, lässt sich auf 320 Pixel Breite und 400 Prozent vergrößern und drucken.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<p>Ältere PDF-Dokumente der Mitgliederversammlungen und Präsentationen Dritter sind teilweise nicht barrierefrei. Auf Anfrage stellen wir Ihnen die Inhalte in einer zugänglichen Form zur Verfügung.</p>
<h2>Barriere melden</h2>
<p>Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in einer anderen Form? Schreiben Sie uns an <a href="mailto:defus@defus.org?subject=Barriere%20melden">defus@defus.org</a> (Betreff „Barriere melden“) oder rufen Sie uns an: 0511 367394-20. Wir antworten innerhalb von zwei Wochen.</p>
<h2>Schlichtungsverfahren</h2>
<p>Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen wenden.</p>
<p>Diese Erklärung wurde am 22.11.2026 erstellt.</p>
""",
    },
}

THEMES = [
    {
        "slug": "friedliches-zusammenleben",
        "title": "Friedliches Zusammenleben",
        "lead": "Wie Städte das Miteinander in vielfältigen Stadtgesellschaften organisieren.",
        "body": "<p>Polarisierung, Hass und Hetze, Diskriminierung und Extremismus stellen den "
        "Zusammenhalt in den Städten auf die Probe. DEFUS bündelt die Erfahrungen der Mitglieder "
        "mit Präventionsarbeit gegen Radikalisierung, mit der Umsetzung der Istanbul-Konvention "
        "und mit der Stärkung demokratischer Resilienz.</p>",
        "topics": [
            ("desinformation-hass-polarisierung", "Desinformation, Hass und Polarisierung"),
            ("extremismuspraevention", "Extremismus- und Radikalisierungsprävention"),
            ("haeusliche-gewalt", "Häusliche und geschlechtsspezifische Gewalt"),
        ],
    },
    {
        "slug": "oeffentlicher-raum",
        "title": "Öffentlicher Raum",
        "lead": "Sicherheit und Aufenthaltsqualität auf Straßen, Plätzen und an Bahnhöfen.",
        "body": "<p>Marginalisierte Gruppen, Drogenszenen, Sicherheit in Bahnhofsvierteln und bei "
        "Großveranstaltungen: Viele Herausforderungen betreffen alle Städte. Die Mitglieder "
        "haben dazu gemeinsame Leitgedanken verfasst und tauschen in der Community of Practice "
        "„Sicherheit im Bahnhofsviertel“ ihre Lösungen aus.</p>",
        "topics": [
            ("marginalisierte-gruppen", "Marginalisierte Gruppen im öffentlichen Raum"),
            ("bahnhofsviertel", "Sicherheit im Bahnhofsviertel"),
            ("drogen-und-sucht", "Drogenkonsum und Szenen im öffentlichen Raum"),
        ],
    },
    {
        "slug": "sicherheitsverwaltung",
        "title": "Sicherheitsverwaltung",
        "lead": "Kommunale Prävention, Ordnungsdienste und die Steuerung urbaner Sicherheit.",
        "body": "<p>Kommunale Präventionsstrukturen sind häufig historisch gewachsen. DEFUS "
        "begleitet die Mitglieder bei der strategischen Weiterentwicklung der kommunalen "
        "(Kriminal-)Prävention hin zu einer urbanen Sicherheitsgovernance, beim Schutz von "
        "Beschäftigten und Mandatsträger*innen und beim Einsatz neuer Technik.</p>",
        "topics": [
            ("kommunale-praevention", "Strategische Weiterentwicklung der kommunalen Prävention"),
            ("organisierte-kriminalitaet", "Organisierte Kriminalität"),
            ("sexarbeit", "Digitalisierung der Sexarbeit"),
        ],
    },
    {
        "slug": "urbane-resilienz",
        "title": "Urbane Resilienz",
        "lead": "Aus Krisen lernen: kommunales Krisenmanagement und Resilienz.",
        "body": "<p>Die Pandemie hat gezeigt, wie sehr Kommunen in Krisen gefordert sind. In den "
        "Forschungsprojekten PanReflex und LegiNot hat DEFUS das kommunale Krisenhandeln "
        "reflektiert und die Erkenntnisse für die Praxis aufbereitet, unter anderem in der "
        "Wissensplattform Kommunales Krisenmanagement.</p>",
        "topics": [
            ("krisenmanagement", "Kommunales Krisenmanagement"),
            ("bevoelkerungsschutz", "Risikokommunikation und Bevölkerungsschutz"),
        ],
    },
]


def ensure_pages(page_model) -> None:
    for slug, texts in PAGES.items():
        page_model.objects.get_or_create(slug=slug, defaults=texts)


def ensure_themes(theme_model) -> None:
    for position, theme in enumerate(THEMES):
        parent, _ = theme_model.objects.get_or_create(
            slug=theme["slug"],
            defaults={
                "title": theme["title"],
                "lead": theme["lead"],
                "body": theme["body"],
                "position": position,
            },
        )
        for topic_position, (slug, title) in enumerate(theme["topics"]):
            theme_model.objects.get_or_create(
                slug=slug, defaults={"title": title, "parent": parent, "position": topic_position}
            )
