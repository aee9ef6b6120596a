// Cassettes: recording a flow through a transport, replaying it, and holding a fake to it.
#include <vnum/cellcast/client.hpp>
#include <vnum/testing/cassette.hpp>
#include <vnum/testing/fake_cellcast.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace vnum::cellcast;
namespace http = vnum::http;
using vnum::errc;
using vnum::testing::fake_cellcast;
using vnum::testing::fault;
using vnum::testing::recording_transport;
using vnum::testing::replay_transport;

static_assert(http::transport<recording_transport<fake_cellcast&>>);
static_assert(http::transport<replay_transport>);

namespace {

constexpr std::string_view number_id = "66ea98514f0c1a121c76ec17";
const std::string card_id = "card_1SQmzoGOdUwLPbU6ll0QwsyH";

// A file name in the temporary directory, removed at the end of the test.
struct temp_file {
  std::string path;
  explicit temp_file(std::string_view name)
      : path((std::filesystem::temp_directory_path() /
              ("vnum_cassette_test_" + std::string(name) + ".json"))
                 .string()) {
    std::filesystem::remove(path);
  }
  ~temp_file() {
    std::filesystem::remove(path);
    std::filesystem::remove(path + ".tmp");
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  std::string read() const {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  }
  void write(std::string_view text) const {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << text;
  }
};

void seed(fake_cellcast& fake) {
  fake.add_card(card_id);
  fake.add_number(std::string(number_id), "+61400000001", "prod_PFdN753rT3lNFW", "prod_YEARLY1");
  fake.require_otp(true);
}

config config_with(std::string key) {
  config c;
  c.api_key = std::move(key);
  return c;
}

purchase_request monthly() {
  return {card_id, "prod_PFdN753rT3lNFW", std::string(number_id), billing_cycle::month};
}

// The typed results of one provisioning flow, whatever transport the client has.
struct flow_results {
  vnum::result<std::vector<card>> cards = vnum::make_error(errc::protocol, "not run");
  vnum::result<purchase_receipt> bought = vnum::make_error(errc::protocol, "not run");
  vnum::result<custom_number_receipt> added = vnum::make_error(errc::protocol, "not run");
  vnum::result<verify_custom_number_receipt> verified = vnum::make_error(errc::protocol, "not run");
  vnum::result<std::vector<custom_number>> listed = vnum::make_error(errc::protocol, "not run");
  vnum::result<unsubscribe_receipt> released = vnum::make_error(errc::protocol, "not run");
};

template <class Client, class Otp>
flow_results run_flow(Client& c, Otp otp_of) {
  flow_results r;
  r.cards = c.list_cards();
  r.bought = c.purchase_virtual_number(monthly());
  r.added = c.add_custom_number({"Reception", "+61400111222"});
  r.verified = c.verify_custom_number({"Reception", "+61400111222", otp_of("+61400111222")});
  r.listed = c.list_custom_numbers();
  r.released = c.unsubscribe_virtual_number(number_id);
  return r;
}

// A cassette of one exchange, for the replay tests.
const std::string one_purchase = R"({
  "vnum_cassette": 1,
  "source": "test",
  "exchanges": [
    {
      "request": {"method":"POST","url":"https://api.cellcast.com/api/v1/customNumber/verifyCustomNumber","headers":[["authorization","Bearer ***"]],"body":{"name":"Reception","number":"+61400111222","otp":"***"}},
      "response": {"status":200,"headers":[["content-type","application/json"]],"body":{"status":true,"data":{}}}
    }
  ]
}
)";

http::request verify_request(std::string body) {
  return {http::method::post,
          "https://api.cellcast.com/api/v1/customNumber/verifyCustomNumber",
          {{"authorization", "Bearer other-key"}},
          std::move(body)};
}

}  // namespace

TEST_CASE("record a flow through fake_cellcast, replay it: identical typed results") {
  temp_file file("flow");
  fake_cellcast fake;
  seed(fake);
  flow_results live;
  {
    client<recording_transport<fake_cellcast&>> recorded{
        recording_transport<fake_cellcast&>{fake, file.path}, config_with(fake.api_key())};
    live = run_flow(recorded, [&](std::string_view n) { return *fake.otp_for(n); });
  }
  REQUIRE(live.cards);
  REQUIRE(live.bought);
  REQUIRE(live.added);
  REQUIRE(live.verified);
  REQUIRE(live.listed);
  REQUIRE(live.released);

  client<replay_transport> replayed{replay_transport{file.path}, config_with("a-different-key")};
  const auto again = run_flow(replayed, [](std::string_view) { return std::string("000000"); });
  CHECK(again.cards == live.cards);
  CHECK(again.bought == live.bought);
  CHECK(again.added == live.added);
  CHECK(again.verified == live.verified);
  CHECK(again.listed == live.listed);
  CHECK(again.released == live.released);
  CHECK(replayed.transport().all_played());
}

