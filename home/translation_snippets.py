"""wagtail-localize's snippet API, limited to what its translation editor needs.

The translation editor's snippet chooser reads ``/admin/localize/api/snippets/<app>/<model>/``, which
wagtail-localize 1.14 serves for every registered snippet model to anyone who may enter the admin. The
support queue's records are snippets too, so an editor could have listed people's registrations by
name. Here only translatable snippet models (myths, officer stories) are listed, and only to staff with a
permission on that model; anything else is "not found" or refused. site/urls.py puts these views in front
of wagtail-localize's own at the same addresses.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from rest_framework.authentication import SessionAuthentication
from wagtail.admin.auth import require_admin_access
from wagtail.models import TranslatableMixin
from wagtail_localize.views.snippets_api import SnippetViewSet

MODEL_ACTIONS = ("view", "add", "change", "delete")


def may_see(user, model):
    label, name = model._meta.app_label, model._meta.model_name
    return any(user.has_perm(f"{label}.{action}_{name}") for action in MODEL_ACTIONS)


class TranslatableSnippetViewSet(SnippetViewSet):
    # The admin's signed-in session only: no HTTP Basic sign-in that would skip two-step sign-in.
    authentication_classes = [SessionAuthentication]

    def get_model(self):
        model = super().get_model()
        if not issubclass(model, TranslatableMixin):
            raise Http404
        if not may_see(self.request.user, model):
            raise PermissionDenied
        return model


urlpatterns = [
    path(
        "<slug:app_label>/<slug:model_name>/",
        require_admin_access(TranslatableSnippetViewSet.as_view({"get": "list"})),
    ),
    path(
        "<slug:app_label>/<slug:model_name>/<str:pk>/",
        require_admin_access(TranslatableSnippetViewSet.as_view({"get": "retrieve"})),
    ),
]
