from django import forms

from members.models import User


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
