"""Project configuration package, imported as ``recruitment_site`` (see pyproject.toml)."""
