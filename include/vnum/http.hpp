// vnum — HTTP value types and the transport concept that users implement.
// SPDX-License-Identifier: MIT
#ifndef VNUM_HTTP_HPP
#define VNUM_HTTP_HPP

#include <vnum/detail/ascii.hpp>
#include <vnum/error.hpp>

#include <concepts>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vnum::http {

/// An HTTP request method.
enum class method {
  get,     ///< `GET`
  post,    ///< `POST`
  put,     ///< `PUT`
  patch,   ///< `PATCH`
  delete_  ///< `DELETE` (`delete` is a C++ keyword)
};

/// The method as it is written on the wire.
/// @param m the method
/// @return "GET", "POST", "PUT", "PATCH" or "DELETE" ("GET" for a value that is not an enumerator)
constexpr std::string_view to_string(method m) noexcept {
  switch (m) {
    case method::get:
      return "GET";
    case method::post:
      return "POST";
    case method::put:
      return "PUT";
    case method::patch:
      return "PATCH";
    case method::delete_:
      return "DELETE";
  }
  return "GET";
}

/// One HTTP header field.
struct header {
  std::string name;   ///< compared case-insensitively by find_header (the case is kept)
  std::string value;  ///< as sent or received
  /// Compares name and value exactly (the name's case included).
  friend bool operator==(const header&, const header&) = default;
};

/// A request for a transport to send, as the builders make it.
struct request {
  http::method method = http::method::get;  ///< the request's method
  std::string url;  ///< absolute: base_url (scheme lower-cased, no trailing '/'), then the path
  std::vector<header> headers;  ///< sent in this order
  std::string body;             ///< empty when the request has none
  /// Compares every field.
  friend bool operator==(const request&, const request&) = default;
};

/// The answer a transport received.
struct response {
  int status = 0;               ///< the HTTP status code
  std::vector<header> headers;  ///< as received
  std::string body;             ///< as received, not decoded
  /// Compares every field.
  friend bool operator==(const response&, const response&) = default;
};

/// ASCII case-insensitive comparison, as HTTP header names require.
/// @param a, b the texts to compare
/// @return whether they are equal when ASCII letters are compared without regard to case
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  return detail::iequals(a, b);
}

/// The value of the first header called `name` (case-insensitive), if any.
/// @param headers the headers to search
/// @param name the header's name, in any case
/// @return a view of the value (valid as long as `headers` is unchanged), or std::nullopt
inline std::optional<std::string_view> find_header(const std::vector<header>& headers,
                                                   std::string_view name) noexcept {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return std::string_view(h.value);
  return std::nullopt;
}

/// The value of the request's first header called `name` (case-insensitive), if any.
/// @param r the request
/// @param name the header's name, in any case
/// @return a view of the value (valid as long as `r` is unchanged), or std::nullopt
inline std::optional<std::string_view> find_header(const request& r,
                                                   std::string_view name) noexcept {
  return find_header(r.headers, name);
}

/// The value of the response's first header called `name` (case-insensitive), if any.
/// @param r the response
/// @param name the header's name, in any case
/// @return a view of the value (valid as long as `r` is unchanged), or std::nullopt
inline std::optional<std::string_view> find_header(const response& r,
                                                   std::string_view name) noexcept {
  return find_header(r.headers, name);
}

namespace detail {

// The body fields that carry secrets other than the key: an OTP, a Stripe token, a bank account.
inline constexpr std::string_view secret_body_fields[] = {"otp", "token", "becs_account_number"};

// The body with the string values of secret_body_fields replaced by "***" (the bodies vnum builds
// are compact JSON; anything else is printed as it is).
inline std::string mask_secret_fields(std::string_view body) {
  std::string out(body);
  for (std::string_view field : secret_body_fields) {
    const std::string key = vnum::detail::in_quotes(field) + ":\"";
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + 1)) {
      const auto start = at + key.size();
      auto end = start;
      while (end < out.size() && out[end] != '"') end += out[end] == '\\' ? 2U : 1U;
      if (end >= out.size()) break;
      out.replace(start, end - start, "***");
    }
  }
  return out;
}

}  // namespace detail

/// Prints a request for logs with the credentials masked: an authorization header shows only its
/// scheme ("Bearer ***"), so a logged request never reveals the API key, and an OTP, a Stripe
/// token or a bank account number in the body shows as "***".
/// @param os the stream
/// @param r the request: method and URL, one line per header, a blank line, then the body
/// @return os
inline std::ostream& operator<<(std::ostream& os, const request& r) {
  os << to_string(r.method) << ' ' << r.url << '\n';
  for (const auto& h : r.headers) {
    os << h.name << ": ";
    if (iequals(h.name, "authorization")) {
      auto space = h.value.find(' ');
      os << (space == std::string::npos ? std::string_view("***")
                                        : std::string_view(h.value).substr(0, space + 1))
         << (space == std::string::npos ? "" : "***");
    } else {
      os << h.value;
    }
    os << '\n';
  }
  return os << '\n' << detail::mask_secret_fields(r.body);
}

/// Prints a response as it came: "HTTP <status>", one line per header, a blank line, then the
/// body (nothing is masked).
/// @param os the stream
/// @param r the response
/// @return os
inline std::ostream& operator<<(std::ostream& os, const response& r) {
  os << "HTTP " << r.status << '\n';
  for (const auto& h : r.headers) os << h.name << ": " << h.value << '\n';
  return os << '\n' << r.body;
}

/// What the blocking clients send through: a type with `send(const http::request&)` returning the
/// response (any status), or a vnum::error with code errc::transport (nothing was sent) or
/// errc::outcome_unknown (it may have been sent): anything convertible to
/// vnum::result<http::response>. A transport that returns a plain http::response (never fails)
/// satisfies the concept too. An exception thrown by send() becomes errc::outcome_unknown.
///
/// A blocking client calls send() on the calling thread, one request at a time; a transport
/// shared by clients that run on several threads must allow concurrent sends.
/// @tparam T the transport type
template <class T>
concept transport = requires(T& t, const request& r) {
  { t.send(r) } -> std::convertible_to<vnum::result<response>>;
};

}  // namespace vnum::http

#endif  // VNUM_HTTP_HPP
