"""`hrdocs download VERSION|URL`: fetch a release archive and its SHA256SUMS, verify, unpack atomically.

A VERSION is fetched from ``<base>/v<VERSION>/hrdocs-<VERSION>.zip`` (the layout of GitHub release assets);
a URL names the archive itself, and SHA256SUMS is read from the same directory. The base URL is --base-url,
else $HRDOCS_RELEASE_BASE_URL, else DEFAULT_BASE_URL. The archive is downloaded to a temporary file in the
target directory, checked (length, SHA-256, entries) and unpacked into a temporary directory that is renamed
into place; on any failure both are deleted.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hrdocs.errors import EXIT_INVALID, EXIT_UNUSABLE, HrdocsError
from hrdocs.release.archive import package_dir, safe_extract
from hrdocs.release.version import SEMVER, archive_name, tag_name

DEFAULT_BASE_URL = "https://github.com/hrdocs/hrdocs/releases/download"
BASE_URL_ENV = "HRDOCS_RELEASE_BASE_URL"
SUMS_NAME = "SHA256SUMS"
#: seconds to wait for a server that says nothing (to connect, or between two pieces of the body)
TIMEOUT = 15.0


@dataclass
class Downloaded:
    url: str
    sha256: str
    package: Path


def archive_url(spec: str, base_url: str | None = None) -> str:
    """The archive URL of a version or URL."""
    if SEMVER.match(spec.removeprefix("v")):
        version = spec.removeprefix("v")
        base = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        return f"{base}/{tag_name(version)}/{archive_name(version)}"
    if urllib.parse.urlsplit(spec).scheme in ("http", "https", "file"):
        return spec
    raise HrdocsError(f"{spec!r} is neither a version X.Y.Z nor an http(s) URL", EXIT_UNUSABLE)


def _silent(url: str, timeout: float) -> HrdocsError:
    return HrdocsError(f"{url}: no answer for {timeout:g} s (--timeout SECONDS to wait longer)", EXIT_UNUSABLE)


def _open(url: str, timeout: float = TIMEOUT) -> object:
    try:
        return urllib.request.urlopen(url, timeout=timeout)
    except urllib.error.HTTPError as exc:
        raise HrdocsError(f"{url}: HTTP {exc.code} {exc.reason}", EXIT_UNUSABLE) from exc
    except TimeoutError as exc:
        raise _silent(url, timeout) from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise _silent(url, timeout) from exc
        raise HrdocsError(f"{url}: cannot download: {reason}", EXIT_UNUSABLE) from exc


def expected_sha256(sums_url: str, name: str, timeout: float = TIMEOUT) -> str:
    """The SHA-256 that SHA256SUMS at ``sums_url`` gives for ``name``."""
    with _open(sums_url, timeout) as response:  # type: ignore[attr-defined]
        try:
            text = response.read(1 << 20).decode("utf-8", "replace")
        except TimeoutError as exc:
            raise _silent(sums_url, timeout) from exc
    for line in text.splitlines():
        m = re.match(r"^([0-9a-fA-F]{64}) [ *](.+)$", line.strip())
        if m and m.group(2) == name:
            return m.group(1).lower()
    raise HrdocsError(f"{sums_url}: no checksum for {name}", EXIT_INVALID)


def fetch(
    url: str, dest: Path, progress: Callable[[int, int | None], None] | None = None, timeout: float = TIMEOUT
) -> str:
    """Download ``url`` into ``dest``; returns its SHA-256; refuses a body shorter than Content-Length."""
    digest = hashlib.sha256()
    received = 0
    with _open(url, timeout) as response, dest.open("wb") as out:  # type: ignore[attr-defined]
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        while True:
            try:
                chunk = response.read(1 << 20)
            except TimeoutError as exc:
                raise HrdocsError(
                    f"{url}: no data for {timeout:g} s after {received} bytes (--timeout SECONDS to wait longer)",
                    EXIT_INVALID,
                ) from exc
            except (OSError, ValueError) as exc:  # http.client.IncompleteRead is a ValueError... and OSError
                raise HrdocsError(f"{url}: download interrupted after {received} bytes ({exc})", EXIT_INVALID) from exc
            if not chunk:
                break
            out.write(chunk)
            digest.update(chunk)
            received += len(chunk)
            if progress:
                progress(received, total)
    if total is not None and received != total:
        raise HrdocsError(f"{url}: truncated download ({received} of {total} bytes)", EXIT_INVALID)
    return digest.hexdigest()


def download(
    spec: str,
    to: Path,
    base_url: str | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    timeout: float = TIMEOUT,
) -> Downloaded:
    """Fetch, verify and unpack a release into ``to/<archive name without .zip>``; ``timeout``: seconds to wait
    for a silent server."""
    url = archive_url(spec, base_url)
    name = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])
    if not name.endswith(".zip") or "/" in name or name.startswith("."):
        raise HrdocsError(f"{url}: not a .zip release archive", EXIT_UNUSABLE)
    target = to / name.removesuffix(".zip")  # the package directory, whatever the archive's top folder
    if target.exists():
        raise HrdocsError(f"{target} already exists: remove it or choose another --to", EXIT_UNUSABLE)
    sums_url = urllib.parse.urljoin(url, SUMS_NAME)
    expected = expected_sha256(sums_url, name, timeout)
    to.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=to)
    os.close(fd)
    tmp = Path(tmp_name)
    staging = to / f".{name}.unpack"
    try:
        actual = fetch(url, tmp, progress, timeout)
        if actual != expected:
            raise HrdocsError(f"{name}: SHA-256 {actual} does not match SHA256SUMS ({expected}); deleted", EXIT_INVALID)
        safe_extract(tmp, staging, label=name)
        os.replace(package_dir(staging), target)
    finally:
        tmp.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    return Downloaded(url, actual, target)
