"""Log formatters that keep personal data out of the logs.

Our own code logs references and row ids, never names or contact details, but text from elsewhere can
carry them: a database error quoting the duplicate value (PostgreSQL's "Key (email)=(…) already
exists"), an SMTP refusal naming the recipient, a path typed by a visitor. Every formatted line,
traceback included, therefore has email addresses and UK phone numbers replaced before it leaves the
process. Production writes one JSON object per line for the log collector; development writes plain text.
"""

import json
import logging
import re
from datetime import UTC, datetime

EMAIL_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# 07700 900123, 020 7946 0018, +44 7700 900123, (0161) 496 0000: a 0 or +44 then 9-10 more digits.
UK_PHONE_NUMBER = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?|\(?0)\d{2,4}\)?(?:[\s-]?\d){6,8}(?!\w)")
REDACTED_EMAIL = "[email removed]"
REDACTED_PHONE = "[phone removed]"


def redact(text):
    return UK_PHONE_NUMBER.sub(REDACTED_PHONE, EMAIL_ADDRESS.sub(REDACTED_EMAIL, text))


class RedactingFormatter(logging.Formatter):
    def format(self, record):
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the exception and request path when
    there are any. The request's query string is left out: it can hold what a visitor typed."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["path"] = redact(request.path)
        if getattr(record, "status_code", None):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
