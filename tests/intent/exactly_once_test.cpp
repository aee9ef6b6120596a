// Exactly once across crashes, proved with processes: workers (intent_worker.cpp) buy IdentityCall
// numbers through curl_transport from vnum-fake-server on 127.0.0.1, their intents in SQLite or in
// a PostgreSQL server this program starts; some are killed with SIGKILL mid-call. The fake's
// journal is the truth of what was bought.
#include <vnum/identitycall/client.hpp>
#include <vnum/identitycall/reconcile.hpp>
#include <vnum/intent.hpp>
#include <vnum/ledger/postgres.hpp>
#include <vnum/ledger/sqlite.hpp>
#include <vnum/transport/curl.hpp>

#include "../ledger/pg_server.hpp"
#include "../transport/fake_server.hpp"
#include "../transport/process.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
namespace ic = vnum::identitycall;
namespace json = boost::json;

namespace {

std::string worker_binary() {
  const char* path = std::getenv("VNUM_INTENT_WORKER");
  if (path == nullptr || *path == '\0') FAIL("VNUM_INTENT_WORKER is not set (meson test sets it)");
  return path;
}

std::string phone(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "+1555200%04d", i);
  return buf;
}

// A world with n numbers to buy.
std::string world(int n) {
  json::array available;
  for (int i = 0; i < n; ++i)
    available.push_back(
        {{"phone_number", phone(i)}, {"country_code", "US"}, {"number_type", "local"}});
  return json::serialize(
      json::object{{"api_key", "idc_exactly_once_SECRET"}, {"available", available}});
}

// The fake server, and a client of it on this side.
struct provider {
  proc::temp_dir dir;
  e2e::fake_server server;
  vnum::curl_transport curl{options()};
  ic::client<vnum::curl_transport&> client{curl, config()};

  explicit provider(int numbers)
      : server("identitycall", {"--world", dir.write("world.json", world(numbers))}) {}

  static vnum::curl_transport::options options() {
    vnum::curl_transport::options o;
    o.allow_plain_http = true;
    return o;
  }
  ic::config config() const {
    ic::config c;
    c.api_key = server.api_key;
    c.base_url = server.url;
    return c;
  }

  // The phone number of every purchase the fake received, in order.
  std::vector<std::string> purchases() {
    auto answer = curl.send({vnum::http::method::get, server.url + "/_fake/journal", {}, {}});
    REQUIRE(answer);
    REQUIRE(answer->status == 200);
    std::vector<std::string> out;
    const json::value entries = json::parse(answer->body);
    for (const auto& e : entries.as_array()) {
      const auto& o = e.as_object();
      if (o.at("method").as_string() != "POST" ||
          o.at("path").as_string() != "/api/v1/public/virtual_numbers/purchase")
        continue;
      out.emplace_back(
          json::parse(o.at("body").as_string()).as_object().at("phone_number").as_string());
    }
    return out;
  }
};

// One worker's run: its output line, and whether it was killed.
struct run_result {
  std::string line;
  bool killed = false;
};

struct worker {
  proc::child process;
  worker(const std::string& ledger, provider& p, const std::string& key, const std::string& number,
         const std::string& die_at, std::chrono::milliseconds lease, std::int64_t start_at = 0)
      : process({worker_binary(), ledger, p.server.url, p.server.api_key, key, number, die_at,
                 std::to_string(lease.count()), std::to_string(start_at)}) {}

  run_result finish(std::chrono::milliseconds limit = 30s) {
    run_result r;
    auto line = process.first_line(limit);
    auto status = process.wait_for(limit);
    REQUIRE(status);
    r.killed = WIFSIGNALED(*status) && WTERMSIG(*status) == SIGKILL;
    if (line) r.line = *line;
    if (!r.killed) {
      INFO("stderr: " << process.stderr_text(1s));
      REQUIRE(proc::exit_code(status) == 0);
    }
    return r;
  }
};

run_result run_worker(const std::string& ledger, provider& p, const std::string& key,
                      const std::string& number, const std::string& die_at,
                      std::chrono::milliseconds lease) {
  worker w(ledger, p, key, number, die_at, lease);
  return w.finish();
}

// A store for the test's own side, opened like the workers'.
template <class Store>
Store open_store(const std::string& spec) {
  if constexpr (std::is_same_v<Store, vnum::sqlite_ledger>) {
    auto s = vnum::sqlite_ledger::open(spec.substr(7));
    REQUIRE(s);
    return std::move(*s);
  } else {
    auto s = vnum::postgres_ledger::open(spec.substr(9));
    REQUIRE(s);
    return std::move(*s);
  }
}

