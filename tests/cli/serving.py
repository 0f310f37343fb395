"""A real `govkg serve` on a free loopback port, and a plain HTTP client that sees errors as a client does.

A plain module shared by the server tests (imported by name, like samples.py).
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

from govkg.server import ServerOptions, make_server

TOKEN = "s3cret-token"


@contextmanager
def serve(store, **options):
    """(server, base URL) of a server over ``store`` running in a daemon thread, shut down on leaving."""
    server = make_server(store, ServerOptions(port=0, log=False, **options))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        yield server, f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def http(method, url, body=None, headers=None):
    """(status, headers, body bytes) — errors included, as a client sees them."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get(url, query, accept="application/sparql-results+json"):
    return http("GET", f"{url}/sparql?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})
