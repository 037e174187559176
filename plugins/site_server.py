"""Serve a built site on this machine as a static host would.

`/services/x/` serves `services/x/index.html`, and an address with no file
gets the site's own 404 page with status 404. Every response carries the
headers the site's `_headers` file gives (the Content Security Policy among
them; plugins/safe_build), as Netlify or Cloudflare Pages would send them.
`localoffer serve` and the browser tests both use it, so families' view and
the tests' view are the same.
"""

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from localoffer.safe_build.policy import read_headers_file


class SiteRequestHandler(SimpleHTTPRequestHandler):
    def end_headers(self):
        headers_file = Path(self.directory) / "_headers"
        if headers_file.is_file():
            for name, value in read_headers_file(headers_file.read_text(encoding="utf-8")).items():
                self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code == HTTPStatus.NOT_FOUND and not_found_page.is_file():
            body = not_found_page.read_bytes()
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if self.server.quiet:
            return
        super().log_message(format, *args)


def start_server(directory, host="127.0.0.1", port=0, quiet=True):
    """Serve `directory` in a background thread; return the server (its port is `server.server_port`)."""
    handler = functools.partial(SiteRequestHandler, directory=str(directory))
    server = ThreadingHTTPServer((host, port), handler)
    server.quiet = quiet
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
