"""What the browser tests and the benchmark share: starting Chromium, and a folder served on 127.0.0.1."""