// The crash, on one store.
// A SQLite ledger's file in dir, with the journal files WAL mode leaves beside it.
std::string sqlite_spec(proc::temp_dir& dir) {
  dir.reserve("intents.db-wal");
  dir.reserve("intents.db-shm");
  return "sqlite:" + dir.reserve("intents.db");
}

template <class Store>
void crash_after_send(const std::string& spec) {
  provider p(3);
  const std::string number = phone(1);

  // Killed once the provider applied the purchase, before its answer was recorded.
  auto killed = run_worker(spec, p, "signup-42", number, "after-send", 500ms);
  CHECK(killed.killed);
  CHECK(p.purchases() == std::vector<std::string>{number});

  // At once: the lease is live, so another call may still be sending it.
  auto early = run_worker(spec, p, "signup-42", number, "none", 500ms);
  CHECK(early.line.starts_with("error conflict intent key \"signup-42\": another call holds it"));

  // Once the lease has run out: the owner is gone, and the outcome is unknown. Nothing is sent.
  std::this_thread::sleep_for(600ms);
  auto unknown = run_worker(spec, p, "signup-42", number, "none", 500ms);
  CHECK(unknown.line.starts_with("error outcome_unknown intent key \"signup-42\": sent at "));
  CHECK(p.purchases().size() == 1);

  // Reconciliation settles it from the list, and the next call returns the number.
  Store store = open_store<Store>(spec);
  auto report = ic::reconcile(p.client, store);
  REQUIRE(report);
  REQUIRE(report->size() == 1);
  CHECK((*report)[0].verdict == vnum::reconcile_verdict::settled);
  auto listed = p.client.list_virtual_numbers();
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  auto settled = run_worker(spec, p, "signup-42", number, "none", 500ms);
  CHECK(settled.line == "ok " + std::to_string(listed->at(0).id));
  CHECK(p.purchases() == std::vector<std::string>{number});
  std::cout << "crash (" << spec.substr(0, spec.find(':')) << "): killed after the send; "
            << "the same key then gave conflict (lease live), outcome_unknown (lease over), and "
            << "after reconciliation the number; purchases in the journal: " << p.purchases().size()
            << "\n";
}

template <class Store>
void race(const std::string& spec) {
  provider p(3);
  const std::string number = phone(2);
  const auto start_at = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch() + 700ms)
                            .count();
  std::vector<std::unique_ptr<worker>> racers;
  for (int i = 0; i < 8; ++i)
    racers.push_back(std::make_unique<worker>(spec, p, "race", number, "none", 30s, start_at));
  std::map<std::string, int> lines;
  int bought = 0, conflicts = 0, replays = 0;
  std::set<std::string> ids;
  for (auto& w : racers) {
    auto r = w->finish();
    REQUIRE_FALSE(r.killed);
    if (r.line.starts_with("ok ")) {
      ids.insert(r.line);
      ++bought;
    } else {
      INFO("a racer printed: " << r.line);
      CHECK(r.line.starts_with("error conflict intent key \"race\": another call holds it"));
      ++conflicts;
    }
  }
  CHECK(p.purchases() == std::vector<std::string>{number});
  CHECK(ids.size() == 1);  // every "ok" is the one number
  CHECK(bought >= 1);
  CHECK(bought + conflicts == 8);
  replays = bought - 1;
  std::cout << "race (" << spec.substr(0, spec.find(':'))
            << "): 8 processes, one key: " << p.purchases().size() << " purchase, " << 1
            << " bought it, " << replays << " got the same number from the ledger, " << conflicts
            << " got conflict\n";
}

