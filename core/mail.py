"""Every e-mail the portal sends goes through ``mail_send``: after the current transaction
commits, so that nothing is mailed for a change that is rolled back."""

from django.core.mail import EmailMessage, mailers
from django.db import transaction


def mail_send(*messages: EmailMessage) -> None:
    """Send ``messages`` once the current transaction has committed (at once outside one)."""
    if messages:
        transaction.on_commit(lambda: mailers.default.send_messages(list(messages)), robust=True)
