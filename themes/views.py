from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from themes.models import Theme


@method_decorator(login_not_required, name="dispatch")
class ThemeListView(ListView):
    queryset = Theme.objects.focus_areas()


@method_decorator(login_not_required, name="dispatch")
class ThemeDetailView(DetailView):
    queryset = Theme.objects.focus_areas().prefetch_related("topics")
