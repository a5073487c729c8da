from django.conf import settings

from visits.counter import counter, is_bot


class PageViewMiddleware:
    """Count a view of a public page: a GET answered with a 200 HTML page, by a browser that
    is no known bot, outside the admin, the account pages, static files and the health check.

    It sits outside the anonymous page cache, so pages served from it count too. A page is
    public when its view says ``login_not_required``; a page from the cache is public, since
    the cache keeps only what anonymous visitors got. Prefetches by the browser do not count.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(settings.VISITS_EXCLUDED_PREFIXES)

    def __call__(self, request):
        response = self.get_response(request)
        if self._counts(request, response):
            counter.add(request.path)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.page_view_public = not getattr(view_func, "login_required", True)

    def _counts(self, request, response) -> bool:
        # META rather than request.headers: building the latter costs more than the rest.
        meta = request.META
        return (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and getattr(request, "page_view_public", True)
            and not request.path.startswith(self.excluded)
            and not meta.get("HTTP_SEC_PURPOSE", meta.get("HTTP_PURPOSE"))
            and not is_bot(meta.get("HTTP_USER_AGENT", ""))
        )
