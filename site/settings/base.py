"""Settings shared by every environment.

These are safe to deploy as they stand: DEBUG is off, no host is allowed by default and no secret has a
default. dev.py and test.py relax what they must; production.py insists on its environment variables.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from recruitment_site.core.languages import DEFAULT_LANGUAGE_CODE, django_languages

from .env import env_bool, env_float, env_int, env_list, env_positive_int, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = BASE_DIR / "var"

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "recruitment_site.core",
    "home",
    "positive_action",
    "ambassadors_network",
    "positive_action.data_protection",
    "wagtail_localize",
    # wagtail-localize's locale management replaces wagtail.locales (its installation guide).
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_recaptcha",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Straight after SecurityMiddleware so static requests skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves anonymous visitors' pages from the cache before any other work (home/caching.py).
    "home.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, after sessions and before common as it requires. The language comes from
    # the URL prefix (/ur/...), so the page cache above, keyed by the full URL, keeps one copy per language.
    "home.languages.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "home.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp, with the admin's own policy under /admin/ (ADMIN_CONTENT_SECURITY_POLICY below).
    "recruitment_site.core.content_security.SiteCSPMiddleware",
    # Previews may be framed by the admin (same origin); public pages keep frame-ancestors 'none'.
    "recruitment_site.core.preview.PreviewFramingMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database outage gives a 503 "try again shortly" page, never a fake success (home/middleware.py).
    "home.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into a 429 response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "recruitment_site.urls"
WSGI_APPLICATION = "recruitment_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]


def sqlite_url():
    VAR_DIR.mkdir(exist_ok=True)
    return f"sqlite:///{VAR_DIR / 'db.sqlite3'}"


DATABASES = {
    "default": dj_database_url.config(
        default=env_str("DATABASE_URL") or sqlite_url(),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several threads or processes write at once (the development server and the task worker, the browser
    # tests' live server): a transaction takes SQLite's write lock when it starts and waits up to 20 s for
    # it, instead of failing with "database is locked" when a read inside it turns into a write; in WAL
    # mode reads carry on while one connection writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The public site's languages (issue 18), listed once in recruitment_site/core/languages.py. British English
# is the default and its URLs have no prefix; the others live under /bn/, /ur/, ... (site/urls.py).
LANGUAGE_CODE = DEFAULT_LANGUAGE_CODE
LANGUAGES = django_languages()
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# One catalogue for the whole project, in the project package because the top-level layout is fixed
# (docs/content.md, "Translating the interface"). Its entries come before Django's and Wagtail's own.
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
# Date formats per language where Django's own are missing (Urdu, Somali, Kurmanji) or differ from the
# wording the site used before it was translated (British English: "Monday 15 June 2026, 18:30").
FORMAT_MODULE_PATH = ["recruitment_site.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT") or str(VAR_DIR / "media")


def cache_settings(redis_url):
    """Redis when REDIS_URL is set (production requires it), else this process's memory (development).

    The page cache, its invalidation and the public forms' rate limits are only right for every worker
    when every worker uses the same cache. The Redis backend fails open (recruitment_site/core/cache.py):
    while Redis is unreachable pages are served uncached, and the timeouts below bound each wait.
    """
    if redis_url:
        return {
            "default": {
                "BACKEND": "recruitment_site.core.cache.FailOpenRedisCache",
                "LOCATION": redis_url,
                # Passed to redis-py's connection pool. Without them a Redis that stops answering (rather
                # than refusing) holds every request forever; a healthy one answers in milliseconds.
                "OPTIONS": {
                    "socket_connect_timeout": env_float("REDIS_CONNECT_TIMEOUT_SECONDS", 0.5),
                    "socket_timeout": env_float("REDIS_TIMEOUT_SECONDS", 1.0),
                    "health_check_interval": 30,
                },
            }
        }
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


CACHES = cache_settings(env_str("REDIS_URL"))
# Seconds an anonymous visitor's page is kept; publishing or editing content empties the cache at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Seconds a CDN or Varnish in front may keep an anonymous page (sent as s-maxage); 0 keeps them out.
CDN_CACHE_SECONDS = env_int("CDN_CACHE_SECONDS", 0)
# Seconds shared page parts (menus, footer, breadcrumbs, page bodies) are kept for anonymous visitors when
# the whole page is not cached (home/caching.py); content changes replace them at once. 0 turns it off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)

# Uploaded media. docs/deployment.md, "Several app servers".
S3_BACKEND = "storages.backends.s3.S3Storage"
# Longest a presigned URL may last (a limit of S3's signature version 4).
S3_LONGEST_SIGNED_URL_SECONDS = 7 * 24 * 60 * 60


def signed_url_seconds():
    """How long a presigned media URL lasts (AWS_QUERYSTRING_EXPIRE). A page keeps the image URLs it was
    rendered with while the fragment, page and CDN caches hold it, and a visitor may read for a while
    before lazy images load, so a URL must outlive the longest a page is kept by an hour."""
    seconds = env_positive_int("AWS_QUERYSTRING_EXPIRE", 24 * 60 * 60)
    least = FRAGMENT_CACHE_SECONDS + PAGE_CACHE_SECONDS + CDN_CACHE_SECONDS + 60 * 60
    if not least <= seconds <= S3_LONGEST_SIGNED_URL_SECONDS:
        raise ImproperlyConfigured(
            f"AWS_QUERYSTRING_EXPIRE must be between {least} (the longest a page is cached, plus an hour) "
            f"and {S3_LONGEST_SIGNED_URL_SECONDS} (S3's limit), not {seconds}."
        )
    return seconds


def s3_options(bucket, endpoint_url, region):
    """A private bucket: objects get no ACL (the bucket's own policy applies, public access blocked), URLs
    are presigned, and a second upload of the same name gets a new key instead of replacing the first.
    Credentials come from boto3's usual chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
    instance's role), never from these settings."""
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": signed_url_seconds(),
        "file_overwrite": False,
    }


