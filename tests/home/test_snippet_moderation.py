"""Myths and officer stories reach the public only once a moderator has published them, through the same
workflow as pages; a draft never shows on the myths page, in a block or in the site's structured data."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, WorkflowContentType

from home import roles
from home.blocks import MythsBlock, OfficerStoryBlock
from home.choices import MythTopic
from home.models import Myth, OfficerStory
from tests.factories import UserFactory
from tests.home.content_factories import MythFactory, OfficerStoryFactory

pytestmark = pytest.mark.django_db


def page_workflow():
    return Page.objects.get(depth=1).get_workflow()


@pytest.mark.parametrize("model", [Myth, OfficerStory])
def test_myths_and_officer_stories_use_the_pages_moderation_workflow(model):
    assigned = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(model))

    assert assigned.workflow == page_workflow()
    tasks = [task.specific for task in assigned.workflow.tasks.all()]
    assert [group.name for task in tasks for group in task.groups.all()] == [roles.MODERATORS]


def test_a_draft_myth_is_on_no_public_page_until_a_moderator_publishes_it(client, demo_site):
    editor, moderator = UserFactory(role=roles.EDITORS), UserFactory(role=roles.MODERATORS)
    draft = Myth(
        myth="Officers cannot have beards.", fact="<p>They can.</p>", topic=MythTopic.ELIGIBILITY, live=False
    )
    draft.save()
    draft.save_revision(user=editor)
    workflow_state = draft.get_workflow().start(draft, editor)

    assert "Officers cannot have beards." not in client.get("/myths-and-facts/").content.decode()
    assert workflow_state.current_task_state.task.specific.get_actions(draft, editor) == []

    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    draft.refresh_from_db()
    assert draft.live
    assert "Officers cannot have beards." in client.get("/myths-and-facts/").content.decode()


def test_blocks_leave_out_draft_myths_and_stories():
    live, draft = MythFactory(myth="A live myth"), MythFactory(myth="A draft myth", live=False)
    block = MythsBlock()
    chosen = block.clean(block.normalize({"heading": "", "myths": [live, draft], "topic": ""}))
    by_topic = block.normalize({"heading": "", "myths": [], "topic": MythTopic.ELIGIBILITY})
    story_block = OfficerStoryBlock()

    for value in [chosen, by_topic]:
        summaries = [
            s.get_text(" ", strip=True)
            for s in BeautifulSoup(block.render(value), "html.parser").select(".myth__statement")
        ]
        assert summaries == ["Myth: A live myth"]
    draft_story = OfficerStoryFactory(quote="Not yet approved", live=False)
    assert "Not yet approved" not in story_block.render(story_block.normalize({"story": draft_story}))


def test_a_live_myth_with_unpublished_changes_shows_the_published_text(client, demo_site):
    myth = Myth.objects.live().first()
    published = myth.myth
    myth.myth = "An edit waiting for review"
    myth.save_revision(user=UserFactory(role=roles.EDITORS))

    html = client.get("/myths-and-facts/").content.decode()

    assert published in html and "An edit waiting for review" not in html


def test_a_myth_preview_shows_the_draft(demo_site):
    myth = MythFactory(myth="How a draft looks", live=False)

    response = myth.make_preview_request()

    assert response.status_code == 200
    assert "How a draft looks" in response.content.decode()
