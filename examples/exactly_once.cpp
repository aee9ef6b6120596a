// A signup worker that buys one number per signup, exactly once, even when it is killed and its
// job runs again (README, "Buying exactly once"). The key is the job's own id; the ledger is a
// SQLite file beside the worker. The provider here is vnum's in-process fake; with the real one,
// give the client a curl_transport instead.
#define VNUM_IMPLEMENTATION
#include <vnum/ledger/sqlite.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/vnum.hpp>

#include <stdlib.h>  // mkdtemp
#include <unistd.h>  // rmdir

#include <cstdio>
#include <iostream>
#include <string>

namespace ic = vnum::identitycall;

// One run of the job "signup-<id>": the number it bought, or why not.
template <class Client, class Ledger>
int buy_for_signup(Client& client, Ledger& ledger, const std::string& signup) {
  ic::purchase_request order;
  order.phone_number = "+15551234567";
  order.name = "Line for " + signup;
  auto bought = client.purchase_number(order, vnum::once(ledger, "signup-" + signup));
  if (bought) {
    std::cout << "signup " << signup << ": number " << bought->phone_number << " (id " << bought->id
              << ")\n";
    return 0;
  }
  const vnum::error& e = bought.error();
  if (e.code == vnum::errc::outcome_unknown) {
    // Sent, but what happened was never recorded: reconcile, never buy again blindly.
    auto report = ic::reconcile(client, ledger);
    if (report)
      for (const auto& r : *report)
        std::cout << "reconciled " << r.key << ": " << vnum::to_string(r.verdict) << "\n";
    return 2;
  }
  if (e.code == vnum::errc::conflict) return 3;  // another worker holds the key: try later
  std::cout << "signup " << signup << ": " << e << "\n";
  return 1;
}

int main() {
  char path[] = "/tmp/vnum-exactly-once-XXXXXX";
  if (mkdtemp(path) == nullptr) return 1;
  const std::string file = std::string(path) + "/intents.db";

  vnum::testing::fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  ic::config cfg;
  cfg.api_key = fake.api_key();
  ic::client<vnum::testing::fake_identitycall&> client(fake, cfg);

  auto ledger = vnum::sqlite_ledger::open(file);
  if (!ledger) {
    std::cerr << ledger.error() << "\n";
    return 1;
  }
  // The job runs, its answer is lost (as if the worker died), and the job runs again.
  fake.fail_next(vnum::testing::fault::response_lost());
  const int first = buy_for_signup(client, *ledger, "42");
  const int second = buy_for_signup(client, *ledger, "42");
  const int third = buy_for_signup(client, *ledger, "42");
  std::cout << "numbers bought: " << fake.numbers().size() << "\n";

  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((file + suffix).c_str());
  rmdir(path);
  return first == 2 && second == 0 && third == 0 && fake.numbers().size() == 1 ? 0 : 1;
}
