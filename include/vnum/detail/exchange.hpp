// vnum — one round trip through the user's transport, shared by both providers' clients.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_EXCHANGE_HPP
#define VNUM_DETAIL_EXCHANGE_HPP

#include <vnum/detail/response.hpp>
#include <vnum/http.hpp>

#include <exception>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace vnum::detail {

// Sends a built request and parses the answer. A request that failed to build is never sent. A
// transport that throws is treated like one that lost the answer: the request may have gone out.
template <class Transport, class Parse>
auto exchange(Transport& transport, result<http::request> built, Parse&& parse,
              std::string_view api_key) -> decltype(parse(std::declval<const http::response&>())) {
  if (!built) return built.error();
  result<http::response> answer = make_error(errc::outcome_unknown, "transport did not answer");
  try {
    answer = transport.send(*built);
  } catch (const std::exception& e) {
    answer = make_error(errc::outcome_unknown, std::string("transport threw: ") + e.what());
  } catch (...) {
    answer = make_error(errc::outcome_unknown, "transport threw a non-standard exception");
  }
  auto parsed = answer ? parse(*answer) : decltype(parse(*answer))(answer.error());
  if (!parsed) {
    error e = parsed.error();
    scrub_secret(e, api_key);
    return e;
  }
  return parsed;
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_EXCHANGE_HPP
