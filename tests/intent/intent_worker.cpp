// A worker that buys one IdentityCall number once per intent key, through curl_transport to
// vnum-fake-server, with its ledger on SQLite or PostgreSQL; and that can die (SIGKILL, its own)
// at a chosen point, as a process killed by a deploy or the OOM killer does. The crash, race and
// durability tests (exactly_once_test.cpp) run many of it at once and after one another.
//
//   intent_worker LEDGER URL API_KEY KEY PHONE DIE_AT LEASE_MS START_AT_MS
//     LEDGER       sqlite:PATH or postgres:CONNINFO
//     DIE_AT       none | before-claim | after-claim | after-send | after-settle
//     START_AT_MS  Unix time in ms to wait for before starting (0: at once), so racers start
//     together
//
// Prints one line: "ok ID" (the number's id) or "error ERRC MESSAGE"; exits 0, or 2 on misuse.
#define VNUM_IMPLEMENTATION
#include <vnum/identitycall/client.hpp>
#include <vnum/intent.hpp>
#include <vnum/ledger/postgres.hpp>
#include <vnum/ledger/sqlite.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>  // with VNUM_IMPLEMENTATION: the compiled part, once

#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>

namespace {

std::string die_at;

void die_if(std::string_view point) {
  if (die_at == point) ::raise(SIGKILL);
}

// The store, with a death before the claim, after it, and after the settlement.
template <class L>
struct dying_ledger {
  L* inner;
  vnum::result<vnum::claim_outcome> claim(const vnum::intent_claim& c) {
    die_if("before-claim");
    auto r = inner->claim(c);
    die_if("after-claim");
    return r;
  }
  vnum::result<void> settle(std::string_view k, std::string_view o, const vnum::settlement& s) {
    auto r = inner->settle(k, o, s);
    die_if("after-settle");
    return r;
  }
  vnum::result<void> release(std::string_view k, std::string_view o) {
    return inner->release(k, o);
  }
  vnum::result<void> resolve(std::string_view k, const vnum::settlement& s) {
    return inner->resolve(k, s);
  }
  vnum::result<void> forget(std::string_view k) { return inner->forget(k); }
  vnum::result<std::optional<vnum::intent_record>> find(std::string_view k) {
    return inner->find(k);
  }
  vnum::result<std::vector<vnum::intent_record>> unsettled() { return inner->unsettled(); }
  vnum::result<std::size_t> reap() { return inner->reap(); }
};

// The transport, with a death once the provider has answered and before the answer is recorded.
struct dying_transport {
  vnum::curl_transport* inner;
  vnum::result<vnum::http::response> send(const vnum::http::request& r) {
    auto answer = inner->send(r);
    die_if("after-send");
    return answer;
  }
};

template <class L>
int buy(L& store, const std::string& url, const std::string& api_key, const std::string& key,
        const std::string& phone, std::chrono::milliseconds lease) {
  vnum::curl_transport::options o;
  o.allow_plain_http = true;  // the fake on 127.0.0.1
  vnum::curl_transport curl(o);
  dying_transport transport{&curl};
  vnum::identitycall::config c;
  c.api_key = api_key;
  c.base_url = url;
  vnum::identitycall::client<dying_transport&> client(transport, c);
  dying_ledger<L> ledger{&store};
  vnum::identitycall::purchase_request r;
  r.phone_number = phone;
  auto bought = client.purchase_number(r, vnum::once(ledger, key, lease));
  if (bought)
    std::cout << "ok " << bought->id << "\n";
  else
    std::cout << "error " << vnum::to_string(bought.error().code) << " " << bought.error().message
              << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 9) {
    std::cerr << "usage: intent_worker LEDGER URL API_KEY KEY PHONE DIE_AT LEASE_MS START_AT_MS\n";
    return 2;
  }
  const std::string ledger = argv[1];
  die_at = argv[6];
  const std::chrono::milliseconds lease(std::atoll(argv[7]));
  const std::chrono::milliseconds start_at(std::atoll(argv[8]));
  if (start_at.count() > 0)
    std::this_thread::sleep_until(std::chrono::system_clock::time_point(start_at));
  if (ledger.starts_with("sqlite:")) {
    auto store = vnum::sqlite_ledger::open(ledger.substr(7));
    if (!store) {
      std::cout << "error " << vnum::to_string(store.error()) << "\n";
      return 0;
    }
    return buy(*store, argv[2], argv[3], argv[4], argv[5], lease);
  }
  if (ledger.starts_with("postgres:")) {
    auto store = vnum::postgres_ledger::open(ledger.substr(9));
    if (!store) {
      std::cout << "error " << vnum::to_string(store.error()) << "\n";
      return 0;
    }
    return buy(*store, argv[2], argv[3], argv[4], argv[5], lease);
  }
  std::cerr << "intent_worker: LEDGER is sqlite:PATH or postgres:CONNINFO\n";
  return 2;
}
