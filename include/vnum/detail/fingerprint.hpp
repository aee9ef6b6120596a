// vnum — an intent's fingerprint (<vnum/intent.hpp>): the request as built, for telling a key's
// replay from another request under the same key, kept in a ledger without a secret.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_FINGERPRINT_HPP
#define VNUM_DETAIL_FINGERPRINT_HPP

#include <vnum/detail/json.hpp>
#include <vnum/http.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace vnum::detail {

// The request body fields whose values are secrets other than the API key: an OTP, a Stripe token,
// BECS bank details. Never kept: not in a ledger, not in a cassette.
inline constexpr std::array<std::string_view, 4> secret_body_fields{
    "otp", "token", "becs_account_number", "becs_bsb_number"};

// What a secret's value is replaced with.
inline constexpr std::string_view secret_mask = "***";

inline void mask_secret_fields(json::value& v) {
  if (auto* o = v.if_object()) {
    for (auto& kv : *o) {
      const bool secret = std::find(secret_body_fields.begin(), secret_body_fields.end(),
                                    std::string_view(kv.key())) != secret_body_fields.end();
      if (secret && !kv.value().is_null())
        kv.value() = json::string(secret_mask);
      else
        mask_secret_fields(kv.value());
    }
  } else if (auto* a = v.if_array()) {
    for (auto& e : *a) mask_secret_fields(e);
  }
}

// "POST https://host/path?query\n{body, its secret fields masked}". The headers are left out: they
// carry the API key, and nothing else in them is the caller's. Two requests that differ only in a
// secret have one fingerprint.
inline std::string request_fingerprint(const http::request& r) {
  std::string out(http::to_string(r.method));
  out += ' ';
  out += r.url;
  out += '\n';
  if (r.body.empty()) return out;
  if (auto body = parse_json(r.body)) {
    mask_secret_fields(*body);
    out += json::serialize(*body);
  } else {
    out += "(a body that is not JSON, of " + std::to_string(r.body.size()) + " bytes)";
  }
  return out;
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_FINGERPRINT_HPP
