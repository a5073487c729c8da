"""core.addresses.slug_address: Django's ``reverse`` for a slug, reversed once."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.addresses import slug_address


@pytest.mark.parametrize("viewname", ["news:preview", "events:preview", "news:detail"])
@pytest.mark.parametrize("slug", ["tagung-2025", "a", "Doing_Crisis-2024", "slug-placeholder-4f1c"])
def test_slug_address_is_what_reverse_gives(viewname, slug):
    for _ in range(2):
        assert slug_address(viewname, slug) == reverse(viewname, kwargs={"slug": slug})


def test_slug_address_follows_the_address_prefix():
    try:
        set_script_prefix("/portal/")
        assert slug_address("news:preview", "tagung") == "/portal/aktuelles/tagung/vorschau/"
    finally:
        set_script_prefix("/")
    assert slug_address("news:preview", "tagung") == "/aktuelles/tagung/vorschau/"


@pytest.mark.parametrize("slug", ["", "Straße", "a/b", "x?y"])
def test_what_is_no_slug_fails_as_reverse_does(slug):
    with pytest.raises(NoReverseMatch):
        slug_address("news:preview", slug)
