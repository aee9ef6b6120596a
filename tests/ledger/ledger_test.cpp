// The ledger's behaviours, each run against every store: memory_ledger (the reference), a SQLite
// file, and a PostgreSQL server this program starts (pg_server.hpp; its cases are skipped, with a
// warning, only where no server binaries are installed). The stores with real clocks are given
// short leases and expiry windows, and the test sleeps past them.
#include <vnum/intent.hpp>
#include <vnum/ledger/postgres.hpp>
#include <vnum/ledger/sqlite.hpp>
#include <vnum/testing/memory_ledger.hpp>

#include "ledger/pg_server.hpp"

#include <catch2/catch.hpp>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace std::chrono_literals;
using vnum::errc;
using vnum::intent_state;

namespace {

std::string make_temp_dir() {
  std::string pattern = "/tmp/vnum-ledger-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

// Each store: a fresh, empty ledger with the given expiry window; ledger() is it, another() a
// second handle on the same store (a second connection, where the store has connections).
class memory_store {
 public:
  using ledger_type = vnum::testing::memory_ledger;
  static std::string unavailable() { return {}; }
  explicit memory_store(std::chrono::milliseconds expiry) : ledger_({expiry, {}}) {}
  ledger_type& ledger() { return ledger_; }
  ledger_type& another() { return ledger_; }  // one object: the memory is not shared otherwise

 private:
  ledger_type ledger_;
};

class sqlite_store {
 public:
  using ledger_type = vnum::sqlite_ledger;
  static std::string unavailable() { return {}; }
  explicit sqlite_store(std::chrono::milliseconds expiry)
      : dir_(make_temp_dir()), path_(dir_ + "/ledger.db") {
    opts_.expiry = expiry;
    ledger_.emplace(open());
  }
  ~sqlite_store() {
    others_.clear();
    ledger_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  sqlite_store(const sqlite_store&) = delete;
  sqlite_store& operator=(const sqlite_store&) = delete;

  ledger_type& ledger() { return *ledger_; }
  ledger_type& another() { return *others_.emplace_back(std::make_unique<ledger_type>(open())); }
  ledger_type open() const {
    auto l = ledger_type::open(path_, opts_);
    if (!l) throw std::runtime_error(to_string(l.error()));
    return std::move(*l);
  }
  void close() {
    others_.clear();
    ledger_.reset();
  }
  const std::string& path() const { return path_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string path_;
  ledger_type::options opts_;
  std::optional<ledger_type> ledger_;
  std::vector<std::unique_ptr<ledger_type>> others_;
};

// One server for the whole program, started by the first postgres case.
vnum_test::pg_started& pg() {
  static vnum_test::pg_started server = vnum_test::pg_server::start();
  return server;
}

// A statement run on its own connection, outside the ledger; true when it succeeded.
bool pg_exec(const std::string& conninfo, const char* sql) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  PQsetNoticeProcessor(
      c, [](void*, const char*) {}, nullptr);
  bool ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    PGresult* r = PQexec(c, sql);
    ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) UNSCOPED_INFO(PQresultErrorMessage(r));
    PQclear(r);
  }
  PQfinish(c);
  return ok;
}

class postgres_store {
 public:
  using ledger_type = vnum::postgres_ledger;
  static std::string unavailable() { return pg() ? std::string() : pg().reason(); }
  explicit postgres_store(std::chrono::milliseconds expiry) {
    opts_.expiry = expiry;
    if (!pg_exec(conninfo(), "DROP TABLE IF EXISTS vnum_intents, vnum_schema"))
      throw std::runtime_error("cannot empty the database");
    ledger_.emplace(open());
  }
  ledger_type& ledger() { return *ledger_; }
  ledger_type& another() { return *others_.emplace_back(std::make_unique<ledger_type>(open())); }
  ledger_type open() const {
    auto l = ledger_type::open(conninfo(), opts_);
    if (!l) throw std::runtime_error(to_string(l.error()));
    return std::move(*l);
  }
  void close() {
    others_.clear();
    ledger_.reset();
  }
  static std::string conninfo() { return pg()->conninfo(); }

