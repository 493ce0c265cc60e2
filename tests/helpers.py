"""Assertions shared by the test modules."""

import json

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def h1_texts(response):
    return [h1.get_text(" ", strip=True) for h1 in soup(response).find_all("h1")]


def inline_code(response):
    """Inline scripts, <style> elements and style attributes: the CSP forbids all three."""
    document = soup(response)
    scripts = [
        script
        for script in document.find_all("script")
        if not script.get("src") and script.get("type") not in ("application/ld+json", "application/json")
    ]
    styles = document.find_all("style")
    style_attributes = document.find_all(style=True)
    return scripts + styles + style_attributes


def draftail(text):
    """One paragraph of text as a Draftail rich-text field posts it."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )
