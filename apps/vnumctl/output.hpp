// vnumctl — what it prints: the exit codes, a success as a short human text or a JSON document,
// an error as one line on stderr (and a JSON document on stdout with --json), and a request for
// --dry-run. Every text goes through printer::scrub, so that the API key never reaches the screen
// even if a provider echoed it back.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_VNUMCTL_OUTPUT_HPP
#define VNUM_APPS_VNUMCTL_OUTPUT_HPP

#include <vnum/detail/json.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <boost/json/value_from.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnumctl {

namespace json = boost::json;

// The exit codes, as --help and the README state them.
enum exit_code : int {
  exit_ok = 0,               // success
  exit_failed = 1,           // the provider refused or failed, or the transport did
  exit_usage = 2,            // unknown flag, missing argument, bad value syntax, no API key
  exit_refused = 3,          // a validator refused the request: nothing was sent
  exit_outcome_unknown = 4,  // the request may have taken effect: reconcile before trying again
};

inline exit_code exit_code_for(const vnum::error& e) {
  if (e.code == vnum::errc::outcome_unknown) return exit_outcome_unknown;
  if (e.code == vnum::errc::invalid_argument && e.http_status == 0) return exit_refused;
  return exit_failed;
}

// What a success prints: `text` (lines, without the last newline) or, with --json, `document`.
struct shown {
  std::string text;
  json::value document;
};

// ---- JSON helpers

template <class T>
json::value optional_json(const std::optional<T>& v) {
  if (!v) return nullptr;
  return json::value_from(*v);
}

template <class T, class Convert>
json::array array_json(const std::vector<T>& items, Convert convert) {
  json::array out;
  out.reserve(items.size());
  for (const auto& item : items) out.emplace_back(convert(item));
  return out;
}

inline json::value text_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return json::value(s);
}

// ---- Human text helpers

inline std::string yes_no(bool b) { return b ? "yes" : "no"; }

inline std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

inline std::string or_dash(const std::optional<std::string>& s) { return s ? or_dash(*s) : "-"; }

// Joins texts with `separator`; "-" for none.
inline std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  if (parts.empty()) return "-";
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// A word as a shell reads it back: left bare when it is safe, single-quoted otherwise.
inline std::string shell_quote(std::string_view word) {
  const bool bare = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("+-_.,/:=@%").find(c) != std::string_view::npos;
  });
  if (bare) return std::string(word);
  std::string out = "'";
  for (char c : word) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// Columns aligned on the widest cell (counted in UTF-8 code points), two spaces apart, no trailing
// spaces. With headings, they are the first line.
class table {
 public:
  table() = default;
  explicit table(std::vector<std::string> headings) { rows_.push_back(std::move(headings)); }

  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

  std::string str() const {
    std::vector<std::size_t> widths;
    for (const auto& r : rows_) {
      if (widths.size() < r.size()) widths.resize(r.size(), 0);
      for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], length(r[i]));
    }
    std::string out;
    for (const auto& r : rows_) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) {
        line += r[i];
        if (i + 1 < r.size()) line.append(widths[i] - length(r[i]) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (!out.empty()) out += '\n';
      out += line;
    }
    return out;
  }

 private:
  static std::size_t length(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
  }

  std::vector<std::vector<std::string>> rows_;
};

// ---- Requests, for --dry-run

// Body fields that are not secret like the API key but are not shown either (as the typed
// requests' operator<< masks them): an OTP, a Stripe token, a bank account number.
inline constexpr std::array<std::string_view, 3> masked_fields{"otp", "token",
                                                               "becs_account_number"};

inline void mask_fields(json::value& v) {
  if (auto* o = v.if_object()) {
    for (auto& [key, member] : *o) {
      const bool masked = std::find(masked_fields.begin(), masked_fields.end(),
                                    std::string_view(key)) != masked_fields.end();
      if (masked && member.is_string() && !member.get_string().empty())
        member = "***";
      else
        mask_fields(member);
    }
  } else if (auto* a = v.if_array()) {
    for (auto& item : *a) mask_fields(item);
  }
}

// The request as it would be sent, with the authorization header's credentials and the masked
// fields of the body replaced by "***".
inline vnum::http::request masked(vnum::http::request r) {
  if (auto body = vnum::detail::parse_json(r.body)) {
    mask_fields(*body);
    r.body = json::serialize(*body);
  }
  return r;
}

