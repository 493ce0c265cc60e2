"""Who can reach what, over every URL the site has, for every role, generated from the URL conf.

Every admin URL name is put in an area (personal data, account administration, or staff work on
content), and a URL in no known area fails the test, so a new URL cannot escape the matrix. Then, for
each URL and role, with a real support request and ambassador behind every id in the URL and the
person's name as a search term:

- anonymous visitors get no admin page (sign-in redirect, 403, 404 or 405) except sign-in itself;
- personal-data URLs are refused to Editors and Moderators, account administration to everyone but
  superusers;
- no URL, admin or public (every live page included), shows the person's name, email or phone to a role
  that may not see personal data; the same check finds the person on the queue record for the
  Diversity team, so it would notice a leak.

Wagtail's generic URLs that name a model (the bulk actions at /admin/bulk/<app>/<model>/<action>/,
editing sessions, tag autocompletion, settings, page creation) are requested for every model holding
personal data, the bulk actions once for each action registered for the model and always with real ids
(``?id=..&id=..``): Wagtail's confirmation page lists the chosen records, so it must refuse before it
lists.

The apps' own tests (tests/positive_action/test_permissions.py and the others) hold the finer rules,
such as which queue actions only Diversity leads may take.
"""

import re
from collections import Counter

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLResolver, get_resolver
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page

from ambassadors_network.models import Status
from home import roles
from positive_action.bulk_actions import QueueBulkAction
from tests.ambassadors_network.factories import AmbassadorFactory
from tests.factories import SuperuserFactory, UserFactory
from tests.positive_action.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

ANONYMOUS, SUPERUSER = "anonymous", "superuser"
EDITORS, MODERATORS, TEAM, LEADS, TRANSLATORS = (
    roles.EDITORS,
    roles.MODERATORS,
    roles.DIVERSITY_TEAM,
    roles.DIVERSITY_LEADS,
    roles.TRANSLATORS,
)
ROLES_WITHOUT_PERSONAL_DATA = (ANONYMOUS, EDITORS, MODERATORS, TRANSLATORS)

PERSONAL, ACCOUNTS, STAFF, SIGN_IN = "personal data", "account administration", "staff", "sign-in"
AREA_OF_NAMESPACE = {
    "support_queue": PERSONAL,
    "ambassadors": PERSONAL,
    "data_protection": PERSONAL,
    "ambassador_report": PERSONAL,
    "wagtailsnippetchoosers_positive_action_supportrequest": PERSONAL,
    # The team's email templates: words to reuse, no one's personal data.
    "casework_email_templates": STAFF,
    "wagtailsnippetchoosers_positive_action_caseworkemailtemplate": STAFF,
    "wagtailusers_users": ACCOUNTS,
    "wagtailusers_groups": ACCOUNTS,
    "wagtailsites": ACCOUNTS,
    "wagtailadmin_workflows": ACCOUNTS,
    "wagtailadmin_collections": ACCOUNTS,
    "wagtailadmin_pages": STAFF,
    "wagtailadmin_api": STAFF,
    "wagtailadmin_reports": STAFF,
    "wagtailadmin_editing_sessions": STAFF,
    "wagtailimages": STAFF,
    "wagtailimages_chooser": STAFF,
    "wagtaildocs": STAFF,
    "wagtaildocs_chooser": STAFF,
    "wagtailredirects": STAFF,
    "wagtailsettings": STAFF,
    "wagtailembeds": STAFF,
    "wagtailsnippets": STAFF,
    # wagtail-localize's translation editor, its reports and its snippet API (which home/
    # translation_snippets.py limits to translatable snippets): translating content, no personal data.
    "wagtail_localize": STAFF,
    # Adding or removing the site's languages: site configuration, like sites and workflows.
    "wagtaillocales": ACCOUNTS,
}
# Content snippets (home app): myths, officer stories, boroughs, communities, their choosers.
CONTENT_SNIPPET_NAMESPACE = re.compile(r"^wagtailsnippet(s|choosers)_home_\w+$")
AREA_OF_NAME = {
    "wagtailadmin_login": SIGN_IN,
    "wagtailadmin_password_reset": SIGN_IN,
    "wagtailadmin_password_reset_done": SIGN_IN,
    "wagtailadmin_password_reset_confirm": SIGN_IN,
    "wagtailadmin_password_reset_complete": SIGN_IN,
    # Wagtail's icon sprite and JavaScript translations: static assets the sign-in page itself needs.
    "wagtailadmin_sprite": SIGN_IN,
    "wagtailadmin_javascript_catalog": SIGN_IN,
    # Choosing a task while editing a workflow is offered to whoever may edit pages; tasks hold no
    # personal data.
    "wagtailadmin_workflows:task_chooser": STAFF,
    "wagtailadmin_workflows:task_chooser_results": STAFF,
    "wagtailadmin_workflows:task_chooser_create": STAFF,
    "wagtailadmin_workflows:task_chosen": STAFF,
    # Issuing a two-step sign-in enrolment link is half of someone's sign-in: for user administrators.
    "two_factor_issue_enrolment_link": ACCOUNTS,
    # Translation status, submitting a translation and clearing its review flag (home/translation_views.py).
    "translation_status": STAFF,
    "translation_submit": STAFF,
    "translation_review_clear": STAFF,
}
# Wagtail's deliberate error page for testing error reporting: a 500 by design for signed-in staff.
DELIBERATE_ERROR = "wagtailadmin_error_test"
REFUSED = {302, 403, 404, 405}

