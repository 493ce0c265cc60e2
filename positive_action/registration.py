"""The support registration page's form: the record, its timeline entry, equality answers and outgoing
emails are written in one transaction, or not at all (the flow itself is SubmissionFlow's)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import SupportType
from .contact_preferences import first_contact_promise
from .forms import SupportRegistrationForm
from .models.equality import EqualityMonitoring
from .models.support import SupportRequest, SupportRequestEvent
from .submissions import SubmissionFlow


class SupportRegistrationFlow(SubmissionFlow):
    form_class = SupportRegistrationForm
    record_model = SupportRequest
    scope = "support-registration"
    reference_prefix = "PA"
    done_salt = "positive_action.registration.done"
    updated_field = "updated"
    email_folder = "positive_action/email"
    admin_url_name = "support_queue:inspect"
    confirmation_subject = _("Your registration for support: %(reference)s")
    team_subject = _("New registration: %(reference)s")
    team_subject_joined = _("Registered again: %(reference)s")

    @classmethod
    def confirmation_context(cls, record, service):
        return {
            "first_contact": first_contact_promise(
                record.preferred_contact, service.first_contact_working_days
            )
        }

    def initial_data(self):
        # An ambassador's short link (/r/<code>/) arrives with ?ref=<code>; the eligibility checker's
        # outcomes with ?support=<kind>, ticked for the person (unknown kinds are ignored).
        # Sorted and without repeats: the blank form's questions are shared per set (form_questions).
        support = sorted(set(self.request.GET.getlist("support")) & set(SupportType.values))
        return {"referral_code": self.request.GET.get("ref", "").strip()[:32], "support_wanted": support}

    def open_record_for(self, form, service):
        return SupportRequest.objects.open_for_email(
            form.cleaned_data["email"], service.duplicate_window_days
        ).first()

    def create_record(self, form, verdict, reference):
        record = SupportRequest(
            reference=reference,
            consented_at=timezone.now(),
            needs_spam_review=verdict.needs_review,
            spam_reason=verdict.reason[:200],
            spam_score=verdict.score,
            **record_fields(form),
        )
        record.support_wanted_list = form.cleaned_data["support_wanted"]
        record.save()
        SupportRequestEvent.objects.create(record=record, kind=SupportRequestEvent.Kind.REGISTERED)
        return record

    def join_existing(self, record, form):
        fields = record_fields(form)
        answers = {
            "preferred_contact": fields["preferred_contact"],
            "callback_time": fields["callback_time"],
            "contact_language": fields["contact_language"],
            "interpreter": fields["interpreter"],
            "phone": fields["phone"],
            "role_of_interest": fields["role_of_interest"],
            "application_progress": fields["application_progress"],
            "support_wanted": form.cleaned_data["support_wanted"],
            "heard_about": fields["heard_about"],
            "referral_code": fields["referral_code"],
            "name": fields["name"],
        }
        SupportRequestEvent.objects.create(
            record=record,
            kind=SupportRequestEvent.Kind.REGISTERED_AGAIN,
            text=fields["access_needs"],
            data=answers,
        )
        return record

    def after_storing(self, record, form):
        save_equality_answers(record, form.equality_answers())


def record_fields(form):
    data = form.cleaned_data
    return {
        "name": data["name"],
        "email": data["email"],
        "phone": data["phone"],
        **form.contact_preferences(),
        "borough": form.borough_instance(),
        "role_of_interest": data["role_of_interest"],
        "application_progress": data["application_progress"],
        "access_needs": data["access_needs"],
        "heard_about": data["heard_about"],
        "referral_code": data["referral_code"] or None,
    }


def save_equality_answers(record, answers):
    if not any(answers.values()):
        return
    EqualityMonitoring.objects.update_or_create(support_request=record, defaults=answers)
