"""Demo content for the content library: campaigns, myths and facts, officer stories, and a richer home
page. Facts come from the public seed documents, in our own words; people are placeholders (a role, never
a name). Like home/demo_content.py, everything is created only when missing, so loading twice changes
nothing and an editor's work is never overwritten.
"""

import random
from datetime import timedelta
from io import BytesIO
from typing import NamedTuple

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.choices import EventType, MythTopic
from home.models import (
    Borough,
    CampaignIndexPage,
    CampaignPage,
    Community,
    Myth,
    MythsFactsPage,
    OfficerStory,
)

LEGISLATION_158 = "https://www.legislation.gov.uk/ukpga/2010/15/section/158"
COLLEGE_OF_POLICING_ENTRY = "https://www.college.police.uk/career-learning/joining-police/police-constable"

MYTHS = [
    (
        MythTopic.POSITIVE_ACTION,
        "Positive action means lowering the standard.",
        "Does positive action mean lowering the standard?",
        "<p>No. Every candidate fills in their own application, sits the same assessment centre and passes the "
        "same interview at the same standard. Positive action is advice and preparation before and during "
        "selection, so that people with no connection to policing know what to expect.</p>",
        "",
    ),
    (
        MythTopic.POSITIVE_ACTION,
        "Positive action is just positive discrimination under another name.",
        "Is positive action the same as positive discrimination?",
        "<p>They are different things. Choosing someone because of their background rather than because "
        "they are the best candidate is positive discrimination, and it is unlawful in the UK. Positive "
        "action, such as targeted outreach, workshops and mock interviews, is lawful under the Equality Act "
        "2010.</p>",
        LEGISLATION_158,
    ),
    (
        MythTopic.POSITIVE_ACTION,
        "If I get support, I will be given the questions in advance.",
        "Will I be given the questions in advance if I get support?",
        "<p>Nobody is given the questions or the answers. Support means practising a sample application "
        "question, a mock interview and a walk-through of what happens at the assessment centre.</p>",
        "",
    ),
    (
        MythTopic.POSITIVE_ACTION,
        "Positive action support is only for Black, Asian and minority ethnic candidates.",
        "Is positive action support only for Black, Asian and minority ethnic candidates?",
        "<p>It is open to every group that is under-represented in the force, including women, who are half "
        "of the people we serve but about a quarter of our officers.</p>",
        "",
    ),
    (
        MythTopic.ELIGIBILITY,
        "You need a degree to become a police officer.",
        "Do I need a degree to become a police officer?",
        "<p>No. You can join through an apprenticeship and earn a degree while you are paid, join on a "
        "programme for people who already have a degree, or join through an entry programme that needs no "
        "degree at all.</p>",
        COLLEGE_OF_POLICING_ENTRY,
    ),
    (
        MythTopic.ELIGIBILITY,
        "English has to be your first language.",
        "Does English have to be my first language?",
        "<p>You need good spoken and written English to pass selection, but it does not have to be your first "
        "language. Speaking a community language is a real asset, and our college partners run access "
        "courses for people who have English as an additional language.</p>",
        "",
    ),
    (
        MythTopic.ELIGIBILITY,
        "Having a tattoo rules you out.",
        "Can I join the police if I have a tattoo?",
        "<p>Most tattoos are fine. A tattoo is only a problem if it could cause offence, for example because "
        "it is discriminatory, violent or intimidating.</p>",
        "",
    ),
    (
        MythTopic.ELIGIBILITY,
        "Anyone with a criminal record is barred from joining.",
        "Can I join the police if I have a criminal record?",
        "<p>Not always. Some convictions and cautions rule you out, but many do not: each one is looked at "
        "on its own, including what happened, how long ago and how old you were. You must declare every "
        "conviction and caution when you apply, including spent ones, and being open about them counts in "
        "your favour.</p>",
        "",
    ),
    (
        MythTopic.SELECTION,
        "If you fail once, you can never apply again.",
        "Can I apply again if I fail?",
        "<p>You can apply again. Many successful officers passed on their second attempt, and our diversity "
        "team offers people who narrowly missed the pass mark a one-to-one look at their feedback and help "
        "to prepare.</p>",
        "",
    ),
    (
        MythTopic.SELECTION,
        "The assessment centre is designed to catch people out.",
        "Is the assessment centre designed to catch people out?",
        "<p>It tests the behaviours the job needs, such as communicating clearly and treating people fairly. "
        "Trained members of the community assess candidates alongside police officers and staff, a change "
        "that has reduced differences in outcomes between groups.</p>",
        "",
    ),
    (
        MythTopic.LIFE_IN_THE_JOB,
        "You cannot practise your faith as a police officer.",
        "Can I practise my faith as a police officer?",
        "<p>You can. Uniform includes religious dress such as the hijab and the turban, and faith-based staff "
        "associations support officers and run events with serving Muslim, Sikh, Hindu and other "
        "colleagues.</p>",
        "",
    ),
    (
        MythTopic.LIFE_IN_THE_JOB,
        "Officers from minority backgrounds do not get promoted.",
        "Do officers from minority backgrounds get promoted?",
        "<p>In 2021 the force had 621 Black, Asian and minority ethnic officers at the rank of sergeant and "
        "above, 8% more than a year earlier. Almost all of the difference in promotion outcomes between "
        "groups has been removed.</p>",
        "",
    ),
    (
        MythTopic.LIFE_IN_THE_JOB,
        "Policing is all about arresting people.",
        "Is policing all about arresting people?",
        "<p>Most of the job is talking to people: helping victims, calming situations down, solving problems "
        "with local communities and building the trust that makes people come forward.</p>",
        "",
    ),
]

