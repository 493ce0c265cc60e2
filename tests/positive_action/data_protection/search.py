"""Search every column of every table for a person's identifiers: the proof that nothing personal remains.

Every table the database lists is read whole, whichever app owns it: the records, the outbox, the task
queue, Wagtail's audit log (its labels and data JSON), revisions, the reference index and the search
index tables (on SQLite, the full-text tables and their shadow tables too). Session rows are decoded
first, since their data is signed base64 that a plain search would never match.
"""

import json

from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

SESSION_TABLE = "django_session"


def cell_text(value):
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "ignore")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def session_text(table, column, value):
    if table == SESSION_TABLE and column == "session_data" and value:
        return json.dumps(SessionStore().decode(value), ensure_ascii=False, default=str)
    return ""


def rows_mentioning(*needles):
    """[(table, column, text)] for every cell in the database whose text contains one of the needles."""
    needles = [needle.lower() for needle in needles if needle]
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = f"{cell_text(value)} {session_text(table, column, value)}".lower()
                    if any(needle in text for needle in needles):
                        hits.append((table, column, text[:200]))
    return hits
