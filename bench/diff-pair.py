#!/usr/bin/env python3
"""Writes the large bundle pair for the diff figure: OUT/old.yaml and OUT/new.yaml.

old.yaml: 13 specs of 16 routes each (headers, two weighted backends, timeouts), rendered by
`trafficspec render`, then every example bundle copied under new names until it passes 370 KB.
new.yaml: the same, with canary weights changed in 3 specs, one path changed in each of 10
specs, and one example copy left out (so one more is appended): resources are changed, removed
and added.
Usage: bench/diff-pair.py TRAFFICSPEC_BINARY OUT_DIR
"""
import glob
import subprocess
import sys


def spec(part, canary, path_suffix):
    lines = [
        "version: trafficspec/v1", f"name: big{part}", f"namespace: big{part}", "gateway:", "  listeners:",
        "    - { name: http, protocol: HTTP, port: 80 }", "routes:",
    ]
    for index in range(16):
        path = f"/api/r{index}{path_suffix if index == 3 else ''}"
        lines += [
            f"  - name: route-{index}",
            f"    pathPrefix: {path}",
            f"    headers: [{{ name: x-tenant, value: t{index} }}]",
            f"    backends: [{{ service: svc-{index}, port: 8080, weight: {100 - canary} }}, "
            f"{{ service: svc-{index}-canary, port: 8080, weight: {canary} }}]",
            "    timeouts: { request: 15s, backendRequest: 5s }",
        ]
    return "\n".join(lines) + "\n"


def render(binary, text):
    return subprocess.run([binary, "render", "-"], input=text.encode(), capture_output=True, check=True).stdout.decode()


def bundle(binary, edited):
    parts = []
    for part in range(13):
        canary = 20 if edited and part < 3 else 10
        suffix = "-v2" if edited and part >= 3 else ""
        parts.append(render(binary, spec(part, canary, suffix)).rstrip("\n"))
    examples = [open(path).read().rstrip("\n") for path in sorted(glob.glob("examples/*/manifests.yaml"))]
    copy = 0
    while sum(len(p) for p in parts) < 370_000:
        copy += 1
        if edited and copy == 2:
            continue
        for text in examples:
            parts.append(text.replace("\n  name: ", f"\n  name: copy{copy}-"))
    return "\n---\n".join(parts) + "\n"


def main():
    binary, out = sys.argv[1], sys.argv[2]
    for name, edited in (("old", False), ("new", True)):
        with open(f"{out}/{name}.yaml", "w") as handle:
            handle.write(bundle(binary, edited))


if __name__ == "__main__":
    main()
