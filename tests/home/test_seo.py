"""What search engines and link previews read: a meta description on every page (required of editors on
publish, with a fallback for older pages), og:image on every page, and FAQ questions that are questions."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

from home import roles
from home.blocks import FAQBlock
from home.choices import MythTopic
from home.models import CampaignPage, Myth, SiteSettings, StandardPage
from tests.factories import UserFactory
from tests.helpers import draftail, soup
from tests.home.content_factories import ImageFactory, MythFactory

pytestmark = pytest.mark.django_db

MYTHS_URL = "/admin/snippets/home/myth/"


def meta(response, name):
    element = soup(response).select_one(f'meta[name="{name}"], meta[property="{name}"]')
    return element["content"] if element else None


# Meta descriptions


def test_every_public_demo_page_the_search_page_and_the_404_page_have_a_meta_description(client, demo_site):
    urls = [page.url for page in Page.objects.live().public().specific() if page.depth > 1]
    urls += ["/search/?query=tattoo", "/no-such-page/"]
    missing = []

    for url in urls:
        description = meta(client.get(url), "description")
        if not description or len(description) < 40:
            missing.append((url, description))

    assert len(urls) > 20
    assert missing == []


def test_a_page_without_a_search_description_falls_back_to_its_introduction(client, demo_site):
    page = StandardPage(
        title="Fitness test",
        slug="fitness-test",
        introduction="What the bleep test involves &amp; how to practise for it.",
        body="<p>Run.</p>",
    )
    demo_site.add_child(instance=page)
    page.save_revision().publish()

    response = client.get(page.url)

    assert meta(response, "description") == "What the bleep test involves & how to practise for it."
    assert meta(response, "og:description") == "What the bleep test involves & how to practise for it."


def test_a_rich_text_introduction_is_reduced_to_words_and_cut_at_a_word(demo_site):
    demo_site.search_description = ""
    demo_site.introduction = "<p><b>Police</b> the city " + "you come from " * 20 + "</p>"

    description = demo_site.meta_description

    assert description.startswith("Police the city you come from")
    assert len(description) <= 161 and description.endswith("…")
    assert description[:-1].split()[-1] in {"you", "come", "from"}  # whole words only


def test_a_campaign_falls_back_to_its_summary(demo_site):
    campaign = CampaignPage.objects.get(slug="prepare-to-apply")
    campaign.search_description = ""

    assert campaign.meta_description == campaign.summary


def page_form(search_description, action):
    return {
        "title": "Fitness test",
        "slug": "fitness-test",
        "introduction": "What the bleep test involves.",
        "body": draftail("Run between two lines."),
        "search_description": search_description,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        action: "1",
    }


def add_page_url(home):
    return f"/admin/pages/add/home/standardpage/{home.pk}/"


@pytest.mark.parametrize(
    ("role", "action"), [(roles.MODERATORS, "action-publish"), (roles.EDITORS, "action-submit")]
)
def test_publishing_or_submitting_a_page_without_a_search_description_is_refused_with_a_clear_message(
    client, demo_site, role, action
):
    client.force_login(UserFactory(role=role))

    response = client.post(add_page_url(demo_site), page_form("  ", action))

    assert response.status_code == 200
    assert "Write a meta description before publishing" in response.content.decode()
    assert not StandardPage.objects.filter(slug="fitness-test").exists()


def test_a_draft_can_be_saved_without_a_search_description(client, demo_site):
    client.force_login(UserFactory(role=roles.EDITORS))

    response = client.post(add_page_url(demo_site), page_form("", "action-save"))

    assert response.status_code == 302
    assert not StandardPage.objects.get(slug="fitness-test").live


def test_a_page_with_a_search_description_is_published(client, demo_site):
    client.force_login(UserFactory(role=roles.MODERATORS))

    response = client.post(
        add_page_url(demo_site), page_form("How to pass the bleep test.", "action-publish")
    )

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="fitness-test")
    assert page.live
    assert meta(client.get(page.url), "description") == "How to pass the bleep test."


# Sharing images


def test_a_page_without_a_sharing_image_shows_the_shipped_shield(client, demo_site):
    response = client.get(StandardPage.objects.get(slug="privacy-notice").url)

    assert meta(response, "og:image") == "http://testserver/static/images/social-default.png"
    assert meta(response, "og:image:width") == "1200"
    assert meta(response, "og:image:alt") == "The Capital Police Service shield, white on navy blue"
    assert meta(response, "twitter:card") == "summary_large_image"
    assert client.get("/static/images/social-default.png").status_code == 200


def test_the_sites_default_sharing_image_replaces_the_shield(client, demo_site):
    site_settings = SiteSettings.objects.get()
    site_settings.default_social_image = ImageFactory(description="Recruits at their passing-out parade")
    site_settings.save()

    response = client.get(StandardPage.objects.get(slug="privacy-notice").url)

    assert meta(response, "og:image").startswith("http://testserver/")
    assert "fill-1200x630" in meta(response, "og:image")
    assert meta(response, "og:image:alt") == "Recruits at their passing-out parade"


def test_a_pages_own_sharing_image_comes_first(client, demo_site):
    SiteSettings.objects.update(default_social_image=ImageFactory(description="Site default"))
    page = StandardPage.objects.get(slug="privacy-notice")
    page.social_image = ImageFactory(description="A data protection officer at her desk")
    page.save_revision().publish()

    response = client.get(page.url)

    assert meta(response, "og:image:alt") == "A data protection officer at her desk"
    assert "fill-1200x630" in meta(response, "og:image")


# FAQ questions


def myth_form(question, action=None):
    form = {
        "myth": "Police officers cannot have beards.",
        "question": question,
        "fact": draftail("They can."),
        "source_url": "",
        "topic": MythTopic.LIFE_IN_THE_JOB,
        "sort_order": "3",
    }
    if action:
        form[action] = "1"
    return form


def test_publishing_a_myth_without_its_question_is_refused_with_a_clear_message(client):
    client.force_login(UserFactory(role=roles.MODERATORS))

    response = client.post(MYTHS_URL + "add/", myth_form("", "action-publish"))

    assert response.status_code == 200
    assert "Write the myth as a question" in response.content.decode()
    assert not Myth.objects.exists()


def test_a_myth_question_written_as_a_statement_is_refused(client):
    client.force_login(UserFactory(role=roles.MODERATORS))

    response = client.post(MYTHS_URL + "add/", myth_form("Officers can have beards.", "action-publish"))

    assert response.status_code == 200
    assert "ending with a question mark" in response.content.decode()
    assert not Myth.objects.exists()


def test_a_myth_with_its_question_is_published(client):
    client.force_login(UserFactory(role=roles.MODERATORS))

    response = client.post(
        MYTHS_URL + "add/", myth_form("Can police officers have beards?", "action-publish")
    )

    assert response.status_code == 302
    assert Myth.objects.get().live


def test_an_older_myth_without_a_question_is_asked_about_in_the_faq_data():
    myth = MythFactory.build(myth="English has to be your first language.", question="")

    assert myth.faq_question() == "Is it true that “English has to be your first language”?"


def test_an_faq_block_question_written_as_a_statement_is_refused():
    block = FAQBlock()
    value = block.to_python(
        {"heading": "", "questions": [{"question": "Degrees are optional.", "answer": "<p>Yes.</p>"}]}
    )

    with pytest.raises(StructBlockValidationError):
        block.clean(value)


@pytest.mark.parametrize("question", ["Do I need a degree?", "کیا مجھے ڈگری کی ضرورت ہے؟"])
def test_an_faq_block_question_is_accepted_in_latin_and_arabic_script(question):
    block = FAQBlock()
    value = block.to_python({"heading": "", "questions": [{"question": question, "answer": "<p>No.</p>"}]})

    assert block.clean(value)["questions"][0]["question"] == question
