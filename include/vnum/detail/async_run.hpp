// vnum — the asynchronous runner: carries out a plan's actions (<vnum/plan.hpp>) as one Asio
// operation (asio::async_compose), sending through an http::async_transport and waiting on a
// steady_timer on the transport's executor. Shared by both providers' async clients.
// Upper detail level: built on the core headers; what the providers' headers share.
// SPDX-License-Identifier: MIT
#ifndef VNUM_DETAIL_ASYNC_RUN_HPP
#define VNUM_DETAIL_ASYNC_RUN_HPP

#include <vnum/async_transport.hpp>
#include <vnum/detail/client_base.hpp>
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

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace vnum::detail {

// One call of async_send, on the sender's stack. A handler destroyed on the sender's thread while
// that call is running, without having run (async_send threw, or dropped it), hands its operation
// back there, and the sender completes it as outcome_unknown. Only the sender's thread, during the
// call, ever touches it: elsewhere (another thread of the io_context, or later) a handler finds
// current_send_call pointing at something else and leaves it alone.
struct send_call {
  void* rescued;            // std::optional<Op>*, Op being the handler's operation type
  bool ran_inside = false;  // the handler ran before async_send returned
};
inline thread_local send_call* current_send_call = nullptr;

// The handler given to the transport for one send: it owns the operation, and presents its
// executor, allocator and cancellation slot, so the transport sees the caller's.
template <class Op>
class send_handler {
 public:
  send_handler(Op&& op, send_call* call) : op_(std::move(op)), call_(call) {}
  send_handler(send_handler&& other) noexcept : op_(std::move(other.op_)), call_(other.call_) {
    other.op_.reset();
  }
  send_handler& operator=(send_handler&&) = delete;
  ~send_handler() {
    if (op_ && current_send_call == call_)
      static_cast<std::optional<Op>*>(call_->rescued)->emplace(std::move(*op_));
  }

  using executor_type = boost::asio::associated_executor_t<Op>;
  using allocator_type = boost::asio::associated_allocator_t<Op>;
  using cancellation_slot_type = boost::asio::associated_cancellation_slot_t<Op>;
  executor_type get_executor() const noexcept { return boost::asio::get_associated_executor(*op_); }
  allocator_type get_allocator() const noexcept {
    return boost::asio::get_associated_allocator(*op_);
  }
  cancellation_slot_type get_cancellation_slot() const noexcept {
    return boost::asio::get_associated_cancellation_slot(*op_);
  }

  void operator()(result<http::response> answer) {
    if (current_send_call == call_) call_->ran_inside = true;
    Op op = std::move(*op_);
    op_.reset();
    op(std::move(answer));
  }

 private:
  std::optional<Op> op_;
  send_call* call_;  // the sender's; dereferenced only on its thread during its call
};

// One operation: the plan and its timer at a stable address (the transport reads the request by
// reference while the composed operation itself is moved at every step).
template <class Transport, plan Plan>
class plan_op {
 public:
  plan_op(Transport& transport, Plan&& p)
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
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - state_->sent_at);
    step(self, state_->plan.on_answer(std::move(answer), took));
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
    std::chrono::steady_clock::time_point sent_at{};  // the current send's start
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
    st.sent_at = std::chrono::steady_clock::now();
    std::optional<Self> rescued;
    send_call call{&rescued};
    send_call* const outer = std::exchange(current_send_call, &call);
    std::string threw;
    try {
      st.transport.async_send(r, send_handler<Self>(std::move(self), &call));
    } catch (const std::exception& e) {
      threw = std::string("transport threw: ") + e.what();
    } catch (...) {
      threw = "transport threw a non-standard exception";
    }
    current_send_call = outer;
    // The operation went on without this frame, or belongs to the transport now: st may be gone.
    if (call.ran_inside || !rescued) return;
    // The handler is gone without having run: the request may have gone out, as the blocking
    // runner says of a transport that throws. st lives while the rescued operation does.
    if (threw.empty()) threw = "the transport dropped the request without an answer";
    Self op = std::move(*rescued);
    st.initiating = initiating;
    op(result<http::response>(make_error(errc::outcome_unknown, std::move(threw))));
  }

  std::unique_ptr<state> state_;
};

// Starts the plan as one asynchronous operation completing with void(result<value_type>). The
// transport must outlive it.
template <class Transport, class Plan, class Token>
requires plan<std::remove_cvref_t<Plan>>
auto async_run(Transport& transport, Plan&& p, Token&& token) {
  using plan_type = std::remove_cvref_t<Plan>;
  using signature = void(result<typename plan_type::value_type>);
  auto ex = transport.get_executor();
  return boost::asio::async_compose<Token, signature>(
      plan_op<Transport, plan_type>(transport, std::forward<Plan>(p)), token, ex);
}

// What both providers' async_client<T> share: the transport and the config (client_base), the
// transport's executor, and starting an operation's plan as one asynchronous operation.
template <class T, class Config>
class async_client_base : public client_base<T, Config> {
 public:
  using client_base<T, Config>::client_base;

  auto get_executor() { return this->transport().get_executor(); }

 protected:
  template <class Plan, class Token>
  auto run_async(Plan&& p, Token&& token) {
    return async_run(this->transport(), std::forward<Plan>(p), std::forward<Token>(token));
  }
};

}  // namespace vnum::detail

#endif  // VNUM_DETAIL_ASYNC_RUN_HPP
