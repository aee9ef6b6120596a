// Throughput of the sans-I/O layers, one operation at a time: building a purchase request,
// parsing its documented answer, normalizing an Australian number, and a full client round trip
// through the fake provider. Run on demand: meson test -C build --benchmark --verbose
#define VNUM_IMPLEMENTATION
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/vnum.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace {

template <class F>
void measure(const char* name, int iterations, F&& f) {
  std::size_t sink = 0;
  for (int i = 0; i < iterations / 10; ++i) sink += f();  // warm-up
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < iterations; ++i) sink += f();
  std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("%-40s %10.0f ns/op  (%d ops, check %zu)\n", name, elapsed.count() / iterations,
              iterations, sink % 10);
}

const std::string purchase_200 =
    R"({"app_type":"web","app_version":"1.0","maintainence":0,"new_version":0,"force_update":0,)"
    R"("invalid_token":0,"refresh_token":"","show_message":1,"is_enc":false,"status":true,)"
    R"("message":"Payment is Successful. Dedicated Number has been assigned you.",)"
    R"("message_type":"toast","data":{},"error":{}})";

}  // namespace

int main() {
  namespace cc = vnum::cellcast;
  cc::config cfg;
  cfg.api_key = "benchmark-key";
  cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_Y"});
  const cc::purchase_request purchase{"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW",
                                      "66ea98514f0c1a121c76ec17", cc::billing_cycle::month};

  measure("build_purchase_virtual_number", 200000,
          [&] { return cc::build_purchase_virtual_number(cfg, purchase)->body.size(); });
  const vnum::http::response answer{200, {}, purchase_200};
  measure("parse_purchase_virtual_number", 200000,
          [&] { return cc::parse_purchase_virtual_number(answer)->message.size(); });
  measure("phone::normalize_au(\"+61 (0)412 345 678\")", 500000,
          [] { return vnum::phone::normalize_au("+61 (0)412 345 678")->size(); });

  vnum::testing::fake_cellcast fake;
  fake.add_card("card_1SQmzoGOdUwLPbU6ll0QwsyH");
  fake.add_number("66ea98514f0c1a121c76ec17", "+61400000001", "prod_PFdN753rT3lNFW", "prod_Y");
  cfg.api_key = fake.api_key();
  cc::client<vnum::testing::fake_cellcast&> client{fake, cfg};
  measure("client round trip via fake (buy+release)", 20000, [&] {
    auto bought = client.purchase_virtual_number(purchase);
    auto released = client.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
    return static_cast<std::size_t>(bought.has_value() && released.has_value());
  });
  return 0;
}
