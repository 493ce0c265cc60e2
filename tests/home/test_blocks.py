import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.models import Page

from home.blocks import (
    CONTENT_BLOCKS,
    CallToActionBlock,
    FAQBlock,
    ImageBlock,
    MythsBlock,
    OfficerStoryBlock,
    VideoBlock,
    parse_video_url,
)
from home.choices import MythTopic
from tests.home.content_factories import ImageFactory, MythFactory, OfficerStoryFactory

pytestmark = pytest.mark.django_db

TRANSCRIPT = "<p>I start my shift with a briefing.</p>"


def html(rendered):
    return BeautifulSoup(str(rendered), "html.parser")


def error_fields(block, value):
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(block.normalize(value))
    return set(caught.value.block_errors)


def video(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", transcript=TRANSCRIPT):
    return {"title": "A day on response", "url": url, "poster": None, "transcript": transcript}


# Every block in the library


@pytest.mark.parametrize("name, block", CONTENT_BLOCKS, ids=[name for name, _ in CONTENT_BLOCKS])
def test_every_library_block_declares_icon_template_preview_and_description(name, block):
    assert block.meta.icon not in (None, "placeholder"), name
    assert block.meta.template.startswith("components/streamfield/blocks/"), name
    assert hasattr(block.meta, "preview_value"), name
    assert block.get_description(), name


@pytest.mark.parametrize("name, block", CONTENT_BLOCKS, ids=[name for name, _ in CONTENT_BLOCKS])
def test_every_library_block_renders_its_preview_value(name, block):
    ImageFactory()
    OfficerStoryFactory(quote="Policing here feels like home.")
    MythFactory(topic=MythTopic.POSITIVE_ACTION, myth="Positive action lowers the bar.")

    rendered = html(block.render(block.get_preview_value()))

    assert rendered.get_text(strip=True), f"{name} rendered nothing"
    assert not rendered.find(style=True) and not rendered.find("style"), name


def test_library_blocks_are_offered_on_home_and_campaign_pages():
    from home.models import CampaignPage, HomePage

    names = [name for name, _ in CONTENT_BLOCKS]
    for model in (HomePage, CampaignPage):
        assert list(model._meta.get_field("body").stream_block.child_blocks) == names


# Call to action: exactly one of page or address


def test_call_to_action_needs_a_page_or_an_address():
    block = CallToActionBlock()
    value = {"heading": "Apply", "description": "", "link": {"label": "Go", "page": None, "url": ""}}

    assert error_fields(block, value) == {"link"}


def test_call_to_action_refuses_both_a_page_and_an_address(demo_site):
    block = CallToActionBlock()
    page = Page.objects.get(slug="campaigns")
    value = {"heading": "Apply", "link": {"label": "Go", "page": page, "url": "https://example.org/"}}

    assert error_fields(block, value) == {"link"}


def test_call_to_action_to_a_page_renders_a_button_with_the_page_title(demo_site):
    block = CallToActionBlock()
    page = Page.objects.get(slug="campaigns")
    value = block.clean(
        block.normalize({"heading": "See more", "link": {"label": "", "page": page, "url": ""}})
    )

    button = html(block.render(value)).select_one("a.button")

    assert (button["href"], button.get_text()) == ("/campaigns/", "Campaigns")


def test_call_to_action_to_an_address_needs_a_label():
    block = CallToActionBlock()
    value = {"heading": "Apply", "link": {"label": "", "page": None, "url": "https://example.org/"}}

    assert error_fields(block, value) == {"link"}


def test_call_to_action_whose_page_was_deleted_renders_nothing():
    block = CallToActionBlock()
    value = block.normalize({"heading": "Gone", "link": {"label": "Gone", "page": None, "url": ""}})

    assert str(block.render(value)).strip() == ""


# Image


def test_image_block_requires_alternative_text():
    assert error_fields(ImageBlock(), {"image": ImageFactory(), "alt_text": "", "caption": ""}) == {
        "alt_text"
    }


def test_image_block_requires_an_image():
    assert error_fields(ImageBlock(), {"image": None, "alt_text": "A street", "caption": ""}) == {"image"}


def test_image_renders_webp_srcset_with_size_alt_caption_and_lazy_loading():
    block = ImageBlock()
    value = block.normalize(
        {"image": ImageFactory(), "alt_text": "Officers at a fair", "caption": "Eid 2024"}
    )

    figure = html(block.render(value))
    img = figure.find("img")

    assert img["alt"] == "Officers at a fair"
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    sources = [candidate.split()[0] for candidate in img["srcset"].split(",")]
    assert len(sources) == 3 and all(source.endswith(".webp") for source in sources)
    assert figure.find("figcaption").get_text() == "Eid 2024"


def test_image_loads_eagerly_when_the_page_asks_for_it():
    block = ImageBlock()
    value = block.normalize({"image": ImageFactory(), "alt_text": "A street", "caption": ""})

    img = html(block.render(value, context={"image_loading": "eager"})).find("img")

    assert img["loading"] == "eager"
    assert html(block.render(value)).find("figcaption") is None


# Video


def test_video_requires_a_transcript():
    assert error_fields(VideoBlock(), video(transcript="")) == {"transcript"}


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXc%22%3E",
        "https://youtu.be/",
        "https://vimeo.com/channels/staffpicks",
        "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
    ],
)
def test_video_refuses_addresses_that_are_not_youtube_or_vimeo_videos(url):
    assert parse_video_url(url) is None
    assert error_fields(VideoBlock(), video(url=url)) == {"url"}


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", ("youtube", "dQw4w9WgXcQ")),
        ("https://youtu.be/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871", ("vimeo", "76979871")),
    ],
)
def test_video_understands_the_usual_youtube_and_vimeo_addresses(url, expected):
    assert parse_video_url(url) == expected


