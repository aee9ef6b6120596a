#!/usr/bin/env python3
"""Holds vnum::phone::normalize_au to Python's phonenumbers (Debian python3-phonenumbers).

    phone_oracle.py NORMALIZE_LINES [COUNT]

Generates COUNT (default 120 000) inputs from a fixed seed: every prefix form Cellcast documents
and the ones people write (+61, 61, 0, none, "(0)", the trunk 0 after +61, "(+61)"), separators
and brackets in any position, wrong lengths, letters, other countries, non-ASCII digits. Runs them
through NORMALIZE_LINES (tests/oracle/normalize_lines.cpp) and checks three rules:

  1. whatever vnum accepts, phonenumbers parses (region AU) to the same E.164;
  2. whatever phonenumbers calls a valid Australian mobile or fixed line, written only with the
     characters vnum documents (digits, spaces, '-', '.', '(', ')', '+'), vnum accepts with the
     same E.164, unless the input falls in one of the JUSTIFIED classes below;
  3. every refusal message is true of the input it refuses.

Prints the count of every class and exits 1 when any input breaks a rule outside those classes.
"""
import random
import subprocess
import sys

import phonenumbers
from phonenumbers import PhoneNumberType

SEED = 20261125
DOCUMENTED = set("0123456789 -.()+")
AU_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE}

# Disagreements vnum keeps on purpose: phonenumbers guesses, vnum refuses and says why.
JUSTIFIED = {
    "unbalanced parentheses": "a '(' without ')' (or the reverse) may hide a typo in the digits; "
    "vnum refuses and names it instead of guessing",
    "nested parentheses": "no Australian form nests them; refused as likely garbage",
    "(0) away from the country code": "\"(0)\" means the trunk prefix only right after +61; "
    "anywhere else vnum cannot tell a dropped digit from a trunk 0",
    "a '+' that is not the one before the country code": "a second '+', or one after a digit, is "
    "not a country-code marker; phonenumbers drops it, vnum refuses and names its position",
    "a trunk prefix of more than one 0": "Australia's trunk prefix is one 0; \"(00)\" or \"0 0\" "
    "leaves more digits than a number has, which vnum refuses",
}


def classify_justified(s):
    depth, ok = 0, True
    nested = False
    for c in s:
        if c == "(":
            depth += 1
            nested = nested or depth > 1
        elif c == ")":
            depth -= 1
            ok = ok and depth >= 0
    if nested:
        return "nested parentheses"
    if depth != 0 or not ok:
        return "unbalanced parentheses"
    if "(0)" in s.replace(" ", ""):
        return "(0) away from the country code"
    plus = s.find("+")
    if s.count("+") > 1 or (plus > 0 and any(ch.isdigit() for ch in s[:plus])):
        return "a '+' that is not the one before the country code"
    if "(00" in s.replace(" ", "") or "610 0" in s or "61 0 0" in s:
        return "a trunk prefix of more than one 0"
    return None


def national(rng):
    lead = rng.choice("44442378")
    return lead + "".join(rng.choice("0123456789") for _ in range(8))


PREFIXES = ["+61", "61", "0", "", "+61 (0)", "+61 0", "(+61) ", "+(61) ", "61 0", "61 (0)",
            "+61(0)", "0061", "+61-", "(0)", "+ 61 "]
FOREIGN = ["+1 555 123 4567", "+44 20 7946 0958", "+64 21 123 4567", "64 21 123 4567",
           "+33 1 23 45 67 89", "+81 3-1234-5678", "1 (555) 123-4567", "+6 1412345678"]
SEPARATORS = [" ", " ", "-", ".", "", "", "  "]
ODD = ["a", "x", "O", "l", "#", "*", "/", "\t", "ext", "٤", "４", "\u00a0", ",", "+"]


def spread(rng, digits):
    """The digits in groups with separators and, sometimes, one group in brackets."""
    cuts = sorted(rng.sample(range(1, len(digits)), k=min(len(digits) - 1, rng.randint(0, 4))))
    groups, last = [], 0
    for c in cuts + [len(digits)]:
        groups.append(digits[last:c])
        last = c
    if rng.random() < 0.3:
        i = rng.randrange(len(groups))
        groups[i] = "(" + groups[i] + ")"
    out = groups[0]
    for g in groups[1:]:
        out += rng.choice(SEPARATORS) + g
    return out


def generate(rng):
    n = national(rng)
    roll = rng.random()
    if roll < 0.05:
        return rng.choice(FOREIGN)
    prefix = rng.choice(PREFIXES)
    body = spread(rng, n)
    s = prefix + (rng.choice(["", " "]) if prefix else "") + body
    roll = rng.random()
    if roll < 0.08:  # a digit too few or too many
        i = rng.randrange(len(s) + 1)
        s = s[:i] + rng.choice("0123456789") + s[i:] if rng.random() < 0.5 else s.replace(n[-1], "", 1)
    elif roll < 0.16:  # a character vnum does not document
        i = rng.randrange(len(s) + 1)
        s = s[:i] + rng.choice(ODD) + s[i:]
    elif roll < 0.20:  # brackets anywhere
        i, j = sorted(rng.sample(range(len(s) + 1), 2))
        s = s[:i] + rng.choice(["(", ")", ""]) + s[i:j] + rng.choice([")", "(", ""]) + s[j:]
    elif roll < 0.22:
        s = " " + s + " "
    return s


