// vnum — IdentityCall: the typed requests, results and configuration.
// Shapes come from docs.identitycall.ai, sections "api-reference/virtual-numbers" and
// "api-reference/operators"; each type names its page. Where a page is silent or was cut short, the
// comment says so.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_MODEL_HPP
#define VNUM_IDENTITYCALL_MODEL_HPP

#include <vnum/detail/print.hpp>
#include <vnum/observe.hpp>
#include <vnum/retry.hpp>

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::identitycall {

/// The kind of a number: number_type on purchase and search ("mobile | local | toll-free |
/// national").
enum class number_type {
  mobile,     ///< "mobile"
  local,      ///< "local"
  toll_free,  ///< "toll-free"
  national    ///< "national"
};

/// The wire spelling: toll_free is "toll-free".
/// @param t the number type
/// @return its wire text; empty for a value outside the enum
constexpr std::string_view to_string(number_type t) noexcept {
  switch (t) {
    case number_type::mobile:
      return "mobile";
    case number_type::local:
      return "local";
    case number_type::toll_free:
      return "toll-free";
    case number_type::national:
      return "national";
  }
  return "";
}

/// Prints the wire spelling, or "unset" for a value outside the enum.
/// @param os the stream
/// @param t the number type
/// @return os
inline std::ostream& operator<<(std::ostream& os, number_type t) {
  return os << (to_string(t).empty() ? std::string_view("unset") : to_string(t));
}

/// Reads a wire spelling (exact match, e.g. "toll-free").
/// @param s the text
/// @return the number type, or empty for any other text
constexpr std::optional<number_type> number_type_from_string(std::string_view s) noexcept {
  for (auto t :
       {number_type::mobile, number_type::local, number_type::toll_free, number_type::national})
    if (to_string(t) == s) return t;
  return std::nullopt;
}

/// How a virtual number routes calls to its operators: routing_strategy (update page), "Operator
/// routing mode: priority, round_robin, or simultaneous".
enum class routing_strategy {
  priority,      ///< "priority"
  round_robin,   ///< "round_robin"
  simultaneous,  ///< "simultaneous"
  other  ///< read for an unlisted value (see virtual_number_detail::routing_name); never sent
};

/// The wire spelling.
/// @param s the routing strategy
/// @return its wire text ("other" for routing_strategy::other, which is never sent); empty for a
///         value outside the enum
constexpr std::string_view to_string(routing_strategy s) noexcept {
  switch (s) {
    case routing_strategy::priority:
      return "priority";
    case routing_strategy::round_robin:
      return "round_robin";
    case routing_strategy::simultaneous:
      return "simultaneous";
    case routing_strategy::other:
      return "other";
  }
  return "";
}

/// Prints the wire spelling ("other" for routing_strategy::other), or "unset" for a value outside
/// the enum.
/// @param os the stream
/// @param r the routing strategy
/// @return os
inline std::ostream& operator<<(std::ostream& os, routing_strategy r) {
  return os << (to_string(r).empty() ? std::string_view("unset") : to_string(r));
}

/// Reads one of the three documented values (exact match).
/// @param s the text
/// @return the routing strategy, or empty for any other text, "other" included
constexpr std::optional<routing_strategy> routing_strategy_from_string(
    std::string_view s) noexcept {
  for (auto r :
       {routing_strategy::priority, routing_strategy::round_robin, routing_strategy::simultaneous})
    if (to_string(r) == s) return r;
  return std::nullopt;
}

/// What an IdentityCall client needs: the API key, the host, retries and an observer.
struct config {
  /// Sent as "authorization: Bearer <key>"; the docs' keys look like idc_…
  std::string api_key;
  /// Scheme and host; the builders add the /api/v1/public prefix. Every per-endpoint page uses
  /// https://api.identitycall.ai/api/v1/public; one copy of the API overview and the authentication
  /// page say api.identitycall.com. The endpoint pages win.
  std::string base_url = "https://api.identitycall.ai";
  retry_policy retry{};  ///< list, get and search only (GET); off by default
  observer observe{};    ///< called once per attempt (<vnum/observe.hpp>); empty: nothing is called
};

/// Buys a number: the body of POST /virtual_numbers/purchase (purchase), for purchase_number.
///
/// Optional fields that are not set are left out of the body, not sent as null.
struct purchase_request {
  std::string phone_number;  ///< E.164, typically copied from search_available_numbers
  std::optional<std::string> country_code;  ///< ISO 3166-1 alpha-2, must agree with phone_number
  std::optional<number_type> type;          ///< sent as number_type
  std::optional<std::string> name;          ///< display name
  std::optional<std::int64_t> requirement_group_id;  ///< an approved RegulatoryRequirementGroup
  std::optional<std::string> upfront_cost;  ///< informational, a decimal string such as "1.00"
  std::optional<std::string> monthly_cost;  ///< informational, a decimal string such as "1.00"
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const purchase_request& v) {
    return vnum::detail::print(os, "purchase_request", "phone_number", v.phone_number,
                               "country_code", v.country_code, "type", v.type, "name", v.name,
                               "requirement_group_id", v.requirement_group_id, "upfront_cost",
                               v.upfront_cost, "monthly_cost", v.monthly_cost);
  }
};

