from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import LinkBlock, SocialLinkBlock
from recruitment_site.core.phone import dialable, international_digits, valid_phone


def validate_phone_number(value):
    if not valid_phone(value):
        raise ValidationError(
            _("Enter a UK number starting with 0, or an international one starting with +"), code="invalid"
        )


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What the site shell shows on every page."""

    force_name = models.CharField(_("force name"), max_length=120, default="Police recruitment")
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, validators=[validate_phone_number]
    )
    text_number = models.CharField(
        _("text message (SMS) number"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("Shown in the footer of every page when set"),
    )
    whatsapp_number = models.CharField(
        _("WhatsApp number"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("A UK number starting with 0 or an international one starting with +"),
    )
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("When someone answers, for example “Monday to Friday, 9am to 5pm”"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the force name in the header; the force name is its alternative text"),
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without its own sharing image is shared, and in event listings on search "
            "engines; at least 1200 by 630 pixels. Its description is used as the alternative text. When "
            "empty, the force's shield is used."
        ),
    )
    primary_navigation = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("main menu"),
        blank=True,
        max_num=8,
        help_text=_("When empty, the menu lists the home page's children that are set to show in menus"),
    )
    footer_navigation = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("footer menu"),
        blank=True,
        max_num=12,
        help_text=_("Shown after the privacy notice and accessibility statement links"),
    )
    social_links = StreamField([("social", SocialLinkBlock())], verbose_name=_("social media"), blank=True)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("force_name"),
                    FieldPanel("logo"),
                    MultiFieldPanel(
                        [
                            FieldPanel("contact_phone"),
                            FieldPanel("text_number"),
                            FieldPanel("whatsapp_number"),
                            FieldPanel("contact_email"),
                            FieldPanel("opening_hours"),
                        ],
                        heading=_("Ways to get in touch (shown in the footer)"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
                        heading=_("Required footer links"),
                    ),
                ],
                heading=_("General"),
            ),
            ObjectList(
                [FieldPanel("primary_navigation"), FieldPanel("footer_navigation")], heading=_("Menus")
            ),
            ObjectList(
                [FieldPanel("default_social_image"), FieldPanel("social_links")], heading=_("Social media")
            ),
        ]
    )

    class Meta:
        verbose_name = _("site settings")

    def phone_href(self):
        return f"tel:{dialable(self.contact_phone)}" if self.contact_phone else ""

    def text_href(self):
        return f"sms:{dialable(self.text_number)}" if self.text_number else ""

    def whatsapp_href(self):
        return f"https://wa.me/{international_digits(self.whatsapp_number)}" if self.whatsapp_number else ""

    def has_contact_details(self):
        return any((self.contact_phone, self.text_number, self.whatsapp_number, self.contact_email))
