from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps

from images.models import Rendition

#: The widths browsers choose from (srcset); an image is never scaled up.
WIDTHS = (160, 320, 640, 960, 1280)


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA"} or "transparency" in image.info


def renditions_create(*, image: FieldFile) -> list[Rendition]:
    """Make the WebP copies of ``image`` and, for browsers without WebP, JPEG copies (PNG for
    transparent images) in the widths of ``WIDTHS`` up to the image's own width.

    Raises ``OSError`` (Pillow's ``UnidentifiedImageError`` included) for a file that is not
    a readable image.
    """
    with image.open("rb") as file, Image.open(file) as original:
        original = ImageOps.exif_transpose(original)
        transparent = _has_transparency(original)
        fallback = Rendition.Format.PNG if transparent else Rendition.Format.JPEG
        original = original.convert("RGBA" if transparent else "RGB")
        widths = sorted(
            {w for w in WIDTHS if w < original.width} | {min(original.width, WIDTHS[-1])}
        )
        stem = PurePosixPath(image.name).with_suffix("")
        renditions = []
        for width in widths:
            height = max(1, round(original.height * width / original.width))
            resized = original.resize((width, height), Image.Resampling.LANCZOS)
            for format in (Rendition.Format.WEBP, fallback):
                buffer = BytesIO()
                options = {"quality": 82} if format != Rendition.Format.PNG else {"optimize": True}
                resized.save(buffer, format=format.upper(), **options)
                extension = "jpg" if format == Rendition.Format.JPEG else format
                name = default_storage.save(
                    f"renditions/{stem}-{width}.{extension}", ContentFile(buffer.getvalue())
                )
                renditions.append(
                    Rendition(
                        source=image.name, format=format, width=width, height=height, file=name
                    )
                )
    Rendition.objects.bulk_create(renditions, ignore_conflicts=True)
    return list(Rendition.objects.of(image.name))
