// vnum_fake_server_load: a million requests through vnum-fake-server. Prints the server's resident
// memory when started and after 10^4, 10^5 and 10^6 requests (flat once the journal holds its
// limit), then its request rate next to a bare cpp-httplib server that answers the same bytes as a
// constant, measured in the same run, in alternating rounds, with the same clients: on the card
// list (two Stripe card objects, 1.3 KB) and on the list of custom numbers (11 bytes), where the
// server's own work (a thread a connection, the request read into vnum's form, the journal) is
// all there is.
//
//   vnum_fake_server_load SERVER [--requests N] [--journal-limit N] [--threads T] [--check]
//
// SERVER is the vnum-fake-server binary (started here on 127.0.0.1 and a free port, and stopped).
// Every request is a Cellcast GET with the world's key; each client thread keeps one connection
// open, as a test suite's client would. --check runs 2 000 requests with a
// journal limit of 100 and prints no timing: it checks every answer and the journal's counts
// (meson's test runs it so that the program cannot rot). Exit 0 when every check held.
#include "../tests/transport/process.hpp"
#include "fake_world.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char* program = "vnum_fake_server_load";
const std::string cards_path = "/api/v1/user/getCards";
const std::string custom_numbers_path = "/api/v1/customNumber";
const std::string api_key = "cc_load_key";
const std::string world = R"({"api_key": ")" + api_key + R"(", "cards": ["card_1", "card_2"]})";

bool fail(const std::string& why) { return bench::fail(program, why); }

// The process's resident set, in KiB, from /proc; 0 when unreadable.
long resident_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

struct endpoint {
  std::string host = "127.0.0.1";
  int port = 0;
};

// Sends `count` requests from `threads` clients, each on one kept-alive connection; every answer
// must be 200 with `expected` as its body. Returns the seconds taken, or a negative number after
// printing what went wrong.
double drive(const endpoint& to, const std::string& path, long count, int threads,
             const std::string& expected) {
  std::atomic<long> next{0};
  std::atomic<bool> wrong{false};
  const httplib::Headers headers{{"Authorization", "Bearer " + api_key}};
  const auto start = clock_type::now();
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t)
    clients.emplace_back([&] {
      httplib::Client client(to.host, to.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_connection_timeout(5);
      client.set_read_timeout(10);
      while (!wrong && next.fetch_add(1) < count) {
        auto answer = client.Get(path, headers);
        if (!answer || answer->status != 200 || answer->body != expected) {
          if (!wrong.exchange(true))
            fail(answer ? "an answer was " + std::to_string(answer->status) + ": " + answer->body
                        : "a request failed: " + httplib::to_string(answer.error()));
        }
      }
    });
  for (auto& c : clients) c.join();
  if (wrong) return -1;
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

// A header of the server's journal answer, as a number; -1 when absent.
long journal_header(const endpoint& to, const char* name) {
  httplib::Client client(to.host, to.port);
  auto r = client.Get("/_fake/journal?after=18446744073709551615");
  if (!r || r->status != 200 || !r->has_header(name)) return -1;
  return std::atol(r->get_header_value(name).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2)
    return std::fprintf(stderr,
                        "usage: %s SERVER [--requests N] [--journal-limit N] [--threads T] "
                        "[--check]\n",
                        program),
           2;
  long requests = 1'000'000;
  long journal_limit = -1;  // the server's default
  int threads = 2;
  bool check = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--check")
      check = true;
    else if (arg == "--requests" && i + 1 < argc)
      requests = std::atol(argv[++i]);
    else if (arg == "--journal-limit" && i + 1 < argc)
      journal_limit = std::atol(argv[++i]);
    else if (arg == "--threads" && i + 1 < argc)
      threads = std::atoi(argv[++i]);
    else
      return std::fprintf(stderr, "%s: unknown argument %s\n", program, arg.c_str()), 2;
  }
  if (check) {
    requests = 2'000;
    journal_limit = 100;
  }
  if (requests < 1 || threads < 1) return std::fprintf(stderr, "%s: nothing to do\n", program), 2;

  proc::temp_dir dir;
  std::vector<std::string> args{argv[1], "cellcast", "--world", dir.write("world.json", world)};
  if (journal_limit >= 0)
    args.insert(args.end(), {"--journal-limit", std::to_string(journal_limit)});
  proc::child server(args);
  auto ready = server.first_line();
  if (!ready) return fail("the server printed no ready line") ? 0 : 1;
  const auto colon = ready->find("127.0.0.1:");
  if (colon == std::string::npos) return fail("unexpected ready line: " + *ready) ? 0 : 1;
  endpoint fake;
  fake.port = std::atoi(ready->c_str() + colon + 10);

  // The fake's answers, which the bare server then answers as constants.
  std::string body, custom_numbers_body;
  {
    httplib::Client client(fake.host, fake.port);
    const httplib::Headers key{{"Authorization", "Bearer " + api_key}};
    auto cards = client.Get(cards_path, key);
    auto custom = client.Get(custom_numbers_path, key);
    if (!cards || cards->status != 200 || !custom || custom->status != 200)
      return fail("the fake did not answer the lists") ? 0 : 1;
    body = cards->body;
    custom_numbers_body = custom->body;
  }
  httplib::Server bare;
  // As vnum-fake-server: connections stay open, and head and body leave at once (without
  // TCP_NODELAY, Nagle's algorithm holds the body until the client's delayed ACK: 40 ms each).
  bare.set_keep_alive_max_count(1000);
  bare.set_tcp_nodelay(true);
  bare.Get(cards_path, [&body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json");
  });
  bare.Get(custom_numbers_path,
           [&custom_numbers_body](const httplib::Request&, httplib::Response& res) {
             res.set_content(custom_numbers_body, "application/json");
           });
  endpoint baseline;
  baseline.port = bare.bind_to_any_port(baseline.host);
  if (baseline.port <= 0) return fail("the bare server cannot listen") ? 0 : 1;
  std::thread bare_thread([&] { bare.listen_after_bind(); });
  while (!bare.is_running()) std::this_thread::sleep_for(1ms);

  bool ok = true;
  // Memory: checkpoints at 10^4, 10^5, 10^6 ... requests in all (the one above counts).
  long sent = 2;
  if (!check)
    std::printf(
        "| requests through the fake server | resident memory (MiB) | requests/s |\n"
        "|---:|---:|---:|\n| 0 | %.1f | |\n",
        static_cast<double>(resident_kib(server.pid())) / 1024.0);
  for (long checkpoint = 10'000; ok && sent < requests; checkpoint *= 10) {
    const long target = std::min(checkpoint, requests);
    const double seconds = drive(fake, cards_path, target - sent, threads, body);
    if (seconds < 0) {
      ok = false;
      break;
    }
    const double rate = static_cast<double>(target - sent) / seconds;
    sent = target;
    if (!check)
      std::printf("| %ld | %.1f | %.0f |\n", sent,
                  static_cast<double>(resident_kib(server.pid())) / 1024.0, rate);
  }
  if (ok) {
    const long received = journal_header(fake, "Vnum-Journal-Received");
    const long dropped = journal_header(fake, "Vnum-Journal-Dropped");
    const long limit = journal_header(fake, "Vnum-Journal-Limit");
    const long kept = std::min(sent, limit);
    if (received != sent || dropped != sent - kept)
      ok = fail("the journal says " + std::to_string(received) + " received and " +
                std::to_string(dropped) + " let go, for " + std::to_string(sent) +
                " requests and a limit of " + std::to_string(limit));
    if (!check)
      std::printf("\njournal: limit %ld, %ld received, %ld let go\n", limit, received, dropped);
  }

  // Rate: alternating rounds against each server, the median of each side, for each route.
  if (ok && !check) {
    const long round = std::max(1L, std::min(requests / 10, 100'000L));
    std::printf(
        "\n| route (%ld requests a round, %d kept-alive clients, median of 3) | bare "
        "cpp-httplib, constant body (requests/s) | vnum-fake-server (requests/s) | ratio "
        "(target >= 0.8) |\n|---|---:|---:|---:|\n",
        round, threads);
    for (const auto& [route, answer] :
         {std::pair{cards_path, body}, std::pair{custom_numbers_path, custom_numbers_body}}) {
      std::vector<double> fake_rates, bare_rates;
      for (int r = 0; ok && r < 3; ++r) {
        const double b = drive(baseline, route, round, threads, answer);
        const double f = drive(fake, route, round, threads, answer);
        ok = b > 0 && f > 0;
        if (ok) {
          bare_rates.push_back(static_cast<double>(round) / b);
          fake_rates.push_back(static_cast<double>(round) / f);
        }
      }
      if (!ok) break;
      std::sort(bare_rates.begin(), bare_rates.end());
      std::sort(fake_rates.begin(), fake_rates.end());
      std::printf("| GET %s (%zu bytes) | %.0f | %.0f | %.2f |\n", route.c_str(), answer.size(),
                  bare_rates[1], fake_rates[1], fake_rates[1] / bare_rates[1]);
    }
  }

  bare.stop();
  bare_thread.join();
  server.stop();
  if (check && ok) std::printf("%s: every check held\n", program);
  return ok ? 0 : 1;
}