/// An entry of virtual_number::operators: "Up to the first 3 attached operators (id, name,
/// initials)" (list).
struct operator_preview {
  std::int64_t id = 0;   ///< the operator's id
  std::string name;      ///< the operator's name
  std::string initials;  ///< the operator's initials
  /// Field-by-field equality.
  friend bool operator==(const operator_preview&, const operator_preview&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const operator_preview& v) {
    return vnum::detail::print(os, "operator_preview", "id", v.id, "name", v.name, "initials",
                               v.initials);
  }
};

/// A virtual number as List Virtual Numbers returns it, and as Purchase Number's 201 returns the
/// new one (list, purchase).
///
/// The purchase page adds that a new number records calls (recording: true), but its body does not
/// carry that field.
struct virtual_number {
  std::int64_t id = 0;                      ///< the virtual number's id
  std::string phone_number;                 ///< E.164
  std::optional<std::string> name;          ///< "Display name (nullable)"
  std::string country_code;                 ///< ISO 3166-1 alpha-2
  bool active = false;                      ///< enabled for receiving calls
  bool ai_receptionist_enabled = false;     ///< an AI voice agent answers inbound calls
  std::vector<operator_preview> operators;  ///< at most the first 3
  std::int64_t operators_count = 0;         ///< all attached operators
  /// Field-by-field equality.
  friend bool operator==(const virtual_number&, const virtual_number&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const virtual_number& v) {
    return vnum::detail::print(os, "virtual_number", "id", v.id, "phone_number", v.phone_number,
                               "name", v.name, "country_code", v.country_code, "active", v.active,
                               "ai_receptionist_enabled", v.ai_receptionist_enabled, "operators",
                               v.operators, "operators_count", v.operators_count);
  }
};

/// Call counts of a virtual number: "stats" of the detail payload (get).
///
/// The page's field table was cut off before these rows, so their types come from its example:
/// integers, except that an average may well have a fraction, so average_duration_seconds accepts
/// any JSON number.
struct call_stats {
  std::int64_t total_calls = 0;         ///< calls in all
  std::int64_t answered_calls = 0;      ///< calls answered
  std::int64_t missed_calls = 0;        ///< calls missed
  double average_duration_seconds = 0;  ///< mean call length in seconds; any JSON number
  /// Field-by-field equality.
  friend bool operator==(const call_stats&, const call_stats&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os, const call_stats& v) {
    return vnum::detail::print(os, "call_stats", "total_calls", v.total_calls, "answered_calls",
                               v.answered_calls, "missed_calls", v.missed_calls,
                               "average_duration_seconds", v.average_duration_seconds);
  }
};

/// An operator attached to a virtual number: an entry of the detail payload's "operators", in
/// routing order (get).
struct attached_operator {
  std::int64_t id = 0;        ///< the operator's id
  std::string name;           ///< the operator's name
  std::string phone_number;   ///< the operator's phone number
  std::string initials;       ///< the operator's initials
  std::int64_t priority = 0;  ///< 0 first; add_operator appends at the next free slot
  /// Field-by-field equality.
  friend bool operator==(const attached_operator&, const attached_operator&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const attached_operator& v) {
    return vnum::detail::print(os, "attached_operator", "id", v.id, "name", v.name, "phone_number",
                               v.phone_number, "initials", v.initials, "priority", v.priority);
  }
};

/// An entry of "available_operators": an operator on the account not attached to this number
/// (get).
struct available_operator {
  std::int64_t id = 0;       ///< the operator's id
  std::string name;          ///< the operator's name
  std::string phone_number;  ///< the operator's phone number
  std::string initials;      ///< the operator's initials
  /// Field-by-field equality.
  friend bool operator==(const available_operator&, const available_operator&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const available_operator& v) {
    return vnum::detail::print(os, "available_operator", "id", v.id, "name", v.name, "phone_number",
                               v.phone_number, "initials", v.initials);
  }
};

