// The examples of IdentityCall's documentation, verbatim (docs.identitycall.ai, sections
// "api-reference/virtual-numbers" and "api-reference/operators", and its Errors page), except where
// a comment says an example was cut off and completed. Tests parse the responses and compare the
// requests vnum builds with the documented ones.
#ifndef VNUM_TESTS_IDENTITYCALL_EXAMPLES_HPP
#define VNUM_TESTS_IDENTITYCALL_EXAMPLES_HPP

#include <string_view>

namespace identitycall_examples {

// ---- Responses

// Purchase Number (purchase) — 201 Created
inline constexpr std::string_view purchase_201 = R"json({
"data": {
  "id": 9,
  "phone_number": "+15551234567",
  "name": "US Sales Line",
  "country_code": "US",
  "active": true,
  "ai_receptionist_enabled": false,
  "operators": [],
  "operators_count": 0
}
})json";

// List Virtual Numbers (list) — 200 OK
inline constexpr std::string_view list_200 = R"json({
"data": [
  {
    "id": 7,
    "phone_number": "+15551234567",
    "name": "US Sales Line",
    "country_code": "US",
    "active": true,
    "ai_receptionist_enabled": false,
    "operators": [
      { "id": 12, "name": "Alice Carter", "initials": "AC" },
      { "id": 13, "name": "Bob Diaz", "initials": "BD" },
      { "id": 14, "name": "Carol Evans", "initials": "CE" }
    ],
    "operators_count": 3
  },
  {
    "id": 8,
    "phone_number": "+37060012345",
    "name": "LT Support Line",
    "country_code": "LT",
    "active": true,
    "ai_receptionist_enabled": true,
    "operators": [
      { "id": 21, "name": "Daiva Petrauskas", "initials": "DP" }
    ],
    "operators_count": 1
  }
]
})json";

// Get Virtual Number (get) — 200 OK
inline constexpr std::string_view get_200 = R"json({
"data": {
"id": 7,
"phone_number": "+15551234567",
"name": "US Sales Line",
"country_code": "US",
"active": true,
"recording": true,
"routing_strategy": "priority",
"ai_receptionist_enabled": false,
"stats": {
"total_calls": 142,
"answered_calls": 118,
"missed_calls": 24,
"average_duration_seconds": 184
},
"operators": [
{
"id": 12,
"name": "Alice Carter",
"phone_number": "+15555550112",
"initials": "AC",
"priority": 0
},
{
"id": 13,
"name": "Bob Diaz",
"phone_number": "+15555550113",
"initials": "BD",
"priority": 1
},
{
"id": 14,
"name": "Carol Evans",
"phone_number": "+15555550114",
"initials": "CE",
"priority": 2
}
],
"available_operators": [
{
"id": 22,
"name": "Eva Frank",
"phone_number": "+15555550122",
"initials": "EF"
}
],
"recent_calls": [
{
"id": 9981,
"phone_number": "+15558884444",
"caller_name": "John Smith",
"call_status": "answered",
"call_duration": 213,
"direction": "inbound",
"ai_handled": false,
"transcript_summary": null,
"created_at": "2026-04-14T16:22:05Z"
}
]
}
})json";

// Update Virtual Number (update) — 200 OK
inline constexpr std::string_view update_200 = R"json({
"data": {
  "id": 7,
  "phone_number": "+15551234567",
  "name": "US Sales Line - Primary",
  "country_code": "US",
  "active": true,
  "recording": true,
  "routing_strategy": "round_robin",
  "ai_receptionist_enabled": false,
  "stats": { "total_calls": 142, "answered_calls": 118, "missed_calls": 24, "average_duration_seconds": 184 },
  "operators": [
    { "id": 12, "name": "Alice Carter", "phone_number": "+15555550112", "initials": "AC", "priority": 0 }
  ],
  "available_operators": [],
  "recent_calls": []
}
})json";

// Search Available Numbers (available) — 200 OK
inline constexpr std::string_view available_200 = R"json({
"data": [
  {
    "phone_number": "+15551234567",
    "country_code": "US",
    "number_type": "local",
    "upfront_cost": "1.00",
    "monthly_cost": "1.00",
    "features": ["sms", "voice", "mms"],
    "region_information": [
      { "region_type": "state", "region_name": "CA" }
    ]
  },
  {
    "phone_number": "+15551234568",
    "country_code": "US",
    "number_type": "local",
    "upfront_cost": "1.00",
    "monthly_cost": "1.00",
    "features": ["voice"],
    "region_information": [
      { "region_type": "state", "region_name": "NY" }
    ]
  }
]
})json";

// Remove Operator (remove-operator) — 200 OK
inline constexpr std::string_view remove_operator_200 = R"json({
"data": {
  "id": 7,
  "phone_number": "+15551234567",
  "name": "US Sales Line",
  "country_code": "US",
  "active": true,
  "recording": true,
  "routing_strategy": "priority",
  "ai_receptionist_enabled": false,
  "stats": { "total_calls": 142, "answered_calls": 118, "missed_calls": 24, "average_duration_seconds": 184 },
  "operators": [
    { "id": 12, "name": "Alice Carter", "phone_number": "+15555550112", "initials": "AC", "priority": 0 }
  ],
  "available_operators": [
    { "id": 22, "name": "Greta Hall", "phone_number": "+15555550199", "initials": "GH" }
  ],
  "recent_calls": []
}
})json";

