#include <vnum/error.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using vnum::errc;

TEST_CASE("a result holding a value converts to true and dereferences to it") {
  vnum::result<std::string> r = std::string("+61400000000");
  REQUIRE(r);
  CHECK(r.has_value());
  CHECK(*r == "+61400000000");
  CHECK(r->size() == 12);
  CHECK(r.value() == "+61400000000");
}

TEST_CASE("value() on an error throws vnum::exception carrying the error") {
  vnum::result<int> r = vnum::make_error(errc::not_found, "Virtual number not found", 404);
  REQUIRE_FALSE(r);
  try {
    (void)r.value();
    FAIL("value() did not throw");
  } catch (const vnum::exception& e) {
    CHECK(e.error().code == errc::not_found);
    CHECK(e.error().http_status == 404);
    CHECK(std::string(e.what()) == "not_found (HTTP 404): Virtual number not found");
  }
}

TEST_CASE("invalid_argument names the offending field") {
  vnum::error e = vnum::invalid_argument("card", "is required and must not be empty");
  CHECK(e.code == errc::invalid_argument);
  CHECK(e.field == "card");
  CHECK(e.http_status == 0);
  CHECK(e.message == "card: is required and must not be empty");
  CHECK(vnum::to_string(e) == "invalid_argument: card: is required and must not be empty");
}

TEST_CASE("an error prints as its code, status and message") {
  std::ostringstream os;
  os << vnum::make_error(errc::server_error, "boom", 503);
  CHECK(os.str() == "server_error (HTTP 503): boom");
}

TEST_CASE("every errc has a distinct name") {
  CHECK(vnum::to_string(errc::invalid_argument) == "invalid_argument");
  CHECK(vnum::to_string(errc::unauthorized) == "unauthorized");
  CHECK(vnum::to_string(errc::forbidden) == "forbidden");
  CHECK(vnum::to_string(errc::not_found) == "not_found");
  CHECK(vnum::to_string(errc::conflict) == "conflict");
  CHECK(vnum::to_string(errc::unprocessable) == "unprocessable");
  CHECK(vnum::to_string(errc::rate_limited) == "rate_limited");
  CHECK(vnum::to_string(errc::server_error) == "server_error");
  CHECK(vnum::to_string(errc::transport) == "transport");
  CHECK(vnum::to_string(errc::outcome_unknown) == "outcome_unknown");
  CHECK(vnum::to_string(errc::protocol) == "protocol");
}

namespace {
struct not_printable {
  int x = 0;
};
}  // namespace

TEST_CASE("any result prints, even of containers or unprintable values") {
  std::ostringstream os;
  os << vnum::result<std::vector<std::string>>(std::vector<std::string>{"a", "b"});
  CHECK(os.str() == R"(value:["a", "b"])");
  os.str("");
  os << vnum::result<not_printable>(not_printable{});
  CHECK(os.str() == "value:{...}");
  os.str("");
  os << vnum::result<void>();
  CHECK(os.str() == "value:void");
  os.str("");
  os << vnum::result<int>(vnum::make_error(errc::conflict, "exists", 400));
  CHECK(os.str() == "error:conflict (HTTP 400): exists");
  vnum::result<std::vector<int>> r = std::vector<int>{1};
  CHECK(r);  // Catch2 can show it
}

TEST_CASE("redact replaces a secret in message and provider_message, also JSON-escaped") {
  vnum::error e;
  e.message = "token abc/def\"x rejected; also abc\\/def\\\"x";
  e.provider_message = "abc/def\"x";
  vnum::redact(e, "abc/def\"x");
  CHECK(e.message == "token [redacted] rejected; also [redacted]");
  CHECK(e.provider_message == "[redacted]");
  vnum::error untouched;
  untouched.message = "nothing to hide";
  vnum::redact(untouched, "");
  CHECK(untouched.message == "nothing to hide");
}

TEST_CASE("errc_from_string reads back every to_string(errc), and nothing else") {
  for (auto code : {vnum::errc::invalid_argument, vnum::errc::unauthorized, vnum::errc::forbidden,
                    vnum::errc::not_found, vnum::errc::conflict, vnum::errc::unprocessable,
                    vnum::errc::rate_limited, vnum::errc::server_error, vnum::errc::transport,
                    vnum::errc::outcome_unknown, vnum::errc::protocol})
    CHECK(vnum::errc_from_string(vnum::to_string(code)) == code);
  CHECK_FALSE(vnum::errc_from_string("unknown"));
  CHECK_FALSE(vnum::errc_from_string("Transport"));
  CHECK_FALSE(vnum::errc_from_string(""));
}
