import pytest

from positive_action.models import SupportRegistrationPage
from recruitment_site.devtools.demo import ensure_home_page, ensure_reference_data
from recruitment_site.devtools.demo.ambassadors import ensure_programme_page
from tests.smtp_sink import SMTPSink

from .workers import Workers


@pytest.fixture
def pages(db, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 100_000
    ensure_reference_data()
    home = ensure_home_page()
    registration = SupportRegistrationPage(
        title="Get support to join",
        slug="get-support",
        introduction="<p>Register for support.</p>",
        what_happens_next="<p>We will contact you.</p>",
        privacy_summary="<p>See the privacy notice.</p>",
        thank_you_text="<p>Thank you.</p>",
    )
    home.add_child(instance=registration)
    return {"registration": registration, "sign_up": ensure_programme_page(home)}


@pytest.fixture
def smtp_sink():
    with SMTPSink() as sink:
        yield sink


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def workers(smtp_sink, tmp_path):
    started = Workers(smtp_sink.port, tmp_path)
    yield started
    started.stop_all()
