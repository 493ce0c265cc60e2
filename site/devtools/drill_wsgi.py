"""gunicorn entry point for `make drill` only (site/devtools/drill.py), never for serving the site.

The production WSGI application as `make bench` serves it (reCAPTCHA answered locally with a passing
score, so no request leaves the machine and no registration is held for spam review), with one header
more, outside Django and its page cache: ``X-Worker``, the process id of the gunicorn worker that
answered, so the drill can tell that every worker saw a publish.
"""

import os

from recruitment_site.devtools.bench_wsgi import registration_app


def drill_app():
    application = registration_app()

    def answer_naming_the_worker(environ, start_response):
        def start(status, headers, exc_info=None):
            return start_response(status, [*headers, ("X-Worker", str(os.getpid()))], exc_info)

        return application(environ, start)

    return answer_naming_the_worker
