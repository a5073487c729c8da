"""Periodic jobs of the queue itself (registered in settings.SCHEDULE)."""

import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

# Delivered mails and finished jobs stay visible this long; failed ones stay until deleted.
KEEP_DONE = datetime.timedelta(days=30)


def queue_prune() -> int:
    """Delete tasks that succeeded more than ``KEEP_DONE`` ago; return how many."""
    deleted, _ = (
        DBTaskResult.objects.successful()
        .filter(finished_at__lt=timezone.now() - KEEP_DONE)
        .delete()
    )
    return deleted
