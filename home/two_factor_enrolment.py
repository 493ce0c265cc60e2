"""One-time enrolment links: the only way staff attach an authenticator app to their account.

If a password alone were enough to set up the second factor, whoever stole a password before its owner
first signed in would enrol their own phone and keep the account. So an administrator issues a link,
sends it to the person by another channel than the one the password travelled by, and the setup page
opens only through that link, for the account it was issued to, after signing in with the password.

The link stores nothing in the database: it is a signed, timestamped payload naming the account and the
audit-log entry that recorded its issue. It stops working when 48 hours have passed, when a newer link has
been issued for the same account (only the newest issue counts), once the account has a confirmed
authenticator, or once an enrolment has been logged after its issue (so removing a lost phone's device
later does not bring an old link back to life).
"""

from datetime import timedelta

from django.contrib.auth import get_permission_codename, get_user_model
from django.core import signing
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log, registry

LINK_MAX_AGE = timedelta(hours=48)
LINK_ISSUED = "recruitment.two_factor_link_issued"
LINK_REFUSED = "recruitment.two_factor_link_refused"
ENROLLED = "recruitment.two_factor_setup"
SALT = "home.two_factor_enrolment"


def issue_link(user, issued_by=None):
    """Return the path of a new enrolment link for ``user`` and audit its issue.

    Unconfirmed devices are removed first: their key may have been shown to whoever opened an earlier
    link, which is the reason a new link is usually issued."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    entry = log(instance=user, action=LINK_ISSUED, user=issued_by)
    token = signing.dumps({"user": user.pk, "issue": entry.pk}, salt=SALT)
    return reverse("two_factor_enrol", args=[token])


def link_is_valid(token, user):
    try:
        payload = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:  # tampered, or expired (SignatureExpired is a BadSignature)
        return False
    if not isinstance(payload, dict) or payload.get("user") != user.pk:
        return False
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return False
    entries = registry.get_logs_for_instance(user)
    newest_issue = entries.filter(action=LINK_ISSUED).order_by("-pk").values_list("pk", flat=True).first()
    if newest_issue is None or newest_issue != payload.get("issue"):
        return False
    return not entries.filter(action=ENROLLED, pk__gt=newest_issue).exists()


def can_issue_link(issuer, user):
    """Whoever may change user accounts may issue links, but only a superuser may issue one for a
    superuser: a link is half of that account's sign-in."""
    change_user = f"{user._meta.app_label}.{get_permission_codename('change', user._meta)}"
    if user.is_superuser and not issuer.is_superuser:
        return False
    return issuer.has_perm(change_user)


def staff_user(pk):
    return get_user_model().objects.filter(pk=pk, is_active=True).first()
