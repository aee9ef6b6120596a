// vnumctl's intent ledger commands end to end: `vnumctl ledger list|resolve` and `vnumctl
// identitycall|cellcast reconcile`, run as processes against a SQLite ledger the test fills through
// vnum::sqlite_ledger (and, for reconcile, vnum-fake-server on 127.0.0.1). The exact lines, the
// --json fields, each exit code, and a ledger's connection string (its password) in no output.
// Paths come from meson (VNUMCTL, VNUM_FAKE_SERVER).
#include <vnum/ledger/sqlite.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>

#include "../process.hpp"
#include "account.hpp"
#include "run.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace http = vnum::http;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

using cli::lines;
using cli::parse;

const std::string cellcast_key = "cc_cli_SECRET_key";
const std::string identitycall_key = "idc_cli_SECRET_key";
const std::string password = "hunter2";

const std::string cellcast_world = R"({"api_key": "cc_cli_SECRET_key", "cards": ["card_1"]})";

const std::string identitycall_world = R"({
  "api_key": "idc_cli_SECRET_key",
  "available": [
    {"phone_number": "+15551230001", "country_code": "US", "number_type": "local"},
    {"phone_number": "+15551230002", "country_code": "US", "number_type": "local"}
  ]
})";

// No output of any run shows a key or a ledger's password.
void check_no_secret(const proc::outcome& r) {
  for (const std::string* text : {&r.out, &r.err}) {
    CHECK(text->find("SECRET") == std::string::npos);
    CHECK(text->find(password) == std::string::npos);
  }
}

// vnumctl ARGS... with exactly the environment `env`, no output showing a secret.
proc::outcome vnumctl(std::vector<std::string> args, std::vector<std::string> env = {}) {
  return cli::vnumctl(std::move(args), std::move(env), check_no_secret);
}

std::string text(const json::value& v) {
  INFO(json::serialize(v));
  REQUIRE(v.is_string());
  return std::string(v.as_string());
}

// `text` padded with spaces to `width` columns, and the two spaces between columns.
std::string cell(const std::string& text, std::size_t width) {
  return text + std::string(width - text.size() + 2, ' ');
}

// A SQLite ledger file in a temporary directory, open in this process as the application would
// have it; vnumctl opens the same file.
class ledger_file {
 public:
  ledger_file() : path_(dir_.reserve("intents.db")) {
    dir_.reserve("intents.db-wal");
    dir_.reserve("intents.db-shm");
    auto opened = vnum::sqlite_ledger::open(path_);
    REQUIRE(opened);
    ledger_.emplace(std::move(*opened));
  }

  std::string spec() const { return "sqlite:" + path_; }
  vnum::sqlite_ledger& ledger() { return *ledger_; }

  // A claim won now by a new owner, with `lease`.
  std::string claim(const std::string& key, const std::string& operation,
                    const std::string& fingerprint, std::chrono::milliseconds lease) {
    vnum::intent_claim c{key, operation, fingerprint, vnum::detail::new_owner_token(), lease};
    auto won = ledger_->claim(c);
    REQUIRE(won);
    REQUIRE(won->won);
    return c.owner;
  }

  // An intent whose call ended in outcome_unknown.
  void unknown(const std::string& key, const std::string& operation,
               const std::string& fingerprint) {
    const auto owner = claim(key, operation, fingerprint, 5min);
    vnum::settlement s;
    s.state = vnum::intent_state::unknown;
    s.refusal = vnum::make_error(vnum::errc::outcome_unknown,
                                 "the connection dropped after the request was sent");
    s.note = "answer";
    REQUIRE(ledger_->settle(key, owner, s));
    std::this_thread::sleep_for(5ms);  // the next one is claimed later: a fixed order
  }

  // A pending intent whose owner died: its short lease ran out.
  void abandoned(const std::string& key, const std::string& operation,
                 const std::string& fingerprint) {
    (void)claim(key, operation, fingerprint, 1ms);
    std::this_thread::sleep_for(10ms);
  }

  vnum::intent_record find(const std::string& key) {
    auto r = ledger_->find(key);
    REQUIRE(r);
    REQUIRE(r->has_value());
    return **r;
  }

  bool holds(const std::string& key) {
    auto r = ledger_->find(key);
    REQUIRE(r);
    return r->has_value();
  }

