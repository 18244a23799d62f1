"""Throw-away folders for files written to be read once: in memory (/dev/shm) where the machine has it.

Pagefind's copies of the pages and the working tree's release written only to be compared are read
once and deleted. On a disk, making their hundreds of folders and files cost more than all the rest
of the indexing (0.2-0.6 s on the 2-core machine, 10x what it costs in memory); nothing of them is kept.
"""
import os
import tempfile
from pathlib import Path

MEMORY = Path("/dev/shm")  # Linux's shared-memory file system (tmpfs)


def scratch(prefix: str) -> tempfile.TemporaryDirectory:
    """A temporary folder, removed when its block ends: in memory if /dev/shm can be written, else in the
    system's temporary folder."""
    in_memory = MEMORY.is_dir() and os.access(MEMORY, os.W_OK)
    return tempfile.TemporaryDirectory(prefix=prefix, dir=MEMORY if in_memory else None)
