"""A TCP proxy for tests that need a server to go away and come back: the database behind a worker.

    with TCPProxy("127.0.0.1", 5432) as proxy:   # point the process under test at proxy.port
        proxy.cut()       # every open connection is dropped and new ones are refused, as in an outage
        proxy.restore()   # connections are accepted and forwarded again

Cutting closes both ends of every open connection at once, the way a database server that stops or
restarts looks to its clients; while cut, a new connection is accepted and closed straight away, the
way a refused connection looks.
"""

import socket
import socketserver
import threading


class TCPProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.connections_made = 0
        self._cut = threading.Event()
        self._lock = threading.Lock()
        self._open = set()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                proxy._forward(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.cut()
        self._server.shutdown()
        self._server.server_close()

    def cut(self):
        self._cut.set()
        with self._lock:
            sockets, self._open = self._open, set()
        for sock in sockets:
            _close(sock)

    def restore(self):
        self._cut.clear()

    def _forward(self, client):
        if self._cut.is_set():
            _close(client)
            return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            _close(client)
            return
        upstream.settimeout(None)
        with self._lock:
            self._open.update({client, upstream})
            self.connections_made += 1
        pump = threading.Thread(target=_pipe, args=(upstream, client), daemon=True)
        pump.start()
        _pipe(client, upstream)
        pump.join()


def _pipe(source, destination):
    try:
        while data := source.recv(65536):
            destination.sendall(data)
    except OSError:
        pass
    finally:
        _close(source)
        _close(destination)


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
