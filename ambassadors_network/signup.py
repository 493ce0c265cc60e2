"""The programme page's sign-up form, on the same flow as the support registration (SubmissionFlow):
spam checks with a spam-review hold, the one-time submission token against double posts, short references
and the durable email outbox. The record, its timeline entry and its emails are written in one transaction.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from positive_action.submissions import SubmissionFlow

from .forms import AmbassadorSignupForm
from .models.ambassadors import Ambassador, AmbassadorEvent, AmbassadorNetwork
from .models.choices import EntryKind


class AmbassadorSignupFlow(SubmissionFlow):
    form_class = AmbassadorSignupForm
    record_model = Ambassador
    scope = "ambassador-signup"
    reference_prefix = "CA"
    done_salt = "ambassadors_network.signup.done"
    updated_field = "updated"
    email_folder = "ambassadors_network/email"
    admin_url_name = "ambassadors:inspect"
    confirmation_subject = _("Your ambassador sign-up: %(reference)s")
    team_subject = _("New ambassador sign-up: %(reference)s")
    team_subject_joined = _("Ambassador signed up again: %(reference)s")

    def open_record_for(self, form, service):
        return Ambassador.objects.reviewed().open().with_email(form.cleaned_data["email"]).first()

    def create_record(self, form, verdict, reference):
        record = Ambassador.objects.create(
            reference=reference,
            consented_at=timezone.now(),
            needs_spam_review=verdict.needs_review,
            spam_reason=verdict.reason[:200] if verdict.needs_review else "",
            **record_fields(form),
        )
        record.boroughs.set(form.cleaned_data["boroughs"])
        record.communities.set(form.cleaned_data["communities"])
        AmbassadorNetwork.objects.bulk_create(
            AmbassadorNetwork(ambassador=record, network=network) for network in form.cleaned_data["networks"]
        )
        AmbassadorEvent.objects.create(record=record, kind=EntryKind.SIGNED_UP)
        return record

    def join_existing(self, record, form):
        data = form.cleaned_data
        answers = {
            **{name: value for name, value in record_fields(form).items() if name != "motivation"},
            "boroughs": [borough.name for borough in data["boroughs"]],
            "communities": [community.name for community in data["communities"]],
            "networks": data["networks"],
        }
        AmbassadorEvent.objects.create(
            record=record, kind=EntryKind.DUPLICATE, text=data["motivation"], data=answers
        )
        return record


def record_fields(form):
    data = form.cleaned_data
    return {
        "name": data["name"],
        "email": data["email"],
        "phone": data["phone"],
        **form.contact_preferences(),
        "organisation": data["organisation"],
        "community_role": data["community_role"],
        "other_communities": data["other_communities"],
        "languages": data["languages"],
        "time_commitment": data["time_commitment"],
        "motivation": data["motivation"],
    }
