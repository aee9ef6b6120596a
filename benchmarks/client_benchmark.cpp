// Group "client": what client<T> adds around the sans-I/O functions. vnum is
// client<canned_transport>::method(request); the baseline makes the same three steps by hand
// (build_*, the same transport's send, parse_*), as a user with their own event loop would. Both
// sides copy the canned answer out of the transport, as any transport returns a fresh response.
#include <vnum/cellcast/client.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/client.hpp>

#include "../tests/cellcast/examples.hpp"
#include "../tests/identitycall/examples.hpp"
#include "registry.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
namespace http = vnum::http;

// Answers every request with the same response, from memory (an http::transport).
struct canned_transport {
  http::response answer;
  http::response send(const http::request&) const { return answer; }
};

canned_transport canned(int status, std::string_view body) {
  return {http::response{status, {{"content-type", "application/json"}}, std::string(body)}};
}

// Adds "client/<name>/{vnum,baseline}" after checking that both give the same result.
template <class VnumCall, class BaselineCall>
void add_client_pair(bench::registry& cases, const std::string& name, VnumCall vnum_call,
                     BaselineCall baseline_call) {
  const std::string pair = "client/" + name;
  bench::check_same(cases, pair, vnum_call(), baseline_call());
  bench::add_pair(cases, pair, vnum_call, baseline_call);
}

cc::config cellcast_config() {
  cc::config cfg;
  cfg.api_key = "ck_bench_0123456789abcdef0123456789abcdef";
  cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_YEARLY"});
  return cfg;
}

ic::config identitycall_config() {
  ic::config cfg;
  cfg.api_key = "idc_0123456789abcdef0123456789abcdef";
  return cfg;
}

}  // namespace

namespace bench {

void add_client_cases(registry& cases) {
  // A creating write: purchase-virtual-number.html's request and its documented 200.
  {
    const cc::config cfg = cellcast_config();
    const auto transport =
        std::make_shared<const canned_transport>(canned(200, cellcast_examples::purchase_200));
    const auto client = std::make_shared<cc::client<canned_transport>>(*transport, cfg);
    const cc::purchase_request purchase{"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW",
                                        "66ea98514f0c1a121c76ec17", cc::billing_cycle::month};
    add_client_pair(
        cases, "cellcast_purchase_virtual_number",
        [client, purchase] { return client->purchase_virtual_number(purchase); },
        [cfg, transport, purchase]() -> vnum::result<cc::purchase_receipt> {
          auto built = cc::build_purchase_virtual_number(cfg, purchase);
          if (!built) return built.error();
          const http::response answer = transport->send(*built);
          return cc::parse_purchase_virtual_number(answer);
        });
  }
  // A read (through config::retry, which is off): get-list-credit-card.html's documented 200.
  {
    const cc::config cfg = cellcast_config();
    const auto transport =
        std::make_shared<const canned_transport>(canned(200, cellcast_examples::list_cards_200));
    const auto client = std::make_shared<cc::client<canned_transport>>(*transport, cfg);
    add_client_pair(
        cases, "cellcast_list_cards", [client] { return client->list_cards(); },
        [cfg, transport]() -> vnum::result<std::vector<cc::card>> {
          auto built = cc::build_list_cards(cfg);
          if (!built) return built.error();
          const http::response answer = transport->send(*built);
          return cc::parse_list_cards(answer);
        });
  }
  // A creating write: the purchase page's cURL example and its documented 201.
  {
    const ic::config cfg = identitycall_config();
    const auto transport =
        std::make_shared<const canned_transport>(canned(201, identitycall_examples::purchase_201));
    const auto client = std::make_shared<ic::client<canned_transport>>(*transport, cfg);
    ic::purchase_request purchase;
    purchase.phone_number = "+15551234567";
    purchase.country_code = "US";
    purchase.type = ic::number_type::local;
    purchase.name = "US Sales Line";
    add_client_pair(
        cases, "identitycall_purchase_number",
        [client, purchase] { return client->purchase_number(purchase); },
        [cfg, transport, purchase]() -> vnum::result<ic::virtual_number> {
          auto built = ic::build_purchase_number(cfg, purchase);
          if (!built) return built.error();
          const http::response answer = transport->send(*built);
          return ic::parse_purchase_number(answer);
        });
  }
}

}  // namespace bench
