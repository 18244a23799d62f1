"""The pipeline: validate the data, write the releases, generate the site and build it (scripts/build.py)."""
