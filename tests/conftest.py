import pytest

from home.demo_content import load_demo_content


@pytest.fixture
def demo_site(db):
    """The demo content as `make run` loads it; returns the home page."""
    return load_demo_content()
