// vnumctl end to end: the program run as a process, as an operator runs it, against
// vnum-fake-server on 127.0.0.1. Every command once; --dry-run sends nothing; --json parses; each
// exit code from a real case; the API key in no output. Paths come from meson (VNUMCTL,
// VNUM_FAKE_SERVER); every vnumctl run has a deadline, and every server is stopped by RAII.
#include <vnum/testing/cassette.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/version.hpp>
#include <vnum/vnum.hpp>

#include "../process.hpp"
#include "account.hpp"
#include "run.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace http = vnum::http;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

using cli::lines;
using cli::parse;
using cli::path_from;

const std::string cellcast_key = "cc_cli_SECRET_key";
const std::string identitycall_key = "idc_cli_SECRET_key";

const std::string cellcast_world = R"({
  "api_key": "cc_cli_SECRET_key",
  "cards": ["card_1"],
  "numbers": [
    {"id": "66ea98514f0c1a121c76ec17", "number": "+61400000001", "monthly_product": "prod_M1", "yearly_product": "prod_Y1"},
    {"id": "66ea98514f0c1a121c76ec18", "number": "+61400000002", "monthly_product": "prod_M2", "yearly_product": "prod_Y2"}
  ],
  "otp_required": true,
  "postpaid": true
})";

const std::string identitycall_world = R"({
  "api_key": "idc_cli_SECRET_key",
  "available": [
    {"phone_number": "+15551230001", "country_code": "US", "number_type": "local"},
    {"phone_number": "+15551230002", "country_code": "US", "number_type": "local"}
  ],
  "requirement_groups": [{"approved": true}, {"approved": false}],
  "operators": [{"name": "Ada Lovelace", "phone_number": "+15550000001", "id": 10}]
})";

// Every output of every run: none may show a key.
void check_no_key(const proc::outcome& r) {
  for (const std::string* text : {&r.out, &r.err}) {
    CHECK(text->find(cellcast_key) == std::string::npos);
    CHECK(text->find(identitycall_key) == std::string::npos);
    CHECK(text->find("SECRET") == std::string::npos);
  }
}

