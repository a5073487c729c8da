import os
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from knowledge.models import Document

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


# Not behind the login: an anonymous visitor gets a 404 for a member's file, not a login page.
@login_not_required
def download(request, pk: int, filename: str):
    """Hand out a document the visitor may see, streamed or through the web server."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    if filename != document.filename:
        return redirect(document)
    file_type = document.file_type
    return protected_file_response(
        document.file,
        filename=document.filename,
        content_type=file_type.content_type if file_type else "application/octet-stream",
        as_attachment=not (file_type and file_type.inline),
        public=document.is_public,
    )
