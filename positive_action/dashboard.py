from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from .models import SupportRequest, SupportSettings

VIEW_PERMISSION = "positive_action.view_supportrequest"


class SupportQueuePanel(Component):
    """Counts on the admin home screen for today's work: due today, overdue, mine, new and unassigned, and
    waiting for spam review, each linking to the queue filtered to exactly those records."""

    name = "support_queue"
    order = 50
    template_name = "positive_action/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        days = SupportSettings.for_request(self.request).first_contact_working_days
        queue = SupportRequest.objects.in_queue().open()
        today = timezone.localdate()
        index = reverse("support_queue:list")
        oldest_hold = (
            SupportRequest.objects.spam_review().order_by("created").values_list("created", flat=True).first()
        )
        return {
            # Held submissions wait for a person: how long the oldest has waited says whether anyone is looking.
            "oldest_hold": oldest_hold,
            "counts": [
                (_("Due today"), queue.filter(next_contact_date=today).count(), f"{index}?due_today=true"),
                (_("Overdue"), SupportRequest.objects.overdue(days, today).count(), f"{index}?overdue=true"),
                (_("Mine"), queue.filter(owner=self.request.user).count(), f"{index}?owner=mine"),
                (
                    _("New and unassigned"),
                    queue.filter(stage="new", owner__isnull=True).count(),
                    f"{index}?stage=new&owner=unassigned",
                ),
                (
                    _("Spam review"),
                    SupportRequest.objects.spam_review().count(),
                    f"{index}?needs_spam_review=true",
                ),
            ],
        }