// n intents, each worker killed at a random point (or not), then recovery: reconciliation settles
// what the list shows; what it does not show was never bought (checked against the journal), and a
// person would forget those; then every key runs again. Every number is bought exactly once.
template <class Store>
void durability(const std::string& spec, int n) {
  provider p(n);
  std::mt19937 random(20261206);
  const std::vector<std::string> points{"none",       "before-claim", "after-claim",
                                        "after-send", "after-settle", "timer"};
  std::map<std::string, int> died_at;
  for (int i = 0; i < n; ++i) {
    const std::string& point = points[random() % points.size()];
    const std::string key = "durable-" + std::to_string(i);
    if (point == "timer") {
      // Killed from outside, at any moment of its start, claim, send or settlement.
      worker w(spec, p, key, phone(i), "none", 200ms);
      std::this_thread::sleep_for(std::chrono::microseconds(random() % 20'000));
      w.process.stop(SIGKILL);
      auto status = w.process.wait_for(5s);
      died_at[status && WIFSIGNALED(*status) ? "timer (killed)" : "timer (finished first)"]++;
    } else {
      auto r = run_worker(spec, p, key, phone(i), point, 200ms);
      CHECK(r.killed == (point != "none"));
      died_at[point]++;
    }
  }
  std::this_thread::sleep_for(300ms);  // every lease has run out

  Store store = open_store<Store>(spec);
  // No purchase without an intent: the claim is durable before the send.
  const auto journal = p.purchases();
  std::set<std::string> bought(journal.begin(), journal.end());
  CHECK(bought.size() == journal.size());  // none twice
  for (const auto& number : journal) {
    const auto key = "durable-" + std::to_string(std::stoi(number.substr(8)));
    auto found = store.find(key);
    REQUIRE(found);
    CHECK(found->has_value());
  }

  auto report = ic::reconcile(p.client, store);
  REQUIRE(report);
  int settled = 0, absent = 0;
  for (const auto& r : *report) {
    if (r.verdict == vnum::reconcile_verdict::settled) {
      ++settled;
    } else {
      REQUIRE(r.verdict == vnum::reconcile_verdict::absent);
      const auto number = phone(std::stoi(r.key.substr(8)));
      CHECK_FALSE(bought.contains(number));  // absent from the list, and truly never bought
      REQUIRE(store.forget(r.key));          // as a person who checked would
      ++absent;
    }
  }

  // Every key again, to its end: each returns its number, and nothing is bought twice.
  vnum::identitycall::client<vnum::curl_transport&> again(p.curl, p.config());
  int replayed_ok = 0;
  for (int i = 0; i < n; ++i) {
    ic::purchase_request r;
    r.phone_number = phone(i);
    auto got = again.purchase_number(r, vnum::once(store, "durable-" + std::to_string(i)));
    INFO("key durable-" << i);
    REQUIRE(got);
    CHECK(got->phone_number == phone(i));
    ++replayed_ok;
  }
  const auto after = p.purchases();
  CHECK(after.size() == static_cast<std::size_t>(n));
  CHECK(std::set<std::string>(after.begin(), after.end()).size() == static_cast<std::size_t>(n));
  auto open = store.unsettled();
  REQUIRE(open);
  CHECK(open->empty());

  std::cout << "durability (" << spec.substr(0, spec.find(':')) << "): " << n << " intents;";
  for (const auto& [point, count] : died_at) std::cout << " " << point << " " << count << ";";
  std::cout << " purchases before recovery " << journal.size() << ", none twice; reconciled "
            << settled << ", absent (never bought) " << absent << "; after recovery "
            << after.size() << " purchases for " << n << " intents, each once\n";
}

int durability_count() {
  const char* n = std::getenv("VNUM_DURABILITY_INTENTS");
  return n != nullptr ? std::atoi(n) : 1000;
}

}  // namespace

TEST_CASE("crash (SQLite): a worker killed after the send; the same key sends nothing") {
  proc::temp_dir dir;
  crash_after_send<vnum::sqlite_ledger>(sqlite_spec(dir));
}

TEST_CASE("crash (PostgreSQL): a worker killed after the send; the same key sends nothing") {
  auto pg = vnum_test::pg_server::start();
  if (!pg) {
    WARN("PostgreSQL cases skipped: " << pg.reason());
    return;
  }
  crash_after_send<vnum::postgres_ledger>("postgres:" + pg->conninfo());
}

TEST_CASE("race (SQLite): 8 processes, one key, one purchase") {
  proc::temp_dir dir;
  race<vnum::sqlite_ledger>(sqlite_spec(dir));
}

TEST_CASE("race (PostgreSQL): 8 processes, one key, one purchase") {
  auto pg = vnum_test::pg_server::start();
  if (!pg) {
    WARN("PostgreSQL cases skipped: " << pg.reason());
    return;
  }
  race<vnum::postgres_ledger>("postgres:" + pg->conninfo());
}

TEST_CASE("durability (SQLite): intents killed at random points, each bought exactly once") {
  proc::temp_dir dir;
  durability<vnum::sqlite_ledger>(sqlite_spec(dir), durability_count());
}

TEST_CASE("durability (PostgreSQL): intents killed at random points, each bought exactly once") {
  auto pg = vnum_test::pg_server::start();
  if (!pg) {
    WARN("PostgreSQL cases skipped: " << pg.reason());
    return;
  }
  durability<vnum::postgres_ledger>("postgres:" + pg->conninfo(), durability_count());
}
