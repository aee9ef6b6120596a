// vnum — Cellcast: the definitions of the response parsers declared in <vnum/cellcast/parse.hpp>.
// Included once per program, by <vnum/src.hpp> in the translation unit that defines
// VNUM_IMPLEMENTATION; never include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_IMPL_PARSE_HPP
#define VNUM_CELLCAST_IMPL_PARSE_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/cellcast/parse.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/detail/json_reader.hpp>
#include <vnum/detail/response.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::cellcast {

namespace detail {

using vnum::detail::json_document;
using vnum::detail::json_reader;

// The envelope of Cellcast's 200 and 400 answers (and, seen live, of 422s): {"app_type", ...,
// "maintainence" (sic), ..., "status": bool, "message": string, "data": ..., "error": ...}. Only
// "status" is required: "message" may be null, and "data" and "error" may be objects, arrays
// ("data": [] is what PHP back ends send for an empty object) or null. 401 and 404 come as
// {code, message, stack} instead.
// The members point into the parsed body, which outlives the envelope.
struct envelope {
  bool status = false;
  std::string message;
  const boost::json::object* body = nullptr;  // the whole answer, whose "data" lists are read
  const boost::json::value* data = nullptr;   // nullptr when absent
  const boost::json::value* error = nullptr;
};

inline std::optional<envelope> read_envelope(const boost::json::value& v) {
  const boost::json::object* o = v.if_object();
  if (o == nullptr) return std::nullopt;
  auto status = vnum::detail::bool_member(*o, "status");
  if (!status) return std::nullopt;
  envelope e;
  e.status = *status;
  e.message = vnum::detail::string_member(*o, "message").value_or("");
  e.body = o;
  e.data = o->if_contains("data");
  e.error = o->if_contains("error");
  return e;
}

// "Name is required (name is not valid)": the envelope's message with the strings of its error
// object, which say which input was wrong.
inline std::string describe_envelope(const envelope& e) {
  std::string details;
  if (const boost::json::object* error = e.error != nullptr ? e.error->if_object() : nullptr) {
    for (const auto& item : *error) {
      if (!item.value().is_string() || item.value().get_string().empty()) continue;
      if (!details.empty()) details += "; ";
      details += std::string(item.value().get_string());
    }
  }
  if (details.empty() || details == e.message) return e.message;
  if (e.message.empty()) return details;
  return e.message + " (" + details + ")";
}

// An envelope that says nothing reads as "HTTP 422 without a message", like any silent answer.
inline error envelope_error(const http::response& r, errc code, const envelope& e) {
  std::string described = describe_envelope(e);
  if (described.empty()) return vnum::detail::status_error(r, code, std::nullopt);
  error err = vnum::detail::status_error(r, code, e.message);
  err.message = std::move(described);
  return err;
}

// The error an answer that is not a documented success stands for. Any 4xx may carry the
// envelope (live: 422 for a low balance, 400 for an unregistered sender id), whose message and
// error details are read; its class stays the one of the HTTP status.
inline error error_for(const http::response& r) {
  const std::optional<errc> code = vnum::detail::errc_for_status(r.status);
  if (r.status >= 400 && r.status <= 499 && code) {
    json_document doc;
    if (const auto* v = doc.parse(r.body))
      if (auto e = read_envelope(*v)) {
        // custom-number.html: "Number already exist in system" is a 400 whose status is true.
        if (r.status == 400 && vnum::detail::contains_ignore_case(e->message, "already exist"))
          return envelope_error(r, errc::conflict, *e);
        return envelope_error(r, *code, *e);
      }
  }
  return vnum::detail::generic_failure(r);
}

// The documented success is a 200 envelope with "status": true. A 200 whose status is false
// (verify-custom-number.html shows such a "200 Empty Name") is a refusal. The body is parsed into
// `doc`.
inline result<envelope> success_envelope(const http::response& r, json_document& doc) {
  if (r.status != 200) return error_for(r);
  auto v = vnum::detail::read_json_body(r, doc);
  if (!v) return v.error();
  auto e = read_envelope(**v);
  if (!e) return vnum::detail::protocol_error(r, "the body is not Cellcast's response envelope");
  if (!e->status) return envelope_error(r, errc::unprocessable, *e);
  return std::move(*e);
}

// The entries of the "data" array of an answer's body, each read with `read(json_reader&)`.
template <class Read>
auto read_data_array(const http::response& r, const boost::json::object& body, Read read)
    -> result<std::vector<decltype(read(std::declval<json_reader&>()))>> {
  std::optional<std::string> problem;
  json_reader in(body, problem);
  auto items = in.array_of("data", read);
  if (problem) return vnum::detail::protocol_error(r, *problem);
  return items;
}

inline card read_card(json_reader& in) {
  card c;
  c.id = in.string("id");
  c.brand = in.string("brand");
  c.last4 = in.string("last4");
  c.exp_month = in.integer("exp_month");
  c.exp_year = in.integer("exp_year");
  c.funding = in.string("funding");
  c.country = in.nullable_string("country");
  c.name = in.nullable_string("name");
  return c;
}

// number as a string; a JSON integer is taken too, since the logged "61402000002" does not show
// whether the service quotes it.
inline custom_number read_custom_number(json_reader& in) {
  custom_number c;
  c.name = in.string("name");
  const boost::json::value* number = in.object().if_contains("number");
  if (number != nullptr && number->is_uint64())
    c.number = std::to_string(number->get_uint64());
  else if (number != nullptr && number->is_int64() && number->get_int64() >= 0)
    c.number = std::to_string(number->get_int64());
  else
    c.number = in.string("number");
  return c;
}

// What an answer that does not say how each write ended means, and what to check before trying
// again (see operation_kind in error.hpp). No documented Cellcast endpoint lists the account's
// virtual numbers or business names, so those are checked in Cellcast's dashboard.
using vnum::detail::outcome;
inline constexpr outcome purchase_outcome{
    operation_kind::creating_write, "the purchase",
    "check the account's virtual numbers in Cellcast's dashboard before buying again"};
inline constexpr outcome unsubscribe_outcome{operation_kind::idempotent_write, "the unsubscription",
                                             "unsubscribing again is safe"};
inline constexpr outcome add_custom_number_outcome{
    operation_kind::creating_write, "adding the custom number",
    "check list_custom_numbers() before adding it again"};
inline constexpr outcome verify_custom_number_outcome{
    operation_kind::idempotent_write, "the verification",
    "check list_custom_numbers() before verifying again"};
inline constexpr outcome business_name_outcome{
    operation_kind::creating_write, "the business name request",
    "check the account's business names in Cellcast's dashboard before asking again"};

// custom-number.html's two successes, by their messages (the envelope's or data.message).
inline constexpr std::array<std::string_view, 2> created_messages{
    "Custom number created", "Success create new custom number"};
inline constexpr std::array<std::string_view, 1> otp_sent_messages{
    "OTP sent to your number successfully"};

// Compared without regard to case or surrounding spaces.
template <std::size_t N>
bool is_one_of(std::string_view text, const std::array<std::string_view, N>& messages) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  for (std::string_view m : messages)
    if (http::iequals(text, m)) return true;
  return false;
}

}  // namespace detail