 private:
  ledger_type::options opts_;
  std::optional<ledger_type> ledger_;
  std::vector<std::unique_ptr<ledger_type>> others_;
};

// The one branch that does not test: a store that cannot run here says why.
template <class Store>
bool skipped() {
  const std::string why = Store::unavailable();
  if (why.empty()) return false;
  WARN("skipped: " << why);
  return true;
}

vnum::intent_claim claim_of(std::string key, std::string owner,
                            std::chrono::milliseconds lease = 10min) {
  return {std::move(key), "identitycall.purchase_number", "POST /numbers {\"n\":1}",
          std::move(owner), lease};
}

vnum::settlement answered(int status, std::string body) {
  vnum::settlement s;
  s.state = intent_state::succeeded;
  s.answer_status = status;
  s.answer_body = std::move(body);
  s.note = "answer";
  return s;
}

vnum::settlement unknown_outcome() {
  vnum::settlement s;
  s.state = intent_state::unknown;
  s.refusal = vnum::make_error(errc::outcome_unknown, "timed out after sending", 504);
  s.note = "answer";
  return s;
}

template <class L>
vnum::intent_record found(L& l, std::string_view key) {
  auto r = l.find(key);
  REQUIRE(r);
  REQUIRE(r->has_value());
  return **r;
}

template <class L>
bool absent(L& l, std::string_view key) {
  auto r = l.find(key);
  REQUIRE(r);
  return !r->has_value();
}

#define STORES memory_store, sqlite_store, postgres_store

}  // namespace

TEMPLATE_TEST_CASE("the first claim wins; a second finds it pending, its owner alive", "[ledger]",
                   STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  auto first = l.claim(claim_of("k1", "owner-a"));
  REQUIRE(first);
  CHECK(first->won);
  auto second = l.claim(claim_of("k1", "owner-b", 1min));
  REQUIRE(second);
  CHECK_FALSE(second->won);
  const auto& held = second->existing;
  CHECK(held.key == "k1");
  CHECK(held.operation == "identitycall.purchase_number");
  CHECK(held.fingerprint == "POST /numbers {\"n\":1}");
  CHECK(held.state == intent_state::pending);
  CHECK(held.owner == "owner-a");
  CHECK(held.owner_alive);
  CHECK(held.lease_until - held.created_at == 10min);
  CHECK(held.settled_at == vnum::ledger_time{});
  CHECK(found(l, "k1") == held);
}

TEMPLATE_TEST_CASE("a pending intent whose lease ran out has no live owner", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("short", "owner-a", 500ms))->won);
  CHECK(found(l, "short").owner_alive);
  std::this_thread::sleep_for(600ms);
  CHECK_FALSE(found(l, "short").owner_alive);
  auto again = l.claim(claim_of("short", "owner-b"));
  REQUIRE(again);
  CHECK_FALSE(again->won);  // a dead owner's intent still holds its key: it may have been sent
  CHECK(again->existing.state == intent_state::pending);
  CHECK_FALSE(again->existing.owner_alive);
  CHECK(again->existing.owner == "owner-a");

  REQUIRE(l.claim(claim_of("none", "owner-a", 0ms))->won);
  CHECK_FALSE(found(l, "none").owner_alive);
}

TEMPLATE_TEST_CASE("the owner settles its intent", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("k", "owner-a"))->won);
  REQUIRE(l.settle("k", "owner-a", answered(200, "{\"ok\":true}")));
  const auto r = found(l, "k");
  CHECK(r.state == intent_state::succeeded);
  CHECK(r.answer_status == 200);
  CHECK(r.answer_body == "{\"ok\":true}");
  CHECK(r.note == "answer");
  CHECK(r.owner.empty());
  CHECK_FALSE(r.owner_alive);
  CHECK(r.settled_at >= r.created_at);
  auto again = l.claim(claim_of("k", "owner-b"));
  REQUIRE(again);
  CHECK_FALSE(again->won);
  CHECK(again->existing == r);
}

