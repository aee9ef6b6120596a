#!/usr/bin/env python3
"""Counts test cases from meson's test logs and prints "N passed, N failed".

Catch2 programs report their test cases in a closing summary ("All tests passed (A assertions in
N test cases)" or "test cases: N | P passed | F failed"); any other test program counts as one
test case, passed when meson judged it OK.
"""
import json
import re
import sys

ALL_PASSED = re.compile(r"All tests passed \(\d+ assertions? in (\d+) test cases?\)")
MIXED = re.compile(r"test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
ALL_FAILED = re.compile(r"test cases:\s*(\d+)\s*\|\s*(\d+) failed")


def count(log_path):
    passed = failed = 0
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            entry = json.loads(line)
            out = entry.get("stdout", "") or ""
            ok = entry.get("result") in ("OK", "EXPECTEDFAIL", "SKIP")
            if m := ALL_PASSED.search(out):
                p, f = int(m.group(1)), 0
            elif m := MIXED.search(out):
                p, f = int(m.group(2)), int(m.group(3))
            elif m := ALL_FAILED.search(out):
                p, f = 0, int(m.group(2))
            else:
                p, f = (1, 0) if ok else (0, 1)
            if not ok and f == 0:  # crashed or timed out after a clean-looking summary
                f = 1
            passed += p
            failed += f
    return passed, failed


def main(args):
    passed = failed = 0
    if args[:1] == ["--extra-failed"]:  # steps that failed before producing a test log
        failed += int(args[1])
        args = args[2:]
    for path in args:
        p, f = count(path)
        passed += p
        failed += f
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
