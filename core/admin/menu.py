"""The office's menu: the admin's app list and its sidebar, kept per set of permissions,
language and marked section (``quick_app_list`` wraps ``admin.site.get_app_list`` in
defus/urls.py; ``{% quick_nav_sidebar %}`` renders the sidebar in admin/base_site.html)."""

from urllib.parse import quote as quote_url

from django.urls import get_script_prefix
from django.utils.translation import get_language

#: The office's menu (the admin's app list and its sidebar), worked out once per set of
#: permissions and language instead of on every page; bounded, and empty after a restart (a
#: deploy brings new models with it).
_APP_LISTS: dict = {}
_SIDEBARS: dict = {}
_KEPT_AT_MOST = 500


def app_list_key(request) -> tuple:
    """What the admin's app list depends on: the permissions (the admins' own rules look
    at nothing else), the language and the address prefix."""
    if not hasattr(request, "_app_list_key"):
        user = request.user
        request._app_list_key = (
            user.pk is not None and user.is_active,
            user.is_staff,
            user.is_superuser,
            frozenset(user.get_all_permissions()),
            get_language(),
            get_script_prefix(),
        )
    return request._app_list_key


def _kept(store: dict, key, make):
    """``store[key]``, made first if missing (threads may make it twice; never fails)."""
    value = store.get(key)
    if value is None:
        if len(store) >= _KEPT_AT_MOST:
            store.clear()
        value = store[key] = make()
    return value


def quick_app_list(get_app_list):
    """``AdminSite.get_app_list`` kept per ``app_list_key``. Every page of the admin builds
    the app list for its sidebar: 69 addresses reversed and 140 permission checks, about a
    tenth of a changelist's time. Each caller gets its own copies of the dictionaries (the
    index pages sort them)."""

    def kept_app_list(request, app_label=None):
        apps = _kept(
            _APP_LISTS,
            (app_list_key(request), app_label),
            lambda: get_app_list(request, app_label),
        )
        return [{**app, "models": [dict(model) for model in app["models"]]} for app in apps]

    return kept_app_list


def quick_nav_sidebar(context) -> str:
    """Django's sidebar (``admin/nav_sidebar.html``) rendered once per app list and marked
    page section: the sidebar marks the app and the model whose address the current one
    contains."""
    request = context["request"]
    apps = context.get("available_apps") or []
    path = quote_url(request.path, safe="/")
    marked = tuple(
        url
        for app in apps
        for url in (app["app_url"], *(model.get("admin_url") for model in app["models"]))
        if url and url in path
    )
    return _kept(
        _SIDEBARS,
        (app_list_key(request), marked),
        lambda: context.template.engine.get_template("admin/nav_sidebar.html").render(context),
    )
