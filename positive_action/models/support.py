"""Support requests: a person who registered for positive-action support, and what happened since."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from positive_action.choices import (
    FINISHED_STAGES,
    ApplicationProgress,
    ContactKind,
    HeardAbout,
    RoleOfInterest,
    Stage,
    SupportType,
)
from recruitment_site.core.contact import INTERPRETER_WANTED
from recruitment_site.core.dates import months_before, start_of_day
from recruitment_site.core.models import PublicSubmission
from recruitment_site.core.working_days import working_days_before

from .timeline import TimelineEntry

SUPPORT_SEPARATOR = ","


class SupportRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(stage__in=FINISHED_STAGES)

    def in_queue(self):
        """The main queue: everything except submissions waiting for spam review."""
        return self.filter(needs_spam_review=False)

    def spam_review(self):
        return self.filter(needs_spam_review=True)

    def overdue_condition(self, first_contact_days, today=None):
        today = today or timezone.localdate()
        cutoff = start_of_day(working_days_before(today, first_contact_days))
        no_first_contact = models.Q(stage=Stage.NEW, created__lt=cutoff)
        missed_next_contact = models.Q(next_contact_date__lt=today) & ~models.Q(stage__in=FINISHED_STAGES)
        return no_first_contact | missed_next_contact

    def overdue(self, first_contact_days, today=None):
        return self.in_queue().filter(self.overdue_condition(first_contact_days, today))

    def with_overdue_flag(self, first_contact_days, today=None):
        return self.annotate(
            is_overdue=models.Case(
                models.When(self.overdue_condition(first_contact_days, today), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )

    def wanting(self, support_type):
        return self.filter(support_wanted__contains=f"{SUPPORT_SEPARATOR}{support_type}{SUPPORT_SEPARATOR}")

    def wanting_interpreter(self):
        return self.filter(interpreter__in=INTERPRETER_WANTED)

    def open_for_email(self, email, window_days):
        since = timezone.now() - timedelta(days=window_days)
        return self.open().filter(email__iexact=email, created__gte=since).order_by("-created")

    def for_list(self):
        return self.select_related("borough", "owner")

    # Retention (data_protection/retention.py). An anonymised record keeps no email, which marks it done.
    def not_anonymised(self):
        return self.exclude(email="")

    def expired_for_retention(self, now):
        """Finished requests whose personal data is past its retention period and not yet anonymised."""
        cutoff = months_before(now, settings.RETENTION_CLOSED_SUPPORT_MONTHS)
        finished = self.filter(stage__in=FINISHED_STAGES, needs_spam_review=False).not_anonymised()
        closed = Coalesce("closed_at", "updated")
        return finished.alias(closed=closed).filter(closed__lt=cutoff)

    def spam_review_waiting_since(self, before):
        """Held for spam review since before ``before`` and not yet checked by anyone."""
        return self.spam_review().filter(created__lt=before)


class SupportRequest(PublicSubmission):
    """One person's registration and the diversity team's work with them. Equality answers are kept
    apart in EqualityMonitoring and never read here."""

    borough = models.ForeignKey(
        "home.Borough",
        verbose_name=_("borough of residence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty when the person lives outside the force area"),
    )
    role_of_interest = models.CharField(_("role of interest"), max_length=20, choices=RoleOfInterest.choices)
    application_progress = models.CharField(
        _("where they are in the process"), max_length=20, choices=ApplicationProgress.choices
    )
    support_wanted = models.CharField(
        _("support wanted"),
        max_length=255,
        blank=True,
        help_text=_("Support type codes between commas, so one can be filtered on any database"),
    )
    access_needs = models.TextField(_("access needs"), blank=True, max_length=2000)
    heard_about = models.CharField(_("how they heard"), max_length=20, choices=HeardAbout.choices)
    # The brief asks for NULL when there was no ?ref= link, so "no code" and "empty code" never mix.
    referral_code = models.CharField(  # noqa: DJ001
        _("referral code"),
        max_length=32,
        null=True,
        blank=True,
        db_index=True,
        help_text=_("From the ?ref= link the person followed, as typed"),
    )

    stage = models.CharField(
        _("stage"), max_length=24, choices=Stage.choices, default=Stage.NEW, db_index=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_contact_date = models.DateField(_("next contact"), null=True, blank=True)
    first_contacted_at = models.DateTimeField(_("first contacted"), null=True, blank=True)
    closed_at = models.DateTimeField(_("finished"), null=True, blank=True)

    spam_score = models.FloatField(_("reCAPTCHA score"), null=True, blank=True)

    objects = SupportRequestQuerySet.as_manager()

    # Wagtail indexes the borough and owner links of every model with an admin viewset, to show "usage" of
    # a borough or user. A person's record is not content: listing it there helps no editor, and keeping
    # the index cost a queued task row on every registration and every save in the queue.
    wagtail_reference_index_ignore = True

    personal_fields = (*PublicSubmission.personal_fields, "access_needs", "spam_score", "next_contact_date")
    dated_fields = (*PublicSubmission.dated_fields, "first_contacted_at", "closed_at")

    class Meta:
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        ordering = ["-created", "-pk"]
        # The queue's filters and sorts at 100,000 records (docs/performance.md); the trigram indexes for
        # its search are PostgreSQL-only and live in migration 0003_queue_indexes.
        indexes = [
            models.Index(fields=["needs_spam_review", "created", "id"], name="pa_queue_order_idx"),
            models.Index(fields=["stage", "created"], name="pa_queue_stage_idx"),
            models.Index(fields=["owner", "created"], name="pa_queue_owner_idx"),
            models.Index(fields=["borough", "created"], name="pa_queue_borough_idx"),
            models.Index(fields=["next_contact_date"], name="pa_queue_next_contact_idx"),
        ]
        permissions = [
            ("export_supportrequest", "Can export support requests"),
            ("view_equality_report", "Can see equality monitoring counts"),
        ]

    def __str__(self):
        # References only: this string goes into the audit log and page titles.
        return self.reference

    @property
    def support_wanted_list(self):
        return [code for code in self.support_wanted.split(SUPPORT_SEPARATOR) if code]

    @support_wanted_list.setter
    def support_wanted_list(self, codes):
        self.support_wanted = (
            SUPPORT_SEPARATOR + SUPPORT_SEPARATOR.join(codes) + SUPPORT_SEPARATOR if codes else ""
        )

    def get_support_wanted_display(self):
        labels = dict(SupportType.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.support_wanted_list)

    def get_borough_display(self):
        return self.borough.name if self.borough_id else _("Outside the force area")

    @property
    def is_finished(self):
        return self.stage in FINISHED_STAGES


class SupportRequestEvent(TimelineEntry):
    """A timeline entry on a support request."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        REGISTERED_AGAIN = "registered_again", _("Registered again")
        STAGE = "stage", _("Stage changed")
        OWNER = "owner", _("Owner assigned")
        CONTACT = "contact", _("Contact logged")
        NOTE = "note", _("Note")
        NEXT_CONTACT = "next_contact", _("Next contact set")
        SPAM_RELEASED = "spam_released", _("Released from spam review")

    record = models.ForeignKey(
        SupportRequest, verbose_name=_("support request"), on_delete=models.CASCADE, related_name="timeline"
    )
    contact_kind = models.CharField(_("contact"), max_length=10, choices=ContactKind.choices, blank=True)

    class Meta(TimelineEntry.Meta):
        verbose_name = _("support request timeline entry")
        verbose_name_plural = _("support request timeline entries")

    def __str__(self):
        return f"{self.record_id}: {self.get_kind_display()}"

    def get_kind_display(self):
        return dict(self.Kind.choices).get(self.kind, self.kind)
