"""The demo accessibility statement, following the sections of the GOV.UK model statement for the Public
Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018, in our own words.
Contact details are placeholders (example.org addresses and Ofcom's drama numbers); the non-accessible
content is what this site really has, so an editor starts from an honest list.
"""

import datetime

from django.utils.dateformat import format as format_date

# Fixed, not today's date: a statement says when it was really prepared and tested, and the demo
# translations match the English sentence by sentence, so the dated sentences must not change daily.
PREPARED_ON = datetime.date(2026, 12, 1)
REVIEWED_ON = datetime.date(2026, 12, 4)

INTRODUCTION = (
    "How accessible this website is, what to do if you cannot use part of it, and how to report a problem."
)

SEARCH_DESCRIPTION = (
    "How accessible our recruitment website is, what we are fixing, and how to ask for information in "
    "another format or report a problem."
)

# The headings the regulations' model statement expects, in its order; the tests check the demo has them.
REQUIRED_SECTIONS = [
    "How accessible this website is",
    "What to do if you cannot access parts of this website",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "What we are doing to improve accessibility",
    "Preparation of this accessibility statement",
]


def accessibility_statement_body(force_name, prepared_on, reviewed_on):
    prepared = format_date(prepared_on, "j F Y")
    reviewed = format_date(reviewed_on, "j F Y")
    return (
        f"<p>This statement covers the recruitment and positive-action website of the {force_name}. It does "
        "not cover the force's main website or the national police application system, which have their "
        "own statements.</p>"
        "<p>We want as many people as possible to be able to use this website. For example, you should "
        "be able to:</p>"
        "<ul>"
        "<li>change colours, contrast levels and fonts using your browser or device settings</li>"
        "<li>zoom in up to 400% without the text spilling off the screen</li>"
        "<li>move around the whole website using just a keyboard</li>"
        "<li>use the website with speech recognition software</li>"
        "<li>listen to the website using a screen reader (including recent versions of JAWS, NVDA and "
        "VoiceOver)</li>"
        "<li>use every page and both registration forms without JavaScript</li>"
        "</ul>"
        "<p>We have also made the text as simple as we can. AbilityNet has advice on making your device "
        "easier to use if you have a disability.</p>"
        "<h2>How accessible this website is</h2>"
        "<p>We know some parts of this website are not fully accessible:</p>"
        "<ul>"
        "<li>videos play in YouTube's or Vimeo's own player, which we do not control, and some older "
        "videos have automatic captions only</li>"
        "<li>some documents we link to are PDFs that may not work well with screen readers</li>"
        "<li>if our spam check doubts a registration, a person has to review it before we contact you, "
        "which can delay our reply by up to one working day</li>"
        "</ul>"
        "<h2>What to do if you cannot access parts of this website</h2>"
        "<p>If you need information on this website in a different format, such as accessible PDF, large "
        "print, easy read, an audio recording or braille, or in another language:</p>"
        "<ul>"
        "<li>email accessibility@example.org (placeholder address)</li>"
        "<li>call 020 7946 0123 (placeholder number), Monday to Friday, 9am to 5pm</li>"
        "<li>if you are deaf, hard of hearing or speech impaired, use Relay UK: dial 18001 then "
        "020 7946 0123</li>"
        "</ul>"
        "<p>We will consider your request and get back to you within 5 working days. If you would rather "
        "talk to someone, you can also register for support and tell us about your access needs: our "
        "diversity team will contact you in the way you prefer.</p>"
        "<h2>Reporting accessibility problems with this website</h2>"
        "<p>We are always looking to improve the accessibility of this website. If you find a problem that "
        "is not listed on this page, or you think we are not meeting the accessibility requirements, email "
        "accessibility@example.org (placeholder address). Tell us the address of the page and what went "
        "wrong. We will reply within 5 working days.</p>"
        "<h2>Enforcement procedure</h2>"
        "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector "
        "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the "
        "\u201caccessibility regulations\u201d).</p>"
        "<p>If you are not happy with how we respond to your complaint, contact the Equality Advisory and "
        "Support Service (EASS). If you live in Northern Ireland, contact the Equality Commission for "
        "Northern Ireland (ECNI).</p>"
        "<h2>Technical information about this website's accessibility</h2>"
        f"<p>The {force_name} is committed to making its website accessible, in accordance with the Public "
        "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>"
        "<h3>Compliance status</h3>"
        "<p>This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 "
        "AA standard, due to the non-compliances listed below.</p>"
        "<h2>Non-accessible content</h2>"
        "<p>The content listed below is non-accessible for the following reasons.</p>"
        "<h3>Non-compliance with the accessibility regulations</h3>"
        "<ul>"
        "<li>Some videos embedded from YouTube and Vimeo have automatic captions that are not always "
        "accurate, which fails WCAG 2.2 success criterion 1.2.2 (captions, prerecorded). Every video has "
        "a full written transcript beside it. We are replacing automatic captions with checked captions "
        "as we review each video.</li>"
        "<li>The YouTube and Vimeo players are made by those companies. Some of their controls may not "
        "be announced clearly by every screen reader (success criterion 4.1.2, name, role, value). Every "
        "video can also be opened on the video site itself, and its transcript is on our page.</li>"
        "<li>Some PDF documents we link to, such as event leaflets, may have no tagged headings or "
        "reading order (success criteria 1.3.1 and 1.3.2). We are replacing them with web pages.</li>"
        "</ul>"
        "<h3>Disproportionate burden</h3>"
        "<p>We are not claiming disproportionate burden for any content at this time.</p>"
        "<h3>Content that is not within the scope of the accessibility regulations</h3>"
        "<p>PDFs and other documents published before 23 September 2018 that are not essential to "
        "providing our services, and live video of events, are exempt from the regulations. We will still "
        "provide them in another format if you ask.</p>"
        "<h2>What we are doing to improve accessibility</h2>"
        "<ul>"
        "<li>Every public page type is checked automatically against WCAG 2.2 AA, on a desktop screen "
        "and on a 320 pixel wide phone screen, each time the website changes; a change that adds a "
        "failure is not published.</li>"
        "<li>We are replacing event leaflets in PDF with web pages.</li>"
        "<li>We are replacing the automatic captions on our older videos with checked captions.</li>"
        "<li>We are translating the key pages and both registration forms into Bengali, Urdu, Somali, "
        "Turkish, Kurdish, Tamil and Polish.</li>"
        "</ul>"
        "<h2>Preparation of this accessibility statement</h2>"
        f"<p>This statement was prepared on {prepared}. It was last reviewed on {reviewed}.</p>"
        f"<p>This website was last tested on {reviewed}. The test was carried out by our web team. We "
        "tested every type of page (the home page, campaign pages, myths and facts, the events listing "
        "and an event, search, the privacy notice and both registration forms):</p>"
        "<ul>"
        "<li>automatically, with axe-core against WCAG 2.2 A and AA, in Chromium on a desktop screen and "
        "on a 320 pixel wide phone screen</li>"
        "<li>by hand, with a keyboard only, at 400% zoom, and with the NVDA and VoiceOver screen "
        "readers</li>"
        "<li>with JavaScript switched off</li>"
        "</ul>"
        "<p>We will review this statement at least once a year, and whenever we make a large change to "
        "the website.</p>"
    )
