#include <vnum/http.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace http = vnum::http;

namespace {
struct plain_transport {
  http::response send(const http::request&) { return {200, {}, "{}"}; }
};
struct fallible_transport {
  vnum::result<http::response> send(const http::request&) {
    return vnum::make_error(vnum::errc::transport, "connection refused");
  }
};
struct not_a_transport {
  int send(const http::request&) { return 0; }
};
}  // namespace

TEST_CASE("a transport may return a plain response or a result") {
  STATIC_REQUIRE(http::transport<plain_transport>);
  STATIC_REQUIRE(http::transport<plain_transport&>);
  STATIC_REQUIRE(http::transport<fallible_transport>);
  STATIC_REQUIRE_FALSE(http::transport<not_a_transport>);
}

TEST_CASE("header lookup ignores the case of the name") {
  http::response r{429, {{"Retry-After", "30"}, {"content-type", "application/json"}}, ""};
  CHECK(http::find_header(r, "retry-after") == "30");
  CHECK(http::find_header(r, "RETRY-AFTER") == "30");
  CHECK(http::find_header(r, "Content-Type") == "application/json");
  CHECK_FALSE(http::find_header(r, "retry-afte").has_value());
}

TEST_CASE("methods print as their HTTP names") {
  CHECK(http::to_string(http::method::get) == "GET");
  CHECK(http::to_string(http::method::post) == "POST");
  CHECK(http::to_string(http::method::put) == "PUT");
  CHECK(http::to_string(http::method::patch) == "PATCH");
  CHECK(http::to_string(http::method::delete_) == "DELETE");
}

TEST_CASE("a printed request masks the API key") {
  http::request r{http::method::post,
                  "https://api.example/x",
                  {{"Authorization", "Bearer s3cr3t-key"}, {"accept", "application/json"}},
                  "{}"};
  std::ostringstream os;
  os << r;
  CHECK(os.str() ==
        "POST https://api.example/x\nAuthorization: Bearer ***\naccept: application/json\n\n{}");
  CHECK(os.str().find("s3cr3t") == std::string::npos);
}

TEST_CASE("a printed request masks an OTP, a Stripe token and a bank account number in the body") {
  const vnum::http::request r{
      vnum::http::method::post,
      "https://api.cellcast.com/api/v1/customNumber/verifyCustomNumber",
      {{"authorization", "Bearer key"}},
      R"({"name":"A","number":"+61400000000","otp":"123456","token":"tok_1\"x",)"
      R"("becs_account_number":"000123456","becs_bsb_number":"000000"})"};
  std::ostringstream os;
  os << r;
  CHECK(os.str() ==
        "POST https://api.cellcast.com/api/v1/customNumber/verifyCustomNumber\n"
        "authorization: Bearer ***\n\n"
        R"({"name":"A","number":"+61400000000","otp":"***","token":"***",)"
        R"("becs_account_number":"***","becs_bsb_number":"000000"})");
}
