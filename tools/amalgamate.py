#!/usr/bin/env python3
"""Writes vnum's single headers from include/.

    python3 tools/amalgamate.py                  write single_include/vnum/*.hpp
    python3 tools/amalgamate.py --check          exit 1, naming each stale file, if single_include/
                                                 differs from what include/ gives now
    python3 tools/amalgamate.py --forwarders DIR write DIR/vnum/**.hpp: for every header of
                                                 include/vnum/, a header that forwards to the
                                                 single header containing it (see below)

Each single header is an umbrella of include/vnum/ and every header it reaches through
`#include <vnum/...>`, each header's text once, whole, and after the text of the headers it
includes (so each file reads top to bottom, marked by a `// ---- vnum/...` line). The file list is
never written down here: it is whatever the umbrellas include, so a header added to an umbrella
(or to a header it includes) is in the next amalgamation.

    vnum/vnum.hpp          -> single_include/vnum/vnum.hpp          the library
    vnum/asio.hpp          -> single_include/vnum/asio.hpp          the async clients; includes "vnum.hpp"
    vnum/vnum_testing.hpp  -> single_include/vnum/vnum_testing.hpp  the fakes; includes "vnum.hpp"

A later umbrella that includes an earlier one gets `#include "vnum.hpp"` instead of its text, so
the two files can be copied anywhere as long as they stay side by side. Every header keeps its own
include guard, so mixing a single header with headers from include/ in one program is harmless.

The output starts with the version and the licence, has no #line directives, and is the headers'
own text otherwise (minus their per-file SPDX lines and runs of blank lines). The version comes
from meson.build, the one place it is set; include/vnum/version.hpp must agree or nothing is
written.

Rules the headers must follow (the tool stops with the offending file and line otherwise):
vnum headers are included as <vnum/...> (not "..."), and have no #pragma once. A vnum header
included inside an #if block other than the include guard (the compiled part: vnum.hpp's `#if
defined(VNUM_IMPLEMENTATION)` including src.hpp, and each test kit header's `#if
defined(VNUM_IMPLEMENTATION) || defined(VNUM_TESTING_IMPLEMENTATION)` including its own
definitions from vnum/testing/impl/) is emitted inside that block, with every header it reaches
that the output does not have yet; such a header is emitted again, its guard keeping it single,
where a later header includes it unconditionally. An umbrella's block comes before the umbrella's
own text (which is only its include guard); any other header's block stays where the header has
it, after the text above it, so that the definitions follow the declarations they define.
(Unchecked: a header must not depend on what the header including it defined before the
#include, since it is emitted before that header.)

Forwarders (--forwarders) let a build compile sources that include individual headers, such as
<vnum/cellcast/validate.hpp>, against the single headers only: DIR/vnum/cellcast/validate.hpp is
`#include <vnum/vnum.hpp>`. Put DIR first and single_include/ second on the include path, and
include/ not at all. A header no umbrella reaches (vnum/testing/mock_transport.hpp needs
trompeloeil, so it is kept out) forwards to its file in include/, whose own vnum includes then
resolve through DIR again. meson.build does this for -Dsingle_header=true.
"""
import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = ROOT / "include"
SINGLE = ROOT / "single_include"
# The single headers, in order: a later one may include an earlier one.
UMBRELLAS = ["vnum/vnum.hpp", "vnum/asio.hpp", "vnum/vnum_testing.hpp"]

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
IF_RE = re.compile(r"^\s*#\s*if")  # #if, #ifdef, #ifndef
ENDIF_RE = re.compile(r"^\s*#\s*endif\b")
GUARD_RE = re.compile(r"^\s*#\s*ifndef\s+(\w+)")
DEFINE_RE = re.compile(r"^\s*#\s*define\s+(\w+)\s*$")
PRAGMA_ONCE_RE = re.compile(r"^\s*#\s*pragma\s+once\b")
SPDX_RE = re.compile(r"^//\s*SPDX-License-Identifier:")


