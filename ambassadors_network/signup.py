"""Serving the programme page's sign-up form and storing a sign-up.

Built on the shared pieces from positive_action: spam checks (reCAPTCHA verdict with a spam-review hold,
honeypot, per-IP rate limit), the one-time submission token against double posts, short references and
the durable email outbox. The record, its timeline entry and its emails are written in one transaction.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from positive_action.models import SupportSettings
from positive_action.outbox import queue_email
from positive_action.submissions import (
    add_other_reference,
    claim_submission,
    new_record_reference,
    new_submission_token,
    record_receipt,
    token_from,
)
from recruitment_site.core import spam

from .forms import AmbassadorSignupForm
from .models import Ambassador, AmbassadorEvent, AmbassadorNetwork, EntryKind

SCOPE = "ambassador-signup"
REFERENCE_PREFIX = "CA"
DONE_PARAMETER = "done"
DONE_SALT = "ambassadors_network.signup.done"
# How long the confirmation address keeps working after the redirect (a refresh shows it again).
DONE_MAX_AGE = 60 * 60


def serve_signup_page(page, request):
    response = handle_post(page, request) if request.method == "POST" else handle_get(page, request)
    # The form carries a CSRF token and a one-time token: it must never be cached or shared.
    add_never_cache_headers(response)
    return response


def handle_get(page, request):
    reference = confirmed_reference(request.GET.get(DONE_PARAMETER, ""))
    if reference:
        return TemplateResponse(request, page.thanks_template, {"page": page, "reference": reference})
    return render_form(page, request, AmbassadorSignupForm())


def handle_post(page, request):
    if spam.rate_limited(request, SCOPE):
        return spam.rate_limited_response(request)
    form = AmbassadorSignupForm(request.POST)
    if spam.honeypot_filled(request.POST):
        form.is_valid()
        form.add_error(None, _("We could not accept this form. Please leave the last hidden field empty."))
        return render_form(page, request, form, status=400)
    if not form.is_valid():
        return render_form(page, request, form, token=request.POST.get("submission_token", ""))
    reference = sign_up(form, spam.recaptcha_verdict(request), token_from(request.POST), request)
    return redirect(f"{page.url}?{DONE_PARAMETER}={signing.dumps(reference, salt=DONE_SALT)}")


def render_form(page, request, form, status=200, token=""):
    recaptcha_site_key = settings.RECAPTCHA_PUBLIC_KEY if spam.recaptcha_enabled() else ""
    context = {
        "page": page,
        "form": form,
        # A failed post keeps its token so a later successful post is still recognised as the same one.
        "submission_token": token_from({"submission_token": token}) if token else new_submission_token(),
        "recaptcha_site_key": recaptcha_site_key,
    }
    response = TemplateResponse(request, page.template, context, status=status)
    if recaptcha_site_key:
        response._csp_update = spam.recaptcha_csp_update()
    return response


def confirmed_reference(signed):
    if not signed:
        return ""
    try:
        return signing.loads(signed[:200], salt=DONE_SALT, max_age=DONE_MAX_AGE)
    except signing.BadSignature:
        return ""


def sign_up(form, verdict, token, request):
    """Store one sign-up (or find the earlier one for this token) and return the reference shown."""
    team_email = SupportSettings.for_request(request).team_email
    with transaction.atomic():
        receipt, is_new = claim_submission(token, SCOPE)
        if not is_new:
            return receipt.reference
        existing = None
        if not verdict.needs_review:
            existing = Ambassador.objects.reviewed().open().with_email(form.cleaned_data["email"]).first()
        if existing:
            record, reference = join_existing(existing, form), new_reference()
            add_other_reference(existing, reference, "updated_at")
        else:
            record = create_record(form, verdict)
            reference = record.reference
        record_receipt(receipt, reference, record)
        if not record.needs_spam_review:
            queue_signup_emails(record, reference, team_email, joined=bool(existing))
    return reference


def new_reference():
    return new_record_reference(REFERENCE_PREFIX, Ambassador)


def record_fields(form):
    data = form.cleaned_data
    return {
        "name": data["name"],
        "email": data["email"],
        "phone": data["phone"],
        "organisation": data["organisation"],
        "community_role": data["community_role"],
        "other_communities": data["other_communities"],
        "languages": data["languages"],
        "time_commitment": data["time_commitment"],
        "motivation": data["motivation"],
    }


def create_record(form, verdict):
    record = Ambassador.objects.create(
        reference=new_reference(),
        consented_at=timezone.now(),
        needs_spam_review=verdict.needs_review,
        spam_review_reason=verdict.reason[:200] if verdict.needs_review else "",
        **record_fields(form),
    )
    record.boroughs.set(form.cleaned_data["boroughs"])
    record.communities.set(form.cleaned_data["communities"])
    AmbassadorNetwork.objects.bulk_create(
        AmbassadorNetwork(ambassador=record, network=network) for network in form.cleaned_data["networks"]
    )
    AmbassadorEvent.objects.create(record=record, kind=EntryKind.SIGNED_UP)
    return record


def join_existing(record, form):
    """A second sign-up from the same email joins the open record as a timeline entry holding what the
    person said this time, so nothing they wrote is lost."""
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


def record_admin_url(record):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("ambassadors:inspect", args=[record.pk])


def queue_signup_emails(record, reference, team_email, joined=False):
    """The person's confirmation and the team's notice, written to the outbox in the caller's transaction."""
    context = {"record": record, "reference": reference, "joined": joined}
    queue_email(
        reference=record.reference,
        recipient=record.email,
        subject=_("Your ambassador sign-up: %(reference)s") % {"reference": reference},
        body=render_to_string("ambassadors_network/email/confirmation.txt", context),
        kind="confirmation",
    )
    if team_email:
        context["admin_url"] = record_admin_url(record)
        subject = (
            _("Ambassador signed up again: %(reference)s")
            if joined
            else _("New ambassador sign-up: %(reference)s")
        )
        queue_email(
            reference=record.reference,
            recipient=team_email,
            subject=subject % {"reference": record.reference},
            body=render_to_string("ambassadors_network/email/team_notification.txt", context),
            kind="team notification",
        )
