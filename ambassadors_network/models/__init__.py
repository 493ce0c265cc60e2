from .ambassadors import (
    ATTRIBUTING_STATUSES,
    OPEN_STATUSES,
    Ambassador,
    AmbassadorEvent,
    AmbassadorNetwork,
)
from .choices import CommunityRole, ContactType, EntryKind, NetworkType, Status, TimeCommitment
from .pages import AmbassadorProgrammePage
from .referrals import Referral

__all__ = [
    "ATTRIBUTING_STATUSES",
    "OPEN_STATUSES",
    "Ambassador",
    "AmbassadorEvent",
    "AmbassadorNetwork",
    "AmbassadorProgrammePage",
    "CommunityRole",
    "ContactType",
    "EntryKind",
    "NetworkType",
    "Referral",
    "Status",
    "TimeCommitment",
]
