"""The diversity team as the queue shows them: who can own a record, and each person's name."""

from django.contrib.auth import get_user_model

from home.roles import PERSONAL_DATA_ROLES


def team_members():
    return (
        get_user_model()
        .objects.filter(groups__name__in=PERSONAL_DATA_ROLES)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def staff_name(user):
    """A member of staff by their full name, as colleagues know them; the username only if it has none."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
