"""`hrdocs download`: verified against SHA256SUMS, hostile archives refused, served by a local HTTP server."""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import stat
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from release_fixture import hrdocs

from hrdocs.errors import HrdocsError
from hrdocs.release.download import archive_url, download

VERSION = "9.8.7"
NAME = f"hrdocs-{VERSION}.zip"


class _Handler(http.server.SimpleHTTPRequestHandler):
    truncate: bool = False

    def log_message(self, *args: object) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data[: len(data) // 2] if self.truncate and self.path.endswith(".zip") else data)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path, type[_Handler]]]:
    root = tmp_path / "www"
    (root / f"v{VERSION}").mkdir(parents=True)
    handler = type("Handler", (_Handler,), {"truncate": False})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", root / f"v{VERSION}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


def _zip(entries: list[tuple[str, bytes, int]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = mode << 16
            zf.writestr(info, data)
    return buf.getvalue()


GOOD = [
    (f"hrdocs-{VERSION}/datapackage.json", b'{"name": "hrdocs", "version": "9.8.7", "resources": []}', 0o100644),
    (f"hrdocs-{VERSION}/data/a.csv", b"a\n1\n", 0o100644),
]


def _publish(folder: Path, archive: bytes, sums_for: bytes | None = None) -> None:
    (folder / NAME).write_bytes(archive)
    digest = hashlib.sha256(archive if sums_for is None else sums_for).hexdigest()
    (folder / "SHA256SUMS").write_text(f"{digest}  {NAME}\n")


def test_version_url_layout() -> None:
    assert archive_url("1.2.3", "https://example.org/rel/") == "https://example.org/rel/v1.2.3/hrdocs-1.2.3.zip"


def test_good_download(server: tuple[str, Path, type[_Handler]], tmp_path: Path) -> None:
    base, folder, _ = server
    _publish(folder, _zip(GOOD))
    out = hrdocs("download", VERSION, "--to", str(tmp_path / "got"), "--base-url", base)
    assert out.returncode == 0, out.stderr
    target = tmp_path / "got" / f"hrdocs-{VERSION}"
    assert out.stdout == f"{hashlib.sha256(_zip(GOOD)).hexdigest()}  {target}\n"
    assert (target / "data" / "a.csv").read_bytes() == b"a\n1\n"
    assert sorted(p.name for p in (tmp_path / "got").iterdir()) == [f"hrdocs-{VERSION}"]


def test_base_url_from_environment(server: tuple[str, Path, type[_Handler]], tmp_path: Path) -> None:
    base, folder, _ = server
    _publish(folder, _zip(GOOD))
    out = hrdocs("download", VERSION, "--to", str(tmp_path), env={"HRDOCS_RELEASE_BASE_URL": base})
    assert out.returncode == 0, out.stderr


def _refused(base: str, to: Path) -> str:
    with pytest.raises(HrdocsError) as exc:
        download(f"{base}/v{VERSION}/{NAME}", to)
    assert not to.exists() or list(to.iterdir()) == [], "nothing may be left behind"
    return exc.value.message


def test_bad_checksum(server: tuple[str, Path, type[_Handler]], tmp_path: Path) -> None:
    base, folder, _ = server
    _publish(folder, _zip(GOOD), sums_for=b"something else")
    message = _refused(base, tmp_path / "got")
    assert message.startswith(f"{NAME}: SHA-256 ") and message.endswith("; deleted")


def test_truncated_download(server: tuple[str, Path, type[_Handler]], tmp_path: Path) -> None:
    base, folder, handler = server
    _publish(folder, _zip(GOOD))
    handler.truncate = True
    message = _refused(base, tmp_path / "got")
    assert "truncated download" in message or "download interrupted" in message


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("../evil.txt", "entry '../evil.txt' would be written outside the target"),
        (f"hrdocs-{VERSION}/../../evil.txt", "would be written outside the target"),
        ("/etc/evil.txt", "entry '/etc/evil.txt' would be written outside the target"),
    ],
)
def test_escaping_paths(server: tuple[str, Path, type[_Handler]], tmp_path: Path, entry: str, reason: str) -> None:
    base, folder, _ = server
    _publish(folder, _zip([*GOOD, (entry, b"x", 0o100644)]))
    assert reason in _refused(base, tmp_path / "got")
    assert not (tmp_path / "evil.txt").exists()


def test_symlink_entry(server: tuple[str, Path, type[_Handler]], tmp_path: Path) -> None:
    base, folder, _ = server
    _publish(folder, _zip([*GOOD, (f"hrdocs-{VERSION}/link", b"/etc/passwd", stat.S_IFLNK | 0o777)]))
    assert _refused(base, tmp_path / "got") == f"{NAME}: entry 'hrdocs-{VERSION}/link' is a symbolic link"


def test_missing_release_is_one_line_error(server: tuple[str, Path, type[_Handler]], tmp_path: Path) -> None:
    base, _, _ = server
    out = hrdocs("download", "0.0.1", "--to", str(tmp_path), "--base-url", base)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [f"hrdocs: error: {base}/v0.0.1/SHA256SUMS: HTTP 404 File not found"]


def test_too_many_entries(
    server: tuple[str, Path, type[_Handler]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hrdocs.release import archive

    monkeypatch.setattr(archive, "MAX_ENTRIES", 1)
    base, folder, _ = server
    _publish(folder, _zip(GOOD))
    assert _refused(base, tmp_path / "got") == f"{NAME}: 2 entries, more than 1"


def test_existing_target_refused(server: tuple[str, Path, type[_Handler]], tmp_path: Path) -> None:
    base, folder, _ = server
    _publish(folder, _zip(GOOD))
    (tmp_path / f"hrdocs-{VERSION}").mkdir()
    with pytest.raises(HrdocsError, match="already exists"):
        download(VERSION, tmp_path, base)


def test_file_and_folder_of_the_same_name(tmp_path: Path) -> None:
    from hrdocs.release.archive import safe_extract

    (tmp_path / "a.zip").write_bytes(_zip([("p/a", b"1", 0o100644), ("p/a/b", b"2", 0o100644)]))
    with pytest.raises(HrdocsError, match=r"^a.zip: cannot unpack 'p/a/b': "):
        safe_extract(tmp_path / "a.zip", tmp_path / "out")
    assert not (tmp_path / "out").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["a.zip"]
