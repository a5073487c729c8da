"""``manage.py load_demo``: the demo portal built from ../shared/seeds/. Idempotent."""

from django.db import transaction

from defus import content
from defus.models import Page
from knowledge.models import Theme


@transaction.atomic
def load_demo() -> None:
    from events import demo as events_demo
    from knowledge import demo as knowledge_demo
    from knowledge import inquiry_demo, project_demo
    from members import demo as members_demo
    from news import demo as news_demo

    content.ensure_pages(Page)
    content.ensure_themes(Theme)
    members_demo.load()
    project_demo.load()
    news_demo.load()
    inquiry_demo.load()
    events_demo.load()
    knowledge_demo.load()
