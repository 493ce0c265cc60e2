from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


def parse_address(address):
    """(hostname, port) from "host:port", as `runserver` takes it."""
    hostname, separator, port = address.rpartition(":")
    if not separator or not hostname or not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(f"Give the address as host:port, for example 127.0.0.1:8000 (not {address!r}).")
    return hostname.strip("[]"), int(port)


class Command(BaseCommand):
    help = (
        "Point the default Wagtail Site at the address the development server runs on, so canonical "
        "links, og:url, the sitemap and the calendar feed use it. `make run` calls this with its PORT. "
        "Refuses unless the settings allow it (development only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("address", help="host:port, for example 127.0.0.1:8001")

    def handle(self, *args, address, **options):
        if not settings.DEV_SITE_FOLLOWS_SERVER:
            raise CommandError(
                "These settings do not let the Site follow the server (DEV_SITE_FOLLOWS_SERVER): in "
                "production the Site's address is the public one, set in the Wagtail admin."
            )
        hostname, port = parse_address(address)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet: run `manage.py load_demo` first.")
        if (site.hostname, site.port) != (hostname, port):
            # save() rather than update(): the save moves the page cache's content version, so no page
            # cached with the old address is served again.
            site.hostname, site.port = hostname, port
            site.save()
        self.stdout.write(f"Site address: {site.root_url}/")
