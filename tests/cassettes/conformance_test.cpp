// The fakes conform to every cassette in tests/cassettes/: each recorded request, sent to a fake
// seeded with the flow's world, gets the recorded answer (ids and timestamps aside). A cassette
// added to the folder without an entry here fails the last test case.
#include <vnum/testing/cassette.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#ifndef VNUM_CASSETTE_DIR
#error "VNUM_CASSETTE_DIR names the folder of the cassettes (tests/cassettes/meson.build)"
#endif

namespace http = vnum::http;
using vnum::testing::conformance_difference;
using vnum::testing::fake_cellcast;
using vnum::testing::fake_identitycall;

namespace {

const std::filesystem::path dir = VNUM_CASSETTE_DIR;

// Known differences between a fake and a cassette, each with the reason it is accepted. A
// difference listed here that no longer occurs fails too, so the list never outlives the bug.
struct known_difference {
  std::string cassette;
  conformance_difference difference;
  std::string why;
};
const std::vector<known_difference> known_differences = {};

// Fails on every difference that is not a known one, and on every known one that did not occur.
void conforms(const std::string& name, const vnum::result<vnum::testing::conformance_report>& r) {
  REQUIRE(r);
  INFO(*r);
  CHECK(r->exchanges > 0);
  std::vector<conformance_difference> unexpected;
  for (const auto& d : r->differences) {
    bool known = false;
    for (const auto& k : known_differences)
      known = known || (k.cassette == name && k.difference == d);
    if (!known) unexpected.push_back(d);
  }
  CHECK(unexpected.empty());
  for (const auto& k : known_differences) {
    if (k.cassette != name) continue;
    bool occurred = false;
    for (const auto& d : r->differences) occurred = occurred || d == k.difference;
    INFO("known difference no longer occurs: " << k.difference);
    CHECK(occurred);
  }
}

std::string path_of(const std::string& name) { return (dir / name).string(); }

// Puts back the OTP the cassette redacted: the one the fake "sent" to the number.
std::function<void(http::request&)> otp_from(fake_cellcast& fake) {
  return [&fake](http::request& r) {
    if (r.url.find("/verifyCustomNumber") == std::string::npos) return;
    auto body = boost::json::parse(r.body).as_object();
    auto otp = fake.otp_for(std::string(body.at("number").as_string()));
    if (otp) body["otp"] = *otp;
    r.body = boost::json::serialize(body);
  };
}

const std::set<std::string> covered = {
    "cellcast_buy_and_release.cassette.json", "cellcast_custom_number_otp.cassette.json",
    "cellcast_list_cards.cassette.json",      "identitycall_purchase.cassette.json",
    "identitycall_operators.cassette.json",
};

}  // namespace

TEST_CASE("fake_cellcast conforms to cellcast_buy_and_release.cassette.json") {
  const std::string name = "cellcast_buy_and_release.cassette.json";
  fake_cellcast fake;
  fake.add_card("card_1SQmzoGOdUwLPbU6ll0QwsyH");
  fake.add_number("66ea98514f0c1a121c76ec17", "+61400000001", "prod_PFdN753rT3lNFW", "prod_YEARLY");
  conforms(name, vnum::testing::replay_against(fake, path_of(name)));
}

TEST_CASE("fake_cellcast conforms to cellcast_custom_number_otp.cassette.json") {
  const std::string name = "cellcast_custom_number_otp.cassette.json";
  fake_cellcast fake;
  fake.require_otp(true);
  vnum::testing::replay_options options;
  options.prepare = otp_from(fake);
  conforms(name, vnum::testing::replay_against(fake, path_of(name), options));
}

TEST_CASE("fake_cellcast conforms to cellcast_list_cards.cassette.json") {
  const std::string name = "cellcast_list_cards.cassette.json";
  fake_cellcast fake;
  fake_cellcast::card_details john{"Visa", "1111", 2, 2034, "credit", "US", "John Doe"};
  fake_cellcast::card_details unnamed{"Visa", "4242", 4, 2026, "credit", "US", std::nullopt};
  fake.add_card("card_1QfFjoGOd000000000000000", john);
  fake.add_card("card_1QXjDzGOd000000000000000", unnamed);
  vnum::testing::replay_options options;
  // Stripe's customer and card fingerprint belong to the account the page was written with.
  options.ignore.insert(options.ignore.end(), {"data[*].customer", "data[*].fingerprint"});
  conforms(name, vnum::testing::replay_against(fake, path_of(name), options));
}

TEST_CASE("fake_identitycall conforms to identitycall_purchase.cassette.json") {
  const std::string name = "identitycall_purchase.cassette.json";
  fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  conforms(name, vnum::testing::replay_against(fake, path_of(name)));
}

TEST_CASE("fake_identitycall conforms to identitycall_operators.cassette.json") {
  const std::string name = "identitycall_operators.cassette.json";
  fake_identitycall fake;
  fake.set_next_operator_id(42);  // the recorded requests name the operator the page created
  conforms(name, vnum::testing::replay_against(fake, path_of(name)));
}

TEST_CASE("every cassette in tests/cassettes has a conformance test") {
  std::set<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto file = entry.path().filename().string();
    if (file.size() > 14 && file.substr(file.size() - 14) == ".cassette.json") found.insert(file);
  }
  CHECK(found == covered);
  for (const auto& file : found) {
    INFO(file);
    CHECK(vnum::testing::load_cassette(path_of(file)));
  }
}
