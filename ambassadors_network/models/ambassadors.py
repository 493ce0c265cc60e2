"""Ambassador records, what they can reach, and the timeline the diversity team keeps on each."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from positive_action.models.timeline import TimelineEntry
from recruitment_site.core.contact import INTERPRETER_WANTED
from recruitment_site.core.dates import months_before
from recruitment_site.core.models import PublicSubmission

from .choices import CommunityRole, ContactType, EntryKind, NetworkType, Status, TimeCommitment

# An ambassador in one of these statuses speaks for the network: their referral link attributes people.
ATTRIBUTING_STATUSES = (Status.APPROVED, Status.TRAINED, Status.ACTIVE)
# A second sign-up from the same email joins a record in one of these statuses instead of starting a new one.
OPEN_STATUSES = (
    Status.APPLIED,
    Status.IN_REVIEW,
    Status.APPROVED,
    Status.TRAINED,
    Status.ACTIVE,
    Status.PAUSED,
)
# Records in these statuses are finished: kept for the retention period after the change, then anonymised.
FINISHED_STATUSES = (Status.DECLINED, Status.LEFT)


class AmbassadorQuerySet(models.QuerySet):
    def reviewed(self):
        """Records out of the spam-review hold: the list the team works from."""
        return self.filter(needs_spam_review=False)

    def held_for_spam_review(self):
        return self.filter(needs_spam_review=True)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def attributing(self):
        return self.filter(status__in=ATTRIBUTING_STATUSES).exclude(referral_code="")

    def with_email(self, email):
        return self.filter(email__iexact=email.strip())

    def wanting_interpreter(self):
        return self.filter(interpreter__in=INTERPRETER_WANTED)

    def speaking(self, language):
        return self.filter(languages__icontains=language.strip())

    def reaching(self, network):
        return self.filter(networks__network=network)

    # Retention (data_protection/retention.py). An anonymised record keeps no email, which marks it done.
    def not_anonymised(self):
        return self.exclude(email="")

    def expired_for_retention(self, now):
        """Declined or left ambassadors past their retention period and not yet anonymised."""
        cutoff = months_before(now, settings.RETENTION_FINISHED_AMBASSADOR_MONTHS)
        finished = self.filter(status__in=FINISHED_STATUSES, needs_spam_review=False).not_anonymised()
        return finished.filter(status_changed_at__lt=cutoff)

    def spam_review_waiting_since(self, before):
        """Held for spam review since before ``before`` and not yet checked by anyone."""
        return self.held_for_spam_review().filter(created__lt=before)


class Ambassador(PublicSubmission):
    """A community leader who signed up to the network, from application to active ambassador."""

    # The sign-up asks every ambassador for a number; the support registration leaves it optional.
    phone = models.CharField(_("phone"), max_length=40)
    organisation = models.CharField(_("organisation or community group"), max_length=200, blank=True)
    community_role = models.CharField(
        _("role in the community"), max_length=30, choices=CommunityRole.choices
    )
    boroughs = models.ManyToManyField(
        "home.Borough", verbose_name=_("boroughs active in"), related_name="ambassadors", blank=True
    )
    communities = models.ManyToManyField(
        "home.Community",
        verbose_name=_("communities connected with"),
        related_name="ambassadors",
        blank=True,
    )
    other_communities = models.CharField(
        _("other communities"),
        max_length=300,
        blank=True,
        help_text=_("Communities the person named that are not in the list"),
    )
    languages = models.CharField(
        _("languages spoken"), max_length=300, help_text=_("As the person wrote them, e.g. Bengali, Sylheti")
    )
    time_commitment = models.CharField(_("time they can give"), max_length=30, choices=TimeCommitment.choices)
    motivation = models.TextField(_("why they want to be an ambassador"), max_length=3000)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), auto_now_add=True)
    referral_code = models.CharField(
        _("referral code"),
        max_length=20,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Issued when the ambassador is approved; attributes support registrations to them"),
    )

    objects = AmbassadorQuerySet.as_manager()

    personal_fields = (
        *PublicSubmission.personal_fields,
        "organisation",
        "other_communities",
        "languages",
        "motivation",
    )
    dated_fields = (*PublicSubmission.dated_fields, "status_changed_at")

    class Meta:
        verbose_name = _("ambassador")
        verbose_name_plural = _("ambassadors")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["referral_code"],
                condition=~models.Q(referral_code=""),
                name="ambassador_unique_referral_code",
            )
        ]
        permissions = [
            ("export_ambassador", _("Can export the ambassador list")),
            ("view_ambassador_report", _("Can see the ambassador network report")),
        ]

    def __str__(self):
        # References only: Wagtail writes this string into every audit entry's label (its own create,
        # edit and delete entries included) and into admin page titles, which outlive the record.
        return self.reference

    @property
    def is_attributing(self):
        return self.status in ATTRIBUTING_STATUSES and bool(self.referral_code)

    @property
    def network_types(self):
        return [NetworkType(reach.network) for reach in self.networks.all()]

    def get_network_types_display(self):
        return ", ".join(str(network.label) for network in self.network_types)

    def get_referral_path(self):
        return reverse("ambassador_referral", args=[self.referral_code]) if self.referral_code else ""


class AmbassadorNetwork(models.Model):
    """One kind of network an ambassador can reach; a row each so the list can filter on them."""

    ambassador = models.ForeignKey(Ambassador, on_delete=models.CASCADE, related_name="networks")
    network = models.CharField(_("network"), max_length=30, choices=NetworkType.choices)

    class Meta:
        verbose_name = _("network reached")
        constraints = [
            models.UniqueConstraint(fields=["ambassador", "network"], name="ambassador_network_unique")
        ]

    def __str__(self):
        return self.get_network_display()


class AmbassadorEventQuerySet(models.QuerySet):
    def contacts(self):
        return self.filter(kind=EntryKind.CONTACT)


class AmbassadorEvent(TimelineEntry):
    """Something that happened to an ambassador's record: a status change, contact, note or sign-up again."""

    record = models.ForeignKey(
        Ambassador, verbose_name=_("ambassador"), on_delete=models.CASCADE, related_name="timeline"
    )
    from_status = models.CharField(_("from status"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to status"), max_length=20, choices=Status.choices, blank=True)
    contact_type = models.CharField(_("contact type"), max_length=20, choices=ContactType.choices, blank=True)

    objects = AmbassadorEventQuerySet.as_manager()

    class Meta(TimelineEntry.Meta):
        verbose_name = _("ambassador timeline entry")
        verbose_name_plural = _("ambassador timeline entries")

    def __str__(self):
        return f"{self.get_kind_display()} {self.created:%Y-%m-%d %H:%M}"

    def get_kind_display(self):
        return EntryKind(self.kind).label if self.kind in EntryKind.values else self.kind