TEMPLATE_TEST_CASE("only the owner settles or releases a pending intent", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("k", "owner-a"))->won);
  auto other = l.settle("k", "owner-b", answered(200, "{}"));
  REQUIRE_FALSE(other);
  CHECK(other.error().code == errc::conflict);
  CHECK(other.error().message == "the intent is no longer this call's to settle");
  auto released = l.release("k", "owner-b");
  REQUIRE_FALSE(released);
  CHECK(released.error().code == errc::conflict);
  CHECK(released.error().message == "the intent is no longer this call's to release");
  CHECK(found(l, "k").state == intent_state::pending);

  REQUIRE(l.settle("k", "owner-a", answered(200, "{}")));
  auto twice = l.settle("k", "owner-a", answered(201, "{}"));  // settled: no longer pending
  REQUIRE_FALSE(twice);
  CHECK(twice.error().code == errc::conflict);
  CHECK(found(l, "k").answer_status == 200);
  CHECK(l.release("k", "owner-a").error().code == errc::conflict);
  CHECK(l.settle("missing", "owner-a", answered(200, "{}")).error().code == errc::conflict);
  CHECK(l.release("missing", "owner-a").error().code == errc::conflict);
}

TEMPLATE_TEST_CASE("release deletes the intent, so the key may be claimed again", "[ledger]",
                   STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("k", "owner-a"))->won);
  REQUIRE(l.release("k", "owner-a"));
  CHECK(absent(l, "k"));
  auto again = l.claim(claim_of("k", "owner-b"));
  REQUIRE(again);
  CHECK(again->won);
  CHECK(found(l, "k").owner == "owner-b");
}

TEMPLATE_TEST_CASE("resolve and forget refuse a live pending, a settled and a missing intent",
                   "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("live", "owner-a"))->won);
  REQUIRE(l.claim(claim_of("done", "owner-a"))->won);
  REQUIRE(l.settle("done", "owner-a", answered(200, "{}")));
  const auto live_lease = found(l, "live").lease_until;

  for (int forget = 0; forget < 2; ++forget) {
    auto act = [&](std::string_view key) {
      return forget ? l.forget(key) : l.resolve(key, answered(200, "{\"by\":\"person\"}"));
    };
    auto live = act("live");
    REQUIRE_FALSE(live);
    CHECK(live.error().code == errc::conflict);
    CHECK(live.error().message == "intent key \"live\": its owner is still sending it (lease to " +
                                      vnum::to_iso8601(live_lease) + ")");
    auto done = act("done");
    REQUIRE_FALSE(done);
    CHECK(done.error().code == errc::conflict);
    CHECK(done.error().message == "intent key \"done\": already succeeded");
    auto missing = act("missing");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == errc::not_found);
    CHECK(missing.error().message == "intent key \"missing\": no such intent");
  }
  CHECK(found(l, "live").state == intent_state::pending);
  CHECK(found(l, "done").answer_body == "{}");
}

TEMPLATE_TEST_CASE("resolve and forget take an unknown intent and a dead pending one", "[ledger]",
                   STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  for (const char* key : {"unknown-1", "unknown-2"}) {
    REQUIRE(l.claim(claim_of(key, "owner-a"))->won);
    REQUIRE(l.settle(key, "owner-a", unknown_outcome()));
  }
  REQUIRE(l.claim(claim_of("dead-1", "owner-a", 0ms))->won);
  REQUIRE(l.claim(claim_of("dead-2", "owner-a", 0ms))->won);

  vnum::settlement person = answered(0, "");
  person.note = "person: checked the provider's console";
  REQUIRE(l.resolve("unknown-1", person));
  REQUIRE(l.resolve("dead-1", person));
  for (const char* key : {"unknown-1", "dead-1"}) {
    const auto r = found(l, key);
    CHECK(r.state == intent_state::succeeded);
    CHECK(r.note == "person: checked the provider's console");
    CHECK(r.owner.empty());
    CHECK(r.settled_at >= r.created_at);
  }
  REQUIRE(l.forget("unknown-2"));
  REQUIRE(l.forget("dead-2"));
  CHECK(absent(l, "unknown-2"));
  CHECK(absent(l, "dead-2"));
  // Settled now: a second resolve is refused.
  CHECK(l.resolve("dead-1", person).error().code == errc::conflict);
}

