"""Page weight budget: pages stay light on a phone connection and never wait on another site."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Page

from tests.helpers import soup

PAGE_BUDGET_BYTES = 200 * 1024
CSS_BUDGET_BYTES = 30 * 1024


def static_file_size(url):
    path = urlsplit(url).path.removeprefix(settings.STATIC_URL)
    if urlsplit(url).netloc:
        return 0  # another site's resource (reCAPTCHA on form pages) is not part of our budget
    found = finders.find(path)
    assert found, f"{url} is not a static file of this site"
    return Path(found).stat().st_size


def subresource_urls(document):
    stylesheets = [link["href"] for link in document.select('link[rel~="stylesheet"]')]
    scripts = [script["src"] for script in document.select("script[src]")]
    return stylesheets + scripts


def public_page_urls():
    return [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]


def test_the_stylesheet_is_under_30_kb(demo_site):
    assert static_file_size(settings.STATIC_URL + "css/main.css") < CSS_BUDGET_BYTES


def test_every_public_page_with_its_css_and_scripts_is_under_200_kb_uncompressed(client, demo_site):
    for url in public_page_urls():
        response = client.get(url)
        document = soup(response)
        total = len(response.content) + sum(static_file_size(u) for u in subresource_urls(document))
        assert total < PAGE_BUDGET_BYTES, f"{url} weighs {total} bytes"


def render_blocking_third_party_resources(document):
    stylesheets = [link["href"] for link in document.select('link[rel~="stylesheet"]')]
    blocking_scripts = [
        script["src"]
        for script in document.select("script[src]")
        if not script.has_attr("async") and not script.has_attr("defer")
    ]
    return [url for url in stylesheets + blocking_scripts if urlsplit(url).netloc]


def test_no_public_page_waits_on_a_stylesheet_or_script_from_another_site(client, demo_site):
    for url in public_page_urls():
        assert render_blocking_third_party_resources(soup(client.get(url))) == [], url
