"""The registration box on the event page: the events app shows it without importing us."""

from django import template
from django.urls import reverse

from registrations.models import Registration

register = template.Library()


@register.inclusion_tag("registrations/event_panel.html", takes_context=True)
def registration_panel(context, event):
    request = context["request"]
    registration = Registration.objects.own(event=event, user=request.user)
    cancel_path = ""
    if registration is not None:
        cancel_path = reverse("registrations:cancel", kwargs={"token": registration.cancel_token()})
    return {
        "event": event,
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "registration": registration,
        "cancel_path": cancel_path,
        "may_register": event.may_register(request.user),
        "is_open": event.registration_open(),
        "has_questions": event.registration_questions.exists(),
    }
