"""Reference data editors maintain as snippets and pages, forms and the queue filter by."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class NamedSlugQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class NamedSlug(index.Indexed, models.Model):
    """A named, ordered item with a URL-safe slug used in filters and shareable links."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("Used in web addresses and filters")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive items stay on old records but are not offered in forms"),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    objects = NamedSlugQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("is_active"), FieldPanel("sort_order")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("is_active"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Borough(NamedSlug):
    """A borough in the force area, e.g. a priority borough for outreach."""

    is_priority = models.BooleanField(_("priority borough"), default=False)

    panels = NamedSlug.panels + [FieldPanel("is_priority")]

    class Meta(NamedSlug.Meta):
        verbose_name = _("borough")
        verbose_name_plural = _("boroughs")


class Community(NamedSlug):
    """A community the force reaches out to, e.g. the Somali or Tamil community."""

    class Meta(NamedSlug.Meta):
        verbose_name = _("community")
        verbose_name_plural = _("communities")
