"""Next steps: where a visitor can go when they reach the end of a page, so no page is a dead end.

The steps point at pages of apps above this one (the support registration, the ambassador programme),
so those apps describe their own step and register it with ``@hooks.register(NEXT_STEPS_HOOK)``: a
function returning a list of ``NextStep``. This app adds the events step. A page type lists the steps
relevant to it, in order, in ``next_step_keys``; editors can replace them on a page with steps of their
own (``NextStepsFields.next_steps``).

Which page each step leads to is looked up once per content version (``shared``), as plain strings, so
the lookup costs nothing on most requests and the words stay translatable at render time.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.caching import shared

NEXT_STEPS_HOOK = "register_next_steps"

SUPPORT = "support"
AMBASSADOR = "ambassador"
EVENTS = "events"


@dataclass(frozen=True)
class NextStep:
    key: str
    heading: Any
    text: Any
    label: Any
    find_page: Callable[[], Any]  # the live, public page the step leads to, or None


def events_step():
    # The model by name: the page models import this module.
    return [
        NextStep(
            key=EVENTS,
            heading=_("Come to an event"),
            text=_("Meet officers and our diversity team at an information session or community event."),
            label=_("See upcoming events"),
            find_page=lambda: apps.get_model("home", "EventIndexPage").objects.live().public().first(),
        )
    ]


def registered_steps():
    steps = {step.key: step for step in events_step()}
    for steps_from_app in hooks.get_hooks(NEXT_STEPS_HOOK):
        steps.update({step.key: step for step in steps_from_app()})
    return steps


def step_urls(request):
    """{key: url} of every step whose page is live and public."""

    def build():
        urls = {}
        for key, step in registered_steps().items():
            page = step.find_page()
            if page is not None:
                urls[key] = page.localized.get_url(request)
        return urls

    return shared(request, "next-step-urls", [], build)


def default_steps(page, request, keys):
    urls = step_urls(request)
    steps = registered_steps()
    own_url = page.get_url(request) if page is not None and page.pk else None
    return [
        {"heading": steps[key].heading, "text": steps[key].text, "label": steps[key].label, "url": urls[key]}
        for key in keys
        if key in steps and urls.get(key) and urls[key] != own_url
    ]


def editor_steps(page):
    return [
        {"heading": value["heading"], "text": value["description"], "label": value.button_text(), "url": url}
        for value in (block.value for block in page.next_steps)
        if (url := value.button_url())
    ]


def steps_for(page, request):
    """The editor's steps for this page when there are any, otherwise the page type's usual ones."""
    chosen = editor_steps(page) if getattr(page, "next_steps", None) else []
    return chosen or default_steps(
        page, request, getattr(page, "next_step_keys", (SUPPORT, AMBASSADOR, EVENTS))
    )
