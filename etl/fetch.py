"""Fetch stage: get each raw file from its upstream URL or from a local mirror.

Either way the bytes are checksummed and a provenance record is kept, so a
dataset can always be traced back to the exact input files that made it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from etl.errors import FetchError
from etl.state import default_mirror  # noqa: F401 (where callers have always found it)

if TYPE_CHECKING:  # requests is imported where a download happens: mirror runs never need it
    import requests

USER_AGENT = "pressfreedom-dashboard-etl/0.1 (+https://github.com/)"


@dataclass(frozen=True)
class RawFile:
    """One upstream file: where it lives online and its name in the source's mirror folder.

    Curated files that the project itself maintains have `local` set: they are
    read from the repository, whatever the mirror setting. A dataset published by
    another source of this project has `dataset` set: it is read as the run has built
    it (or as last released), by the pipeline.
    """

    name: str
    url: str
    local: Path | None = None
    dataset: str | None = None


@dataclass(frozen=True)
class Fetched:
    """The bytes of one raw file plus the provenance needed to reproduce them."""

    name: str
    url: str
    origin: str  # the URL or the mirror path the bytes were read from
    sha256: str
    size: int
    retrieved_at: str
    content: bytes

    def record(self) -> dict:
        """Provenance without the bytes, for logs."""
        rec = asdict(self)
        del rec["content"]
        return rec


def http_session(retries: int = 5, backoff: float = 0.5) -> requests.Session:
    """A session that retries idempotent GETs on 429/5xx, honouring Retry-After."""
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


TEXT_SUFFIXES = (".csv", ".json", ".txt", ".tsv")


def _foreign_encoding(content: bytes) -> str | None:
    """The encoding of a text file that no parser here reads (UTF-16/32), if it is one.

    Publishers' files are UTF-8 or a single-byte code page; a UTF-16 file would otherwise
    surface much later as 'missing columns'."""
    boms = {
        b"\xff\xfe\x00\x00": "UTF-32 (little-endian byte-order mark)",
        b"\x00\x00\xfe\xff": "UTF-32 (big-endian byte-order mark)",
        b"\xff\xfe": "UTF-16 (little-endian byte-order mark)",
        b"\xfe\xff": "UTF-16 (big-endian byte-order mark)",
    }
    for bom, name in boms.items():
        if content.startswith(bom):
            return name
    if b"\x00" in content[:4096]:
        return "UTF-16 or binary (NUL bytes in the text)"
    return None


def _looks_like_html(content: bytes) -> bool:
    head = content[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


class Fetcher:
    """Reads raw files from a mirror directory if one is given, else downloads them."""

    def __init__(
        self,
        mirror: Path | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (10.0, 60.0),
        log_path: Path | None = None,
        expected: dict[tuple[str, str], str] | None = None,
    ):
        self.mirror = mirror
        self.session = session
        self.timeout = timeout
        self.log_path = log_path
        # (source, file name) → SHA-256 the file must have (the `--frozen` mode)
        self.expected = expected or {}

    def describe(self) -> str:
        return f"mirror {self.mirror}" if self.mirror else "upstream URLs"

    def fetch(self, source: str, mirror_folder: str, raw: RawFile) -> Fetched:
        if raw.local is not None or self.mirror is not None:
            path = raw.local or self.mirror / mirror_folder / raw.name
            try:
                content = path.read_bytes()
            except OSError as exc:
                raise FetchError(
                    f"[{source}] {raw.name}: cannot read mirror file {path}: {exc}"
                ) from exc
            origin = str(path)
        else:
            content = self._download(source, raw)
            origin = raw.url
        if not content:
            raise FetchError(f"[{source}] {raw.name}: empty file from {origin}")
        if _looks_like_html(content) and not raw.name.endswith((".html", ".htm")):
            raise FetchError(
                f"[{source}] {raw.name}: {origin} returned an HTML page, not the data file"
            )
        encoding = _foreign_encoding(content) if raw.name.endswith(TEXT_SUFFIXES) else None
        if encoding:
            raise FetchError(
                f"[{source}] {raw.name}: {origin} is encoded as {encoding}, not as the "
                "publisher's UTF-8 or single-byte text: re-download it, or convert it to UTF-8"
            )
        digest = hashlib.sha256(content).hexdigest()
        wanted = self.expected.get((source, raw.name))
        if wanted and wanted != digest:
            raise FetchError(
                f"[{source}] {raw.name}: checksum changed (expected {wanted[:12]}…, got "
                f"{digest[:12]}…): the publisher changed the file; run without --frozen to "
                "accept it"
            )
        fetched = Fetched(
            name=raw.name,
            url=raw.url,
            origin=origin,
            sha256=digest,
            size=len(content),
            retrieved_at=datetime.now(UTC).isoformat(timespec="seconds"),
            content=content,
        )
        self._log(source, fetched)
        return fetched

    def _download(self, source: str, raw: RawFile) -> bytes:
        import requests

        session = self.session or http_session()
        try:
            response = session.get(raw.url, timeout=self.timeout)
        except requests.RequestException as exc:
            raise FetchError(
                f"[{source}] {raw.name}: download from {raw.url} failed: {exc}"
            ) from exc
        if response.status_code != 200:
            raise FetchError(
                f"[{source}] {raw.name}: {raw.url} answered HTTP {response.status_code}"
            )
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) != len(response.content):
            raise FetchError(
                f"[{source}] {raw.name}: truncated download "
                f"({len(response.content)} of {declared} bytes)"
            )
        return response.content

    def _log(self, source: str, fetched: Fetched) -> None:
        """Append the retrieval record (with its time) to a local, uncommitted log."""
        if self.log_path is None:
            return
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("a", encoding="utf-8") as log:
            log.write(json.dumps({"source": source, **fetched.record()}) + "\n")


def frozen_checksums(out_dir: Path) -> dict[tuple[str, str], str]:
    """The input checksums recorded by the last publish of every source (for `--frozen`)."""
    expected = {}
    for path in sorted((out_dir / "provenance").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for item in record.get("inputs", []):
            expected[(record["source"], item["name"])] = item["sha256"]
    return expected