result<purchase_receipt> parse_purchase_virtual_number(const http::response& r) {
  detail::json_document doc;
  auto e = detail::success_envelope(r, doc);
  if (!e) return vnum::detail::apply_outcome_rule(detail::purchase_outcome, r, e.error());
  return purchase_receipt{e->message};
}

result<purchase_receipt> parse_purchase_virtual_number_postpaid(const http::response& r) {
  return parse_purchase_virtual_number(r);
}

result<unsubscribe_receipt> parse_unsubscribe_virtual_number(const http::response& r) {
  detail::json_document doc;
  auto e = detail::success_envelope(r, doc);
  if (!e) return vnum::detail::apply_outcome_rule(detail::unsubscribe_outcome, r, e.error());
  return unsubscribe_receipt{e->message};
}

result<custom_number_receipt> parse_add_custom_number(const http::response& r) {
  auto read = [&]() -> result<custom_number_receipt> {
    detail::json_document doc;
    auto e = detail::success_envelope(r, doc);
    if (!e) return e.error();
    custom_number_receipt receipt;
    receipt.message = e->message;
    if (const auto* data = e->data != nullptr ? e->data->if_object() : nullptr)
      receipt.detail = vnum::detail::string_member(*data, "message").value_or("");
    if (detail::is_one_of(receipt.message, detail::otp_sent_messages) ||
        detail::is_one_of(receipt.detail, detail::otp_sent_messages))
      receipt.otp_required = true;
    else if (!detail::is_one_of(receipt.message, detail::created_messages) &&
             !detail::is_one_of(receipt.detail, detail::created_messages))
      return vnum::detail::protocol_error(
          r, "the message \"" + receipt.message +
                 "\" is neither of custom-number.html's successes, so whether an OTP was sent is "
                 "not known");
    return receipt;
  };
  return vnum::detail::apply_outcome_rule(detail::add_custom_number_outcome, r, read());
}

result<verify_custom_number_receipt> parse_verify_custom_number(const http::response& r) {
  detail::json_document doc;
  auto e = detail::success_envelope(r, doc);
  if (!e)
    return vnum::detail::apply_outcome_rule(detail::verify_custom_number_outcome, r, e.error());
  return verify_custom_number_receipt{e->message};
}

result<business_name_receipt> parse_add_business_name(const http::response& r) {
  detail::json_document doc;
  auto e = detail::success_envelope(r, doc);
  if (!e) return vnum::detail::apply_outcome_rule(detail::business_name_outcome, r, e.error());
  return business_name_receipt{e->message};
}

result<std::vector<card>> parse_list_cards(const http::response& r) {
  detail::json_document doc;
  auto e = detail::success_envelope(r, doc);
  if (!e) return e.error();
  return detail::read_data_array(r, *e->body, detail::read_card);
}

result<std::vector<custom_number>> parse_list_custom_numbers(const http::response& r) {
  if (r.status != 200) return detail::error_for(r);
  detail::json_document doc;
  auto v = vnum::detail::read_json_body(r, doc);
  if (!v) return v.error();
  const boost::json::object* body = (*v)->if_object();
  if (body == nullptr) return vnum::detail::protocol_error(r, "the body is not a JSON object");
  if (auto enveloped = detail::read_envelope(**v); enveloped && !enveloped->status)
    return detail::envelope_error(r, errc::unprocessable, *enveloped);
  return detail::read_data_array(r, *body, detail::read_custom_number);
}

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_IMPL_PARSE_HPP
