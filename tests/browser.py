"""A local web server for the built site and a Chromium driven by Playwright.

The site is served on 127.0.0.1 the way a static host serves it: under the
path of the address it was built for (``site_url``), and a missing address
gets the root 404 page.  Every request a page makes is recorded, and any
request to another host is blocked and reported.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("AUTOGRAD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class StaticHost(SimpleHTTPRequestHandler):
    prefix = "/"  # the site's path on the host, from its address

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory, "no such file"))
        return super().translate_path("/" + path.removeprefix(self.prefix))

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory, "404.html")
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path, prefix: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Serve ``site`` at ``prefix`` (``/`` or ``/<repository>/``, as on GitHub Pages); return its URL."""
    handler = type("Host", (StaticHost,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@dataclass
class Requests:
    """What pages asked for: local URLs and blocked foreign ones."""

    local: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            self.local.append(url)
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def record_failure(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")