# Every model that holds something about a person. Wagtail's URLs that take an app label and a model name
# are requested for each of these.
PERSONAL_DATA_MODELS = [
    "positive_action.SupportRequest",
    "positive_action.SupportRequestEvent",
    "positive_action.EqualityMonitoring",
    "positive_action.EmailDelivery",
    "positive_action.SubmissionReceipt",
    "ambassadors_network.Ambassador",
    "ambassadors_network.AmbassadorEvent",
    "ambassadors_network.Referral",
]
# Wagtail's built-in bulk action names, tried for every personal-data model whether registered or not.
BUILT_IN_BULK_ACTIONS = {"delete", "publish", "unpublish", "move", "copy", "add_to_collection", "add_tags"}
MODEL_PARAMETERS = re.compile(
    r"<(?:\w+:)?(app_label|app_name|content_type_app_name)>/<(?:\w+:)?(\w*model_name)>"
)


def walk(resolver, prefix="", namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            yield from walk(pattern, prefix + str(pattern.pattern), inner)
        else:
            yield prefix + str(pattern.pattern), namespace, pattern.name or ""


def all_routes():
    return list(walk(get_resolver()))


def admin_routes():
    return [route for route in all_routes() if route[0].startswith("admin/")]


def model_of(label):
    return apps.get_model(label)


def bulk_action_types(model):
    registered = bulk_action_registry.get_bulk_actions_for_model(
        model._meta.app_label, model._meta.model_name
    )
    return sorted(BUILT_IN_BULK_ACTIONS | {action.action_type for action in registered})


def personal_model_paths(pattern, namespace, person):
    """A pattern that names a model, filled in once per personal-data model (and per bulk action)."""
    for label in PERSONAL_DATA_MODELS:
        model = model_of(label)
        named = MODEL_PARAMETERS.sub(f"{model._meta.app_label}/{model._meta.model_name}", pattern)
        actions = bulk_action_types(model) if "<str:action>" in named else ["-"]
        for action in actions:
            yield concrete_path(named.replace("<str:action>", action), namespace, person)


def admin_paths(person):
    """(path, area) for every admin URL; a URL naming a model comes once per personal-data model."""
    for pattern, namespace, name in admin_routes():
        area = area_of(namespace, name)
        if MODEL_PARAMETERS.search(pattern):
            for path in personal_model_paths(pattern, namespace, person):
                yield path, PERSONAL
        yield concrete_path(pattern, namespace, person), area


def area_of(namespace, name):
    top = namespace.split(":")[0]
    qualified = f"{namespace}:{name}" if namespace else name
    if qualified in AREA_OF_NAME:
        return AREA_OF_NAME[qualified]
    if top in AREA_OF_NAMESPACE:
        return AREA_OF_NAMESPACE[top]
    if CONTENT_SNIPPET_NAMESPACE.match(top):
        return STAFF
    if not top:  # Wagtail's own un-namespaced admin views: dashboard, explorer, choosers, account
        return STAFF
    return None


@pytest.fixture
def person():
    request = SupportRequestFactory(
        name="Zainab Leakcheck-Qureshi", email="zainab.leakcheck@example.org", phone="07700 900417"
    )
    ambassador = AmbassadorFactory(
        name="Tendai Leakcheck-Osei",
        email="tendai.leakcheck@example.org",
        phone="020 7946 0417",
        status=Status.APPROVED,
    )
    # A second person, held for spam review, so that bulk-action URLs choose two records.
    held = SupportRequestFactory(
        name="Amara Leakcheck-Nwosu",
        email="amara.leakcheck@example.org",
        phone="07700 900418",
        needs_spam_review=True,
    )
    return request, ambassador, held


def personal_details(person):
    return [
        detail for record in person for detail in (record.name, record.email, record.phone, record.reference)
    ]


def sample_value(parameter, namespace, person):
    request, ambassador, _held = person
    record = ambassador if namespace.startswith("ambassadors") else request
    values = {
        "kind": "support",
        "action": "note",
        "code": ambassador.referral_code,
        "app_label": "positive_action",
        "app_name": "positive_action",
        "model_name": "supportrequest",
        "filter_spec": "original",
        "uidb64": "MQ",
        "token": "set-password",
    }
    return str(values.get(parameter, record.pk))


def concrete_path(pattern, namespace, person):
    """The pattern with every parameter filled with a real record's id (or a fitting value)."""
    if pattern == r"^((?:[\w\-]+/)*)$":
        return "/"  # Wagtail's page serving; every live page is requested separately
    path = pattern.replace("^", "").replace("$", "").replace(".*", "no-such-page")
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: sample_value(match[1], namespace, person), path)
    path = re.sub(r"\([^)]*\)", lambda _match: str(person[0].pk), path)
    return "/" + path


