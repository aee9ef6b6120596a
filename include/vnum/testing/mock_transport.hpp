// vnum — a trompeloeil mock of http::transport, for tests that set expectations on the exact
// requests their code sends. Include a trompeloeil adapter for your test framework first (for
// Catch2: <catch2/trompeloeil.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_MOCK_TRANSPORT_HPP
#define VNUM_TESTING_MOCK_TRANSPORT_HPP

#include <vnum/http.hpp>

#include <trompeloeil.hpp>

namespace vnum::testing {

// Use it borrowed, so that expectations stay reachable: client<mock_transport&> c{mock, cfg};
class mock_transport {
 public:
  MAKE_MOCK1(send, vnum::result<http::response>(const http::request&));
};

static_assert(http::transport<mock_transport&>);

}  // namespace vnum::testing

#endif  // VNUM_TESTING_MOCK_TRANSPORT_HPP
