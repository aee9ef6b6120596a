// The async client on beast_transport, as an installed vnum or a vnum subproject provides them
// (vnum::beast, dependency('vnum-beast')): a call refused before sending completes through the
// executor with the field named, and nothing goes on the network.
#include <vnum/asio.hpp>
#include <vnum/transport/beast.hpp>

#include <boost/asio/io_context.hpp>

#include <cstdio>

int main() {
  namespace ic = vnum::identitycall;
  boost::asio::io_context io;
  ic::config cfg;
  cfg.api_key = "idc_0123456789abcdef0123456789abcdef";
  ic::async_client<vnum::beast_transport> client{vnum::beast_transport{io.get_executor()}, cfg};
  ic::purchase_request order;
  order.phone_number = "not a number";
  bool refused = false;
  client.async_purchase_number(order, [&refused](vnum::result<ic::virtual_number> r) {
    refused =
        !r && r.error().code == vnum::errc::invalid_argument && r.error().field == "phone_number";
  });
  io.run();
  std::puts(refused ? "async: refused before sending, phone_number named" : "async: unexpected");
  return refused ? 0 : 1;
}
