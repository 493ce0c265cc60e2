from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="group")
class SupportSettings(BaseSiteSetting):
    """Service settings for positive-action support, edited by Diversity leads."""

    team_email = models.EmailField(
        _("team email address"),
        blank=True,
        help_text=_("New registrations are announced here (reference and link only, no personal details)"),
    )
    first_contact_working_days = models.PositiveSmallIntegerField(
        _("first contact target (working days)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("A new request not contacted within this many working days is overdue"),
    )
    duplicate_window_days = models.PositiveSmallIntegerField(
        _("duplicate window (days)"),
        default=90,
        validators=[MinValueValidator(0), MaxValueValidator(730)],
        help_text=_("A registration with the email of an open request this recent joins that request"),
    )

    panels = [
        FieldPanel("team_email"),
        FieldPanel("first_contact_working_days"),
        FieldPanel("duplicate_window_days"),
    ]

    class Meta:
        verbose_name = _("positive-action support settings")
