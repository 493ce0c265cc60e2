"""Demo content built from the public seed documents: real facts and figures in our own words,
placeholder people. Every function creates what is missing and leaves existing content alone, so
loading the demo twice changes nothing and never overwrites an editor's work.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from home.models import Borough, Community, HomePage, SiteSettings, StandardPage

from .accessibility import INTRODUCTION as ACCESSIBILITY_INTRODUCTION
from .accessibility import PREPARED_ON, REVIEWED_ON, accessibility_statement_body
from .accessibility import SEARCH_DESCRIPTION as ACCESSIBILITY_SEARCH_DESCRIPTION
from .ambassadors import ensure_programme_page, load_ambassador_demo
from .checker import load_checker_demo
from .events import ensure_demo_events
from .library import load_campaigns, load_content_library
from .support import ensure_registration_page, load_support_demo
from .translations import load_translations

FORCE_NAME = "Capital Police Service"

# Short, so the button under it is in the first screen of a phone.
HOME_INTRODUCTION = (
    "<p>Black, Asian or from a minority ethnic background? A woman thinking about policing? We will support "
    "you from your first question to your first day: the same standards as everyone else, and help to meet "
    "them.</p>"
)

HOME_FIGURES = [
    {
        "period": "In 2014",
        "figure": "11%",
        "label": "of our police officers were from Black, Asian and minority ethnic backgrounds",
        "source_text": "Community Ambassador Programme overview, 2014",
        "source_url": "",
    },
    {
        "period": "In 2011",
        "figure": "40%+",
        "label": "of the city's residents described themselves as Black, Asian or minority ethnic",
        "source_text": "2011 Census",
        "source_url": "https://www.ons.gov.uk/census",
    },
    {
        "period": "In 2014",
        "figure": "1 in 4",
        "label": "officers were women, though women are half of the people we serve",
        "source_text": "Community Ambassador Programme overview, 2014",
        "source_url": "",
    },
    {
        "period": "Target set in 2021",
        "figure": "40%",
        "label": "of new officers recruited from Black, Asian and minority ethnic backgrounds: our ambition",
        "source_text": "Written evidence to the Home Affairs Committee, 2021",
        "source_url": "",
    },
]

HOME_BODY = [
    (
        "rich_text",
        "<h2>Why join</h2>"
        "<p>We want a police service that looks like the city it serves. Policing works when people trust it, and people trust a service that understands them. Officers who "
        "speak the languages of their neighbourhoods, share their faiths and know their streets make every "
        "part of the job better, from a first conversation to solving a serious crime.</p>"
        "<h2>Our ambition</h2>"
        "<p>In 2020/21 we recruited 2,438 officers, and almost one in five came from a Black, Asian or minority "
        "ethnic background. That is progress, but it is not yet a workforce that reflects the city. We are "
        "working with community leaders, colleges and outreach workers to reach people who have never "
        "thought of policing as a career for them.</p>"
        "<h2>What positive action means</h2>"
        "<p>Positive action is lawful under the Equality Act 2010. It means extra advice and preparation for "
        "people from under-represented groups: workshops on the application form, mock interviews, help "
        "with the assessment centre and the fitness test. It never means a lower bar: everyone meets the "
        "same standard and answers the same questions.</p>",
    ),
    (
        "statistic",
        {
            "period": "In 2020/21",
            "figure": "18.9%",
            "label": "of the officers we recruited in 2020/21 came from Black, Asian and minority ethnic "
            "backgrounds, and 37.5% were women",
            "source_text": "Written evidence to the Home Affairs Committee, 2021",
            "source_url": "",
        },
    ),
]

PRIVACY_BODY = (
    "<h2>Who we are</h2>"
    "<p>The Capital Police Service is the data controller for the personal information you give us on this "
    "site. Our Data Protection Officer can be reached at dpo@example.org (placeholder address).</p>"
    "<h2>What we collect and why</h2>"
    "<p>When you register for positive-action support or apply to become a community ambassador we keep "
    "the details you give us so that our diversity team can contact you and support you through "
    "recruitment. Our lawful basis is the performance of a task carried out in the public interest "
    "(UK GDPR Article 6(1)(e)).</p>"
    "<h2>Equality monitoring</h2>"
    "<p>Equality questions are optional and every one has a \u201cprefer not to say\u201d answer. Your answers are "
    "kept apart from your record, are never used to make a decision about you, and are only ever reported "
    "as totals in which small numbers are hidden. We process them under the substantial public interest "
    "condition for equality of opportunity or treatment (Data Protection Act 2018, Schedule 1, paragraph "
    "8).</p>"
    "<h2>Who can see your information</h2>"
    "<p>Only the force's diversity team. Staff who edit this website cannot see it.</p>"
    "<h2>Checking for spam</h2>"
    "<p>Our forms use Google reCAPTCHA to tell people from automated spam. Google receives technical "
    "details of your visit to the form page (such as your IP address and browser), not your answers. A "
    "registration that looks automated is held for a person to check, never thrown away.</p>"
    "<h2>How long we keep it</h2>"
    "<ul>"
    "<li>Support registrations: 12 months after our support ends.</li>"
    "<li>Community ambassador applications: while you are an ambassador, then 12 months after you leave "
    "or your application is declined.</li>"
    "<li>Registrations held as possible spam: until a member of our team has checked them, which we aim "
    "to do within one working day; one we find is spam is deleted then.</li>"
    "</ul>"
    "<p>After that we remove everything that identifies you. Your equality answers are kept only as "
    "anonymous monthly totals that cannot be linked back to you.</p>"
    "<h2>Your rights</h2>"
    "<p>You can ask for a copy of everything we hold about you, ask us to correct it, or ask us to delete "
    "it; email our Data Protection Officer at dpo@example.org (placeholder address) and quote your "
    "reference if you have it. We reply within one month. If you are unhappy with how we use your "
    "information you can complain to the Information Commissioner's Office (ico.org.uk).</p>"
)

# Priority boroughs and the communities outreach workers were assigned to (seed document 003).
BOROUGHS = [
    ("Redbridge", True),
    ("Ealing", True),
    ("Haringey", True),
    ("Newham", True),
    ("Tower Hamlets", True),
    ("Brent", False),
    ("Hackney", False),
    ("Hounslow", False),
    ("Southwark", False),
]
COMMUNITIES = [
    "Bangladeshi",
    "Kurdish",
    "Pakistani",
    "Polish",
    "Somali",
    "Tamil",
    "Turkish",
    "Black Caribbean",
]


def ensure_reference_data():
    for order, (name, is_priority) in enumerate(BOROUGHS):
        Borough.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "is_priority": is_priority, "sort_order": order}
        )
    for order, name in enumerate(COMMUNITIES):
        Community.objects.get_or_create(slug=slugify(name), defaults={"name": name, "sort_order": order})


def publish(page):
    page.save_revision().publish()
    return page


def site_address():
    """Host and port of the configured base URL, so canonical links and the sitemap point at the site."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)


