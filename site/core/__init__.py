"""The shared layer (``recruitment_site.core``): helpers several apps use. It imports no app."""
