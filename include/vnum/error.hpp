// vnum — errors as values: vnum::errc, vnum::error, vnum::result<T>.
// SPDX-License-Identifier: MIT
#ifndef VNUM_ERROR_HPP
#define VNUM_ERROR_HPP

#include <vnum/detail/print.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace vnum {

/// What kind of failure an error is: the code callers branch on.
enum class errc {
  invalid_argument,  ///< rejected before sending (error::field is set), or the provider's 400
  unauthorized,      ///< 401: missing, wrong or expired API key
  forbidden,         ///< 403: the key may not do this
  not_found,         ///< 404
  conflict,          ///< the resource already exists (Cellcast "Number already exist")
  unprocessable,     ///< 422, or a success status whose body says the operation was refused
  rate_limited,      ///< 429; error::retry_after holds the provider's hint when it gave one
  server_error,      ///< 5xx
  transport,         ///< no response, and the request certainly did not take effect
  outcome_unknown,   ///< the request may have taken effect; reconcile before trying again
  protocol,          ///< a response that is not what the provider documents
};

/// The enumerator's name, e.g. "rate_limited"; errc_from_string() reads it back.
/// @param code the code to name
/// @return the name, or "unknown" for a value that is not an enumerator
constexpr std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::invalid_argument:
      return "invalid_argument";
    case errc::unauthorized:
      return "unauthorized";
    case errc::forbidden:
      return "forbidden";
    case errc::not_found:
      return "not_found";
    case errc::conflict:
      return "conflict";
    case errc::unprocessable:
      return "unprocessable";
    case errc::rate_limited:
      return "rate_limited";
    case errc::server_error:
      return "server_error";
    case errc::transport:
      return "transport";
    case errc::outcome_unknown:
      return "outcome_unknown";
    case errc::protocol:
      return "protocol";
  }
  return "unknown";
}

/// The code a text from to_string(errc) names (a stored error read back).
/// @param s the text, compared exactly (case-sensitive)
/// @return the code, or std::nullopt for any other text
constexpr std::optional<errc> errc_from_string(std::string_view s) noexcept {
  for (auto c : {errc::invalid_argument, errc::unauthorized, errc::forbidden, errc::not_found,
                 errc::conflict, errc::unprocessable, errc::rate_limited, errc::server_error,
                 errc::transport, errc::outcome_unknown, errc::protocol})
    if (to_string(c) == s) return c;
  return std::nullopt;
}

/// A failed operation: what every result<T> holds instead of its value.
struct error {
  errc code = errc::protocol;  ///< the kind of failure
  int http_status = 0;         ///< 0 when no HTTP response was received (or none was sent)
  std::string message;  ///< human-readable; includes the provider's own message when there was one
  std::string field;    ///< for invalid_argument raised by a validator: the offending request field
  std::string provider_message;  ///< the provider's message verbatim, empty when it gave none
  std::optional<std::chrono::seconds> retry_after;  ///< from a Retry-After header (delta-seconds)

  /// Compares every field.
  friend bool operator==(const error&, const error&) = default;
};

/// An error with only its code, message and HTTP status set.
/// @param code the kind of failure
/// @param message the human-readable text
/// @param http_status the response's status, 0 when there was no response
/// @return the error; field, provider_message and retry_after are empty
inline error make_error(errc code, std::string message, int http_status = 0) {
  error e;
  e.code = code;
  e.http_status = http_status;
  e.message = std::move(message);
  return e;
}

/// A validation failure: names the request field that is wrong and why.
/// @param field the request field, e.g. "becs.bsb_number"
/// @param why what is wrong with it, e.g. "must be 6 digits"
/// @return an errc::invalid_argument error with error::field set and the message "field: why"
inline error invalid_argument(std::string field, std::string_view why) {
  error e;
  e.code = errc::invalid_argument;
  e.message = field + ": ";
  e.message += why;
  e.field = std::move(field);
  return e;
}

/// The error as one line, e.g. "unauthorized (HTTP 401): Token expired".
/// @param e the error
/// @return the code's name, then " (HTTP <status>)" unless http_status is 0, then ": <message>"
///         unless the message is empty
inline std::string to_string(const error& e) {
  std::string out(to_string(e.code));
  if (e.http_status != 0) out += " (HTTP " + std::to_string(e.http_status) + ")";
  if (!e.message.empty()) out += ": " + e.message;
  return out;
}

