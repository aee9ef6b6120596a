#!/usr/bin/env python3
"""Checks that the README's tables which restate the code still say what the code says:

  - the errc table ("| `errc` | when |") names every vnum::errc enumerator of include/vnum/error.hpp,
    in the enum's order, and nothing else;
  - the outcome-rule table ("| Provider | Operation | Kind |") gives every operation of both
    clients exactly once, with the kind its plan states (plans::<name> in
    include/vnum/<provider>/plan.hpp: detail::call_context_of(c, "<name>", operation_kind::<kind>), a list_plan is a
    read).

    python3 tools/check_readme_tables.py [ROOT]

Prints each difference and exits 1 if there is one.
"""
import pathlib
import re
import sys

KINDS = {"read": "read", "idempotent_write": "idempotent write", "creating_write": "creating write"}


def table(lines, header):
    """The rows (lists of cells) of the markdown table whose header line starts with `header`."""
    for i, line in enumerate(lines):
        if line.startswith(header):
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                rows.append([c.strip() for c in row.strip().strip("|").split("|")])
            return rows
    return None


def errc_problems(root, lines):
    source = (root / "include/vnum/error.hpp").read_text(encoding="utf-8")
    body = re.search(r"enum class errc \{(.*?)\};", source, re.S).group(1)
    code = [m.group(1) for m in re.finditer(r"^\s*(\w+),", body, re.M)]
    rows = table(lines, "| `errc` | when |")
    if rows is None:
        return ["README: no errc table (| `errc` | when |)"]
    readme = [name.strip().strip("`") for row in rows for name in row[0].split("/")]
    if readme != code:
        return [f"README errc table lists {readme}; error.hpp's enum errc is {code}"]
    return []


def plan_kinds(root, provider):
    source = (root / f"include/vnum/{provider}/plan.hpp").read_text(encoding="utf-8")
    kinds = {m.group(1): KINDS[m.group(2)]
             for m in re.finditer(r'call_context_of\(c, "(\w+)",\s*operation_kind::(\w+)\)', source)}
    for m in re.finditer(r'parse_\w+_page,\s*"(\w+)"\}', source):
        kinds[m.group(1)] = "read"
    return kinds


def outcome_problems(root, lines):
    rows = table(lines, "| Provider | Operation | Kind |")
    if rows is None:
        return ["README: no outcome-rule table (| Provider | Operation | Kind |)"]
    problems = []
    for provider, title in (("cellcast", "Cellcast"), ("identitycall", "IdentityCall")):
        code = plan_kinds(root, provider)
        seen = {}
        for row in rows:
            if row[0] != title:
                continue
            kind = row[2]
            for name in re.findall(r"`(\w+)`", row[1]):
                if name in seen:
                    problems.append(f"README outcome table: {title} {name} is listed twice")
                seen[name] = kind
        for name, kind in sorted(code.items()):
            if name not in seen:
                problems.append(f"README outcome table: {title} {name} ({kind}) is missing")
            elif seen[name] != kind:
                problems.append(f"README outcome table: {title} {name} is '{seen[name]}', "
                                f"its plan says '{kind}'")
        for name in sorted(set(seen) - set(code)):
            problems.append(f"README outcome table: {title} {name} is no operation of the client")
    return problems


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    lines = (root / "README.md").read_text(encoding="utf-8").splitlines()
    problems = errc_problems(root, lines) + outcome_problems(root, lines)
    for p in problems:
        print(p)
    print(f"README tables: {len(problems)} difference(s) from the code")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