TEST_CASE("a recorded cassette holds neither the API key nor the OTP") {
  temp_file file("secrets");
  fake_cellcast fake{"cc_live_SECRETKEY123"};
  seed(fake);
  recording_transport<fake_cellcast&> rec{fake, file.path};
  client<recording_transport<fake_cellcast&>&> c{rec, config_with(fake.api_key())};
  REQUIRE(c.add_custom_number({"Reception", "+61400111222"}));
  const std::string otp = *fake.otp_for("+61400111222");
  REQUIRE(c.verify_custom_number({"Reception", "+61400111222", otp}));
  const std::string text = file.read();
  CHECK(text.find("cc_live_SECRETKEY123") == std::string::npos);
  CHECK(text.find("\"otp\":\"" + otp + "\"") == std::string::npos);
  CHECK(text.find("\"otp\":\"***\"") != std::string::npos);
  CHECK(text.find(R"(["authorization","Bearer ***"])") != std::string::npos);
}

TEST_CASE(
    "recording: the exchanges in the order sent, the file rewritten whole, no temporary left") {
  temp_file file("order");
  fake_cellcast fake;
  seed(fake);
  recording_transport<fake_cellcast&> rec{fake, file.path};
  client<recording_transport<fake_cellcast&>&> c{rec, config_with(fake.api_key())};
  REQUIRE(c.list_cards());
  auto after_one = vnum::testing::load_cassette(file.path);
  REQUIRE(after_one);
  CHECK(after_one->exchanges.size() == 1);
  REQUIRE(c.purchase_virtual_number(monthly()));
  auto after_two = vnum::testing::load_cassette(file.path);
  REQUIRE(after_two);
  CHECK(*after_two == rec.recorded());
  REQUIRE(after_two->exchanges.size() == 2);
  CHECK(after_two->exchanges[0].request.method == http::method::get);
  CHECK(after_two->exchanges[0].request.url == "https://api.cellcast.com/api/v1/user/getCards");
  CHECK(after_two->exchanges[1].request.url ==
        "https://api.cellcast.com/api/v1/apiClient/virtual-number/purchase");
  CHECK(after_two->exchanges[1].response->status == 200);
  CHECK_FALSE(std::filesystem::exists(file.path + ".tmp"));
  CHECK(file.read().find("\n    {\n      \"request\": {\"method\":\"GET\"") != std::string::npos);
}

TEST_CASE("recording: continuing a loaded cassette appends after its exchanges, source kept") {
  temp_file file("continue");
  fake_cellcast fake;
  seed(fake);
  {
    recording_transport<fake_cellcast&> first{
        fake, file.path, vnum::testing::default_secret_fields(), "first session"};
    client<recording_transport<fake_cellcast&>&> c{first, config_with(fake.api_key())};
    REQUIRE(c.list_cards());
  }
  auto earlier = vnum::testing::load_cassette(file.path);
  REQUIRE(earlier);
  recording_transport<fake_cellcast&> second{fake, file.path, *earlier};
  client<recording_transport<fake_cellcast&>&> c{second, config_with(fake.api_key())};
  REQUIRE(c.purchase_virtual_number(monthly()));
  auto both = vnum::testing::load_cassette(file.path);
  REQUIRE(both);
  CHECK(both->source == "first session");
  REQUIRE(both->exchanges.size() == 2);
  CHECK(both->exchanges[0] == earlier->exchanges[0]);
  CHECK(both->exchanges[1].request.url ==
        "https://api.cellcast.com/api/v1/apiClient/virtual-number/purchase");
}

TEST_CASE("recording: a transport error is recorded and replayed as that error") {
  temp_file file("error");
  fake_cellcast fake;
  seed(fake);
  {
    recording_transport<fake_cellcast&> rec{fake, file.path};
    fake.fail_next(fault::request_lost());
    client<recording_transport<fake_cellcast&>&> c{rec, config_with(fake.api_key())};
    auto lost = c.purchase_virtual_number(monthly());
    REQUIRE_FALSE(lost);
    CHECK(lost.error().code == errc::transport);
  }
  auto loaded = vnum::testing::load_cassette(file.path);
  REQUIRE(loaded);
  REQUIRE(loaded->exchanges.size() == 1);
  REQUIRE(loaded->exchanges[0].error);
  CHECK(loaded->exchanges[0].error->code == errc::transport);
  CHECK_FALSE(loaded->exchanges[0].response);

  client<replay_transport> replayed{replay_transport{file.path}, config_with("k")};
  auto again = replayed.purchase_virtual_number(monthly());
  REQUIRE_FALSE(again);
  CHECK(again.error().code == errc::transport);
}

