"""Positive-action support: public registration and the diversity team's case-working queue (issue 4)."""
