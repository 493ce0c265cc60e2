import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from recruitment_site.settings.env import env_bool, env_float, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-like-secret-key-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "join.example.org",
    "DATABASE_URL": "postgres://app@127.0.0.1:5432/app",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://join.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "DEFAULT_FROM_EMAIL": "recruitment@example.org",
    "RECAPTCHA_PUBLIC_KEY": "production-like-public-key",
    "RECAPTCHA_PRIVATE_KEY": "production-like-private-key",
}


def production_env(**variables):
    """The process environment a production server would get: ours, minus test-only switches."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(variables, DJANGO_SETTINGS_MODULE="recruitment_site.settings.production")
    return env


def run_in_production(script, **env):
    """Run Python after django.setup() in a process with the production settings and environment."""
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + script],
        cwd=ROOT,
        env=production_env(**PRODUCTION_ENV, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


HSTS_SCRIPT = (
    "from django.conf import settings; "
    "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD)"
)


def test_hsts_include_subdomains_and_preload_are_off_unless_chosen():
    result = run_in_production(HSTS_SCRIPT)

    assert result.stdout.split() == ["31536000", "False", "False"], result.stderr


def test_check_deploy_is_clean_with_hsts_include_subdomains_and_preload_chosen():
    env = {**PRODUCTION_ENV, "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true", "SECURE_HSTS_PRELOAD": "true"}

    chosen = run_in_production(HSTS_SCRIPT, SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true")
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert chosen.stdout.split() == ["31536000", "True", "True"], chosen.stderr
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_without_redis_says_every_worker_must_share_one_cache():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "REDIS_URL"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "REDIS_URL is required" in result.stderr
    assert "every worker and app server must share one cache" in result.stderr


def test_production_shares_one_redis_cache_that_fails_open_and_cannot_hang_a_request():
    result = run_in_production(
        "from django.conf import settings; cache = settings.CACHES['default']; "
        "print(cache['BACKEND'], cache['LOCATION'], cache['OPTIONS']['socket_connect_timeout'], "
        "cache['OPTIONS']['socket_timeout'])"
    )

    assert result.stdout.split() == [
        "recruitment_site.core.cache.FailOpenRedisCache",
        PRODUCTION_ENV["REDIS_URL"],
        "0.5",
        "1.0",
    ], result.stderr


def test_development_without_redis_keeps_the_cache_in_its_own_process():
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    script = "import django; django.setup(); from django.conf import settings; print(settings.CACHES)"

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "recruitment_site.settings.dev"},
        capture_output=True,
        text=True,
    )

    assert "LocMemCache" in result.stdout, result.stderr


def test_production_never_falls_back_to_sqlite_debug_or_password_only_staff_sign_in():
    result = run_in_production(
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.SESSION_COOKIE_SECURE, "
        "settings.STAFF_TWO_FACTOR_REQUIRED, settings.DEMO_ACCOUNTS_ENABLED)"
    )

    assert result.stdout.split() == ["False", "django.db.backends.postgresql", "True", "True", "False"], (
        result.stderr
    )


def test_public_content_security_policy_allows_no_inline_code(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))

    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def test_security_headers_on_public_pages(client, db):
    response = client.get("/")

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_base_settings_are_production_safe():
    from recruitment_site.settings import base

    assert base.DEBUG is False
    assert base.ALLOWED_HOSTS == [] or "*" not in base.ALLOWED_HOSTS
    assert base.LANGUAGE_CODE == "en-gb"
    assert base.TIME_ZONE == "Europe/London"
    assert base.USE_TZ is True
    assert base.MIDDLEWARE[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


def test_no_model_changes_are_missing_a_migration(db):
    call_command("makemigrations", "--check", "--dry-run", stdout=open(os.devnull, "w"))


@pytest.mark.parametrize(("raw", "expected"), [("false", False), ("0", False), ("no", False), ("TRUE", True)])
def test_env_bool_reads_words_not_truthiness(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=not expected) is expected


def test_env_helpers_reject_values_of_the_wrong_type(monkeypatch):
    monkeypatch.setenv("VALUE", "maybe")
    for reader in (env_bool, env_int, env_float):
        with pytest.raises(ImproperlyConfigured, match="VALUE"):
            reader("VALUE")


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example.org, b.example.org ,,")
    assert env_list("HOSTS") == ["a.example.org", "b.example.org"]


def test_production_purges_varnish_and_cloudflare_when_configured():
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "cache = settings.WAGTAILFRONTENDCACHE; "
        "print(sorted(cache), cache['varnish']['LOCATION'], cache['cloudflare']['ZONEID'])"
    )
    env = production_env(
        **PRODUCTION_ENV,
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        CLOUDFLARE_ZONE_ID="zone-123",
        CLOUDFLARE_BEARER_TOKEN="token-abc",
    )

    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)

    assert result.stdout.split() == [
        "['cloudflare',",
        "'varnish']",
        "http://varnish.internal:6081",
        "zone-123",
    ]


def test_production_without_a_cdn_purges_nothing():
    script = "import django; django.setup(); from django.conf import settings; print(settings.WAGTAILFRONTENDCACHE)"

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_env(**PRODUCTION_ENV),
        capture_output=True,
        text=True,
    )

    assert result.stdout.strip() == "{}", result.stderr


MEDIA_SCRIPT = (
    "from django.conf import settings; from wagtail.images import get_image_model; "
    "storage = get_image_model().get_rendition_model()._meta.get_field('file').storage; "
    "print(settings.STORAGES['default']['BACKEND'], getattr(storage, 'custom_domain', '-'), "
    "' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']), '|', "
    "' '.join(settings.ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
)


def test_production_puts_media_in_the_bucket_and_renditions_behind_its_custom_domain():
    result = run_in_production(
        MEDIA_SCRIPT,
        AWS_STORAGE_BUCKET_NAME="force-media",
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_EC2_METADATA_DISABLED="true",
    )

    backend, rendition_domain, *img_src = result.stdout.split()
    public_img_src, admin_img_src = " ".join(img_src).split("|")
    assert backend == "storages.backends.s3.S3Storage", result.stderr
    assert rendition_domain == "media.example.org"
    assert "https://media.example.org" in public_img_src.split()
    assert "https://media.example.org" in admin_img_src.split()


def test_production_without_a_bucket_keeps_media_on_local_disk():
    result = run_in_production(MEDIA_SCRIPT, AWS_STORAGE_BUCKET_NAME="", AWS_S3_CUSTOM_DOMAIN="")

    assert result.stdout.split() == [
        "django.core.files.storage.FileSystemStorage",
        "-",
        "'self'",
        "data:",
        "|",
        "'self'",
        "data:",
        "blob:",
    ], result.stderr
