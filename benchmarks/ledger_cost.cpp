// vnum_ledger_cost: what buying exactly once costs. N purchases through
// identitycall::client<curl_transport> against vnum-fake-server on 127.0.0.1, plain; then N more
// with once(ledger, key) on SQLite and on PostgreSQL (a server started here, fsync on); and the
// ledger's share alone, claim + settle with no HTTP. One run, one table: time per purchase and the
// ratio of each to the plain purchase.
//
//   vnum_ledger_cost SERVER [--operations N] [--check]
//
// SERVER is the vnum-fake-server binary (started on 127.0.0.1 and a free port, and stopped).
// Without a PostgreSQL installation its rows are left out, saying so. --check runs the same steps
// with no timing and checks that every purchase succeeded and that the server's journal holds each
// number once: meson's test runs it with a small N so that the program cannot rot.
#define VNUM_IMPLEMENTATION
#include <vnum/detail/json.hpp>
#include <vnum/intent.hpp>
#include <vnum/ledger/postgres.hpp>
#include <vnum/ledger/sqlite.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>

#include "../tests/ledger/pg_server.hpp"
#include "../tests/transport/process.hpp"
#include "fake_world.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using bench::phone;
using bench::world;

namespace ic = vnum::identitycall;
namespace http = vnum::http;
using clock_type = std::chrono::steady_clock;

bool fail(const std::string& why) { return bench::fail("vnum_ledger_cost", why); }

// The fake server, reset between runs so that the same numbers can be bought again.
struct server {
  proc::temp_dir dir;
  proc::child process;
  std::string url;
  std::string api_key;
  vnum::curl_transport admin{plain_http()};

  server(const std::string& binary, int n)
      : process({binary, "identitycall", "--world", dir.write("world.json", world(n))}) {}

  static vnum::curl_transport::options plain_http() {
    vnum::curl_transport::options o;
    o.allow_plain_http = true;
    return o;
  }
  bool ready() {
    auto line = process.first_line();
    if (!line) return fail("vnum-fake-server printed no ready line");
    auto v = vnum::detail::parse_json(*line);
    if (!v || !v->is_object()) return fail("the ready line is not JSON");
    url = std::string(v->get_object().at("url").as_string());
    api_key = std::string(v->get_object().at("api_key").as_string());
    return true;
  }
  bool reset() {
    auto r = admin.send({http::method::post, url + "/_fake/reset", {}, {}});
    return r && r->status == 200;
  }
  // How many purchases the journal holds, each number counted once.
  std::pair<std::size_t, std::size_t> purchases() {
    auto r = admin.send({http::method::get, url + "/_fake/journal", {}, {}});
    if (!r || r->status != 200) return {0, 0};
    auto journal = vnum::detail::parse_json(r->body);
    if (!journal || !journal->is_array()) return {0, 0};
    std::vector<std::string> bodies;
    for (const auto& e : journal->get_array())
      if (e.at("path").as_string() == "/api/v1/public/virtual_numbers/purchase")
        bodies.emplace_back(e.at("body").as_string());
    std::sort(bodies.begin(), bodies.end());
    const auto all = bodies.size();
    bodies.erase(std::unique(bodies.begin(), bodies.end()), bodies.end());
    return {all, bodies.size()};
  }
};

struct row {
  std::string name;
  double us_per_op = 0;
};

// Runs `one(i)` for i in [0, n); false at the first failure. Microseconds per call.
std::optional<double> timed(int n, const std::function<bool(int)>& one) {
  const auto start = clock_type::now();
  for (int i = 0; i < n; ++i)
    if (!one(i)) return std::nullopt;
  const std::chrono::duration<double, std::micro> spent = clock_type::now() - start;
  return spent.count() / n;
}

