"""Protected files: one storage below ``PROTECTED_MEDIA_ROOT``, which no URL serves, and one
response that hands a file out once the caller has checked access. And the file fields whose
files go when their row goes (``OwnedFileField``, ``OwnedImageField``)."""

import os
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.db.models import signals
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header


class ProtectedStorage(FileSystemStorage):
    """Files below ``PROTECTED_MEDIA_ROOT``, which no URL serves.

    Documents and answer attachments live here; only their download views hand a file out,
    after the model's ``visible_to()``.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PROTECTED_MEDIA_ROOT)

    def url(self, name):
        raise ValueError("Geschützte Dateien haben keine öffentliche Adresse.")

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PROTECTED_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


protected = ProtectedStorage()


def protected_storage() -> ProtectedStorage:
    """The storage of every protected file field (a callable keeps it out of the migrations)."""
    return protected


PUBLIC_MAX_AGE = 60 * 60


def protected_file_response(
    file: FieldFile, *, filename: str, content_type: str, as_attachment: bool, public: bool
) -> HttpResponse:
    """Hand out a file below ``PROTECTED_MEDIA_ROOT`` once the caller has checked access:
    streamed by Django, or through the web server (``DOCUMENT_SENDFILE``). Only public files
    may be kept by a cache."""
    if settings.DOCUMENT_SENDFILE:
        response = HttpResponse(content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
        if settings.DOCUMENT_SENDFILE == "x-accel-redirect":
            root = os.path.abspath(settings.PROTECTED_MEDIA_ROOT)
            relative = os.path.relpath(file.path, root).replace(os.sep, "/")
            response["X-Accel-Redirect"] = quote(settings.DOCUMENT_SENDFILE_PREFIX + relative)
        else:
            response["X-Sendfile"] = file.path
    else:
        try:
            opened = file.open("rb")
        except FileNotFoundError:
            raise Http404("Die Datei fehlt.") from None
        response = FileResponse(
            opened, as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


class OwnedFileMixin:
    """A file that belongs to its row: removed from its storage once the row is deleted or the
    file replaced, after the transaction commits. A rolled-back transaction removes nothing,
    and a file another row of the model still names is kept.

    The field watches its own model (the value loaded from the database, ``post_save`` and
    ``post_delete``), so queryset deletes and cascades are covered as well as the admin.
    """

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if cls._meta.abstract:
            return
        uid = f"owned-file:{cls._meta.label}.{name}"
        signals.post_init.connect(self._remember, sender=cls, weak=False, dispatch_uid=uid)
        signals.post_save.connect(self._after_save, sender=cls, weak=False, dispatch_uid=uid)
        signals.post_delete.connect(self._after_delete, sender=cls, weak=False, dispatch_uid=uid)

    def _stored_name(self, instance) -> str:
        """The name in the storage, or "" while the value is a new file not yet saved (its
        name then is only the upload's name, which must never be taken for a stored file)."""
        value = instance.__dict__.get(self.attname)
        if isinstance(value, str):
            return value
        if isinstance(value, FieldFile) and value._committed:
            return value.name or ""
        return ""

    def _remember(self, sender, instance, **kwargs):
        if self.attname in instance.__dict__:  # not deferred
            instance.__dict__.setdefault("_owned_files", {})[self.attname] = self._stored_name(
                instance
            )

    def _after_save(self, sender, instance, using, **kwargs):
        remembered = instance.__dict__.setdefault("_owned_files", {})
        before = remembered.get(self.attname, "")
        now = self._stored_name(instance)
        if self.attname in instance.__dict__:
            remembered[self.attname] = now
        if before and before != now:
            self._remove_on_commit(sender, before, using)

    def _after_delete(self, sender, instance, using, **kwargs):
        if name := self._stored_name(instance):
            self._remove_on_commit(sender, name, using)

    def _remove_on_commit(self, model, name: str, using: str):
        def remove():
            if not model._base_manager.using(using).filter(**{self.name: name}).exists():
                self.storage.delete(name)

        transaction.on_commit(remove, using=using)

    def formfield(self, **kwargs):
        from django.contrib.admin.widgets import AdminFileWidget

        from core.widgets import LabelledAdminFileWidget

        if kwargs.get("widget") is AdminFileWidget:  # what the admin asks for by default
            kwargs["widget"] = LabelledAdminFileWidget
        return super().formfield(**kwargs)


class OwnedFileField(OwnedFileMixin, models.FileField):
    pass


class OwnedImageField(OwnedFileMixin, models.ImageField):
    pass
