"""Reading the demo's data files (demo/data/*.toml) and their dates.

A date or date-time is a plain TOML value (local date-times are Europe/Berlin), or, where it
has to stay upcoming or recent, an inline table relative to the load day:

- ``{ in_days = 14 }``: a date 14 days after the load day (negative: before it); for a
  date-time field, that many days from the moment of loading;
- ``time = 10:00:00``: a date-time on that day at that time;
- ``workday = true``: a Saturday or Sunday moves to the next Monday;
- ``plus_days = 1``: added after that move (the second day of a two-day event).
"""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

DATA = Path(__file__).resolve().parent / "data"
RELATIVE_KEYS = {"in_days", "time", "workday", "plus_days"}


def read(name: str) -> dict:
    with (DATA / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _check(value: dict) -> None:
    unknown = set(value) - RELATIVE_KEYS
    if unknown or "in_days" not in value:
        raise ValueError(
            f"Ein relatives Datum braucht in_days und kennt nur {sorted(RELATIVE_KEYS)}: {value}"
        )


def resolve_date(value, today: datetime.date) -> datetime.date:
    if not isinstance(value, dict):
        return value
    _check(value)
    day = today + datetime.timedelta(days=value["in_days"])
    if value.get("workday"):
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
    return day + datetime.timedelta(days=value.get("plus_days", 0))


@dataclass(frozen=True)
class Clock:
    """The moment of loading: every relative date of one load counts from it."""

    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    def date(self, value) -> datetime.date:
        return resolve_date(value, self.today)

    def datetime(self, value) -> datetime.datetime:
        if isinstance(value, dict):
            if "time" not in value:
                _check(value)
                return self.now + datetime.timedelta(days=value["in_days"])
            day = resolve_date({k: v for k, v in value.items() if k != "time"}, self.today)
            value = datetime.datetime.combine(day, value["time"])
        return timezone.make_aware(value) if timezone.is_naive(value) else value