OFFICER_STORIES = [
    (
        "Police constable, Tower Hamlets",
        "I grew up a few streets from the station where I now work. Hardly a week goes by without me using my "
        "Sylheti, and parents who would never have walked into a police station stop me to ask how their "
        "children can apply.",
    ),
    (
        "Sergeant, Ealing",
        "I missed the pass mark on my first attempt. The diversity team went through my feedback with me and "
        "set me up with a mock interview, and I passed the next time. These days I help run the practice "
        "sessions.",
    ),
    (
        "Detective constable, Newham",
        "Nobody in my family had worked for the police, and I had no idea what the assessment centre would be "
        "like. The workshop took the mystery out of it. I walked in knowing what to expect, not what the "
        "answers were.",
    ),
]


def demo_image(title, description, seed):
    """A small generated illustration (a skyline at dawn), so the demo needs no network or stock photos."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)
    picture = PillowImage.new("RGB", (960, 640), (11, 37, 69))
    draw = ImageDraw.Draw(picture)
    for band in range(8):
        shade = 60 + band * 22
        draw.rectangle([0, band * 48, 960, band * 48 + 48], fill=(shade, min(shade + 40, 255), 200))
    draw.ellipse([660, 200, 820, 360], fill=(255, 191, 71))
    x = 0
    while x < 960:
        width, height = rng.randint(48, 112), rng.randint(140, 420)
        draw.rectangle([x, 640 - height, x + width, 640], fill=(27, 27, 31))
        x += width + rng.randint(0, 12)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, description=description)
    image.file = ImageFile(buffer, name=f"{slugify(title)}.png")
    image.save()
    return image


def ensure_myths():
    for order, (topic, myth, question, fact, source) in enumerate(MYTHS):
        defaults = {
            "topic": topic,
            "question": question,
            "fact": fact,
            "source_url": source,
            "sort_order": order,
        }
        Myth.objects.get_or_create(myth=myth, locale=Locale.get_default(), defaults=defaults)
        # Demo myths loaded before myths had questions get theirs; one an editor has answered is left alone.
        Myth.objects.filter(myth=myth, question="").update(question=question)


def ensure_officer_stories():
    # No photos: the stories show drawn placeholder portraits until the force has consent for real ones.
    for name, quote in OFFICER_STORIES:
        OfficerStory.objects.get_or_create(name=name, locale=Locale.get_default(), defaults={"quote": quote})


def publish(page):
    page.save_revision().publish()
    return page


def ensure_child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page:
        return page
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def story(name):
    return {"story": OfficerStory.objects.get(name=name, locale=Locale.get_default())}


def call_to_action(heading, description, page, label=""):
    return {"heading": heading, "description": description, "link": {"label": label, "page": page, "url": ""}}


def ambassador_programme_body(onward):
    return [
        (
            "rich_text",
            "<h2>What ambassadors do</h2>"
            "<p>Community ambassadors are local leaders, faith and voluntary-sector figures and advocates who "
            "speak up for a police career in their own networks. They raise aspirations, dispel myths about "
            "what the job is like and who can do it, and build confidence between the police and the "
            "communities we serve.</p>"
            "<p>Ambassadors spot talented people and point them to our diversity team, who then stay in touch "
            "with each candidate from their first question to their first day.</p>",
        ),
        (
            "statistic",
            {
                "period": "In 2014",
                "figure": "11%",
                "label": "of officers came from Black, Asian and minority ethnic backgrounds when the programme "
                "began, in a city where more than 40% of residents do",
                "source_text": "Community Ambassador Programme overview, 2014",
                "source_url": "",
            },
        ),
        ("officer_story", story("Police constable, Tower Hamlets")),
        (
            "faq",
            {
                "heading": "Becoming an ambassador",
                "questions": [
                    {
                        "question": "Who can be an ambassador?",
                        "answer": "<p>Anyone trusted in their community: faith leaders, youth workers, "
                        "business owners, teachers, volunteers. You do not need to know anything about "
                        "policing yet.</p>",
                    },
                    {
                        "question": "What does it involve?",
                        "answer": "<p>Talking about policing as a career in your networks, coming to "
                        "occasional network meetings and passing on people who want to know more. Over "
                        "time the network also becomes a way to raise wider policing issues with us.</p>",
                    },
                ],
            },
        ),
        (
            "myths",
            {"heading": "Myths ambassadors hear most", "myths": [], "topic": MythTopic.POSITIVE_ACTION},
        ),
        (
            "call_to_action",
            call_to_action(
                "Could you be an ambassador?",
                "Find out what ambassadors do and what we ask of them, and sign up in about five minutes.",
                onward.programme,
                "Become a community ambassador",
            ),
        ),
    ]


def outreach_drive_body(skyline, onward):
    return [
        (
            "rich_text",
            "<h2>Meeting people where they are</h2>"
            "<p>Outreach workers based in Redbridge, Ealing, Haringey, Newham and Tower Hamlets work with the "
            "Pakistani, Somali, Kurdish, Turkish, Tamil and Bangladeshi communities there, and with the "
            "Polish community across the city. They know when a community is ready to talk about "
            "recruitment, and they help us plan events with community organisations as hosts.</p>"
            "<h2>Events after festivals</h2>"
            "<p>People who talk to us at cultural events such as Eid in the Square, Vaisakhi and Positively "
            "Poland are invited to a follow-up evening with serving officers and staff from their own "
            "community, supported by the staff associations. There is a community event every month except "
            "August and December.</p>",
        ),
        (
            "image",
            {
                "image": skyline,
                "alt_text": "Illustration of a city skyline at dawn",
                "caption": "Outreach events run in every priority borough",
            },
        ),
        (
            "statistic",
            {
                "period": "By 2009",
                "figure": "33%",
                "label": "more people from the five priority communities working across the wider policing "
                "family after the first year of outreach",
                "source_text": "HR Community Engagement Strategy, 2009",
                "source_url": "",
            },
        ),
        ("officer_story", story("Detective constable, Newham")),
        (
            "upcoming_events",
            {
                "heading": "Community events coming up",
                "event_type": EventType.COMMUNITY_EVENT,
                "borough": None,
                "community": None,
                "limit": 3,
            },
        ),
        (
            "call_to_action",
            call_to_action(
                "Thinking about joining?",
                "Tell us how to reach you and our diversity team will support you through every stage.",
                onward.support,
                "Register for support",
            ),
        ),
    ]


def prepare_to_apply_body(onward):
    return [
        (
            "rich_text",
            "<h2>Support before and during selection</h2>"
            "<p>People who take part in positive-action sessions tell us they went into selection more "
            "confident and sent in a stronger application. Sessions include:</p>"
            "<ul><li>a workshop on the application form, with a practice question</li>"
            "<li>mock interviews with feedback</li>"
            "<li>what to expect at the assessment centre</li>"
            "<li>fitness test practice</li>"
            "<li>access courses at partner colleges, including courses for people with English as an "
            "additional language</li></ul>",
        ),
        (
            "statistic",
            {
                "period": "In 2009",
                "figure": "53%",
                "label": "of the people enrolling on access-to-policing courses at our partner colleges came "
                "from Black, Asian and minority ethnic groups",
                "source_text": "HR Community Engagement Strategy, 2009",
                "source_url": "",
            },
        ),
        ("officer_story", story("Sergeant, Ealing")),
        ("myths", {"heading": "About selection", "myths": [], "topic": MythTopic.SELECTION}),
        (
            "call_to_action",
            call_to_action(
                "Ready to prepare?",
                "Register for support and our diversity team will contact you within five working days to "
                "plan the sessions that suit you.",
                onward.support,
                "Register for support",
            ),
        ),
    ]


CAMPAIGN_SEARCH_DESCRIPTIONS = {
    "community-ambassador-programme": "How community leaders, faith and voluntary-sector figures help "
    "people from their communities into a police career, and how to become an ambassador.",
    "outreach-recruitment-drive": "Our outreach teams in Redbridge, Ealing, Haringey, Newham and Tower "
    "Hamlets: community events every month and free support to apply.",
    "prepare-to-apply": "Free application-form workshops, mock interviews, assessment-centre and fitness "
    "preparation for people from groups under-represented in policing.",
}


def ensure_campaign_index(home):
    return ensure_child(
        home,
        CampaignIndexPage,
        "campaigns",
        title="Campaigns",
        introduction="What we are doing to build a police service that looks like the city it serves, and "
        "how you can be part of it.",
        search_description="Our recruitment and outreach campaigns, and how to get involved.",
    )


class Onward(NamedTuple):
    """The pages campaign bodies lead on to; they must exist before the campaigns are written."""

    support: Page
    programme: Page


def ensure_campaigns(home, onward):
    index = ensure_campaign_index(home)
    today = timezone.localdate()
    priority = list(Borough.objects.filter(is_priority=True))
    outreach_image = demo_image("Outreach skyline", "Illustration of a city skyline at dawn", seed=2)
    campaigns = [
        (
            "community-ambassador-programme",
            "Community Ambassador Programme",
            "Community leaders, faith and voluntary-sector figures help us raise aspirations, dispel myths "
            "about a police career and point talented people to our diversity team.",
            demo_image("Community ambassadors skyline", "Illustration of a city skyline at dawn", seed=1),
            lambda: ambassador_programme_body(onward),
            {"start_date": None, "end_date": None},
            (priority, list(Community.objects.all())),
        ),
        (
            "outreach-recruitment-drive",
            "Outreach recruitment drive",
            "Outreach teams in our priority boroughs are meeting people who have never thought of policing as a "
            "career for them, with community events every month.",
            outreach_image,
            lambda: outreach_drive_body(outreach_image, onward),
            {"start_date": today - timedelta(days=30), "end_date": today + timedelta(days=180)},
            (priority, list(Community.objects.exclude(slug="black-caribbean"))),
        ),
        (
            "prepare-to-apply",
            "Prepare to apply with positive action",
            "Free workshops, mock interviews and assessment-centre preparation for people from groups that are "
            "under-represented in policing.",
            None,
            lambda: prepare_to_apply_body(onward),
            {"start_date": None, "end_date": None},
            ([], []),
        ),
    ]
    for slug, title, summary, image, body, dates, (boroughs, communities) in campaigns:
        if CampaignPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        page = CampaignPage(
            slug=slug,
            title=title,
            summary=summary,
            search_description=CAMPAIGN_SEARCH_DESCRIPTIONS[slug],
            hero_image=image,
            body=body(),
            **dates,
        )
        page.target_boroughs.set(boroughs)
        page.target_communities.set(communities)
        index.add_child(instance=page)
        publish(page)
    return index


def ensure_myths_page(home):
    return ensure_child(
        home,
        MythsFactsPage,
        "myths-and-facts",
        title="Myths and facts",
        introduction="What people often believe about joining the police, and what is true. Select a myth "
        "to read the fact.",
        search_description="Common myths about a police career and positive action, and the facts.",
    )


HOME_LIBRARY_BLOCKS = {"myths", "call_to_action", "officer_story"}


def enrich_home_page(home, campaigns, myths_page):
    """Add library blocks to the demo home page, but only while it is exactly as the demo created it."""
    if {block.block_type for block in home.body} & HOME_LIBRARY_BLOCKS or home.revisions.count() > 1:
        return
    home.body.append(("myths", {"heading": "Myths busted", "myths": [], "topic": MythTopic.POSITIVE_ACTION}))
    for name, _quote in OFFICER_STORIES:
        home.body.append(("officer_story", story(name)))
    home.body.append(
        (
            "call_to_action",
            call_to_action(
                "See what we are doing",
                "From community ambassadors to outreach events in your borough.",
                campaigns,
                "Our campaigns",
            ),
        )
    )
    publish(home)


def load_content_library(home):
    """Everything but the campaigns themselves, which lead on to pages other apps' demos create."""
    ensure_myths()
    ensure_officer_stories()
    myths_page = ensure_myths_page(home)
    campaigns = ensure_campaign_index(home)
    enrich_home_page(home, campaigns, myths_page)


def load_campaigns(home, support_page, programme_page):
    ensure_campaigns(home, Onward(support=support_page, programme=programme_page))
