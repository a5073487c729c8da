"""Demo pictures, drawn with Pillow: clearly sample images, so the office sees how articles,
member logos and team photos appear, and the renditions are made on their first showing."""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from members.models import Member, Person
from news.models import Article

DEFUS_BLUE = (0, 70, 127)
COLOURS = [(0, 70, 127), (196, 32, 51), (46, 125, 50), (120, 80, 160)]


def _picture(width: int, height: int, colour, label: str, *, round_: bool = False) -> ContentFile:
    image = Image.new("RGB", (width, height), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    if round_:
        draw.ellipse((0, 0, width - 1, height - 1), fill=colour)
    else:
        draw.rectangle((0, height * 2 // 3, width, height), fill=colour)
        draw.polygon(
            [(0, height * 2 // 3), (width // 3, height // 3), (width // 2, height * 2 // 3)],
            fill=colour,
        )
    draw.text((width // 20, height // 20), f"Beispielbild: {label}", fill=(20, 20, 20))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue())


def load() -> None:
    # Always the same rows, whatever an earlier load gave a picture: loading again changes nothing.
    for index, article in enumerate(
        Article.objects.filter(member=None).order_by("-published_at", "pk")[:3]
    ):
        if article.image:
            continue
        article.image_alt = f"Beispielbild zur Meldung „{article.title}“"
        article.image_credit = "DEFUS (Beispiel)"
        article.image.save(
            f"beispiel-{article.slug}.jpg", _picture(1600, 900, COLOURS[index], article.title)
        )
    for index, member in enumerate(Member.objects.order_by("name", "pk")[:4]):
        if member.logo:
            continue
        member.logo_alt = f"Logo von {member.designation} (Beispiel)"
        member.logo.save(
            f"beispiel-{member.slug}.jpg", _picture(480, 480, COLOURS[index % 4], member.name)
        )
    for index, person in enumerate(Person.objects.order_by("pk")[:6]):
        if person.photo:
            continue
        person.photo_alt = f"{person.name} (Beispielfoto)"
        person.photo.save(
            f"beispiel-person-{person.pk}.jpg",
            _picture(480, 480, COLOURS[index % 4], person.name, round_=True),
        )
