"""Which translations still need a native speaker's review before they are published (issue 18)."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Locale, Page

from home import roles

# Page permissions a Translator holds on each language's tree: edit and lock, never publish or add.
TRANSLATOR_PAGE_PERMISSIONS = ("change_page", "lock_page")


def content_type_for(instance):
    """Pages are flagged under Wagtail's base page type, so a flag is found whichever page class asks."""
    model = Page if isinstance(instance, Page) else type(instance)
    return ContentType.objects.get_for_model(model)


class TranslationReviewFlagQuerySet(models.QuerySet):
    def for_instance(self, instance):
        return self.filter(content_type=content_type_for(instance), object_id=str(instance.pk))

    def flag(self, instance, note=""):
        flag, _created = self.get_or_create(
            content_type=content_type_for(instance),
            object_id=str(instance.pk),
            defaults={"locale_id": instance.locale_id, "note": note},
        )
        return flag


class TranslationReviewFlag(models.Model):
    """A translated page or snippet whose text no native speaker has checked yet (the demo's translations,
    which we wrote ourselves). The editor and the translations report show it as "needs review by a native
    speaker before publishing" until a moderator clears it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    content_object = GenericForeignKey("content_type", "object_id")
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    flagged_at = models.DateTimeField(_("flagged at"), auto_now_add=True)

    objects = TranslationReviewFlagQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation awaiting native review")
        verbose_name_plural = _("translations awaiting native review")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_review_flag_per_object")
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id} ({self.locale})"


@receiver(post_save)
def let_translators_edit_new_language_tree(sender, instance, created, raw=False, **kwargs):
    """When a language's home page first appears (translated or aliased from English), Translators get
    page permissions on it and so on its whole tree; the English tree stays out of their reach."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale_id == Locale.get_default().pk:
        return
    grant_translators_page_permissions(instance)


def grant_translators_page_permissions(page):
    group = Group.objects.filter(name=roles.TRANSLATORS).first()
    if group is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
