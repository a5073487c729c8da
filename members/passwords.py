"""A password may be long, but not endless: 1024 characters are more than any password manager
makes, and a cap keeps a request with a password of megabytes from costing the server work
before it is refused. Forms that take a password refuse a longer one at the field, before any
hashing (the login included); the validator in AUTH_PASSWORD_VALIDATORS covers every form that
sets one (invitation, admin)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms import PasswordInput
from django.utils.translation import gettext as _

PASSWORD_MAX_LENGTH = 1024


def too_long_message() -> str:
    return _("Das Passwort darf höchstens %(limit)d Zeichen lang sein.") % {
        "limit": PASSWORD_MAX_LENGTH
    }


class MaximumLengthValidator:
    """For AUTH_PASSWORD_VALIDATORS: at most PASSWORD_MAX_LENGTH characters."""

    def validate(self, password, user=None):
        if len(password) > PASSWORD_MAX_LENGTH:
            raise ValidationError(too_long_message(), code="password_too_long")

    def get_help_text(self):
        return _("Ihr Passwort darf höchstens %(limit)d Zeichen lang sein.") % {
            "limit": PASSWORD_MAX_LENGTH
        }


class PasswordLengthMixin:
    """For a form with password fields: each refuses more than PASSWORD_MAX_LENGTH characters
    when the field is cleaned, so the form's own checks (and the hashing) never see it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, PasswordInput):
                field.max_length = PASSWORD_MAX_LENGTH
                field.validators.append(
                    MaxLengthValidator(PASSWORD_MAX_LENGTH, message=too_long_message())
                )
