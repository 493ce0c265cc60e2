"""A local SMTP server for tests: it stores what it accepts and can hold its answer to a message.

Holding the answer to DATA reproduces the moment a sender is most likely to die: the message has been
transmitted but the server has not yet said "250 accepted". A message is delivered only if the sender
is still connected when the server answers; one whose sender vanished first was never accepted, as with
a real mail server.
"""

import socket
import socketserver
import threading
import time
from email import message_from_bytes


class SMTPSink:
    def __init__(self):
        self.delivered = []
        self.discarded = 0
        self.message_arrived = threading.Event()
        self.answer_held = threading.Event()
        self._hold_after = None  # hold the answer once this many messages have been accepted
        self._lock = threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                sink._serve(self)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.release()
        self._server.shutdown()
        self._server.server_close()

    def hold_answers(self):
        self.hold_answers_after(0)

    def hold_answers_after(self, count):
        """Accept the first `count` messages, then hold the answer to every later one."""
        self._hold_after = count

    def release(self):
        self._hold_after = None

    def message_ids(self):
        with self._lock:
            return [message["Message-ID"] for message in self.delivered]

    def recipients(self):
        with self._lock:
            return [message["To"] for message in self.delivered]

    def _serve(self, handler):
        reply = _replier(handler)
        reply("220 sink ESMTP")
        while line := handler.rfile.readline():
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                reply("250 sink")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                reply("250 OK")
            elif command == "DATA":
                reply("354 End data with <CR><LF>.<CR><LF>")
                self._receive(handler, _read_data(handler.rfile), reply)
            elif command == "QUIT":
                reply("221 Bye")
                return
            else:
                reply("502 Not implemented")

    def _receive(self, handler, data, reply):
        self.message_arrived.set()
        while self._holding():
            self.answer_held.set()
            time.sleep(0.05)
        if _peer_has_gone(handler.connection):
            with self._lock:
                self.discarded += 1
            return
        with self._lock:
            self.delivered.append(message_from_bytes(data))
        reply("250 Accepted")

    def _holding(self):
        with self._lock:
            return self._hold_after is not None and len(self.delivered) >= self._hold_after


def _replier(handler):
    def reply(text):
        handler.wfile.write(f"{text}\r\n".encode("ascii"))
        handler.wfile.flush()

    return reply


def _read_data(rfile):
    lines = []
    while (line := rfile.readline()) not in (b".\r\n", b""):
        lines.append(line[1:] if line.startswith(b"..") else line)
    return b"".join(lines)


def _peer_has_gone(connection):
    """True when the sender closed its end: a peek at the socket returns end of file at once."""
    connection.setblocking(False)
    try:
        return connection.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        connection.setblocking(True)
