"""What search engines and link previews read: absolute addresses, the sharing image and the schema.org
structured data (JSON-LD) for the organisation, the site's search and the breadcrumb trail.

Absolute addresses start from the Wagtail Site record, as page.full_url does, so canonical links, og:url,
og:image, the sitemap and the structured data all agree; in development `make run` points that record
at the port it serves on (site/devtools, `use_dev_site_address`).
"""

import json
from typing import NamedTuple

from django.apps import apps
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.caching import shared

SCHEMA_CONTEXT = "https://schema.org"
# What a shared link shows: Open Graph's recommended size (and Twitter's large card).
SHARING_RENDITION = "fill-1200x630"
DEFAULT_SHARING_IMAGE = "images/social-default.png"
DEFAULT_SHARING_IMAGE_SIZE = (1200, 630)
DEFAULT_LOGO = "images/logo.png"
# JSON inside <script> must not be able to close the element or open a comment.
SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class SharingImage(NamedTuple):
    url: str
    alt: str
    width: int
    height: int


def site_root(request):
    """The site's address without a trailing slash: the Site record's, else the request's."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def absolute(url, request):
    """An address as search engines need it. Renditions and static files on a CDN or bucket are
    absolute already; anything else is on this site (a page not yet in the tree, seen in a preview, has
    no address of its own and is given the site's)."""
    url = url or "/"
    if url.startswith(("https://", "http://")):
        return url
    if url.startswith("//"):
        return "https:" + url
    return site_root(request) + url


def site_settings(request):
    # The model by name: the page models import this module (through home/event_views.py).
    return apps.get_model("home", "SiteSettings").for_request(request)


def image_for_sharing(image, request, fallback_alt):
    rendition = image.get_rendition(SHARING_RENDITION)
    return SharingImage(
        absolute(rendition.url, request),
        image.description or fallback_alt,
        rendition.width,
        rendition.height,
    )


def sharing_image(page, request, force_name):
    """The page's own sharing image, else the site's default, else the shield shipped with the site."""
    own = getattr(page, "social_image", None) if page is not None else None
    if own is not None:
        return image_for_sharing(own, request, page.title)
    return default_sharing_image(request, force_name)


def default_sharing_image(request, force_name):
    """Kept with the shared fragments (home/caching.py) until content changes: every page without its
    own image shows it, and reading the settings and the rendition would cost every page two queries."""

    def build():
        default = site_settings(request).default_social_image
        if default is not None:
            return tuple(image_for_sharing(default, request, force_name))
        width, height = DEFAULT_SHARING_IMAGE_SIZE
        alt = _("The %(force)s shield, white on navy blue") % {"force": force_name}
        return (absolute(static(DEFAULT_SHARING_IMAGE), request), alt, width, height)

    # The alternative text is translated, and the address starts from the site's.
    vary_on = [site_root(request), get_language()]
    return SharingImage(*shared(request, "default-sharing-image", vary_on, build))


def logo_url(request, settings_object):
    if settings_object.logo is not None:
        return absolute(settings_object.logo.get_rendition("height-240").url, request)
    return absolute(static(DEFAULT_LOGO), request)


def organization(request, force_name):
    """The force as a GovernmentOrganization: name, address, logo, how to contact recruitment, and its
    social media accounts."""
    settings_object = site_settings(request)
    root = site_root(request)
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "GovernmentOrganization",
        "@id": root + "/#organization",
        "name": force_name,
        "url": root + "/",
        "logo": logo_url(request, settings_object),
    }
    contact = {"@type": "ContactPoint", "contactType": "recruitment", "areaServed": "GB"}
    if settings_object.contact_email:
        contact["email"] = settings_object.contact_email
    if settings_object.contact_phone:
        contact["telephone"] = settings_object.contact_phone
    if len(contact) > 3:
        data["contactPoint"] = contact
    same_as = [link.value["url"] for link in settings_object.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


def website(request, force_name, language):
    """The site, with a SearchAction that tells search engines how to search it."""
    root = site_root(request)
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "@id": root + "/#website",
        "name": force_name,
        "url": root + "/",
        "inLanguage": language,
        "publisher": {"@id": root + "/#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": root + reverse("search") + "?query={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(trail, request):
    """The visible breadcrumb trail ([(title, url)], the current page last) as a BreadcrumbList."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": title, "item": absolute(url, request)}
            for position, (title, url) in enumerate(trail, start=1)
        ],
    }


def json_ld(data):
    """Serialised for a <script type="application/ld+json"> element."""
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE)
