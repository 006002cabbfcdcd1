"""Files written whole or not at all: the one write-then-replace of the package.

The content goes to a new hidden file beside the target, is flushed to disk, takes the target's
permissions, and then replaces the target in one step; any failure removes the new file and
leaves an existing target as it was.  A target that is a symbolic link is written through: the
file it points to is replaced, and the link stays.

A process killed mid-write (``SIGKILL``, a power cut) cannot remove its new file.  The new
file's name holds the writing process's id, and the next write to the same target removes the
new files of processes that no longer run.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO

from mdpoverty.i18n import _
from mdpoverty.io._foreign import system_says

__all__ = ["write_atomically", "write_text_atomically", "write_to"]


def write_to(
    target: str | os.PathLike[str] | IO[bytes], write: Callable[[Path | IO[bytes]], None]
) -> None:
    """Call ``write`` with ``target``: a path is written whole or not at all
    (:func:`write_atomically`), a binary stream (an HTTP response) as it is."""
    if isinstance(target, str | os.PathLike):
        write_atomically(target, write)
    else:
        write(target)


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], None]) -> None:
    """Call ``write`` with a new file beside ``path``, then put that file in ``path``'s place."""
    target = Path(os.path.realpath(path))
    _remove_abandoned(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        write(temporary)
        with temporary.open("rb+") as out:
            os.fsync(out.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        # Named by the target the caller gave, not by the hidden temporary file.
        # A message: the command line says it in the reader's language.
        message = _("cannot write {path}: {why}", path=os.fspath(path), why=system_says(error))
        if error.errno is None:
            raise OSError(message) from error
        raise OSError(error.errno, message) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove_abandoned(target: Path) -> None:
    """Remove the new files earlier writes to ``target`` left when their process was killed."""
    prefix = f".{target.name}."
    try:
        names = [p.name for p in target.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return  # the write itself will report the folder
    for name in names:
        parts = name[len(prefix) :].split(".")
        if len(parts) != 3 or parts[2] != "tmp" or not parts[0].isdigit():
            continue
        if not _running(int(parts[0])):
            target.with_name(name).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # it exists (another user's), or cannot be asked: left alone
    return True


def write_text_atomically(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8"
) -> None:
    """Write ``text`` to ``path`` whole or not at all, with ``\\n`` line ends."""

    def write(file: Path) -> None:
        with file.open("x", encoding=encoding, newline="\n") as out:
            out.write(text)

    write_atomically(path, write)
