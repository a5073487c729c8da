from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Seitenaufrufe")

    def ready(self):
        import atexit

        from visits.counter import counter

        # A worker that stops in order (gunicorn's max_requests, a deploy) writes what it holds.
        atexit.register(counter.flush)
