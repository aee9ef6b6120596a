// vnumctl: every vnum client operation from the shell, on vnum::curl_transport.
//
//   vnumctl [--base-url URL] [--dry-run] [--json] [--api-key-file PATH] [--timeout SECONDS]
//           [--record FILE] [--verbose]
//           cellcast|identitycall COMMAND [flags]
//   vnumctl [--json] ledger list --ledger SPEC
//   vnumctl [--json] ledger resolve KEY --ledger SPEC (--took-effect | --no-effect) [--note TEXT]
//           [--answer-file FILE --status N]
//   vnumctl [--json] ledger reap --ledger SPEC [--expiry HOURS]
//   vnumctl [global flags] identitycall|cellcast reconcile --ledger SPEC
//
// The API key comes from CELLCAST_API_KEY / IDENTITYCALL_API_KEY or --api-key-file, never from an
// argument; no output, error or --dry-run shows it. Exit codes: 0 success; 1 the provider refused
// or failed (or the ledger did); 2 usage; 3 refused by a validator (nothing was sent); 4 outcome
// unknown (reconcile before trying again). The commands are in commands_cellcast.hpp,
// commands_identitycall.hpp and commands_ledger.hpp, how one runs in session.hpp, what it prints
// in output.hpp.
//
// The ledger commands (SPEC: sqlite:PATH or postgres:CONNINFO, never printed) are built in when
// VNUMCTL_LEDGER is 1: Meson sets it when SQLite and libpq are found; without it, when both
// headers are.
// SPDX-License-Identifier: MIT
#define VNUM_IMPLEMENTATION
#include <vnum/transport/curl.hpp>
#include <vnum/version.hpp>
#include <vnum/vnum.hpp>

#ifndef VNUMCTL_LEDGER
#if __has_include(<sqlite3.h>) && __has_include(<libpq-fe.h>)
#define VNUMCTL_LEDGER 1
#else
#define VNUMCTL_LEDGER 0
#endif
#endif

#include "commands_cellcast.hpp"
#include "commands_identitycall.hpp"
#include "output.hpp"
#include "session.hpp"
#if VNUMCTL_LEDGER
#include "commands_ledger.hpp"
#endif

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* footer =
    "Global flags go before or after the command. --help works at every level: vnumctl cellcast "
    "--help, vnumctl cellcast purchase --help.\n"
    "\n"
    "API key: from CELLCAST_API_KEY or IDENTITYCALL_API_KEY, or the first line of --api-key-file "
    "PATH; never from an argument (arguments show in ps). No output, error or --dry-run shows "
    "it.\n"
    "\n"
    "Exit codes:\n"
    "  0  success\n"
    "  1  the provider refused or failed (or the connection did, or the intent ledger)\n"
    "  2  usage: unknown flag, missing argument, bad value syntax, no API key\n"
    "  3  refused by a validator: nothing was sent\n"
    "  4  outcome unknown: the request may have taken effect; the message says what to check\n"
    "     before trying again"
#if VNUMCTL_LEDGER
    "\n"
    "\n"
    "Intent ledger: vnumctl ledger list|resolve --ledger SPEC shows and settles the unsettled "
    "intents; vnumctl identitycall|cellcast reconcile --ledger SPEC settles them from the "
    "provider's records. SPEC is sqlite:PATH or postgres:CONNINFO; it is never printed"
#endif
    ;

// The deepest command parsed ("cellcast" for "vnumctl cellcast buy").
const CLI::App& deepest(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  return *at;
}

// "vnumctl cellcast purchase": a command and those above it.
std::string command_path(const CLI::App& at) {
  const CLI::App* parent = at.get_parent();
  return parent == nullptr ? at.get_name() : command_path(*parent) + " " + at.get_name();
}

// CLI11's message, except that a word where a command was expected is named as one ("unknown
// command: buy" rather than "A subcommand is required").
std::string what(const CLI::App& app, const CLI::ParseError& e) {
  const CLI::App& at = deepest(app);
  const auto words = app.remaining();
  if (at.get_require_subcommand_min() > 0 && !words.empty() && !words.front().starts_with("-"))
    return "unknown command: " + words.front();
  return e.what();
}

template <class Match>
bool given(int argc, char** argv, Match match) {
  return std::any_of(argv + 1, argv + argc, [&match](const char* a) { return match(a); });
}

// The words of the command line that may hold a ledger's password: --ledger's value, and any word
// naming a password (a connection string the shell split in two).
std::vector<std::string_view> ledger_words(int argc, char** argv) {
  constexpr std::string_view flag = "--ledger";
  auto names_password = [](std::string_view word) {
    constexpr std::string_view password = "password";
    return std::search(word.begin(), word.end(), password.begin(), password.end(),
                       [](char a, char b) {
                         return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
                       }) != word.end();
  };
  std::vector<std::string_view> out;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == flag && i + 1 < argc)
      out.emplace_back(argv[i + 1]);
    else if (word.starts_with(flag) && word.substr(flag.size()).starts_with('='))
      out.push_back(word.substr(flag.size() + 1));
    else if (names_password(word))
      out.push_back(word);
  }
  return out;
}

// The text with the environment's keys masked where one was typed as a word of the command line
// (a stray key would otherwise come back in CLI11's "not expected" message), and the words that
// may hold a ledger's password (shorter ones are left: they would mask words of the message).
std::string without_keys(std::string text, int argc, char** argv) {
  for (const char* variable : {"CELLCAST_API_KEY", "IDENTITYCALL_API_KEY"}) {
    const char* key = std::getenv(variable);
    if (key != nullptr && given(argc, argv, [key](std::string_view a) { return a == key; }))
      text = vnumctl::printer(false, key).scrub(std::move(text));
  }
  for (std::string_view word : ledger_words(argc, argv))
    if (word.size() >= 8) text = vnumctl::printer(false, std::string(word)).scrub(std::move(text));
  return text;
}

// A parse error: --help and --version print and exit 0; anything else is one line on stderr (and
// with --json an error document on stdout) and exit 2. An --api-key flag is refused without
// repeating what followed it.
int parse_failed(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  if (e.get_exit_code() == 0) return app.exit(e);
  const vnumctl::printer print(given(argc, argv, [](std::string_view a) { return a == "--json"; }),
                               "");
  if (given(argc, argv, [](std::string_view a) {
        return a == "--api-key" || a.starts_with("--api-key=") || a == "--key" ||
               a.starts_with("--key=");
      }))
    return print.usage(
        "a key is never taken as an argument (arguments show in ps): set CELLCAST_API_KEY or "
        "IDENTITYCALL_API_KEY, or give --api-key-file PATH");
  return print.usage(without_keys(what(app, e), argc, argv) + " (see " +
                     command_path(deepest(app)) + " --help)");
}

}  // namespace

int main(int argc, char** argv) {
  vnumctl::globals globals;
  CLI::App app{"Buy, release and check phone numbers through Cellcast and IdentityCall.",
               "vnumctl"};
  app.fallthrough();  // the global flags also after the command
  app.require_subcommand(1);
  app.footer(footer);
  app.set_version_flag("--version", VNUM_VERSION_STRING);
  vnumctl::add_globals(app, globals);

  vnumctl::runner run(globals);
  vnumctl::cellcast::add_commands(app, run);
  vnumctl::identitycall::add_commands(app, run);
#if VNUMCTL_LEDGER
  vnumctl::ledger::add_commands(app, run);
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_failed(app, e, argc, argv);
  }
  return run.run();
}
