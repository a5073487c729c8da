from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events.models import Event
from registrations.forms import RegistrationForm
from registrations.models import CANCEL_SALT, CONFIRM_MAX_AGE, CONFIRM_SALT, Registration
from registrations.services import (
    RegistrationError,
    registration_cancel,
    registration_confirm,
    registration_create,
)


@login_not_required
@require_http_methods(["GET", "POST"])
def register(request, slug):
    event = get_object_or_404(
        Event.objects.visible_to(request.user).prefetch_related("registration_questions"),
        slug=slug,
    )
    user = request.user
    if not event.may_register(user):
        if user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(request.get_full_path())
    own = Registration.objects.own(event=event, user=user)
    if own is not None:
        return redirect(event)
    questions = list(event.registration_questions.all())
    is_member = user.is_authenticated
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        questions=questions,
        with_person=not is_member,
    )
    error = None
    if not event.registration_open():
        error = "Für diesen Termin ist keine Anmeldung (mehr) möglich."
    elif form.is_valid():
        data = form.cleaned_data
        try:
            registration = registration_create(
                event=event,
                user=user if is_member else None,
                name=user.get_full_name() if is_member else data["name"],
                email=user.email if is_member else data["email"],
                organisation=(
                    (user.member.designation if user.member else "")
                    if is_member
                    else data["organisation"]
                ),
                answers=form.answers(),
            )
        except RegistrationError as exc:
            error = str(exc)
        else:
            if is_member:
                messages.success(request, _status_message(registration))
                return redirect(event)
            return render(
                request, "registrations/confirm_sent.html", {"event": event, "email": data["email"]}
            )
    return render(
        request,
        "registrations/register.html",
        {"event": event, "form": form, "error": error, "is_member": is_member},
        status=400 if error or form.errors else 200,
    )


def _status_message(registration: Registration) -> str:
    if registration.holds_seat:
        return (
            "Sie sind angemeldet. Die Bestätigung mit dem Kalendereintrag ist per E-Mail unterwegs."
        )
    return (
        f"Der Termin ist ausgebucht: Sie stehen auf der Warteliste, auf Platz "
        f"{registration.waiting_position()}. Wird ein Platz frei, rücken Sie automatisch nach "
        f"und erhalten eine E-Mail."
    )


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    registration = Registration.from_token(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    if registration is None:
        return render(request, "registrations/link_invalid.html", status=404)
    error = None
    if request.method == "POST":
        try:
            registration = registration_confirm(registration=registration)
        except RegistrationError as exc:
            error = str(exc)
    return render(
        request,
        "registrations/confirm.html",
        {
            "registration": registration,
            "event": registration.event,
            "error": error,
            "done": request.method == "POST" and not error,
            "status_message": _status_message(registration)
            if not registration.is_unconfirmed and not registration.is_cancelled
            else "",
        },
    )


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration = Registration.from_token(token, salt=CANCEL_SALT)
    if registration is None:
        return render(request, "registrations/link_invalid.html", status=404)
    if request.method == "POST" and not registration.is_cancelled:
        registration = registration_cancel(registration=registration)
    return render(
        request,
        "registrations/cancel.html",
        {"registration": registration, "event": registration.event},
    )
