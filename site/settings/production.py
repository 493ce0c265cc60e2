"""Production: every setting comes from the environment and a missing required one stops start-up.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, WAGTAILADMIN_BASE_URL, EMAIL_HOST,
DEFAULT_FROM_EMAIL, RECAPTCHA_PUBLIC_KEY, RECAPTCHA_PRIVATE_KEY. Optional: AWS_STORAGE_BUCKET_NAME and the
other AWS_ variables (media on object storage, read in base.py; several app servers need it), EMAIL_PORT,
EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, SECURE_SSL_REDIRECT, BEHIND_TLS_PROXY,
SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD, LOG_LEVEL, LOG_FORMAT. docs/deployment.md explains each.
"""

import dj_database_url

from .base import *  # noqa: F403
from .base import ADMIN_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, cache_settings, logging_config
from .env import env_bool, env_int, env_list, env_str

DEBUG = False
# Not configurable: every staff account that can see personal data signs in with a second factor.
STAFF_TWO_FACTOR_REQUIRED = True
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", required=True),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", required=True)
# Several gunicorn workers (and app servers, and cron's publish_scheduled) must share one cache: with a
# cache per process, a publish or unpublish reaches only the process that made it, and each worker
# counts the form rate limit on its own.
CACHES = cache_settings(
    env_str(
        "REDIS_URL",
        required=True,
        why="every worker and app server must share one cache, or published and unpublished pages "
        "and rate limits differ from worker to worker",
    )
)


def frontend_cache_settings():
    """Purge a CDN or Varnish when pages are published, unpublished or deleted (wagtail.contrib.frontend_cache)."""
    backends = {}
    if purge_url := env_str("FRONTEND_CACHE_PURGE_URL"):
        backends["varnish"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    if zone := env_str("CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN", required=True),
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_settings()

EMAIL_HOST = env_str("EMAIL_HOST", required=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", required=True)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

RECAPTCHA_PUBLIC_KEY = env_str("RECAPTCHA_PUBLIC_KEY", required=True)
RECAPTCHA_PRIVATE_KEY = env_str("RECAPTCHA_PRIVATE_KEY", required=True)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe instances over plain HTTP; a redirect would read as "unhealthy".
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^healthz/instance$"]
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
# includeSubDomains and preload bind every subdomain of the force's domain to HTTPS, and preload for
# months after it is switched off (browsers ship the list): an explicit choice of whoever owns the
# domain, not a default (docs/deployment.md). Django's deploy check warns while either is off
# (security.W005, security.W021); that warning is the choice recorded, so it is silenced only then.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **ADMIN_CONTENT_SECURITY_POLICY,
    "DIRECTIVES": {**ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}

# One JSON object per line for the log collector, personal data removed (recruitment_site/log_format.py).
LOGGING = logging_config(env_str("LOG_FORMAT", "json"))
