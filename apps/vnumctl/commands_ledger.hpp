// vnumctl ledger COMMAND and `vnumctl identitycall|cellcast reconcile`: the intent ledger
// (<vnum/intent.hpp>) read and settled from the shell.
//
//   vnumctl ledger list --ledger SPEC
//   vnumctl ledger resolve KEY --ledger SPEC (--took-effect | --no-effect) [--note TEXT]
//                          [--answer-file FILE --status N]
//   vnumctl identitycall reconcile --ledger SPEC
//   vnumctl cellcast reconcile --ledger SPEC
//
// SPEC is sqlite:PATH (an existing vnum::sqlite_ledger file) or postgres:CONNINFO (a libpq
// connection string, or a postgres:// URI as it is). A connection string may hold a password, so
// SPEC is never printed: not in a usage error, and every ledger error is printed with the
// connection string and its password masked. The ledger commands need no API key; reconcile reads
// the provider's lists with the key, as every provider command does.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_VNUMCTL_COMMANDS_LEDGER_HPP
#define VNUM_APPS_VNUMCTL_COMMANDS_LEDGER_HPP

#include <vnum/detail/json.hpp>
#include <vnum/ledger/postgres.hpp>
#include <vnum/ledger/sqlite.hpp>
#include <vnum/vnum.hpp>

#include "commands_cellcast.hpp"
#include "commands_identitycall.hpp"
#include "output.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace vnumctl::ledger {

// ---- --ledger SPEC

struct spec {
  bool postgres = false;
  std::string where;  // the SQLite file, or the libpq connection string
};

// The password a libpq connection string holds, if it parses and holds one.
inline std::optional<std::string> conninfo_password(const std::string& conninfo, bool& parses) {
  char* why = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &why);
  PQfreemem(why);  // it may quote the string: never shown
  parses = options != nullptr;
  std::optional<std::string> password;
  for (PQconninfoOption* o = options; o != nullptr && o->keyword != nullptr; ++o)
    if (std::string_view(o->keyword) == "password" && o->val != nullptr && *o->val != '\0')
      password = o->val;
  PQconninfoFree(options);
  return password;
}

// sqlite:PATH or postgres:CONNINFO ("postgres://..." is a URI, kept whole); empty for any other
// text, and for a connection string libpq cannot parse (its reason would quote the string).
inline std::optional<spec> parse_spec(std::string_view text) {
  constexpr std::string_view sqlite = "sqlite:";
  constexpr std::string_view postgres = "postgres:";
  if (text.starts_with(sqlite) && text.size() > sqlite.size())
    return spec{false, std::string(text.substr(sqlite.size()))};
  if (!text.starts_with(postgres) || text.size() == postgres.size()) return std::nullopt;
  spec s{true, std::string(text.starts_with("postgres://") ? text : text.substr(postgres.size()))};
  bool parses = false;
  (void)conninfo_password(s.where, parses);
  if (!parses) return std::nullopt;
  return s;
}

// The --ledger check. Its message never repeats the value.
inline CLI::Validator spec_check() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        if (parse_spec(text)) return {};
        return "must be sqlite:PATH or postgres:CONNINFO, a connection string libpq reads (the "
               "value is not repeated: it may hold a password)";
      },
      "");
}

inline constexpr const char* spec_help =
    "The intent ledger: sqlite:PATH (an existing file) or postgres:CONNINFO (a libpq connection "
    "string, or a postgres:// URI as it is); never printed";

inline CLI::Option* add_spec(CLI::App* cmd, std::string& text) {
  return cmd->add_option("--ledger", text, spec_help)
      ->required()
      ->type_name("SPEC")
      ->check(spec_check());
}

// The error with the connection string and its password masked.
inline vnum::error masked(vnum::error e, const spec& s) {
  if (!s.postgres) return e;
  bool parses = false;
  if (auto password = conninfo_password(s.where, parses)) vnum::redact(e, *password);
  vnum::redact(e, s.where);
  return e;
}

// libpq waits for a connection without end unless told: as long as --timeout, unless
// PGCONNECT_TIMEOUT says otherwise (libpq counts whole seconds, 2 at least).
inline void limit_connect(const globals& g) {
  if (std::getenv("PGCONNECT_TIMEOUT") != nullptr) return;
  const auto seconds = std::max(2LL, std::llround(std::ceil(g.timeout)));
  ::setenv("PGCONNECT_TIMEOUT", std::to_string(seconds).c_str(), 0);
}

