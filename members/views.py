from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView
from django_filters.views import FilterView

from members.filters import MemberFilter
from members.models import ContactPerson, Member
from news.models import Article


@method_decorator(login_not_required, name="dispatch")
class MemberListView(FilterView):
    filterset_class = MemberFilter
    queryset = Member.objects.directory()
    template_name = "members/member_list.html"


@method_decorator(login_not_required, name="dispatch")
class MemberDetailView(DetailView):
    model = Member

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contacts=ContactPerson.objects.filter(member=self.object).visible_to(self.request.user),
            member_news=Article.objects.visible_to(self.request.user)
            .filter(member=self.object)
            .select_related("member")[:10],
            **kwargs,
        )
