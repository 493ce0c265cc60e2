from .checker import EligibilityCheckerPage
from .email_templates import CaseworkEmailTemplate
from .equality import QUESTIONS, EqualityMonitoring
from .outbox import EmailDelivery
from .pages import SupportRegistrationPage
from .site_settings import SupportSettings
from .submissions import SubmissionReceipt
from .support import SupportRequest, SupportRequestEvent
from .timeline import TimelineEntry
from .worker import WorkerHeartbeat

__all__ = [
    "CaseworkEmailTemplate",
    "QUESTIONS",
    "EligibilityCheckerPage",
    "EmailDelivery",
    "EqualityMonitoring",
    "SubmissionReceipt",
    "SupportRegistrationPage",
    "SupportRequest",
    "SupportRequestEvent",
    "SupportSettings",
    "TimelineEntry",
    "WorkerHeartbeat",
]