# A word of both people's names: searches find them, and a page that repeats the search term back does
# not thereby show a whole name.
SEARCH_TERM = "Leakcheck"


def query_for(person):
    request, _ambassador, held = person
    return {"q": SEARCH_TERM, "query": SEARCH_TERM, "id": [request.pk, held.pk], "p": 1}


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def client_for(role):
    client = Client(raise_request_exception=False)
    if role == SUPERUSER:
        client.force_login(SuperuserFactory())
    elif role != ANONYMOUS:
        client.force_login(UserFactory(role=role))
    return client


def test_every_admin_url_belongs_to_a_known_area():
    routes = admin_routes()
    unclassified = sorted(
        f"{namespace}:{name} ({pattern})"
        for pattern, namespace, name in routes
        if area_of(namespace, name) is None
    )

    assert len(routes) > 200, "the admin URL conf was not walked"
    assert not unclassified, "classify these URLs in AREA_OF_NAMESPACE or AREA_OF_NAME"


def test_the_areas_name_only_urls_that_exist():
    namespaces = {namespace.split(":")[0] for _pattern, namespace, _name in all_routes()}
    names = {f"{namespace}:{name}" if namespace else name for _pattern, namespace, name in all_routes()}

    assert set(AREA_OF_NAMESPACE) <= namespaces
    assert set(AREA_OF_NAME) <= names


def test_anonymous_visitors_get_no_admin_page_but_sign_in(person):
    visitor = client_for(ANONYMOUS)
    opened = []
    for path, area in admin_paths(person):
        if area == SIGN_IN:
            continue
        response = visitor.get(path, query_for(person))
        refused = response.status_code in REFUSED and (
            response.status_code != 302 or response["Location"].startswith("/admin/login/")
        )
        if not refused:
            opened.append(f"{path} -> {response.status_code}")

    assert not opened


@pytest.mark.parametrize("role", [EDITORS, MODERATORS, TRANSLATORS, TEAM, LEADS])
def test_staff_are_refused_the_areas_their_role_does_not_cover(person, role):
    staff = client_for(role)
    forbidden_areas = {ACCOUNTS} | ({PERSONAL} if role in (EDITORS, MODERATORS, TRANSLATORS) else set())
    opened = []
    for path, area in admin_paths(person):
        if area not in forbidden_areas:
            continue
        response = staff.get(path, query_for(person))
        if response.status_code not in REFUSED:
            opened.append(f"{path} -> {response.status_code}")

    assert not opened


def every_url(person):
    for pattern, namespace, name in all_routes():
        if name != DELIBERATE_ERROR:
            yield concrete_path(pattern, namespace, person)
        if MODEL_PARAMETERS.search(pattern):
            yield from personal_model_paths(pattern, namespace, person)
    for page in Page.objects.live().specific():
        yield page.url


@pytest.mark.parametrize("role", ROLES_WITHOUT_PERSONAL_DATA)
def test_no_url_shows_a_person_to_a_role_without_access_to_personal_data(person, demo_site, role):
    client = client_for(role)
    details = personal_details(person)
    leaks = []
    for path in every_url(person):
        body = body_of(client.get(path, query_for(person)))
        leaks += [f"{path} shows {detail!r}" for detail in details if detail in body]

    assert not leaks


