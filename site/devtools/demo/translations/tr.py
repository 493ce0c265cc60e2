"""Demo text."""

STRINGS = {
    "home.01": "X-tr",
}
