import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu
from wagtail.models import Page

from home import roles
from tests.factories import STAFF_PASSWORD, SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGE_MENUS = {"explorer", "images", "documents"}
EXPECTED_MENUS = {
    roles.EDITORS: {
        "explorer",
        "images",
        "documents",
        "reports",
        "help",
        "places-and-communities",
        "content-library",
    },
    roles.MODERATORS: {
        "explorer",
        "images",
        "documents",
        "settings",
        "reports",
        "help",
        "places-and-communities",
        "content-library",
    },
    # Translators edit snippets' translations; Reports holds the translation status. (Pages appear once a
    # language's home page exists: test_translations.py.)
    roles.TRANSLATORS: {"reports", "help", "content-library"},
    # Snippets holds the casework email templates the team writes.
    roles.DIVERSITY_TEAM: {"help", "support-queue", "ambassador-network", "snippets"},
    # Reports holds Site history, where leads read (and alone may export) the audit log.
    roles.DIVERSITY_LEADS: {
        "help",
        "settings",
        "support-queue",
        "equality-report",
        "ambassador-network",
        "snippets",
        "reports",
    },
}


def menu_names(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {item.name for item in admin_menu.menu_items_for_request(request)}


def test_migrations_create_every_role_with_admin_access():
    for name in roles.ALL_ROLES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_each_role_can_sign_in_to_the_admin(client, role):
    user = UserFactory(role=role)

    response = client.post("/admin/login/", {"username": user.username, "password": STAFF_PASSWORD})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_wrong_password_does_not_sign_in(client):
    user = UserFactory(role=roles.EDITORS)

    response = client.post("/admin/login/", {"username": user.username, "password": "not-the-password"})

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_each_role_sees_only_its_menus(role):
    assert menu_names(UserFactory(role=role)) == EXPECTED_MENUS[role]


@pytest.mark.parametrize("role", roles.PERSONAL_DATA_ROLES)
def test_diversity_roles_see_no_page_editing_tools(role):
    assert not menu_names(UserFactory(role=role)) & PAGE_MENUS


def test_editors_can_edit_but_not_publish_and_moderators_can_publish(demo_site):
    editor = UserFactory(role=roles.EDITORS)
    moderator = UserFactory(role=roles.MODERATORS)
    home = Page.objects.get(pk=demo_site.pk)

    assert home.permissions_for_user(editor).can_edit()
    assert not home.permissions_for_user(editor).can_publish()
    assert home.permissions_for_user(moderator).can_publish()


def test_diversity_team_cannot_open_the_page_editor(client, demo_site):
    user = UserFactory(role=roles.DIVERSITY_TEAM)
    client.force_login(user)

    response = client.get(f"/admin/pages/{demo_site.pk}/edit/")

    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=demo_site.pk).permissions_for_user(user).can_edit()


def test_superuser_sees_everything():
    assert menu_names(SuperuserFactory()) >= {"explorer", "settings", "images", "documents"}


def test_demo_accounts_are_refused_when_settings_disable_them(settings):
    settings.DEMO_ACCOUNTS_ENABLED = False

    with pytest.raises(CommandError, match="development only"):
        call_command("create_demo_accounts")


def test_demo_accounts_get_one_role_each(settings, client):
    settings.DEMO_ACCOUNTS_ENABLED = True
    settings.DEMO_ACCOUNTS_PASSWORD = "demo-password-for-tests"

    call_command("create_demo_accounts", stdout=open("/dev/null", "w"))
    call_command("create_demo_accounts", stdout=open("/dev/null", "w"))

    expected = {
        "editor": roles.EDITORS,
        "moderator": roles.MODERATORS,
        "diversity": roles.DIVERSITY_TEAM,
        "lead": roles.DIVERSITY_LEADS,
    }
    for username, group_name in expected.items():
        assert client.login(username=username, password="demo-password-for-tests")
        groups = list(Group.objects.filter(user__username=username).values_list("name", flat=True))
        assert groups == [group_name]
    assert Group.objects.filter(user__username="admin").count() == 0
