import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, ListView

from core.access import has_member_access
from core.files import protected_file_response
from core.pagination import GracefulPaginationMixin, LazyListMixin
from core.views import MemberAccessRequiredMixin
from inquiries.forms import AnswerForm, InquiryForm, NotificationPreferenceForm
from inquiries.models import Answer, AnswerAttachment, Inquiry
from inquiries.services import answer_save, inquiry_ask


class InquiryListView(MemberAccessRequiredMixin, LazyListMixin, GracefulPaginationMixin, ListView):
    template_name = "inquiries/inquiry_list.html"
    context_object_name = "inquiry_list"
    paginate_by = 100

    def get_queryset(self):
        return (
            Inquiry.objects.visible_to(self.request.user)
            .closed(timezone.localdate())
            .select_related("asked_by_member")
            .with_answer_count()
            .by_year()
        )

    def get_context_data(self, **kwargs):
        # A callable, which the template calls: built only when not in the fragment cache.
        open_inquiries = lambda: (  # noqa: E731
            Inquiry.objects.visible_to(self.request.user)
            .open(timezone.localdate())
            .select_related("asked_by_member")
            .with_answer_count()
            .order_by("deadline", "pk")
        )
        return super().get_context_data(
            open_inquiries=open_inquiries,
            preference_form=NotificationPreferenceForm(instance=self.request.user),
            **kwargs,
        )


class InquiryCreateView(MemberAccessRequiredMixin, FormView):
    form_class = InquiryForm
    template_name = "inquiries/inquiry_form.html"

    def form_valid(self, form):
        inquiry = inquiry_ask(
            user=self.request.user,
            member=self.request.user.member,
            request=self.request,
            **form.cleaned_data,
        )
        messages.success(
            self.request,
            _(
                "Ihre Abfrage ist gestellt. Die E-Mail mit dem Link an alle Mitglieder wird "
                "verschickt."
            ),
        )
        return redirect(inquiry)


class InquiryDetailView(MemberAccessRequiredMixin, DetailView):
    template_name = "inquiries/inquiry_detail.html"

    def get_queryset(self):
        return Inquiry.objects.visible_to(self.request.user).select_related(
            "asked_by_member", "asked_by", "collection"
        )

    def get_context_data(self, **kwargs):
        inquiry = self.object
        answers = list(
            inquiry.answers.select_related("member", "author")
            .prefetch_related(
                Prefetch("attachments", queryset=AnswerAttachment.objects.order_by("pk"))
            )
            .order_by("member__name")
        )
        members = list(inquiry.members_by_answer_status())
        member_id = self.request.user.member_id
        own_answer = next((a for a in answers if member_id and a.member_id == member_id), None)
        may_answer = inquiry.may_be_answered_by(self.request.user)
        takes_answers = inquiry.takes_answers()
        if may_answer and "answer_form" not in kwargs:
            kwargs["answer_form"] = AnswerForm(
                instance=own_answer,
                attachments=own_answer.attachments.all() if own_answer else (),
            )
        answered_members = [m for m in members if m.has_answered]
        return super().get_context_data(
            answers=answers,
            answered_members=answered_members,
            open_members=[m for m in members if not m.has_answered],
            members_asked=len(members),
            answer_status=Inquiry.answer_status(len(answered_members), len(members)),
            takes_answers=takes_answers,
            own_answer=own_answer,
            is_asked=inquiry.is_asked_of(self.request.user),
            may_answer=may_answer,
            is_open=inquiry.is_open(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = inquiry = self.get_object()
        if not inquiry.is_asked_of(request.user):
            messages.error(request, inquiry.answer_refusal(request.user))
            return redirect(inquiry)
        own_answer = Answer.objects.filter(inquiry=inquiry, member=request.user.member).first()
        form = AnswerForm(
            request.POST,
            request.FILES,
            instance=own_answer,
            attachments=own_answer.attachments.all() if own_answer else (),
        )
        if form.is_valid():
            try:
                answer_save(
                    inquiry=inquiry,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    files=form.cleaned_data["attachments"],
                    remove_attachments=[
                        a.pk for a in form.cleaned_data.get("remove_attachments", [])
                    ],
                )
            except ValidationError as error:
                # Nothing typed is lost: after the deadline, the text is shown back with why.
                form.add_error(None, error)
            else:
                messages.success(request, _("Ihre Antwort ist gespeichert."))
                return redirect(inquiry)
        elif refusal := inquiry.answer_refusal(request.user):
            form.add_error(None, refusal)
        return self.render_to_response(self.get_context_data(answer_form=form), status=400)


@require_POST
def notification_preference(request):
    """Switch between an e-mail per new answer and a daily digest, for one's own Abfragen."""
    if not has_member_access(request.user):
        raise PermissionDenied
    form = NotificationPreferenceForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Ihre Einstellung ist gespeichert."))
    return redirect("inquiries:list")


@login_not_required
def attachment_download(request, pk):
    """A file for members only: no login redirect (a 404 says nothing about the file), and
    never kept by a shared cache."""
    attachment = get_object_or_404(AnswerAttachment.objects.visible_to(request.user), pk=pk)
    content_type, _encoding = mimetypes.guess_type(attachment.name)
    return protected_file_response(
        attachment.file,
        filename=attachment.name,
        content_type=content_type or "application/octet-stream",
        as_attachment=True,
        public=False,
    )