 private:
  proc::temp_dir dir_;
  std::string path_;
  std::optional<vnum::sqlite_ledger> ledger_;
};

// vnum-fake-server for one provider, every vnumctl output checked for secrets.
struct fake_account : cli::fake_account {
  fake_account(std::string provider, const std::string& world, std::string key)
      : cli::fake_account(std::move(provider), world, std::move(key), check_no_secret) {}
};

// The fingerprint of IdentityCall's purchase of `phone`, as the client's intent keeps it.
std::string purchase_fingerprint(const std::string& base_url, const std::string& phone) {
  vnum::identitycall::config cfg;
  cfg.api_key = identitycall_key;
  cfg.base_url = base_url;
  vnum::identitycall::purchase_request req;
  req.phone_number = phone;
  auto built = vnum::identitycall::build_purchase_number(cfg, req);
  REQUIRE(built);
  return vnum::detail::request_fingerprint(*built);
}

const std::string ic_purchase = "identitycall.purchase_number";
const std::string cc_purchase = "cellcast.purchase_virtual_number";
const std::string lost = "the connection dropped after the request was sent";

}  // namespace

TEST_CASE("vnumctl ledger --help: the commands, SPEC, and reconcile in each provider") {
  auto top = vnumctl({"--help"});
  REQUIRE(top.exit_code == 0);
  CHECK(top.out.find("  ledger ") != std::string::npos);
  CHECK(top.out.find("SPEC is sqlite:PATH or postgres:CONNINFO") != std::string::npos);

  auto ledger = vnumctl({"ledger", "--help"});
  REQUIRE(ledger.exit_code == 0);
  CHECK(ledger.out.find("  list ") != std::string::npos);
  CHECK(ledger.out.find("  resolve ") != std::string::npos);

  auto resolve = vnumctl({"ledger", "resolve", "--help"});
  REQUIRE(resolve.exit_code == 0);
  for (const char* flag :
       {"KEY", "--ledger", "--took-effect", "--no-effect", "--note", "--answer-file", "--status"})
    CHECK(resolve.out.find(flag) != std::string::npos);

  for (const char* provider : {"identitycall", "cellcast"}) {
    auto help = vnumctl({provider, "reconcile", "--help"});
    REQUIRE(help.exit_code == 0);
    CHECK(help.out.find(std::string("Usage: vnumctl ") + provider + " reconcile") !=
          std::string::npos);
    CHECK(help.out.find("N settled, M left unsettled") != std::string::npos);
    CHECK(help.out.find("Exit 0 when it ran") != std::string::npos);
  }
}

