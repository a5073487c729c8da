from django.contrib import admin, messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView

from activities import services
from activities.models import AnnualReport, Guideline, GuidelineSignature, Publication
from activities.odt import report_odt
from activities.pdf import report_pdf
from activities.report import annual_report, member_engagement
from documents.models import Document


@method_decorator(login_not_required, name="dispatch")
class GuidelineListView(ListView):
    template_name = "activities/guideline_list.html"

    def get_queryset(self):
        signed = GuidelineSignature.objects.filter(
            status=GuidelineSignature.Status.SIGNED
        ).select_related("member")
        return (
            Guideline.objects.with_signature_counts()
            .select_related("assembly")
            .prefetch_related(
                Prefetch(
                    "document",
                    queryset=Document.objects.visible_to(self.request.user),
                ),
                Prefetch("signatures", queryset=signed, to_attr="signed"),
            )
        )


def _report_or_404(request, year: int):
    if not request.user.has_perm("activities.view_annual_report") or not 2000 <= year <= 2100:
        raise Http404
    return annual_report(year)


@admin.site.admin_view
def annual_report_html(request, year: int):
    report = _report_or_404(request, year)
    context = {
        **admin.site.each_context(request),
        "title": _("Jahresbericht %(year)s") % {"year": year},
        "report": report,
        "may_publish": request.user.has_perm("activities.change_annualreport"),
    }
    return render(request, "activities/annual_report.html", context)


@admin.site.admin_view
def annual_report_pdf(request, year: int):
    report = _report_or_404(request, year)
    pdf = report_pdf(report, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="DEFUS-Jahresbericht-{year}.pdf"'
    return response


@admin.site.admin_view
def member_engagement_html(request, year: int):
    if not request.user.has_perm("activities.view_annual_report") or not 2000 <= year <= 2100:
        raise Http404
    context = {
        **admin.site.each_context(request),
        "title": _("Engagement der Mitglieder %(year)s") % {"year": year},
        "year": year,
        "members": member_engagement(year),
    }
    return render(request, "activities/member_engagement.html", context)


@admin.site.admin_view
def annual_report_odt(request, year: int):
    report = _report_or_404(request, year)
    response = HttpResponse(
        report_odt(report), content_type="application/vnd.oasis.opendocument.text"
    )
    response["Content-Disposition"] = f'attachment; filename="DEFUS-Jahresbericht-{year}.odt"'
    return response


@admin.site.admin_view
@require_POST
def annual_report_publish(request, year: int):
    if not request.user.has_perm("activities.change_annualreport") or not 2000 <= year <= 2100:
        raise Http404
    record = services.annual_report_publish(year=year, base_url=request.build_absolute_uri("/"))
    messages.success(
        request,
        _(
            "Der Jahresbericht %(year)s steht jetzt mit den Zahlen vom %(date)s als öffentliches "
            "Dokument auf der Seite „Publikationen“."
        )
        % {"year": year, "date": f"{record.published_on:%d.%m.%Y}"},
    )
    return redirect("annual_report", year=year)


@method_decorator(login_not_required, name="dispatch")
class PublicationListView(TemplateView):
    """Jahresberichte, Leitgedanken, Fachartikel and interviews on DEFUS, on one page."""

    template_name = "activities/publication_list.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "reports": AnnualReport.objects.published()
            .select_related("document")
            .order_by("-year"),
            "guidelines": Guideline.objects.with_signature_counts().select_related("assembly"),
            "articles": Publication.objects.articles().order_by("-dated_on", "title"),
            "interviews": Publication.objects.interviews().order_by("-dated_on", "title"),
        }
