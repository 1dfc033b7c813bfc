#!/usr/bin/env python3
"""Crash safety: SIGKILL the server under concurrent writes, many times, on one database.

Every round starts `trafficspec serve` on the same database, lets --writers clients POST
distinct revisions of one spec, and SIGKILLs the server at a random moment (some rounds kill it
during start-up instead, before it answers). At the end it checks, on a restarted server and in
the database file itself:

  * every acknowledged (201) revision is present, with the digest the 201 carried, and the
    document served back byte for byte as it was posted;
  * every stored revision is one that was sent, whole: its source is one of the bodies sent,
    its digest is the SHA-256 of its canonical JSON, and it has exactly one audit event that
    names its number and digest (a write acknowledged or not is all or nothing);
  * revision numbers are 1..N without gaps;
  * PRAGMA integrity_check is `ok` and PRAGMA foreign_key_check is empty;
  * `trafficspec audit verify --db FILE` exits 0.

Usage: scripts/proof/crash.py [--bin PATH] [--rounds N] [--writers N] [--seed N]
"""

import hashlib
import http.client
import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proofkit  # noqa: E402

SPEC = "crash"


def spec_body(tag):
    return proofkit.minimal_spec(SPEC, path=f"/{tag}").encode()


class Ledger:
    """What the writers sent and what the server acknowledged."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent = set()  # every body put on the wire
        self.acknowledged = {}  # revision number -> (digest, body)
        self.duplicates = []  # a revision number acknowledged twice (must never happen)
        self.other_statuses = {}  # status -> count, for anything but 201

    def send(self, body):
        with self.lock:
            self.sent.add(body)

    def ack(self, number, digest, body):
        with self.lock:
            if number in self.acknowledged:
                self.duplicates.append(number)
            self.acknowledged[number] = (digest, body)

    def other(self, status):
        with self.lock:
            self.other_statuses[status] = self.other_statuses.get(status, 0) + 1


def writer(port, token, ledger, round_number, index, stop):
    connection = None
    sequence = 0
    while not stop.is_set():
        body = spec_body(f"r{round_number}-w{index}-{sequence}")
        sequence += 1
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            ledger.send(body)
            connection.request("POST", f"/v1/specs/{SPEC}/revisions", body=body, headers={
                "Authorization": f"Bearer {token}", "Content-Type": "application/yaml"})
            response = connection.getresponse()
            data = response.read()
            if response.status == 201:
                answer = json.loads(data)
                ledger.ack(answer["revision"], answer["digest"], body)
            else:
                ledger.other(response.status)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
        except (OSError, http.client.HTTPException, ValueError):
            # The server died under us: whatever was in flight is unacknowledged.
            if connection is not None:
                connection.close()
            return


def check_database(database, ledger):
    """Returns (problems, figures) from the database file itself (the server is stopped)."""
    problems = []
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"PRAGMA integrity_check: {integrity[:5]}")
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            problems.append(f"PRAGMA foreign_key_check: {foreign[:5]}")
        rows = connection.execute(
            "SELECT r.number, r.digest, r.source, r.canonical FROM revisions r JOIN specs s ON s.id = r.spec_id "
            "WHERE s.name = ? ORDER BY r.number", (SPEC,)).fetchall()
        events = connection.execute(
            "SELECT action, details FROM audit_events WHERE subject = ? AND action IN "
            "('spec.created', 'revision.created')", (SPEC,)).fetchall()
    finally:
        connection.close()

    numbers = [row[0] for row in rows]
    if numbers != list(range(1, len(numbers) + 1)):
        gaps = sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
        problems.append(f"revision numbers are not contiguous (missing {gaps[:10]})")
    event_keys = {}
    for action, details in events:
        parsed = json.loads(details)
        key = (parsed.get("revision", 1 if action == "spec.created" else None), parsed.get("digest"))
        event_keys[key] = event_keys.get(key, 0) + 1
    unacknowledged = 0
    for number, digest, source, canonical in rows:
        source_bytes = source.encode() if isinstance(source, str) else source
        if source_bytes not in ledger.sent:
            problems.append(f"revision {number}: its source was never sent (torn or invented)")
        if hashlib.sha256(canonical.encode()).hexdigest() != digest:
            problems.append(f"revision {number}: digest is not the SHA-256 of its canonical JSON")
        if event_keys.get((number, digest), 0) != 1:
            problems.append(f"revision {number}: {event_keys.get((number, digest), 0)} audit events, expected 1")
        acknowledged = ledger.acknowledged.get(number)
        if acknowledged is None:
            unacknowledged += 1
        elif acknowledged != (digest, source_bytes):
            problems.append(f"revision {number}: stored digest/content differ from the acknowledged ones")
    if len(events) != len(rows):
        problems.append(f"{len(events)} revision audit events for {len(rows)} revisions")
    missing = sorted(set(ledger.acknowledged) - set(numbers))
    if missing:
        problems.append(f"acknowledged revisions missing from the database: {missing[:10]}")
    return problems, {"stored": len(rows), "unacknowledged": unacknowledged}


def check_through_api(server, ledger):
    """Every acknowledged revision, read back over HTTP on a restarted server."""
    problems = []
    status, summary = server.json("GET", f"/v1/specs/{SPEC}")
    if status != 200:
        return [f"GET /v1/specs/{SPEC} answered {status}"]
    if ledger.acknowledged and summary["latestRevision"] < max(ledger.acknowledged):
        problems.append(f"latestRevision {summary['latestRevision']} < highest acknowledged "
                        f"{max(ledger.acknowledged)}")
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        for number, (digest, body) in sorted(ledger.acknowledged.items()):
            connection.request("GET", f"/v1/specs/{SPEC}/revisions/{number}", headers=server.auth)
            response = connection.getresponse()
            data = response.read()
            if response.status != 200:
                problems.append(f"revision {number}: GET answered {response.status}")
            elif data != body:
                problems.append(f"revision {number}: served content differs from what was posted")
            elif response.getheader("ETag") != f'"{digest}"':
                problems.append(f"revision {number}: ETag {response.getheader('ETag')} != acknowledged digest")
            if len(problems) > 20:
                break
    finally:
        connection.close()
    return problems


def main():
    parser = proofkit.argument_parser(__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed, for a rerun)")
    parser.add_argument("--startup-kill-ratio", type=float, default=0.2,
                        help="share of rounds that kill the server while it starts")
    args = parser.parse_args()
    binary = proofkit.resolve_binary(args.bin)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    rng = random.Random(seed)
    workspace = proofkit.Workspace("trafficspec-crash-")
    database = workspace.path("crash.db")
    token = None
    ledger = Ledger()
    print(f"crash safety against {binary}: {args.rounds} rounds, {args.writers} writers, seed {seed}")

    started = time.monotonic()
    startup_kills = 0
    for round_number in range(args.rounds):
        server = proofkit.Server(workspace, binary, database, token=token, log_name=f"round{round_number}.log")
        token = server.token  # bootstrap applies only to a new database; keep the first one
        if round_number > 0 and rng.random() < args.startup_kill_ratio:
            server.spawn()
            time.sleep(rng.uniform(0.0, 0.15))
            server.kill()
            startup_kills += 1
            print(f"round {round_number + 1:3}: killed during start-up")
            continue
        server.start()
        if round_number == 0:
            body = spec_body("r0-create")
            ledger.send(body)
            status, _, data = server.request("POST", "/v1/specs", body, {"Content-Type": "application/yaml"})
            if status != 201:
                sys.exit(f"error: creating the spec answered {status}: {data[:200]!r}")
            answer = json.loads(data)
            ledger.ack(answer["revision"], answer["digest"], body)
        acknowledged_before = len(ledger.acknowledged)
        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(server.port, token, ledger, round_number, index, stop),
                                    daemon=True) for index in range(args.writers)]
        for thread in threads:
            thread.start()
        delay = rng.uniform(0.2, 1.5)
        time.sleep(delay)
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        print(f"round {round_number + 1:3}: SIGKILL after {delay:.2f}s, "
              f"{len(ledger.acknowledged) - acknowledged_before} revisions acknowledged")

    # Restart once more: recovery from the last kill, then read everything back.
    server = proofkit.Server(workspace, binary, database, token=token, log_name="final.log").start()
    api_problems = check_through_api(server, ledger)
    server.stop()
    db_problems, figures = check_database(database, ledger)
    audit = subprocess.run([binary, "audit", "verify", "--db", database], capture_output=True, text=True)
    problems = api_problems + db_problems
    if audit.returncode != 0:
        problems.append(f"audit verify exited {audit.returncode}: {(audit.stdout + audit.stderr).strip()[:300]}")
    if ledger.duplicates:
        problems.append(f"revision numbers acknowledged twice: {ledger.duplicates[:10]}")
    if len(ledger.acknowledged) < 2:
        problems.append("the writers made no progress")

    print()
    print(f"rounds: {args.rounds} ({startup_kills} killed during start-up), time {time.monotonic() - started:.1f}s")
    print(f"sent: {len(ledger.sent)}, acknowledged (201): {len(ledger.acknowledged)}, "
          f"present: {figures['stored']} (of which committed but unacknowledged: {figures['unacknowledged']}), "
          f"other answers: {ledger.other_statuses or 'none'}")
    print(f"integrity_check: {'ok' if not any('integrity' in p for p in problems) else 'FAILED'}, "
          f"audit verify: exit {audit.returncode} ({audit.stdout.strip()[:100]})")
    if problems:
        for problem in problems[:40]:
            print(f"FAIL  {problem}")
        print(f"crash: 0 passed, 1 failed (seed {seed})")
        return 1
    print("crash: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
