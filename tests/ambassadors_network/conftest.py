import pytest

from recruitment_site.devtools.demo import ensure_home_page, ensure_reference_data
from recruitment_site.devtools.demo.ambassadors import ensure_programme_page


@pytest.fixture
def programme_page(db):
    """The programme page under a bare home page, without the demo ambassadors (tests count records)."""
    ensure_reference_data()
    return ensure_programme_page(ensure_home_page())


@pytest.fixture
def support_page(programme_page):
    """A live support registration page next to the programme page, where referral links lead."""
    from positive_action.models import SupportRegistrationPage

    home = programme_page.get_parent()
    page = SupportRegistrationPage(
        title="Get support to apply",
        slug="get-support",
        introduction="<p>Free help to apply.</p>",
        what_happens_next="<p>We will call you.</p>",
        privacy_summary="<p>Only the diversity team sees this.</p>",
        thank_you_text="<p>Thank you.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
