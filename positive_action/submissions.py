"""One flow for every public form, and its double-submit guard: a one-time token in a hidden field.

``SubmissionFlow`` serves a form page: GET shows the empty form (or, after the redirect, the thank-you
page with the reference); POST checks the rate limit, the honeypot and the form, asks reCAPTCHA for a
verdict and stores the submission once, then redirects. A subclass says what its record is, how a second
submission from the same person joins the open record, and which emails go out.

The double-submit guard:
The form page writes ``new_submission_token()`` into a hidden field. Processing the post calls
``claim_submission(token, scope)`` inside its transaction: the first post with a token gets a new
receipt and does the work; any repeat (refresh, double click, back-and-resubmit, a concurrent duplicate
post) finds the existing receipt and shows the same confirmation. The unique column makes this hold
across processes: a concurrent insert waits for the first transaction, then inserts nothing.

One record per person:
A person who sends the form twice at once (two tabs: two tokens) must still get one record, the second
post joining it. Whether a record is open to join is a query (its stage or status; for support requests
also the duplicate window), which no unique index can express, so the flow takes a lock on the person:
``lock_person`` before looking for their open record, held until the transaction ends. A second post from
the same email waits there, then finds the first's committed record and joins it.
"""

import hashlib
import logging
import uuid
from abc import ABC, abstractmethod

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from home.views import DATABASE_RETRY_AFTER, database_is_unavailable
from recruitment_site.core import spam
from recruitment_site.core.references import unique_reference

from .models.site_settings import SupportSettings
from .models.submissions import SubmissionReceipt
from .outbox import queue_emails

logger = logging.getLogger(__name__)

TOKEN_FIELD = "submission_token"


def new_submission_token():
    return str(uuid.uuid4())


def token_from(data):
    """The posted token as a UUID; a missing or malformed one (a bot, a stale page) gets a fresh one."""
    try:
        return uuid.UUID(str(data.get(TOKEN_FIELD, ""))[:64])
    except ValueError:
        return uuid.uuid4()


def claim_submission(token, scope, reference=""):
    """(receipt, is_new). Call inside transaction.atomic(). A caller that already knows the reference it
    will show passes it, and ``record_receipt`` then writes nothing unless the record's reference differs."""
    receipt = SubmissionReceipt(
        token=token, scope=scope, reference=reference, record_reference=reference, created=timezone.now()
    )
    receipt.pk = insert_unless_claimed(receipt)
    if receipt.pk is None:
        return SubmissionReceipt.objects.get(token=token), False
    return receipt, True


RECEIPT_COLUMNS = ("token", "scope", "reference", "record_reference", "created")


def insert_unless_claimed(receipt):
    """The new row's id, or None when the token is already claimed. One statement (INSERT … ON CONFLICT
    DO NOTHING, on PostgreSQL and SQLite) instead of a savepoint around an insert that may fail: three
    round trips fewer on every registration, with the same guarantee from the unique column."""
    meta, quote = SubmissionReceipt._meta, connection.ops.quote_name
    fields = [meta.get_field(name) for name in RECEIPT_COLUMNS]
    params = [field.get_db_prep_save(getattr(receipt, field.attname), connection) for field in fields]
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({quote(meta.get_field('token').column)}) DO NOTHING RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


def lock_person(scope, email):
    """Hold the lock on this person's submissions to one form until the transaction ends; a simultaneous
    post from the same email waits here until this one has committed its record (issue 15).

    PostgreSQL: a transaction-level advisory lock, one statement, nothing written. A lock row would do the
    same with a table that grows with every address and keeps a trace of each person after erasure; the
    advisory lock leaves nothing behind and is released on commit or rollback, also when a worker dies.
    The waiting post sees the first's record because its next query takes a fresh snapshot, as every
    statement does at READ COMMITTED (Django's default); REPEATABLE READ would hide it.
    SQLite: nothing to do. The settings begin every transaction IMMEDIATE, taking the database's one write
    lock, so whole submissions already run one after another."""
    if connection.vendor == "sqlite":
        return
    if connection.vendor != "postgresql":
        # The site runs on SQLite or PostgreSQL (README, "Databases and settings"); on any other database
        # two simultaneous posts could make two records, so refuse rather than lose the guarantee quietly.
        raise ImproperlyConfigured(
            f"The public forms support SQLite and PostgreSQL, not {connection.vendor}: one record per person "
            "needs a per-person lock (positive_action/submissions.py lock_person)."
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [person_lock_id(scope, email)])