TEST_CASE("vnumctl ledger list: the unsettled intents, oldest first, as text and --json") {
  ledger_file f;

  SECTION("none") {
    auto empty = vnumctl({"ledger", "list", "--ledger", f.spec()});
    REQUIRE(empty.exit_code == 0);
    CHECK(empty.out == "No unsettled intents.\n");
    CHECK(empty.err.empty());
    auto as_json = vnumctl({"--json", "ledger", "list", "--ledger", f.spec()});
    REQUIRE(as_json.exit_code == 0);
    CHECK(parse(as_json.out) == json::array());
  }

  SECTION("unknown, pending with its owner gone, pending and live; not a settled one") {
    f.unknown("order-1", ic_purchase, "POST https://api.example/numbers\n{\"a\":1}");
    f.abandoned("order-2", cc_purchase, "POST https://cellcast.example/buy\n{\"b\":2}");
    (void)f.claim("order-3", ic_purchase, "POST https://api.example/numbers\n{\"c\":3}", 1h);
    const auto done = f.claim("order-4", ic_purchase, "POST https://api.example/numbers\n{}", 1h);
    vnum::settlement ok;
    ok.state = vnum::intent_state::succeeded;
    ok.note = "answer";
    REQUIRE(f.ledger().settle("order-4", done, ok));

    const auto one = f.find("order-1");
    const auto two = f.find("order-2");
    const auto three = f.find("order-3");
    const std::string live = "pending (live, lease to " + vnum::to_iso8601(three.lease_until) + ")";
    REQUIRE(live.size() == 49);

    auto listed = vnumctl({"ledger", "list", "--ledger", f.spec()});
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.err.empty());
    CHECK(listed.out ==
          cell("KEY", 7) + cell("OPERATION", 32) + cell("STATE", 49) + cell("CREATED", 24) +
              "DETAIL\n" + cell("order-1", 7) + cell(ic_purchase, 32) + cell("unknown", 49) +
              cell(vnum::to_iso8601(one.created_at), 24) + lost + "\n" + cell("order-2", 7) +
              cell(cc_purchase, 32) + cell("pending (owner gone)", 49) +
              cell(vnum::to_iso8601(two.created_at), 24) + "-\n" + cell("order-3", 7) +
              cell(ic_purchase, 32) + cell(live, 49) +
              cell(vnum::to_iso8601(three.created_at), 24) + "-\n");

    auto as_json = vnumctl({"ledger", "list", "--ledger", f.spec(), "--json"});
    REQUIRE(as_json.exit_code == 0);
    CHECK(lines(as_json.out) == 1);
    const auto items = parse(as_json.out).as_array();
    REQUIRE(items.size() == 3);
    const auto& u = items.at(0).as_object();
    CHECK(u.at("key") == "order-1");
    CHECK(text(u.at("operation")) == ic_purchase);
    CHECK(u.at("state") == "unknown");
    CHECK(u.at("owner_alive") == false);
    CHECK(u.at("lease_until").is_null());
    CHECK(text(u.at("created_at")) == vnum::to_iso8601(one.created_at));
    CHECK(u.at("refusal").at("code") == "outcome_unknown");
    CHECK(text(u.at("refusal").at("message")) == lost);
    CHECK(u.at("note") == "answer");
    CHECK(text(u.at("fingerprint")) == one.fingerprint);
    const auto& gone = items.at(1).as_object();
    CHECK(gone.at("state") == "pending");
    CHECK(gone.at("owner_alive") == false);
    CHECK(text(gone.at("lease_until")) == vnum::to_iso8601(two.lease_until));
    CHECK(gone.at("refusal").is_null());
    CHECK(gone.at("note").is_null());
    const auto& held = items.at(2).as_object();
    CHECK(held.at("key") == "order-3");
    CHECK(held.at("owner_alive") == true);
    CHECK(text(held.at("lease_until")) == vnum::to_iso8601(three.lease_until));
  }
}

TEST_CASE("vnumctl ledger resolve --took-effect: settled as succeeded, by a person") {
  ledger_file f;
  f.unknown("order-1", ic_purchase, "POST https://api.example/numbers\n{}");
  f.abandoned("order-2", cc_purchase, "POST https://cellcast.example/buy\n{}");

  auto resolved = vnumctl({"ledger", "resolve", "order-1", "--ledger", f.spec(), "--took-effect",
                           "--note", "the dashboard shows +15551230001"});
  REQUIRE(resolved.exit_code == 0);
  CHECK(resolved.out ==
        "Resolved intent key \"order-1\": succeeded (person: the dashboard shows +15551230001)\n");
  CHECK(resolved.err.empty());
  const auto one = f.find("order-1");
  CHECK(one.state == vnum::intent_state::succeeded);
  CHECK(one.note == "person: the dashboard shows +15551230001");
  CHECK(one.answer_status == 0);
  CHECK(one.answer_body.empty());

  // The abandoned one, with the answer a person kept, as --json.
  proc::temp_dir dir;
  const std::string body = R"({"message":"Payment is Successful."})";
  const auto answer = dir.write("answer.json", body);
  auto with_answer = vnumctl({"--json", "ledger", "resolve", "order-2", "--ledger", f.spec(),
                              "--took-effect", "--answer-file", answer, "--status", "200"});
  REQUIRE(with_answer.exit_code == 0);
  CHECK(parse(with_answer.out) == json::parse(R"({"key": "order-2", "resolved": "took_effect",
      "state": "succeeded", "note": "person", "answer_status": 200})"));
  const auto two = f.find("order-2");
  CHECK(two.state == vnum::intent_state::succeeded);
  CHECK(two.note == "person");
  CHECK(two.answer_status == 200);
  CHECK(two.answer_body == body);

  auto listed = vnumctl({"ledger", "list", "--ledger", f.spec()});
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out == "No unsettled intents.\n");
}

