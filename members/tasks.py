"""Background tasks of the accounts, run by the task worker (`manage.py worker`)."""

from allauth.account.forms import ResetPasswordForm
from django.tasks import task


@task
def password_reset_send(*, email: str) -> str:
    """The password reset mail for ``email``, looked up here in the worker and not in the
    request, so that the answer to the form takes the same time whether or not an account
    exists (members.forms.PasswordResetRequestForm only queues this task).

    allauth does the rest as in the request: its lookup of active accounts by address, its
    token generator, its templates, its link (AccountAdapter.get_reset_password_from_key_url,
    from settings.SITE_URL). Only those who may log in get a mail: deactivated accounts and
    the accounts of members that have left get none, like unknown addresses."""
    form = ResetPasswordForm(data={"email": email})
    if not form.is_valid():
        return "Keine gültige Adresse: keine E-Mail."
    form.users = [user for user in form.users if user.may_log_in]
    form.save(request=None)
    return f"Konten, die eine E-Mail zum Zurücksetzen bekommen: {len(form.users)}"