// vnumctl ARGS... with exactly the environment `env`, no output showing a key.
proc::outcome vnumctl(std::vector<std::string> args, std::vector<std::string> env = {}) {
  return cli::vnumctl(std::move(args), std::move(env), check_no_key);
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct cellcast_account : cli::fake_account {
  cellcast_account() : fake_account("cellcast", cellcast_world, cellcast_key, check_no_key) {}
};

struct identitycall_account : cli::fake_account {
  identitycall_account()
      : fake_account("identitycall", identitycall_world, identitycall_key, check_no_key) {}
};

const std::vector<std::string> business_flags{"--business-name",
                                              "Pizza Biz",
                                              "--description",
                                              "Marketing campaigns",
                                              "--purpose",
                                              "Promotional",
                                              "--ownership",
                                              "--company-name",
                                              "Pizza Co Pty Ltd",
                                              "--abn",
                                              "12345678901",
                                              "--website",
                                              "https://pizzaco.com.au",
                                              "--address",
                                              "123 Main St, Sydney NSW 2000",
                                              "--first-name",
                                              "John",
                                              "--last-name",
                                              "Smith",
                                              "--position",
                                              "Manager",
                                              "--phone",
                                              "0400000000",
                                              "--email",
                                              "john@pizzaco.com.au"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

TEST_CASE("--help at every level: the commands, the key rules and the exit codes") {
  auto top = vnumctl({"--help"});
  REQUIRE(top.exit_code == 0);
  CHECK(top.err.empty());
  for (const char* text :
       {"cellcast", "identitycall", "--base-url", "--dry-run", "--json", "--api-key-file",
        "--timeout", "--record", "CELLCAST_API_KEY", "IDENTITYCALL_API_KEY",
        "Exit codes:", "  0  success", "  1  the provider refused or failed", "  2  usage",
        "  3  refused by a validator: nothing was sent", "  4  outcome unknown"})
    CHECK(top.out.find(text) != std::string::npos);

  const std::vector<std::pair<std::string, std::vector<std::string>>> providers{
      {"cellcast",
       {"purchase", "purchase-postpaid", "unsubscribe", "add-custom-number", "verify-custom-number",
        "add-business-name", "list-cards", "list-custom-numbers"}},
      {"identitycall",
       {"search", "purchase", "list", "get", "update", "add-operator", "remove-operator",
        "list-operators", "get-operator", "create-operator", "update-operator",
        "delete-operator"}}};
  for (const auto& [provider, commands] : providers) {
    auto help = vnumctl({provider, "--help"});
    REQUIRE(help.exit_code == 0);
    for (const auto& c : commands) {
      CHECK(help.out.find("  " + c + " ") != std::string::npos);
      auto command_help = vnumctl({provider, c, "--help"});
      CHECK(command_help.exit_code == 0);
      CHECK(command_help.out.find("Usage: vnumctl " + provider + " " + c) != std::string::npos);
    }
  }
  auto purchase = vnumctl({"cellcast", "purchase", "--help"});
  for (const char* flag :
       {"--card", "--token", "--becs-email", "--becs-name", "--becs-payment-method", "--becs-bsb",
        "--becs-account", "--product", "--number", "--cycle", "--resubscribe"})
    CHECK(purchase.out.find(flag) != std::string::npos);
}

TEST_CASE("exit 2, usage: one line on stderr, nothing sent") {
  cellcast_account a;
  const auto before = a.journal();
  auto usage = [](const proc::outcome& r, const std::string& says) {
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(lines(r.err) == 1);
    CHECK(r.err.starts_with("vnumctl: "));
    CHECK(r.err.find(says) != std::string::npos);
  };
  SECTION("an unknown flag") { usage(a.run({"list-cards", "--bogus"}), "--bogus"); }
  SECTION("an unknown command") { usage(a.run({"buy"}), "buy"); }
  SECTION("no command") { usage(a.run({}), "vnumctl cellcast --help"); }
  SECTION("a missing argument") {
    usage(a.run({"unsubscribe"}), "ID is required");
    usage(a.run({"purchase", "--card", "card_1", "--number", "66ea98514f0c1a121c76ec17", "--cycle",
                 "month"}),
          "--product is required");
  }
  SECTION("a bad value") {
    usage(a.run({"purchase", "--card", "card_1", "--product", "prod_M1", "--number",
                 "66ea98514f0c1a121c76ec17", "--cycle", "week"}),
          "--cycle: week not in {month,year}");
    usage(a.run({"list-cards"}, {"--timeout", "0"}), "--timeout");
    usage(vnumctl({"identitycall", "get", "abc"}), "ID = abc");
    usage(vnumctl({"identitycall", "update", "1", "--active", "maybe"}), "--active");
  }
  SECTION("no API key: the message names the variable") {
    usage(vnumctl({"--base-url", a.url(), "cellcast", "list-cards"}), "CELLCAST_API_KEY");
    usage(vnumctl({"--base-url", a.url(), "identitycall", "list"}), "IDENTITYCALL_API_KEY");
    auto as_json = vnumctl({"--json", "--base-url", a.url(), "cellcast", "list-cards"});
    CHECK(as_json.exit_code == 2);
    CHECK(parse(as_json.out).at("error").at("code") == "usage");
  }
  SECTION("a key given as an argument is refused, and not repeated") {
    auto r = vnumctl({"--base-url", a.url(), "--api-key", cellcast_key, "cellcast", "list-cards"});
    usage(r, "a key is never taken as an argument");
    // A stray key as a word: CLI11 names the words it did not expect; the key is masked.
    auto stray = vnumctl({"--base-url", a.url(), "cellcast", "list-cards", cellcast_key},
                         {"CELLCAST_API_KEY=" + cellcast_key});
    usage(stray, "[redacted]");
  }
  SECTION("--json: the usage error is a JSON document too") {
    auto r = a.run({"list-cards", "--bogus"}, {"--json"});
    CHECK(r.exit_code == 2);
    CHECK(parse(r.out).at("error").at("code") == "usage");
  }
  CHECK(a.journal() == before);
}

TEST_CASE("Cellcast: every command once, printed for a human") {
  cellcast_account a;

  auto cards = a.run({"list-cards"});
  REQUIRE(cards.exit_code == 0);
  CHECK(cards.out ==
        "ID      BRAND  LAST4  EXPIRES  FUNDING  COUNTRY  NAME\n"
        "card_1  Visa   4242   12/2030  credit   AU       -\n");
  CHECK(cards.err.empty());

  auto bought = a.run({"purchase", "--card", "card_1", "--product", "prod_M1", "--number",
                       "66ea98514f0c1a121c76ec17", "--cycle", "month"});
  REQUIRE(bought.exit_code == 0);
  CHECK(bought.out ==
        "Bought virtual number 66ea98514f0c1a121c76ec17 (month, product prod_M1, card card_1): "
        "Payment is Successful. "
        "Dedicated Number has been assigned you.\n");

  auto postpaid = a.run({"purchase-postpaid", "--number", "66ea98514f0c1a121c76ec18"});
  REQUIRE(postpaid.exit_code == 0);
  CHECK(postpaid.out.starts_with("Bought virtual number 66ea98514f0c1a121c76ec18 (postpaid): "));

  auto released = a.run({"unsubscribe", "66ea98514f0c1a121c76ec17"});
  REQUIRE(released.exit_code == 0);
  CHECK(released.out ==
        "Released virtual number 66ea98514f0c1a121c76ec17: Virtual number has been unsubscribed "
        "successfully.\n");

  auto added = a.run({"add-custom-number", "--name", "Support line", "--number", "0400 000 000"});
  REQUIRE(added.exit_code == 0);
  CHECK(added.out ==
        "OTP sent to custom number +61400000000 (Support line): verify it with: vnumctl cellcast "
        "verify-custom-number --name 'Support line' --number +61400000000 --otp CODE\n");

  auto otp = a.admin(http::method::get, "/_fake/otp?number=61400000000");
  REQUIRE(otp.status == 200);
  const std::string code(parse(otp.body).at("otp").as_string());
  auto verified = a.run({"verify-custom-number", "--name", "Support line", "--number",
                         "+61400000000", "--otp", code});
  REQUIRE(verified.exit_code == 0);
  CHECK(verified.out ==
        "Verified custom number +61400000000 (Support line): OTP Verified Successfully!\n");
  CHECK(verified.out.find(code) == std::string::npos);

  auto listed = a.run({"list-custom-numbers"});
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out ==
        "NUMBER        NAME\n"
        "+61400000000  Support line\n");

  auto business = a.run(with({"add-business-name"}, business_flags));
  REQUIRE(business.exit_code == 0);
  CHECK(business.out.starts_with("Requested business name Pizza Biz: "));

  auto journal = parse(a.journal()).as_array();
  CHECK(journal.size() == 8);
  for (const auto& e : journal) CHECK(e.at("headers").at("authorization") == "Bearer ***");
}

TEST_CASE("IdentityCall: every command once, printed for a human") {
  identitycall_account a;

  auto offers = a.run({"search", "--country", "US", "--type", "local"});
  REQUIRE(offers.exit_code == 0);
  CHECK(offers.out.starts_with("PHONE NUMBER  COUNTRY  TYPE   "));
  CHECK(lines(offers.out) == 3);

  auto bought = a.run({"purchase", "--phone-number", "+15551230001", "--country-code", "US",
                       "--type", "local", "--name", "Main", "--requirement-group-id", "1"});
  REQUIRE(bought.exit_code == 0);
  CHECK(bought.out == "Bought +15551230001 (Main), id 1, US\n");

  auto numbers = a.run({"list"});
  REQUIRE(numbers.exit_code == 0);
  CHECK(numbers.out ==
        "ID  PHONE NUMBER  NAME  COUNTRY  ACTIVE  OPERATORS\n"
        "1   +15551230001  Main  US       yes     0\n");

  auto detail = a.run({"get", "1"});
  REQUIRE(detail.exit_code == 0);
  CHECK(detail.out.starts_with("id               1\nphone number     +15551230001\n"));
  CHECK(detail.out.find("available        10 Ada Lovelace +15550000001\n") != std::string::npos);

  auto updated =
      a.run({"update", "1", "--name", "Sales", "--routing", "round_robin", "--recording", "false"});
  REQUIRE(updated.exit_code == 0);
  CHECK(updated.out ==
        "Updated virtual number 1: +15551230001 (Sales), active yes, recording no, routing "
        "round_robin\n");

  auto attached = a.run({"add-operator", "1", "--operator-id", "10"});
  REQUIRE(attached.exit_code == 0);
  CHECK(attached.out ==
        "Added the operator to virtual number 1 +15551230001 (Sales); its operators: Ada "
        "Lovelace (10)\n");

  auto detached = a.run({"remove-operator", "1", "--operator-id", "10"});
  REQUIRE(detached.exit_code == 0);
  CHECK(detached.out ==
        "Removed operator 10 from virtual number 1 +15551230001 (Sales); its operators: -\n");

  auto operators = a.run({"list-operators"});
  REQUIRE(operators.exit_code == 0);
  CHECK(operators.out ==
        "ID  NAME          PHONE NUMBER  EMAIL  ACTIVE  NUMBERS\n"
        "10  Ada Lovelace  +15550000001  -      yes     0\n");

  auto created = a.run({"create-operator", "--name", "Grace Hopper", "--phone-number",
                        "+15550000002", "--email", "grace@example.com", "--active", "true"});
  REQUIRE(created.exit_code == 0);
  CHECK(created.out == "Created operator 11: Grace Hopper +15550000002\n");

  auto got = a.run({"get-operator", "11"});
  REQUIRE(got.exit_code == 0);
  CHECK(got.out.find("email         grace@example.com\n") != std::string::npos);

  auto changed = a.run({"update-operator", "11", "--name", "Grace B. Hopper", "--clear-email"});
  REQUIRE(changed.exit_code == 0);
  CHECK(changed.out == "Updated operator 11: Grace B. Hopper +15550000002, email -, active yes\n");

  auto deleted = a.run({"delete-operator", "11"});
  REQUIRE(deleted.exit_code == 0);
  CHECK(deleted.out == "Deleted operator 11\n");

  CHECK(parse(a.journal()).as_array().size() == 12);
}

TEST_CASE("--json: each result is one JSON document with the typed result's fields") {
  SECTION("Cellcast") {
    cellcast_account a;
    auto cards = a.run({"list-cards"}, {"--json"});
    REQUIRE(cards.exit_code == 0);
    CHECK(lines(cards.out) == 1);
    const auto card = parse(cards.out).as_array().at(0).as_object();
    CHECK(card.at("id") == "card_1");
    CHECK(card.at("last4") == "4242");
    CHECK(card.at("exp_year") == 2030);
    CHECK(card.at("name").is_null());

    auto bought = a.run({"purchase", "--card", "card_1", "--product", "prod_M1", "--number",
                         "66ea98514f0c1a121c76ec17", "--cycle", "month", "--json"});
    REQUIRE(bought.exit_code == 0);
    CHECK(parse(bought.out).at("message") ==
          "Payment is Successful. Dedicated Number has been assigned you.");

    auto added = a.run({"add-custom-number", "--name", "S", "--number", "0400000000"}, {"--json"});
    REQUIRE(added.exit_code == 0);
    CHECK(parse(added.out).at("otp_required") == true);

    auto listed = a.run({"list-custom-numbers"}, {"--json"});
    REQUIRE(listed.exit_code == 0);
    CHECK(parse(listed.out).as_array().empty());  // awaiting its OTP
  }
  SECTION("IdentityCall") {
    identitycall_account a;
    auto offers = a.run({"search", "--type", "local", "--json"});
    REQUIRE(offers.exit_code == 0);
    CHECK(parse(offers.out).as_array().at(0).at("type") == "local");

    auto bought = a.run({"purchase", "--phone-number", "+15551230001", "--json"});
    REQUIRE(bought.exit_code == 0);
    const auto number = parse(bought.out);
    CHECK(number.at("id") == 1);
    CHECK(number.at("phone_number") == "+15551230001");
    CHECK(number.at("name").is_null());

    auto detail = a.run({"get", "1", "--json"});
    REQUIRE(detail.exit_code == 0);
    const auto d = parse(detail.out);
    CHECK(d.at("routing") == "priority");
    CHECK(d.at("available_operators").as_array().at(0).at("id") == 10);
    CHECK(d.at("stats").at("total_calls") == 0);

    auto created =
        a.run({"create-operator", "--name", "Grace", "--phone-number", "+15550000002", "--json"});
    REQUIRE(created.exit_code == 0);
    CHECK(parse(created.out).at("id") == 11);

    auto deleted = a.run({"delete-operator", "11", "--json"});
    REQUIRE(deleted.exit_code == 0);
    CHECK(parse(deleted.out) == json::parse(R"({"id": 11, "deleted": true})"));

    a.arm(R"({"kind": "status", "status": 429, "retry_after": 7})");
    auto limited = a.run({"list", "--json"});
    CHECK(limited.exit_code == 1);
    const auto e = parse(limited.out).at("error");
    CHECK(e.at("code") == "rate_limited");
    CHECK(e.at("http_status") == 429);
    CHECK(e.at("retry_after") == 7);
    CHECK(e.at("field").is_null());
    CHECK(e.at("message").is_string());
    CHECK(e.as_object().contains("provider_message"));
    CHECK(lines(limited.err) == 1);
  }
}

TEST_CASE("--dry-run prints the exact request, secrets masked, and sends nothing") {
  SECTION("Cellcast") {
    cellcast_account a;
    const auto before = a.journal();

    auto card = a.run({"purchase", "--card", "card_1", "--product", "prod_M1", "--number",
                       "66ea98514f0c1a121c76ec17", "--cycle", "month"},
                      {"--dry-run"});
    REQUIRE(card.exit_code == 0);
    CHECK(card.out ==
          "POST " + a.url() +
              "/api/v1/apiClient/virtual-number/purchase\n"
              "authorization: Bearer ***\n"
              "content-type: application/json\n"
              "accept: application/json\n"
              "user-agent: vnum/" VNUM_VERSION_STRING
              "\n\n"
              R"({"card":"card_1","product":"prod_M1","number":"66ea98514f0c1a121c76ec17",)"
              R"("recurring_time":"month","resubscribe":false})"
              "\n");

    auto token = a.run({"purchase", "--token", "tok_visa_4242", "--product", "prod_M1", "--number",
                        "66ea98514f0c1a121c76ec17", "--cycle", "month"},
                       {"--dry-run"});
    REQUIRE(token.exit_code == 0);
    CHECK(token.out.find(R"("token":"***")") != std::string::npos);
    CHECK(token.out.find("tok_visa_4242") == std::string::npos);

    auto becs = a.run({"purchase", "--becs-email", "a@b.com.au", "--becs-name", "A B", "--becs-bsb",
                       "062000", "--becs-account", "987654321", "--product", "prod_Y1", "--number",
                       "66ea98514f0c1a121c76ec17", "--cycle", "year"},
                      {"--dry-run", "--json"});
    REQUIRE(becs.exit_code == 0);
    const auto request = parse(becs.out).at("request");
    CHECK(request.at("method") == "POST");
    CHECK(request.at("headers").at("authorization") == "Bearer ***");
    CHECK(request.at("body").at("becs_account_number") == "***");
    CHECK(request.at("body").at("becs_bsb_number") == "062000");
    CHECK(becs.out.find("987654321") == std::string::npos);

    auto otp =
        a.run({"verify-custom-number", "--name", "S", "--number", "0400000000", "--otp", "918273"},
              {"--dry-run"});
    REQUIRE(otp.exit_code == 0);
    CHECK(otp.out.ends_with(R"({"name":"S","number":"+61400000000","otp":"***"})"
                            "\n"));
    CHECK(otp.out.find("918273") == std::string::npos);

    auto release = a.run({"unsubscribe", "66ea98514f0c1a121c76ec17"}, {"--dry-run"});
    REQUIRE(release.exit_code == 0);
    CHECK(release.out.starts_with(
        "PUT " + a.url() +
        "/api/v1/apiClient/virtual-number/unsubscribe/66ea98514f0c1a121c76ec17\n"));

    auto refused =
        a.run({"add-custom-number", "--name", "S", "--number", "0500 000 000"}, {"--dry-run"});
    CHECK(refused.exit_code == 3);
    CHECK(refused.out.empty());

    CHECK(a.journal() == before);
  }
  SECTION("IdentityCall") {
    identitycall_account a;
    const auto before = a.journal();
    auto bought = a.run({"purchase", "--phone-number", "+15551230001", "--country-code", "US"},
                        {"--dry-run"});
    REQUIRE(bought.exit_code == 0);
    CHECK(bought.out.starts_with("POST " + a.url() + "/api/v1/public/virtual_numbers/purchase\n"));
    CHECK(bought.out.ends_with(R"({"phone_number":"+15551230001","country_code":"US"})"
                               "\n"));
    auto deleted = a.run({"delete-operator", "10"}, {"--dry-run", "--json"});
    REQUIRE(deleted.exit_code == 0);
    const auto request = parse(deleted.out).at("request");
    CHECK(request.at("method") == "DELETE");
    CHECK(request.at("url").as_string() == a.url() + "/api/v1/public/operators/10");
    CHECK(request.at("body").is_null());
    CHECK(a.journal() == before);
  }
}

TEST_CASE("exit 3: a validator refuses the request, and nothing is sent") {
  SECTION("Cellcast: an invalid Australian number") {
    cellcast_account a;
    auto r = a.run({"add-custom-number", "--name", "Support", "--number", "0500 000 000"});
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "vnumctl: invalid_argument: number: is not an Australian mobile (4…) or geographic (2, "
          "3, 7, 8…) number (refused before sending: nothing was sent)\n");
    auto as_json =
        a.run({"add-custom-number", "--name", "Support", "--number", "0500 000 000"}, {"--json"});
    CHECK(as_json.exit_code == 3);
    const auto e = parse(as_json.out).at("error");
    CHECK(e.at("code") == "invalid_argument");
    CHECK(e.at("http_status") == 0);
    CHECK(e.at("field") == "number");
    CHECK(a.requests() == 0);
  }
  SECTION("IdentityCall: a number that is not E.164") {
    identitycall_account a;
    auto r = a.run({"purchase", "--phone-number", "+1 555 123 0001"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("phone_number") != std::string::npos);
    CHECK(a.requests() == 0);
  }
}

TEST_CASE("exit 4: a lost answer is outcome_unknown, and the message says how to reconcile") {
  SECTION("IdentityCall: the purchase went through") {
    identitycall_account a;
    a.arm(R"({"kind": "response_lost", "route": "purchase_number"})");
    auto r = a.run({"purchase", "--phone-number", "+15551230001", "--country-code", "US"});
    CHECK(r.exit_code == 4);
    CHECK(r.out.empty());
    CHECK(lines(r.err) == 1);
    CHECK(r.err.starts_with("vnumctl: outcome_unknown: "));
    CHECK(r.err.find("run `vnumctl identitycall list` to see whether +15551230001 is on the "
                     "account before buying again") != std::string::npos);
    auto owned = a.run({"list"});
    REQUIRE(owned.exit_code == 0);
    CHECK(owned.out.find("+15551230001") != std::string::npos);  // bought: never buy it again
  }
  SECTION("Cellcast, with --json: the error names the code and the reconcile command") {
    cellcast_account a;
    a.arm(R"({"kind": "response_lost", "route": "add_custom_number"})");
    auto r = a.run({"add-custom-number", "--name", "S", "--number", "0400000000"}, {"--json"});
    CHECK(r.exit_code == 4);
    const auto e = parse(r.out).at("error");
    CHECK(e.at("code") == "outcome_unknown");
    CHECK(std::string(e.at("reconcile").as_string()).find("vnumctl cellcast list-custom-numbers") !=
          std::string::npos);
    CHECK(a.requests() == 1);
  }
}

TEST_CASE("exit 1: the provider refuses or fails") {
  SECTION("IdentityCall: a requirement group not approved") {
    identitycall_account a;
    auto r = a.run({"purchase", "--phone-number", "+15551230002", "--requirement-group-id", "2"});
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          "vnumctl: unprocessable (HTTP 422): Requirement group must be approved before "
          "purchasing\n");
  }
  SECTION("Cellcast: a number bought already; an expired key") {
    cellcast_account a;
    const std::vector<std::string> buy{"purchase",
                                       "--card",
                                       "card_1",
                                       "--product",
                                       "prod_M1",
                                       "--number",
                                       "66ea98514f0c1a121c76ec17",
                                       "--cycle",
                                       "month"};
    REQUIRE(a.run(buy).exit_code == 0);
    auto again = a.run(buy);
    CHECK(again.exit_code == 1);
    CHECK(again.err.starts_with("vnumctl: invalid_argument (HTTP 400): "));
    a.arm(R"({"kind": "status", "status": 401})");
    auto expired = a.run({"list-cards"});
    CHECK(expired.exit_code == 1);
    CHECK(expired.err.starts_with("vnumctl: unauthorized (HTTP 401)"));
  }
  SECTION("no server listening: the connection is refused") {
    auto r = vnumctl({"--base-url", "http://127.0.0.1:1", "cellcast", "list-cards"},
                     {"CELLCAST_API_KEY=" + cellcast_key});
    CHECK(r.exit_code == 1);
    CHECK(r.err.starts_with("vnumctl: transport: "));
  }
}

