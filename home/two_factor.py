"""Two-factor sign-in (TOTP authenticator apps, through django-otp) for staff who can see personal data.

Superusers and the diversity roles must verify a one-time code after signing in before any admin page
opens. They set up their authenticator app only through a one-time enrolment link an administrator
issues (home/two_factor_enrolment.py): signed in with a password alone, they are asked for that link and
offered no setup. Editors and moderators never see personal data, so it is optional for them. Production settings always require it; development settings switch it
off so the demo accounts work without a phone.
"""

import io
import math

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from wagtail.log_actions import log

from home.roles import PERSONAL_DATA_ROLES
from home.two_factor_enrolment import (
    ENROLLED,
    LINK_MAX_AGE,
    LINK_REFUSED,
    can_issue_link,
    issue_link,
    link_is_valid,
    staff_user,
)

DEVICE_NAME = "Authenticator app"
EXEMPT_URL_NAMES = {
    # Wagtail's icon sprite and JavaScript translations, which the two-step pages themselves load: sent
    # to the code page instead, the sprite's fetch pasted a second copy of that page into the first.
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "two_factor_enrolment_needed",
    "two_factor_enrol",
    "two_factor_verify",
}


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
            view = "two_factor_verify" if user_has_device(request.user) else "two_factor_enrolment_needed"
            return redirect(f"{reverse(view)}?next={request.get_full_path()}")
        return self.get_response(request)

    def must_verify(self, request):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        if url_name(request) in EXEMPT_URL_NAMES:
            return False
        return requires_two_factor(request.user) and not request.user.is_verified()


def url_name(request):
    # Resolved rather than compared with reverse(): the enrolment link's path carries its token.
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


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
        # Checked first because a throttled device refuses every code, the right one too: telling
        # someone a correct code "is not right" sends them hunting for a fault that is not there.
        allowed, details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(throttle_message(details or {}))
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not right or has expired. Try the newest code."))
        return token


def throttle_message(details):
    locked_until = details.get("locked_until")
    if locked_until is None:
        return _("Too many attempts: wait a minute and try again.")
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many attempts: wait %(seconds)d second and try again.",
        "Too many attempts: wait %(seconds)d seconds and try again.",
        seconds,
    ) % {"seconds": seconds}


def signed_in_user(request):
    """The user model instance itself. django-otp wraps request.user in a second lazy object, and Wagtail's
    log registry unwraps only one: given request.user it finds no log model and silently logs nothing."""
    return get_user_model().objects.get(pk=request.user.pk)


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
def enrolment_needed(request):
    """Where a password alone leads someone with no authenticator yet: no setup, only the way to get one."""
    if user_has_device(request.user):
        return redirect("two_factor_verify")
    return TemplateResponse(request, "two_factor/enrolment_needed.html")


@never_cache
@sensitive_post_parameters("token")
def enrol(request, token):
    user = signed_in_user(request)
    if not link_is_valid(token, user):
        log(instance=user, action=LINK_REFUSED, user=user)
        return TemplateResponse(request, "two_factor/link_refused.html", status=400)
    device = unconfirmed_device(user)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        log(instance=user, action=ENROLLED, user=user)
        return redirect(safe_next(request))
    context = {
        "form": form,
        "qr_code": qr_code_svg(device),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
        "next": safe_next(request),
    }
    return TemplateResponse(request, "two_factor/setup.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def issue_enrolment_link(request, user_id):
    """An administrator issues a link for one member of staff and sees it once, to send it on."""
    user = staff_user(user_id)
    if user is None:
        raise Http404
    if not can_issue_link(request.user, user):
        return permission_denied(request, PermissionDenied())
    context = {
        "staff_user": user,
        "enrolled": user_has_device(user),
        "hours": int(LINK_MAX_AGE.total_seconds() // 3600),
    }
    if request.method == "POST" and not context["enrolled"]:
        context["link"] = request.build_absolute_uri(issue_link(user, issued_by=request.user))
    return TemplateResponse(request, "two_factor/issue_link.html", context)


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor_enrolment_needed")
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(safe_next(request))
    return TemplateResponse(request, "two_factor/verify.html", {"form": form, "next": safe_next(request)})
