"""Throw-away folders for files written to be read once: in memory (/dev/shm) where the machine has it.

Pagefind's copies of the pages and the working tree's release written only to be compared are read
once and deleted. On a disk, making their hundreds of folders and files cost more than all the rest
of the indexing (0.2-0.6 s on the 2-core machine, 10x what it costs in memory); nothing of them is kept.
"""
import os
import shutil
import tempfile
from pathlib import Path

MEMORY = Path("/dev/shm")  # Linux's shared-memory file system (tmpfs)
ROOM = 1 << 30  # free bytes it must have: a container's is often 64 MB, too small for a large site's copies


def scratch(prefix: str) -> tempfile.TemporaryDirectory:
    """A temporary folder, removed when its block ends: in memory if /dev/shm can be written and has room,
    else in the system's temporary folder."""
    return tempfile.TemporaryDirectory(prefix=prefix, dir=MEMORY if in_memory() else None)


def in_memory() -> bool:
    return MEMORY.is_dir() and os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free >= ROOM
