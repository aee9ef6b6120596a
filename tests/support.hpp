// Assertions both providers' tests share: a canned response, and the exact error a result holds.
#ifndef VNUM_TESTS_SUPPORT_HPP
#define VNUM_TESTS_SUPPORT_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace support {

inline vnum::http::response answer(int status, std::string_view body,
                                   std::vector<vnum::http::header> headers = {}) {
  return {status, std::move(headers), std::string(body)};
}

// The result holds exactly this error.
template <class R>
void require_error(const R& r, vnum::errc code, int status, std::string_view message,
                   std::string_view provider_message) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == code);
  CHECK(r.error().http_status == status);
  CHECK(r.error().message == message);
  CHECK(r.error().provider_message == provider_message);
}

// A validator refused the request for this field, with this message; nothing was sent.
template <class R>
void require_invalid(const R& r, std::string_view field, std::string_view message) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == vnum::errc::invalid_argument);
  CHECK(r.error().http_status == 0);
  CHECK(r.error().field == field);
  CHECK(r.error().message == message);
}

}  // namespace support

#endif  // VNUM_TESTS_SUPPORT_HPP
