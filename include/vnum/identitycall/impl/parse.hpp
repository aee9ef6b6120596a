// vnum — IdentityCall: the definitions of the response parsers declared in
// <vnum/identitycall/parse.hpp>. Included once per program, by <vnum/src.hpp> in the translation
// unit that defines VNUM_IMPLEMENTATION; never include it directly. SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_IMPL_PARSE_HPP
#define VNUM_IDENTITYCALL_IMPL_PARSE_HPP

#include <vnum/detail/json.hpp>
#include <vnum/detail/json_reader.hpp>
#include <vnum/detail/response.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/parse.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vnum::identitycall {

namespace detail {

using vnum::detail::json_reader;

inline operator_preview read_operator_preview(json_reader& in) {
  operator_preview o;
  o.id = in.integer("id");
  o.name = in.string("name");
  o.initials = in.string("initials");
  return o;
}

inline virtual_number read_virtual_number(json_reader& in) {
  virtual_number n;
  n.id = in.integer("id");
  n.phone_number = in.string("phone_number");
  n.name = in.nullable_string("name");
  n.country_code = in.string("country_code");
  n.active = in.boolean("active");
  n.ai_receptionist_enabled = in.boolean("ai_receptionist_enabled");
  n.operators = in.array_of("operators", read_operator_preview);
  n.operators_count = in.integer("operators_count");
  return n;
}

inline call_stats read_call_stats(json_reader& in) {
  call_stats s;
  s.total_calls = in.integer("total_calls");
  s.answered_calls = in.integer("answered_calls");
  s.missed_calls = in.integer("missed_calls");
  s.average_duration_seconds = in.number("average_duration_seconds");
  return s;
}

inline attached_operator read_attached_operator(json_reader& in) {
  attached_operator o;
  o.id = in.integer("id");
  o.name = in.string("name");
  o.phone_number = in.string("phone_number");
  o.initials = in.string("initials");
  o.priority = in.integer("priority");
  return o;
}

inline available_operator read_available_operator(json_reader& in) {
  available_operator o;
  o.id = in.integer("id");
  o.name = in.string("name");
  o.phone_number = in.string("phone_number");
  o.initials = in.string("initials");
  return o;
}

inline recent_call read_recent_call(json_reader& in) {
  recent_call c;
  c.id = in.integer("id");
  c.phone_number = in.string("phone_number");
  c.caller_name = in.nullable_string("caller_name");
  c.call_status = in.string("call_status");
  c.call_duration = in.integer("call_duration");
  c.direction = in.string("direction");
  c.ai_handled = in.boolean("ai_handled");
  c.transcript_summary = in.nullable_string("transcript_summary");
  c.created_at = in.string("created_at");
  return c;
}

// The payload of get, which update, add_operator and remove_operator return too.
inline virtual_number_detail read_virtual_number_detail(json_reader& in) {
  virtual_number_detail d;
  d.id = in.integer("id");
  d.phone_number = in.string("phone_number");
  d.name = in.nullable_string("name");
  d.country_code = in.string("country_code");
  d.active = in.boolean("active");
  d.recording = in.boolean("recording");
  // A value the docs do not list is kept, not refused: the answer to an update that went through
  // must not read as a failure because the provider added a mode.
  d.routing_name = in.string("routing_strategy");
  d.routing = routing_strategy_from_string(d.routing_name).value_or(routing_strategy::other);
  d.ai_receptionist_enabled = in.boolean("ai_receptionist_enabled");
  d.stats = in.nested("stats", read_call_stats);
  d.operators = in.array_of("operators", read_attached_operator);
  d.available_operators = in.array_of("available_operators", read_available_operator);
  d.recent_calls = in.array_of("recent_calls", read_recent_call);
  return d;
}

// The entries are "provider-dependent": only phone_number is required; another documented field
// that is absent or of another type is left empty (it is still in raw).
inline available_number read_available_number(json_reader& in) {
  using vnum::detail::array_member;
  using vnum::detail::string_member;
  const boost::json::object& o = in.object();
  available_number a;
  a.phone_number = in.string("phone_number");
  a.country_code = string_member(o, "country_code");
  if (auto t = string_member(o, "number_type")) a.type = number_type_from_string(*t);
  a.upfront_cost = string_member(o, "upfront_cost");
  a.monthly_cost = string_member(o, "monthly_cost");
  if (const boost::json::array* features = array_member(o, "features")) {
    std::vector<std::string> all;
    for (const boost::json::value& f : *features)
      if (f.is_string()) all.emplace_back(f.get_string());
    if (all.size() == features->size()) a.features = std::move(all);
  }
  if (const boost::json::array* regions = array_member(o, "region_information")) {
    std::vector<number_region> all;
    for (const boost::json::value& item : *regions) {
      if (!item.is_object()) break;
      auto type = string_member(item.get_object(), "region_type");
      auto name = string_member(item.get_object(), "region_name");
      if (!type || !name) break;
      all.push_back({std::move(*type), std::move(*name)});
    }
    if (all.size() == regions->size()) a.region_information = std::move(all);
  }
  a.raw = boost::json::serialize(o);
  return a;
}

inline operator_summary read_operator_summary(json_reader& in) {
  operator_summary o;
  o.id = in.integer("id");
  o.name = in.string("name");
  o.phone_number = in.string("phone_number");
  o.email = in.nullable_string("email");
  o.active = in.boolean("active");
  o.initials = in.string("initials");
  o.virtual_numbers_count = in.integer("virtual_numbers_count");
  return o;
}

inline operator_number read_operator_number(json_reader& in) {
  operator_number n;
  n.id = in.integer("id");
  n.phone_number = in.string("phone_number");
  n.name = in.nullable_string("name");
  n.active = in.boolean("active");
  return n;
}

// The payload of Get Operator, which Update Operator returns too.
inline operator_detail read_operator_detail(json_reader& in) {
  operator_detail d;
  d.id = in.integer("id");
  d.name = in.string("name");
  d.phone_number = in.string("phone_number");
  d.email = in.nullable_string("email");
  d.active = in.boolean("active");
  d.initials = in.string("initials");
  d.virtual_numbers = in.array_of("virtual_numbers", read_operator_number);
  return d;
}

// Create Operator's 201: the page's example was cut off after "email", so only id, name,
// phone_number and email are known to be there and are read strictly. active, initials and
// virtual_numbers (which Get and Update return) are read with their types when present; when
// absent, active is taken as the create page's documented default (true), initials stay empty and
// virtual_numbers empty (a new operator is assigned to no number yet). A caller that sent
// active: false and must be sure can get_operator.
inline operator_detail read_created_operator(json_reader& in) {
  operator_detail d;
  d.id = in.integer("id");
  d.name = in.string("name");
  d.phone_number = in.string("phone_number");
  d.email = in.nullable_string("email");
  const boost::json::object& o = in.object();
  d.active = in.optional_boolean("active").value_or(true);
  if (auto initials = in.optional_string("initials")) d.initials = std::move(*initials);
  if (o.contains("virtual_numbers"))
    d.virtual_numbers = in.array_of("virtual_numbers", read_operator_number);
  return d;
}

// Every documented success is a JSON object {"data": ...} with one of `statuses`; any other status
// goes to the classification both providers share (422 unprocessable with the provider's message,
// 401, 403, 404, 429 with Retry-After, 5xx).
template <class Read>
auto read_success(const http::response& r, std::initializer_list<int> statuses, Read read,
                  json_reader::nulls nulls = json_reader::nulls::refused)
    -> result<decltype(read(std::declval<json_reader&>()))> {
  if (std::find(statuses.begin(), statuses.end(), r.status) == statuses.end())
    return vnum::detail::generic_failure(r);
  vnum::detail::json_document doc;
  auto body = vnum::detail::read_json_body(r, doc);
  if (!body) return body.error();
  const boost::json::object* object = (*body)->if_object();
  if (object == nullptr) return vnum::detail::protocol_error(r, "the body is not a JSON object");
  std::optional<std::string> problem;
  json_reader top(*object, problem, nulls);
  auto value = read(top);
  if (problem) return vnum::detail::protocol_error(r, *problem);
  return value;
}

inline page_meta read_page_meta(json_reader& in) {
  page_meta m;
  m.current_page = in.integer("current_page");
  m.per_page = in.integer("per_page");
  m.total_pages = in.integer("total_pages");
  m.total_count = in.integer("total_count");
  return m;
}

// {"data": [...], "meta": {...}}; meta is optional (the List pages show none).
template <class Read>
auto read_page(const http::response& r, Read read)
    -> result<page<decltype(read(std::declval<json_reader&>()))>> {
  using item_type = decltype(read(std::declval<json_reader&>()));
  return read_success(r, {200}, [&read](json_reader& top) {
    page<item_type> p;
    p.items = top.array_of("data", read);
    if (top.object().contains("meta")) p.meta = top.nested("meta", read_page_meta);
    return p;
  });
}

// The answer to an idempotent write whose documented success carries a payload: the payload on one
// of `statuses` (nulls read as defaults), nothing on 204, which the Errors page's status table
// gives as "Request succeeded (no response body)". Anything else follows the outcome rule.
template <class Read>
auto read_write_answer(const http::response& r, std::initializer_list<int> statuses, Read read,
                       const vnum::detail::outcome& o)
    -> result<std::optional<decltype(read(std::declval<json_reader&>()))>> {
  using value_type = decltype(read(std::declval<json_reader&>()));
  if (r.status == 204) return std::optional<value_type>();
  auto value = read_success(r, statuses, read, json_reader::nulls::tolerated);
  if (!value) return vnum::detail::apply_outcome_rule(o, r, value.error());
  return std::optional<value_type>(std::move(*value));
}

// What was created is known only by its id and phone number: with nulls read as defaults (a null
// elsewhere must not hide a success), these two must still be there.
// Read in place: the created resource is not moved in and out.
template <class T>
std::optional<error> missing_identity(const http::response& r, const T& created) {
  if (created.id <= 0) return vnum::detail::protocol_error(r, "data.id is null or not positive");
  if (created.phone_number.empty())
    return vnum::detail::protocol_error(r, "data.phone_number is null or empty");
  return std::nullopt;
}

inline auto read_detail(json_reader& top) { return top.nested("data", read_virtual_number_detail); }

// What an answer that does not say how each write ended means, and what to check before trying
// again (see operation_kind in error.hpp).
using vnum::detail::outcome;
inline constexpr outcome purchase_outcome{operation_kind::creating_write, "the purchase",
                                          "check list_virtual_numbers() before buying again"};
inline constexpr outcome update_outcome{operation_kind::idempotent_write, "the update",
                                        "sending it again is safe"};
// add_operator may create an operator (the phone_number shape), so it is a creating write.
inline constexpr outcome add_operator_outcome{
    operation_kind::creating_write, "adding the operator",
    "check get_virtual_number(id) and list_operators() before adding it again"};
inline constexpr outcome remove_operator_outcome{
    operation_kind::idempotent_write, "removing the operator", "sending it again is safe"};
inline constexpr outcome create_operator_outcome{operation_kind::creating_write,
                                                 "creating the operator",
                                                 "check list_operators() before creating it again"};
inline constexpr outcome update_operator_outcome{operation_kind::idempotent_write,
                                                 "the operator update", "sending it again is safe"};
inline constexpr outcome delete_operator_outcome{
    operation_kind::idempotent_write, "deleting the operator", "sending it again is safe"};

}  // namespace detail

