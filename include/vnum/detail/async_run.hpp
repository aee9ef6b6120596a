// vnum — the asynchronous runner: carries out a plan's actions (<vnum/plan.hpp>) as one Asio
// operation (asio::async_compose), sending through an http::async_transport and waiting on a
// steady_timer on the transport's executor. Shared by both providers' async clients.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_ASYNC_RUN_HPP
#define VNUM_DETAIL_ASYNC_RUN_HPP

#include <vnum/async_transport.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/plan.hpp>

#include <boost/asio/associated_allocator.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace vnum::detail {

// The handler given to the transport for one send. The operation is parked in shared state rather
// than moved into the handler, so that when async_send throws (and the handler it was given may be
// gone with the exception) the operation can still complete. It presents the operation's executor,
// allocator and cancellation slot, so the transport sees the caller's.
template <class Op>
class parked_send_handler {
 public:
  explicit parked_send_handler(std::shared_ptr<std::optional<Op>> parked)
      : parked_(std::move(parked)) {}

  using executor_type = boost::asio::associated_executor_t<Op>;
  using allocator_type = boost::asio::associated_allocator_t<Op>;
  using cancellation_slot_type = boost::asio::associated_cancellation_slot_t<Op>;
  executor_type get_executor() const noexcept {
    return boost::asio::get_associated_executor(**parked_);
  }
  allocator_type get_allocator() const noexcept {
    return boost::asio::get_associated_allocator(**parked_);
  }
  cancellation_slot_type get_cancellation_slot() const noexcept {
    return boost::asio::get_associated_cancellation_slot(**parked_);
  }

  void operator()(result<http::response> answer) {
    if (!*parked_) return;  // the operation already completed: async_send threw after this call
    Op op = std::move(**parked_);
    parked_->reset();
    op(std::move(answer));
  }

 private:
  std::shared_ptr<std::optional<Op>> parked_;
};

// One operation: the plan and its timer at a stable address (the transport reads the request by
// reference while the composed operation itself is moved at every step).
template <class Transport, plan Plan>
class plan_op {
 public:
  using value_type = typename Plan::value_type;

  plan_op(Transport& transport, Plan p)
      : state_(std::make_unique<state>(state{transport, std::move(p)})) {}

  // The start, inside the initiating call; or the completion posted from there.
  template <class Self>
  void operator()(Self& self) {
    if (state_->posted) return self.complete(state_->plan.take_result());
    state_->initiating = true;
    step(self, state_->plan.start());
  }

  // A send's answer.
  template <class Self>
  void operator()(Self& self, result<http::response> answer) {
    step(self, state_->plan.on_answer(std::move(answer)));
  }

  // A wait's end; operation_aborted when it was cancelled.
  template <class Self>
  void operator()(Self& self, boost::system::error_code ec) {
    step(self, ec ? state_->plan.cancel() : state_->plan.on_waited());
  }

 private:
  struct state {
    Transport& transport;
    Plan plan;
    std::optional<boost::asio::steady_timer> timer{};
    bool initiating = false;  // the plan is running inside the initiating call
    bool posted = false;      // the result is on its way through the executor
  };

  template <class Self>
  void step(Self& self, next_action a) {
    if (!a.is_done() && self.cancelled() != boost::asio::cancellation_type::none)
      a = state_->plan.cancel();
    if (a.is_done()) return finish(self);
    const bool initiating =
        std::exchange(state_->initiating, false);  // waits and sends complete later
    if (a.is_wait()) {
      if (!state_->timer) state_->timer.emplace(state_->transport.get_executor());
      state_->timer->expires_after(a.duration());
      return state_->timer->async_wait(std::move(self));
    }
    send(self, a.request(), initiating);
  }

  // Completes; never inside the initiating call, from where the result goes through the executor.
  template <class Self>
  void finish(Self& self) {
    if (!state_->initiating) return self.complete(state_->plan.take_result());
    state_->posted = true;
    auto ex = state_->transport.get_executor();
    boost::asio::post(ex, std::move(self));
  }

  template <class Self>
  void send(Self& self, const http::request& r, bool initiating) {
    state& st = *state_;
    auto parked = std::make_shared<std::optional<Self>>(std::move(self));
    std::string threw;
    try {
      st.transport.async_send(r, parked_send_handler<Self>(parked));
      return;  // st may be gone already: the operation belongs to the transport now
    } catch (const std::exception& e) {
      threw = std::string("transport threw: ") + e.what();
    } catch (...) {
      threw = "transport threw a non-standard exception";
    }
    if (!*parked) return;  // the handler ran before the throw: that answer stands
    // The request may have gone out, as the blocking runner says; st lives while op does.
    Self op = std::move(**parked);
    parked->reset();
    st.initiating = initiating;
    op(result<http::response>(make_error(errc::outcome_unknown, std::move(threw))));
  }

  std::unique_ptr<state> state_;
};

// Starts the plan as one asynchronous operation completing with void(result<value_type>). The
// transport must outlive it.
template <class Transport, plan Plan, class Token>
auto async_run(Transport& transport, Plan p, Token&& token) {
  using signature = void(result<typename Plan::value_type>);
  auto ex = transport.get_executor();
  return boost::asio::async_compose<Token, signature>(
      plan_op<Transport, Plan>(transport, std::move(p)), token, ex);
}

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_ASYNC_RUN_HPP
