"""The support queue's admin views, by job: the queue, a record and its actions, the reports."""
