"""Concurrent posts: duplicates of one submission make one record, different people each get exactly one,
and one person posting twice at the same moment (two tabs, different form tokens) gets one record that
the second post joins, on both public forms.

The posts from test-client threads run on PostgreSQL only: SQLite serialises writers, so there is no race
for them to lose. The one-person posts go over HTTP to the live server and run on both databases: on
PostgreSQL they race for real (issue 15 saw 35 support records for 20 people); on SQLite they show the
serialised path still joins the second post.
"""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import signing
from django.db import connection, connections
from django.test import Client

from ambassadors_network.models import Ambassador, EntryKind
from ambassadors_network.signup import AmbassadorSignupFlow
from positive_action.models import SubmissionReceipt, SupportRequest, SupportSettings
from positive_action.registration import SupportRegistrationFlow
from positive_action.submissions import DONE_PARAMETER
from recruitment_site.devtools.demo import ensure_home_page, ensure_reference_data
from recruitment_site.devtools.demo.ambassadors import ensure_programme_page
from recruitment_site.devtools.demo.support import ensure_registration_page
from tests.reliability.public_forms import REGISTRATION, SIGN_UP, post_together

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
)


def post_in_thread(url, data):
    try:
        return Client().post(url, data).status_code
    finally:
        connections.close_all()


@pytest.fixture
def page(demo_site, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1000
    SupportRequest.objects.all().delete()
    SupportSettings.objects.update(team_email="")
    return ensure_registration_page(demo_site)


@needs_postgresql
def test_concurrent_duplicate_posts_create_one_record(page, valid_data):
    data = {**valid_data, "submission_token": str(uuid.uuid4())}
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda _: post_in_thread(page.url, data), range(10)))

    assert statuses == [302] * 10
    assert SupportRequest.objects.count() == 1
    assert SubmissionReceipt.objects.count() == 1


@needs_postgresql
def test_fifty_people_registering_at_once_are_each_stored_once(page, valid_data):
    def register(number):
        data = {**valid_data, "email": f"person{number}@example.org", "submission_token": str(uuid.uuid4())}
        return post_in_thread(page.url, data)

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(register, range(50)))

    assert statuses == [302] * 50
    assert SupportRequest.objects.count() == 50
    assert SupportRequest.objects.values("email").distinct().count() == 50


# One person posting twice at once --------------------------------------------------------------------

PEOPLE = 10

# For each form: its page, valid answers, flow (whose salt signs the confirmation address), record model
# and the timeline entry a joined post writes.
FORMS = {
    "support registration": (
        "registration",
        REGISTRATION,
        SupportRegistrationFlow,
        SupportRequest,
        "registered_again",
    ),
    "ambassador sign-up": ("sign_up", SIGN_UP, AmbassadorSignupFlow, Ambassador, EntryKind.DUPLICATE),
}


@pytest.fixture
def form_pages(db, settings):
    """Both form pages under a bare home page, with no records yet (the tests count them)."""
    settings.PUBLIC_FORM_RATE_LIMIT = 100_000
    ensure_reference_data()
    home = ensure_home_page()
    return {
        "registration": ensure_registration_page(home),
        "sign_up": ensure_programme_page(home),
    }


def two_posts_each(answers):
    """Each person sends the form twice with different one-time tokens, as from two tabs; the second time
    the email is typed in capitals, which is still the same person."""
    posts = []
    for number in range(PEOPLE):
        email = f"person.{number}@example.org"
        for typed in (email, email.upper()):
            posts.append(
                {**answers, "name": f"Person {number}", "email": typed, "submission_token": str(uuid.uuid4())}
            )
    return posts


def shown_reference(location, flow):
    signed = location.split(f"{DONE_PARAMETER}=", 1)[1]
    return signing.loads(signed, salt=flow.done_salt)["reference"]


@pytest.mark.parametrize("form", FORMS)
def test_one_persons_simultaneous_posts_make_one_record_that_the_second_joins(live_server, form_pages, form):
    page_name, answers, flow, model, joined_kind = FORMS[form]
    posts = two_posts_each(answers)

    confirmations = post_together(live_server.url, form_pages[page_name].url, posts)

    assert all(status == 302 and f"{DONE_PARAMETER}=" in location for status, location in confirmations), (
        confirmations
    )
    assert model.objects.count() == PEOPLE
    for number in range(PEOPLE):
        record = model.objects.get(email__iexact=f"person.{number}@example.org")
        shown = {
            shown_reference(location, flow) for _, location in confirmations[2 * number : 2 * number + 2]
        }
        assert shown == {record.reference, record.other_references}
        assert record.timeline.filter(kind=joined_kind).count() == 1