TEST_CASE("--api-key-file: the key from the first line of a file") {
  identitycall_account a;
  const auto file = a.dir().write("key", identitycall_key + "\n");
  // The file wins over the environment, whose key is wrong here.
  auto r = vnumctl({"--base-url", a.url(), "--api-key-file", file, "identitycall", "list"},
                   {"IDENTITYCALL_API_KEY=idc_wrong"});
  CHECK(r.exit_code == 0);
  auto empty = vnumctl({"--base-url", a.url(), "--api-key-file", a.dir().write("empty", "\n"),
                        "identitycall", "list"});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("empty") != std::string::npos);
  auto missing = vnumctl(
      {"--base-url", a.url(), "--api-key-file", "/nonexistent/key", "identitycall", "list"});
  CHECK(missing.exit_code == 2);
  auto wrong =
      vnumctl({"--base-url", a.url(), "identitycall", "list"}, {"IDENTITYCALL_API_KEY=idc_wrong"});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.starts_with("vnumctl: unauthorized (HTTP 401)"));
}

TEST_CASE(
    "--record: each exchange appended to a cassette, secrets redacted; it replays, and the "
    "fake conforms to it") {
  cellcast_account a;
  const std::string cassette = a.dir().reserve("flow.cassette.json");
  REQUIRE(a.run({"list-cards"}, {"--record", cassette}).exit_code == 0);
  // A second run continues the same cassette.
  REQUIRE(a.run({"purchase", "--token", "tok_SECRET_visa", "--product", "prod_M1", "--number",
                 "66ea98514f0c1a121c76ec17", "--cycle", "month"},
                {"--record", cassette})
              .exit_code == 0);

  const auto recorded = vnum::testing::load_cassette(cassette);
  REQUIRE(recorded);
  CHECK(recorded->source == "recorded by vnumctl " VNUM_VERSION_STRING " from " + a.url());
  REQUIRE(recorded->exchanges.size() == 2);
  CHECK(recorded->exchanges[0].request.url == a.url() + "/api/v1/user/getCards");
  CHECK(recorded->exchanges[1].request.url ==
        a.url() + "/api/v1/apiClient/virtual-number/purchase");
  CHECK(recorded->exchanges[1].request.headers.front() ==
        http::header{"authorization", "Bearer ***"});
  CHECK(parse(recorded->exchanges[1].request.body).at("token") == "***");
  REQUIRE(recorded->exchanges[1].response);
  CHECK(recorded->exchanges[1].response->status == 200);
  CHECK(file_text(cassette).find("SECRET") == std::string::npos);

  vnum::cellcast::config cfg;
  cfg.api_key = "any-key";
  cfg.base_url = a.url();
  vnum::cellcast::client<vnum::testing::replay_transport> replayed{
      vnum::testing::replay_transport{cassette}, cfg};
  const auto cards = replayed.list_cards();
  REQUIRE(cards);
  REQUIRE(cards->size() == 1);
  CHECK(cards->front().id == "card_1");
  vnum::cellcast::purchase_request buy;
  buy.token = "tok_any";
  buy.product = "prod_M1";
  buy.number = "66ea98514f0c1a121c76ec17";
  buy.recurring_time = vnum::cellcast::billing_cycle::month;
  CHECK(replayed.purchase_virtual_number(buy));
  CHECK(replayed.transport().all_played());

  auto check = proc::run({path_from("VNUM_FAKE_SERVER"), "cellcast", "--world",
                          a.dir().write("check-world.json", cellcast_world), "--check", cassette},
                         {});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.out.starts_with("conforms: 2 exchanges, 0 differences"));
}

