from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class ProtectedStorage(FileSystemStorage):
    """Files below ``PROTECTED_MEDIA_ROOT``, which no URL serves.

    Only the download view hands a file out, after ``Document.objects.visible_to()``.
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
    """The storage of ``Document.file`` (a callable keeps it out of the migrations)."""
    return protected