// Opens the ledger SPEC names and runs body(ledger) -> result<R> on it; an error opening it is
// body's error type, masked.
template <class Body>
auto with_ledger(const std::string& text, const globals& g, Body&& body,
                 std::chrono::milliseconds expiry = std::chrono::hours(24))
    -> std::invoke_result_t<Body&, vnum::sqlite_ledger&> {
  using out = std::invoke_result_t<Body&, vnum::sqlite_ledger&>;
  const auto s = parse_spec(text);
  if (!s) throw usage_error("--ledger: must be sqlite:PATH or postgres:CONNINFO");
  auto run = [&](auto& ledger) -> out {
    auto r = body(ledger);
    if (!r) return masked(r.error(), *s);
    return r;
  };
  if (!s->postgres) {
    std::error_code ec;
    if (!std::filesystem::exists(s->where, ec))
      return vnum::make_error(vnum::errc::not_found,
                              "sqlite ledger " + s->where +
                                  ": no such file (a ledger is created by the first call that "
                                  "claims a key in it)");
    vnum::sqlite_ledger::options o;
    o.expiry = expiry;
    auto ledger = vnum::sqlite_ledger::open(s->where, o);
    if (!ledger) return ledger.error();
    return run(*ledger);
  }
  limit_connect(g);
  vnum::postgres_ledger::options o;
  o.expiry = expiry;
  auto ledger = vnum::postgres_ledger::open(s->where, o);
  if (!ledger) return masked(ledger.error(), *s);
  return run(*ledger);
}

// ---- What is printed

// "24 hours", "1 hour", "0.5 hours".
inline std::string format_hours(double hours) {
  std::ostringstream out;
  out << hours << (hours == 1 ? " hour" : " hours");
  return out.str();
}

// "unknown"; "pending (live, lease to T)" while its owner holds it; "pending (owner gone)" after.
inline std::string state_text(const vnum::intent_record& r) {
  if (r.state != vnum::intent_state::pending) return std::string(vnum::to_string(r.state));
  if (r.owner_alive) return "pending (live, lease to " + vnum::to_iso8601(r.lease_until) + ")";
  return "pending (owner gone)";
}

// {"key", "operation", "state", "owner_alive", "lease_until" (pending, else null), "created_at",
//  "refusal" (unknown: the error the call returned, else null), "note", "fingerprint"}
inline json::value to_json(const vnum::intent_record& r) {
  const bool pending = r.state == vnum::intent_state::pending;
  json::value refusal = nullptr;
  if (r.state == vnum::intent_state::unknown)
    refusal = error_json(r.refusal, "").as_object().at("error");
  return {{"key", r.key},
          {"operation", r.operation},
          {"state", vnum::to_string(r.state)},
          {"owner_alive", r.owner_alive},
          {"lease_until", pending ? json::value(vnum::to_iso8601(r.lease_until)) : nullptr},
          {"created_at", vnum::to_iso8601(r.created_at)},
          {"refusal", std::move(refusal)},
          {"note", text_or_null(r.note)},
          {"fingerprint", r.fingerprint}};
}

inline shown list_shown(const std::vector<vnum::intent_record>& open) {
  json::value document = array_json(open, [](const vnum::intent_record& r) { return to_json(r); });
  if (open.empty()) return {"No unsettled intents.", std::move(document)};
  table t({"KEY", "OPERATION", "STATE", "CREATED", "DETAIL"});
  for (const auto& r : open)
    t.row({r.key, r.operation, state_text(r), vnum::to_iso8601(r.created_at),
           r.state == vnum::intent_state::unknown ? or_dash(r.refusal.message) : "-"});
  return {t.str(), std::move(document)};
}

// One line per entry (KEY OPERATION VERDICT DETAIL), then "N settled, M left unsettled".
inline shown reconciled_shown(const std::vector<vnum::reconciled>& items) {
  const auto settled = static_cast<std::size_t>(std::count_if(
      items.begin(), items.end(),
      [](const vnum::reconciled& r) { return r.verdict == vnum::reconcile_verdict::settled; }));
  std::string text;
  if (!items.empty()) {
    table t({"KEY", "OPERATION", "VERDICT", "DETAIL"});
    for (const auto& r : items)
      t.row({r.key, r.operation, std::string(vnum::to_string(r.verdict)), or_dash(r.detail)});
    text = t.str() + "\n";
  }
  text += std::to_string(settled) + " settled, " + std::to_string(items.size() - settled) +
          " left unsettled";
  return {std::move(text), array_json(items, [](const vnum::reconciled& r) {
            return json::value{{"key", r.key},
                               {"operation", r.operation},
                               {"verdict", vnum::to_string(r.verdict)},
                               {"detail", r.detail}};
          })};
}

