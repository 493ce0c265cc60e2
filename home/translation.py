"""Translations that follow their English source (issue 18): which are out of date, which still need a
native speaker's review, submitting one for moderation, and what the Translators role may touch.

wagtail-localize records, for each translated page or snippet, the source it was made from and when
that source was last read (``TranslationSource.last_updated_at``, moved by "Sync translated pages"). A
translation is out of date when its English source has been published since then.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation, TranslationSource

from home import roles
from home.models import TranslationReviewFlag
from home.models.translations import content_type_for


@dataclass
class TranslationRow:
    translation: Translation
    instance: object
    source_published_at: object
    out_of_date: bool
    needs_review: bool

    @property
    def edit_url(self):
        return self.translation.get_target_instance_edit_url()

    @property
    def sync_url(self):
        return reverse("wagtail_localize:update_translations", args=[self.translation.source_id])


def source_publication_dates(sources):
    """{source id: when its English object was last published}, one query per model."""
    by_model = defaultdict(list)
    for source in sources:
        by_model[source.specific_content_type.model_class()].append(source)
    published = {}
    for model, model_sources in by_model.items():
        if model is None or not issubclass(model, DraftStateMixin):
            continue
        keys = {(source.object_id, source.locale_id): source.pk for source in model_sources}
        rows = model._default_manager.filter(
            translation_key__in={key for key, _locale in keys},
            locale_id__in={locale for _key, locale in keys},
        ).values_list("translation_key", "locale_id", "last_published_at")
        for translation_key, locale_id, last_published_at in rows:
            if (source_pk := keys.get((translation_key, locale_id))) is not None:
                published[source_pk] = last_published_at
    return published


def is_out_of_date(source, published_at):
    return published_at is not None and published_at > source.last_updated_at


def translation_rows(translations):
    """A TranslationRow for each enabled wagtail-localize Translation whose target exists."""
    translations = list(
        translations.filter(enabled=True).select_related(
            "source__object", "source__specific_content_type", "source__locale", "target_locale"
        )
    )
    published = source_publication_dates({translation.source for translation in translations})
    flagged = set(TranslationReviewFlag.objects.values_list("content_type_id", "object_id"))
    rows = []
    for translation in translations:
        instance = translation.source.object.get_instance_or_none(translation.target_locale)
        if instance is None:
            continue
        source_published_at = published.get(translation.source_id)
        rows.append(
            TranslationRow(
                translation=translation,
                instance=instance,
                source_published_at=source_published_at,
                out_of_date=is_out_of_date(translation.source, source_published_at),
                needs_review=(content_type_for(instance).pk, str(instance.pk)) in flagged,
            )
        )
    return rows


def translation_of(instance):
    """The enabled wagtail-localize Translation that made this page or snippet, or None (English, or a
    translation edited by hand)."""
    if instance is None or getattr(instance, "locale_id", None) is None:
        return None
    sources = TranslationSource.objects.filter(object_id=instance.translation_key).exclude(
        locale_id=instance.locale_id
    )
    return (
        Translation.objects.filter(source__in=sources, target_locale_id=instance.locale_id, enabled=True)
        .select_related("source", "source__specific_content_type", "target_locale")
        .first()
    )


def status_of(instance):
    """The TranslationRow for one translated page or snippet, or None when it is no such translation."""
    translation = translation_of(instance)
    if translation is None:
        return None
    published_at = source_publication_dates([translation.source]).get(translation.source_id)
    return TranslationRow(
        translation=translation,
        instance=instance,
        source_published_at=published_at,
        out_of_date=is_out_of_date(translation.source, published_at),
        needs_review=TranslationReviewFlag.objects.for_instance(instance).exists(),
    )


def may_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return TranslationsOnlyPolicy(type(instance)).user_has_permission_for_instance(user, "change", instance)


def may_see_translation_status(user):
    """Staff who write content in some language: not the diversity team, whose work is elsewhere."""
    return user.has_perm("home.change_myth")


def may_clear_review_flag(user):
    return user.has_perm("home.delete_translationreviewflag")


def submit_for_moderation(translation, user):
    """Save the translation's current strings as a new draft revision of its target and start the
    moderation workflow on it. The live page or snippet is untouched until a moderator approves.

    Returns the workflow state, or None when no workflow covers the target."""
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    workflow = draft.get_workflow()
    if workflow is None:
        return None
    draft.save_revision(user=user)
    return workflow.start(draft, user)


class TranslationsOnlyPolicy(ModelPermissionPolicy):
    """A snippet model's own permissions, except that a Translator may act only on its translations:
    never on the English source, whatever their model permissions say."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in ("view", "choose"):
            return True
        return not (instance.locale_id == Locale.get_default().pk and roles.edits_translations_only(user))
