// vnum — the parts of every response that both providers share: status classification, the
// provider's message in the common error-body shapes, Retry-After.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_RESPONSE_HPP
#define VNUM_DETAIL_RESPONSE_HPP

#include <vnum/detail/ascii.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/http.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace vnum::detail {

// ASCII case-insensitive substring search, for the few places a provider's status is in its prose.
constexpr bool contains_ignore_case(std::string_view text, std::string_view needle) noexcept {
  if (needle.size() > text.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && to_lower(text[i + j]) == to_lower(needle[j])) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

// The error class of a non-success status; nullopt for statuses no provider documents (1xx, 3xx,
// other 4xx), which are protocol errors.
constexpr std::optional<errc> errc_for_status(int status) noexcept {
  switch (status) {
    case 400:
      return errc::invalid_argument;
    case 401:
      return errc::unauthorized;
    case 403:
      return errc::forbidden;
    case 404:
      return errc::not_found;
    case 409:
      return errc::conflict;
    case 422:
      return errc::unprocessable;
    case 429:
      return errc::rate_limited;
    default:
      break;
  }
  if (status >= 500 && status <= 599) return errc::server_error;
  return std::nullopt;
}

// Retry-After in its delta-seconds form; an HTTP-date or garbage gives nullopt.
inline std::optional<std::chrono::seconds> parse_retry_after(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (!all_digits(v) || v.size() > 9) return std::nullopt;
  long long n = 0;
  for (char c : v) n = n * 10 + (c - '0');
  return std::chrono::seconds(n);
}

// The provider's message in the error-body shapes these APIs use: {"message": "..."},
// {"error": "..."}, {"error": {"message": "..."}}, {"errors": ["...", {"message": "..."}]}.
inline std::optional<std::string> provider_message(const json::value& body) {
  const json::object* o = body.if_object();
  if (o == nullptr) return std::nullopt;
  if (auto m = string_member(*o, "message"); m && !m->empty()) return m;
  if (const json::value* e = member(*o, "error")) {
    if (e->is_string() && !e->get_string().empty()) return std::string(e->get_string());
    if (e->is_object())
      if (auto m = string_member(e->get_object(), "message"); m && !m->empty()) return m;
  }
  if (const json::array* errors = array_member(*o, "errors")) {
    std::string joined;
    for (const json::value& item : *errors) {
      std::optional<std::string> text;
      if (item.is_string())
        text = std::string(item.get_string());
      else if (item.is_object())
        text = string_member(item.get_object(), "message");
      if (!text || text->empty()) continue;
      if (!joined.empty()) joined += "; ";
      joined += *text;
    }
    if (!joined.empty()) return joined;
  }
  return std::nullopt;
}

// An error for a response whose status is not a success: its class comes from the status, its
// message from the body when the body says something.
inline error status_error(const http::response& r, errc code, std::optional<std::string> message) {
  error e;
  e.code = code;
  e.http_status = r.status;
  if (message) {
    e.provider_message = *message;
    e.message = *message;
  } else {
    e.message = "HTTP " + std::to_string(r.status) + " without a message";
  }
  if (code == errc::rate_limited)
    if (auto h = http::find_header(r, "retry-after")) e.retry_after = parse_retry_after(*h);
  return e;
}

inline error protocol_error(const http::response& r, std::string why) {
  return make_error(errc::protocol, "unexpected response: " + std::move(why), r.status);
}

// The body of a success as JSON, parsed into `doc`, or the protocol error that says why it cannot
// be read.
inline result<const json::value*> read_json_body(const http::response& r, json_document& doc) {
  if (r.body.size() > max_body_bytes)
    return protocol_error(r, "the body is " + std::to_string(r.body.size()) +
                                 " bytes, more than the " + std::to_string(max_body_bytes) +
                                 " vnum reads");
  const json::value* v = doc.parse(r.body);
  if (v == nullptr) return protocol_error(r, "the body is not JSON");
  return v;
}

// Classifies a response that is not one of the operation's documented successes, using only
// what every provider shares; provider parsers handle their own special cases first.
inline error generic_failure(const http::response& r) {
  auto code = errc_for_status(r.status);
  if (!code)
    return protocol_error(r, "HTTP status " + std::to_string(r.status) + " is not documented");
  std::optional<std::string> message;
  if (auto body = parse_json(r.body)) message = provider_message(*body);
  return status_error(r, *code, std::move(message));
}

// What an answer means for an operation that does not say how it ended: its kind (error.hpp)
// and, for writes, what the caller should check before trying again.
struct outcome {
  operation_kind kind;
  std::string_view action;  // "the purchase"
  std::string_view advice;  // "check list_virtual_numbers() before buying again"
};

// The outcome rule of error.hpp applied to a parser's error: for a write, a 2xx whose body is not
// the documented success (a protocol error) becomes outcome_unknown; for a creating write, so does
// every 5xx. The HTTP status and the provider's message are kept.
inline error apply_outcome_rule(const outcome& o, const http::response& r, error failed) {
  if (o.kind == operation_kind::read) return failed;
  const bool unread_success = r.status >= 200 && r.status <= 299 && failed.code == errc::protocol;
  const bool server_failure =
      o.kind == operation_kind::creating_write && failed.code == errc::server_error;
  if (!unread_success && !server_failure) return failed;
  failed.code = errc::outcome_unknown;
  if (failed.provider_message.empty())
    if (auto body = parse_json(r.body))
      if (auto m = provider_message(*body)) failed.provider_message = std::move(*m);
  failed.message = std::string(o.action) + " may have taken effect (" + failed.message +
                   "): " + std::string(o.advice);
  return failed;
}

// Taken by rvalue reference: a success is moved out once, not into a parameter first.
template <class T>
result<T> apply_outcome_rule(const outcome& o, const http::response& r, result<T>&& parsed) {
  if (parsed) return std::move(parsed);
  return apply_outcome_rule(o, r, parsed.error());
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_RESPONSE_HPP
