from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    # A part of positive_action (the design card fixes the top-level folders) that keeps its own label, so
    # its tables, permissions and audit actions read "data_protection".
    name = "positive_action.data_protection"
    label = "data_protection"
    verbose_name = "Data protection"
