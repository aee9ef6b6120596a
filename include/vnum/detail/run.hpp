// vnum — the blocking runner: carries out a plan's actions (<vnum/plan.hpp>) through the user's
// transport, waiting with retry_policy::sleep. Shared by both providers' clients.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_RUN_HPP
#define VNUM_DETAIL_RUN_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/plan.hpp>
#include <vnum/retry.hpp>

#include <chrono>
#include <exception>
#include <string>
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

// Runs the plan to its end on this thread: each send through the transport, each wait with
// `sleep` (none when it is empty).
template <class Transport, plan Plan>
result<typename Plan::value_type> run(Transport& transport, Plan& p, const retry_policy& policy) {
  next_action a = p.start();
  while (!a.is_done()) {
    if (a.is_send()) {
      const auto sent_at = std::chrono::steady_clock::now();
      auto answer = send(transport, a.request());
      a = p.on_answer(std::move(answer), std::chrono::duration_cast<std::chrono::microseconds>(
                                             std::chrono::steady_clock::now() - sent_at));
    } else {
      if (policy.sleep) policy.sleep(a.duration());
      a = p.on_waited();
    }
  }
  return p.take_result();
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_RUN_HPP