def person_lock_id(scope, email):
    """The advisory lock's 64-bit key. Addresses that the open-record queries treat as one (``iexact``,
    which compares UPPER() on PostgreSQL) get one key; two people sharing a key by chance only wait for
    each other, and each still joins by the query alone. The key is an unkeyed hash because it is never
    stored: it lives in the lock table while the transaction runs, and does not change with SECRET_KEY,
    so workers deployed with old and new keys still lock each other out."""
    person = f"one-person-lock:{scope}:{email.strip().upper()}"
    return int.from_bytes(hashlib.sha256(person.encode()).digest()[:8], "big", signed=True)


def new_record_reference(prefix, model):
    """A reference no record of ``model`` and no receipt (which keeps the references of joined
    submissions) already uses."""

    def is_taken(candidate):
        # One query for both tables: this runs on every registration.
        records = model.objects.filter(reference=candidate).values("reference")
        receipts = SubmissionReceipt.objects.filter(reference=candidate).values("reference")
        return records.union(receipts, all=True).exists()

    return unique_reference(prefix, is_taken)


def add_other_reference(record, reference, updated_field):
    """A repeat submission joined to ``record`` keeps its own reference there, so staff can find it."""
    record.other_references = f"{record.other_references} {reference}".strip()[:500]
    record.save(update_fields=["other_references", updated_field])


def record_receipt(receipt, reference, record):
    if (receipt.reference, receipt.record_reference) == (reference, record.reference):
        return
    receipt.reference, receipt.record_reference = reference, record.reference
    receipt.save(update_fields=["reference", "record_reference"])


HONEYPOT_MESSAGE = _(
    "We could not accept this form. Please try again, leaving the field marked “Leave this empty” blank."
)
OUTAGE_MESSAGE = _(
    "We could not save your form because our system is unavailable for a moment. Nothing has been sent, "
    "and your answers are still here: please press the button to send it again in a minute or two."
)
DONE_PARAMETER = "done"
# How long the confirmation address keeps working after the redirect (a refresh shows it again).
DONE_MAX_AGE = 60 * 60