TEST_CASE("redact: the authorization value, the secret fields, and a user's own field") {
  http::request r{http::method::post,
                  "https://x/y?key=abcd1234",
                  {{"Authorization", "Bearer abcd1234"}, {"x-echo", "abcd1234"}},
                  R"({"otp":"123456","becs_account_number":"000123456","becs_bsb_number":"062000",)"
                  R"("token":"tok_1","card":"card_1","nested":{"pin":"9999"}})"};
  auto fields = vnum::testing::default_secret_fields();
  fields.push_back("pin");
  const auto red = vnum::testing::redact(r, fields);
  CHECK(red.url == "https://x/y?key=***");
  CHECK(red.headers ==
        std::vector<http::header>{{"Authorization", "Bearer ***"}, {"x-echo", "***"}});
  CHECK(red.body ==
        R"({"otp":"***","becs_account_number":"***","becs_bsb_number":"***","token":"***",)"
        R"("card":"card_1","nested":{"pin":"***"}})");
}

TEST_CASE("replay: the body matches as JSON, redacted fields ignored, any key") {
  temp_file file("match");
  file.write(one_purchase);
  replay_transport t{file.path};
  CHECK_FALSE(t.all_played());
  auto r = t.send(
      verify_request(R"({ "otp": "424242", "number": "+61400111222", "name": "Reception" })"));
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == R"({"status":true,"data":{}})");
  CHECK(r->headers == std::vector<http::header>{{"content-type", "application/json"}});
  CHECK(t.all_played());
}

TEST_CASE("replay: each exchange is played once") {
  temp_file file("once");
  file.write(one_purchase);
  replay_transport t{file.path};
  const auto req = verify_request(R"({"name":"Reception","number":"+61400111222","otp":"1"})");
  REQUIRE(t.send(req));
  auto second = t.send(req);
  REQUIRE_FALSE(second);
  CHECK(second.error().code == errc::transport);
  CHECK(second.error().message ==
        "replay: no recorded exchange matches POST /api/v1/customNumber/verifyCustomNumber; every "
        "recorded exchange was played");
}

TEST_CASE("replay: a request with no match names the closest recorded one and the difference") {
  temp_file file("nomatch");
  file.write(one_purchase);
  replay_transport t{file.path};
  auto r = t.send(verify_request(R"({"name":"Front desk","number":"+61400111222","otp":"1"})"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(r.error().message ==
        "replay: no recorded exchange matches POST /api/v1/customNumber/verifyCustomNumber; the "
        "closest unplayed is exchange 0: body name: recorded \"Reception\", sent \"Front desk\"");
  CHECK_FALSE(t.all_played());
  CHECK(t.unplayed() == std::vector<std::size_t>{0});
}

TEST_CASE("replay_against: a recorded answer that differs names the path and both values") {
  fake_cellcast fake;
  seed(fake);
  vnum::testing::cassette c;
  c.source = "edited";
  auto purchase = *build_purchase_virtual_number(config_with(fake.api_key()), monthly());
  auto answer = fake.send(purchase);  // what the fake says, then one field changed
  REQUIRE(answer);
  auto body = boost::json::parse(answer->body);
  body.as_object()["message"] = "Payment failed";
  c.exchanges.push_back({vnum::testing::redact(purchase, {}),
                         http::response{200, {}, boost::json::serialize(body)}, std::nullopt});

  fake_cellcast fresh;
  seed(fresh);
  const auto report = vnum::testing::replay_against(fresh, c);
  CHECK_FALSE(report.ok());
  REQUIRE(report.differences.size() == 1);
  CHECK(report.differences[0] ==
        vnum::testing::conformance_difference{
            0, "message", "\"Payment failed\"",
            "\"Payment is Successful. Dedicated Number has been assigned you.\""});
  std::ostringstream os;
  os << report;
  CHECK(os.str() ==
        "differs: 1 exchanges, 1 differences (edited)\n  exchange 0: message: recorded \"Payment "
        "failed\", fake \"Payment is Successful. Dedicated Number has been assigned you.\"");
}

TEST_CASE("replay_against: status, nested paths, missing members; ignored paths skipped") {
  fake_cellcast fake;
  seed(fake);
  vnum::testing::cassette c;
  auto unsubscribe = *build_unsubscribe_virtual_number(config_with("x"), number_id);
  c.exchanges.push_back(
      {unsubscribe, http::response{201, {}, R"({"data":{"id":[1,2]},"extra":1,"status":true})"},
       std::nullopt});
  const auto report = vnum::testing::replay_against(fake, c, {{"status"}, "", nullptr});
  using d = vnum::testing::conformance_difference;
  CHECK(report.differences ==
        std::vector<d>{{0, "(status)", "201", "404"},
                       {0, "data", "{\"id\":[1,2]}", "(missing)"},
                       {0, "extra", "1", "(missing)"},
                       {0, "code", "(missing)", "404"},
                       {0, "message", "(missing)", "\"Virtual number not found\""},
                       {0, "stack", "(missing)", "\"APIError: Virtual number not found ....\""}});
}

TEST_CASE("replay_against: ignore patterns match exact paths, any index, any depth") {
  using vnum::testing::cassette_detail::path_matches;
  CHECK(path_matches("data.id", "data.id"));
  CHECK(path_matches("data[3].id", "data[*].id"));
  CHECK_FALSE(path_matches("data[3].name", "data[*].id"));
  CHECK(path_matches("data.operators[1].id", "**.id"));
  CHECK(path_matches("id", "**.id"));
  CHECK_FALSE(path_matches("data.uuid", "**.id"));
}

TEST_CASE("load: a truncated cassette is refused with the line where it stops") {
  temp_file file("truncated");
  file.write(one_purchase.substr(0, one_purchase.find("\"response\"")));
  auto loaded = replay_transport::load(file.path);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().code == errc::invalid_argument);
  INFO(loaded.error().message);
  CHECK(loaded.error().message.rfind(file.path + ":6: not JSON (truncated?): ", 0) == 0);
}

TEST_CASE("load: a syntax error is refused with its line") {
  temp_file file("syntax");
  std::string text = one_purchase;
  text.replace(text.find("\"status\":200"), 12, "\"status\":200,,");
  file.write(text);
  auto loaded = replay_transport::load(file.path);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message.rfind(file.path + ":7: not JSON: ", 0) == 0);
}