// A ledger's error: printed, and exit 1 whatever it is.
inline int ledger_failed(const printer& print, const vnum::error& e) {
  (void)print.failure(e, "");
  return exit_failed;
}

// ---- vnumctl ledger COMMAND

inline void list(CLI::App& ledger, runner& run) {
  auto where = std::make_shared<std::string>();
  auto* cmd = ledger.add_subcommand(
      "list", "List the unsettled intents: unknown, or pending (live, or its owner gone)");
  add_spec(cmd, *where);
  cmd->footer(
      "One line per intent, oldest first: its key, operation, state, when it was claimed, and for "
      "an unknown one the error its call returned. --json: an array of objects (key, operation, "
      "state, owner_alive, lease_until, created_at, refusal, note, fingerprint).");
  run.plain_command(cmd, [where](const globals& g) {
    const printer print(g.json, "");
    auto open = with_ledger(*where, g, [](auto& l) { return l.unsettled(); });
    if (!open) return ledger_failed(print, open.error());
    print.success(list_shown(*open));
    return int{exit_ok};
  });
}

inline std::string read_answer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error("cannot read --answer-file " + path);
  std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw usage_error("cannot read --answer-file " + path);
  return body;
}

inline void resolve(CLI::App& ledger, runner& run) {
  struct flags {
    std::string key;
    std::string where;
    bool took_effect = false;
    bool no_effect = false;
    std::string note;
    std::string answer_file;
    int status = 0;
  };
  auto f = std::make_shared<flags>();
  auto* cmd = ledger.add_subcommand(
      "resolve", "Settle an unsettled intent by hand, after checking what the provider did");
  cmd->add_option("KEY", f->key, "The intent key (as ledger list shows it)")->required();
  add_spec(cmd, f->where);
  auto* took = cmd->add_flag("--took-effect", f->took_effect,
                             "It happened: settle it as succeeded; the key never sends again");
  auto* none = cmd->add_flag("--no-effect", f->no_effect,
                             "It did not happen: forget the key, so that it may be sent again");
  took->excludes(none);
  auto* note = cmd->add_option(
      "--note", f->note, "What was checked, kept as the note \"person: TEXT\" (--took-effect)");
  auto* answer = cmd->add_option("--answer-file", f->answer_file,
                                 "The provider's answer, kept for the same key to return "
                                 "(--took-effect; with --status)")
                     ->type_name("FILE")
                     ->check(quiet(CLI::ExistingFile));
  auto* status = cmd->add_option("--status", f->status,
                                 "The answer's HTTP status: 100 to 599 (with --answer-file)")
                     ->type_name("N")
                     ->check(quiet(CLI::Range(100, 599)));
  answer->needs(status);
  status->needs(answer);
  none->excludes(note)->excludes(answer)->excludes(status);
  cmd->footer(
      "Give exactly one of --took-effect or --no-effect. Only an unknown intent, or a pending one "
      "whose owner is gone, is resolved: a live or settled one is a conflict (exit 1). Without "
      "--answer-file the same key answers that it took effect, with no result to return.");
  run.plain_command(cmd, [f](const globals& g) {
    if (f->took_effect == f->no_effect)
      throw usage_error(
          "give exactly one of --took-effect or --no-effect (see vnumctl ledger "
          "resolve --help)");
    if (auto problem = vnum::detail::intent_key_problem(f->key))
      throw usage_error("KEY: " + problem->message);
    const printer print(g.json, "");
    const std::string name = vnum::detail::quoted_key(f->key);
    if (f->no_effect) {
      auto gone = with_ledger(f->where, g, [&](auto& l) { return l.forget(f->key); });
      if (!gone) return ledger_failed(print, gone.error());
      print.success({"Forgot " + name + ": it did not take effect; the same key may be sent again",
                     {{"key", f->key}, {"resolved", "no_effect"}, {"state", nullptr}}});
      return int{exit_ok};
    }
    vnum::settlement s;
    s.state = vnum::intent_state::succeeded;
    s.note = f->note.empty() ? "person" : "person: " + f->note;
    if (!f->answer_file.empty()) {
      s.answer_status = f->status;
      s.answer_body = read_answer(f->answer_file);
    }
    auto kept = with_ledger(f->where, g, [&](auto& l) { return l.resolve(f->key, s); });
    if (!kept) return ledger_failed(print, kept.error());
    print.success({"Resolved " + name + ": succeeded (" + s.note + ")",
                   {{"key", f->key},
                    {"resolved", "took_effect"},
                    {"state", "succeeded"},
                    {"note", s.note},
                    {"answer_status", s.answer_status}}});
    return int{exit_ok};
  });
}

