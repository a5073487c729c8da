from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.access import has_member_access
from core.mail import mail_send
from members.models import User
from news.models import Article
from themes.models import Theme


def _unique_slug(title: str) -> str:
    base = (slugify(title) or "meldung")[:100]
    slug, number = base, 2
    while Article.objects.filter(slug=slug).exists() or slug == "feed":
        slug, number = f"{base}-{number}", number + 1
    return slug


def _as_html(text: str) -> str:
    """What a member typed as plain text becomes paragraphs; HTML is sanitised by the field."""
    return text if "<" in text else linebreaks(text)


@transaction.atomic
def article_submit(
    *,
    user: User,
    title: str,
    teaser: str,
    body: str,
    original_url: str = "",
    image: UploadedFile | None = None,
    image_alt: str = "",
    image_credit: str = "",
    themes: Iterable[Theme] = (),
    article: Article | None = None,
) -> Article:
    """Submit (or, for ``article``, resubmit) an item for "Neues von den Mitgliedern" on
    behalf of the user's member; the office is told by e-mail."""
    if not has_member_access(user) or user.member is None:
        raise PermissionDenied
    if article is None:
        article = Article(slug=_unique_slug(title), member=user.member, submitted_by=user)
    elif article.member_id != user.member_id or not article.may_be_revised:
        raise PermissionDenied
    article.title, article.teaser, article.body = title, teaser, _as_html(body)
    article.original_url, article.image_alt, article.image_credit = (
        original_url,
        image_alt,
        image_credit,
    )
    if image:
        article.image = image
    article.status = Article.Status.SUBMITTED
    article.visibility = Article.Visibility.PUBLIC
    article.published_at = timezone.now()
    article.full_clean(exclude=["slug"])
    article.save()
    article.themes.set(themes)
    link = f"{settings.SITE_URL}/verwaltung/news/article/{article.pk}/change/"
    mail_send(
        EmailMessage(
            subject=_("Neue Mitgliedermeldung zur Freigabe: %(title)s")
            % {"title": " ".join(title.split())[:120]},
            body=render_to_string(
                "news/submission_office_email.txt", {"article": article, "user": user, "link": link}
            ),
            to=[settings.OFFICE_EMAIL],
            reply_to=[user.email],
        )
    )
    return article


DECISION_SUBJECTS = {
    Article.Status.PUBLISHED: "Ihre Meldung ist freigegeben: %(title)s",
    Article.Status.RETURNED: "Bitte überarbeiten: %(title)s",
    Article.Status.REJECTED: "Ihre Meldung wird nicht veröffentlicht: %(title)s",
}


def article_decision_notify(*, article: Article) -> None:
    """Tell the submitter what the office decided (freigegeben, eingeplant, zurückgegeben,
    abgelehnt). Called after the office changed the status of a submitted item."""
    submitter = article.submitted_by
    if submitter is None or not submitter.email or article.status not in DECISION_SUBJECTS:
        return
    link = f"{settings.SITE_URL}/mitgliederbereich/"
    mail_send(
        EmailMessage(
            subject=_(DECISION_SUBJECTS[article.status])
            % {"title": " ".join(article.title.split())[:120]},
            body=render_to_string(
                "news/submission_decision_email.txt",
                {
                    "article": article,
                    "link": link,
                    "article_link": f"{settings.SITE_URL}{article.get_absolute_url()}",
                },
            ),
            to=[submitter.email],
            reply_to=[settings.OFFICE_EMAIL],
        )
    )
