"""Shared helpers for the proof suites (stdlib only).

Every suite starts its own `trafficspec serve` on an ephemeral loopback port with a database in
a temporary folder, and removes both on any exit (normal, exception, SIGINT or SIGTERM).
"""

import argparse
import atexit
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_BINARIES = (".build/release/trafficspec", ".build/debug/trafficspec")


def default_binary():
    for candidate in DEFAULT_BINARIES:
        path = os.path.join(REPO, candidate)
        if os.access(path, os.X_OK):
            return path
    return os.path.join(REPO, DEFAULT_BINARIES[0])


def argument_parser(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--bin", default=None,
        help="trafficspec binary (default .build/release/trafficspec, else .build/debug/trafficspec)")
    return parser


def resolve_binary(path):
    path = path or default_binary()
    if not os.access(path, os.X_OK):
        sys.exit(f"error: no executable trafficspec at {path} (build it, or pass --bin PATH)")
    return os.path.abspath(path)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Workspace:
    """A temporary folder and every server started in it, removed at exit whatever happens."""

    def __init__(self, prefix):
        self.root = tempfile.mkdtemp(prefix=prefix)
        self.servers = []
        atexit.register(self.cleanup)
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self._on_signal)

    def _on_signal(self, signum, _frame):
        # SystemExit runs atexit handlers; a second signal while cleaning up is ignored.
        signal.signal(signum, signal.SIG_IGN)
        sys.exit(128 + signum)

    def path(self, name):
        return os.path.join(self.root, name)

    def cleanup(self):
        for server in self.servers:
            server.kill()
        shutil.rmtree(self.root, ignore_errors=True)


class Server:
    """One `trafficspec serve` process on 127.0.0.1 with a bootstrap admin token."""

    def __init__(self, workspace, binary, database, token=None, extra_args=(), log_name="server.log"):
        self.workspace = workspace
        self.binary = binary
        self.database = database
        self.token = token or "tsk_proof_" + secrets.token_hex(24)
        self.extra_args = list(extra_args)
        self.log_path = workspace.path(log_name)
        self.process = None
        self.port = None
        workspace.servers.append(self)

    @property
    def pid(self):
        return self.process.pid if self.process else None

    @property
    def auth(self):
        return {"Authorization": "Bearer " + self.token}

    def spawn(self):
        """Starts the process without waiting for it to listen."""
        self.port = free_port()
        env = dict(os.environ, TRAFFICSPEC_ADMIN_TOKEN=self.token)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--listen", f"127.0.0.1:{self.port}", "--db", self.database,
             "--log-level", "warning", *self.extra_args],
            env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        log.close()
        return self

    def start(self, timeout=30):
        """Starts the process and waits until /healthz answers 200."""
        for _attempt in range(3):
            self.spawn()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    break  # the port may have been taken in between: try another
                try:
                    if self.request("GET", "/healthz", timeout=2)[0] == 200:
                        return self
                except OSError:
                    pass
                time.sleep(0.05)
            self.kill()
        raise RuntimeError(f"the server did not start; log:\n{self.log_tail()}")

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, "rb") as handle:
                return b"\n".join(handle.read().splitlines()[-lines:]).decode("utf-8", "replace")
        except OSError:
            return ""

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self, signum=signal.SIGKILL):
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.send_signal(signum)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def stop(self):
        """Graceful stop (SIGTERM), as an operator would."""
        self.kill(signal.SIGTERM)

    def request(self, method, path, body=None, headers=None, timeout=30, auth=True):
        """One request on a fresh connection: (status, headers dict lowercased, body bytes)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            all_headers = dict(self.auth) if auth else {}
            all_headers.update(headers or {})
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            connection.close()

    def json(self, method, path, body=None, headers=None, timeout=30):
        status, _headers, data = self.request(method, path, body, headers, timeout)
        return status, (json.loads(data) if data else None)

    def memory(self):
        """(VmRSS, VmHWM) in KiB from /proc/PID/status."""
        values = {}
        with open(f"/proc/{self.pid}/status") as handle:
            for line in handle:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0])
        return values.get("VmRSS", 0), values.get("VmHWM", 0)

    def open_fds(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def threads(self):
        return len(os.listdir(f"/proc/{self.pid}/task"))


def minimal_spec(name, path="/api", port=8000, weight=None):
    backend = f"{{service: {name}, port: {port}" + (f", weight: {weight}" if weight is not None else "") + "}"
    return (
        "version: trafficspec/v1\n"
        f"name: {name}\n"
        "gateway:\n"
        "  listeners:\n"
        "    - {name: http, protocol: HTTP, port: 80}\n"
        "routes:\n"
        "  - name: main\n"
        f"    pathPrefix: {path}\n"
        f"    backends: [{backend}]\n"
    )


def mb(kib):
    return f"{kib / 1024:.1f} MB"
