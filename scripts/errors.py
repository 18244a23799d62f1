"""A mistake outside the data that stops the build or `make release`: an unknown placeholder in a page, a
release the changelog says nothing about, a malformed SITE_URL. Like a data Problem it carries a stable
code (scripts/problems/codes.yaml) shown in its one-line message, which says what is wrong and the fix;
the entry point prints it and exits 1, with no traceback."""


class BuildError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