TEST_CASE(
    "--record: a file that is not a cassette, or cannot be written, is exit 2 and nothing "
    "is sent") {
  cellcast_account a;
  const std::string not_cassette = a.dir().write("notes.txt", "shopping list\n");
  auto refused = a.run({"list-cards"}, {"--record", not_cassette});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "vnumctl: --record: " + not_cassette +
                           ":1: not JSON: syntax error (not a cassette; nothing was sent)\n");
  auto unwritable = a.run({"list-cards"}, {"--record", "/nonexistent/dir/flow.json"});
  CHECK(unwritable.exit_code == 2);
  CHECK(unwritable.err ==
        "vnumctl: --record: /nonexistent/dir/flow.json: cannot write "
        "/nonexistent/dir/flow.json.tmp (nothing was sent)\n");
  CHECK(a.requests() == 0);
  CHECK(file_text(not_cassette) == "shopping list\n");
}

TEST_CASE("--verbose prints each attempt on stderr, and never the key") {
  identitycall_account a;
  a.arm(R"({"kind": "status", "status": 503, "route": "purchase_number"})");
  auto failed = a.run({"purchase", "--phone-number", "+15551230001"}, {"--verbose"});
  CHECK(failed.exit_code == 4);  // a creating write's 5xx: outcome_unknown
  const std::string purchase =
      "vnumctl: identitycall purchase_number (creating_write) attempt 1: POST "
      "/api/v1/public/virtual_numbers/purchase -> 503 in ";
  CHECK(failed.err.starts_with(purchase));
  CHECK(failed.err.find(" ms (outcome_unknown): outcome_unknown\n") != std::string::npos);

  auto listed = a.run({"list"}, {"--verbose"});
  REQUIRE(listed.exit_code == 0);
  CHECK(
      listed.err.starts_with("vnumctl: identitycall list_virtual_numbers (read) page 1 attempt 1: "
                             "GET /api/v1/public/virtual_numbers -> 200 in "));
  CHECK(listed.err.ends_with(" ms: success\n"));
  CHECK(lines(listed.err) == 1);

  auto refused = a.run({"purchase", "--phone-number", "555"}, {"--verbose"});
  CHECK(refused.exit_code == 3);
  CHECK(
      refused.err.starts_with("vnumctl: identitycall purchase_number (creating_write): not sent "
                              "(invalid_argument): error\n"));
  for (const auto* r : {&failed, &listed, &refused})
    CHECK(r->err.find(identitycall_key) == std::string::npos);
}
