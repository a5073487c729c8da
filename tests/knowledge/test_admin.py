import pytest

from tests.factories import CollectionFactory, EntryFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_office_lists_collections_with_entry_counts_in_constant_queries(
    client, staff_user, django_assert_max_num_queries
):
    theme = ThemeFactory(title="Urbane Resilienz")
    for collection in CollectionFactory.create_batch(60, theme=theme):
        EntryFactory.create_batch(5, collection=collection)
    crowded = CollectionFactory(title="Kommunaler Ordnungsdienst", theme=theme)
    EntryFactory.create_batch(37, collection=crowded)
    client.force_login(staff_user)
    with django_assert_max_num_queries(10):
        response = client.get("/verwaltung/knowledge/collection/", {"o": "-3"})
    assert response.status_code == 200
    assert response.text.count('name="_selected_action"') == 50
    first_row = response.text.split('name="_selected_action"')[1]
    assert (
        "Kommunaler Ordnungsdienst" in first_row
        and '<td class="field-entry_count">37</td>' in first_row
    )
    assert response.text.count('<td class="field-entry_count">5</td>') == 49
    response = client.get("/verwaltung/knowledge/collection/", {"q": "Ordnungsdienst"})
    assert '<td class="field-entry_count">37</td>' in response.text
