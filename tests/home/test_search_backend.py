"""Each language's pages are stemmed with its own PostgreSQL text search configuration
(home/search_backend.py, docs/languages.md)."""

import pytest
from django.db import connection

from home.models import StandardPage
from home.search_backend import config_for_language
from home.site_search import search_terms
from tests.helpers import soup
from tests.home.translation_factories import retitle, translate


def test_languages_with_a_postgresql_configuration_use_it_and_the_rest_use_simple():
    assert [config_for_language(code) for code in ("en-gb", "tr", "ta")] == ["english", "turkish", "tamil"]
    assert {config_for_language(code) for code in ("bn", "ur", "so", "ku", "pl", None)} == {"simple"}


def test_search_terms_keep_words_with_vowel_signs_whole_and_drop_operators():
    assert search_terms("காவல்துறை  বাংলা | اردو* police-officer") == "காவல்துறை বাংলা اردو police officer"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's text search configurations")
def test_turkish_and_tamil_searches_find_inflected_words(client, demo_site):
    translate(demo_site, "tr", "ta")
    privacy = StandardPage.objects.get(slug="privacy-notice")
    pages = translate(privacy, "tr", "ta")
    retitle(pages["tr"], "Polisler için gizlilik")  # "for police officers": Turkish stems polisler to polis
    retitle(pages["ta"], "காவல்துறையில் தனியுரிமை")  # "in the police": Tamil stems to காவல்துறை

    def results(path):
        return [a["href"] for a in soup(client.get(path)).select(".search-results__title a")]

    assert results("/tr/search/?query=polis") == ["/tr/privacy-notice/"]
    assert results("/ta/search/?query=காவல்துறை") == ["/ta/privacy-notice/"]
    assert results("/search/?query=polis") == []  # English pages are not searched from /tr/, nor these from /
