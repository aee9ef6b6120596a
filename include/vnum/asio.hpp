// vnum — the asynchronous clients on Boost.Asio: cellcast::async_client<T> and
// identitycall::async_client<T> over any http::async_transport (vnum::beast_transport in
// <vnum/transport/beast.hpp>, or your own). Opt-in: <vnum/vnum.hpp> never includes Boost.Asio.
// Link with -pthread (Meson: dependency('threads'); CMake: Threads::Threads).
//
// The rules of both async clients:
//   - one async_<name> per client<T> method, with the same arguments and a completion token,
//     completing with void(result<X>) where client<T>::<name> returns result<X>; the default token
//     is boost::asio::deferred (so `co_await c.async_list_cards()`), and callbacks, use_future and
//     use_awaitable work too. Owning (async_client<my_transport>) and borrowing
//     (async_client<my_transport&>), as client<T>;
//   - the request is validated and built when async_<name> is called (its arguments need not
//     outlive the call); nothing is sent when that fails, and the error still completes through
//     the executor, never inside the initiating call;
//   - reads are retried as config::retry allows, waiting on a steady_timer on the transport's
//     executor (retry_policy::sleep is the blocking client's only); writes are sent once; lists
//     are complete, page by page (identitycall::list_plan);
//   - a transport whose async_send throws, or drops the handler without calling it, gives
//     errc::outcome_unknown, and the call still completes;
//   - cancellation (the completion handler's cancellation slot): before a send errc::transport,
//     during a send what the transport answers (errc::outcome_unknown once the request may have
//     left), during a wait the last attempt's error;
//   - the client must outlive its operations; one instance may run several at once on a
//     single-threaded executor or a strand: each operation keeps its own state.
//
//   asio::awaitable<void> buy(vnum::identitycall::async_client<vnum::beast_transport>& ic) {
//     vnum::identitycall::purchase_request order;
//     order.phone_number = "+15551234567";
//     auto bought = co_await ic.async_purchase_number(order);
//     ...
//   }
// SPDX-License-Identifier: MIT
#ifndef VNUM_ASIO_HPP
#define VNUM_ASIO_HPP

#include <vnum/async_transport.hpp>
#include <vnum/cellcast/async_client.hpp>
#include <vnum/identitycall/async_client.hpp>
#include <vnum/vnum.hpp>

#endif  // VNUM_ASIO_HPP
