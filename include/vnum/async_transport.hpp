// vnum — the asynchronous transport concept, for the Asio clients (<vnum/asio.hpp>). Opt-in: it
// includes Boost.Asio, which <vnum/vnum.hpp> never does.
// SPDX-License-Identifier: MIT
#ifndef VNUM_ASYNC_TRANSPORT_HPP
#define VNUM_ASYNC_TRANSPORT_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>

#include <concepts>
#include <utility>

namespace vnum::http {

/// The completion signature of one asynchronous send.
using send_signature = void(vnum::result<response>);

/// A handler of any type for one send, for transports that are plain functions rather than
/// templates on the completion token.
using any_send_handler = boost::asio::any_completion_handler<send_signature>;

/// What the asynchronous clients send through: a type with `get_executor()` (convertible to
/// boost::asio::any_io_executor) and `async_send(const http::request&, handler)` that sends one
/// request and completes with what transport::send returns: the response (any status), or
/// errc::transport (certainly not sent) or errc::outcome_unknown (it may have been sent).
///
/// async_send is either a template on the completion token (boost::asio::async_initiate) or a
/// plain function taking any_send_handler. The request stays valid until the handler runs; the
/// handler is never called before async_send returns. Waits and the handler run on
/// get_executor()'s execution context.
/// @tparam T the transport type
template <class T>
concept async_transport = requires(T& t, const request& r, any_send_handler h) {
  { t.get_executor() } -> std::convertible_to<boost::asio::any_io_executor>;
  t.async_send(r, std::move(h));
};

}  // namespace vnum::http

#endif  // VNUM_ASYNC_TRANSPORT_HPP
