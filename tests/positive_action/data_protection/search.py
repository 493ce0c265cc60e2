"""Search every column of every table for a person's identifiers: the proof that nothing personal remains."""

import json

from django.db import connection


def cell_text(value):
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "ignore")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def rows_mentioning(*needles):
    """[(table, row)] for every row in the database whose text contains one of the needles."""
    needles = [needle.lower() for needle in needles if needle]
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            for row in cursor.fetchall():
                text = " ".join(cell_text(value) for value in row).lower()
                if any(needle in text for needle in needles):
                    hits.append((table, row))
    return hits
