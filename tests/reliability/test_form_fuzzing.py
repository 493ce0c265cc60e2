"""Fuzzed posts to the two public forms never give a server error, and never store a half-valid record.

Hypothesis mixes valid answers with arbitrary text (control characters, surrogates left out because a
browser cannot send them, very long strings, unknown choices, lists where one value is expected) for every
field. Each answer must be a page the visitor can act on: the form again (200), a refusal (400, 429) or the
redirect to the confirmation (302). How many examples are tried is the Hypothesis profile's choice
(tests/conftest.py): 30 in `make test`, 2,000 in `make fuzz`.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ambassadors_network.models import Ambassador
from positive_action.models import SupportRequest

from .public_forms import REGISTRATION, SIGN_UP, post_form

pytestmark = pytest.mark.django_db

ANSWERS_A_VISITOR_CAN_ACT_ON = {200, 302, 400, 429}

# Text a browser can send: any character but lone surrogates, which cannot be encoded as UTF-8.
browser_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300)
long_text = st.builds(lambda text, times: text * times, browser_text, st.integers(1, 40))
fuzzed_value = st.one_of(browser_text, long_text, st.lists(browser_text, max_size=4))


def fuzzed_posts(valid):
    """Each field keeps its valid answer or gets a fuzzed one; sometimes an unknown field is added."""
    fields = {name: st.one_of(st.just(value), fuzzed_value) for name, value in valid.items()}
    extra = st.dictionaries(browser_text.filter(bool), fuzzed_value, max_size=2)
    return st.builds(lambda data, more: {**more, **data}, st.fixed_dictionaries(fields), extra)


def assert_stored_only_when_accepted(response, new_records):
    # An accepted post makes one record, or none when the same email joins the earlier open record.
    assert new_records in ((0, 1) if response.status_code == 302 else (0,))


def test_the_valid_posts_really_are_accepted(client, pages):
    """Guard for the fuzzing below: the base data passes, so fuzzing one field tests that field."""
    assert post_form(client, pages["registration"], REGISTRATION).status_code == 302
    assert post_form(client, pages["sign_up"], SIGN_UP).status_code == 302
    assert SupportRequest.objects.count() == 1 and Ambassador.objects.count() == 1


@given(data=fuzzed_posts(REGISTRATION))
def test_fuzzed_registration_never_gives_a_server_error(client, pages, data):
    before = SupportRequest.objects.count()

    response = post_form(client, pages["registration"], data)

    assert response.status_code in ANSWERS_A_VISITOR_CAN_ACT_ON
    assert_stored_only_when_accepted(response, SupportRequest.objects.count() - before)


@given(data=fuzzed_posts(SIGN_UP))
def test_fuzzed_ambassador_sign_up_never_gives_a_server_error(client, pages, data):
    before = Ambassador.objects.count()

    response = post_form(client, pages["sign_up"], data)

    assert response.status_code in ANSWERS_A_VISITOR_CAN_ACT_ON
    assert_stored_only_when_accepted(response, Ambassador.objects.count() - before)
