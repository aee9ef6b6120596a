// vnum — umbrella of the test kit: the fakes (in-memory, stateful stand-ins for the providers that
// satisfy http::transport, for users' own unit tests) and cassettes (record, replay, conformance).
// The trompeloeil mock (vnum/testing/mock_transport.hpp) is not included: it needs trompeloeil and
// a test framework.
// single_include/vnum/vnum_testing.hpp is this header amalgamated (tools/amalgamate.py).
// SPDX-License-Identifier: MIT
#ifndef VNUM_VNUM_TESTING_HPP
#define VNUM_VNUM_TESTING_HPP

#include <vnum/testing/cassette.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/testing/memory_ledger.hpp>
#include <vnum/vnum.hpp>

#endif  // VNUM_VNUM_TESTING_HPP