inline void reap(CLI::App& ledger, runner& run) {
  struct flags {
    std::string where;
    double hours = 24;
  };
  auto f = std::make_shared<flags>();
  auto* cmd = ledger.add_subcommand(
      "reap", "Remove the settled intents older than the expiry window (default 24 hours)");
  add_spec(cmd, f->where);
  cmd->add_option("--expiry", f->hours, "The window, in hours: settled intents older go")
      ->type_name("HOURS")
      ->check(quiet(CLI::Range(0.0, 24.0 * 366)));
  cmd->footer(
      "Succeeded and refused intents older than the window are removed; their keys are free "
      "again. Unknown and pending ones are never removed: they may stand for money spent. Meant "
      "for cron. --json: {\"reaped\": N}.");
  run.plain_command(cmd, [f](const globals& g) {
    const printer print(g.json, "");
    const auto window = std::chrono::milliseconds(std::llround(f->hours * 3'600'000.0));
    auto gone = with_ledger(
        f->where, g, [](auto& l) { return l.reap(); }, window);
    if (!gone) return ledger_failed(print, gone.error());
    print.success({"Reaped " + std::to_string(*gone) + " settled intent" + (*gone == 1 ? "" : "s") +
                       " older than " + format_hours(f->hours),
                   {{"reaped", *gone}}});
    return int{exit_ok};
  });
}

// ---- vnumctl PROVIDER reconcile

inline constexpr std::string_view reconcile_again =
    "reconciling reads the provider and settles only what it shows: run it again";

template <class Provider, class Reconcile>
void reconcile(CLI::App& group, runner& run, std::string_view about, std::string footer,
               Reconcile how) {
  auto where = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("reconcile", std::string(about));
  add_spec(cmd, *where);
  cmd->footer(std::move(footer) +
              " One line per intent (KEY OPERATION VERDICT DETAIL), then \"N settled, M left "
              "unsettled\"; --json: an array of {key, operation, verdict, detail}. Exit 0 when it "
              "ran, whatever the verdicts; 1 when the provider or the ledger could not be read.");
  run.command<Provider>(cmd, [where, how](const session<Provider>& s) {
    return s.execute(
        [](const auto&) -> vnum::result<vnum::http::request> {
          throw usage_error(
              "reconcile has no --dry-run: `vnumctl ledger list` shows the unsettled intents");
        },
        [&](auto& client) {
          return with_ledger(*where, s.settings(), [&](auto& l) { return how(client, l); });
        },
        reconciled_shown, reconcile_again);
  });
}

// `vnumctl ledger` with its commands, and `reconcile` in each provider's group (added after
// them).
inline void add_commands(CLI::App& app, runner& run) {
  auto* ledger =
      app.add_subcommand("ledger", "The intent ledger: what is unsettled, and settling it");
  ledger->require_subcommand(1);
  ledger->footer(
      "--ledger SPEC: sqlite:PATH or postgres:CONNINFO; it is never printed. No API key is "
      "needed.\n"
      "Exit codes: 0 done; 1 the ledger refused (a live or settled intent, no such key) or could "
      "not be opened; 2 usage.\n"
      "Reconciling from the provider's records: vnumctl identitycall reconcile, vnumctl cellcast "
      "reconcile.");
  list(*ledger, run);
  resolve(*ledger, run);
  reap(*ledger, run);

  reconcile<identitycall::provider>(
      *app.get_subcommand("identitycall"), run,
      "Settle lost purchases and operator creations from IdentityCall's lists",
      "Reads List Virtual Numbers and List Operators; an intent they show is settled as succeeded "
      "with its entry as the answer. Others are reported for a person (vnumctl ledger resolve).",
      [](auto& client, auto& l) { return vnum::identitycall::reconcile(client, l); });
  reconcile<cellcast::provider>(
      *app.get_subcommand("cellcast"), run,
      "Say what to check for each unsettled Cellcast intent (Cellcast lists none)",
      "Sends nothing and settles nothing: Cellcast documents no list to check against. Each "
      "intent says what a person checks before vnumctl ledger resolve.",
      [](auto& client, auto& l) { return vnum::cellcast::reconcile(client, l); });
}

}  // namespace vnumctl::ledger

#endif  // VNUM_APPS_VNUMCTL_COMMANDS_LEDGER_HPP