def test_video_loads_nothing_from_the_video_site_until_play_is_pressed():
    block = VideoBlock()
    value = block.clean(block.normalize(video("https://youtu.be/dQw4w9WgXcQ")))

    rendered = html(block.render(value))

    assert rendered.find("iframe") is None
    assert not [tag for tag in rendered.find_all(src=True) if "youtube" in tag["src"]]
    play = rendered.select_one("[data-video-play]")
    assert play["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    figure = rendered.select_one("[data-video-embed]")
    assert figure["data-embed-url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"
    assert rendered.select_one("details summary").get_text(" ", strip=True).startswith("Transcript")
    assert "briefing" in rendered.select_one("details").get_text()


def test_vimeo_player_is_asked_not_to_track():
    block = VideoBlock()
    value = block.normalize(video("https://vimeo.com/76979871"))

    figure = html(block.render(value)).select_one("[data-video-embed]")

    assert figure["data-embed-url"] == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"


def test_video_hosts_are_the_only_frames_the_content_security_policy_allows(settings):
    frames = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]

    assert sorted(frames) == ["https://player.vimeo.com", "https://www.youtube-nocookie.com"]


# Myths and facts


def test_myths_block_needs_myths_or_a_topic():
    assert error_fields(MythsBlock(), {"heading": "", "myths": [], "topic": ""}) == {"topic"}


def test_myths_block_refuses_both_myths_and_a_topic():
    value = {"heading": "", "myths": [MythFactory()], "topic": MythTopic.ELIGIBILITY}

    assert error_fields(MythsBlock(), value) == {"topic"}


def test_myths_block_shows_chosen_myths_in_the_editors_order():
    first, second = MythFactory(myth="Second in the library"), MythFactory(myth="First on the page")
    block = MythsBlock()
    value = block.clean(block.normalize({"heading": "Myths", "myths": [second, first], "topic": ""}))

    summaries = [s.get_text(" ", strip=True) for s in html(block.render(value)).select(".myth__statement")]

    assert summaries == ["Myth: First on the page", "Myth: Second in the library"]


def test_myths_block_by_topic_shows_only_that_topics_myths_as_disclosures():
    MythFactory(
        topic=MythTopic.ELIGIBILITY,
        myth="You must be tall.",
        question="Do I have to be tall?",
        fact="<p>There is no height rule.</p>",
    )
    MythFactory(topic=MythTopic.LIFE_IN_THE_JOB, myth="It is all arrests.")
    block = MythsBlock()
    value = block.normalize({"heading": "", "myths": [], "topic": MythTopic.ELIGIBILITY})

    rendered = html(block.render(value))

    assert [d.summary.get_text(" ", strip=True) for d in rendered.find_all("details")] == [
        "Do I have to be tall? Myth: You must be tall."
    ]
    assert "There is no height rule." in rendered.find("details").get_text()


def test_myths_block_with_a_deleted_myth_renders_the_rest():
    kept, deleted = MythFactory(myth="Still here"), MythFactory(myth="Deleted")
    block = MythsBlock()
    raw = block.get_prep_value(block.normalize({"heading": "", "myths": [kept, deleted], "topic": ""}))
    deleted.delete()

    rendered = html(block.render(block.to_python(raw)))

    assert [s.get_text(" ", strip=True) for s in rendered.select(".myth__statement")] == ["Myth: Still here"]


# Officer story and FAQ


def test_officer_story_shows_quote_and_name_or_role_with_a_decorative_photo():
    story = OfficerStoryFactory(
        name="Sergeant, Ealing", quote="I passed on my second try.", image=ImageFactory()
    )
    block = OfficerStoryBlock()

    figure = html(block.render(block.normalize({"story": story})))

    assert figure.find("blockquote").get_text(strip=True) == "I passed on my second try."
    assert figure.find("figcaption").get_text(strip=True) == "Sergeant, Ealing"
    assert figure.find("img")["alt"] == ""


def test_faq_answers_are_native_disclosures_and_escape_questions():
    block = FAQBlock()
    value = block.normalize(
        {
            "heading": "Questions",
            "questions": [{"question": "<script>alert(1)</script>?", "answer": "<p>An answer.</p>"}],
        }
    )

    rendered = html(block.render(value))

    assert rendered.find("script") is None
    assert rendered.select_one("details > summary").get_text() == "<script>alert(1)</script>?"
    assert rendered.select_one("details .disclosure__body").get_text(strip=True) == "An answer."


def test_faq_needs_at_least_one_question():
    assert error_fields(FAQBlock(), {"heading": "Questions", "questions": []}) == {"questions"}


def test_call_to_action_and_myths_validation_messages_are_for_editors():
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        MythsBlock().clean(MythsBlock().normalize({"heading": "", "myths": [], "topic": ""}))

    assert isinstance(caught.value.block_errors["topic"], ValidationError)
    assert "Choose some myths or a topic." in caught.value.block_errors["topic"].messages


def test_call_to_action_to_an_unpublished_page_renders_nothing(demo_site):
    block = CallToActionBlock()
    page = Page.objects.get(slug="campaigns")
    value = block.normalize({"heading": "See more", "link": {"label": "", "page": page, "url": ""}})
    page.unpublish()
    value["link"]["page"].refresh_from_db()

    assert str(block.render(value)).strip() == ""
