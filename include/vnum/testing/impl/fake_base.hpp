// vnum — the definitions of the fakes' common base (vnum::testing::detail::fake_base, declared in
// <vnum/testing/detail/fake_base.hpp>): the journal, the armed faults and send(). Included by each
// fake's definitions (<vnum/testing/impl/fake_cellcast.hpp>, ...), which instantiate it for their
// fake; never include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_IMPL_FAKE_BASE_HPP
#define VNUM_TESTING_IMPL_FAKE_BASE_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/testing/detail/fake_base.hpp>
#include <vnum/testing/fault.hpp>
#include <vnum/testing/journal.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace vnum::testing::detail {

template <class Derived, class Route>
struct fake_base<Derived, Route>::journal_state {
  // The first armed fault that applies to this route, removed from the queue.
  std::optional<fault> take(std::optional<Route> route) {
    for (auto it = armed.begin(); it != armed.end(); ++it) {
      if (it->only && it->only != route) continue;
      fault f = it->what;
      armed.erase(it);
      return f;
    }
    return std::nullopt;
  }

  // Takes a copy or, from send(http::request&&), the request itself.
  template <class Request>
  void record(Request&& r, std::optional<Route> route, int status, journal_outcome outcome) {
    entries.push_back({++received, std::forward<Request>(r), route, status, outcome});
    trim();
  }

  void trim() {
    while (entries.size() > limit) {
      entries.pop_front();
      ++dropped;
    }
  }

  std::deque<armed_fault<Route>> armed;
  std::deque<journal_entry<Route>> entries;
  std::size_t limit = default_journal_limit;
  std::uint64_t dropped = 0;
  std::uint64_t received = 0;
};

template <class Derived, class Route>
fake_base<Derived, Route>::fake_base() : journal_(std::make_unique<journal_state>()) {}

template <class Derived, class Route>
fake_base<Derived, Route>::~fake_base() = default;

template <class Derived, class Route>
std::vector<http::request> fake_base<Derived, Route>::journal() const {
  std::lock_guard lock(mutex_);
  std::vector<http::request> out;
  out.reserve(journal_->entries.size());
  for (const auto& e : journal_->entries)
    if (e.outcome != journal_outcome::request_lost) out.push_back(e.request);
  return out;
}

template <class Derived, class Route>
std::vector<journal_entry<Route>> fake_base<Derived, Route>::journal_entries(
    std::uint64_t after) const {
  std::lock_guard lock(mutex_);
  std::vector<journal_entry<Route>> out;
  for (const auto& e : journal_->entries)
    if (e.sequence > after) out.push_back(e);
  return out;
}

template <class Derived, class Route>
void fake_base<Derived, Route>::set_journal_limit(std::size_t n) {
  std::lock_guard lock(mutex_);
  journal_->limit = n;
  journal_->trim();
}

template <class Derived, class Route>
std::size_t fake_base<Derived, Route>::journal_limit() const {
  std::lock_guard lock(mutex_);
  return journal_->limit;
}

template <class Derived, class Route>
std::uint64_t fake_base<Derived, Route>::journal_dropped() const {
  std::lock_guard lock(mutex_);
  return journal_->dropped;
}

template <class Derived, class Route>
std::uint64_t fake_base<Derived, Route>::journal_received() const {
  std::lock_guard lock(mutex_);
  return journal_->received;
}

template <class Derived, class Route>
void fake_base<Derived, Route>::fail_next(fault f) {
  std::lock_guard lock(mutex_);
  journal_->armed.push_back({f, std::nullopt});
}

template <class Derived, class Route>
void fake_base<Derived, Route>::fail_next(fault f, Route only) {
  std::lock_guard lock(mutex_);
  journal_->armed.push_back({f, only});
}

template <class Derived, class Route>
std::vector<armed_fault<Route>> fake_base<Derived, Route>::armed_faults() const {
  std::lock_guard lock(mutex_);
  return {journal_->armed.begin(), journal_->armed.end()};
}

template <class Derived, class Route>
result<http::response> fake_base<Derived, Route>::send(const http::request& r) {
  return send_and_record(r);
}

template <class Derived, class Route>
result<http::response> fake_base<Derived, Route>::send(http::request&& r) {
  return send_and_record(std::move(r));
}

template <class Derived, class Route>
template <class Request>
result<http::response> fake_base<Derived, Route>::send_and_record(Request&& r) {
  std::lock_guard lock(mutex_);
  Derived& self = static_cast<Derived&>(*this);
  const auto [route, parameter] = self.match(r);
  std::optional<fault> f = journal_->take(route);
  if (f && f->type() == fault::kind::request_lost) {
    journal_->record(std::forward<Request>(r), route, 0, journal_outcome::request_lost);
    return make_error(errc::transport, "injected fault: the request never reached the provider");
  }
  if (f && f->type() == fault::kind::status) {
    http::response injected = Derived::injected(*f);
    journal_->record(std::forward<Request>(r), route, injected.status,
                     journal_outcome::injected_status);
    return injected;
  }
  http::response answer = self.handle(r, route, parameter);
  if (f && f->type() == fault::kind::response_lost) {
    journal_->record(std::forward<Request>(r), route, answer.status,
                     journal_outcome::response_lost);
    return make_error(errc::outcome_unknown,
                      "injected fault: the provider applied the request but its answer was lost");
  }
  const bool ok = answer.status >= 200 && answer.status < 300;
  const journal_outcome outcome = r.method == http::method::get ? journal_outcome::answered
                                  : ok                          ? journal_outcome::applied
                                                                : journal_outcome::refused;
  journal_->record(std::forward<Request>(r), route, answer.status, outcome);
  return answer;
}

}  // namespace vnum::testing::detail

#endif  // VNUM_TESTING_IMPL_FAKE_BASE_HPP
