"""A built site (or any folder) served on 127.0.0.1 from a thread, for the tests and the benchmark."""
import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request (keeps test and benchmark output readable)."""

    def log_message(self, *args):
        pass


class PagesHandler(QuietHandler):
    """Static files as GitHub Pages serves them: a folder's address serves its index.html, a folder
    without one answers 404 (no listing of its files), and a 404 shows the site's 404.html if it has one."""

    def list_directory(self, path):
        self.send_error(404, "no index.html in this folder")
        return None

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def served(folder: Path, handler: type[http.server.BaseHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """The folder's base URL (ending in /) on a free port, until the block ends."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