def pn_read(s):
    try:
        n = phonenumbers.parse(s, "AU")
    except phonenumbers.NumberParseException:
        return None, False
    e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
    valid_au = (phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == "AU"
                and phonenumbers.number_type(n) in AU_TYPES)
    return e164, valid_au


def message_is_true(s, msg):
    """Rule 3 for the claims a refusal can make; True when the claim holds (or makes none)."""
    raw = s.encode("utf-8")
    ascii_digits = sum(1 for b in raw if 0x30 <= b <= 0x39)
    text = msg.split(": ", 1)[1] if ": " in msg else msg
    if text.startswith("contains ") and " at position " in text:
        what, rest = text[len("contains "):].split(" at position ", 1)
        pos = int(rest.split(";")[0])
        if pos >= len(raw):
            return False
        b = raw[pos]
        if what.startswith("byte 0x"):
            return b == int(what[len("byte 0x"):], 16)
        return what == "'" + chr(b) + "'"
    if text.startswith("has a '+' at position "):
        pos = int(text[len("has a '+' at position "):].split(";")[0])
        return pos < len(raw) and raw[pos] == ord("+")
    if text.startswith("has ") and " digits after the country code 61" in text:
        n = int(text[4:].split(" ")[0])
        return n in (ascii_digits - 2, ascii_digits - 3)
    if text.startswith("has ") and " digits; expected" in text:
        return int(text[4:].split(" ")[0]) == ascii_digits
    if text.startswith("is ") and " characters long" in text:
        return int(text[3:].split(" ")[0]) == len(raw)
    if text == "is empty":
        return s.strip(" ") == ""
    if text == "contains no digits":
        return ascii_digits == 0
    if text == "has nested parentheses":
        return "((" in s.replace(" ", "") or s.count("(") > 1
    if text.startswith("has a '(' without"):
        return "(" in s
    if text.startswith("has a ')' without"):
        return ")" in s
    if text.startswith("is not an Australian number"):
        return "+" in s
    return True


def main():
    exe = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 120_000
    rng = random.Random(SEED)
    inputs = []
    seen = set()
    while len(inputs) < count:
        s = generate(rng)
        if "\n" in s or "\r" in s:
            continue
        inputs.append(s)
        seen.add(s)
    out = subprocess.run([exe], input="\n".join(inputs) + "\n", capture_output=True, text=True,
                         check=True, timeout=300).stdout.splitlines()
    assert len(out) == len(inputs), (len(out), len(inputs))

    classes = {}
    broken = {}

    def note(table, name, s):
        entry = table.setdefault(name, [0, []])
        entry[0] += 1
        if len(entry[1]) < 5:
            entry[1].append(s)

    for s, line in zip(inputs, out):
        pn_e164, pn_valid = pn_read(s)
        documented_chars = set(s) <= DOCUMENTED
        if line.startswith("= "):
            vnum = line[2:]
            if pn_e164 == vnum:
                note(classes, "accepted by both, same E.164", s)
            else:
                note(broken, f"rule 1: vnum accepts as {vnum}, phonenumbers reads {pn_e164}", s)
            continue
        msg = line[2:]
        if not message_is_true(s, msg):
            note(broken, "rule 3: the refusal message is not true of the input: " + msg, s)
        if pn_valid and documented_chars:
            why = classify_justified(s)
            if why:
                note(classes, "justified: " + why, s)
            else:
                note(broken, "rule 2: phonenumbers reads a valid AU number, vnum refuses: " + msg, s)
        elif not documented_chars:
            note(classes, "refused by vnum: characters it does not document", s)
        elif pn_e164 is None:
            note(classes, "refused by both: phonenumbers cannot parse it", s)
        else:
            note(classes, "refused by vnum: phonenumbers reads no valid AU mobile or fixed line", s)

    print(f"phone oracle: {len(inputs)} inputs ({len(seen)} distinct), seed {SEED}")
    for name, (n, _) in sorted(classes.items(), key=lambda kv: -kv[1][0]):
        print(f"  {n:7d}  {name}")
    for name, text in JUSTIFIED.items():
        print(f"  justified class \"{name}\": {text}")
    if broken:
        for name, (n, examples) in sorted(broken.items(), key=lambda kv: -kv[1][0]):
            print(f"  BROKEN {n:7d}  {name}")
            for e in examples:
                print(f"           {e!r}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