class SubmissionFlow(ABC):
    """A public form page, from the empty form to the stored record and its emails."""

    form_class = None
    record_model = None
    scope = ""  # names the rate limit and the receipts
    reference_prefix = ""
    done_salt = ""
    updated_field = "updated"
    email_folder = ""  # holds confirmation.txt and team_notification.txt
    admin_url_name = ""
    confirmation_subject = ""  # each subject has a %(reference)s
    team_subject = ""
    team_subject_joined = ""

    def __init__(self, page, request):
        self.page = page
        self.request = request

    def serve(self):
        response = self.handle_post() if self.request.method == "POST" else self.handle_get()
        # A form page carries a CSRF token and a one-time token: it must never be cached or shared.
        add_never_cache_headers(response)
        return response

    def handle_get(self):
        confirmed = self.confirmed(self.request.GET.get(DONE_PARAMETER, ""))
        if confirmed:
            # ``held``: stored for a person to check before anyone replies (the spam check could not
            # confirm a person sent it, as when JavaScript is off), so no confirmation email has gone.
            context = {"page": self.page, "reference": confirmed["reference"], "held": confirmed["held"]}
            return TemplateResponse(self.request, self.page.thanks_template, context)
        return self.render_form(self.form_class(initial=self.initial_data()))

    def initial_data(self):
        return {}

    def handle_post(self):
        request = self.request
        if spam.rate_limited(request, self.scope):
            return spam.rate_limited_response(request)
        form = self.form_class(request.POST)
        if spam.honeypot_filled(request.POST):
            form.is_valid()
            form.add_error(None, HONEYPOT_MESSAGE)
            return self.render_form(form, status=400)
        if not form.is_valid():
            # A failed post keeps its token, so a later successful post is still recognised as the same one.
            return self.render_form(form, token=request.POST.get(TOKEN_FIELD, ""))
        try:
            reference, held = self.store(form, spam.recaptcha_verdict(request), token_from(request.POST))
        except Exception as error:
            if not database_is_unavailable(error):
                raise
            return self.outage_response(form, error)
        done = signing.dumps({"reference": reference, "held": held}, salt=self.done_salt)
        return redirect(f"{self.page.url}?{DONE_PARAMETER}={done}")

    def outage_response(self, form, error):
        """The form again, with everything the person typed and a message saying nothing was saved. If
        the page cannot be drawn without the database either, DatabaseUnavailableMiddleware answers
        with a page that can send the same answers again (home/views.py)."""
        logger.error(
            "Database unavailable while storing a %s submission: %s", self.scope, type(error).__name__
        )
        form.add_error(None, OUTAGE_MESSAGE)
        response = self.render_form(form, status=503, token=self.request.POST.get(TOKEN_FIELD, ""))
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response

    def render_form(self, form, status=200, token=""):
        recaptcha_site_key = settings.RECAPTCHA_PUBLIC_KEY if spam.recaptcha_enabled() else ""
        context = {
            "page": self.page,
            "form": form,
            "submission_token": token_from({TOKEN_FIELD: token}) if token else new_submission_token(),
            "recaptcha_site_key": recaptcha_site_key,
        }
        response = TemplateResponse(self.request, self.page.template, context, status=status)
        if recaptcha_site_key:
            response._csp_update = spam.recaptcha_csp_update()
        return response

    def confirmed(self, signed):
        """{"reference", "held"} from the signed confirmation address, or None."""
        if not signed:
            return None
        try:
            value = signing.loads(signed[:300], salt=self.done_salt, max_age=DONE_MAX_AGE)
        except signing.BadSignature:
            return None
        # Addresses signed before "held" was added carry the reference alone.
        return {"reference": value, "held": False} if isinstance(value, str) else value

    def store(self, form, verdict, token):
        """Store one submission (or find the earlier one for this token); return the reference shown and
        whether the record is held for spam review."""
        service = SupportSettings.for_request(self.request)
        with transaction.atomic():
            # The reference shown is new whether the submission makes a record or joins one, so the
            # receipt is written with it at once and only a join has to update it.
            reference = new_record_reference(self.reference_prefix, self.record_model)
            receipt, is_new = claim_submission(token, self.scope, reference)
            if not is_new:
                held = self.record_model.objects.filter(
                    reference=receipt.record_reference, needs_spam_review=True
                ).exists()
                return receipt.reference, held
            existing = None if verdict.needs_review else self.joinable_record(form, service)
            if existing:
                record = self.join_existing(existing, form)
                add_other_reference(existing, reference, self.updated_field)
            else:
                record = self.create_record(form, verdict, reference)
            record_receipt(receipt, reference, record)
            self.after_storing(record, form)
            if not record.needs_spam_review:
                self.queue_emails(record, reference, service, joined=bool(existing))
        return reference, record.needs_spam_review

    def joinable_record(self, form, service):
        """The open record this submission joins, looked for under the person's lock (see the module's
        docstring). A submission held for spam review never joins, so it takes no lock: stored beside a
        simultaneous post, it ends as it would have had it come second: a record of its own."""
        lock_person(self.scope, form.cleaned_data["email"])
        return self.open_record_for(form, service)

    @abstractmethod
    def open_record_for(self, form, service):
        """The person's open record, which a second submission from the same email joins, or None."""

    @abstractmethod
    def create_record(self, form, verdict, reference):
        """The new record for this submission, with its first timeline entry."""

    @abstractmethod
    def join_existing(self, record, form):
        """Add this submission to ``record`` as a timeline entry, so nothing the person wrote is lost."""

    def after_storing(self, record, form):  # noqa: B027 - an optional step: most forms store nothing more
        """What else the submission holds beyond the record, stored in the same transaction."""

    @classmethod
    def queue_emails(cls, record, reference, service, joined=False):
        """The person's confirmation and the team's notice, written to the outbox in the caller's
        transaction; also used when a submission held for spam review is released.

        Both are rendered here, and the outbox keeps the finished subject and body: a retry, or a worker
        running in another language, sends exactly what was written. So the language is chosen here, from
        the record: the person's email in the language they asked to be contacted in (whoever triggers it,
        a visitor on any page or staff releasing a held submission), the team's in the site's default."""
        context = {"record": record, "reference": reference, "service": service, "joined": joined}
        with translation.override(record.email_language):
            confirmation_context = {**context, **cls.confirmation_context(record, service)}
            emails = [cls.confirmation_email(record, reference, confirmation_context)]
        if service.team_email:
            with translation.override(settings.LANGUAGE_CODE):
                emails.append(cls.team_email(record, service, joined, context))
        queue_emails(emails)

    @classmethod
    def confirmation_context(cls, record, service):
        """What a form's confirmation template needs beyond the record, computed in the person's language."""
        return {}

    @classmethod
    def confirmation_email(cls, record, reference, context):
        return dict(
            reference=record.reference,
            recipient=record.email,
            subject=cls.confirmation_subject % {"reference": reference},
            body=render_to_string(f"{cls.email_folder}/confirmation.txt", context),
            kind="confirmation",
        )

    @classmethod
    def team_email(cls, record, service, joined, context):
        admin_path = reverse(cls.admin_url_name, args=[record.pk])
        context = {**context, "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path}
        subject = cls.team_subject_joined if joined else cls.team_subject
        return dict(
            reference=record.reference,
            recipient=service.team_email,
            subject=subject % {"reference": record.reference},
            body=render_to_string(f"{cls.email_folder}/team_notification.txt", context),
            kind="team notification",
        )
