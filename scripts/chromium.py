"""How the browser tests and the benchmark start Chromium: Debian's (installed by `make system-deps`),
never one that Playwright or Lighthouse would download, with the flags this offline machine needs."""
EXECUTABLE = "/usr/bin/chromium"
# Headless as root; no background requests (the network is closed and they would fail by the dozen).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright):
    """A headless Chromium browser through Playwright."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
