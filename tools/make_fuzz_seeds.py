#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/ from the providers' documented examples
(tests/<provider>/examples.hpp): python3 tools/make_fuzz_seeds.py. The seeds are checked in; run
this again when an example is added."""
import hashlib
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
FUZZ = ROOT / "tests" / "fuzz" / "corpus"
EXAMPLE = re.compile(r'std::string_view (\w+) =\s*R"json\((.*?)\)json"', re.S)


def examples(provider):
    text = (ROOT / "tests" / provider / "examples.hpp").read_text(encoding="utf-8")
    return {name: body for name, body in EXAMPLE.findall(text)}


def status_of(name):
    m = re.search(r"_(\d{3})(?:_|$)", name)
    return int(m.group(1)) if m else 200


def answer_seed(status, body):
    raw = status - 100  # fuzz_input.hpp: status = 100 + raw % 500
    return bytes([raw >> 8, raw & 0xFF]) + body.encode("utf-8")


def write(target, seeds):
    folder = FUZZ / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for seed in seeds:
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{target}: {len(seeds)} seeds")


def main():
    cellcast = examples("cellcast")
    identitycall = examples("identitycall")
    write("fuzz_cellcast_parse", [answer_seed(status_of(n), b) for n, b in cellcast.items()])
    write("fuzz_identitycall_parse",
          [answer_seed(status_of(n), b) for n, b in identitycall.items()])
    fields = [
        ["0412 345 678", "prod_PFdN753rT3lNFW", "66ea98514f0c1a121c76ec17", "", "", "Support",
         "123456", "ck_key"],
        ["+61 (0)2 9876 5432", "US", "US Sales Line", "1.00", "jane@example.com", "Jane Doe",
         "https://api.identitycall.ai", "idc_key"],
        ["+15551234567", "us", "Name", "0", "", "Pizza Biz", "", ""],
    ]
    write("fuzz_validate", [b"\0".join(f.encode() for f in row) for row in fields])
    requests = [
        ["\x01", "/api/v1/apiClient/virtual-number/purchase",
         '{"card":"card_1","product":"prod_M","number":"66ea98514f0c1a121c76ec17","recurring_time":"month"}', "", "content-type"],
        ["\x00", "/api/v1/user/getCards", "", "", "accept"],
        ["\x02", "/api/v1/apiClient/virtual-number/unsubscribe/66ea98514f0c1a121c76ec17", "", "", "x"],
        ["\x01", "/api/v1/public/virtual_numbers/purchase", '{"phone_number":"+15551234567"}', "", "x"],
        ["\x03", "/api/v1/public/operators/1", '{"email":null}', "", "x"],
        ["\x00", "/api/v1/public/virtual_numbers?page=2&per_page=1", "", "", "x"],
    ]
    write("fuzz_fakes", [b"\0".join(f.encode() for f in row) for row in requests])
    worlds = [
        {"api_key": "cc_test_key", "cards": ["card_1"],
         "numbers": [{"id": "66ea98514f0c1a121c76ec17", "number": "+61400111222", "monthly_product": "prod_M",
                      "yearly_product": "prod_Y"}], "otp_required": True},
        {"api_key": "idc_test", "available": [{"phone_number": "+15551234567",
                                              "country_code": "US", "number_type": "local"}],
         "requirement_groups": [{"approved": True}],
         "operators": [{"name": "Jane Doe", "phone_number": "+15550000001", "id": 7}]},
    ]
    write("fuzz_fake_server_world", [json.dumps(w).encode() for w in worlds])

    def nul_free_answer(status, body):
        raw = status - 100 + 500  # the same status, with no NUL byte in its two bytes
        return bytes([raw >> 8, raw & 0xFF]) + body.encode("utf-8")

    def page(ids, current, per_page, total):
        entry = json.loads(identitycall["list_200"])["data"][0]
        data = [dict(entry, id=i) for i in ids]
        meta = {"current_page": current, "per_page": per_page, "total_pages": total,
                "total_count": total * per_page}
        return json.dumps({"data": data, "meta": meta})

    never = b"@"  # fuzz_plans: the first field's byte % 64 is the step that cancels; 0 never
    sequences = [
        [never, nul_free_answer(200, identitycall["list_200"])],
        [never, nul_free_answer(200, page([1, 2], 1, 2, 3)),
         nul_free_answer(503, "{}"), nul_free_answer(200, page([3, 4], 2, 2, 3)),
         nul_free_answer(429, "{}"), nul_free_answer(200, page([5], 3, 2, 3))],
        [b"\x03", nul_free_answer(201, identitycall["purchase_201"])],
    ]
    write("fuzz_plans", [b"\0".join(seq) for seq in sequences])


if __name__ == "__main__":
    main()
