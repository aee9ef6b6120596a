// vnum-fake-server's world files over arbitrary JSON: refused with a world_error naming the key,
// or read into a fake that then answers a list request in the provider's shape; never a crash or
// another exception. (The server's HTTP handling forwards to the same fakes that fuzz_fakes runs;
// its request parsing is cpp-httplib's.)
#define VNUM_IMPLEMENTATION
#include "../../apps/fake_server/world.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

template <class World>
void load(const boost::json::value& v, std::string_view list_path) {
  try {
    auto fake = World::read(v).make();
    auto answer = fake->send({vnum::http::method::get,
                              "https://fake" + std::string(list_path),
                              {{"authorization", "Bearer " + fake->api_key()}},
                              ""});
    if (answer && !vnum::detail::parse_json(answer->body)) std::abort();
  } catch (const vnum_fake_server::world_error&) {
    // refused, with a message naming what is wrong
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto v = vnum::detail::parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!v) return 0;
  load<vnum_fake_server::cellcast_world>(*v, "/api/v1/user/getCards");
  load<vnum_fake_server::identitycall_world>(*v, "/api/v1/public/operators");
  return 0;
}
