// vnum — vnum::testing::async_adapter<T>: serves a blocking transport (an in-process fake, a mock,
// a replay_transport) as an http::async_transport on a given executor (documented at the class).
// Opt-in: includes Boost.Asio.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_ASYNC_ADAPTER_HPP
#define VNUM_TESTING_ASYNC_ADAPTER_HPP

#include <vnum/async_transport.hpp>
#include <vnum/detail/run.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <memory>
#include <type_traits>
#include <utility>

namespace vnum::testing {

/// Serves a blocking transport (an in-process fake, a mock, a replay_transport) as an
/// http::async_transport on a given executor, so that asynchronous code is unit-tested with the
/// same fakes as blocking code.
///
/// Each async_send hands the request to the inner transport at once (a fake applies it then) and
/// completes through the executor, never inside async_send. A cancellation signal that arrives
/// between the two makes the answer errc::outcome_unknown, as a real transport cancelled after
/// sending would.
///
/// @code
/// using vnum::testing::fake_identitycall;
/// boost::asio::io_context io;
/// fake_identitycall fake;
/// vnum::identitycall::async_client<vnum::testing::async_adapter<fake_identitycall&>> ic{
///     {fake, io.get_executor()}, cfg};
/// @endcode
///
/// @tparam T a blocking transport, owned, or borrowed when T is a reference.
template <http::transport T>
class async_adapter {
 public:
  /// The executor the completions are posted to.
  using executor_type = boost::asio::any_io_executor;

  /// @param inner the blocking transport (moved in, or borrowed when T is a reference).
  /// @param ex the executor that every completion goes through.
  async_adapter(T inner, executor_type ex) : inner_(std::forward<T>(inner)), ex_(std::move(ex)) {}

  /// @return the executor given at construction.
  executor_type get_executor() const noexcept { return ex_; }
  /// @return the blocking transport, e.g. to arm a fake's fault or read its journal.
  std::remove_reference_t<T>& inner() noexcept { return inner_; }

  /// Sends `r` through the inner transport when the operation is initiated, and completes later
  /// through the executor (then the handler's associated executor) with http::send_signature.
  ///
  /// The handler gets the inner transport's answer, or errc::outcome_unknown when that transport
  /// threw or the handler's cancellation slot was signalled after the request was sent.
  /// @param r the request.
  /// @param token the completion token: a handler, boost::asio::use_future, use_awaitable...
  /// @return what boost::asio::async_initiate returns for `token`.
  template <class Token>
  auto async_send(const http::request& r, Token&& token) {
    return boost::asio::async_initiate<Token, http::send_signature>(
        [this](auto handler, const http::request* request) {
          this->start(std::move(handler), *request);
        },
        token, &r);
  }

 private:
  template <class Handler>
  void start(Handler handler, const http::request& r) {
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    auto slot = boost::asio::get_associated_cancellation_slot(handler);
    if (slot.is_connected())
      slot.assign([cancelled](boost::asio::cancellation_type) { cancelled->store(true); });
    result<http::response> answer = vnum::detail::send(inner_, r);
    boost::asio::post(ex_, [ex = ex_, handler = std::move(handler), answer = std::move(answer),
                            cancelled]() mutable {
      auto s = boost::asio::get_associated_cancellation_slot(handler);
      if (s.is_connected()) s.clear();
      if (cancelled->load())
        answer = make_error(errc::outcome_unknown, "cancelled after the request was sent");
      auto target = boost::asio::get_associated_executor(handler, ex);
      boost::asio::dispatch(target, boost::asio::append(std::move(handler), std::move(answer)));
    });
  }

  T inner_;
  executor_type ex_;
};

}  // namespace vnum::testing

#endif  // VNUM_TESTING_ASYNC_ADAPTER_HPP