/// A call to a virtual number: an entry of "recent_calls", the 10 most recent (get).
///
/// The page's field table for these was not retrievable; the fields and types are those of its
/// example, where transcript_summary is null.
struct recent_call {
  std::int64_t id = 0;                     ///< the call's id
  std::string phone_number;                ///< phone_number; the page does not say which party's
  std::optional<std::string> caller_name;  ///< read as nullable: a caller may be unknown
  std::string call_status;                 ///< e.g. "answered"; text, as no list of values is given
  std::int64_t call_duration = 0;          ///< an integer, e.g. 213; no unit is documented
  std::string direction;                   ///< e.g. "inbound"; text, as no list of values is given
  bool ai_handled = false;  ///< the AI handled the call, going by the name (no field table)
  std::optional<std::string> transcript_summary;  ///< null in the example, read as nullable
  std::string created_at;                         ///< ISO 8601, e.g. "2026-04-14T16:22:05Z"
  /// Field-by-field equality.
  friend bool operator==(const recent_call&, const recent_call&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os, const recent_call& v) {
    return vnum::detail::print(os, "recent_call", "id", v.id, "phone_number", v.phone_number,
                               "caller_name", v.caller_name, "call_status", v.call_status,
                               "call_duration", v.call_duration, "direction", v.direction,
                               "ai_handled", v.ai_handled, "transcript_summary",
                               v.transcript_summary, "created_at", v.created_at);
  }
};

/// One virtual number in full, from GET /virtual_numbers/:id (get): "Full detail with stats,
/// attached operators, available operators, and recent calls".
///
/// Update Virtual Number and Remove Operator return the same payload; Add Operator is assumed to
/// (its response was not retrievable).
struct virtual_number_detail {
  std::int64_t id = 0;              ///< the virtual number's id
  std::string phone_number;         ///< the virtual number, as in virtual_number
  std::optional<std::string> name;  ///< nullable, as in the list shape
  std::string country_code;         ///< as in virtual_number
  bool active = false;              ///< as in virtual_number
  bool recording = false;           ///< inbound calls are recorded
  /// routing_strategy; routing_strategy::other for a value the docs do not list.
  routing_strategy routing = routing_strategy::priority;
  std::string routing_name;  ///< routing_strategy as received, e.g. "priority" (or a new value)
  bool ai_receptionist_enabled = false;                 ///< as in virtual_number
  call_stats stats;                                     ///< call counts
  std::vector<attached_operator> operators;             ///< all attached, in routing order
  std::vector<available_operator> available_operators;  ///< on the account but not attached
  std::vector<recent_call> recent_calls;                ///< the 10 most recent
  /// Field-by-field equality.
  friend bool operator==(const virtual_number_detail&, const virtual_number_detail&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const virtual_number_detail& v) {
    return vnum::detail::print(
        os, "virtual_number_detail", "id", v.id, "phone_number", v.phone_number, "name", v.name,
        "country_code", v.country_code, "active", v.active, "recording", v.recording, "routing",
        v.routing, "routing_name", v.routing_name, "ai_receptionist_enabled",
        v.ai_receptionist_enabled, "stats", v.stats, "operators", v.operators,
        "available_operators", v.available_operators, "recent_calls", v.recent_calls);
  }
};

/// Changes a virtual number: the body of PATCH /virtual_numbers/:id (update), for
/// update_virtual_number.
///
/// "Only fields present in the request body are updated; omitted fields keep their current
/// values." At least one field must be set.
struct update_request {
  std::optional<std::string> name;          ///< the display name
  std::optional<bool> active;               ///< enabled for receiving calls
  std::optional<bool> recording;            ///< inbound calls are recorded
  std::optional<routing_strategy> routing;  ///< sent as routing_strategy; never other
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const update_request& v) {
    return vnum::detail::print(os, "update_request", "name", v.name, "active", v.active,
                               "recording", v.recording, "routing", v.routing);
  }
};

/// Filters for GET /virtual_numbers/available (available), for search_available_numbers.
///
/// Both parameters are optional; the provider's defaults are country US and number_type mobile.
struct search_request {
  std::optional<std::string> country;  ///< ISO 3166-1 alpha-2, case-insensitive; sent upper case
  std::optional<number_type> type;     ///< sent as number_type
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const search_request& v) {
    return vnum::detail::print(os, "search_request", "country", v.country, "type", v.type);
  }
};

