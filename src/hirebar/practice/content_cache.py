"""A cache of parsed packs, so the app starts without re-reading 400 questions of YAML.

Parsing and validating the built-in pack takes most of a second; unpickling the
result takes a few milliseconds. The key covers every file's path, size and
modification time, the hirebar version, the Python version and the fields a parsed
pack has, so any edit to a pack, an upgrade or a change to what is cached reads the
YAML again. A broken or unreadable cache is ignored.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from dataclasses import fields
from pathlib import Path

from hirebar import __version__
from hirebar.content import Library, LoadedPack, load_pack


def root_key(root: Path) -> str:
    """Names the pack folder, so an outdated entry for it can be found and removed."""
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]


def pack_key(root: Path) -> str:
    shape = ",".join(f.name for f in fields(LoadedPack))
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{shape}|{root.resolve()}".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def cached_reader(cache_dir: Path):  # type: ignore[no-untyped-def]
    """A pack reader that keeps each parsed pack in ``cache_dir``."""

    def read(root: Path) -> LoadedPack:
        if not root.is_dir():
            return load_pack(root)
        folder = root_key(root)
        path = cache_dir / f"pack-{folder}-{pack_key(root)}.pickle"
        try:
            with path.open("rb") as cached:
                pack = pickle.load(cached)
            if isinstance(pack, LoadedPack):
                return pack
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
        pack = load_pack(root)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            for stale in cache_dir.glob(f"pack-{folder}-*.pickle"):
                stale.unlink(missing_ok=True)
            temporary = path.with_suffix(".tmp")
            with temporary.open("wb") as out:
                pickle.dump(pack, out, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)  # atomic: a reader never sees half a file
        except OSError:
            pass  # a read-only data folder just means no cache
        return pack

    return read


def load_library(packs: list[Path], cache_dir: Path) -> Library:
    return Library.load(packs, read=cached_reader(cache_dir))
