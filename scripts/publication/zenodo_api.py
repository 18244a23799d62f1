"""Talking to Zenodo's REST API (developers.zenodo.org) with the standard library: one request at a time,
its answer as JSON, and a failure as a ZenodoError that says, in one line, the step, what Zenodo answered
(the HTTP status and its own message) and the fix."""
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

TIMEOUT = 300  # seconds for one request: the largest file is a few megabytes
TOKEN_PAGE = "/account/settings/applications/"  # where a Zenodo account makes its tokens


class ZenodoError(Exception):
    def __init__(self, step: str, answer: str, fix: str):
        super().__init__(f"{step}: {answer.rstrip('.')}. Fix: {fix}")
        self.step, self.answer, self.fix = step, answer, fix

    def but(self, outcome: str) -> "ZenodoError":
        """The same error, its fix followed by what became of the draft."""
        return ZenodoError(self.step, self.answer, f"{self.fix.rstrip('.')}; {outcome}")


@dataclass(frozen=True)
class Zenodo:
    base: str  # https://zenodo.org, or https://sandbox.zenodo.org to try; no trailing slash
    token: str

    @property
    def api(self) -> str:
        return f"{self.base}/api"

    def call(self, step: str, method: str, url: str, fix: str, body: dict | None = None,
             data: bytes | None = None) -> dict:
        """Zenodo's JSON answer to one request ({} for an empty one), or a ZenodoError for `step` with `fix`."""
        request = urllib.request.Request(url, method=method, headers={"Accept": "application/json"})
        if body is not None:
            request.data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            request.add_header("Content-Type", "application/json")
        elif data is not None:
            request.data = data
            request.add_header("Content-Type", "application/octet-stream")
        # Unredirected: a redirect (the newest version of a record answers with one) never carries the token on.
        request.add_unredirected_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise ZenodoError(step, f"HTTP {error.code}: {said(error.read())}", status_fix(error.code, self.base) or fix) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise ZenodoError(step, f"no answer from {urlsplit(url).netloc} ({reason})",
                              "check ZENODO_URL, or run the workflow again later; nothing was published") from None
        try:
            return json.loads(raw) if raw.strip() else {}
        except ValueError:
            raise ZenodoError(step, f"the answer is not JSON: {said(raw)}",
                              "check that ZENODO_URL is Zenodo's address (https://zenodo.org)") from None


def said(raw: bytes) -> str:
    """Zenodo's own message, on one line: its JSON `message` and each field's errors, or the text's start."""
    text = raw.decode("utf-8", "replace")
    try:
        answer = json.loads(text)
    except ValueError:
        answer = None
    if isinstance(answer, dict) and answer.get("message"):
        parts = [str(answer["message"])]
        for error in answer.get("errors") or []:
            messages = error.get("messages") or error.get("message") or ""
            parts.append(f"{error.get('field', '?')}: {' '.join(map(str, messages)) if isinstance(messages, list) else messages}")
        text = "; ".join(parts)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()  # an HTML error page: its words
    return (text[:300] + "…" if len(text) > 300 else text) or "no message"


def status_fix(status: int, base: str) -> str | None:
    """The fix a status calls for whatever the step; None where it depends on the step."""
    if status in (401, 403):
        return (f"make a token at {base}{TOKEN_PAGE} with the scopes deposit:write and deposit:actions (the sandbox "
                "and zenodo.org have their own) and store it as the repository secret ZENODO_TOKEN; nothing was published")
    if status == 429 or status >= 500:
        return "Zenodo is busy or failing: run the workflow again later; nothing was published"
    return None