def media_storages(bucket, *, endpoint_url="", region="", custom_domain=""):
    """Where uploaded images, documents and renditions live: this server's disk without a bucket, the
    bucket with one. With a custom domain (a CDN in front of the bucket's images/ prefix) renditions get
    plain public URLs there; everything else keeps presigned URLs straight to the bucket. Documents are
    never linked by their storage URL: Wagtail's serve view checks permissions and streams them."""
    if not bucket:
        return {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    private = s3_options(bucket, endpoint_url, region)
    storages = {"default": {"BACKEND": S3_BACKEND, "OPTIONS": private}}
    if custom_domain:
        public = {**private, "custom_domain": custom_domain, "querystring_auth": False}
        storages["renditions"] = {"BACKEND": S3_BACKEND, "OPTIONS": public}
    return storages


def media_origins(bucket, *, endpoint_url="", region="", custom_domain=""):
    """Origins the public pages' images are loaded from, for the Content-Security-Policy's img-src."""
    if not bucket:
        return []
    if custom_domain:
        return [f"https://{custom_domain}"]
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return [f"{parts.scheme}://{parts.netloc}"]
    # boto3 signs for the global endpoint; S3 may redirect a new bucket's requests to its region's.
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if region:
        origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins


MEDIA_BUCKET = {
    "bucket": env_str("AWS_STORAGE_BUCKET_NAME"),
    "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
    "region": env_str("AWS_S3_REGION_NAME"),
    "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),
}
STORAGES = {
    **media_storages(**MEDIA_BUCKET),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if "renditions" in STORAGES:
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# Email leaves through the durable task queue (django-tasks with its database backend and worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "recruitment@example.org")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# reCAPTCHA v3. Without keys (development) the check is switched off; production refuses to start.
RECAPTCHA_PUBLIC_KEY = env_str("RECAPTCHA_PUBLIC_KEY")
RECAPTCHA_PRIVATE_KEY = env_str("RECAPTCHA_PRIVATE_KEY")
RECAPTCHA_REQUIRED_SCORE = env_float("RECAPTCHA_REQUIRED_SCORE", 0.5)
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = env_int("RECAPTCHA_VERIFY_REQUEST_TIMEOUT", 5)

# Public forms (site/core/spam.py): posts allowed per visitor address per window (every post counts,
# so the limit leaves room for a person correcting several mistakes).
PUBLIC_FORM_RATE_LIMIT = env_int("PUBLIC_FORM_RATE_LIMIT", 20)
PUBLIC_FORM_RATE_WINDOW_SECONDS = env_int("PUBLIC_FORM_RATE_WINDOW_SECONDS", 10 * 60)
# Site search (home/views.py): searches allowed per visitor address per window.
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 60)
SEARCH_RATE_WINDOW_SECONDS = env_int("SEARCH_RATE_WINDOW_SECONDS", 60)
# The email outbox (positive_action/outbox.py) retries with growing delays, then marks an email failed.
EMAIL_OUTBOX_MAX_ATTEMPTS = env_int("EMAIL_OUTBOX_MAX_ATTEMPTS", 10)
# A worker's claim on an email lasts this long; after it the email is offered to another worker. Sending
# makes a few SMTP round trips, each bounded by EMAIL_TIMEOUT.
EMAIL_SEND_LEASE_SECONDS = env_positive_int("EMAIL_SEND_LEASE_SECONDS", max(60, 4 * EMAIL_TIMEOUT))
# The task worker (positive_action/worker.py) writes a heartbeat and sweeps the outbox this often.
WORKER_HEARTBEAT_SECONDS = env_positive_int("WORKER_HEARTBEAT_SECONDS", 5)
WORKER_SWEEP_SECONDS = env_positive_int("WORKER_SWEEP_SECONDS", 15)
# /healthz answers 503 when no worker has beaten for this long, or an email has waited this long unsent.
HEALTH_WORKER_MAX_AGE_SECONDS = env_positive_int("HEALTH_WORKER_MAX_AGE_SECONDS", 60)
HEALTH_OUTBOX_MAX_AGE_SECONDS = env_positive_int("HEALTH_OUTBOX_MAX_AGE_SECONDS", 30 * 60)
# Retention (data_protection, `manage.py apply_retention` run daily): how long after closing a record keeps
# its personal data before it is anonymised. A submission held for spam review is kept until someone checks it.
RETENTION_CLOSED_SUPPORT_MONTHS = env_positive_int("RETENTION_CLOSED_SUPPORT_MONTHS", 12)
RETENTION_FINISHED_AMBASSADOR_MONTHS = env_positive_int("RETENTION_FINISHED_AMBASSADOR_MONTHS", 12)

# Security. Cookie and HSTS settings that need HTTPS live in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Staff sessions end after 30 minutes without a request.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Browser features the site never uses are switched off for every page and any embedded frame.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}

# Staff who can see personal data (superusers, Diversity team, Diversity leads) must give a one-time code
# from an authenticator app after their password. dev.py switches this off for the demo accounts.
STAFF_TWO_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Police recruitment")

# Admin sign-in throttling: after 10 failed attempts for a username from one address (or from one address
# for any usernames) within 5 minutes, sign-in is refused until 5 minutes have passed.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0)

# Public templates are written to this policy: no inline script or style anywhere. Wagtail's admin
# relies on inline scripts and styles, so it has its own policy below rather than weakening this one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *media_origins(**MEDIA_BUCKET)],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Video blocks load these players only after the visitor presses play (home/blocks.py VideoBlock).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# The admin's policy (applied under /admin/ by recruitment_site.core.content_security). Wagtail 7.4 still
# writes inline <script> in some widgets (date pickers, inline panels) and style="" attributes, with no
# nonce (wagtail/wagtail#1288), so script-src and style-src allow inline code; everything else is as
# strict as the public policy: scripts, styles, fonts and requests from this origin only, no eval, no
# plugins, forms posting here only, framed by this site only (the preview panel, the page chooser).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Wagtail draws image previews from data: and blob: URLs (focal point, upload previews).
        "img-src": [SELF, "data:", "blob:", *media_origins(**MEDIA_BUCKET)],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The preview panel frames this site; a previewed video block loads its player after a press.
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Police recruitment")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# On PostgreSQL, each language's pages are stemmed with its own text search configuration
# (home/search_backend.py); SQLite's full-text index has no such choice.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "home.search_backend"
        if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        else "wagtail.search.backends.database"
    }
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No staff avatars from Gravatar: it would send a hash of each staff email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True

# Demo accounts (admin, editor, moderator, diversity, lead) exist only where a settings file opts in.
DEMO_ACCOUNTS_ENABLED = False
DEMO_ACCOUNTS_PASSWORD = ""
# Whether `make run` may point the default Wagtail Site at the port it serves on (use_dev_site_address),
# so canonical links, og:url, the sitemap and the calendar feed use that port. Development only: in
# production the Site record is the public address, set by an administrator.
DEV_SITE_FOLLOWS_SERVER = False

LOG_FORMATS = ("plain", "json")


def logging_config(log_format):
    """Console logging in one of LOG_FORMATS. Both remove email addresses and phone numbers from every
    line (recruitment_site/log_format.py)."""
    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {LOG_FORMATS}, not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {
                "()": "recruitment_site.log_format.RedactingFormatter",
                "format": "{levelname} {name}: {message}",
                "style": "{",
            },
            "json": {"()": "recruitment_site.log_format.JsonFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
        "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
    }


LOGGING = logging_config(env_str("LOG_FORMAT", "plain"))