/// Where an available number is: a region_information entry, e.g. {"region_type": "state",
/// "region_name": "CA"} (available).
struct number_region {
  std::string region_type;  ///< e.g. "state"
  std::string region_name;  ///< e.g. "CA"
  /// Field-by-field equality.
  friend bool operator==(const number_region&, const number_region&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const number_region& v) {
    return vnum::detail::print(os, "number_region", "region_type", v.region_type, "region_name",
                               v.region_name);
  }
};

/// A number for sale: an entry of Search Available Numbers (available).
///
/// The page says "The shape of each entry is passed through from our phone-number provider. The
/// fields below are typical but provider-dependent." So only phone_number (what a purchase needs)
/// is required; each other documented field is filled when present with its documented type and
/// left empty otherwise, and the whole entry, with any field the provider adds, stays reachable in
/// raw (as JSON text).
struct available_number {
  std::string phone_number;                 ///< E.164
  std::optional<std::string> country_code;  ///< country_code, when present
  std::optional<number_type> type;          ///< number_type; empty for a value not documented
  std::optional<std::string> upfront_cost;  ///< "decimal as string", e.g. "1.00"; no currency given
  std::optional<std::string> monthly_cost;  ///< as upfront_cost
  std::optional<std::vector<std::string>> features;              ///< e.g. "sms", "voice", "mms"
  std::optional<std::vector<number_region>> region_information;  ///< where the number is
  /// The entry as received, as JSON text (read a field vnum does not type with any JSON parser):
  /// text, so that the model types compile without a JSON library.
  std::string raw;
  /// Field-by-field equality.
  friend bool operator==(const available_number&, const available_number&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const available_number& v) {
    return vnum::detail::print(
        os, "available_number", "phone_number", v.phone_number, "country_code", v.country_code,
        "type", v.type, "upfront_cost", v.upfront_cost, "monthly_cost", v.monthly_cost, "features",
        v.features, "region_information", v.region_information, "raw", v.raw);
  }
};

/// Attaches an operator to a virtual number: the body of POST /virtual_numbers/:id/add_operator
/// (add-operator), for add_operator.
///
/// "Send exactly one" of two shapes: operator_id (attach an existing operator), or phone_number
/// with an optional name (create an operator and attach it; the provider names it "Operator" by
/// default). existing() and create() build each.
struct add_operator_request {
  std::optional<std::int64_t> operator_id;  ///< an existing operator; not with phone_number
  std::optional<std::string> phone_number;  ///< E.164, for a new operator
  std::optional<std::string> name;          ///< only with phone_number
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const add_operator_request& v) {
    return vnum::detail::print(os, "add_operator_request", "operator_id", v.operator_id,
                               "phone_number", v.phone_number, "name", v.name);
  }

  /// A request that attaches an existing operator.
  /// @param id the operator's id
  /// @return a request with operator_id set
  static add_operator_request existing(std::int64_t id) { return {id, std::nullopt, std::nullopt}; }
  /// A request that creates an operator and attaches it.
  /// @param phone its phone number, E.164
  /// @param display_name its name; when empty none is sent and the provider uses "Operator"
  /// @return a request with phone_number (and name, if given) set
  static add_operator_request create(std::string phone,
                                     std::optional<std::string> display_name = {}) {
    return {std::nullopt, std::move(phone), std::move(display_name)};
  }
};

// ---- Operators (api-reference/operators): the human agents calls are routed to.

/// An entry of List Operators (operators/list): "Returns operators ordered by name with their
/// virtual number assignment counts."
struct operator_summary {
  std::int64_t id = 0;                     ///< the operator's id
  std::string name;                        ///< full display name
  std::string phone_number;                ///< "E.164 normalized"
  std::optional<std::string> email;        ///< "string | null": an optional contact email
  bool active = false;                     ///< "can currently receive routed calls"
  std::string initials;                    ///< "Two-letter initials derived from name"
  std::int64_t virtual_numbers_count = 0;  ///< virtual numbers the operator is assigned to
  /// Field-by-field equality.
  friend bool operator==(const operator_summary&, const operator_summary&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const operator_summary& v) {
    return vnum::detail::print(os, "operator_summary", "id", v.id, "name", v.name, "phone_number",
                               v.phone_number, "email", v.email, "active", v.active, "initials",
                               v.initials, "virtual_numbers_count", v.virtual_numbers_count);
  }
};

