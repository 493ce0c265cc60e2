import re

import pytest
from django.contrib.auth.models import Group

from home import roles
from home.choices import MythTopic
from home.models import Myth
from tests.factories import UserFactory
from tests.helpers import draftail
from tests.home.content_factories import ImageFactory, MythFactory, OfficerStoryFactory

pytestmark = pytest.mark.django_db

MYTHS_URL = "/admin/snippets/home/myth/"
STORIES_URL = "/admin/snippets/home/officerstory/"


def signed_in(client, role):
    client.force_login(UserFactory(role=role))
    return client


def listed(response):
    """The page without its scripts: the admin's configuration script names every language."""
    return re.sub(r"<script.*?</script>", "", response.content.decode(), flags=re.DOTALL)


@pytest.mark.parametrize("model", ["myth", "officerstory"])
def test_editors_draft_library_snippets_and_moderators_also_publish_unlock_and_delete(model):
    editors = Group.objects.get(name=roles.EDITORS).permissions.filter(content_type__model=model)
    moderators = Group.objects.get(name=roles.MODERATORS).permissions.filter(content_type__model=model)

    assert set(editors.values_list("codename", flat=True)) == {
        f"add_{model}",
        f"change_{model}",
        f"view_{model}",
        f"lock_{model}",
    }
    assert set(moderators.values_list("codename", flat=True)) == {
        f"add_{model}",
        f"change_{model}",
        f"delete_{model}",
        f"view_{model}",
        f"publish_{model}",
        f"lock_{model}",
        f"unlock_{model}",
    }


@pytest.mark.parametrize("role", roles.PERSONAL_DATA_ROLES)
def test_diversity_roles_cannot_open_the_content_library(client, role):
    signed_in(client, role)

    for url in (MYTHS_URL, STORIES_URL):
        assert client.get(url).status_code in (302, 403), url


def test_editor_can_add_a_myth_through_the_admin(client):
    signed_in(client, roles.EDITORS)

    response = client.post(
        MYTHS_URL + "add/",
        {
            "myth": "Police officers cannot have beards.",
            "fact": draftail("They can."),
            "source_url": "",
            "topic": MythTopic.LIFE_IN_THE_JOB,
            "sort_order": "3",
        },
    )

    assert response.status_code == 302
    myth = Myth.objects.get(myth="Police officers cannot have beards.")
    assert "They can." in myth.fact


def test_myth_with_a_hostile_source_address_is_refused(client):
    signed_in(client, roles.EDITORS)

    response = client.post(
        MYTHS_URL + "add/",
        {
            "myth": "A myth",
            "fact": draftail("A fact."),
            "source_url": "javascript:alert(1)",
            "topic": "eligibility",
            "sort_order": "0",
        },
    )

    assert response.status_code == 200
    assert not Myth.objects.filter(myth="A myth").exists()


def test_editor_cannot_delete_a_myth_but_a_moderator_can(client):
    myth = MythFactory()
    delete_url = f"{MYTHS_URL}delete/{myth.pk}/"

    signed_in(client, roles.EDITORS)
    assert client.post(delete_url).status_code in (302, 403)
    assert Myth.objects.filter(pk=myth.pk).exists()

    signed_in(client, roles.MODERATORS)
    assert client.post(delete_url).status_code == 302
    assert not Myth.objects.filter(pk=myth.pk).exists()


def test_myth_list_filters_by_topic_and_searches_the_myth(client):
    MythFactory(myth="You need a degree to join.", topic=MythTopic.ELIGIBILITY)
    MythFactory(myth="It is all arrests.", topic=MythTopic.LIFE_IN_THE_JOB)
    signed_in(client, roles.EDITORS)

    by_topic = listed(client.get(MYTHS_URL, {"topic": MythTopic.ELIGIBILITY}))
    by_search = listed(client.get(MYTHS_URL, {"q": "arrests"}))

    assert "You need a degree to join." in by_topic and "It is all arrests." not in by_topic
    assert "It is all arrests." in by_search and "You need a degree to join." not in by_search


def test_officer_story_list_filters_stories_with_a_photo(client):
    OfficerStoryFactory(name="Sergeant with photo", image=ImageFactory())
    OfficerStoryFactory(name="Constable without photo")
    signed_in(client, roles.MODERATORS)

    with_photo = listed(client.get(STORIES_URL, {"image__isnull": "false"}))

    assert "Sergeant with photo" in with_photo and "Constable without photo" not in with_photo


@pytest.mark.parametrize("page_type", ["campaignindexpage", "campaignpage", "mythsfactspage"])
def test_editor_can_preview_each_content_page_type_in_the_page_editor(client, demo_site, page_type):
    from wagtail.models import Page

    page = Page.objects.filter(content_type__model=page_type).first()
    signed_in(client, roles.EDITORS)

    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{page.pk}/edit/preview/").status_code == 200


@pytest.mark.parametrize(
    "url, query, expected, other",
    [
        ("/admin/snippets/home/borough/", "bridge", "Redbridge", "Ealing"),
        ("/admin/snippets/home/community/", "som", "Somali", "Tamil"),
    ],
)
def test_reference_data_lists_search_part_of_a_name(client, demo_site, url, query, expected, other):
    signed_in(client, roles.MODERATORS)

    response = client.get(url, {"q": query})

    assert response.status_code == 200
    assert expected in listed(response) and other not in listed(response)
