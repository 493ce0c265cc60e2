import pytest
from wagtail.models import Site

from positive_action.models import SupportRequest, SupportSettings
from recruitment_site.devtools.demo.support import ensure_registration_page


@pytest.fixture
def registration_page(demo_site):
    """The demo page, with the demo queue emptied and no team address, so each test counts only its own
    records and emails."""
    SupportRequest.objects.all().delete()
    SupportSettings.objects.update(team_email="")
    return ensure_registration_page(demo_site)


@pytest.fixture
def team_email(demo_site):
    service, _ = SupportSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"team_email": "team@example.org"}
    )
    return service


@pytest.fixture
def valid_data():
    return {
        "name": "Amina Okafor",
        "email": "amina@example.org",
        "phone": "07700 900982",
        "preferred_contact": "email",
        "borough": "outside",
        "role_of_interest": "constable",
        "application_progress": "not_applied",
        "support_wanted": ["mock_interview", "mentoring"],
        "access_needs": "",
        "heard_about": "event",
        "consent": "on",
        "submission_token": "",
        "website": "",
    }
