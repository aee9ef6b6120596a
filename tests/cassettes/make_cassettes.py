#!/usr/bin/env python3
"""Writes the cassettes of this folder from the documented examples (tests/*/examples.hpp).

Each cassette is one documented flow of a provider: the requests as the documentation's cURL
examples send them, the responses as its pages show them. Run it again after changing an example:
    python3 tests/cassettes/make_cassettes.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
TESTS = HERE.parent


def examples(path):
    text = (TESTS / path).read_text()
    found = {}
    for m in re.finditer(r'inline constexpr std::string_view (\w+) =\s*R"json\((.*?)\)json";', text, re.S):
        found[m.group(1)] = json.loads(m.group(2))
    return found


def compact(v):
    return json.dumps(v, separators=(",", ":"), ensure_ascii=False)


def write(name, source, exchanges):
    out = '{\n  "vnum_cassette": 1,\n  "source": ' + compact(source) + ',\n  "exchanges": ['
    parts = []
    for req, res in exchanges:
        parts.append('\n    {\n      "request": ' + compact(req) + ',\n      "response": ' + compact(res) + '\n    }')
    out += ",".join(parts) + '\n  ]\n}\n'
    (HERE / name).write_text(out)


def request(method, url, body=None, key="Bearer ***"):
    headers = [["authorization", key]]
    if body is not None:
        headers.append(["content-type", "application/json"])
    headers.append(["accept", "application/json"])
    return {"method": method, "url": url, "headers": headers, "body": body if body is not None else ""}


def response(status, body):
    return {"status": status, "headers": [["content-type", "application/json"]], "body": body}


cc = examples("cellcast/examples.hpp")
ic = examples("identitycall/examples.hpp")
CC = "https://api.cellcast.com"
IC = "https://api.identitycall.ai/api/v1/public"
NUMBER_ID = "66ea98514f0c1a121c76ec17"

write("cellcast_buy_and_release.cassette.json",
      "documented: developer.cellcast.com sender-id, \"Purchase Virtual Number\" (200 Success) then "
      "\"Unsubscribe Virtual Number\" (200 Success); request bodies as their cURL examples",
      [(request("POST", CC + "/api/v1/apiClient/virtual-number/purchase",
                {"card": "card_1SQmzoGOdUwLPbU6ll0QwsyH", "product": "prod_PFdN753rT3lNFW",
                 "number": NUMBER_ID, "recurring_time": "month"}),
        response(200, cc["purchase_200"])),
       (request("PUT", CC + "/api/v1/apiClient/virtual-number/unsubscribe/" + NUMBER_ID),
        response(200, cc["unsubscribe_200"]))])

write("cellcast_custom_number_otp.cassette.json",
      "documented: developer.cellcast.com sender-id, \"Custom Number\" (200 Success request with OTP "
      "Verification) then \"Verify Custom Number\" (verify-custom-number.html, 200 Success); the OTP is "
      "redacted",
      [(request("POST", CC + "/api/v1/customNumber/add",
                {"name": "Custom Number", "number": "+61400000000"}),
        response(200, cc["custom_number_200_otp_sent"])),
       (request("POST", CC + "/api/v1/customNumber/verifyCustomNumber",
                {"name": "Custom Number", "number": "+61400000000", "otp": "***"}),
        response(200, cc["verify_custom_number_200"]))])

write("identitycall_purchase.cassette.json",
      "documented: docs.identitycall.ai api-reference/virtual-numbers, \"Purchase Number\" "
      "(cURL body, 201 Created)",
      [(request("POST", IC + "/virtual_numbers/purchase", ic["purchase_request_body"]),
        response(201, ic["purchase_201"]))])

write("identitycall_operators.cassette.json",
      "documented: docs.identitycall.ai api-reference/operators, \"Create Operator\" (cURL body, 201 "
      "Created: cut off after email on the page, completed as Get returns it), \"Get Operator\" of it, "
      "\"Delete Operator\" (200 OK)",
      [(request("POST", IC + "/operators", ic["create_operator_request_body"]),
        response(201, ic["create_operator_201"])),
       (request("GET", IC + "/operators/42"), response(200, ic["create_operator_201"])),
       (request("DELETE", IC + "/operators/42"), response(200, ic["delete_operator_200"]))])

write("cellcast_list_cards.cassette.json",
      "documented: developer.cellcast.com billing, \"Get List Credit Card\" (get-list-credit-card.html, "
      "200 Success; the page breaks off in the second card, completed as tests/cellcast/examples.hpp "
      "says)",
      [(request("GET", CC + "/api/v1/user/getCards"), response(200, cc["list_cards_200"]))])
