"""Serving the registration page and storing a registration: the record, its timeline entry, equality
answers and outgoing emails are written in one transaction, or not at all."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from recruitment_site.core import spam

from .forms import SupportRegistrationForm
from .models import EqualityMonitoring, SupportRequest, SupportRequestEvent, SupportSettings
from .outbox import queue_emails
from .submissions import (
    add_other_reference,
    claim_submission,
    new_record_reference,
    new_submission_token,
    record_receipt,
    token_from,
)

SCOPE = "support-registration"
HONEYPOT_MESSAGE = _(
    "We could not accept this form. Please try again, leaving the field marked “Leave this empty” blank."
)
REFERENCE_PREFIX = "PA"
DONE_PARAMETER = "done"
DONE_SALT = "positive_action.registration.done"
# How long the confirmation link keeps working after the redirect (a refresh shows it again).
DONE_MAX_AGE = 60 * 60


def serve_registration_page(page, request):
    if request.method == "POST":
        response = handle_post(page, request)
    else:
        response = handle_get(page, request)
    # A form page carries a CSRF token and a one-time token: it must never be cached or shared.
    add_never_cache_headers(response)
    return response


def handle_get(page, request):
    reference = confirmed_reference(request.GET.get(DONE_PARAMETER, ""))
    if reference:
        return TemplateResponse(request, page.thanks_template, {"page": page, "reference": reference})
    referral = request.GET.get("ref", "").strip()[:32]
    form = SupportRegistrationForm(initial={"referral_code": referral})
    return render_form(page, request, form)


def handle_post(page, request):
    if spam.rate_limited(request, SCOPE):
        return spam.rate_limited_response(request)
    form = SupportRegistrationForm(request.POST)
    if spam.honeypot_filled(request.POST):
        form.is_valid()
        form.add_error(None, HONEYPOT_MESSAGE)
        return render_form(page, request, form, status=400)
    if not form.is_valid():
        return render_form(page, request, form, token=request.POST.get("submission_token", ""))
    verdict = spam.recaptcha_verdict(request)
    reference = register(form, verdict, token_from(request.POST), request)
    return redirect(f"{page.url}?{DONE_PARAMETER}={signing.dumps(reference, salt=DONE_SALT)}")


def render_form(page, request, form, status=200, token=""):
    context = {
        "page": page,
        "form": form,
        "submission_token": token_from({"submission_token": token}) if token else new_submission_token(),
        "recaptcha_site_key": settings.RECAPTCHA_PUBLIC_KEY if spam.recaptcha_enabled() else "",
    }
    response = TemplateResponse(request, page.template, context, status=status)
    if context["recaptcha_site_key"]:
        response._csp_update = spam.recaptcha_csp_update()
    return response


def confirmed_reference(signed):
    if not signed:
        return ""
    try:
        return signing.loads(signed[:200], salt=DONE_SALT, max_age=DONE_MAX_AGE)
    except signing.BadSignature:
        return ""


def register(form, verdict, token, request):
    """Store one registration (or find the earlier one for this token) and return the reference shown."""
    service = SupportSettings.for_request(request)
    with transaction.atomic():
        # The reference shown is new whether the registration makes a record or joins one, so the
        # receipt is written with it at once and only a join has to update it.
        reference = new_reference()
        receipt, is_new = claim_submission(token, SCOPE, reference)
        if not is_new:
            return receipt.reference
        existing = None
        if not verdict.needs_review:
            existing = SupportRequest.objects.open_for_email(
                form.cleaned_data["email"], service.duplicate_window_days
            ).first()
        if existing:
            record = join_existing(existing, form)
            add_other_reference(existing, reference, "updated")
        else:
            record = create_record(form, verdict, reference)
        record_receipt(receipt, reference, record)
        save_equality_answers(record, form.equality_answers())
        if not record.needs_spam_review:
            queue_registration_emails(record, reference, service, joined=bool(existing))
    return reference


def new_reference():
    return new_record_reference(REFERENCE_PREFIX, SupportRequest)


def record_fields(form):
    data = form.cleaned_data
    return {
        "name": data["name"],
        "email": data["email"],
        "phone": data["phone"],
        "preferred_contact": data["preferred_contact"],
        "borough": form.borough_instance(),
        "role_of_interest": data["role_of_interest"],
        "application_progress": data["application_progress"],
        "access_needs": data["access_needs"],
        "heard_about": data["heard_about"],
        "referral_code": data["referral_code"] or None,
    }


def create_record(form, verdict, reference):
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


def join_existing(record, form):
    """A second registration from the same email joins the open record as a timeline entry, with what
    the person said this time, so nothing they wrote is lost."""
    fields = record_fields(form)
    answers = {
        "preferred_contact": fields["preferred_contact"],
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


def save_equality_answers(record, answers):
    if not any(answers.values()):
        return
    EqualityMonitoring.objects.update_or_create(support_request=record, defaults=answers)


def record_admin_url(record):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("support_queue:inspect", args=[record.pk])


def queue_registration_emails(record, reference, service, joined=False, page=None):
    context = {"record": record, "reference": reference, "service": service, "joined": joined}
    emails = [
        dict(
            reference=record.reference,
            recipient=record.email,
            subject=f"Your registration for support: {reference}",
            body=render_to_string("positive_action/email/confirmation.txt", context),
            kind="confirmation",
        )
    ]
    if service.team_email:
        context["admin_url"] = record_admin_url(record)
        emails.append(
            dict(
                reference=record.reference,
                recipient=service.team_email,
                subject=f"{'Registered again' if joined else 'New registration'}: {record.reference}",
                body=render_to_string("positive_action/email/team_notification.txt", context),
                kind="team notification",
            )
        )
    queue_emails(emails)


def plain_text(rich_text):
    return strip_tags(rich_text or "").strip()
