"""A fake Zenodo on 127.0.0.1, from a thread: the deposit API as Zenodo answers it today (its legacy API, kept
over InvenioRDM: zenodo/zenodo-rdm, site/zenodo_rdm/legacy/), in memory, recording every request.

    GET    /api/records/<id>/versions/latest          302 to the newest version of a record or of its concept
    GET    /api/records/<id>                          a published record: id, conceptrecid, doi, metadata.version,
                                                      files (key, checksum "md5:<hex>")
    POST   /api/deposit/depositions                   201, a new draft
    POST   /api/deposit/depositions/<id>/actions/newversion   201, the new version's draft, holding the files of
                                                      the version before (links.latest_draft is its address)
    GET    /api/deposit/depositions/<id>              the draft; its files listed with their MD5 (no "files" when none)
    PUT    /api/deposit/depositions/<id>              the metadata
    DELETE /api/deposit/depositions/<id>[/files/<file id>]   204: the draft, or one of its files
    PUT    /api/files/<bucket>/<name>                 201, the bytes stored, checksum "md5:<hex>"
    POST   /api/deposit/depositions/<id>/actions/publish      202, the published record

Every /api/deposit and /api/files request needs the token (401 without it, as Zenodo answers). `fail` makes
one request (method, path ending) answer an error; `misreport` makes a file's upload answer a wrong MD5.
"""
import contextlib
import hashlib
import http.server
import itertools
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

TOKEN = "fake-token"


@dataclass
class Request:
    method: str
    path: str
    authorization: str | None
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class FakeZenodo:
    base: str = ""
    requests: list[Request] = field(default_factory=list)
    published: dict[int, dict] = field(default_factory=dict)  # record id -> {conceptrecid, version, files}
    drafts: dict[int, dict] = field(default_factory=dict)  # draft id -> {conceptrecid, metadata, files: {name: bytes}}
    fail: dict[tuple[str, str], tuple[int, dict]] = field(default_factory=dict)  # (method, path end) -> (status, body)
    misreport: set[str] = field(default_factory=set)  # names whose upload answers another MD5
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(500))

    def publish_version(self, record_id: int, concept: int, version: str, files: dict[str, bytes]) -> None:
        """A version Zenodo holds already."""
        self.published[record_id] = {"conceptrecid": concept, "version": version, "files": files}

    def newest(self, record_or_concept: int) -> int | None:
        concept = self.published[record_or_concept]["conceptrecid"] if record_or_concept in self.published else record_or_concept
        versions = [rid for rid, record in self.published.items() if record["conceptrecid"] == concept]
        return max(versions) if versions else None

    def draft_json(self, draft_id: int) -> dict:
        draft = self.drafts[draft_id]
        answer = {"id": draft_id, "conceptrecid": str(draft["conceptrecid"]), "metadata": draft["metadata"],
                  "links": {"self": f"{self.base}/api/deposit/depositions/{draft_id}",
                            "latest_draft": f"{self.base}/api/deposit/depositions/{draft_id}",
                            "html": f"{self.base}/deposit/{draft_id}", "bucket": f"{self.base}/api/files/bucket-{draft_id}",
                            "publish": f"{self.base}/api/deposit/depositions/{draft_id}/actions/publish"}}
        if draft["files"]:
            answer["files"] = [{"id": f"file-{name}", "filename": name, "filesize": len(data),
                                "checksum": hashlib.md5(data).hexdigest(),
                                "links": {"self": f"{self.base}/api/deposit/depositions/{draft_id}/files/file-{name}"}}
                               for name, data in draft["files"].items()]
        return answer

    def record_json(self, record_id: int) -> dict:
        record = self.published[record_id]
        return {"id": record_id, "conceptrecid": str(record["conceptrecid"]), "doi": f"10.5072/zenodo.{record_id}",
                "metadata": {"version": record["version"]}, "links": {"html": f"{self.base}/records/{record_id}"},
                "files": [{"id": f"file-{name}", "key": name, "size": len(data), "checksum": f"md5:{hashlib.md5(data).hexdigest()}"}
                          for name, data in record["files"].items()]}

    def new_draft(self, concept: int, files: dict[str, bytes]) -> int:
        draft_id = next(self.ids)
        self.drafts[draft_id] = {"conceptrecid": concept, "metadata": {}, "files": dict(files)}
        return draft_id

    def answer(self, request: Request) -> tuple[int, dict | None, str | None]:
        """(status, JSON body, Location) for one request."""
        method, path, body = request.method, request.path, request.body
        for (failing_method, ending), (status, error) in self.fail.items():
            if method == failing_method and path.endswith(ending):
                return status, error, None
        if path.startswith(("/api/deposit", "/api/files")) and request.authorization != f"Bearer {TOKEN}":
            return 401, {"status": 401, "message": "The server could not verify that you are authorized to access the URL requested."}, None
        if found := re.fullmatch(r"/api/records/(\d+)/versions/latest", path):
            newest = self.newest(int(found[1]))
            if not newest:
                return 404, {"status": 404, "message": "The persistent identifier does not exist."}, None
            return 302, None, f"/api/records/{newest}"
        if found := re.fullmatch(r"/api/records/(\d+)", path):
            return 200, self.record_json(int(found[1])), None
        if method == "POST" and path == "/api/deposit/depositions":
            draft_id = self.new_draft(next(self.ids), {})
            return 201, self.draft_json(draft_id), None
        if found := re.fullmatch(r"/api/deposit/depositions/(\d+)/actions/newversion", path):
            before = self.published[int(found[1])]
            return 201, self.draft_json(self.new_draft(before["conceptrecid"], before["files"])), None
        if found := re.fullmatch(r"/api/deposit/depositions/(\d+)/actions/publish", path):
            draft = self.drafts.pop(int(found[1]))
            self.publish_version(int(found[1]), draft["conceptrecid"], draft["metadata"]["version"], draft["files"])
            return 202, self.record_json(int(found[1])), None
        if found := re.fullmatch(r"/api/deposit/depositions/(\d+)/files/file-(.+)", path):
            del self.drafts[int(found[1])]["files"][found[2]]
            return 204, None, None
        if found := re.fullmatch(r"/api/deposit/depositions/(\d+)", path):
            draft_id = int(found[1])
            if method == "DELETE":
                del self.drafts[draft_id]
                return 204, None, None
            if method == "PUT":
                self.drafts[draft_id]["metadata"] = json.loads(body)["metadata"]
            return 200, self.draft_json(draft_id), None
        if found := re.fullmatch(r"/api/files/bucket-(\d+)/(.+)", path):
            name = unquote(found[2])
            self.drafts[int(found[1])]["files"][name] = body
            checksum = hashlib.md5(body + (b"!" if name in self.misreport else b"")).hexdigest()
            return 201, {"key": name, "size": len(body), "checksum": f"md5:{checksum}"}, None
        return 404, {"status": 404, "message": "The requested URL was not found on the server."}, None


def handler_for(zenodo: FakeZenodo) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def handle_any(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            request = Request(self.command, self.path, self.headers.get("Authorization"), body)
            zenodo.requests.append(request)
            status, answer, location = zenodo.answer(request)
            payload = json.dumps(answer).encode() if answer is not None else b""
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = handle_any

        def log_message(self, *args):
            pass

    return Handler


@contextlib.contextmanager
def served_zenodo() -> Iterator[FakeZenodo]:
    """A fake Zenodo, its base URL (no trailing slash) in .base, until the block ends."""
    zenodo = FakeZenodo()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(zenodo))
    zenodo.base = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield zenodo
    finally:
        server.shutdown()
        server.server_close()
