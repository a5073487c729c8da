"""The pieces of `make bench` that are quick to prove here: which data sets run, the switch that
takes the page-view counter out, and the summary's cost of counting. The bench itself starts
gunicorn and puts load on it; its numbers depend on the machine, so it is never a test."""

import importlib
import os
import subprocess
import sys
import time
from urllib.parse import unquote

import pytest

from tools import bench, drill

PAGE_VIEWS = "visits.middleware.PageViewMiddleware"


def result(rps: float) -> dict:
    return {"rps": rps, "p50": 1.0, "p99": 2.0, "errors": 0}


def test_make_bench_runs_the_demo_and_ten_times_the_demo_by_default():
    assert bench.data_sets("demo,large") == ["demo", "large"]
    assert bench.data_sets(" large ") == ["large"]
    with pytest.raises(SystemExit, match="unbekannt riesig"):
        bench.data_sets("demo,riesig")
    # the demo set removes the generated data, so the database ends as the demo
    assert bench.DATA_SETS["demo"][1] == ["load_bench_data", "--remove"]


def test_bench_visits_0_takes_the_page_view_counter_out(monkeypatch):
    monkeypatch.setenv("BENCH_VISITS", "0")
    without = importlib.reload(importlib.import_module("tools.bench_settings"))
    assert PAGE_VIEWS not in without.MIDDLEWARE
    monkeypatch.setenv("BENCH_VISITS", "1")
    counted = importlib.reload(without)
    assert PAGE_VIEWS in counted.MIDDLEWARE
    assert bench.production_env(True, visits=False)["BENCH_VISITS"] == "0"


def test_the_summary_gives_the_cost_of_counting_from_alternating_pairs():
    # three rounds; in the second the neighbours took half the machine from both alike
    counting = {
        "on": {"/": [900, 450, 900], "/termine/": [950, 475, 950]},
        "off": {"/": [1000, 500, 1000], "/termine/": [1000, 500, 1000]},
    }
    cost = bench.counting_cost(counting)
    assert round(cost["cost"], 1) == 7.5
    assert [round(each, 1) for each in cost["rounds"]] == [7.5, 7.5, 7.5]
    assert (round(cost["on"]), round(cost["off"])) == (1542, 1667)
    cached = [(bench.FLOOR, result(1000), ""), ("/", result(900), "")]
    unanswered = [*cached, (bench.SEARCH_PAGES[0], {**result(0), "p50": 0.0}, "")]
    unanswered.append((bench.SEARCH_PAGES[1], {**result(5), "p50": 700.0}, ""))
    lines = bench.summary("Demo-Inhalte", cached, unanswered, {"/": 3}, counting)
    assert "p50 700 ms" in lines[3]  # the search page without any answer is left out
    assert "Übersicht (Demo-Inhalte)" in lines[0]
    assert "Zählung der Seitenaufrufe" in lines[-1] and "kostet 7.5 %" in lines[-1]
    assert "je Runde 7.5, 7.5, 7.5 %" in lines[-1] and "Ziel ≤ 5 %" in lines[-1]


def test_the_summary_gives_the_cpu_time_counting_costs_in_one_process():
    in_process = {"on": [404.0, 990.0, 404.0], "off": [400.0, 400.0, 402.0]}
    rows = [(bench.FLOOR, result(1000), ""), ("/", result(950), "")]
    lines = bench.summary("Demo", rows, rows, {}, counting_in_process=in_process)
    line = next(each for each in lines if each.startswith("Zählung, CPU je Anfrage"))
    # the median of the rounds: one round disturbed by the neighbours does not decide
    assert "kostet 1.0 %" in line and "404 statt 400 µs" in line
    assert "Median aus 3 Runden" in line and "Ziel ≤ 5 %" in line


