// vnum — a trompeloeil mock of http::transport, for tests that set expectations on the exact
// requests their code sends. Include a trompeloeil adapter for your test framework first (for
// Catch2: <catch2/trompeloeil.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_MOCK_TRANSPORT_HPP
#define VNUM_TESTING_MOCK_TRANSPORT_HPP

#include <vnum/http.hpp>

#include <trompeloeil.hpp>

namespace vnum::testing {

/// A trompeloeil mock of http::transport, for tests that set expectations on the exact requests
/// their code sends.
///
/// Use it borrowed, so that expectations stay reachable:
/// @code
/// vnum::testing::mock_transport mock;
/// vnum::cellcast::client<vnum::testing::mock_transport&> c{mock, cfg};
/// REQUIRE_CALL(mock, send(trompeloeil::_)).RETURN(vnum::http::response{200, {}, body});
/// @endcode
class mock_transport {
 public:
  /// The mocked `result<http::response> send(const http::request&)`: answers as the test's
  /// expectation says.
  MAKE_MOCK1(send, vnum::result<http::response>(const http::request&));
};

static_assert(http::transport<mock_transport&>);

}  // namespace vnum::testing

#endif  // VNUM_TESTING_MOCK_TRANSPORT_HPP
