from allauth.account import forms as account_forms
from django import forms

from members.models import User
from members.passwords import PasswordLengthMixin


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


class ReauthenticateForm(PasswordLengthMixin, account_forms.ReauthenticateForm):
    pass