@pytest.mark.django_db
def test_the_cpu_time_of_counting_compares_the_pages_counted_with_the_same_uncounted(
    settings, page_view_counter
):
    """Both handlers serve the cached public pages; only the first counts them."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.PAGE_CACHE_SECONDS = 3600
    # As Django's test client does: the requests must not close the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        measured = bench.cpu_per_request(rounds=2, requests=3)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    assert len(measured["on"]) == len(measured["off"]) == 2
    assert all(each > 0 for each in measured["on"] + measured["off"])
    views = {path: count for (path, _), count in page_view_counter.pending.items()}
    # three to fill the cache, then three in each of the two rounds; the other handler's
    # as many requests counted none
    assert views == dict.fromkeys(bench.COUNTED_PAGES, 3 + 2 * 3)


def test_the_counting_pairs_alternate_which_server_goes_first():
    order = bench.counting_order(["/", "/termine/", "/projekte/"], rounds=2)

    assert len(order) == 2 * 2 * 3
    assert order[:6] == [
        ("/", "on"), ("/", "off"),
        ("/termine/", "off"), ("/termine/", "on"),
        ("/projekte/", "on"), ("/projekte/", "off"),
    ]  # fmt: skip
    assert order[6:8] == [("/", "off"), ("/", "on")]  # the next round starts the other way
    for path in ["/", "/termine/", "/projekte/"]:
        assert [name for each, name in order if each == path].count("on") == 2


@pytest.mark.django_db
@pytest.mark.urls("tools.bench_urls")
def test_the_floor_is_no_page_view_but_a_page_is(client):
    from visits.counter import counter

    counter.clear()
    response = client.get("/bench/floor/", HTTP_USER_AGENT=bench.USER_AGENT)
    assert response.status_code == 200 and response["Content-Type"] == "text/plain"
    assert not counter.pending
    client.get("/termine/", HTTP_USER_AGENT=bench.USER_AGENT)
    assert [path for path, _ in counter.pending] == ["/termine/"]
    counter.clear()


def test_the_summary_shows_first_renders_and_what_a_login_costs_before_any_page():
    rows = [(bench.FLOOR, result(1000), ""), ("/", result(400), "")]
    rows += [(bench.LOGGED_IN_FLOOR, result(300), "Mitglied")]
    rows += [(path, result(200), "Mitglied") for path in bench.MEMBER_PAGES]
    first = [(bench.FLOOR, result(1000), ""), ("/", result(50), "")]
    first += [(path, result(20), "Mitglied") for path in bench.MEMBER_PAGES]
    lines = bench.summary("Demo-Inhalte", rows, rows, {bench.LOGGED_IN_FLOOR: 3}, (), first)
    public = next(line for line in lines if line.startswith("öffentliche Seiten"))
    members = next(line for line in lines if line.startswith("Mitgliederseiten"))
    assert "0.40" in public and public.endswith("erste Darstellung 0.05")
    assert "0.20" in members and "erste Darstellung 0.02" in members
    floor = next(line for line in lines if line.startswith("floor, angemeldet"))
    assert "0.30" in floor and " 3 " in floor


@pytest.mark.django_db
def test_new_searches_are_each_a_different_text_from_the_titles_with_typos():
    from tests.factories import ArticleFactory, EventFactory

    ArticleFactory(title="Kommunale Kriminalprävention in Bremen")
    EventFactory(title="Fachtag: Hitzeschutz im Quartier")
    paths = bench.new_search_paths()
    assert len(paths) == len(set(paths))
    assert all(path.startswith("/suche/?q=") for path in paths)
    texts = {unquote(path.removeprefix("/suche/?q=")) for path in paths}
    assert {"Kriminalprävention", "Hitzeschutz", "Kommunale Kriminalprävention"} <= texts
    typos = [text for text in texts if sorted(text) == sorted("Kriminalprävention")]
    assert len(typos) == 2  # the word and the word with two letters swapped
    assert "in" not in texts and "Fachtag:" not in texts


def test_the_summary_shows_a_new_search_text_for_every_request():
    rows = [(bench.FLOOR, result(1000), ""), (bench.NEW_SEARCHES, result(120), "")]
    first = [(bench.FLOOR, result(1000), ""), (bench.NEW_SEARCHES, result(60), "")]
    lines = bench.summary("Demo-Inhalte", rows, rows, {bench.NEW_SEARCHES: 2}, (), first)
    new = next(line for line in lines if line.startswith("Suche, jedes Mal neuer Text"))
    assert "0.12" in new and " 2 " in new and "erste Darstellung 0.06" in new


def test_the_floor_of_a_run_is_the_mean_before_and_after_its_pages(capsys):
    floor = bench.floor_of(result(1000), result(1200))
    assert (floor["rps"], floor["before"], floor["after"]) == (1100, 1000, 1200)
    assert round(floor["drift"]) == 20
    rows = [(bench.FLOOR, floor, ""), ("/", result(550), "")]

    bench.print_rows("Demo-Inhalte: ohne Seiten-Cache", rows)
    printed = capsys.readouterr().out
    assert "Mittel aus vorher 1000 und nachher 1200 (+20 %)" in printed
    assert "0.50" in printed  # the page's share of the mean

    lines = bench.summary("Demo-Inhalte", rows, rows, {"/": 1})
    assert "über den Lauf änderte er sich mit Seiten-Cache +20 %, ohne +20 %" in lines[0]


def test_each_page_is_compared_with_the_floor_just_before_and_after_it(capsys):
    # the machine sped up during the run: 800 before the first page, 1200 after the last
    run_floor = bench.floor_of(result(800), result(1200))
    slow = {**result(760), "local_floor": 800}  # measured while the floor ran at 800
    fast = {**result(1140), "local_floor": 1200}
    rows = [(bench.FLOOR, run_floor, ""), ("/", slow, ""), ("/termine/", fast, "")]
    assert [round(bench.share(each, rows), 2) for _, each, _ in rows[1:]] == [0.95, 0.95]

    lines = bench.summary("Demo-Inhalte", rows, rows, {"/": 1, "/termine/": 1})
    public = next(line for line in lines if line.startswith("öffentliche Seiten"))
    assert "0.95" in public and "0.76" not in public  # 760 of the run's mean of 1000

    bench.print_rows("Demo-Inhalte: mit Seiten-Cache", rows)
    printed = capsys.readouterr().out.splitlines()
    row = next(line for line in printed if line.startswith("/ "))
    assert row.split()[-2:] == ["0.95", "800"]  # the share and the floor it is taken of


def test_the_summary_gives_the_jahresbericht_as_the_office_waits_for_it():
    rows = [(bench.FLOOR, result(1000), ""), ("/", result(400), "")]
    report = {"HTML": [0.6, 0.2, 0.15, 0.25], "PDF": [3.4, 2.4, 2.5, 2.6]}
    lines = bench.summary("Demo-Inhalte", rows, rows, {"/": 1}, report=report)
    line = lines[-1]
    assert line.startswith(f"Jahresbericht {bench.REPORT_YEAR}")
    assert "HTML 0.23 s (höchstens 0.60 s, Ziel ≤ 1 s)" in line  # the median of four
    assert "PDF 2.55 s (höchstens 3.40 s, Ziel ≤ 5 s)" in line
    assert "je 4 nacheinander" in line
    assert not any("Jahresbericht" in each for each in bench.summary("Demo", rows, rows, {}))


def test_the_report_waits_for_the_workers_warm_up_by_their_cpu_time():
    busy = subprocess.Popen(
        [sys.executable, "-c", "import time\nt = time.time() + 1.5\nwhile time.time() < t: pass"]
    )
    try:
        start = time.monotonic()
        bench.wait_until_idle([busy.pid], limit=10)
        # idle only once the loop has ended: after 1.5 s, long before the limit
        assert 1.4 < time.monotonic() - start < 5
    finally:
        busy.wait()
    assert drill.cpu_seconds(os.getpid()) > 0
