from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Demo content, synthetic records and the benchmark: installed by the dev and test settings only,
    so production neither loads nor imports any of it."""

    name = "recruitment_site.devtools"
    label = "devtools"
    verbose_name = "Development tools"