TEST_CASE("vnumctl ledger resolve --no-effect: the key is forgotten, free to be sent again") {
  ledger_file f;
  f.unknown("order-1", ic_purchase, "POST https://api.example/numbers\n{}");

  auto forgot = vnumctl({"ledger", "resolve", "order-1", "--no-effect", "--ledger", f.spec()});
  REQUIRE(forgot.exit_code == 0);
  CHECK(forgot.out ==
        "Forgot intent key \"order-1\": it did not take effect; the same key may be sent again\n");
  CHECK_FALSE(f.holds("order-1"));
  (void)f.claim("order-1", ic_purchase, "POST https://api.example/numbers\n{}", 1min);

  f.abandoned("order-2", cc_purchase, "POST https://cellcast.example/buy\n{}");
  auto as_json =
      vnumctl({"--json", "ledger", "resolve", "order-2", "--no-effect", "--ledger", f.spec()});
  REQUIRE(as_json.exit_code == 0);
  CHECK(parse(as_json.out) ==
        json::parse(R"({"key": "order-2", "resolved": "no_effect", "state": null})"));
  CHECK_FALSE(f.holds("order-2"));
}

TEST_CASE("vnumctl ledger resolve: a live, settled or absent intent is exit 1, left as it was") {
  ledger_file f;
  (void)f.claim("live", ic_purchase, "POST https://api.example/numbers\n{}", 1h);
  const auto lease = vnum::to_iso8601(f.find("live").lease_until);
  auto failed = [](const proc::outcome& r, const std::string& says) {
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(lines(r.err) == 1);
    CHECK(r.err == "vnumctl: " + says + "\n");
  };

  failed(vnumctl({"ledger", "resolve", "live", "--took-effect", "--ledger", f.spec()}),
         "conflict: intent key \"live\": its owner is still sending it (lease to " + lease + ")");
  failed(vnumctl({"ledger", "resolve", "live", "--no-effect", "--ledger", f.spec()}),
         "conflict: intent key \"live\": its owner is still sending it (lease to " + lease + ")");
  CHECK(f.find("live").state == vnum::intent_state::pending);

  f.unknown("twice", ic_purchase, "POST https://api.example/numbers\n{}");
  REQUIRE(
      vnumctl({"ledger", "resolve", "twice", "--took-effect", "--ledger", f.spec()}).exit_code ==
      0);
  failed(vnumctl({"ledger", "resolve", "twice", "--no-effect", "--ledger", f.spec()}),
         "conflict: intent key \"twice\": already succeeded");

  failed(vnumctl({"ledger", "resolve", "nobody", "--took-effect", "--ledger", f.spec()}),
         "not_found: intent key \"nobody\": no such intent");

  auto as_json =
      vnumctl({"--json", "ledger", "resolve", "live", "--took-effect", "--ledger", f.spec()});
  CHECK(as_json.exit_code == 1);
  CHECK(parse(as_json.out).at("error").at("code") == "conflict");

  // A file that is not there is not created.
  proc::temp_dir dir;
  const auto missing = dir.reserve("missing.db");
  failed(vnumctl({"ledger", "list", "--ledger", "sqlite:" + missing}),
         "not_found: sqlite ledger " + missing +
             ": no such file (a ledger is created by the first call that claims a key in it)");
}

