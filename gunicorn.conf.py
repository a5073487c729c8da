"""gunicorn's settings for every start of the portal. gunicorn reads ./gunicorn.conf.py from its
working directory by itself: the image's CMD (WORKDIR /app), `make serve`, `make bench`.
Command-line options (bind, workers) still come from those commands.

DEFUS_PDF_WARM_UP=0 leaves WeasyPrint unloaded until the first PDF (`make bench` does, since
it measures other pages from the first second on).
"""

import os


def post_worker_init(worker):
    """Load WeasyPrint in the background once the worker has the portal loaded, so the office's
    first Jahresbericht PDF is as fast as the next one. The worker takes requests meanwhile."""
    if os.environ.get("DEFUS_PDF_WARM_UP", "1") != "0":
        from activities.pdf import warm_up_in_background

        warm_up_in_background()
