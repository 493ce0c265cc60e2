"""Translations of pages as editors make them: through wagtail-localize, published with the source's
text until a translator changes it."""

from wagtail.models import Locale
from wagtail_localize.operations import translate_object


def translate(page, *codes):
    """Publish ``page``'s translation into each language code; the parent must be translated already.
    Returns {code: translated page}."""
    locales = list(Locale.objects.filter(language_code__in=codes))
    translate_object(page.specific, locales)
    translations = {}
    for locale in locales:
        translated = page.specific.get_translation(locale)
        if not translated.live:
            # wagtail-localize publishes once the transaction commits, which a test's never does.
            translated.get_latest_revision().publish()
            translated.refresh_from_db()
        translations[locale.language_code] = translated
    return translations


def retitle(page, title):
    """A translator's edit: the page published again with a new title."""
    page.title = title
    page.save_revision().publish()
    return page