def test_the_leak_check_finds_the_person_where_the_diversity_team_may_see_them(person):
    request, ambassador, _held = person
    team = client_for(TEAM)

    queue_record = body_of(team.get(f"/admin/support-queue/inspect/{request.pk}/"))
    ambassador_record = body_of(team.get(f"/admin/ambassadors/inspect/{ambassador.pk}/"))

    assert request.name in queue_record and request.email in queue_record
    assert ambassador.name in ambassador_record and ambassador.email in ambassador_record


@pytest.mark.parametrize(
    ("role", "opens"), [(TEAM, True), (LEADS, True), (EDITORS, False), (MODERATORS, False)]
)
def test_the_support_request_chooser_opens_only_for_the_diversity_team(person, role, opens):
    chooser = client_for(role).get("/admin/snippets/choose/positive_action/supportrequest/")

    assert chooser.status_code == (200 if opens else 403)
    assert (person[0].reference in body_of(chooser)) is opens


def bulk_action_urls():
    """Every bulk action Wagtail would dispatch for a personal-data model: (model, action type, URL)."""
    for label in PERSONAL_DATA_MODELS:
        model = model_of(label)
        registered = bulk_action_registry.get_bulk_actions_for_model(
            model._meta.app_label, model._meta.model_name
        )
        for action in registered:
            yield (
                model,
                action,
                f"/admin/bulk/{model._meta.app_label}/{model._meta.model_name}/{action.action_type}/",
            )


def test_every_bulk_action_over_personal_data_checks_the_queue_permission_before_listing():
    actions = [(model, action) for model, action, _url in bulk_action_urls()]

    assert {action.action_type for _model, action in actions} >= {"delete", "assign_owner", "change_stage"}
    assert all(issubclass(action, QueueBulkAction) for _model, action in actions), actions


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(EDITORS, False), (MODERATORS, False), (TEAM, True), (LEADS, True), (SUPERUSER, True)],
)
def test_bulk_action_confirmation_pages_list_records_only_to_the_diversity_team(person, role, allowed):
    client = client_for(role)
    request, _ambassador, held = person
    seen = {}
    for _model, _action, url in bulk_action_urls():
        response = client.get(url, {"id": [request.pk, held.pk]})
        seen[url] = (
            response.status_code,
            request.reference in body_of(response),
            held.reference in body_of(response),
        )

    expected = (200, True, True) if allowed else (403, False, False)
    assert seen and all(outcome == expected for outcome in seen.values()), seen


@pytest.mark.parametrize("role", [EDITORS, MODERATORS])
def test_bulk_actions_posted_by_staff_without_the_queue_change_nothing(person, role):
    request, _ambassador, held = person
    client = client_for(role)
    for _model, _action, url in bulk_action_urls():
        response = client.post(f"{url}?id={request.pk}&id={held.pk}", {"stage": "contacted", "owner": ""})

        assert response.status_code == 403, url
    request.refresh_from_db()
    held.refresh_from_db()
    assert request.stage == "new" and held.needs_spam_review


def personal_data_statuses(role, person):
    """({status: count}, {redirect target: body shown}) over every personal-data admin URL for a role."""
    client = client_for(role)
    statuses, redirects = Counter(), {}
    for path, area in admin_paths(person):
        if area == PERSONAL:
            response = client.get(path, query_for(person))
            statuses[response.status_code] += 1
            if response.status_code == 302:
                redirects[response["Location"]] = redirects.get(response["Location"], "") + body_of(response)
    return statuses, redirects


@pytest.mark.parametrize("role", [EDITORS, MODERATORS, TRANSLATORS])
def test_editors_and_moderators_get_no_personal_data_url_with_a_page(person, role):
    statuses, redirects = personal_data_statuses(role, person)

    # Every queue, ambassador, data-protection, chooser and registered bulk-action URL: a real 403. The
    # rest name a model that has no such view (404, 405), except "add a workflow task of this type", which
    # Wagtail refuses to anyone who may not manage workflows with an empty redirect to the dashboard.
    assert statuses[403] >= 30, statuses
    assert set(statuses) <= {403, 404, 405, 302}, statuses
    assert set(redirects) == {"/admin/"} and not any(shown for shown in redirects.values()), redirects
