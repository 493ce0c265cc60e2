"""Wagtail's PostgreSQL search backend with a text search configuration per language (issue 18).

Wagtail 7.4's database backend (django-modelsearch underneath) takes one ``SEARCH_CONFIG`` for the whole
index: every object's words are stemmed with it when indexed, and every query with it when searched. The
site's pages are in eight languages, and English stemming of Turkish or Tamil finds too little. So each
object is indexed with the configuration of its own locale, and a query is searched with the
configuration of the active language, which is the language of the pages the site search looks through
(home/views.py filters by locale). PostgreSQL 15 ships ``english``, ``turkish`` and ``tamil``; Bengali,
Urdu, Somali, Kurdish and Polish have none, and ``simple`` (lower-casing, no stemming) serves them.

The admin's search runs in the staff member's language across all locales, so a Turkish or Tamil page may
match fewer inflected forms there than on the public search; exact words always match.

Settings select this module instead of ``wagtail.search.backends.database`` only on PostgreSQL; SQLite's
FTS5 index has no per-language stemming to choose.
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import TranslatableMixin

TEXT_SEARCH_CONFIGS = {"en": "english", "tr": "turkish", "ta": "tamil"}
FALLBACK_CONFIG = "simple"


def config_for_language(code):
    return TEXT_SEARCH_CONFIGS.get((code or "").split("-")[0].lower(), FALLBACK_CONFIG)


def language_of(obj):
    """The language of a translatable object's text; None for the rest (images, boroughs), which are
    indexed and searched as English."""
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


class LocalePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for_object(obj)].append(obj)
        for config, group in by_config.items():
            index = copy.copy(self)
            index.backend = self.backend.with_config(config)
            super(LocalePostgresIndex, index).add_items(model, group)


class LocaleQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        if issubclass(self.queryset.model, TranslatableMixin):
            return config_for_language(translation.get_language())
        return config_for_language(settings.LANGUAGE_CODE)


class LocalePostgresSearchBackend(PostgresSearchBackend):
    index_class = LocalePostgresIndex
    query_compiler_class = LocaleQueryCompiler

    def config_for_object(self, obj):
        return config_for_language(language_of(obj) or settings.LANGUAGE_CODE)

    def with_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend


SearchBackend = LocalePostgresSearchBackend
