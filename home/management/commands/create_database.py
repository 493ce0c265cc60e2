"""`manage.py create_database`: create the PostgreSQL database DATABASE_URL names, if it is missing.

`make run` and `make bench` call it before migrating, so that the README's
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/recruitment make run` works on a server that has never
seen the project. SQLite creates its file itself; other engines are left to their operators.
"""

from django.core.management.base import BaseCommand
from django.db import connections


def create_postgresql_database_if_missing(connection):
    """True if the database was created. Needs the CREATEDB right, as the PostgreSQL owner has."""
    name = connection.settings_dict["NAME"]
    # Django's own test-database creation uses this cursor on the maintenance database ("postgres").
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            return False
        cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
    return True


class Command(BaseCommand):
    help = "Create the PostgreSQL database that DATABASE_URL names if it does not exist yet."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="which entry of DATABASES")

    def handle(self, *args, database, **options):
        connection = connections[database]
        if connection.vendor != "postgresql":
            return
        if create_postgresql_database_if_missing(connection):
            self.stdout.write(f"Created the PostgreSQL database {connection.settings_dict['NAME']}.")
