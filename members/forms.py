from allauth.account import forms as account_forms
from allauth.account.adapter import get_adapter
from django import forms
from django.db import transaction

from members.models import User
from members.passwords import PasswordLengthMixin
from members.tasks import password_reset_send


class OfficeUserCreationForm(forms.ModelForm):
    """Creates an account without a password: the person sets it from the invitation."""

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "member"]

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


# allauth's forms with a password field (ACCOUNT_FORMS in settings), each capped in length.
class LoginForm(PasswordLengthMixin, account_forms.LoginForm):
    pass


class SignupForm(PasswordLengthMixin, account_forms.SignupForm):
    pass


class ChangePasswordForm(PasswordLengthMixin, account_forms.ChangePasswordForm):
    pass


class SetPasswordForm(PasswordLengthMixin, account_forms.SetPasswordForm):
    pass


class ResetPasswordKeyForm(PasswordLengthMixin, account_forms.ResetPasswordKeyForm):
    pass


class PasswordResetRequestForm(account_forms.ResetPasswordForm):
    """The request for a reset link does the same work for every well-formed address: it only
    queues ``members.tasks.password_reset_send``, which looks the account up in the worker.
    So neither the answer nor its time tells whether an account exists (allauth would look the
    account up, make the token and render the mail within the request). allauth's view still
    counts its rate limits (per IP and per address) before ``save``."""

    def clean_email(self) -> str:
        email = get_adapter().clean_email(self.cleaned_data["email"].lower())
        self.users = []  # unknown here; the task looks them up
        return email

    def save(self, request, **kwargs) -> str:
        email = self.cleaned_data["email"]
        transaction.on_commit(lambda: password_reset_send.enqueue(email=email), robust=True)
        return email


class ReauthenticateForm(PasswordLengthMixin, account_forms.ReauthenticateForm):
    pass
