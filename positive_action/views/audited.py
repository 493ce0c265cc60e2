"""One audit entry for every admin view that shows a person's data, written in one place per kind of view.

The kinds: a record in any of its forms (the record itself, its edit form, its history, where it is
used), a list or a search of records, the chooser that lists them, and exports. Each request that shows
personal data writes exactly one entry naming the viewer and the records by reference.

Entries never hold a name, email or phone number. A search is recorded as made, with the length of what
was typed but not the text: "Zebedee" searched for would otherwise sit in the audit log after Zebedee's
record is erased. Not a hash either: anyone who holds the name can recompute it, so it is personal data
too. Filters are recorded by name only (an export keeps their values, which are choices and dates), and
never include the free-text search.
"""

from ..audit import audit, audit_list

SEARCH_PARAMETER = "q"

RECORD_VIEWED = "recruitment.record_viewed"
EDIT_VIEWED = "recruitment.edit_viewed"
HISTORY_VIEWED = "recruitment.history_viewed"
USAGE_VIEWED = "recruitment.usage_viewed"
LIST_VIEWED = "recruitment.list_viewed"
LIST_SEARCHED = "recruitment.list_searched"
CHOOSER_VIEWED = "recruitment.chooser_viewed"
EXPORTED = "recruitment.exported"


def search_summary(query):
    """That a search was made and how long it was: enough to tell a browse from a search for someone."""
    query = (query or "").strip()
    return {"searched": bool(query), "search_length": len(query)}


def known_parameter(key, names):
    # A date range filter "created" arrives as created_after and created_before.
    return key in names or any(key.startswith(f"{name}_") for name in names)


def used_filters(request, names):
    """{filter: [values]} for the filters in use; only the filter set's own names, so a parameter made up
    in the address bar (which could be anything, a name included) is not stored."""
    names = set(names) - {SEARCH_PARAMETER}
    return {
        key: values
        for key, values in request.GET.lists()
        if known_parameter(key, names) and any(value.strip() for value in values)
    }


def references(records):
    return [record.reference for record in records]


class AuditedRecordMixin:
    """A view of one record (inspect, edit, history, usage): an entry each time the page is rendered, so a
    form shown again with its errors counts as another look, and a save that redirects writes only
    Wagtail's own change entry."""

    audit_action = RECORD_VIEWED

    def render_to_response(self, *args, **kwargs):
        audit(self.object, self.audit_action, self.request.user, reference=self.object.reference)
        return super().render_to_response(*args, **kwargs)


class AuditedListMixin:
    """A list of records (Wagtail's index view and its results-only refresh), a search of it, or its
    export: one entry per request naming the references shown (or, for an export, how many)."""

    list_action = LIST_VIEWED
    search_action = LIST_SEARCHED
    export_action = EXPORTED

    def filter_names(self):
        return list(self.filters.filters) if self.filters else []

    def render_to_response(self, context, **response_kwargs):
        self.audit_listing(context["object_list"])
        return super().render_to_response(context, **response_kwargs)

    def audit_listing(self, object_list):
        filters = used_filters(self.request, self.filter_names())
        searched = search_summary(self.search_query)
        if getattr(self, "is_export", False):
            data = {
                "format": self.request.GET.get("export"),
                "filters": filters,
                "count": object_list.count(),
            }
            audit_list(self.model, self.export_action, self.request.user, **data, **searched)
            return
        action = self.search_action if searched["searched"] else self.list_action
        data = {"references": references(object_list), "filters": sorted(filters)}
        audit_list(self.model, action, self.request.user, **data, **searched)


class AuditedChooserMixin:
    """The chooser's first page and each refreshed page of results (search, paging) it fetches."""

    def render_to_response(self):
        data = {"references": references(self.results), **search_summary(self.filter_form.search_query)}
        audit_list(self.model_class, CHOOSER_VIEWED, self.request.user, **data)
        return super().render_to_response()


def audited(view_class, mixin, **attrs):
    """``view_class`` with ``mixin`` in front, so one mixin serves Wagtail's snippet and generic views."""
    return type(view_class.__name__, (mixin, view_class), attrs)
