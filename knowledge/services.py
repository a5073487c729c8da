import datetime
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from documents.models import Document
from knowledge.models import Collection, CollectionVisit, Entry
from members.models import User


@transaction.atomic
def entry_add(
    *,
    collection: Collection,
    user: User,
    kind: str,
    title: str,
    description: str = "",
    url: str = "",
    file: UploadedFile | None = None,
    source: str = "",
    date: datetime.date | None = None,
    tags: Sequence[str] = (),
) -> Entry:
    """Add an entry to a collection on behalf of ``user`` and mark the collection as changed.

    For a document entry the uploaded ``file`` becomes a members-only document of the
    collection.
    """
    document = None
    if kind == Entry.Kind.DOCUMENT:
        document = Document(
            title=title,
            description=description,
            file=file,
            date=date or timezone.localdate(),
            visibility=Document.Visibility.MEMBERS,
        )
        document.full_clean()
        document.save()
    entry = Entry(
        collection=collection,
        kind=kind,
        title=title,
        description=description,
        url=url if kind == Entry.Kind.LINK else "",
        document=document,
        source=source,
        date=date,
        tags=list(tags),
        added_by=user,
        added_at=timezone.now(),
    )
    entry.full_clean()
    entry.save()
    return entry


def collection_visit_record(*, collection: Collection, user: User) -> None:
    """Remember that ``user`` has seen ``collection`` now (one upsert)."""
    CollectionVisit.objects.bulk_create(
        [CollectionVisit(user=user, collection=collection, visited_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "collection"],
        update_fields=["visited_at"],
    )
