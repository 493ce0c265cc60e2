"""A plain 403 for staff who open an ambassador URL their role does not allow.

Wagtail's admin turns a refused permission into a redirect to the dashboard with a message; for personal
data the brief asks for a real 403, so each ambassador URL checks its permission before Wagtail's view runs.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

APP = "ambassadors_network"
VIEW_ANY = (f"{APP}.view_ambassador", f"{APP}.change_ambassador", f"{APP}.delete_ambassador")

# URL name -> the permissions of which the user needs at least one.
REQUIRED = {
    "index": VIEW_ANY,
    "index_results": VIEW_ANY,
    "inspect": VIEW_ANY,
    "history": VIEW_ANY,
    "history_results": VIEW_ANY,
    "usage": VIEW_ANY,
    "add": (f"{APP}.add_ambassador",),
    "edit": (f"{APP}.change_ambassador",),
    # Not "delete": Wagtail's generic delete would leave the person's emails and audit mentions behind, so
    # it is refused to everyone; a held sign-up is deleted as spam, a person erased by a lead.
    "delete_spam": (f"{APP}.delete_ambassador",),
    "change_status": (f"{APP}.change_ambassador",),
    "log_contact": (f"{APP}.change_ambassador",),
    "add_note": (f"{APP}.change_ambassador",),
    "release": (f"{APP}.change_ambassador",),
    "export": (f"{APP}.export_ambassador",),
    "report": (f"{APP}.view_ambassador_report",),
}


def require_any(permissions):
    """Decorate a view: users with none of ``permissions`` get a 403 before the view runs."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if user.is_authenticated and not any(user.has_perm(permission) for permission in permissions):
                return permission_denied(request, PermissionDenied())
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def guard_urlpatterns(patterns):
    """Wrap each pattern's view with the permission its name needs; an unlisted name is refused outright."""
    for pattern in patterns:
        pattern.callback = require_any(REQUIRED.get(pattern.name, ()))(pattern.callback)
    return patterns
