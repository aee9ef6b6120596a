#!/usr/bin/env python3
"""Checks that every header under include/vnum includes only its own layer or the layers below it,
as docs/architecture.md draws them. Prints each violation as FILE:LINE and exits 1 if there is one.

    python3 tools/check_layers.py [INCLUDE_DIR]

A header's layer is its rank below; it may include a header of a lower rank, or of the same rank
within the same group (a provider's own files, the shared detail files). A provider never includes
another provider, and the test kit and the transports never include a provider's headers (the fakes
read requests as the real service does, without vnum's validators, builders or parsers).
"""
import pathlib
import re
import sys

# (rank, group) by path relative to include/vnum; the first pattern that matches wins.
LAYERS = [
    (r"version\.hpp", 0, "core"),
    (r"detail/(ascii|print|utf8|country)\.hpp", 0, "core-detail"),
    (r"error\.hpp", 1, "core"),
    (r"(http|retry|observe|ledger)\.hpp", 2, "core"),
    (r"(phone|plan|async_transport|intent)\.hpp", 3, "core"),
    (r"detail/.*\.hpp", 4, "shared-detail"),
    (r"(cellcast|identitycall)/model\.hpp", 5, "provider"),
    (r"(cellcast|identitycall)/(impl/)?validate\.hpp", 6, "provider"),
    (r"(cellcast|identitycall)/(impl/)?build\.hpp", 7, "provider"),
    (r"(cellcast|identitycall)/(impl/)?parse\.hpp", 8, "provider"),
    (r"(cellcast|identitycall)/plan\.hpp", 9, "provider"),
    (r"(cellcast|identitycall)/(async_)?client\.hpp", 10, "provider"),
    (r"(cellcast|identitycall)/reconcile\.hpp", 10, "provider"),
    (r"(vnum|src)\.hpp", 11, "umbrella"),
    (r"asio\.hpp", 12, "umbrella"),
    (r"fmt\.hpp", 12, "umbrella"),  # opt-in (its users link fmt): vnum.hpp never includes it
    (r"testing/.*\.hpp", 13, "testing"),
    (r"transport/detail/.*\.hpp", 13, "transport-detail"),
    (r"ledger/.*\.hpp", 13, "ledger"),
    (r"transport/.*\.hpp", 14, "transport"),
    (r"vnum_testing\.hpp", 14, "umbrella"),
]
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]vnum/([^>"]+)[>"]')


def layer(rel):
    for pattern, rank, group in LAYERS:
        if re.fullmatch(pattern, rel):
            return rank, group
    return None


def provider(rel):
    head = rel.split("/", 1)[0]
    return head if head in ("cellcast", "identitycall") else None


def check(root):
    problems = []
    for path in sorted(root.rglob("*.hpp")):
        rel = path.relative_to(root).as_posix()
        own = layer(rel)
        if own is None:
            problems.append(f"{path}: has no layer in tools/check_layers.py")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1)
            other = layer(target)
            where = f"{path}:{number}: {rel} includes {target}"
            if other is None:
                problems.append(f"{where}, which has no layer")
            elif other[0] > own[0] or (other[0] == own[0] and other[1] != own[1]):
                problems.append(f"{where}, a layer above it")
            elif provider(target) and own[1] != "umbrella" and provider(rel) != provider(target):
                problems.append(f"{where}: only that provider's own headers and vnum.hpp may")
    return problems


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "include") / "vnum"
    problems = check(root)
    for p in problems:
        print(p)
    print(f"layers: {len(problems)} violation(s) in {root}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