// The request as text: the method and URL, the headers, a blank line and the body, as
// vnum::http's operator<< prints it ("authorization: Bearer ***").
inline std::string request_text(const vnum::http::request& r) {
  std::ostringstream os;
  os << masked(r);
  std::string text = os.str();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// {"request": {"method", "url", "headers": {name: value}, "body": JSON or null}}
inline json::value request_json(const vnum::http::request& r) {
  const vnum::http::request shown = masked(r);
  json::object headers;
  for (const auto& h : shown.headers)
    headers[h.name] = vnum::http::iequals(h.name, "authorization")
                          ? json::value(h.value.substr(0, h.value.find(' ') + 1) + "***")
                          : json::value(h.value);
  json::value body = nullptr;
  if (!shown.body.empty()) {
    auto parsed = vnum::detail::parse_json(shown.body);
    body = parsed ? std::move(*parsed) : json::value(shown.body);
  }
  return {{"request",
           {{"method", vnum::http::to_string(shown.method)},
            {"url", shown.url},
            {"headers", std::move(headers)},
            {"body", std::move(body)}}}};
}

// ---- Errors

// One line: what went wrong, then, by exit code, that nothing was sent (3) or how to reconcile (4).
inline std::string error_line(const vnum::error& e, std::string_view reconcile) {
  std::string line = "vnumctl: " + to_string(e);
  if (e.retry_after) line += " (retry after " + std::to_string(e.retry_after->count()) + " s)";
  switch (exit_code_for(e)) {
    case exit_refused:
      line += " (refused before sending: nothing was sent)";
      break;
    case exit_outcome_unknown:
      line += ". Before trying again: ";
      line += reconcile;
      break;
    default:
      break;
  }
  return line;
}

// {"error": {"code", "http_status", "message", "field", "provider_message", "retry_after"}}, and
// "reconcile" for outcome_unknown. Empty texts are null.
inline json::value error_json(const vnum::error& e, std::string_view reconcile) {
  json::object body{{"code", to_string(e.code)},
                    {"http_status", e.http_status},
                    {"message", e.message},
                    {"field", text_or_null(e.field)},
                    {"provider_message", text_or_null(e.provider_message)},
                    {"retry_after", nullptr}};
  if (e.retry_after) body["retry_after"] = e.retry_after->count();
  if (e.code == vnum::errc::outcome_unknown) body["reconcile"] = reconcile;
  return {{"error", std::move(body)}};
}

// A usage error found after parsing (no API key), in the same shapes.
inline json::value usage_json(std::string_view message) {
  return {{"error",
           {{"code", "usage"},
            {"http_status", 0},
            {"message", message},
            {"field", nullptr},
            {"provider_message", nullptr},
            {"retry_after", nullptr}}}};
}

// Writes everything vnumctl prints after parsing: to stdout a success (text, or the JSON document
// with --json) or a --dry-run request; to stderr an error as one line (and, with --json, its JSON
// document to stdout as well). No text leaves without the API key masked.
class printer {
 public:
  printer(bool json_output, std::string secret) : json_(json_output), secret_(std::move(secret)) {}

  void success(const shown& s) const {
    if (json_)
      out(json::serialize(s.document));
    else if (!s.text.empty())
      out(s.text);
  }

  void request(const vnum::http::request& r) const {
    if (json_)
      out(json::serialize(request_json(r)));
    else
      out(request_text(r));
  }

  // Prints the error and returns its exit code.
  int failure(vnum::error e, std::string_view reconcile) const {
    vnum::redact(e, secret_);
    if (json_) out(json::serialize(error_json(e, reconcile)));
    err(error_line(e, reconcile));
    return exit_code_for(e);
  }

  int usage(std::string_view message) const {
    if (json_) out(json::serialize(usage_json(message)));
    err("vnumctl: " + std::string(message));
    return exit_usage;
  }

  // The text with every occurrence of the API key replaced by "[redacted]".
  std::string scrub(std::string text) const {
    if (secret_.empty()) return text;
    constexpr std::string_view mask = "[redacted]";
    for (auto pos = text.find(secret_); pos != std::string::npos;
         pos = text.find(secret_, pos + mask.size()))
      text.replace(pos, secret_.size(), mask);
    return text;
  }

 private:
  void out(std::string text) const { std::cout << scrub(std::move(text)) << '\n' << std::flush; }

  // One line: a message never spans several.
  void err(std::string text) const {
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    std::cerr << scrub(std::move(text)) << '\n' << std::flush;
  }

  bool json_;
  std::string secret_;
};

}  // namespace vnumctl

#endif  // VNUM_APPS_VNUMCTL_OUTPUT_HPP
