"""Writing outputs all at once, so that a reader (or a killed run) never sees half of them.

A file is written under a temporary name beside it and renamed into place. A folder (the build,
the pages, the report) is written beside its place under a hidden name, and the visible name is a
symbolic link switched to it with one atomic rename: the old folder or the new one, never a mix.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from policykg.errors import PolicyKGError

MARK = ".policykg"  # in every folder this module publishes, so that only those are ever replaced
PUBLISHED = "published"  # what MARK holds once its folder was published; before, its writer's pid


def write_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    return write_atomically(path, lambda p: p.write_text(text, encoding="utf-8"))


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A new empty folder to write into; published as ``target`` when the block succeeds and
    removed when it raises (a killed run's leftovers are removed by the next publication)."""
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        (staging / MARK).write_text(str(os.getpid()))
        yield staging
        _publish(staging, target)
    except BaseException as err:
        traceback.clear_frames(err.__traceback__)  # the block's open store, closed before its files go
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _check_replaceable(target: Path) -> None:
    """Refuse to replace a folder this project did not write (``--out ~/Documents``)."""
    if target.is_dir() and not target.is_symlink() and any(target.iterdir()) and not (target / MARK).exists():
        raise PolicyKGError(f"{target}: exists and was not written by policykg; remove it or choose another folder")


def _publish(staging: Path, target: Path) -> None:
    staging.chmod(0o755)
    previous = target.resolve() if target.is_symlink() else None
    if target.is_dir() and not target.is_symlink():  # a plain folder (empty, or from an older version)
        previous = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(previous)
    link = target.with_name(f".{target.name}-link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(staging.name, target_is_directory=True)
    os.replace(link, target)
    (staging / MARK).write_text(PUBLISHED)  # its writer may live on (a build run in-process), it is done
    # this target's staging folders (mkdtemp's 8 characters) and renamed plain folder, not a sibling's (build-full)
    ours = re.compile(rf"\.{re.escape(target.name)}-(?:[a-z0-9_]{{8}}|old-\d+)")
    for leftover in target.parent.glob(f".{target.name}-*"):
        if not ours.fullmatch(leftover.name) or leftover.is_symlink() or not leftover.is_dir():
            continue
        if leftover != staging and _stale(leftover, previous):
            shutil.rmtree(leftover, ignore_errors=True)


def _stale(folder: Path, previous: Path | None) -> bool:
    """The folder published before (now or by a run killed while clearing), or one whose writer is
    gone (a run killed midway)."""
    if folder == previous:
        return True
    try:
        os.kill(int((folder / MARK).read_text()), 0)  # "published" or no pid: ValueError
    except (OSError, ValueError):
        return True
    return False
