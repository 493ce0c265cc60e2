from django.urls import path

from . import views

app_name = "data_protection"

urlpatterns = [
    path("<slug:kind>/<int:pk>/", views.SubjectAccessView.as_view(), name="subject_access"),
    path("<slug:kind>/<int:pk>/json/", views.SubjectAccessDownloadView.as_view(), name="subject_access_json"),
    path("<slug:kind>/<int:pk>/erase/", views.ErasureView.as_view(), name="erase"),
]
