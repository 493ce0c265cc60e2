import pytest

from ambassadors_network.demo import ensure_programme_page
from home.demo_content import ensure_home_page, ensure_reference_data


@pytest.fixture
def programme_page(db):
    """The programme page under a bare home page, without the demo ambassadors (tests count records)."""
    ensure_reference_data()
    return ensure_programme_page(ensure_home_page())
