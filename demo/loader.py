"""``manage.py load_demo``: the demo portal built from ../shared/seeds/. Idempotent."""

from django.db import transaction

from demo import events as events_demo
from demo import images as images_demo
from demo import inquiries as inquiry_demo
from demo import knowledge as knowledge_demo
from demo import members as members_demo
from demo import news as news_demo
from demo import projects as project_demo


@transaction.atomic
def load_demo() -> None:
    members_demo.load()
    project_demo.load()
    news_demo.load()
    inquiry_demo.load()
    events_demo.load()
    knowledge_demo.load()
    images_demo.load()
