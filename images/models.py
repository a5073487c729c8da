from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _


class RenditionQuerySet(models.QuerySet):
    def of(self, name: str) -> "RenditionQuerySet":
        """The renditions of one uploaded image, by its storage name."""
        return self.filter(source=name)


class Rendition(models.Model):
    """A smaller copy of an uploaded image, made once when it is first shown
    (images/services.py: renditions_create) and kept for every later request."""

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"

    source = models.CharField(_("Original"), max_length=255)
    format = models.CharField(_("Format"), max_length=4, choices=Format)
    width = models.PositiveIntegerField(_("Breite"))
    height = models.PositiveIntegerField(_("Höhe"))
    file = models.CharField(_("Datei"), max_length=255)

    objects = RenditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bildgröße")
        verbose_name_plural = _("Bildgrößen")
        ordering = ["source", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "format", "width"], name="rendition_unique_per_size"
            )
        ]

    def __str__(self):
        return f"{self.source} ({self.width} px, {self.get_format_display()})"

    @property
    def url(self) -> str:
        return default_storage.url(self.file)

    @property
    def mime_type(self) -> str:
        return f"image/{self.format}"

    @property
    def is_fallback(self) -> bool:
        return self.format != self.Format.WEBP