TEST_CASE("load: a hand-broken exchange is refused with its index, line and key") {
  temp_file file("schema");
  std::string text = one_purchase;
  text.replace(text.find("\"method\":\"POST\","), 16, "");
  file.write(text);
  auto loaded = replay_transport::load(file.path);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message ==
        file.path + ":5: exchange 0: request.method is missing or not a string");
  try {
    replay_transport t{file.path};
    FAIL("the constructor accepted a malformed cassette");
  } catch (const vnum::exception& e) {
    CHECK(e.error() == loaded.error());
  }
}

TEST_CASE("load: a file that is not a vnum cassette, or is missing") {
  temp_file file("other");
  file.write(R"({"exchanges": []})");
  CHECK(replay_transport::load(file.path).error().message ==
        file.path +
            ":1: \"vnum_cassette\": 1 is missing (not a vnum cassette, or another version)");
  temp_file none("none");
  CHECK(replay_transport::load(none.path).error().message == none.path + ": cannot open");
}

TEST_CASE("replay_against: Cellcast's \"data\": [] where the fake answers {}") {
  fake_cellcast fake;
  seed(fake);
  auto purchase = *build_purchase_virtual_number(config_with(fake.api_key()), monthly());
  auto answer = fake.send(purchase);
  REQUIRE(answer);
  auto body = boost::json::parse(answer->body);
  body.as_object()["data"] = boost::json::array();
  vnum::testing::cassette c{
      "captured",
      {{vnum::testing::redact(purchase, {}), http::response{200, {}, boost::json::serialize(body)},
        std::nullopt}}};
  fake_cellcast fresh;
  seed(fresh);
  const auto report = vnum::testing::replay_against(fresh, c);
  CHECK(report.differences ==
        std::vector<vnum::testing::conformance_difference>{{0, "data", "[]", "{}"}});
}

TEST_CASE("recording: threads sharing one recording transport record every exchange") {
  temp_file file("threads");
  fake_cellcast fake;
  seed(fake);
  recording_transport<fake_cellcast&> rec{fake, file.path};
  std::atomic<int> listed{0};  // Catch2's assertions are not thread-safe: count, check after
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      client<recording_transport<fake_cellcast&>&> c{rec, config_with(fake.api_key())};
      for (int j = 0; j < 5; ++j)
        if (c.list_cards()) ++listed;
    });
  for (auto& t : threads) t.join();
  CHECK(listed == 20);
  auto loaded = vnum::testing::load_cassette(file.path);
  REQUIRE(loaded);
  CHECK(loaded->exchanges.size() == 20);
  replay_transport replay{file.path};
  client<replay_transport&> c{replay, config_with("k")};
  for (int j = 0; j < 20; ++j) CHECK(c.list_cards());
  CHECK(replay.all_played());
}
