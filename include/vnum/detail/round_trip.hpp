// vnum — one round trip through the user's transport, shared by both providers' clients.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_ROUND_TRIP_HPP
#define VNUM_DETAIL_ROUND_TRIP_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <exception>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace vnum::detail {

// One send through the user's transport. A transport that throws is treated like one that lost
// the answer: the request may have gone out.
template <class Transport>
result<http::response> send(Transport& transport, const http::request& r) {
  try {
    return transport.send(r);
  } catch (const std::exception& e) {
    return make_error(errc::outcome_unknown, std::string("transport threw: ") + e.what());
  } catch (...) {
    return make_error(errc::outcome_unknown, "transport threw a non-standard exception");
  }
}

// Sends a built request and parses the answer; a request that failed to build is never sent. The
// request is borrowed: a read's retries send the same one without copying it.
// No error leaves with the API key in it.
template <class Transport, class Parse>
auto round_trip(Transport& transport, const result<http::request>& built, Parse&& parse,
                std::string_view api_key)
    -> decltype(parse(std::declval<const http::response&>())) {
  using parsed_type = decltype(parse(std::declval<const http::response&>()));
  if (!built) return built.error();
  result<http::response> answer = send(transport, *built);
  parsed_type parsed = answer ? parse(*answer) : parsed_type(answer.error());
  if (!parsed) {
    error e = parsed.error();
    redact(e, api_key);
    return e;
  }
  return parsed;
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_ROUND_TRIP_HPP
