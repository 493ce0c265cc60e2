from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from positive_action.removal import DELETE_SPAM_HOOK
from positive_action.views.reports import RETAINED_ANSWERS_HOOK

from . import urls
from .erasure import ERASED_ACTION, SPAM_DELETED_ACTION, delete_as_spam
from .retention import ANONYMISED_ACTION, RETENTION_RUN_ACTION, RetainedAnswers
from .subject_access import SUBJECT_ACCESS_DOWNLOADED, SUBJECT_ACCESS_VIEWED

LOG_ACTIONS = {
    SUBJECT_ACCESS_VIEWED: _("Viewed a subject access copy"),
    SUBJECT_ACCESS_DOWNLOADED: _("Downloaded a subject access copy"),
    ERASED_ACTION: _("Erased a person's data"),
    SPAM_DELETED_ACTION: _("Deleted as spam"),
    ANONYMISED_ACTION: _("Anonymised after the retention period"),
    RETENTION_RUN_ACTION: _("Applied the retention schedule"),
}


@hooks.register("register_admin_urls")
def register_data_protection_urls():
    return [path("data-protection/", include(urls, namespace="data_protection"))]


@hooks.register("register_log_actions")
def register_data_protection_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register(RETAINED_ANSWERS_HOOK)
def answers_kept_after_anonymisation():
    """The equality report counts people whose records retention anonymised, from the counts it kept."""
    return RetainedAnswers()


# The support queue and the ambassador network delete spam holds through this, so nothing is left behind.
hooks.register(DELETE_SPAM_HOOK, delete_as_spam)
