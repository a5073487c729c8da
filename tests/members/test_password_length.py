"""A password of 100,000 characters is refused at the form with a German message before
anything is hashed: on login (the admin's login sends to the same form), password change,
reset and invitation."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string

from members.passwords import PASSWORD_MAX_LENGTH, PasswordLengthMixin
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000
TOO_LONG = "Das Passwort darf höchstens 1024 Zeichen lang sein."


class RecordingHasher(MD5PasswordHasher):
    """The tests' hasher (MD5, as in tests.conftest), noting the length of every password
    it hashes."""

    lengths: list[int] = []

    def encode(self, password, salt):
        RecordingHasher.lengths.append(len(password))
        return super().encode(password, salt)


@pytest.fixture
def hashed(settings):
    """The lengths of the passwords hashed in the test, after its users were made."""
    settings.PASSWORD_HASHERS = [f"{__name__}.RecordingHasher"]
    RecordingHasher.lengths = []
    return RecordingHasher.lengths


def user_with_password(**fields):
    user = UserFactory(**fields)
    user.set_password(PASSWORD)  # with the recording hasher
    user.save()
    RecordingHasher.lengths.clear()
    return user


@pytest.mark.parametrize("known", [True, False], ids=["bekannt", "unbekannt"])
def test_a_huge_password_is_refused_at_login_without_hashing(client, hashed, known):
    user_with_password(email="essen@stadt.example")
    email = "essen@stadt.example" if known else "niemand@stadt.example"
    response = client.post("/konto/login/", {"login": email, "password": HUGE})
    assert response.status_code == 200
    assert TOO_LONG in response.text
    assert hashed == []
    assert SESSION_KEY not in client.session
    assert f'value="{email}"' in response.text  # what was typed stays


def test_up_to_the_limit_the_password_is_checked_as_usual(client, hashed):
    user = user_with_password(email="essen@stadt.example")
    response = client.post("/konto/login/", {"login": user.email, "password": "x" * 1024})
    assert response.status_code == 200
    assert TOO_LONG not in response.text
    assert hashed == [1024]
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == user.pk


@pytest.mark.parametrize("field", ["oldpassword", "password1"])
def test_a_huge_password_is_refused_on_password_change(client, hashed, member, field):
    member_user = user_with_password(email="mitglied@stadt.example", member=member)
    client.force_login(member_user)
    data = {"oldpassword": PASSWORD, "password1": "Neu-fuer-Essen-2026", "password2": "x"}
    data[field] = HUGE
    response = client.post("/konto/password/change/", data)
    assert response.status_code == 200
    assert TOO_LONG in response.text
    assert max(hashed, default=0) <= 1024  # the right old password is checked, nothing huge
    member_user.refresh_from_db()
    assert member_user.check_password(PASSWORD)


def test_every_allauth_form_with_a_password_is_capped():
    # Asking for a reset link takes an e-mail address only.
    for name, path in django_settings.ACCOUNT_FORMS.items():
        form = import_string(path)
        if name == "reset_password":
            assert not any("password" in field for field in form.base_fields)
        else:
            assert issubclass(form, PasswordLengthMixin), name


def test_the_validator_refuses_a_new_password_over_the_limit_in_german():
    validate_password("Lange-Passphrase-" + "a1b2c3d4" * 125)  # 1017 characters: fine
    with pytest.raises(ValidationError) as refused:
        validate_password("Lange-Passphrase-" + "a1b2c3d4" * 200)
    assert TOO_LONG in refused.value.messages
    assert PASSWORD_MAX_LENGTH == 1024
