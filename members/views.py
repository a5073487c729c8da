from allauth.account.utils import perform_login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from members.filters import MemberFilter
from members.models import Member
from members.tokens import invitation_token_generator


@method_decorator(login_not_required, name="dispatch")
class MemberListView(FilterView):
    filterset_class = MemberFilter
    template_name = "members/member_list.html"

    def get_queryset(self):
        return Member.objects.directory()  # per request: who is a member changes by the day


@method_decorator(login_not_required, name="dispatch")
class MemberDetailView(DetailView):
    model = Member

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contacts=self.object.contacts.visible_to(self.request.user),
            member_news=self.object.articles.visible_to(self.request.user).select_related("member")[
                :10
            ],
            **kwargs,
        )


class InvitationView(PasswordResetConfirmView):
    """The page behind the invitation link: the person sets a password and is logged in
    through allauth, so a second factor, once set up, is still asked for."""

    template_name = "members/invitation.html"
    title = _("Passwort festlegen")
    token_generator = invitation_token_generator
    reset_url_token = "passwort-festlegen"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.may_log_in else None

    def form_valid(self, form):
        user = form.save()
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return perform_login(self.request, user, redirect_url=reverse("pages:dashboard"))