/// A virtual number an operator is assigned to: an entry of operator_detail::virtual_numbers
/// (operators/get).
///
/// The page types name as a plain string ("Display name of the virtual number"); the
/// virtual-number pages call the same name "Display name (nullable)", so it is read as nullable
/// here too.
struct operator_number {
  std::int64_t id = 0;              ///< the virtual number's id
  std::string phone_number;         ///< E.164
  std::optional<std::string> name;  ///< the virtual number's display name
  bool active = false;              ///< the virtual number is active
  /// Field-by-field equality.
  friend bool operator==(const operator_number&, const operator_number&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const operator_number& v) {
    return vnum::detail::print(os, "operator_number", "id", v.id, "phone_number", v.phone_number,
                               "name", v.name, "active", v.active);
  }
};

/// One operator in full, from GET /operators/:id (operators/get): "operator detail with its
/// virtual number assignments".
///
/// Update Operator returns "the same fields"; Create Operator's 201 starts the same way, but its
/// example was cut off after "email" (see parse_create_operator for how the rest is read).
struct operator_detail {
  std::int64_t id = 0;                           ///< the operator's id
  std::string name;                              ///< full display name
  std::string phone_number;                      ///< E.164
  std::optional<std::string> email;              ///< "string | null"
  bool active = false;                           ///< can receive routed calls
  std::string initials;                          ///< two-letter, derived from name by the provider
  std::vector<operator_number> virtual_numbers;  ///< the numbers it is assigned to
  /// Field-by-field equality.
  friend bool operator==(const operator_detail&, const operator_detail&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const operator_detail& v) {
    return vnum::detail::print(os, "operator_detail", "id", v.id, "name", v.name, "phone_number",
                               v.phone_number, "email", v.email, "active", v.active, "initials",
                               v.initials, "virtual_numbers", v.virtual_numbers);
  }
};

/// Creates an operator: the body of POST /operators (operators/create), for create_operator.
///
/// Optional fields that are not set are left out of the body, and the provider's defaults apply
/// (active: true). A project-scoped key links the new operator to its project; an account-wide key
/// creates it unlinked.
struct create_operator_request {
  std::string name;          ///< full display name; the provider derives initials from it
  std::string phone_number;  ///< E.164 (the provider also takes local formats; vnum does not)
  std::optional<std::string> email;  ///< contact email
  std::optional<bool> active;        ///< can receive routed calls; the provider's default is true
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const create_operator_request& v) {
    return vnum::detail::print(os, "create_operator_request", "name", v.name, "phone_number",
                               v.phone_number, "email", v.email, "active", v.active);
  }
};

/// Changes an operator: the body of PATCH /operators/:id (operators/update), for update_operator.
///
/// "Partial update — only the fields you supply are changed." At least one field must be set.
struct update_operator_request {
  std::optional<std::string> name;          ///< full display name
  std::optional<std::string> phone_number;  ///< E.164
  std::optional<std::string> email;         ///< replaces the contact email; not with clear_email
  /// Sends "email": null, which the page documents as "Send null to clear"; not with email.
  bool clear_email = false;
  std::optional<bool> active;  ///< can receive routed calls
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os,
                                  const update_operator_request& v) {
    return vnum::detail::print(os, "update_operator_request", "name", v.name, "phone_number",
                               v.phone_number, "email", v.email, "clear_email", v.clear_email,
                               "active", v.active);
  }
};

/// "meta" of a paginated answer (guides/pagination; the API overview: "List endpoints return
/// paginated results").
///
/// The List pages themselves say they take no query parameters and show no meta: the client follows
/// the pages when an answer has meta, and reads one answer when it has none.
struct page_meta {
  std::int64_t current_page = 0;  ///< from 1
  std::int64_t per_page = 0;      ///< default 20, at most 100
  std::int64_t total_pages = 0;   ///< pages in all
  std::int64_t total_count = 0;   ///< entries in all, over every page
  /// Field-by-field equality.
  friend bool operator==(const page_meta&, const page_meta&) = default;
  /// Prints the fields (for logs and test failures).
  friend std::ostream& operator<<(std::derived_from<std::ostream> auto& os, const page_meta& v) {
    return vnum::detail::print(os, "page_meta", "current_page", v.current_page, "per_page",
                               v.per_page, "total_pages", v.total_pages, "total_count",
                               v.total_count);
  }
};

/// One answer of a list (parse_list_virtual_numbers_page, parse_list_operators_page): its entries,
/// and its meta when it is one page of several.
/// @tparam T the entry type: virtual_number or operator_summary
template <class T>
struct page {
  std::vector<T> items;           ///< the entries of this answer
  std::optional<page_meta> meta;  ///< empty when the answer has no "meta"
  /// Field-by-field equality.
  friend bool operator==(const page&, const page&) = default;
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_MODEL_HPP