// List Operators (operators/list) — 200 OK
inline constexpr std::string_view list_operators_200 = R"json({
  "data": [
    {
      "id": 12,
      "name": "Aldona Petrauskaitė",
      "phone_number": "+37060012345",
      "email": "aldona@example.com",
      "active": true,
      "initials": "AP",
      "virtual_numbers_count": 2
    },
    {
      "id": 7,
      "name": "Jane Doe",
      "phone_number": "+15551234567",
      "email": "jane.doe@example.com",
      "active": true,
      "initials": "JD",
      "virtual_numbers_count": 1
    },
    {
      "id": 18,
      "name": "Marcus Chen",
      "phone_number": "+14155550199",
      "email": null,
      "active": false,
      "initials": "MC",
      "virtual_numbers_count": 0
    }
  ]
})json";

// Get Operator (operators/get) — 200 OK
inline constexpr std::string_view get_operator_200 = R"json({
  "data": {
    "id": 42,
    "name": "Jane Doe",
    "phone_number": "+15551234567",
    "email": "jane.doe@example.com",
    "active": true,
    "initials": "JD",
    "virtual_numbers": [
      {
        "id": 101,
        "phone_number": "+15558675309",
        "name": "Sales line",
        "active": true
      },
      {
        "id": 117,
        "phone_number": "+37060099001",
        "name": "Vilnius support",
        "active": true
      }
    ]
  }
})json";

// Create Operator (operators/create) — 201 Created. The page's example is cut off after "email":
// everything up to and including "email" is the documented text; the closing of the object is added
// so that it parses.
inline constexpr std::string_view create_operator_201_documented_part = R"json({
  "data": {
    "id": 42,
    "name": "Jane Doe",
    "phone_number": "+15551234567",
    "email": "jane.doe@example.com"
}})json";

// Create Operator — the same 201 made whole: up to "email" from the page; active, initials and
// virtual_numbers are NOT documented for this response. They are added as Get and Update return
// them, with the values a new operator created by the page's cURL example would have.
inline constexpr std::string_view create_operator_201 = R"json({
  "data": {
    "id": 42,
    "name": "Jane Doe",
    "phone_number": "+15551234567",
    "email": "jane.doe@example.com",
    "active": true,
    "initials": "JD",
    "virtual_numbers": []
  }
})json";

// Update Operator (operators/update) — 200 OK
inline constexpr std::string_view update_operator_200 = R"json({
  "data": {
    "id": 42,
    "name": "Jane Doe",
    "phone_number": "+15551234567",
    "email": "jane.doe+work@example.com",
    "active": false,
    "initials": "JD",
    "virtual_numbers": [
      {
        "id": 101,
        "phone_number": "+15558675309",
        "name": "Sales line",
        "active": true
      }
    ]
  }
})json";

// Delete Operator (operators/delete) — 200 OK (not 204)
inline constexpr std::string_view delete_operator_200 = R"json({
  "success": true
})json";

// Errors (errors) — "All errors return a JSON object with an error field"
inline constexpr std::string_view error_format = R"json({
"error": "Description of what went wrong"
})json";

// Errors — "For validation errors (422), you may receive an array of error messages"
inline constexpr std::string_view error_format_422_array = R"json({
"errors": ["Field 1 is invalid", "Field 2 is required"]
})json";

// Errors — Authentication Errors (401)
inline constexpr std::string_view error_401 = R"json({
"error": "Invalid or expired API key"
})json";

// Errors — Permission Errors (403)
inline constexpr std::string_view error_403_read = R"json({
"error": "Read permission required"
})json";

// Errors — Permission Errors (403)
inline constexpr std::string_view error_403_write = R"json({
"error": "Write permission required"
})json";

// Errors — Permission Errors (403)
inline constexpr std::string_view error_403_delete = R"json({
"error": "Delete permission required"
})json";

// Errors — Not Found Errors (404)
inline constexpr std::string_view error_404 = R"json({
"error": "Resource not found"
})json";

// Errors — Validation Errors (422)
inline constexpr std::string_view error_422_file_required = R"json({
"error": "file is required"
})json";

// Errors — Validation Errors (422)
inline constexpr std::string_view error_422_transcription = R"json({
"error": "Transcription not available"
})json";

// ---- Request bodies

// Purchase Number — the cURL example's body
inline constexpr std::string_view purchase_request_body = R"json({
"phone_number": "+15551234567",
"country_code": "US",
"number_type": "local",
"name": "US Sales Line"
})json";

// Update Virtual Number — the cURL example's body
inline constexpr std::string_view update_request_body = R"json({
"name": "US Sales Line - Primary",
"active": true,
"recording": true,
"routing_strategy": "round_robin"
})json";

// Add Operator — Shape A, reference an existing operator
inline constexpr std::string_view add_operator_existing_body = R"json({ "operator_id": 22 })json";

// Add Operator — Shape B, auto-create a new operator
inline constexpr std::string_view add_operator_create_body =
    R"json({ "phone_number": "+15555550199", "name": "Greta Hall" })json";

// Create Operator — the cURL example's body
inline constexpr std::string_view create_operator_request_body = R"json({
    "name": "Jane Doe",
    "phone_number": "+15551234567",
    "email": "jane.doe@example.com",
    "active": true
  })json";

// Update Operator — the cURL example's body
inline constexpr std::string_view update_operator_request_body =
    R"json({ "email": "jane.doe+work@example.com", "active": false })json";

}  // namespace identitycall_examples

#endif  // VNUM_TESTS_IDENTITYCALL_EXAMPLES_HPP