TEMPLATE_TEST_CASE("find returns the intent holding a key, or nothing", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  CHECK(absent(l, "k"));
  REQUIRE(l.claim(claim_of("k", "owner-a"))->won);
  CHECK(found(l, "k").key == "k");
  CHECK(absent(l, "K"));
  CHECK(absent(l, "k "));
}

TEMPLATE_TEST_CASE("unsettled lists the unknown and pending intents, oldest first", "[ledger]",
                   STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  CHECK(l.unsettled()->empty());
  // Claimed in this order, a few milliseconds apart; the keys sort the other way.
  for (const char* key : {"e", "d", "c", "b", "a"}) {
    REQUIRE(l.claim(claim_of(key, std::string("owner-") + key, key[0] == 'c' ? 0ms : 10min))->won);
    std::this_thread::sleep_for(5ms);
  }
  REQUIRE(l.settle("d", "owner-d", answered(200, "{}")));  // settled: not listed
  REQUIRE(l.settle("b", "owner-b", unknown_outcome()));    // unknown: listed
  REQUIRE(l.claim(claim_of("z", "owner-z"))->won);         // newest
  auto list = l.unsettled();
  REQUIRE(list);
  std::vector<std::string> keys;
  for (const auto& r : *list) keys.push_back(r.key);
  CHECK(keys == std::vector<std::string>{"e", "c", "b", "a", "z"});
  for (const auto& r : *list) CHECK(r == found(l, r.key));
  CHECK_FALSE((*list)[1].owner_alive);  // "c": lease 0
  CHECK((*list)[0].owner_alive);
}

TEMPLATE_TEST_CASE("reap removes only the settled intents past the expiry window", "[ledger]",
                   STORES) {
  if (skipped<TestType>()) return;
  TestType store(700ms);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("old-success", "o"))->won);
  REQUIRE(l.settle("old-success", "o", answered(200, "{}")));
  REQUIRE(l.claim(claim_of("old-refused", "o"))->won);
  vnum::settlement refused;
  refused.state = intent_state::refused;
  refused.refusal = vnum::invalid_argument("number", "not a number");
  REQUIRE(l.settle("old-refused", "o", refused));
  REQUIRE(l.claim(claim_of("old-unknown", "o"))->won);
  REQUIRE(l.settle("old-unknown", "o", unknown_outcome()));
  REQUIRE(l.claim(claim_of("old-dead", "o", 0ms))->won);
  std::this_thread::sleep_for(900ms);
  REQUIRE(l.claim(claim_of("new-success", "o"))->won);
  REQUIRE(l.settle("new-success", "o", answered(200, "{}")));

  auto reaped = l.reap();
  REQUIRE(reaped);
  CHECK(*reaped == 2);
  CHECK(absent(l, "old-success"));
  CHECK(absent(l, "old-refused"));
  CHECK(found(l, "old-unknown").state == intent_state::unknown);  // kept until resolved
  CHECK(found(l, "old-dead").state == intent_state::pending);
  CHECK(found(l, "new-success").state == intent_state::succeeded);
  CHECK(*l.reap() == 0);
}

TEMPLATE_TEST_CASE("a settled intent past expiry no longer holds its key", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(1ms);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("k", "owner-a"))->won);
  REQUIRE(l.settle("k", "owner-a", answered(200, "{\"first\":1}")));
  REQUIRE(l.claim(claim_of("u", "owner-a"))->won);
  REQUIRE(l.settle("u", "owner-a", unknown_outcome()));
  std::this_thread::sleep_for(30ms);
  auto again = l.claim(claim_of("k", "owner-b"));
  REQUIRE(again);
  CHECK(again->won);
  const auto r = found(l, "k");
  CHECK(r.state == intent_state::pending);
  CHECK(r.owner == "owner-b");
  CHECK(r.answer_body.empty());
  // An unknown intent never expires: it may stand for money spent.
  auto unknown = l.claim(claim_of("u", "owner-b"));
  REQUIRE(unknown);
  CHECK_FALSE(unknown->won);
  CHECK(unknown->existing.state == intent_state::unknown);
}

