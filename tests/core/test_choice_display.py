"""core.choices.choice_display: the quicker get_kind_display says what Django's says."""

import pytest
from django.db.models import Model

from documents.models import Document
from events.models import Event
from knowledge.models import Entry


@pytest.mark.parametrize("model", [Event, Entry, Document])
def test_the_label_of_every_kind_and_the_raw_value_of_an_unknown_one(model):
    field = model._meta.get_field("kind")
    for value in [*model.Kind.values, "gibt-es-nicht", ""]:
        row = model(kind=value)
        assert row.get_kind_display() == Model._get_FIELD_display(row, field)
    assert model(kind=model.Kind.values[0]).get_kind_display() == str(model.Kind.choices[0][1])
