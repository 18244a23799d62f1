"""A mistake outside the data that stops the build: an unknown placeholder in a page, a release the
changelog says nothing about. Its message names the file and the problem in one line; the build prints
it and exits 1, with no traceback (data mistakes are validation Problems instead)."""


class BuildError(Exception):
    pass
