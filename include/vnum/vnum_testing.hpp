// vnum — umbrella of the test kit: the fakes (in-memory, stateful stand-ins for the providers that
// satisfy http::transport, for users' own unit tests), cassettes (record, replay, conformance) and
// memory_ledger. The trompeloeil mock (vnum/testing/mock_transport.hpp) is not included: it needs
// trompeloeil and a test framework.
//
// It does not include <vnum/vnum.hpp> (the clients): a test includes both,
//   #include <vnum/vnum.hpp>
//   #include <vnum/vnum_testing.hpp>
// so that a unit that only sets up fakes compiles about as fast as one that includes
// <boost/json.hpp>. The kit's definitions are compiled once per program, like vnum's own: in the
// one translation unit that defines VNUM_IMPLEMENTATION, when it includes this header (it then
// compiles vnum's definitions too: it includes <vnum/vnum.hpp> there). A program whose
// VNUM_IMPLEMENTATION unit does not include the kit (it lives in a library under test, say)
// defines VNUM_TESTING_IMPLEMENTATION in exactly one unit of the test program instead, before
// including this header: that unit compiles the kit's definitions only.
// single_include/vnum/vnum_testing.hpp is this header amalgamated (tools/amalgamate.py); it
// includes "vnum.hpp".
// SPDX-License-Identifier: MIT
#ifndef VNUM_VNUM_TESTING_HPP
#define VNUM_VNUM_TESTING_HPP

#include <vnum/testing/cassette.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/testing/memory_ledger.hpp>

// The unit that compiles vnum compiles all of it: the clients' definitions too.
#if defined(VNUM_IMPLEMENTATION)
#include <vnum/vnum.hpp>
#endif

#endif  // VNUM_VNUM_TESTING_HPP
