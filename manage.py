#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "defus.settings")
    # A checkout with neither a database nor a secret configured is a developer's machine:
    # manage.py then works against the embedded development database. Production always
    # sets DATABASE_URL, so this never switches a server into development mode.
    if not os.environ.get("DATABASE_URL") and not os.environ.get("DJANGO_SECRET_KEY"):
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
