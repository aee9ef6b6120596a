// Both fakes over arbitrary method, path, headers and body: an answer in the provider's own shape
// (a JSON object, or for a lost request or answer an error), never a crash or an exception.
#define VNUM_IMPLEMENTATION
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include "fuzz_input.hpp"

#include <cstdlib>

namespace {

template <class Fake>
void exercise(Fake& fake, const vnum::http::request& r) {
  auto answer = fake.send(r);
  if (!answer) return;
  auto body = vnum::detail::parse_json(answer->body);
  if (!body || !body->is_object()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto f = fuzz::split_fields(data, size, 5);
  const auto method = static_cast<vnum::http::method>((f[0].empty() ? 0 : f[0][0] & 0xff) % 5);
  // New fakes for every input, so that runs do not depend on each other and journals stay small.
  vnum::testing::fake_cellcast cellcast;
  cellcast.add_card("card_1");
  cellcast.add_number("66ea98514f0c1a121c76ec17", "+61400111222", "prod_M", "prod_Y");
  vnum::testing::fake_identitycall identitycall;
  identitycall.add_available("+15551234567", "US", "local");
  identitycall.add_operator("Jane Doe", "+15550000001");
  // The key is the right one unless the input says otherwise, so that deep routes are reached.
  const std::string token = f[3].empty() ? "" : f[3];
  exercise(cellcast, {method,
                      "https://api.cellcast.com" + f[1],
                      {{"authorization", "Bearer " + (token.empty() ? cellcast.api_key() : token)},
                       {f[4], f[2]}},
                      f[2]});
  exercise(identitycall,
           {method,
            "https://api.identitycall.ai" + f[1],
            {{"Authorization", "Bearer " + (token.empty() ? identitycall.api_key() : token)}},
            f[2]});
  return 0;
}