class AmalgamationError(Exception):
    pass


def project_version():
    """The version in meson.build's project(), checked against include/vnum/version.hpp."""
    meson = (ROOT / "meson.build").read_text(encoding="utf-8")
    m = re.search(r"project\([^)]*?\bversion\s*:\s*'(\d+)\.(\d+)\.(\d+)'", meson, re.S)
    if not m:
        raise AmalgamationError("meson.build: no version : 'X.Y.Z' in project()")
    version = ".".join(m.groups())
    header = (INCLUDE / "vnum" / "version.hpp").read_text(encoding="utf-8")
    expected = dict(zip(("MAJOR", "MINOR", "PATCH"), m.groups()), STRING=f'"{version}"')
    for part, value in expected.items():
        found = re.search(rf"^#define VNUM_VERSION_{part} (\S+)$", header, re.M)
        if not found or found.group(1) != value:
            raise AmalgamationError(
                f"include/vnum/version.hpp: VNUM_VERSION_{part} is "
                f"{found.group(1) if found else 'missing'}, but meson.build says {value}")
    return version


def banner(version, umbrella):
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8").rstrip().splitlines()
    lines = [
        f"// vnum {version} - single-header edition of <{umbrella}>.",
        "// Generated by tools/amalgamate.py from include/: edit those headers, not this file.",
        "//",
    ]
    lines += [f"// {line}".rstrip() for line in licence]
    lines += ["//", "// SPDX-License-Identifier: MIT", ""]
    return lines


class Amalgamation:
    def __init__(self, umbrella, earlier):
        self.umbrella = umbrella
        self.earlier = earlier  # {umbrella: set of headers it contains}, already written
        self.contained = set()  # headers whose text (or umbrella) is in this output
        self.conditional = set()  # headers whose text is in this output inside an #if block
        self.out = []

    def header_path(self, name, where):
        path = INCLUDE / name
        if not path.is_file():
            raise AmalgamationError(f"{where}: includes <{name}>, which is not in include/")
        return path

    def add(self, name, where, conditional=False):
        """Emits <name>, after the headers it includes, unless the output already has it
        (inside an #if block, when `conditional`)."""
        if name in self.contained or (conditional and name in self.conditional):
            return
        for umbrella, members in self.earlier.items():
            if name in members:  # an earlier single header has it: include that one
                self.out.append(f'#include "{Path(umbrella).name}"')
                self.contained |= members
                return
        (self.conditional if conditional else self.contained).add(name)
        text = []
        started = False

        def flush():  # the header's text so far, after its section line
            nonlocal started
            if not started:
                self.out += ["", f"// ---- {name} " + "-" * max(3, 92 - len(name)), ""]
                started = True
            self.out += text
            text.clear()

        for dependency, conditions, line_where, line in self.read(name,
                                                                  self.header_path(name, where)):
            if dependency and conditions and name in UMBRELLAS:
                self.out += conditions
                self.add(dependency, line_where, conditional=True)
                self.out += ["#endif"] * len(conditions)
            elif dependency and conditions:
                # A header's own definitions (the test kit's impl/): where the header includes
                # them, inside its own #if lines, after the declarations they define.
                flush()
                self.add(dependency, line_where, conditional=True)
            elif dependency:
                self.add(dependency, line_where, conditional)
            else:
                text.append(line)
        flush()

    def read(self, name, path):
        """The header's lines as (vnum header it includes or None, the #if lines it is included
        under, where, line)."""
        lines = path.read_text(encoding="utf-8").splitlines()
        blocks = []  # the open #if blocks: True for the include guard, else the #if line
        guarded = False
        for i, line in enumerate(lines):
            where = f"include/{name}:{i + 1}"
            if PRAGMA_ONCE_RE.match(line):
                raise AmalgamationError(f"{where}: #pragma once (use an include guard)")
            if IF_RE.match(line):
                m = GUARD_RE.match(line)
                nxt = DEFINE_RE.match(lines[i + 1]) if m and i + 1 < len(lines) else None
                is_guard = not guarded and not blocks and nxt and nxt.group(1) == m.group(1)
                guarded = guarded or bool(is_guard)
                blocks.append(True if is_guard else line)
            elif ENDIF_RE.match(line) and blocks:
                blocks.pop()
            if SPDX_RE.match(line):
                continue
            inc = INCLUDE_RE.match(line)
            if inc and inc.group(1) == '"':
                raise AmalgamationError(f'{where}: #include "{inc.group(2)}" (use <vnum/...>)')
            if inc and inc.group(2).startswith("vnum/"):
                yield inc.group(2), [b for b in blocks if b is not True], where, line
            else:
                yield None, [], where, line

    def text(self, version):
        self.add(self.umbrella, "tools/amalgamate.py")
        body = "\n".join(banner(version, self.umbrella) + self.out)
        body = re.sub(r"\n{3,}", "\n\n", body)  # dropped includes leave blank runs
        return body.strip("\n") + "\n"


