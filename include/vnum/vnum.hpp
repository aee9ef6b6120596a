// vnum — umbrella header: the core and every provider's client. The test kit
// (vnum/testing/...) and the real transports (vnum/transport/...) are included separately. In the
// one translation unit that defines VNUM_IMPLEMENTATION it also compiles the library's builders and
// parsers (<vnum/src.hpp>).
// SPDX-License-Identifier: MIT
#ifndef VNUM_VNUM_HPP
#define VNUM_VNUM_HPP

#include <vnum/cellcast/client.hpp>
#include <vnum/cellcast/reconcile.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/client.hpp>
#include <vnum/identitycall/reconcile.hpp>
#include <vnum/intent.hpp>
#include <vnum/phone.hpp>
#include <vnum/plan.hpp>
#include <vnum/retry.hpp>
#include <vnum/version.hpp>

#if defined(VNUM_IMPLEMENTATION)
#include <vnum/src.hpp>
#endif

#endif  // VNUM_VNUM_HPP