TEMPLATE_TEST_CASE("within the expiry window a settled intent holds its key", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(1h);
  auto& l = store.ledger();
  REQUIRE(l.claim(claim_of("k", "owner-a"))->won);
  REQUIRE(l.settle("k", "owner-a", answered(200, "{}")));
  std::this_thread::sleep_for(30ms);
  auto again = l.claim(claim_of("k", "owner-b"));
  REQUIRE(again);
  CHECK_FALSE(again->won);
  CHECK(again->existing.state == intent_state::succeeded);
  CHECK(*l.reap() == 0);
}

TEMPLATE_TEST_CASE("every field of an intent is kept exactly", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto& l = store.ledger();
  const std::string body =
      "{\"name\":\"Zoë \\\"the\\\" O'Brien\",\"city\":\"東京\",\"emoji\":\"📞\",\"tab\":\"\t\"}";
  vnum::intent_claim c = claim_of("key with 'quotes' and \"more\" — ünïcode", "owner ☎");
  c.operation = "cellcast.purchase_number";
  c.fingerprint = "POST /api/v1/numbers\n{\"number\":\"0412 345 678\",\"note\":\"l'été\"}";
  c.lease = 0ms;
  REQUIRE(l.claim(c)->won);
  const auto pending = found(l, c.key);
  vnum::intent_record want;
  want.key = c.key;
  want.operation = c.operation;
  want.fingerprint = c.fingerprint;
  want.state = intent_state::pending;
  want.owner = c.owner;
  want.created_at = pending.created_at;
  want.lease_until = pending.created_at;
  CHECK(pending == want);

  vnum::settlement s;
  s.state = intent_state::refused;
  s.answer_status = 422;
  s.answer_body = body;
  s.refusal.code = errc::unprocessable;
  s.refusal.http_status = 422;
  s.refusal.message = "number: \"0412\" is taken — déjà pris";
  s.refusal.field = "number";
  s.refusal.provider_message = "Number already exist 'x' \"y\"";
  s.refusal.retry_after = std::chrono::seconds(42);
  s.note = "reconciled: provider said so";
  REQUIRE(l.resolve(c.key, s));
  const auto settled = found(l, c.key);
  want.state = s.state;
  want.owner.clear();
  want.settled_at = settled.settled_at;
  want.answer_status = s.answer_status;
  want.answer_body = s.answer_body;
  want.refusal = s.refusal;
  want.note = s.note;
  CHECK(settled == want);
  CHECK(settled.settled_at >= settled.created_at);

  // Every error code, stored and read back.
  for (auto code : {errc::invalid_argument, errc::unauthorized, errc::forbidden, errc::not_found,
                    errc::conflict, errc::unprocessable, errc::rate_limited, errc::server_error,
                    errc::transport, errc::outcome_unknown, errc::protocol}) {
    const std::string key = "code-" + std::string(vnum::to_string(code));
    REQUIRE(l.claim(claim_of(key, "o"))->won);
    vnum::settlement u;
    u.state = intent_state::unknown;
    u.refusal = vnum::make_error(code, "m", 500);
    REQUIRE(l.settle(key, "o", u));
    CHECK(found(l, key).refusal == u.refusal);
    CHECK_FALSE(found(l, key).refusal.retry_after);
  }
}

TEMPLATE_TEST_CASE("of eight threads claiming one key, exactly one wins", "[ledger]", STORES) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  constexpr int threads = 8;
  // Even threads share the first handle, odd ones each have their own (another connection).
  std::vector<typename TestType::ledger_type*> handles;
  handles.reserve(threads);
  for (int i = 0; i < threads; ++i)
    handles.push_back(i % 2 == 0 ? &store.ledger() : &store.another());
  for (int round = 0; round < 5; ++round) {
    const std::string key = "race-" + std::to_string(round);
    std::atomic<int> ready{0};
    std::atomic<int> wins{0};
    std::atomic<int> losses{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (int i = 0; i < threads; ++i)
      pool.emplace_back([&, i] {
        ready.fetch_add(1);
        while (ready.load() < threads) std::this_thread::yield();
        auto r = handles[static_cast<std::size_t>(i)]->claim(
            claim_of(key, "owner-" + std::to_string(i)));
        if (!r)
          failures.fetch_add(1);
        else if (r->won)
          wins.fetch_add(1);
        else if (r->existing.state == intent_state::pending && r->existing.owner_alive)
          losses.fetch_add(1);
      });
    for (auto& t : pool) t.join();
    CHECK(failures.load() == 0);
    CHECK(wins.load() == 1);
    CHECK(losses.load() == threads - 1);
  }
}

