"""Translated content (issue 18): the Translators role, translations that follow their English source,
moderation and caching of translated pages, translated myths, and the demo's translations."""

import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from ambassadors_network.models import AmbassadorProgrammePage
from ambassadors_network.signup import AmbassadorSignupFlow
from home import roles
from home.models import HomePage, Myth, MythsFactsPage, StandardPage, TranslationReviewFlag
from home.translation import status_of, submit_for_moderation
from positive_action.models import SupportRegistrationPage
from positive_action.registration import SupportRegistrationFlow
from recruitment_site.devtools.demo.translations import LANGUAGE_STRINGS, load_translations
from recruitment_site.devtools.demo.translations.source import ENGLISH
from tests.factories import UserFactory
from tests.helpers import soup

pytestmark = pytest.mark.django_db

SLUG = r"[a-z0-9-]+"  # page slugs keep their English form in every language


def in_locale(model, code, **filters):
    return model.objects.get(locale__language_code=code, **filters)


def signed_in(client, role):
    user = UserFactory(role=role)
    client.force_login(user)
    return user


def refused(response):
    """Wagtail answers a page it refuses with a redirect to the dashboard; our own views with a 403."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def translate_string(translation, english, text):
    segment = translation.source.stringsegment_set.select_related("string", "context").get(
        string__data=english
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": text},
    )


def translation_for(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def test_translator_edits_the_urdu_page_but_not_the_english_one_and_cannot_publish(
    client, translated_demo_site
):
    signed_in(client, roles.TRANSLATORS)
    english = StandardPage.objects.get(slug="privacy-notice", locale=Locale.get_default())
    urdu = in_locale(StandardPage, "ur", slug="privacy-notice")

    assert client.get(f"/admin/pages/{urdu.pk}/edit/").status_code == 200
    assert refused(client.get(f"/admin/pages/{english.pk}/edit/"))
    assert refused(client.post(f"/admin/pages/{english.pk}/edit/", {"title": "Changed"}))

    # The page editor of a synced translation is wagtail-localize's translation editor.
    assert refused(client.post(f"/admin/pages/{urdu.pk}/edit/", {"action": "publish"}))
    assert not urdu.permissions_for_user(UserFactory(role=roles.TRANSLATORS)).can_publish()
    assert StandardPage.objects.get(pk=english.pk).title == "Privacy notice"


def test_translator_edits_urdu_myths_only(client, translated_demo_site):
    signed_in(client, roles.TRANSLATORS)
    english = Myth.objects.filter(locale=Locale.get_default()).first()
    urdu = english.get_translation(Locale.objects.get(language_code="ur"))

    assert client.get(reverse("wagtailsnippets_home_myth:edit", args=[urdu.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_home_myth:edit", args=[english.pk])).status_code == 403
    assert client.get(reverse("wagtailsnippets_home_myth:add")).status_code in (302, 403)


def test_a_translation_goes_out_of_date_when_the_english_source_changes_and_sync_clears_it(
    client, translated_demo_site
):
    english = StandardPage.objects.get(slug="accessibility-statement", locale=Locale.get_default())
    urdu = in_locale(StandardPage, "ur", slug="accessibility-statement")
    assert not status_of(urdu).out_of_date

    english.introduction = "How accessible this website is, and how to tell us about a problem."
    english.save_revision().publish()

    assert status_of(urdu).out_of_date
    signed_in(client, roles.MODERATORS)
    report = client.get(reverse("translation_status") + "?out_of_date=1")
    assert "Out of date" in report.content.decode()
    assert urdu.title in report.content.decode()
    editor = client.get(f"/admin/pages/{urdu.pk}/edit/").content.decode()
    assert "The English source was changed and published" in editor

    source = translation_for(urdu).source
    synced = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )
    assert synced.status_code == 302
    assert not status_of(urdu).out_of_date


def test_translator_submits_an_urdu_translation_and_a_moderator_approves_it(client, translated_demo_site):
    translator = signed_in(client, roles.TRANSLATORS)
    urdu = in_locale(StandardPage, "ur", slug="privacy-notice")
    live_title = urdu.title
    translation = translation_for(urdu)
    translate_string(translation, "Privacy notice", "رازداری کا نوٹس (نیا)")

    response = client.post(reverse("translation_submit", args=[translation.pk]))
    assert response.status_code == 302

    urdu.refresh_from_db()
    assert urdu.workflow_in_progress
    assert StandardPage.objects.get(pk=urdu.pk).title == live_title  # not live until approved
    state = urdu.current_workflow_state
    assert state.requested_by == translator
    task = state.current_task_state.task.specific
    assert task.get_actions(urdu, translator) == []

    moderator = UserFactory(role=roles.MODERATORS)
    task.on_action(state.current_task_state, moderator, "approve")

    assert StandardPage.objects.get(pk=urdu.pk).title == "رازداری کا نوٹس (نیا)"


def test_the_moderation_workflow_covers_every_language_tree(translated_demo_site):
    for code in ("ur", "bn"):
        home = in_locale(HomePage, code)
        assert home.get_workflow() is not None, code
        assert home.get_workflow() == translated_demo_site.get_workflow()


def test_each_language_myths_page_lists_its_own_myths(client, translated_demo_site):
    english_myth = Myth.objects.filter(locale=Locale.get_default(), topic="positive-action").first()
    urdu_myth = english_myth.get_translation(Locale.objects.get(language_code="ur"))
    assert urdu_myth.myth != english_myth.myth

    urdu_page = client.get(in_locale(MythsFactsPage, "ur").url).content.decode()
    english_page = client.get(MythsFactsPage.objects.get(locale=Locale.get_default()).url).content.decode()

    assert urdu_myth.myth in urdu_page and english_myth.myth not in urdu_page
    assert english_myth.myth in english_page and urdu_myth.myth not in english_page


def test_urdu_events_listing_lists_the_events_and_each_event_page_opens(client, translated_demo_site):
    listing = client.get("/ur/events/")
    assert listing.status_code == 200
    urdu_event = Page.objects.filter(
        locale__language_code="ur", depth=4, url_path__contains="/events/"
    ).first()
    assert urdu_event.title in listing.content.decode()
    assert client.get(urdu_event.url).status_code == 200


def test_publishing_an_urdu_page_is_seen_at_once_by_visitors(client, translated_demo_site):
    urdu = in_locale(StandardPage, "ur", slug="accessibility-statement")
    client.get(urdu.url)
    assert client.get(urdu.url).headers.get("X-Page-Cache") == "hit"

    urdu.title = "رسائی کا بیان (تازہ)"
    urdu.save_revision().publish()

    response = client.get(urdu.url)
    assert response.headers.get("X-Page-Cache") == "miss"
    assert "رسائی کا بیان (تازہ)" in response.content.decode()


def test_demo_translations_are_flagged_and_only_a_moderator_clears_the_flag(client, translated_demo_site):
    urdu = in_locale(HomePage, "ur")
    assert TranslationReviewFlag.objects.for_instance(urdu).exists()
    translation = translation_for(urdu)
    url = reverse("translation_review_clear", args=[translation.pk])

    signed_in(client, roles.TRANSLATORS)
    page = client.get(f"/admin/pages/{urdu.pk}/edit/").content.decode()
    assert "Needs review by a native speaker before publishing." in page
    assert client.post(url).status_code == 403
    assert TranslationReviewFlag.objects.for_instance(urdu).exists()

    signed_in(client, roles.MODERATORS)
    assert client.post(url).status_code == 302
    assert not TranslationReviewFlag.objects.for_instance(urdu).exists()


def test_loading_the_demo_translations_again_changes_nothing(translated_demo_site):
    counts = (Page.objects.count(), Myth.objects.count(), Translation.objects.count())
    urdu_home = in_locale(HomePage, "ur")
    assert urdu_home.title != translated_demo_site.title
    assert urdu_home.live

    load_translations(["ur", "bn"])

    assert (Page.objects.count(), Myth.objects.count(), Translation.objects.count()) == counts


def test_submitting_without_a_workflow_changes_nothing(translated_demo_site):
    urdu = in_locale(StandardPage, "ur", slug="privacy-notice")
    urdu.get_workflow().deactivate()

    assert submit_for_moderation(translation_for(urdu), UserFactory(role=roles.TRANSLATORS)) is None
    assert not StandardPage.objects.get(pk=urdu.pk).workflow_in_progress


def test_translator_sees_no_queue_or_personal_data(client):
    signed_in(client, roles.TRANSLATORS)

    for url in ("/admin/support-queue/", "/admin/ambassadors/", "/admin/users/"):
        assert client.get(url).status_code in (302, 403, 404), url


def test_every_language_translates_every_demo_string():
    for code, strings in LANGUAGE_STRINGS.items():
        assert set(strings) <= set(ENGLISH), code
        assert all(text.strip() for text in strings.values()), code
        assert set(ENGLISH) <= set(strings), (code, sorted(set(ENGLISH) - set(strings)))


def test_every_sentence_of_the_translated_demo_pages_has_its_translation(translated_demo_site):
    """The language files match the English demo text as it is now: a sentence changed in English without
    a new id would show in English on every translated page."""
    words = TranslationSource.objects.values_list("stringsegment__string__data", flat=True)
    sentences = {
        text for text in words if text and re.search(r"[A-Za-z]", text) and not re.fullmatch(SLUG, text)
    }
    assert len(sentences) > 100  # the demo's translated pages and snippets
    for code in ("ur", "bn"):
        translated = set(
            StringTranslation.objects.filter(locale__language_code=code).values_list(
                "translation_of__data", flat=True
            )
        )
        assert sentences <= translated, (code, sorted(sentences - translated)[:5])


@pytest.mark.parametrize(
    ("page_model", "flow"),
    [(SupportRegistrationPage, SupportRegistrationFlow), (AmbassadorProgrammePage, AmbassadorSignupFlow)],
)
@pytest.mark.parametrize("code", ["ur", "bn"])
def test_a_confirmation_page_leads_back_to_the_home_page_in_the_readers_language(
    client, translated_demo_site, page_model, flow, code
):
    done = signing.dumps({"reference": f"{flow.reference_prefix}-7KQ4M2", "held": False}, salt=flow.done_salt)
    with translation.override(code):
        go_home = translation.gettext("Go to the home page")

    document = soup(client.get(f"{in_locale(page_model, code).url}?done={done}"))

    (link,) = [link for link in document.select("main a") if link.get_text(strip=True) == go_home]
    assert link["href"] == f"/{code}/"
