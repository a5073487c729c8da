import datetime
from collections.abc import Sequence

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.freshness import content_changed
from documents.models import Document
from knowledge.models import Collection, CollectionVisit, CollectionWatch, Entry
from members.models import User

UNSUBSCRIBE_SALT = "knowledge.digest.unsubscribe"


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


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
        owns_document=document is not None,
        source=source,
        date=date,
        tags=list(tags),
        added_by=user,
        added_at=timezone.now(),
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def entry_delete(*, entry: Entry) -> None:
    """Delete an entry, and the document uploaded with it unless another entry uses it."""
    document = entry.document if entry.owns_document else None
    entry.delete()
    if document is not None and not document.entries.exists():
        document.delete()
        storage = document.file.storage
        name = document.file.name
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def entry_update(*, entry: Entry, user: User, **fields) -> Entry:
    """Change an entry's texts; the document of a document entry keeps its title in step."""
    if not Entry.objects.changeable_by(user).filter(pk=entry.pk).exists():
        raise PermissionDenied
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.full_clean()
    entry.save()
    if entry.owns_document and entry.document_id:
        Document.objects.filter(pk=entry.document_id).update(
            title=entry.title, description=entry.description
        )
        content_changed()  # an update() sends no signal
    return entry


def collection_visit_record(*, collection: Collection, user: User) -> None:
    """Remember that ``user`` has seen ``collection`` now (one upsert)."""
    CollectionVisit.objects.bulk_create(
        [CollectionVisit(user=user, collection=collection, visited_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "collection"],
        update_fields=["visited_at"],
    )


def collection_watch_toggle(*, user: User, collection: Collection) -> bool:
    """Watch ``collection``, or stop watching it; returns whether it is watched now."""
    deleted, _ = CollectionWatch.objects.filter(user=user, collection=collection).delete()
    if deleted:
        return False
    CollectionWatch.objects.get_or_create(user=user, collection=collection)
    return True


def watches_cancel(*, user: User) -> int:
    """The one-click unsubscribe: no more digests for ``user``."""
    deleted, _ = CollectionWatch.objects.filter(user=user).delete()
    return deleted
