"""Headers on every response (issue 8, finding 9)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/", "/aktuelles/", "/konto/login/", "/gibt-es-nicht/", "/suche/?q=%00", "/healthz"]
)
def test_every_response_denies_unused_features_and_foreign_embedding(visitor, path):
    response = visitor.get(path)
    policy = response["Permissions-Policy"]
    for feature in ["camera", "microphone", "geolocation", "payment", "usb",
                    "interest-cohort", "browsing-topics"]:  # fmt: skip
        assert f"{feature}=()" in policy
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/", "/aktuelles/", "/termine/", "/gibt-es-nicht/"])
def test_responses_to_logged_in_people_are_never_kept_by_a_cache(visitor, path):
    response = visitor.get(path)
    if visitor.kind == "anonymous":
        assert "no-store" not in response.get("Cache-Control", "")
    else:
        assert response["Cache-Control"] == "private, no-store"


def test_the_anonymous_page_cache_never_stores_a_logged_in_page(client, member_user, settings):
    from tests.pages.test_page_cache import kept

    settings.PAGE_CACHE_SECONDS = 60
    client.force_login(member_user)
    client.get("/aktuelles/")
    assert kept("/aktuelles/") is None
    client.logout()
    client.cookies.clear()
    client.get("/aktuelles/")
    assert kept("/aktuelles/") is not None  # anonymous pages are still kept
