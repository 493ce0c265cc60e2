"""sitemap.xml as a sitemap index with one sitemap per language (issue 18): /sitemap-en-gb.xml,
/sitemap-ur.xml, ...

Search engines read a sitemap index as readily as a single sitemap, and a sitemap per language keeps
each within the 50,000-address limit however many translations are published, and lets Search Console
report indexing per language. The pairing of translations is given once, in each page's head
(``<link rel="alternate" hreflang>``, home/languages.py): Google reads hreflang from the page, the sitemap
or the HTTP headers alike, and repeating it here would only be a second place to keep right.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from recruitment_site.core.languages import CODES


class LanguageSitemap(Sitemap):
    """The live, public pages of one language: its home page and everything under it."""

    def __init__(self, request, language_code):
        super().__init__(request)
        self.language_code = language_code

    def pages(self):
        locale = Locale.objects.filter(language_code=self.language_code).first()
        root = self.get_wagtail_site().root_page
        home = root.get_translation_or_none(locale) if locale else None
        if home is None:
            return Page.objects.none()
        return home.get_descendants(inclusive=True).live().public().filter(locale=locale)

    def items(self):
        return self.pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        """For the index, in one query rather than by loading every page."""
        latest = self.pages().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )
        return latest["latest"]


def language_sitemaps(request):
    """{language code: sitemap} for the languages with a published home page on this site."""
    sitemaps = {code: LanguageSitemap(request, code) for code in CODES}
    return {code: sitemap for code, sitemap in sitemaps.items() if sitemap.pages().exists()}


def sitemap_index(request):
    return sitemap_views.index(request, language_sitemaps(request), sitemap_url_name="language_sitemap")


def language_sitemap(request, section):
    if section not in CODES:
        raise Http404
    return sitemap_views.sitemap(request, {section: LanguageSitemap(request, section)})
