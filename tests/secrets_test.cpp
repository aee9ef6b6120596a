// The API key never leaves vnum in anything printed or returned: errors, what(), printed requests
// and receipts, the fakes' journal as printed; also after a header-injection attempt and when a
// provider echoes the key back, JSON-escaped or not. OTPs and account numbers print masked.
#include <vnum/cellcast/client.hpp>
#include <vnum/identitycall/client.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
namespace http = vnum::http;

namespace {

// A key with the characters a JSON encoder escapes ('/') and a token may hold ('+', '=').
const std::string key = "sk/live+Zx9/abc==";

template <class T>
std::string printed(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

// Everything a caller can see of an error: to_string, the exception's what(), its fields.
void require_no_key(const vnum::error& e, const std::string& secret = key) {
  INFO(vnum::to_string(e));
  CHECK(vnum::to_string(e).find(secret) == std::string::npos);
  CHECK(e.provider_message.find(secret) == std::string::npos);
  CHECK(e.field.find(secret) == std::string::npos);
  CHECK(std::string(vnum::exception(e).what()).find(secret) == std::string::npos);
}

struct echoing_transport {
  std::string body;
  int status = 401;
  vnum::result<http::response> send(const http::request&) {
    return http::response{status, {}, body};
  }
};

}  // namespace

TEST_CASE("secrets: a provider that echoes the key, escaped or not, never gets it into an error") {
  const std::string escaped = "sk\\/live+Zx9\\/abc==";
  for (const std::string& body :
       {R"({"code":401,"message":"Token )" + key + R"( expired","stack":"x"})",
        R"({"code":401,"message":"Token )" + escaped + R"( expired","stack":"x"})",
        R"({"status":false,"message":"bad )" + escaped + R"(","error":{"key":")" + key + R"("}})",
        R"({"error":"Invalid API key )" + key + R"("})",
        R"({"errors":[")" + key + R"(",{"message":")" + escaped + R"("}]})"}) {
    for (int status : {400, 401, 403, 422, 429, 500, 200, 201}) {
      INFO(status << " " << body);
      echoing_transport t{body, status};
      cc::config c;
      c.api_key = key;
      cc::client<echoing_transport&> cellcast{t, c};
      if (auto r = cellcast.purchase_virtual_number(
              {"card_1", "prod_M", "66ea98514f0c1a121c76ec17", cc::billing_cycle::month, false});
          !r)
        require_no_key(r.error());
      if (auto r = cellcast.list_cards(); !r) require_no_key(r.error());
      ic::client<echoing_transport&> identitycall{t, ic::config{key}};
      if (auto r = identitycall.list_virtual_numbers(); !r) require_no_key(r.error());
      ic::purchase_request order;
      order.phone_number = "+15551234567";
      if (auto r = identitycall.purchase_number(order); !r) require_no_key(r.error());
    }
  }
}

TEST_CASE("secrets: a header-injection attempt in the key is refused without repeating it") {
  for (std::string_view bad : {"sk_live\r\nX-Injected: 1", "sk_live\nHost: evil", "sk_live\x7f",
                               "sk_live\xc3\xa9", "sk_live token"}) {
    cc::config c;
    c.api_key = std::string(bad);
    auto r = cc::build_list_cards(c);
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "api_key");
    require_no_key(r.error(), "sk_live");
  }
}

TEST_CASE("secrets: printed requests show neither the key, nor the OTP, token or bank account") {
  cc::config c;
  c.api_key = key;
  auto verify = cc::build_verify_custom_number(c, {"Support", "0400000000", "913475"});
  REQUIRE(verify);
  auto token = cc::build_purchase_virtual_number(
      c, {"", "prod_M", "66ea98514f0c1a121c76ec17", cc::billing_cycle::month, false,
          "tok_secret123", std::nullopt});
  REQUIRE(token);
  auto becs = cc::purchase_request{"", "prod_M", "66ea98514f0c1a121c76ec17",
                                   cc::billing_cycle::month, false};
  becs.becs = cc::becs_debit{"ops@example.com", "John", "", "000000", "987654321"};
  auto bank = cc::build_purchase_virtual_number(c, becs);
  REQUIRE(bank);
  for (const auto& request : {*verify, *token, *bank}) {
    const std::string text = printed(request);
    INFO(text);
    CHECK(text.find(key) == std::string::npos);
    CHECK(text.find("913475") == std::string::npos);
    CHECK(text.find("tok_secret123") == std::string::npos);
    CHECK(text.find("987654321") == std::string::npos);
    CHECK(text.find("Bearer ***") != std::string::npos);
  }
  // The typed requests print masked too.
  CHECK(
      printed(cc::verify_custom_number_request{"Support", "0400000000", "913475"}).find("913475") ==
      std::string::npos);
  CHECK(printed(becs).find("987654321") == std::string::npos);
}

TEST_CASE("secrets: the fakes' journal, printed, shows no key, and receipts carry none") {
  vnum::testing::fake_cellcast cellcast{key};
  cellcast.add_card("card_1");
  cellcast.add_number("66ea98514f0c1a121c76ec17", "+61400111222", "prod_M", "prod_Y");
  cellcast.require_otp(true);
  cc::config c;
  c.api_key = key;
  cc::client<vnum::testing::fake_cellcast&> client{cellcast, c};
  auto bought = client.purchase_virtual_number(
      {"card_1", "prod_M", "66ea98514f0c1a121c76ec17", cc::billing_cycle::month, false});
  REQUIRE(bought);
  CHECK(printed(*bought).find(key) == std::string::npos);
  auto added = client.add_custom_number({"Support", "0400000000"});
  REQUIRE(added);
  auto otp = cellcast.otp_for("+61400000000");
  REQUIRE(otp);
  REQUIRE(client.verify_custom_number({"Support", "0400000000", *otp}));
  for (const auto& request : cellcast.journal()) {
    const std::string text = printed(request);
    CHECK(text.find(key) == std::string::npos);
    CHECK(text.find("\"otp\":\"" + *otp + "\"") == std::string::npos);
  }

  vnum::testing::fake_identitycall identitycall{"idc_" + std::string(20, 'k')};
  ic::client<vnum::testing::fake_identitycall&> ic_client{identitycall,
                                                          ic::config{identitycall.api_key()}};
  REQUIRE(ic_client.list_virtual_numbers());
  for (const auto& request : identitycall.journal())
    CHECK(printed(request).find(identitycall.api_key()) == std::string::npos);
}
