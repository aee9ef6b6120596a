// vnum — what the bundled transports (<vnum/transport/curl.hpp>, <vnum/transport/beast.hpp>) share:
// which hosts count as loopback, the header check before anything is sent, and the wording of a
// failed exchange, so that both transports refuse the same requests with the same messages.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TRANSPORT_DETAIL_CHECKS_HPP
#define VNUM_TRANSPORT_DETAIL_CHECKS_HPP

// With the single header, vnum.hpp is included first and holds these two already.
#ifndef VNUM_HTTP_HPP
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#endif

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::detail::transport {

// curl_transport::options and beast_transport::options: one exchange's limits and safety.
struct options {
  std::chrono::milliseconds connect_timeout{10'000};  // name resolution, TCP and TLS
  std::chrono::milliseconds timeout{30'000};          // the whole exchange
  std::size_t max_response_bytes = 8 << 20;           // larger: errc::protocol, never buffered
  std::string ca_file;                                // empty: the system's CA store
  bool allow_plain_http = false;                      // http:// to a host that is not loopback
};

// 127.0.0.0/8 in dotted-decimal form (how libcurl's URL parser normalizes IPv4 hosts).
constexpr bool is_loopback_ipv4(std::string_view host) noexcept {
  int parts = 0;
  int first = -1;
  while (true) {
    std::size_t digits = 0;
    int value = 0;
    while (digits < host.size() && host[digits] >= '0' && host[digits] <= '9') {
      value = value * 10 + (host[digits] - '0');
      if (++digits > 3) return false;
    }
    if (digits == 0 || value > 255) return false;
    if (parts == 0) first = value;
    ++parts;
    host.remove_prefix(digits);
    if (host.empty()) break;
    if (host[0] != '.' || parts == 4) return false;
    host.remove_prefix(1);
  }
  return parts == 4 && first == 127;
}

// ::1 in any IPv6 spelling, inside brackets as a URL writes it ("[::1]", "[0:0:0:0:0:0:0:1]").
constexpr bool is_loopback_ipv6(std::string_view host) noexcept {
  if (host.size() < 4 || host.front() != '[' || host.back() != ']') return false;
  host = host.substr(1, host.size() - 2);
  // Groups before and after "::" (at most one); the address is ::1 when every group is 0 but the
  // last, which is 1, and there are 8 groups (or fewer with "::").
  std::array<unsigned, 8> groups{};
  std::size_t count = 0;
  std::size_t gap = 8;  // where "::" stands, 8 when absent
  std::size_t i = 0;
  if (host.substr(0, 2) == "::") {
    gap = 0;
    i = 2;
  }
  while (i < host.size()) {
    unsigned value = 0;
    std::size_t digits = 0;
    while (i < host.size() && host[i] != ':') {
      const char c = host[i];
      unsigned d = 0;
      if (c >= '0' && c <= '9')
        d = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        d = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        d = static_cast<unsigned>(c - 'A' + 10);
      else
        return false;  // an IPv4 tail (::ffff:127.0.0.1) or a zone is not counted as loopback
      value = value * 16 + d;
      if (++digits > 4) return false;
      ++i;
    }
    if (digits == 0 || count == 8) return false;
    groups[count++] = value;
    if (i == host.size()) break;
    ++i;  // ':'
    if (i < host.size() && host[i] == ':') {
      if (gap != 8) return false;
      gap = count;
      ++i;
    } else if (i == host.size()) {
      return false;  // a trailing single ':'
    }
  }
  if (gap == 8 && count != 8) return false;
  if (gap != 8 && count > 7) return false;
  if (count == 0) return false;  // "::" alone is the unspecified address
  for (std::size_t g = 0; g + 1 < count; ++g)
    if (groups[g] != 0) return false;
  return groups[count - 1] == 1 && (gap == 8 || gap != count);  // "1::" ends in zeros
}

// The hosts that plain http:// may reach without allow_plain_http: 127.0.0.0/8, "localhost" (which
// each transport resolves to loopback only) and ::1.
constexpr bool is_loopback_host(std::string_view host) noexcept {
  return http::iequals(host, "localhost") || is_loopback_ipv4(host) || is_loopback_ipv6(host);
}

// errc::transport: "request not sent to <where>: <why>".
inline error not_sent(std::string_view where, std::string_view why) {
  std::string m = "request not sent";
  if (!where.empty()) m += " to " + std::string(where);
  m += ": ";
  m += why;
  return make_error(errc::transport, std::move(m));
}

// The refusal of plain http:// to a host that is not loopback; `setting` names the option.
inline error plain_http_refused(std::string_view where, std::string_view setting) {
  return not_sent(where,
                  "plain http:// goes only to loopback (127.0.0.0/8, localhost, [::1]); use "
                  "https://, or set " +
                      std::string(setting));
}

// RFC 9110 token characters, which a header name consists of.
constexpr bool is_token_char(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A header that could not be sent as one line is refused; the message names it, not its value.
inline result<void> check_headers(const std::vector<http::header>& headers,
                                  std::string_view where) {
  for (const auto& h : headers) {
    if (h.name.empty()) return not_sent(where, "a header has an empty name");
    for (char c : h.name)
      if (!is_token_char(c)) return not_sent(where, "a header name is not an HTTP token");
    for (char c : h.value)
      if (c == '\r' || c == '\n' || c == '\0')
        return not_sent(where, "the value of header " + h.name + " contains CR, LF or NUL");
  }
  return {};
}

// Masks every request header value (of 3 characters or more) that a message might repeat.
inline void mask_header_values(std::string& message, const std::vector<http::header>& headers) {
  constexpr std::string_view mask = "[redacted]";
  for (const auto& h : headers) {
    if (h.value.size() < 3) continue;
    for (auto pos = message.find(h.value); pos != std::string::npos;
         pos = message.find(h.value, pos + mask.size()))
      message.replace(pos, h.value.size(), mask);
  }
}

// The error of an exchange that did not end with a complete answer, worded by its errc: protocol
// (the answer was refused), outcome_unknown (the request went out), else transport (it did not).
// Request header values are masked in it.
inline error exchange_failure(errc code, std::string_view where, std::string_view why,
                              const std::vector<http::header>& headers) {
  std::string message;
  switch (code) {
    case errc::protocol:
      message = "answer from " + std::string(where) + " refused: " + std::string(why);
      break;
    case errc::outcome_unknown:
      message = "no complete answer from " + std::string(where) +
                " after the request was sent, so it may have taken effect: " + std::string(why);
      break;
    default:
      message = "request not sent to " + std::string(where) + ": " + std::string(why);
      break;
  }
  mask_header_values(message, headers);
  return make_error(code, std::move(message));
}

// "the answer's body is larger than max_response_bytes (N): reading stopped there"
inline std::string too_large(std::size_t max_response_bytes) {
  return "the answer's body is larger than max_response_bytes (" +
         std::to_string(max_response_bytes) + "): reading stopped there";
}

}  // namespace vnum::detail::transport

#endif  // VNUM_TRANSPORT_DETAIL_CHECKS_HPP
