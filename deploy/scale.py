"""Two replicas of the dashboard behind nginx, on loopback, from one command.

    python -m deploy.scale [--port 8080]      (or: make scale)

Starts two replicas as `make run` starts one (`streamlit run dashboard/server.py`), each on
a free 127.0.0.1 port and named a and b (DASHBOARD_REPLICA, answered at /_replica), then
Debian's nginx with deploy/dashboard.nginx.conf.template filled in, and prints the URL.
nginx runs in the foreground with its configuration, pid file, logs and temporary folders
in a scratch folder (.tools/scale by default): /etc/nginx and any system nginx are left
alone. Ctrl-C (or SIGTERM) stops nginx, then the replicas. benchmarks/scale_load.py and
tests/test_scale.py start the same set-up through `running()`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from dashboard.replica import REPLICA_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("dashboard.nginx.conf.template")
REPLICAS = ("a", "b")  # the names the template's route cookie holds
ROUTE_COOKIE = "dashboard_replica"
START_TIMEOUT = 90  # seconds for a replica to answer; two start at once on a shared machine

# The process around the template: in the foreground, everything it writes in the scratch
# folder. Proxied answers are never spooled to disk (proxy_max_temp_file_size 0): run as
# root, nginx's workers are `nobody`, who may not enter a private scratch folder.
MAIN_CONFIG = """\
daemon off;
worker_processes 1;
pid {scratch}/nginx.pid;
error_log stderr warn;
events {{
    worker_connections 1024;
}}
http {{
    log_format replica '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                       'cookie=$cookie_dashboard_replica upstream=$upstream_addr';
    access_log {scratch}/access.log replica;
    client_body_temp_path {scratch}/client_body;
    proxy_temp_path {scratch}/proxy;
    fastcgi_temp_path {scratch}/fastcgi;
    uwsgi_temp_path {scratch}/uwsgi;
    scgi_temp_path {scratch}/scgi;
    proxy_max_temp_file_size 0;
    include {scratch}/dashboard.conf;
}}
"""


def nginx_path() -> str | None:
    """Debian installs nginx in /usr/sbin, which a user's PATH may not hold."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(listen: str, replicas: dict[str, str]) -> str:
    """The template with the proxy's address and each replica's host:port filled in."""
    text = TEMPLATE.read_text(encoding="utf-8").replace("@LISTEN@", listen)
    for name, address in replicas.items():
        text = text.replace(f"@REPLICA_{name.upper()}@", address)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise ValueError(f"{TEMPLATE.name}: {', '.join(sorted(set(left)))} not filled in")
    return text


@dataclass
class Cluster:
    """The running set-up: the proxy's URL, each replica's own URL by name, the logs."""

    url: str
    replicas: dict[str, str]
    scratch: Path
    processes: dict[Path, subprocess.Popen]  # by log file

    def exited(self) -> list[Path]:
        """Logs of the processes that have stopped (none should, while it runs)."""
        return [log for log, process in self.processes.items() if process.poll() is not None]


def _start(command: list[str], log: Path, env: dict[str, str] | None = None):
    """A process in its own session (a terminal's Ctrl-C reaches only `running`'s owner,
    which stops it in order), its output in `log`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{log.name}: {url} did not start:\n{tail}")
        time.sleep(0.3)


@contextmanager
def running(port: int, scratch: Path) -> Iterator[Cluster]:
    """Two replicas and nginx on 127.0.0.1:`port`, all answering; stopped on leaving."""
    nginx = nginx_path()
    if nginx is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx)")
    scratch = scratch.resolve()
    scratch.mkdir(parents=True, exist_ok=True)
    streamlit = Path(sys.executable).with_name("streamlit")
    command = [str(streamlit)] if streamlit.exists() else [sys.executable, "-m", "streamlit"]
    addresses = {name: f"127.0.0.1:{free_port()}" for name in REPLICAS}
    urls = {name: f"http://{address}" for name, address in addresses.items()}
    cluster = Cluster(f"http://127.0.0.1:{port}", urls, scratch, {})
    with ExitStack() as stack:
        answering = []  # (URL, process, log) of each process, to wait for
        for name, address in addresses.items():
            log = scratch / f"replica-{name}.log"
            host, replica_port = address.split(":")
            process = _start(
                [*command, "run", "dashboard/server.py"]
                + ["--server.address", host, "--server.port", replica_port],
                log,
                env={REPLICA_VARIABLE: name},
            )
            stack.callback(_stop, process)
            answering.append((urls[name], process, log))
        (scratch / "dashboard.conf").write_text(site_config(f"127.0.0.1:{port}", addresses))
        (scratch / "nginx.conf").write_text(MAIN_CONFIG.format(scratch=scratch))
        log = scratch / "nginx.log"
        process = _start([nginx, "-p", str(scratch), "-c", str(scratch / "nginx.conf")], log)
        stack.callback(_stop, process)  # stopped first: the last callback runs first
        answering.append((cluster.url, process, log))
        for url, process, log in answering:
            _wait_until_healthy(url, process, log)
            cluster.processes[log] = process
        yield cluster


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1")
    parser.add_argument("--scratch", type=Path, default=ROOT / ".tools" / "scale")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops all, as Ctrl-C
    try:
        with running(args.port, args.scratch) as cluster:
            print(f"The dashboard, through nginx: {cluster.url}")
            for name, url in cluster.replicas.items():
                print(f"  replica {name}: {url} (sessions: {url}/_replica)")
            print(f"Logs and configuration: {cluster.scratch}. Ctrl-C stops all.", flush=True)
            while not cluster.exited():
                time.sleep(1)
            print(f"stopped by itself, see {', '.join(map(str, cluster.exited()))}")
            return 1
    except KeyboardInterrupt:
        print("stopped")
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