TEMPLATE_TEST_CASE("a reopened store keeps its intents", "[ledger]", sqlite_store, postgres_store) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  REQUIRE(store.ledger().claim(claim_of("k", "owner-a"))->won);
  REQUIRE(store.ledger().settle("k", "owner-a", answered(200, "{\"kept\":true}")));
  const auto before = found(store.ledger(), "k");
  store.close();
  auto reopened = store.open();
  CHECK(found(reopened, "k") == before);
}

TEMPLATE_TEST_CASE("a moved-from store answers errc::transport", "[ledger]", sqlite_store,
                   postgres_store) {
  if (skipped<TestType>()) return;
  TestType store(24h);
  auto moved = std::move(store.ledger());
  REQUIRE(moved.claim(claim_of("k", "o"))->won);
  auto& old = store.ledger();
  auto r = old.claim(claim_of("k", "o"));  // NOLINT(bugprone-use-after-move): what it answers
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::transport);
  CHECK(old.find("k").error().code == errc::transport);
}

// ---- What only one store has: a file, a schema version, a connection string.

TEST_CASE("sqlite: a file of another schema version is refused at open") {
  sqlite_store store(24h);
  store.close();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(store.path().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE vnum_schema SET version = 7", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  sqlite3_close(db);
  auto l = vnum::sqlite_ledger::open(store.path());
  REQUIRE_FALSE(l);
  CHECK(l.error().code == errc::protocol);
  CHECK(l.error().message == "sqlite ledger " + store.path() +
                                 ": the file's schema version is 7, this vnum reads version 1");
}

TEST_CASE("a negative expiry or busy timeout is invalid_argument naming it, nothing opened") {
  const std::string dir = make_temp_dir();
  vnum::sqlite_ledger::options bad_expiry;
  bad_expiry.expiry = -1ms;
  vnum::sqlite_ledger::options bad_wait;
  bad_wait.busy_timeout = -1ms;
  for (auto [o, field] : {std::pair{bad_expiry, "expiry"}, std::pair{bad_wait, "busy_timeout"}}) {
    auto l = vnum::sqlite_ledger::open(dir + "/never.db", o);
    REQUIRE_FALSE(l);
    CHECK(l.error().code == errc::invalid_argument);
    CHECK(l.error().field == field);
    CHECK(l.error().message == std::string(field) + ": must not be negative");
  }
  CHECK_FALSE(std::filesystem::exists(dir + "/never.db"));
  vnum::postgres_ledger::options pg;
  pg.expiry = -1ms;
  auto p = vnum::postgres_ledger::open("host=/nonexistent", pg);
  REQUIRE_FALSE(p);
  CHECK(p.error().message == "expiry: must not be negative");
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

TEST_CASE("sqlite: connections opening one new file at once all open it") {
  // Turning a new file into WAL mode and creating its tables contend; SQLite answers some of that
  // "locked" without waiting, which open() tries again.
  for (int round = 0; round < 10; ++round) {
    const std::string dir = make_temp_dir();
    std::atomic<int> opened{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> openers;
    for (int i = 0; i < 8; ++i)
      openers.emplace_back([&] {
        while (!go) std::this_thread::yield();
        if (vnum::sqlite_ledger::open(dir + "/new.db")) ++opened;
      });
    go = true;
    for (auto& t : openers) t.join();
    CHECK(opened == 8);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
}

TEST_CASE("sqlite: a file that is not a database is an error, not a crash") {
  const std::string dir = make_temp_dir();
  for (const std::string& content :
       {std::string("this is not a database, only some text\n"), std::string(8192, '\xA5'),
        std::string("SQLite format 3") + std::string(1, '\0') + std::string(4000, '\x7f')}) {
    const std::string path = dir + "/not.db";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
    auto l = vnum::sqlite_ledger::open(path);
    REQUIRE_FALSE(l);
    CHECK(l.error().code == errc::transport);
    CHECK(l.error().message.rfind("sqlite ledger " + path + ": ", 0) == 0);
    INFO(l.error().message);
  }
  auto missing = vnum::sqlite_ledger::open(dir + "/no/such/dir/ledger.db");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == errc::transport);
  CHECK(missing.error().message ==
        "sqlite ledger " + dir + "/no/such/dir/ledger.db: unable to open database file");
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

TEST_CASE("sqlite: a file damaged between opens is an error at open, not a crash") {
  sqlite_store store(24h);
  REQUIRE(store.ledger().claim(claim_of("k", "o"))->won);
  store.close();
  {
    std::fstream f(store.path(), std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(0);
    f << std::string(100, '\x5a');  // the header, overwritten
  }
  std::filesystem::remove(store.path() + "-wal");
  std::filesystem::remove(store.path() + "-shm");
  auto l = vnum::sqlite_ledger::open(store.path());
  REQUIRE_FALSE(l);
  CHECK(l.error().code == errc::transport);
}

TEST_CASE("postgres: a database of another schema version is refused at open") {
  if (skipped<postgres_store>()) return;
  postgres_store store(24h);
  store.close();
  REQUIRE(pg_exec(postgres_store::conninfo(), "UPDATE vnum_schema SET version = 7"));
  auto l = vnum::postgres_ledger::open(postgres_store::conninfo());
  REQUIRE_FALSE(l);
  CHECK(l.error().code == errc::protocol);
  CHECK(l.error().message ==
        "postgres ledger: the database's schema version is 7, this vnum reads version 1");
}

TEST_CASE("postgres: a row the store cannot read is errc::protocol") {
  if (skipped<postgres_store>()) return;
  postgres_store store(24h);
  REQUIRE(store.ledger().claim(claim_of("k", "o"))->won);
  REQUIRE(pg_exec(postgres_store::conninfo(),
                  "UPDATE vnum_intents SET refusal_code = 'teapot' WHERE key = 'k'"));
  auto r = store.ledger().find("k");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::protocol);
  CHECK(
      r.error().message ==
      "postgres ledger: intent key \"k\": its refusal_code \"teapot\" is not one this vnum knows");
}

TEST_CASE("sqlite: a row the store cannot read is errc::protocol") {
  sqlite_store store(24h);
  REQUIRE(store.ledger().claim(claim_of("k", "o"))->won);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(store.path().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE vnum_intents SET state = 'lost' WHERE key = 'k'", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto r = store.ledger().find("k");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::protocol);
  CHECK(r.error().message ==
        "sqlite ledger " + store.path() +
            ": intent key \"k\": its state \"lost\" is not one this vnum knows");
  CHECK(store.ledger().forget("k").error().code == errc::protocol);
}

TEST_CASE("postgres: a failed connection's message never shows the connection string") {
  // No server needed: nothing listens on this socket directory.
  auto l = vnum::postgres_ledger::open(
      "host=/nonexistent-vnum-dir port=5999 user=someone password=s3cr3t-pw dbname=app "
      "connect_timeout=5");
  REQUIRE_FALSE(l);
  CHECK(l.error().code == errc::transport);
  CHECK(l.error().message.rfind("postgres ledger: ", 0) == 0);
  CHECK(l.error().message.find("s3cr3t-pw") == std::string::npos);
  CHECK(l.error().message.find("password") == std::string::npos);
  INFO(l.error().message);
}

TEST_CASE("postgres: a connection the server ended is made again at the next call") {
  if (skipped<postgres_store>()) return;
  postgres_store store(24h);
  REQUIRE(store.ledger().claim(claim_of("k", "o"))->won);
  REQUIRE(pg_exec(postgres_store::conninfo(),
                  "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                  "WHERE pid <> pg_backend_pid() AND datname = current_database()"));
  auto lost = store.ledger().find("k");  // may fail: the connection was cut under it
  if (!lost) CHECK(lost.error().code == errc::transport);
  auto again = store.ledger().find("k");
  REQUIRE(again);
  CHECK(again->has_value());
}
