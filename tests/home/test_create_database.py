"""`manage.py create_database`: the README's PostgreSQL commands work on a server that has never seen us."""

import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from home.management.commands.create_database import create_postgresql_database_if_missing

pytestmark = pytest.mark.django_db


def database_exists(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


@pytest.fixture
def unused_database_name():
    name = f"recruitment_create_{uuid.uuid4().hex[:12]}"
    yield name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)")
def test_missing_postgresql_database_is_created_once(unused_database_name):
    other = connection.copy()
    other.settings_dict["NAME"] = unused_database_name
    try:
        assert create_postgresql_database_if_missing(other) is True
        assert database_exists(unused_database_name)
        assert create_postgresql_database_if_missing(other) is False
    finally:
        other.close()


def test_existing_database_is_left_as_it_is():
    output = StringIO()

    call_command("create_database", stdout=output)

    assert output.getvalue() == ""
    assert connection.introspection.table_names()  # the test database and its tables are still there
