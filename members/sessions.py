"""Django's sessions in the database, read with SQL built once per process: the session is the
first query of every logged-in request, and building it through the ORM cost twice what
running it costs (core.db.compiled). ``SESSION_ENGINE`` points here."""

from datetime import UTC, datetime

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.db.compiled import CompiledGet

sessions = CompiledGet(
    lambda: Session.objects.all(),
    session_key="\x1fsentinel",
    expire_date__gt=datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=UTC),
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = sessions.get(session_key=self.session_key, expire_date__gt=timezone.now())
        if session is None:
            self._session_key = None
        return session
