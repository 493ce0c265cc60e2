"""Demo translations of the key public pages and the content library (issue 18), written by us, not by
a native speaker or a machine, and flagged in the admin as needing a native speaker's review before
publishing (home.TranslationReviewFlag).

Each is made through wagtail-localize as an editor would make it ("Translate this page"): a translation
source, the translated strings, then the translated page or snippet, so translators can carry on in its
translation editor and "Sync translated pages" brings in later English changes. A string missing from a
language's file stays in English. Every other page (the events, the other campaigns) exists in each
language as an alias of the English one, kept in step by wagtail-localize's locale synchronisation, so
/ur/events/ lists every event.

Idempotent: a translation that exists already is left alone, so an editor's work is never overwritten.
"""

from django.apps import apps
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation, TranslationSource

from home.models import Myth, OfficerStory, TranslationReviewFlag

from . import bn, ku, pl, so, ta, tr, ur
from .source import ENGLISH

REVIEW_NOTE = "Demo translation written by the site team: needs review by a native speaker before publishing."
LANGUAGE_STRINGS = {
    "bn": bn.STRINGS,
    "ur": ur.STRINGS,
    "so": so.STRINGS,
    "tr": tr.STRINGS,
    "ku": ku.STRINGS,
    "ta": ta.STRINGS,
    "pl": pl.STRINGS,
}
ID_OF_ENGLISH = {text: ident for ident, text in ENGLISH.items()}

# (model label, slug) of the pages translated, parents before children.
TRANSLATED_PAGES = [
    ("home.HomePage", None),
    ("home.StandardPage", "privacy-notice"),
    ("home.StandardPage", "accessibility-statement"),
    ("home.EventIndexPage", "events"),
    ("home.MythsFactsPage", "myths-and-facts"),
    ("home.CampaignIndexPage", "campaigns"),
    ("home.CampaignPage", "community-ambassador-programme"),
    ("home.CampaignPage", "prepare-to-apply"),
    ("positive_action.SupportRegistrationPage", "register-for-support"),
    ("ambassadors_network.AmbassadorProgrammePage", "community-ambassadors"),
]


def english_pages(english):
    for label, slug in TRANSLATED_PAGES:
        pages = apps.get_model(label).objects.filter(locale=english)
        page = pages.filter(depth=2).first() if slug is None else pages.filter(slug=slug).first()
        if page is not None:
            yield page


def add_strings(source, locale, strings):
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(ID_OF_ENGLISH.get(segment.string.data))
        if text:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
            )


def already_translated(instance, locale):
    """A real translation (not an alias that wagtail-localize's tree sync made) exists in the locale."""
    existing = type(instance).objects.filter(translation_key=instance.translation_key, locale=locale).first()
    return existing is not None and getattr(existing, "alias_of_id", None) is None


def translate(instance, locale, strings):
    """Translate one published page or snippet into a locale and publish it, flagged for review."""
    if already_translated(instance, locale):
        return None
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    add_strings(source, locale, strings)
    # Saved as a draft and published here rather than with publish=True, which publishes on commit: the
    # tests load the demo inside a transaction that never commits.
    translated, _created = source.create_or_update_translation(
        locale, publish=False, copy_parent_pages=True, fallback=True
    )
    translated.get_latest_revision().publish()
    TranslationReviewFlag.objects.flag(translated, note=REVIEW_NOTE)
    return translated


def load_translations(languages=None):
    english = Locale.get_default()
    snippets = [
        *Myth.objects.live().filter(locale=english),
        *OfficerStory.objects.live().filter(locale=english),
    ]
    pages = list(english_pages(english))
    for code, strings in LANGUAGE_STRINGS.items():
        if languages is not None and code not in languages:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        # Snippets first: the pages' chosen myths then point at the myths' translations.
        for instance in [*snippets, *pages]:
            translate(instance, locale, strings)
        # Every English page without a translation gets an alias here, now and whenever one is created.
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})
