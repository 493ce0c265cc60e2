"""The staff roles the brief names, and helpers that data migrations use to grant them permissions.

The helpers take the migration's ``apps`` registry so they work on historical models. Permissions are
fetched with get_or_create because Django creates model permissions only after all migrations have run.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
DIVERSITY_TEAM = "Diversity team"
DIVERSITY_LEADS = "Diversity leads"
# Edits translations of pages and snippets only, never the English source, and submits them for moderation.
TRANSLATORS = "Translators"
ALL_ROLES = (EDITORS, MODERATORS, DIVERSITY_TEAM, DIVERSITY_LEADS, TRANSLATORS)
# Roles that write or publish the English source content.
SOURCE_CONTENT_ROLES = (EDITORS, MODERATORS)
# Only these roles may ever see applicants' personal data.
PERSONAL_DATA_ROLES = (DIVERSITY_TEAM, DIVERSITY_LEADS)


def get_permission(apps, app_label, model, codename, name=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename.replace("_", " ")}
    )
    return permission


def get_group(apps, name):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=name)
    return group


def grant_model_permissions(apps, group_name, app_label, model, actions):
    """Give a group e.g. add/change/delete/view on one model (app_label, lower-case model name)."""
    group = get_group(apps, group_name)
    for action in actions:
        group.permissions.add(get_permission(apps, app_label, model, f"{action}_{model}"))


def grant_page_permissions(apps, group_name, permission_types):
    """Give a group page permissions (add, change, publish, lock, unlock) on the whole page tree."""
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = get_group(apps, group_name)
    root = Page.objects.get(depth=1)
    for permission_type in permission_types:
        permission = get_permission(apps, "wagtailcore", "page", f"{permission_type}_page")
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def revoke_page_permissions(apps, group_name, permission_types):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=group_name,
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=[f"{permission_type}_page" for permission_type in permission_types],
    ).delete()


def grant_collection_permissions(apps, group_name, app_label, model, actions):
    """Give a group image or document permissions on every collection."""
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = get_group(apps, group_name)
    root = Collection.objects.get(depth=1)
    for action in actions:
        permission = get_permission(apps, app_label, model, f"{action}_{model}")
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def edits_translations_only(user):
    """True for a Translator who holds no role that writes English content (a superuser never is)."""
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & set(SOURCE_CONTENT_ROLES)