TEST_CASE("vnumctl ledger: usage errors are exit 2, one line, and never repeat SPEC") {
  ledger_file f;
  f.unknown("order-1", ic_purchase, "POST https://api.example/numbers\n{}");
  proc::temp_dir dir;
  const auto answer = dir.write("answer.json", "{}");
  auto usage = [](const proc::outcome& r, const std::string& says) {
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(lines(r.err) == 1);
    CHECK(r.err.starts_with("vnumctl: "));
    CHECK(r.err.find(says) != std::string::npos);
  };
  auto resolve = [&f](std::vector<std::string> flags) {
    std::vector<std::string> args{"ledger", "resolve", "order-1", "--ledger", f.spec()};
    args.insert(args.end(), flags.begin(), flags.end());
    return vnumctl(std::move(args));
  };

  usage(vnumctl({"ledger", "list"}), "--ledger is required");
  usage(vnumctl({"ledger", "list", "--ledger", "mysql:host=db password=" + password}),
        "--ledger: must be sqlite:PATH or postgres:CONNINFO");
  usage(vnumctl({"ledger", "list", "--ledger", "sqlite:"}), "--ledger: must be");
  usage(vnumctl({"ledger", "list", "--ledger", "postgres:host=db password " + password}),
        "--ledger: must be");
  // A connection string the shell split in two: the stray word is not repeated either.
  usage(vnumctl({"ledger", "list", "--ledger", "postgres:host=db", "password=" + password}),
        "not expected: [redacted]");
  usage(vnumctl({"ledger", "bogus", "--ledger", f.spec()}), "unknown command: bogus");

  usage(resolve({}), "give exactly one of --took-effect or --no-effect");
  usage(resolve({"--took-effect", "--no-effect"}), "--took-effect excludes --no-effect");
  usage(resolve({"--took-effect", "--status", "200"}), "--status requires --answer-file");
  usage(resolve({"--took-effect", "--answer-file", answer}), "--answer-file requires --status");
  usage(resolve({"--took-effect", "--answer-file", answer, "--status", "99"}), "--status");
  usage(resolve({"--took-effect", "--answer-file", answer, "--status", "600"}), "--status");
  usage(resolve({"--no-effect", "--note", "checked"}), "--no-effect excludes --note");
  usage(vnumctl({"ledger", "resolve", "", "--took-effect", "--ledger", f.spec()}), "KEY: ");

  auto as_json = vnumctl({"--json", "ledger", "resolve", "order-1", "--ledger", f.spec()});
  CHECK(as_json.exit_code == 2);
  CHECK(parse(as_json.out).at("error").at("code") == "usage");

  CHECK(f.find("order-1").state == vnum::intent_state::unknown);  // nothing was changed
}

TEST_CASE("vnumctl ledger with postgres:CONNINFO: its password is in no output") {
  const std::string spec = "postgres:host=/nonexistent password=" + password;
  for (const bool as_json : {false, true}) {
    std::vector<std::string> globals;
    if (as_json) globals.emplace_back("--json");
    auto with = [&globals](std::vector<std::string> args) {
      args.insert(args.begin(), globals.begin(), globals.end());
      return args;
    };
    auto listed = vnumctl(with({"ledger", "list", "--ledger", spec}));
    CHECK(listed.exit_code == 1);
    CHECK(listed.err.starts_with("vnumctl: transport: postgres ledger: "));
    if (as_json) CHECK(parse(listed.out).at("error").at("code") == "transport");

    auto resolved = vnumctl(with({"ledger", "resolve", "k", "--took-effect", "--ledger", spec}));
    CHECK(resolved.exit_code == 1);

    // The URI form, the password in it.
    auto uri = vnumctl(with(
        {"ledger", "list", "--ledger", "postgres://u:" + password + "@/db?host=/nonexistent"}));
    CHECK(uri.exit_code == 1);
  }
  fake_account a("identitycall", identitycall_world, identitycall_key);
  auto reconciled = a.run({"reconcile", "--ledger", spec});
  CHECK(reconciled.exit_code == 1);
  CHECK(a.requests() == 0);
}

