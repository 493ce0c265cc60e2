from django.urls import path

from .referrals import referral_redirect

urlpatterns = [
    # Short enough to read out or print on a flyer; the code is checked only when the person registers.
    path("r/<str:code>/", referral_redirect, name="ambassador_referral"),
]
