"""Two-factor sign-in (TOTP authenticator apps, through django-otp) for staff who can see personal data.

Superusers and the diversity roles must verify a one-time code after signing in before any admin page
opens; on their first sign-in they set up an authenticator app. Editors and moderators never see personal
data, so it is optional for them. Production settings always require it; development settings switch it
off so the demo accounts work without a phone.
"""

import io

from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from wagtail.log_actions import log

from home.roles import PERSONAL_DATA_ROLES

DEVICE_NAME = "Authenticator app"
EXEMPT_PATH_NAMES = ("wagtailadmin_login", "wagtailadmin_logout", "two_factor_setup", "two_factor_verify")


def requires_two_factor(user):
    if not settings.STAFF_TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=PERSONAL_DATA_ROLES).exists()


class TwoFactorMiddleware:
    """Send staff who need a second factor, and have not given one this session, to set it up or verify."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.must_verify(request):
            view = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
            return redirect(f"{reverse(view)}?next={request.get_full_path()}")
        return self.get_response(request)

    def must_verify(self, request):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        if request.path in {reverse(name) for name in EXEMPT_PATH_NAMES}:
            return False
        return requires_two_factor(request.user) and not request.user.is_verified()


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=gettext_lazy("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": gettext_lazy("Enter the six digits your authenticator app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not right or has expired. Try the newest code."))
        return token


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def unconfirmed_device(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_code_svg(device):
    image = io.BytesIO()
    write_qrcode_image(device.config_url, image)
    return image.getvalue().decode()


@never_cache
@sensitive_post_parameters("token")
def setup(request):
    if user_has_device(request.user):
        return redirect("two_factor_verify")
    device = unconfirmed_device(request.user)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        log(instance=request.user, action="recruitment.two_factor_setup", user=request.user)
        return redirect(safe_next(request))
    context = {
        "form": form,
        "qr_code": qr_code_svg(device),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
        "next": safe_next(request),
    }
    return TemplateResponse(request, "two_factor/setup.html", context)


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor_setup")
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(safe_next(request))
    return TemplateResponse(request, "two_factor/verify.html", {"form": form, "next": safe_next(request)})
