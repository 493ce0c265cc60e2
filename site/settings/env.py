"""Typed readers for environment variables.

Each helper returns ``default`` when the variable is unset or empty. Pass ``required=True`` where a
missing value must stop the process: production settings never invent a secret or a host name.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def _raw(name, required, why=""):
    value = os.environ.get(name, "").strip()
    if not value and required:
        reason = f" ({why})" if why else ""
        raise ImproperlyConfigured(
            f"The environment variable {name} is required by these settings but is not set{reason}. "
            "See docs/deployment.md for the full list."
        )
    return value


def env_str(name, default="", *, required=False, why=""):
    """``why``, for a required variable, is added to the error a missing one raises."""
    return _raw(name, required, why) or default


def env_bool(name, default=False, *, required=False):
    value = _raw(name, required).lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, not {value!r}.")


def env_int(name, default=0, *, required=False):
    value = _raw(name, required)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_float(name, default=0.0, *, required=False):
    value = _raw(name, required)
    if not value:
        return default
    try:
        return float(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from error


def env_list(name, default=(), *, required=False):
    value = _raw(name, required)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_positive_int(name, default, *, required=False):
    """A whole number of at least 1: for periods where 0 would silently mean "immediately"."""
    value = env_int(name, default, required=required)
    if value < 1:
        raise ImproperlyConfigured(f"{name} must be 1 or more, not {value!r}.")
    return value
