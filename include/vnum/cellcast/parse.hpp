// vnum — Cellcast: response parsers. Each turns any http::response into the operation's typed
// receipt or a vnum::error, classifying by HTTP status first and then by the body; none throws.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_PARSE_HPP
#define VNUM_CELLCAST_PARSE_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/detail/response.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <optional>
#include <string>

namespace vnum::cellcast {

namespace detail {

namespace json = boost::json;
using vnum::detail::parse_json;

// The envelope of Cellcast's 200 and 400 answers: {"app_type", ..., "maintainence" (sic), ...,
// "status": bool, "message": string, "data": {...}, "error": {...}}. Only the fields vnum reads are
// required; 401 and 404 come as {code, message, stack} instead.
struct envelope {
  bool status = false;
  std::string message;
  json::object data;
  json::object error;
};

inline std::optional<envelope> read_envelope(const json::value& v) {
  const json::object* o = v.if_object();
  if (o == nullptr) return std::nullopt;
  auto status = vnum::detail::bool_member(*o, "status");
  auto message = vnum::detail::string_member(*o, "message");
  if (!status || !message) return std::nullopt;
  envelope e{*status, std::move(*message), {}, {}};
  for (auto [key, target] : {std::pair{"data", &e.data}, std::pair{"error", &e.error}}) {
    const json::value* member = o->if_contains(key);
    if (member == nullptr) continue;
    if (!member->is_object()) return std::nullopt;
    *target = member->get_object();
  }
  return e;
}

// "Name is required (name is not valid)": the envelope's message with the strings of its error
// object, which say which input was wrong.
inline std::string describe(const envelope& e) {
  std::string details;
  for (const auto& item : e.error) {
    if (!item.value().is_string() || item.value().get_string().empty()) continue;
    if (!details.empty()) details += "; ";
    details += std::string(item.value().get_string());
  }
  if (details.empty() || details == e.message) return e.message;
  return e.message + " (" + details + ")";
}

inline error envelope_error(const http::response& r, errc code, const envelope& e) {
  error err = vnum::detail::status_error(r, code, e.message);
  err.message = describe(e);
  return err;
}

// Any answer that is not a documented success.
inline error failure(const http::response& r) {
  if (r.status == 400) {
    if (auto v = parse_json(r.body))
      if (auto e = read_envelope(*v)) {
        // custom-number.html: "Number already exist in system" is a 400 whose status is true.
        if (vnum::detail::contains_ignore_case(e->message, "already exist"))
          return envelope_error(r, errc::conflict, *e);
        return envelope_error(r, errc::invalid_argument, *e);
      }
  }
  return vnum::detail::generic_failure(r);
}

// The documented success is a 200 envelope with "status": true. A 200 whose status is false
// (verify-custom-number.html shows such a "200 Empty Name") is a refusal.
inline result<envelope> success_envelope(const http::response& r) {
  if (r.status != 200) return failure(r);
  auto v = parse_json(r.body);
  if (!v) return vnum::detail::protocol_error(r, "the body is not JSON");
  auto e = read_envelope(*v);
  if (!e) return vnum::detail::protocol_error(r, "the body is not Cellcast's response envelope");
  if (!e->status) return envelope_error(r, errc::unprocessable, *e);
  return std::move(*e);
}

}  // namespace detail

inline result<purchase_receipt> parse_purchase_virtual_number(const http::response& r) {
  auto e = detail::success_envelope(r);
  if (!e) return e.error();
  return purchase_receipt{e->message};
}

// The postpaid page documents no responses; the family's envelope is assumed.
inline result<purchase_receipt> parse_purchase_virtual_number_postpaid(const http::response& r) {
  return parse_purchase_virtual_number(r);
}

inline result<unsubscribe_receipt> parse_unsubscribe_virtual_number(const http::response& r) {
  auto e = detail::success_envelope(r);
  if (!e) return e.error();
  return unsubscribe_receipt{e->message};
}

// The two documented successes differ only in their messages: "Custom number created" and
// "OTP sent to your number successfully".
inline result<custom_number_receipt> parse_add_custom_number(const http::response& r) {
  auto e = detail::success_envelope(r);
  if (!e) return e.error();
  custom_number_receipt receipt;
  receipt.message = e->message;
  receipt.detail = vnum::detail::string_member(e->data, "message").value_or("");
  receipt.otp_required = vnum::detail::contains_ignore_case(receipt.message, "otp") ||
                         vnum::detail::contains_ignore_case(receipt.detail, "otp");
  return receipt;
}

inline result<verify_custom_number_receipt> parse_verify_custom_number(const http::response& r) {
  auto e = detail::success_envelope(r);
  if (!e) return e.error();
  return verify_custom_number_receipt{e->message};
}

inline result<business_name_receipt> parse_add_business_name(const http::response& r) {
  auto e = detail::success_envelope(r);
  if (!e) return e.error();
  return business_name_receipt{e->message};
}

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_PARSE_HPP
