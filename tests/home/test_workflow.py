import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from home import roles
from home.models import StandardPage
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


def submit_for_moderation(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def test_every_page_is_covered_by_the_moderation_workflow(demo_site):
    for page in Page.objects.filter(depth__gt=1):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.active, page.title
        tasks = [task.specific for task in workflow.tasks.all()]
        assert [group.name for task in tasks for group in task.groups.all()] == [roles.MODERATORS]


def test_editor_submits_and_only_a_moderator_can_approve(demo_site):
    editor = UserFactory(role=roles.EDITORS)
    moderator = UserFactory(role=roles.MODERATORS)
    page = StandardPage.objects.get(slug="privacy-notice")
    page.title = "Privacy notice (updated)"

    workflow_state = submit_for_moderation(page, editor)
    task_state = workflow_state.current_task_state
    task = task_state.task.specific

    assert StandardPage.objects.get(pk=page.pk).title == "Privacy notice"
    assert task.get_actions(page, editor) == []
    assert "approve" in [action for action, *_ in task.get_actions(page, moderator)]

    task.on_action(task_state, moderator, "approve")

    page.refresh_from_db()
    assert page.title == "Privacy notice (updated)"
    assert page.live


def test_moderator_can_reject_and_the_live_page_stays_unchanged(demo_site):
    editor = UserFactory(role=roles.EDITORS)
    moderator = UserFactory(role=roles.MODERATORS)
    page = StandardPage.objects.get(slug="privacy-notice")
    page.title = "Rejected change"

    workflow_state = submit_for_moderation(page, editor)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")

    assert StandardPage.objects.get(pk=page.pk).title == "Privacy notice"


def test_scheduled_page_goes_live_only_when_its_time_comes(client, demo_site, monkeypatch):
    go_live_at = timezone.now() + datetime.timedelta(hours=2)
    page = StandardPage(title="Open day", slug="open-day", body="<p>Come along</p>", live=False)
    demo_site.add_child(instance=page)
    page.go_live_at = go_live_at
    page.save_revision().publish()

    call_command("publish_scheduled", stdout=io.StringIO())
    assert client.get("/open-day/").status_code == 404

    later = go_live_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", stdout=io.StringIO())

    assert client.get("/open-day/").status_code == 200


def test_every_demo_page_can_be_edited_and_previewed(client, demo_site):
    client.force_login(SuperuserFactory())
    pages = [page.specific for page in Page.objects.filter(depth__gt=1)]
    assert len({type(page) for page in pages}) >= 2

    for page in pages:
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page.title
        preview = page.make_preview_request()
        assert preview.status_code == 200, page.title
        assert page.title in preview.content.decode()
        # The admin's preview panel frames the preview, so the site itself may frame it.
        assert "frame-ancestors 'self'" in preview["Content-Security-Policy"], page.title
        assert preview["X-Frame-Options"] == "SAMEORIGIN", page.title


def test_public_pages_still_refuse_every_frame(client, demo_site):
    response = client.get("/")

    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
