"""``{% picture %}``: an uploaded image in the sizes the browser needs (loaded as builtins)."""

import logging
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join

from images.models import Rendition
from images.services import renditions_create

register = template.Library()
logger = logging.getLogger(__name__)


def renditions_of(image) -> list[Rendition]:
    """The image's renditions, made on its first showing; none for an unreadable file."""
    if not image:
        return []
    renditions = list(Rendition.objects.of(image.name))
    if renditions:
        return renditions
    try:
        return renditions_create(image=image)
    except (OSError, ValueError):
        logger.warning("Bild %s lässt sich nicht verkleinern", image.name, exc_info=True)
        return []


def _srcset(renditions) -> str:
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


@register.simple_tag
def picture(image, alt: str, sizes: str = "100vw", css_class: str = "", loading: str = "lazy"):
    """``<picture>`` with a WebP ``srcset`` and a JPEG/PNG fallback ``<img>``; the original
    file when no rendition can be made."""
    if not image:
        return ""
    renditions = renditions_of(image)
    fallback = [r for r in renditions if r.is_fallback]
    if not fallback:
        return format_html(
            '<img src="{}" alt="{}" class="{}" loading="{}">', image.url, alt, css_class, loading
        )
    webp = [r for r in renditions if not r.is_fallback]
    largest = fallback[-1]
    sources = (
        format_html_join(
            "",
            '<source type="{}" srcset="{}" sizes="{}">',
            [(webp[0].mime_type, _srcset(webp), sizes)],
        )
        if webp
        else ""
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}"'
        ' class="{}" loading="{}"></picture>',
        sources, largest.url, _srcset(fallback), sizes, alt, largest.width, largest.height,
        css_class, loading,
    )  # fmt: skip


@register.simple_tag
def og_image_url(image) -> str:
    """The address of the image's largest JPEG/PNG rendition, for ``og:image``; empty
    without one."""
    fallback = [r for r in renditions_of(image) if r.is_fallback]
    if not fallback:
        return ""
    return urljoin(settings.SITE_URL + "/", fallback[-1].url)
