"""Demo events: an Events index under the home page with a believable programme of recruitment events.

Dates are set relative to the day the demo is first loaded, so a fresh demo always has upcoming and past
events. Like the rest of the demo content, an event that already exists (by slug) is left alone.
Venues and booking links are placeholders.
"""

import datetime

from django.utils import timezone

from home.choices import AttendanceMode, EventStatus, EventType
from home.models import Borough, Community, EventIndexPage, EventPage
from recruitment_site.core.dates import LONDON

INDEX_INTRODUCTION = (
    "Come and meet us. Information sessions, workshops and practice days run by our recruitment and "
    "positive-action teams are free, and you do not need to have applied to come along."
)

ONLINE_LINK = "https://meet.example.org/capital-police/"
BOOKING_LINK = "https://example.org/book/"

WHAT_TO_EXPECT = (
    "<h2>What to expect</h2>"
    "<p>{detail}</p>"
    "<p>You will meet serving officers and staff from our positive-action team, and there is time for "
    "your own questions. You do not need to bring anything.</p>"
)


def london(days_from_today, hour, minute=0):
    """An aware datetime at a London wall-clock time, a number of days from today."""
    day = timezone.localdate(timezone=LONDON) + datetime.timedelta(days=days_from_today)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


# (slug, title, type, days from today, start hour, hours long, mode, borough slug, community slugs, extra)
EVENTS = [
    (
        "information-evening-stratford",
        "Information evening: is policing for you?",
        EventType.INFORMATION_SESSION,
        6,
        18,
        2,
        AttendanceMode.IN_PERSON,
        "newham",
        ["bangladeshi", "somali"],
        {
            "summary": "Find out what police officers do, how to apply and the support we offer "
            "people from under-represented communities.",
            "detail": "A short talk about the routes into policing, then an open question-and-answer "
            "session with officers who grew up in Newham.",
            "venue_name": "Stratford Community Centre",
            "venue_address": "12 Broadway\nStratford\nLondon",
            "venue_postcode": "E15 4QS",
            "step_free_access": True,
            "hearing_loop": True,
            "prayer_room": True,
            "capacity": 60,
            "booking_url": BOOKING_LINK + "information-evening-stratford",
        },
    ),
    (
        "application-form-workshop-online",
        "Application form workshop",
        EventType.POSITIVE_ACTION_WORKSHOP,
        9,
        19,
        1,
        AttendanceMode.ONLINE,
        None,
        [],
        {
            "summary": "Work through the online application form with our positive-action team, "
            "including how to answer the competency questions.",
            "detail": "We share our screen and go through each part of the application form, with "
            "examples of strong answers. Your camera can stay off.",
            "online_url": ONLINE_LINK + "application-workshop",
            "capacity": 100,
        },
    ),
    (
        "assessment-centre-preparation-ealing",
        "Assessment centre preparation day",
        EventType.ASSESSMENT_PREPARATION,
        13,
        10,
        5,
        AttendanceMode.HYBRID,
        "ealing",
        ["polish", "pakistani"],
        {
            "summary": "Practise the written exercise, the interview and the role plays of the "
            "assessment centre, with feedback from trained assessors.",
            "detail": "A full day of practice in small groups. If you join online you can take part in "
            "the written exercise and the interview practice.",
            "venue_name": "Ealing Police Training Suite",
            "venue_address": "40 Uxbridge Road\nEaling\nLondon",
            "venue_postcode": "W5 2BP",
            "online_url": ONLINE_LINK + "assessment-preparation",
            "step_free_access": True,
            "parking": True,
            "capacity": 30,
            "booking_url": BOOKING_LINK + "assessment-centre-preparation-ealing",
        },
    ),
    (
        "mock-interviews-haringey",
        "Mock interviews for applicants",
        EventType.MOCK_INTERVIEW,
        16,
        17,
        3,
        AttendanceMode.IN_PERSON,
        "haringey",
        ["turkish", "kurdish"],
        {
            "summary": "A one-to-one practice interview with an officer, and written feedback to take away.",
            "detail": "Each interview lasts 30 minutes, followed by 15 minutes of feedback.",
            "venue_name": "Wood Green Library meeting room",
            "venue_address": "Station Road\nWood Green\nLondon",
            "venue_postcode": "N22 6XD",
            "step_free_access": True,
            "hearing_loop": True,
            "capacity": 12,
            "status": EventStatus.FULL,
        },
    ),
    (
        "fitness-test-practice-redbridge",
        "Fitness test practice",
        EventType.FITNESS_TEST_PRACTICE,
        20,
        10,
        2,
        AttendanceMode.IN_PERSON,
        "redbridge",
        [],
        {
            "summary": "Try the 15-metre shuttle run (the multi-stage fitness test) with our fitness "
            "instructors, and get a training plan to reach level 5.4.",
            "detail": "Wear sports clothes and trainers. Changing rooms and showers are available.",
            "venue_name": "Ilford Sports Centre",
            "venue_address": "Cranbrook Road\nIlford",
            "venue_postcode": "IG1 4UE",
            "step_free_access": True,
            "parking": True,
            "access_notes": "Women-only changing rooms. Please tell us if you would like a female "
            "instructor.",
            "capacity": 40,
            "booking_url": BOOKING_LINK + "fitness-test-practice-redbridge",
        },
    ),
    (
        "community-fun-day-tower-hamlets",
        "Meet the police at the community fun day",
        EventType.COMMUNITY_EVENT,
        23,
        12,
        4,
        AttendanceMode.IN_PERSON,
        "tower-hamlets",
        ["bangladeshi"],
        {
            "summary": "Our recruitment team and community ambassadors will have a stall at the "
            "community fun day in the park.",
            "detail": "Drop in at any time to chat with officers and pick up information about careers.",
            "venue_name": "Mile End Park",
            "venue_address": "Locksley Street\nLondon",
            "venue_postcode": "E3 4QY",
            "step_free_access": True,
            "status": EventStatus.CANCELLED,
        },
    ),
    (
        "tamil-community-information-session",
        "Tamil community information session",
        EventType.INFORMATION_SESSION,
        27,
        18,
        2,
        AttendanceMode.IN_PERSON,
        "redbridge",
        ["tamil"],
        {
            "summary": "An information session about police careers, with Tamil-speaking officers on "
            "hand to answer questions.",
            "detail": "The session is in English and Tamil. Family members are welcome.",
            "venue_name": "Ilford Tamil Community Hall",
            "venue_address": "85 High Road\nIlford",
            "venue_postcode": "IG1 1DE",
            "hearing_loop": True,
            "prayer_room": True,
            "status": EventStatus.POSTPONED,
        },
    ),
    (
        "ambassadors-network-meeting",
        "Community ambassadors network meeting",
        EventType.AMBASSADOR_MEETING,
        33,
        18,
        2,
        AttendanceMode.HYBRID,
        "hackney",
        [],
        {
            "summary": "The quarterly meeting of our community ambassadors: recruitment news, "
            "referrals and planning the next outreach events.",
            "detail": "Open to registered community ambassadors. Join in person or online.",
            "venue_name": "Hackney Town Hall, Council Chamber",
            "venue_address": "Mare Street\nLondon",
            "venue_postcode": "E8 1EA",
            "online_url": ONLINE_LINK + "ambassadors",
            "step_free_access": True,
            "hearing_loop": True,
        },
    ),
    (
        "women-in-policing-online-q-and-a",
        "Women in policing: online questions and answers",
        EventType.INFORMATION_SESSION,
        40,
        12,
        1,
        AttendanceMode.ONLINE,
        None,
        [],
        {
            "summary": "A lunchtime session with women officers about shifts, family life, "
            "flexible working and progression.",
            "detail": "Send questions in advance or ask them in the chat, anonymously if you prefer.",
            "online_url": ONLINE_LINK + "women-in-policing",
        },
    ),
    (
        "polish-community-drop-in-ealing",
        "Polish community drop-in",
        EventType.COMMUNITY_EVENT,
        47,
        11,
        3,
        AttendanceMode.IN_PERSON,
        "ealing",
        ["polish"],
        {
            "summary": "Drop in to ask about joining the police, including eligibility if you were not "
            "born in the UK.",
            "detail": "Officers who speak Polish will be there. No need to book.",
            "venue_name": "Polish Social and Cultural Centre",
            "venue_address": "238 King Street\nHammersmith\nLondon",
            "venue_postcode": "W6 0RF",
            "step_free_access": True,
        },
    ),
    (
        "positive-action-workshop-brent",
        "Positive-action workshop: from application to first day",
        EventType.POSITIVE_ACTION_WORKSHOP,
        54,
        10,
        3,
        AttendanceMode.IN_PERSON,
        "brent",
        ["black-caribbean", "somali"],
        {
            "summary": "A morning workshop covering every stage of recruitment, with officers who "
            "joined through our positive-action programme.",
            "detail": "We cover the application, the online assessment, the interview, vetting, the "
            "medical and the fitness test.",
            "venue_name": "Brent Civic Centre",
            "venue_address": "32 Engineers Way\nWembley",
            "venue_postcode": "HA9 0FJ",
            "step_free_access": True,
            "hearing_loop": True,
            "prayer_room": True,
            "capacity": 50,
            "booking_url": BOOKING_LINK + "positive-action-workshop-brent",
        },
    ),
    (
        "kurdish-community-information-evening",
        "Kurdish community information evening",
        EventType.INFORMATION_SESSION,
        -12,
        18,
        2,
        AttendanceMode.IN_PERSON,
        "haringey",
        ["kurdish"],
        {
            "summary": "An evening about police careers for the Kurdish community, with a Kurdish-"
            "speaking officer.",
            "detail": "A talk and questions, followed by one-to-one conversations.",
            "venue_name": "Kurdish Community Centre",
            "venue_address": "Fairfax Hall, Portland Gardens\nLondon",
            "venue_postcode": "N4 1HU",
            "step_free_access": True,
            "capacity": 40,
        },
    ),
    (
        "application-form-workshop-autumn",
        "Application form workshop (autumn)",
        EventType.POSITIVE_ACTION_WORKSHOP,
        -30,
        19,
        1,
        AttendanceMode.ONLINE,
        None,
        [],
        {
            "summary": "Our autumn online workshop on the application form.",
            "detail": "We went through each part of the application form with examples.",
            "online_url": ONLINE_LINK + "application-workshop-autumn",
        },
    ),
]


def ensure_event_index(home):
    index = EventIndexPage.objects.child_of(home).first()
    if index:
        return index
    index = EventIndexPage(
        title="Events",
        slug="events",
        introduction=INDEX_INTRODUCTION,
        search_description="Free information sessions, workshops and practice days for people thinking "
        "about joining the police.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def build_event(spec):
    slug, title, event_type, days, hour, hours, mode, borough, communities, extra = spec
    extra = dict(extra)
    detail = extra.pop("detail")
    event = EventPage(
        title=title,
        slug=slug,
        event_type=event_type,
        start=london(days, hour),
        end=london(days, hour + hours),
        attendance_mode=mode,
        borough=Borough.objects.filter(slug=borough).first() if borough else None,
        body=[("rich_text", WHAT_TO_EXPECT.format(detail=detail))],
        search_description=extra["summary"],
        **extra,
    )
    event.communities = list(Community.objects.filter(slug__in=communities))
    return event


def ensure_demo_events(home):
    index = ensure_event_index(home)
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in EVENTS:
        if spec[0] in existing:
            continue
        event = build_event(spec)
        index.add_child(instance=event)
        event.save_revision().publish()
    return index
