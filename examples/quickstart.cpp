// Quick start: buy a virtual number, register a custom number as sender ID through the OTP flow,
// and unsubscribe, printing each typed result. The transport here is a stand-in that answers like
// Cellcast does; in production it is your HTTP client (see README, "Transports").
#define VNUM_IMPLEMENTATION  // this one translation unit compiles Boost.JSON's sources
#include <vnum/vnum.hpp>

#include <iostream>
#include <string>

namespace {

std::string envelope(bool status, std::string_view message) {
  return std::string(R"({"app_type":"web","app_version":"1.0","maintainence":0,"status":)") +
         (status ? "true" : "false") + R"(,"message":")" + std::string(message) +
         R"(","message_type":"toast","data":{},"error":{}})";
}

// Answers every request with a success body of the endpoint it addressed.
struct in_memory_cellcast {
  vnum::http::response send(const vnum::http::request& r) {
    std::cout << "  -> " << vnum::http::to_string(r.method) << ' ' << r.url << '\n';
    if (r.url.ends_with("/virtual-number/purchase"))
      return {200, {}, envelope(true, "Payment is Successful. Dedicated Number has been assigned you.")};
    if (r.url.ends_with("/customNumber/add"))
      return {200, {}, envelope(true, "OTP sent to your number successfully")};
    if (r.url.ends_with("/customNumber/verifyCustomNumber"))
      return {200, {}, envelope(true, "OTP Verified Successfully!")};
    if (r.url.find("/virtual-number/unsubscribe/") != std::string::npos)
      return {200, {}, envelope(true, "Virtual number has been unsubscribed successfully.")};
    return {404, {}, R"({"code":404,"message":"Not found","stack":""})"};
  }
};

}  // namespace

int main() {
  namespace cc = vnum::cellcast;
  cc::config cfg;
  cfg.api_key = "demo-key";
  // The products of each number, as "Get Available Virtual Numbers" lists them: a purchase with
  // the other cycle's product is refused before anything is sent.
  cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_YEARLY0000001"});
  cc::client<in_memory_cellcast> cellcast{in_memory_cellcast{}, cfg};

  std::cout << "purchase with the yearly product for a monthly cycle:\n";
  auto refused = cellcast.purchase_virtual_number({"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_YEARLY0000001",
                                                   "66ea98514f0c1a121c76ec17", cc::billing_cycle::month});
  std::cout << "  " << refused.error() << '\n';

  std::cout << "purchase:\n";
  auto bought = cellcast.purchase_virtual_number({"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW",
                                                  "66ea98514f0c1a121c76ec17", cc::billing_cycle::month});
  if (!bought) return std::cerr << "  " << bought.error() << '\n', 1;
  std::cout << "  " << *bought << '\n';

  std::cout << "register a custom number as sender ID:\n";
  auto added = cellcast.add_custom_number({"Support line", "0400 000 000"});
  if (!added) return std::cerr << "  " << added.error() << '\n', 1;
  std::cout << "  " << *added << '\n';
  if (added->otp_required) {
    auto verified = cellcast.verify_custom_number({"Support line", "0400 000 000", "123456"});
    if (!verified) return std::cerr << "  " << verified.error() << '\n', 1;
    std::cout << "  " << *verified << '\n';
  }

  std::cout << "unsubscribe:\n";
  auto released = cellcast.unsubscribe_virtual_number("66ea98514f0c1a121c76ec17");
  if (!released) return std::cerr << "  " << released.error() << '\n', 1;
  std::cout << "  " << *released << '\n';
  return 0;
}
