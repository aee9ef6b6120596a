// vnum — the asynchronous clients on Boost.Asio: cellcast::async_client<T> and
// identitycall::async_client<T> over any http::async_transport (vnum::beast_transport in
// <vnum/transport/beast.hpp>, or your own). Opt-in: <vnum/vnum.hpp> never includes Boost.Asio.
// Link with -pthread (Meson: dependency('threads'); CMake: Threads::Threads).
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
