"""What the registration page shows around its questions: the privacy notice link the consent question
relies on, and "What happens next" before the button."""

import pytest

from home.models import StandardPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def privacy_section_links(response):
    """Links between the "Your privacy" heading and the consent checkbox."""
    document = soup(response)
    heading = next(h2 for h2 in document.select("form h2") if h2.get_text(strip=True) == "Your privacy")
    consent = document.select_one('input[name="consent"]')
    links = []
    for element in heading.find_all_next():
        if element is consent:
            return links
        if element.name == "a":
            links.append(element)
    raise AssertionError("no consent question after the privacy section")


def test_privacy_paragraph_links_to_the_live_privacy_notice(client, registration_page):
    response = client.get(registration_page.url)

    links = privacy_section_links(response)

    privacy_page = StandardPage.objects.get(slug="privacy-notice")
    assert [link["href"] for link in links] == [privacy_page.url]
    assert "privacy notice" in links[0].get_text().lower()
    assert client.get(links[0]["href"]).status_code == 200


def test_privacy_paragraph_has_no_link_to_an_unpublished_privacy_notice(client, registration_page):
    StandardPage.objects.get(slug="privacy-notice").unpublish()

    response = client.get(registration_page.url)

    assert privacy_section_links(response) == []


def test_form_with_errors_still_links_to_the_privacy_notice(client, registration_page):
    response = client.post(registration_page.url, {"name": ""})

    assert response.status_code == 200
    assert [link["href"] for link in privacy_section_links(response)] == ["/privacy-notice/"]


def test_what_happens_next_is_read_before_the_submit_button(client, registration_page):
    document = soup(client.get(registration_page.url))

    form = document.select_one("form.registration-form")
    heading = form.find("h2", id="what-happens-next")
    button = form.find("button", type="submit")

    assert heading is not None, "What happens next is not inside the form"
    order = [element for element in form.find_all(True) if element in (heading, button)]
    assert order == [heading, button]
    assert "diversity team contacts you" in heading.find_parent("section").get_text()
