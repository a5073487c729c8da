"""``manage.py load_demo``: the demo portal built from ../shared/seeds/. Idempotent."""

from django.db import transaction

from defus import content
from defus.models import Page
from knowledge.models import Theme


@transaction.atomic
def load_demo() -> None:
    from knowledge import demo as knowledge_demo
    from members import demo as members_demo

    content.ensure_pages(Page)
    content.ensure_themes(Theme)
    members_demo.load()
    knowledge_demo.load()