/// Prints to_string(e).
/// @param os the stream
/// @param e the error
/// @return os
inline std::ostream& operator<<(std::ostream& os, const error& e) { return os << to_string(e); }

/// Replaces every occurrence of `secret` in the error's message and provider_message with
/// "[redacted]", also in the escaped form a JSON encoder may produce ("\/" for '/', and '"' and
/// '\\' backslash-escaped).
///
/// A provider that echoes a request back can put the API key into its message: the clients call
/// this on every error they return; callers of the sans-I/O parsers call it with their key before
/// logging or storing an error.
/// @param e the error, changed in place
/// @param secret the text to hide; an empty one changes nothing
inline void redact(error& e, std::string_view secret) {
  if (secret.empty()) return;
  std::string escaped;
  for (char c : secret) {
    if (c == '/' || c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  constexpr std::string_view mask = "[redacted]";
  for (std::string* text : {&e.message, &e.provider_message}) {
    for (std::string_view form : {std::string_view(secret), std::string_view(escaped)}) {
      for (auto pos = text->find(form); pos != std::string::npos;
           pos = text->find(form, pos + mask.size()))
        text->replace(pos, form.size(), mask);
    }
  }
}

/// How an operation may be repeated, and so what an answer that does not say how it ended means.
/// Each client method and each parser states its operation's kind.
///
/// No write is ever retried by vnum. outcome_unknown keeps the HTTP status and the provider's
/// message, and its message says where to look before trying again.
enum class operation_kind {
  /// Nothing changes. A 5xx is server_error; reads may be retried (config::retry).
  read,
  /// Doing it twice leaves the same state (unsubscribe, update, remove, delete). A 2xx whose body
  /// is not the documented success, or cannot be read, is outcome_unknown; a 5xx is server_error:
  /// trying again is safe.
  idempotent_write,
  /// Moves money or creates something (a purchase, a custom number, a business name, an
  /// operator): doing it twice does it twice. Any 2xx whose body is not the documented success,
  /// or cannot be read, and any 5xx (a gateway's 504 says nothing of the charge behind it) is
  /// outcome_unknown: reconcile before trying again.
  creating_write
};

/// The enumerator's name, e.g. "creating_write".
/// @param k the kind to name
/// @return the name, or "unknown" for a value that is not an enumerator
constexpr std::string_view to_string(operation_kind k) noexcept {
  switch (k) {
    case operation_kind::read:
      return "read";
    case operation_kind::idempotent_write:
      return "idempotent_write";
    case operation_kind::creating_write:
      return "creating_write";
  }
  return "unknown";
}

/// Thrown by result<T>::value() when the result holds an error; what() is to_string(error()).
class exception : public std::runtime_error {
 public:
  /// @param e the error the result held
  explicit exception(vnum::error e) : std::runtime_error(to_string(e)), error_(std::move(e)) {}
  /// @return the error the result held
  const vnum::error& error() const noexcept { return error_; }

 private:
  vnum::error error_;
};

/// Throws vnum::exception; found by boost::system::result<T, vnum::error>::value() through
/// argument-dependent lookup.
/// @param e the error the result held
[[noreturn]] inline void throw_exception_from_error(const error& e, const boost::source_location&) {
  throw exception(e);
}

/// A T or a vnum::error. Expected-like: explicit operator bool, operator*, operator->, value()
/// (throws vnum::exception), error(), has_value(), has_error().
/// @tparam T the value's type
template <class T>
using result = boost::system::result<T, error>;

/// Prints "value:<value>" or "error:<error>". More specialized than Boost's own operator, which
/// requires the value to be printable: this one also prints containers, so that test frameworks
/// can show any result (Catch2's REQUIRE(r), GoogleTest's EXPECT_EQ).
/// @param os the stream
/// @param r the result
/// @return os
template <class T>
requires(!std::is_void_v<T>)  // Boost's own operator prints result<void>
    std::ostream&
    operator<<(std::ostream& os, const boost::system::result<T, error>& r) {
  if (!r) return os << "error:" << r.error();
  os << "value:";
  detail::print_value(os, *r);
  return os;
}

}  // namespace vnum

#endif  // VNUM_ERROR_HPP