TEST_CASE("vnumctl identitycall reconcile: a lost purchase settled from List Virtual Numbers") {
  fake_account a("identitycall", identitycall_world, identitycall_key);
  ledger_file f;
  // The purchase went through; its answer was lost, and the intent was left unknown.
  REQUIRE(a.run({"purchase", "--phone-number", "+15551230001"}).exit_code == 0);
  f.unknown("order-1", ic_purchase, purchase_fingerprint(a.url(), "+15551230001"));

  auto reconciled = a.run({"reconcile", "--ledger", f.spec()});
  REQUIRE(reconciled.exit_code == 0);
  CHECK(reconciled.err.empty());
  const std::string detail = "reconciled: List Virtual Numbers holds the number +15551230001";
  CHECK(reconciled.out == cell("KEY", 7) + cell("OPERATION", 28) + cell("VERDICT", 7) + "DETAIL\n" +
                              cell("order-1", 7) + cell(ic_purchase, 28) + cell("settled", 7) +
                              detail + "\n1 settled, 0 left unsettled\n");
  const auto settled = f.find("order-1");
  CHECK(settled.state == vnum::intent_state::succeeded);
  CHECK(settled.note == detail);
  CHECK(settled.answer_status == 200);
  CHECK(vnum::identitycall::parse_purchase_number({200, {}, settled.answer_body}));

  // Nothing is left: the next run says so.
  auto again = a.run({"reconcile", "--ledger", f.spec()});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == "0 settled, 0 left unsettled\n");

  // A purchase the list does not show is absent, and left; --json is the array of entries.
  f.unknown("order-2", ic_purchase, purchase_fingerprint(a.url(), "+15551230002"));
  auto absent = a.run({"reconcile", "--ledger", f.spec()}, {"--json"});
  REQUIRE(absent.exit_code == 0);
  CHECK(lines(absent.out) == 1);
  const auto items = parse(absent.out).as_array();
  REQUIRE(items.size() == 1);
  CHECK(items.at(0).at("key") == "order-2");
  CHECK(text(items.at(0).at("operation")) == ic_purchase);
  CHECK(items.at(0).at("verdict") == "absent");
  CHECK(items.at(0).at("detail").as_string().starts_with(
      "the number +15551230002 is not in List Virtual Numbers"));
  CHECK(f.find("order-2").state == vnum::intent_state::unknown);

  auto dry = a.run({"reconcile", "--ledger", f.spec()}, {"--dry-run"});
  CHECK(dry.exit_code == 2);
  CHECK(dry.err.find("reconcile has no --dry-run") != std::string::npos);

  auto keyless =
      vnumctl({"--base-url", a.url(), "identitycall", "reconcile", "--ledger", f.spec()});
  CHECK(keyless.exit_code == 2);
  CHECK(keyless.err.find("IDENTITYCALL_API_KEY") != std::string::npos);
}

TEST_CASE("vnumctl cellcast reconcile: each unsettled intent is a person's to check") {
  fake_account a("cellcast", cellcast_world, cellcast_key);
  ledger_file f;
  f.unknown("order-9", cc_purchase, "POST " + a.url() + "/api/v1/buy\n{}");
  f.unknown("order-1", ic_purchase, "POST https://api.example/numbers\n{}");  // not Cellcast's

  auto reconciled = a.run({"reconcile", "--ledger", f.spec()});
  REQUIRE(reconciled.exit_code == 0);
  CHECK(reconciled.out == cell("KEY", 7) + cell("OPERATION", 32) + cell("VERDICT", 12) +
                              "DETAIL\n" + cell("order-9", 7) + cell(cc_purchase, 32) +
                              cell("needs_person", 12) +
                              "check the account's virtual numbers in Cellcast's dashboard\n"
                              "0 settled, 1 left unsettled\n");
  CHECK(f.find("order-9").state == vnum::intent_state::unknown);
  CHECK(a.requests() == 0);  // nothing was sent
}

TEST_CASE("vnumctl ledger reap: settled intents past the window go, unsettled ones stay") {
  ledger_file f;
  const auto owner = f.claim("bought", ic_purchase, "POST https://api.example/numbers\n{}", 5min);
  vnum::settlement done;
  done.state = vnum::intent_state::succeeded;
  done.answer_status = 201;
  done.answer_body = "{}";
  done.note = "answer";
  REQUIRE(f.ledger().settle("bought", owner, done));
  f.unknown("lost", ic_purchase, "POST https://api.example/numbers\n{\"n\":1}");

  auto kept = vnumctl({"ledger", "reap", "--ledger", f.spec()});
  REQUIRE(kept.exit_code == 0);
  CHECK(kept.out == "Reaped 0 settled intents older than 24 hours\n");
  CHECK(f.holds("bought"));

  std::this_thread::sleep_for(20ms);
  auto reaped = vnumctl({"--json", "ledger", "reap", "--ledger", f.spec(), "--expiry", "0"});
  REQUIRE(reaped.exit_code == 0);
  CHECK(parse(reaped.out) == json::parse(R"({"reaped": 1})"));
  CHECK_FALSE(f.holds("bought"));
  CHECK(f.find("lost").state == vnum::intent_state::unknown);

  auto bad = vnumctl({"ledger", "reap", "--ledger", f.spec(), "--expiry", "-1"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err ==
        "vnumctl: --expiry: Value -1 not in range 0.000000 to 8784.000000 (see vnumctl ledger reap "
        "--help)\n");
  CHECK(f.holds("lost"));
}
