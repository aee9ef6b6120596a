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

enum class method { get, post, put, patch, delete_ };

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

struct header {
  std::string name;
  std::string value;
  friend bool operator==(const header&, const header&) = default;
};

struct request {
  http::method method = http::method::get;
  std::string url;
  std::vector<header> headers;
  std::string body;
  friend bool operator==(const request&, const request&) = default;
};

struct response {
  int status = 0;
  std::vector<header> headers;
  std::string body;
  friend bool operator==(const response&, const response&) = default;
};

// ASCII case-insensitive comparison, as HTTP header names require.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  return detail::iequals(a, b);
}

// The value of the first header called `name` (case-insensitive), if any.
inline std::optional<std::string_view> find_header(const std::vector<header>& headers,
                                                   std::string_view name) noexcept {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return std::string_view(h.value);
  return std::nullopt;
}

inline std::optional<std::string_view> find_header(const request& r,
                                                   std::string_view name) noexcept {
  return find_header(r.headers, name);
}

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

// Prints a request for logs with the credentials masked: an authorization header shows only its
// scheme ("Bearer ***"), so a logged request never reveals the API key, and an OTP, a Stripe
// token or a bank account number in the body shows as "***".
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

inline std::ostream& operator<<(std::ostream& os, const response& r) {
  os << "HTTP " << r.status << '\n';
  for (const auto& h : r.headers) os << h.name << ": " << h.value << '\n';
  return os << '\n' << r.body;
}

// A transport sends one request. It returns the response (any status), or a vnum::error with code
// errc::transport (nothing was sent) or errc::outcome_unknown (it may have been sent). A transport
// that returns a plain http::response (never fails) satisfies the concept too.
template <class T>
concept transport = requires(T& t, const request& r) {
  { t.send(r) } -> std::convertible_to<vnum::result<response>>;
};

}  // namespace vnum::http

#endif  // VNUM_HTTP_HPP
