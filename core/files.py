"""Protected files: one storage below ``PROTECTED_MEDIA_ROOT``, which no URL serves, and one
response that hands a file out once the caller has checked access."""

import os
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
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
