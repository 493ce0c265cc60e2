"""`manage.py db_worker`: django-tasks-db's command with its worker replaced by one that survives database
outages and keeps a heartbeat (positive_action/worker.py). This app comes before django_tasks_db in
INSTALLED_APPS, so Django finds this command under the same name; the options are django-tasks-db's."""

from django_tasks_db.management.commands import db_worker

from positive_action.worker import SurvivingWorker


class Command(db_worker.Command):
    help = "Run the background task worker (sends email); it survives database outages"

    def handle(self, *args, **options):
        # The parent builds its Worker by name inside handle(); pointing that name at ours for the call
        # keeps every option and the autoreloader exactly as django-tasks-db defines them.
        db_worker.Worker = SurvivingWorker
        return super().handle(*args, **options)