result<virtual_number> parse_purchase_number(const http::response& r) {
  auto bought = detail::read_success(
      r, {201, 200},
      [](detail::json_reader& top) { return top.nested("data", detail::read_virtual_number); },
      detail::json_reader::nulls::tolerated);
  if (bought)
    if (auto missing = detail::missing_identity(r, *bought)) bought = std::move(*missing);
  return vnum::detail::apply_outcome_rule(detail::purchase_outcome, r, std::move(bought));
}

result<page<virtual_number>> parse_list_virtual_numbers_page(const http::response& r) {
  return detail::read_page(r, detail::read_virtual_number);
}

result<std::vector<virtual_number>> parse_list_virtual_numbers(const http::response& r) {
  auto one = parse_list_virtual_numbers_page(r);
  if (!one) return one.error();
  return std::move(one->items);
}

result<virtual_number_detail> parse_get_virtual_number(const http::response& r) {
  return detail::read_success(r, {200}, detail::read_detail);
}

result<std::optional<virtual_number_detail>> parse_update_virtual_number(const http::response& r) {
  return detail::read_write_answer(r, {200}, detail::read_detail, detail::update_outcome);
}

result<std::vector<available_number>> parse_search_available_numbers(const http::response& r) {
  return detail::read_success(r, {200}, [](detail::json_reader& top) {
    return top.array_of("data", detail::read_available_number);
  });
}

