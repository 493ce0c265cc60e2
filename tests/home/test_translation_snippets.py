"""wagtail-localize's snippet API lists only translatable snippets, to staff who may see them
(home/translation_snippets.py): the support queue's records are snippets too."""

import pytest

from home import roles
from tests.factories import SuperuserFactory, UserFactory
from tests.positive_action.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

API = "/admin/localize/api/snippets/"


@pytest.mark.parametrize("make_user", [lambda: UserFactory(role=roles.EDITORS), SuperuserFactory])
def test_no_one_lists_support_requests_through_the_translation_snippet_api(client, make_user):
    person = SupportRequestFactory(name="Jasmine Okafor")
    client.force_login(make_user())

    for path in (
        f"{API}positive_action/supportrequest/",
        f"{API}positive_action/supportrequest/{person.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"Okafor" not in response.content


def test_snippets_that_are_not_translatable_are_not_listed(client):
    client.force_login(UserFactory(role=roles.EDITORS))
    assert client.get(f"{API}home/borough/").status_code == 404


def test_translatable_snippets_are_listed_to_staff_who_edit_them(client):
    client.force_login(UserFactory(role=roles.TRANSLATORS))
    assert client.get(f"{API}home/myth/").status_code == 200


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(f"{API}home/myth/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
