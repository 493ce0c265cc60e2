import pytest

from home import roles
from tests.factories import UserFactory


@pytest.fixture
def lead(db):
    return UserFactory(role=roles.DIVERSITY_LEADS)


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client
