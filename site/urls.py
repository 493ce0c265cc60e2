from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import health, sitemaps, translation_snippets
from home import views as home_views
from positive_action.views import site_history

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("healthz/instance", health.instance_health, name="instance_health"),
    # Site history with its export for leads only (positive_action/views/site_history.py), in front of
    # Wagtail's own view at the same address.
    path("admin/reports/", include(site_history.urlpatterns)),
    # wagtail-localize's snippet API, limited to translatable snippets the user may see
    # (home/translation_snippets.py), in front of its own at the same addresses.
    path("admin/localize/api/snippets/", include(translation_snippets.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.language_sitemap, name="language_sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public pages in every language: English (the default) without a prefix, the others under /bn/, /ur/,
# ... (recruitment_site/core/languages.py). Staff, health, documents, sitemap and robots.txt stay outside.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include("ambassadors_network.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = home_views.bad_request
handler500 = home_views.server_error
