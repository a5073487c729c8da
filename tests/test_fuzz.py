"""No request gives a 500 (issue 8): every URL pattern, filled with valid and broken values,
and every form the pages show (public, member and admin forms), sent malformed values as an
anonymous visitor, a member and the office. Deterministic (one seed), bounded in time.

The run prints how many requests it sent and how many answered 500 or more; any such answer
fails the test with the request that caused it."""

import os
import random
import re
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import converters, get_resolver

from tests.conftest import standing_content_create
from tests.factories import (
    AnswerFactory,
    ArticleFactory,
    CollectionFactory,
    ContactPersonFactory,
    DocumentFactory,
    EntryFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

SEED = 20261130
# About 20 seconds in the suite; FUZZ_SECONDS=300 for a deeper run by hand.
SECONDS = float(os.environ.get("FUZZ_SECONDS", "20"))
DISCOVERY_SECONDS = SECONDS / 2  # of which visiting the patterns with valid values

MALFORMED = [
    "",
    "A" * 100_000,
    "Ä" * 5_000,
    "\x00",
    "Hitze\x00schutz",
    "\u202eKöln\u200b",
    "𝕯𝕰𝕱𝖀𝕾 😀",
    "A\u0308\ufeff\uffff",
    "-1",
    "0",
    "99999999999999999999999999",
    "-99999999999999999999",
    "1e309",
    "NaN",
    "2024-02-30",
    "31.02.2024",
    "9999-12-31",
    "0000-00-00",
    "-0001-01-01",
    "10000-01-01",
    "' OR 1=1 --",
    "1; DROP TABLE members_user; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "%00%ff",
    "../../etc/passwd",
    "javascript:alert(1)",
    "mitglieder",
    "true",
]
BROKEN_URL_VALUES = ["0", "-1", "99999999999999999999", "nicht-da", "ä", "a" * 300,
                     "'; DROP TABLE x; --", "<b>x</b>", "%00"]  # fmt: skip
QUERY_KEYS = ["page", "q", "p", "o", "e", "all", "year", "jahr", "source", "series", "audience",
              "place", "kind", "theme", "state", "status__exact", "visibility__exact",
              "created_at__gte", "starts_on__lt", "date", "next", "_changelist_filters",
              "_popup", "_to_field", "id__in"]  # fmt: skip
# Requests that would end the fuzzer's own session or delete its test data.
NOT_POSTED = re.compile(r"logout|/delete/|password.?change|2fa/.*(deactivate|regenerate)")


def malformed(rng: random.Random):
    """One value, or a list of them (a repeated key)."""
    if rng.random() < 0.2:
        return [rng.choice(MALFORMED) for _ in range(rng.randint(2, 4))]
    return rng.choice(MALFORMED)


class Forms(HTMLParser):
    """The forms of a page: method, action and the names of their fields."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "get").lower(),
                               "action": attrs.get("action") or "", "fields": {}})  # fmt: skip
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            kind = attrs.get("type", tag)
            if kind not in ("submit", "button", "image", "reset"):
                self.forms[-1]["fields"][attrs["name"]] = kind


def content():
    """Something of every kind, so that patterns have rows to point at."""
    standing_content_create()
    member = MemberFactory(name="Essen", designation="Stadt Essen", slug="essen")
    ContactPersonFactory(member=member)
    ArticleFactory(slug="meldung", member=member)
    ArticleFactory(slug="intern", visibility="mitglieder")
    series = SeriesFactory()
    EventFactory(slug="termin", series=series)
    EventFactory(slug="vorstand", audience="intern")
    inquiry = InquiryFactory(asked_by_member=MemberFactory(slug="hannover"))
    AnswerFactory(inquiry=inquiry, member=MemberFactory(slug="bonn"))
    collection = CollectionFactory()
    EntryFactory(collection=collection)
    DocumentFactory(visibility="oeffentlich")
    DocumentFactory()


def url_templates() -> list[tuple[str, dict]]:
    """Every pattern as a format string ("aktuelles/%(slug)s/") and its converters."""
    found: dict[str, dict] = {}

    def walk(resolver, prefix):
        for key in list(resolver.reverse_dict):
            for possibilities, _pattern, _defaults, convs in resolver.reverse_dict.getlist(key):
                for template, _params in possibilities:
                    found.setdefault(prefix + template, convs)
        for ns_prefix, sub in resolver.namespace_dict.values():
            walk(sub, prefix + ns_prefix)

    walk(get_resolver(), "/")
    return sorted(found.items())


def values_for(converter, good_ints, good_slugs) -> tuple[list[str], list[str]]:
    """Valid values (existing rows) and broken ones for one converter."""
    if isinstance(converter, converters.IntConverter):
        good = good_ints
    elif isinstance(converter, converters.SlugConverter):
        good = good_slugs
    else:
        good = good_slugs + good_ints + ["news", "article", "members", "member"]
    broken = [value for value in BROKEN_URL_VALUES if re.fullmatch(converter.regex, value)]
    return good, broken


def fill(template: str, convs: dict, rng: random.Random, good_ints, good_slugs, *, valid: bool):
    params = re.findall(r"%\((\w+)\)s", template)
    values = {}
    for param in params:
        converter = convs.get(param)
        if converter is None:
            good, broken = good_slugs + good_ints, BROKEN_URL_VALUES
        else:
            good, broken = values_for(converter, good_ints, good_slugs)
        values[param] = rng.choice(good if valid or not broken else broken)
    return template % values if params else template


def test_no_malformed_request_gives_a_500(member_user, staff_user, settings, capsys):
    settings.PAGE_CACHE_SECONDS = 0
    content()
    rng = random.Random(SEED)
    good_ints = sorted({str(pk) for model in apps.get_models()
                        for pk in model._default_manager.values_list("pk", flat=True)[:2]
                        if isinstance(pk, int)})[:12]  # fmt: skip
    good_slugs = sorted({slug for model in apps.get_models()
                         if any(f.name == "slug" for f in model._meta.fields)
                         for slug in model._default_manager.values_list("slug", flat=True)[:2]})  # fmt: skip
    templates = url_templates()
    clients = {"anonymous": Client(), "member": Client(), "office": Client()}
    clients["member"].force_login(member_user)
    clients["office"].force_login(staff_user)
    sent = 0
    failures: list[str] = []
    forms: dict[tuple[str, str, str], dict] = {}  # (who, method, action) -> fields
    slow = []

    def send(who: str, method: str, path: str, data=None):
        nonlocal sent
        sent += 1
        client = clients[who]
        began = time.monotonic()
        try:
            with transaction.atomic():  # a failed query must not poison the test's transaction
                if method == "post":
                    response = client.post(path, data or {})
                else:
                    response = client.get(path, data or {})
        except Exception as error:
            failures.append(f"{who} {method.upper()} {path[:200]} {str(data)[:200]}: {error!r}")
            return None
        if response.status_code >= 500:
            failures.append(f"{who} {method.upper()} {path[:200]}: {response.status_code}")
        slow.append((time.monotonic() - began, who, method, path[:80], response.status_code))
        return response

    def discover(who, path, response):
        if response is None or response.status_code != 200:
            return
        if "html" not in response.get("Content-Type", "") or response.streaming:
            return
        parser = Forms()
        parser.feed(response.content.decode(errors="replace"))
        for form in parser.forms:
            action = urljoin(path, form["action"]) if form["action"] else path
            if urlsplit(action).netloc:
                continue
            forms.setdefault((who, form["method"], urlsplit(action).path), form["fields"])

    start = time.monotonic()

    # 1. Every pattern with valid values, as everyone: what answers, and which forms it shows.
    # The site's own pages for everyone first, then the office's admin forms, then the rest
    # of the admin: where the forms are.
    def order(visit):
        who, template, _convs = visit
        if not template.startswith("/verwaltung/"):
            return 0
        if who != "office":
            return 3
        return 1 if template.endswith(("/add/", "/change/")) else 2

    visits = [(who, template, convs) for template, convs in templates for who in clients]
    rng.shuffle(visits)
    visits.sort(key=order)
    for who, template, convs in visits:
        if time.monotonic() - start > DISCOVERY_SECONDS:
            break
        path = fill(template, convs, rng, good_ints, good_slugs, valid=True)
        discover(who, path, send(who, "get", path))
    discovered = sent
    # 2. Until the time is up: broken values in the address and the query, malformed forms.
    targets = sorted(forms.items())
    rounds = 0
    while time.monotonic() - start < SECONDS:
        rounds += 1
        who = rng.choice(list(clients))
        choice = rng.random()
        if choice < 0.3 or not targets:
            template, convs = rng.choice(templates)
            path = fill(template, convs, rng, good_ints, good_slugs, valid=rng.random() < 0.3)
            query = {rng.choice(QUERY_KEYS): malformed(rng) for _ in range(rng.randint(0, 3))}
            send(who, "get", path, query)
            continue
        (who, method, action), fields = rng.choice(targets)
        if method == "post" and NOT_POSTED.search(action):
            continue
        data = {}
        for name, kind in fields.items():
            if name == "csrfmiddlewaretoken":
                continue
            if kind == "file":
                data[name] = SimpleUploadedFile(rng.choice(["a.pdf", "x\u202egpj.exe", "a" * 300]),
                                                rng.choice([b"", b"%PDF-1.4\n", b"\x00" * 100]))  # fmt: skip
            else:
                data[name] = malformed(rng)
        if method == "post":
            send(who, "post", action, data)
        else:
            send(who, "get", action, data)
        if rounds % 40 == 0:  # malformed forms may have logged someone out
            clients["member"].force_login(member_user)
            clients["office"].force_login(staff_user)
    with capsys.disabled():
        if os.environ.get("FUZZ_DEBUG"):
            print(discovered, len(visits))
            for row in sorted(slow, reverse=True)[:25]:
                print(row)
        print(
            f"\nFuzz: {sent} Anfragen in {time.monotonic() - start:.1f} s "
            f"({len(templates)} Muster, {len(forms)} Formulare), {len(failures)} Antworten >= 500"
        )
    assert failures == [], "\n".join(failures[:20])
