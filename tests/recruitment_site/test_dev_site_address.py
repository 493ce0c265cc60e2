"""`make run` points the demo Site at the port it serves on, so the site's own absolute links use it."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from home.models import EventIndexPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def development(settings):
    settings.DEV_SITE_FOLLOWS_SERVER = True
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    return settings


def absolute_links(client, port):
    host = {"HTTP_HOST": f"127.0.0.1:{port}"}
    home = soup(client.get("/", **host))
    events_url = EventIndexPage.objects.get().url
    events = soup(client.get(events_url, **host))
    return {
        "canonical": home.select_one('link[rel="canonical"]')["href"],
        "og:url": home.select_one('meta[property="og:url"]')["content"],
        "sitemap": client.get("/sitemap.xml", **host).content.decode()
        + client.get("/sitemap-en-gb.xml", **host).content.decode(),
        "feed": [a["href"] for a in events.select("a[href]") if "/feed/" in a["href"]],
    }


def test_the_site_follows_the_port_make_run_serves_on(client, demo_site, development):
    call_command("use_dev_site_address", "127.0.0.1:8103")
    on_8103 = absolute_links(client, 8103)
    call_command("use_dev_site_address", "127.0.0.1:8104")
    on_8104 = absolute_links(client, 8104)

    assert on_8103["canonical"] == on_8103["og:url"] == "http://127.0.0.1:8103/"
    assert "<loc>http://127.0.0.1:8103/events/</loc>" in on_8103["sitemap"]
    assert on_8103["feed"] and all("127.0.0.1:8103/events/feed/" in url for url in on_8103["feed"])
    assert on_8104["canonical"] == "http://127.0.0.1:8104/"
    assert "<loc>http://127.0.0.1:8104/events/</loc>" in on_8104["sitemap"]
    assert "8103" not in on_8104["sitemap"]
    assert all("127.0.0.1:8104/events/feed/" in url for url in on_8104["feed"])


def test_the_command_refuses_outside_development(demo_site, settings):
    settings.DEV_SITE_FOLLOWS_SERVER = False
    before = Site.objects.get(is_default_site=True).root_url

    with pytest.raises(CommandError, match="DEV_SITE_FOLLOWS_SERVER"):
        call_command("use_dev_site_address", "127.0.0.1:8103")

    assert Site.objects.get(is_default_site=True).root_url == before


@pytest.mark.parametrize("address", ["8103", "127.0.0.1", "127.0.0.1:port", "127.0.0.1:70000", ":8103"])
def test_the_command_refuses_an_address_that_is_not_host_and_port(demo_site, development, address):
    with pytest.raises(CommandError, match="host:port"):
        call_command("use_dev_site_address", address)


def test_the_command_needs_the_demo_site_first(db, development):
    Site.objects.all().delete()

    with pytest.raises(CommandError, match="load_demo"):
        call_command("use_dev_site_address", "127.0.0.1:8103")
