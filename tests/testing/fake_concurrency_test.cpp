// Several threads share one fake of each provider. Built with -fsanitize=thread where the
// compiler supports it, so a data race fails the test.
#define CATCH_CONFIG_MAIN
#define VNUM_IMPLEMENTATION
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/vnum.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace http = vnum::http;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;

namespace {
constexpr int threads = 4;
constexpr int per_thread = 25;

// A Cellcast ObjectId (24 hex digits) per thread and index: its last four digits are t and i.
std::string number_id(int t, int i) {
  const std::string tail = std::to_string(t * 1000 + i);  // t < 10, i < 1000
  return "66ea98514f0c1a121c76" + std::string(4 - tail.size(), '0') + tail;
}
}  // namespace

TEST_CASE("threads sharing a fake_cellcast each buy their own numbers") {
  fake_cellcast fake;
  fake.add_card("card_1");
  for (int t = 0; t < threads; ++t)
    for (int i = 0; i < per_thread; ++i)
      fake.add_number(number_id(t, i), "+6140000" + std::to_string(1000 + t * 100 + i), "prod_M",
                      "prod_Y");
  vnum::cellcast::config cfg;
  cfg.api_key = fake.api_key();
  std::atomic<int> bought{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      vnum::cellcast::client<fake_cellcast&> cellcast{fake, cfg};  // one client per thread
      for (int i = 0; i < per_thread; ++i) {
        if (cellcast.purchase_virtual_number(
                {"card_1", "prod_M", number_id(t, i), vnum::cellcast::billing_cycle::month}))
          ++bought;
        (void)fake.journal();  // readers run concurrently with writers
      }
    });
  for (auto& th : pool) th.join();
  CHECK(bought == threads * per_thread);
  CHECK(fake.subscriptions().size() == static_cast<std::size_t>(threads * per_thread));
  CHECK(fake.journal().size() == static_cast<std::size_t>(threads * per_thread));
}

TEST_CASE("threads sharing a fake_identitycall race for the same numbers; each is sold once") {
  fake_identitycall fake;
  for (int i = 0; i < per_thread; ++i)
    fake.add_available("+1555123" + std::to_string(4000 + i), "US", "local");
  std::atomic<int> sold{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (int i = 0; i < per_thread; ++i) {
        auto r = fake.send({http::method::post,
                            "https://api.identitycall.ai/api/v1/public/virtual_numbers/purchase",
                            {{"authorization", "Bearer " + fake.api_key()}},
                            R"({"phone_number":"+1555123)" + std::to_string(4000 + i) + R"("})"});
        if (r && r->status == 201) ++sold;
        (void)fake.numbers();
      }
    });
  for (auto& th : pool) th.join();
  CHECK(sold == per_thread);
  CHECK(fake.numbers().size() == static_cast<std::size_t>(per_thread));
}
