"""gunicorn entry point for the registration part of `make bench` only, never for serving the site.

The production WSGI application with Google's reCAPTCHA verification answered locally with a passing
score, so the benchmark measures this site's registration path rather than Google's servers.
"""

from django_recaptcha.client import RecaptchaResponse

from recruitment_site.core import spam
from recruitment_site.wsgi import application


def registration_app():
    spam.recaptcha_client.submit = lambda *args, **kwargs: RecaptchaResponse(
        is_valid=True, extra_data={"score": 0.9}
    )
    return application