template <class Ledger>
bool measure_store(const std::string& name, Ledger& ledger, server& s, int n,
                   std::vector<row>& rows) {
  vnum::curl_transport curl(server::plain_http());
  ic::config c;
  c.api_key = s.api_key;
  c.base_url = s.url;
  ic::client<vnum::curl_transport&> client(curl, c);
  if (!s.reset()) return fail("reset failed");
  auto once = timed(n, [&](int i) {
    ic::purchase_request r;
    r.phone_number = phone(i);
    return bool(client.purchase_number(r, vnum::once(ledger, name + "-buy-" + std::to_string(i))));
  });
  if (!once) return fail(name + ": a purchase with a key failed");
  auto [all, distinct] = s.purchases();
  if (all != static_cast<std::size_t>(n) || distinct != all)
    return fail(name + ": the journal holds " + std::to_string(all) + " purchases");
  // The same keys again: answered from the ledger, nothing sent.
  auto replay = timed(n, [&](int i) {
    ic::purchase_request r;
    r.phone_number = phone(i);
    return bool(client.purchase_number(r, vnum::once(ledger, name + "-buy-" + std::to_string(i))));
  });
  if (!replay || s.purchases().first != static_cast<std::size_t>(n))
    return fail(name + ": a replay failed or sent");
  // The ledger alone: claim + settle, as a purchase does, with no HTTP.
  auto alone = timed(n, [&](int i) {
    const std::string key = name + "-alone-" + std::to_string(i);
    vnum::intent_claim claim{key, "identitycall.purchase_number", "POST x\n{}", "bench",
                             std::chrono::minutes(5)};
    auto won = ledger.claim(claim);
    if (!won || !won->won) return false;
    vnum::settlement settled;
    settled.state = vnum::intent_state::succeeded;
    settled.answer_status = 201;
    settled.answer_body = R"({"data":{"id":1}})";
    return bool(ledger.settle(key, "bench", settled));
  });
  if (!alone) return fail(name + ": claim + settle failed");
  rows.push_back({"purchase with once(" + name + ")", *once});
  rows.push_back({"claim + settle on " + name + ", no HTTP", *alone});
  rows.push_back({"the same key again on " + name + " (nothing sent)", *replay});
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: vnum_ledger_cost SERVER [--operations N] [--check]\n");
    return 2;
  }
  int n = 200;
  bool check = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--check") {
      check = true;
    } else if (a == "--operations" && i + 1 < argc) {
      n = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "vnum_ledger_cost: unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  if (n < 1) {
    fail("--operations must be at least 1");
    return 2;
  }

  server s(argv[1], n);
  if (!s.ready()) return 1;
  std::vector<row> rows;

  // The baseline: the purchase itself.
  {
    vnum::curl_transport curl(server::plain_http());
    ic::config c;
    c.api_key = s.api_key;
    c.base_url = s.url;
    ic::client<vnum::curl_transport&> client(curl, c);
    auto plain = timed(n, [&](int i) {
      ic::purchase_request r;
      r.phone_number = phone(i);
      return bool(client.purchase_number(r));
    });
    if (!plain) {
      fail("a plain purchase failed");
      return 1;
    }
    rows.push_back({"purchase, no key (baseline)", *plain});
  }

  proc::temp_dir dir;
  dir.reserve("intents.db-wal");
  dir.reserve("intents.db-shm");
  {
    auto sqlite = vnum::sqlite_ledger::open(dir.reserve("intents.db"));
    if (!sqlite) {
      fail(vnum::to_string(sqlite.error()));
      return 1;
    }
    if (!measure_store("sqlite", *sqlite, s, n, rows)) return 1;
  }

  std::string postgres_note;
  auto pg = vnum_test::pg_server::start();
  if (!pg) {
    postgres_note = "PostgreSQL rows left out: " + pg.reason();
  } else {
    // The test server starts with fsync off; a cost is measured with it on, as in production.
    PGconn* conn = PQconnectdb(pg->conninfo().c_str());
    bool durable = PQstatus(conn) == CONNECTION_OK;
    for (const char* sql : {"ALTER SYSTEM SET fsync = on", "SELECT pg_reload_conf()"}) {
      PGresult* r = durable ? PQexec(conn, sql) : nullptr;
      durable = durable && r != nullptr &&
                (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
      PQclear(r);
    }
    PQfinish(conn);
    if (!durable) {
      fail("could not turn fsync on in the test server");
      return 1;
    }
    auto postgres = vnum::postgres_ledger::open(pg->conninfo());
    if (!postgres) {
      fail(vnum::to_string(postgres.error()));
      return 1;
    }
    if (!measure_store("postgres", *postgres, s, n, rows)) return 1;
  }

  if (check) {
    std::printf("vnum_ledger_cost --check: %d purchases plain, with SQLite%s: each once\n", n,
                pg ? " and PostgreSQL" : "");
    if (!postgres_note.empty()) std::printf("%s\n", postgres_note.c_str());
    return 0;
  }
  const double base = rows.front().us_per_op;
  std::printf("| %d purchases, one after another | time per purchase | ratio to the baseline |\n",
              n);
  std::printf("|---|---:|---:|\n");
  for (const auto& r : rows)
    std::printf("| %s | %.0f us | %.2f |\n", r.name.c_str(), r.us_per_op, r.us_per_op / base);
  if (!postgres_note.empty()) std::printf("\n%s\n", postgres_note.c_str());
  return 0;
}
