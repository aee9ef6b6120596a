// The blocking client on curl_transport, as a vnum subproject provides them
// (dependency('vnum-curl')): a transport with the default options, and a call refused before
// sending with the field named. Nothing goes on the network.
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>

#include <cstdio>

int main() {
  namespace ic = vnum::identitycall;
  ic::config cfg;
  cfg.api_key = "idc_0123456789abcdef0123456789abcdef";
  ic::client<vnum::curl_transport> client{vnum::curl_transport{}, cfg};
  ic::purchase_request order;
  order.phone_number = "not a number";
  auto r = client.purchase_number(order);
  const bool refused =
      !r && r.error().code == vnum::errc::invalid_argument && r.error().field == "phone_number";
  std::puts(refused ? "curl: refused before sending, phone_number named" : "curl: unexpected");
  return refused ? 0 : 1;
}