def ensure_home_page():
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home:
        return home
    root = Page.objects.get(depth=1)
    home = HomePage(
        title="Police the city you come from",
        slug="home",
        seo_title="Join us",
        search_description="Thinking about a police career? Get free support to apply, from people who "
        "understand where you are coming from.",
        introduction=HOME_INTRODUCTION,
        figures=[("statistic", figure) for figure in HOME_FIGURES],
        body=HOME_BODY,
    )
    welcome = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
    if welcome:
        # Wagtail's installer leaves a placeholder "Welcome" page at the slug we need.
        welcome.delete()
    root.add_child(instance=home)
    publish(home)
    hostname, port = site_address()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": FORCE_NAME},
    )
    return home


def ensure_standard_page(parent, slug, title, introduction, body, search_description):
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page:
        return page
    page = StandardPage(
        title=title, slug=slug, introduction=introduction, body=body, search_description=search_description
    )
    parent.add_child(instance=page)
    return publish(page)


def ensure_site_settings(site, privacy_page, accessibility_page):
    site_settings, _ = SiteSettings.objects.get_or_create(
        site=site,
        defaults={
            "force_name": FORCE_NAME,
            "contact_email": "recruitment@example.org",
            # Ofcom's ranges for drama: placeholders that reach no one.
            "contact_phone": "020 7946 0123",
            "text_number": "07700 900461",
            "whatsapp_number": "07700 900461",
            "opening_hours": "Monday to Friday, 9am to 5pm",
            "privacy_page": privacy_page,
            "accessibility_page": accessibility_page,
        },
    )
    return site_settings


# The sections a visitor looks for first; the demo puts them in the main menu once.
MAIN_MENU_PAGE_TYPES = [
    "home.CampaignIndexPage",
    "home.MythsFactsPage",
    "home.EventIndexPage",
    "positive_action.EligibilityCheckerPage",
    "positive_action.SupportRegistrationPage",
    "ambassadors_network.AmbassadorProgrammePage",
]


def ensure_main_menu(home):
    for label in MAIN_MENU_PAGE_TYPES:
        model = apps.get_model(label)
        for page in model.objects.child_of(home).live().filter(show_in_menus=False):
            page.show_in_menus = True
            publish(page)


@transaction.atomic
def load_demo_content():
    ensure_reference_data()
    home = ensure_home_page()
    privacy = ensure_standard_page(
        home,
        "privacy-notice",
        "Privacy notice",
        "How we use the information you give us when you register interest, and your rights.",
        PRIVACY_BODY,
        "What we do with the details you give us when you register interest, who sees them, how long we "
        "keep them and your rights.",
    )
    accessibility = ensure_standard_page(
        home,
        "accessibility-statement",
        "Accessibility statement",
        ACCESSIBILITY_INTRODUCTION,
        accessibility_statement_body(FORCE_NAME, PREPARED_ON, REVIEWED_ON),
        ACCESSIBILITY_SEARCH_DESCRIPTION,
    )
    site = Site.objects.get(is_default_site=True)
    ensure_site_settings(site, privacy, accessibility)
    ensure_demo_events(home)
    load_content_library(home)
    load_support_demo(home, site)
    load_checker_demo(home)
    load_ambassador_demo(home)
    load_campaigns(home, ensure_registration_page(home), ensure_programme_page(home))
    ensure_main_menu(home)
    # Every language unless the settings name fewer (the test settings name none).
    load_translations(getattr(settings, "DEMO_TRANSLATION_LANGUAGES", None))
    return home