result<std::optional<virtual_number_detail>> parse_add_operator(const http::response& r) {
  return detail::read_write_answer(r, {200, 201}, detail::read_detail,
                                   detail::add_operator_outcome);
}

result<std::optional<virtual_number_detail>> parse_remove_operator(const http::response& r) {
  return detail::read_write_answer(r, {200}, detail::read_detail, detail::remove_operator_outcome);
}

result<page<operator_summary>> parse_list_operators_page(const http::response& r) {
  return detail::read_page(r, detail::read_operator_summary);
}

result<std::vector<operator_summary>> parse_list_operators(const http::response& r) {
  auto one = parse_list_operators_page(r);
  if (!one) return one.error();
  return std::move(one->items);
}

result<operator_detail> parse_get_operator(const http::response& r) {
  return detail::read_success(r, {200}, [](detail::json_reader& top) {
    return top.nested("data", detail::read_operator_detail);
  });
}

result<operator_detail> parse_create_operator(const http::response& r) {
  auto created = detail::read_success(
      r, {201, 200},
      [](detail::json_reader& top) { return top.nested("data", detail::read_created_operator); },
      detail::json_reader::nulls::tolerated);
  if (created)
    if (auto missing = detail::missing_identity(r, *created)) created = std::move(*missing);
  return vnum::detail::apply_outcome_rule(detail::create_operator_outcome, r, std::move(created));
}

result<std::optional<operator_detail>> parse_update_operator(const http::response& r) {
  return detail::read_write_answer(
      r, {200},
      [](detail::json_reader& top) { return top.nested("data", detail::read_operator_detail); },
      detail::update_operator_outcome);
}

result<void> parse_delete_operator(const http::response& r) {
  if (r.status == 204) return {};
  auto success = detail::read_success(
      r, {200}, [](detail::json_reader& top) { return top.boolean("success"); });
  if (success && !*success) success = vnum::detail::protocol_error(r, "success is false");
  if (!success)
    return vnum::detail::apply_outcome_rule(detail::delete_operator_outcome, r, success.error());
  return {};
}

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_IMPL_PARSE_HPP
