// The intent ledgers, as an installed vnum or a vnum subproject provides them (vnum::sqlite and
// vnum::postgres, dependency('vnum-sqlite') and dependency('vnum-postgres')): a purchase with a key
// on a SQLite file against the in-process fake, bought once and answered from the ledger the second
// time; and a PostgreSQL ledger that cannot connect is an error, not a crash.
#include <vnum/ledger/postgres.hpp>
#include <vnum/ledger/sqlite.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/vnum.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <string>

int main() {
  namespace ic = vnum::identitycall;
  char dir[] = "/tmp/vnum-consumer-XXXXXX";
  if (mkdtemp(dir) == nullptr) return 1;
  const std::string file = std::string(dir) + "/intents.db";
  bool once = false;
  {
    auto ledger = vnum::sqlite_ledger::open(file);
    vnum::testing::fake_identitycall fake;
    fake.add_available("+15551234567", "US", "local");
    ic::config cfg;
    cfg.api_key = fake.api_key();
    ic::client<vnum::testing::fake_identitycall&> client(fake, cfg);
    ic::purchase_request order;
    order.phone_number = "+15551234567";
    if (ledger) {
      auto first = client.purchase_number(order, vnum::once(*ledger, "signup-1"));
      auto again = client.purchase_number(order, vnum::once(*ledger, "signup-1"));
      once = first && again && *first == *again && fake.journal().size() == 1;
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((file + suffix).c_str());
  rmdir(dir);
  auto postgres =
      vnum::postgres_ledger::open("host=/nonexistent-vnum-socket-dir connect_timeout=2");
  const bool refused = !postgres && postgres.error().code == vnum::errc::transport;
  std::puts(once ? "ledger: bought once, then answered from SQLite" : "ledger: unexpected");
  std::puts(refused ? "ledger: an unreachable PostgreSQL is an error" : "ledger: unexpected");
  return once && refused ? 0 : 1;
}
