"""Reproducible zip archives and their safe extraction.

Writing: entries sorted by name, every timestamp the same (SOURCE_DATE_EPOCH or the release date), fixed
permissions (0644 files), no directory entries, deflate at zlib's default level; written to a temporary file
beside the target and moved into place with os.replace, so a failure leaves nothing half-written.

Extraction refuses an archive before writing anything when an entry is an absolute path, a drive path, holds
`..`, is a symlink or any other non-regular file, or when there are too many entries or too many bytes; it
extracts into a temporary directory beside the target and renames it into place.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from hrdocs.errors import EXIT_INVALID, HrdocsError

#: zip cannot hold dates before 1980
ZIP_EPOCH_MIN = 315532800
MAX_ENTRIES = 100_000
MAX_TOTAL_BYTES = 20 * 1024**3  # 20 GiB uncompressed
MAX_RATIO = 1000  # uncompressed / compressed, beyond which an entry is taken for a zip bomb


def zip_timestamp(epoch: int) -> tuple[int, int, int, int, int, int]:
    """The zip date_time of a Unix time (UTC), no earlier than 1980; zip stores even seconds."""
    t = dt.datetime.fromtimestamp(max(epoch, ZIP_EPOCH_MIN), tz=dt.UTC)
    return (t.year, t.month, t.day, t.hour, t.minute, t.second - t.second % 2)


def write_zip(
    target: Path,
    entries: Iterable[tuple[str, Path | bytes]],
    epoch: int,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Write ``entries`` (archive name, file or bytes) to ``target`` reproducibly and atomically."""
    items = sorted(entries, key=lambda e: e[0])
    names = [name for name, _ in items]
    if len(set(names)) != len(names):
        raise HrdocsError(f"{target.name}: duplicate archive entries", EXIT_INVALID)
    date_time = zip_timestamp(epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as zf:
            for name, source in items:
                info = zipfile.ZipInfo(name, date_time=date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # Unix, so that the permissions below are read
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                if progress:
                    progress(name)
                if isinstance(source, bytes):
                    zf.writestr(info, source)
                else:
                    with source.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_members(label: str, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's regular-file members; HrdocsError naming the first hostile or oversized entry."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise HrdocsError(f"{label}: {len(infos)} entries, more than {MAX_ENTRIES}", EXIT_INVALID)
    total = 0
    files = []
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        path = PurePosixPath(name)
        if (
            name.startswith(("/", "\\"))
            or "\\" in name
            or (len(name) > 1 and name[1] == ":")
            or any(part == ".." for part in path.parts)
        ):
            raise HrdocsError(f"{label}: entry {name!r} would be written outside the target", EXIT_INVALID)
        mode = info.external_attr >> 16
        if info.is_dir():
            if mode and not stat.S_ISDIR(mode):
                raise HrdocsError(f"{label}: entry {name!r} is not a regular file", EXIT_INVALID)
            continue
        if mode and not stat.S_ISREG(mode):
            kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
            raise HrdocsError(f"{label}: entry {name!r} is {kind}", EXIT_INVALID)
        if name in seen:
            raise HrdocsError(f"{label}: entry {name!r} appears twice", EXIT_INVALID)
        seen.add(name)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise HrdocsError(f"{label}: more than {MAX_TOTAL_BYTES} bytes uncompressed", EXIT_INVALID)
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise HrdocsError(f"{label}: entry {name!r} expands more than {MAX_RATIO}x", EXIT_INVALID)
        files.append(info)
    return files


def safe_extract(
    archive: Path,
    target: Path,
    progress: Callable[[int, int], None] | None = None,
    label: str | None = None,
) -> None:
    """Unpack ``archive`` into the new directory ``target`` (which must not exist), atomically.

    Errors name the archive as ``label`` (default: its file name).
    """
    label = label or archive.name
    if target.exists():
        raise HrdocsError(f"{target} already exists", EXIT_INVALID)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        try:
            zf = zipfile.ZipFile(archive)
        except (zipfile.BadZipFile, OSError) as exc:
            raise HrdocsError(f"{label}: not a readable zip archive ({exc})", EXIT_INVALID) from exc
        with zf:
            files = check_members(label, zf)
            total = sum(i.file_size for i in files)
            done = 0
            for info in files:
                dest = tmp.joinpath(*PurePosixPath(info.filename).parts)
                written = 0
                try:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(info) as src, dest.open("xb") as dst:
                        while chunk := src.read(1 << 20):
                            written += len(chunk)
                            if written > info.file_size:
                                raise HrdocsError(
                                    f"{label}: entry {info.filename!r} is larger than it declares",
                                    EXIT_INVALID,
                                )
                            dst.write(chunk)
                except OSError as exc:
                    raise HrdocsError(f"{label}: cannot unpack {info.filename!r}: {exc}", EXIT_INVALID) from exc
                except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
                    raise HrdocsError(f"{label}: entry {info.filename!r} is corrupt ({exc})", EXIT_INVALID) from exc
                os.chmod(dest, 0o644)
                done += info.file_size
                if progress:
                    progress(done, total)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def package_dir(root: Path) -> Path:
    """The directory holding datapackage.json: ``root`` itself or its single top-level folder."""
    if (root / "datapackage.json").is_file():
        return root
    children = [p for p in root.iterdir() if not p.name.startswith(".")]
    if len(children) == 1 and (children[0] / "datapackage.json").is_file():
        return children[0]
    raise HrdocsError(f"{root}: no datapackage.json at the top of the archive", EXIT_INVALID)