def amalgamate():
    """{output path relative to single_include/: text}, and {umbrella: headers it contains}."""
    version = project_version()
    outputs = {}
    contents = {}
    for umbrella in UMBRELLAS:
        a = Amalgamation(umbrella, dict(contents))
        outputs[umbrella] = a.text(version)
        contents[umbrella] = a.contained
    return outputs, contents


def write(outputs):
    for name, text in outputs.items():
        path = SINGLE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


def check(outputs):
    stale = []
    for name, text in outputs.items():
        path = SINGLE / name
        if not path.is_file():
            stale.append(f"{path.relative_to(ROOT)} is missing")
        elif path.read_text(encoding="utf-8") != text:
            stale.append(f"{path.relative_to(ROOT)} is stale")
    for path in sorted(SINGLE.rglob("*")) if SINGLE.is_dir() else []:
        if path.is_file() and path.relative_to(SINGLE).as_posix() not in outputs:
            stale.append(f"{path.relative_to(ROOT)} is not produced by the amalgamation")
    for line in stale:
        print(f"{line}: run python3 tools/amalgamate.py and commit single_include/",
              file=sys.stderr)
    if not stale:
        print(f"single_include/ is up to date ({', '.join(sorted(outputs))})")
    return 1 if stale else 0


FORWARDER_MARK = "// Generated by tools/amalgamate.py --forwarders"


def forwarders(directory, contents):
    directory = Path(directory).resolve()
    owner = {}
    for umbrella in reversed(UMBRELLAS):  # a header goes to the first umbrella containing it
        for name in contents[umbrella]:
            owner[name] = umbrella
    written = set()
    for path in sorted((INCLUDE / "vnum").rglob("*.hpp")):
        name = path.relative_to(INCLUDE).as_posix()
        if name in UMBRELLAS:
            continue  # served by single_include/ itself
        target = f"<{owner[name]}>" if name in owner else f'"{path}"'
        out = directory / name
        out.parent.mkdir(parents=True, exist_ok=True)
        text = f"{FORWARDER_MARK}: in single-header builds,\n// <{name}> is {target}.\n" \
               f"#include {target}\n"
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            out.write_text(text, encoding="utf-8")
        written.add(out)
    for out in (directory / "vnum").rglob("*.hpp"):  # forwarders of headers since removed
        if out not in written and out.read_text(encoding="utf-8").startswith(FORWARDER_MARK):
            out.unlink()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true",
                       help="exit 1, naming the stale files, if single_include/ is not up to date")
    group.add_argument("--forwarders", metavar="DIR",
                       help="write forwarding headers for single-header builds into DIR")
    args = parser.parse_args()
    try:
        outputs, contents = amalgamate()
    except AmalgamationError as e:
        print(f"amalgamate.py: {e}", file=sys.stderr)
        return 2
    if args.check:
        return check(outputs)
    if args.forwarders:
        forwarders(args.forwarders, contents)
        return 0
    write(outputs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
