// vnumctl identitycall COMMAND: one command per vnum::identitycall::client operation, named after
// it in kebab case, its flags after the API's fields. commands_cellcast.hpp mirrors this file.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_VNUMCTL_COMMANDS_IDENTITYCALL_HPP
#define VNUM_APPS_VNUMCTL_COMMANDS_IDENTITYCALL_HPP

#include <vnum/vnum.hpp>

#include "output.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vnumctl::identitycall {

namespace ic = vnum::identitycall;

struct provider {
  using config = ic::config;
  template <class T>
  using client = ic::client<T>;
  static inline const std::string key_variable = "IDENTITYCALL_API_KEY";
};

using session = vnumctl::session<provider>;

// ---- The typed results as JSON: each member under its C++ name; enums as the API spells them.

template <class Enum>
json::value enum_json(const std::optional<Enum>& v) {
  if (!v) return nullptr;
  return json::value(ic::to_string(*v));
}

inline json::value to_json(const ic::operator_preview& o) {
  return {{"id", o.id}, {"name", o.name}, {"initials", o.initials}};
}

inline json::value to_json(const ic::virtual_number& n) {
  return {{"id", n.id},
          {"phone_number", n.phone_number},
          {"name", optional_json(n.name)},
          {"country_code", n.country_code},
          {"active", n.active},
          {"ai_receptionist_enabled", n.ai_receptionist_enabled},
          {"operators", array_json(n.operators, [](const auto& o) { return to_json(o); })},
          {"operators_count", n.operators_count}};
}

inline json::value to_json(const ic::call_stats& s) {
  return {{"total_calls", s.total_calls},
          {"answered_calls", s.answered_calls},
          {"missed_calls", s.missed_calls},
          {"average_duration_seconds", s.average_duration_seconds}};
}

inline json::value to_json(const ic::attached_operator& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"phone_number", o.phone_number},
          {"initials", o.initials},
          {"priority", o.priority}};
}

inline json::value to_json(const ic::available_operator& o) {
  return {
      {"id", o.id}, {"name", o.name}, {"phone_number", o.phone_number}, {"initials", o.initials}};
}

inline json::value to_json(const ic::recent_call& c) {
  return {{"id", c.id},
          {"phone_number", c.phone_number},
          {"caller_name", optional_json(c.caller_name)},
          {"call_status", c.call_status},
          {"call_duration", c.call_duration},
          {"direction", c.direction},
          {"ai_handled", c.ai_handled},
          {"transcript_summary", optional_json(c.transcript_summary)},
          {"created_at", c.created_at}};
}

inline json::value to_json(const ic::virtual_number_detail& d) {
  auto convert = [](const auto& item) { return to_json(item); };
  return {{"id", d.id},
          {"phone_number", d.phone_number},
          {"name", optional_json(d.name)},
          {"country_code", d.country_code},
          {"active", d.active},
          {"recording", d.recording},
          {"routing", d.routing_name},
          {"ai_receptionist_enabled", d.ai_receptionist_enabled},
          {"stats", to_json(d.stats)},
          {"operators", array_json(d.operators, convert)},
          {"available_operators", array_json(d.available_operators, convert)},
          {"recent_calls", array_json(d.recent_calls, convert)}};
}

// A write answered 204 has no payload: null.
inline json::value to_json(const std::optional<ic::virtual_number_detail>& d) {
  if (!d) return nullptr;
  return to_json(*d);
}

inline json::value to_json(const ic::number_region& r) {
  return {{"region_type", r.region_type}, {"region_name", r.region_name}};
}

inline json::value to_json(const ic::available_number& n) {
  json::value regions = nullptr;
  if (n.region_information)
    regions = array_json(*n.region_information, [](const auto& r) { return to_json(r); });
  return {{"phone_number", n.phone_number},
          {"country_code", optional_json(n.country_code)},
          {"type", enum_json(n.type)},
          {"upfront_cost", optional_json(n.upfront_cost)},
          {"monthly_cost", optional_json(n.monthly_cost)},
          {"features", optional_json(n.features)},
          {"region_information", std::move(regions)},
          {"raw", json::parse(n.raw)}};  // the entry as received, as JSON
}

inline json::value to_json(const ic::operator_summary& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"phone_number", o.phone_number},
          {"email", optional_json(o.email)},
          {"active", o.active},
          {"initials", o.initials},
          {"virtual_numbers_count", o.virtual_numbers_count}};
}

inline json::value to_json(const ic::operator_number& n) {
  return {{"id", n.id},
          {"phone_number", n.phone_number},
          {"name", optional_json(n.name)},
          {"active", n.active}};
}

inline json::value to_json(const ic::operator_detail& o) {
  return {
      {"id", o.id},
      {"name", o.name},
      {"phone_number", o.phone_number},
      {"email", optional_json(o.email)},
      {"active", o.active},
      {"initials", o.initials},
      {"virtual_numbers", array_json(o.virtual_numbers, [](const auto& n) { return to_json(n); })}};
}

inline json::value to_json(const std::optional<ic::operator_detail>& o) {
  if (!o) return nullptr;
  return to_json(*o);
}

// ---- Human text

// "+15551230001 (Main)", or the number alone when it has no name.
template <class Number>
std::string number_with_name(const Number& n) {
  return n.name && !n.name->empty() ? n.phone_number + " (" + *n.name + ")" : n.phone_number;
}

inline std::string operator_names(const ic::virtual_number_detail& d) {
  std::vector<std::string> names;
  for (const auto& o : d.operators) names.push_back(o.name + " (" + std::to_string(o.id) + ")");
  return join(names);
}

inline shown detail_shown(const ic::virtual_number_detail& d) {
  std::vector<std::string> attached;
  for (const auto& o : d.operators)
    attached.push_back(std::to_string(o.id) + " " + o.name + " " + o.phone_number + " (priority " +
                       std::to_string(o.priority) + ")");
  std::vector<std::string> available;
  for (const auto& o : d.available_operators)
    available.push_back(std::to_string(o.id) + " " + o.name + " " + o.phone_number);
  table t;
  t.row({"id", std::to_string(d.id)});
  t.row({"phone number", d.phone_number});
  t.row({"name", or_dash(d.name)});
  t.row({"country", d.country_code});
  t.row({"active", yes_no(d.active)});
  t.row({"recording", yes_no(d.recording)});
  t.row({"routing", d.routing_name});
  t.row({"AI receptionist", yes_no(d.ai_receptionist_enabled)});
  t.row({"operators", join(attached, "; ")});
  t.row({"available", join(available, "; ")});
  t.row({"calls", std::to_string(d.stats.total_calls) + " total, " +
                      std::to_string(d.stats.answered_calls) + " answered, " +
                      std::to_string(d.stats.missed_calls) + " missed"});
  return {t.str(), to_json(d)};
}

inline shown operator_shown(const ic::operator_detail& o) {
  std::vector<std::string> numbers;
  for (const auto& n : o.virtual_numbers)
    numbers.push_back(std::to_string(n.id) + " " + number_with_name(n));
  table t;
  t.row({"id", std::to_string(o.id)});
  t.row({"name", o.name});
  t.row({"phone number", o.phone_number});
  t.row({"email", or_dash(o.email)});
  t.row({"active", yes_no(o.active)});
  t.row({"initials", o.initials});
  t.row({"numbers", join(numbers, "; ")});
  return {t.str(), to_json(o)};
}

// ---- Flags that may be left out: set only when given.

template <class T>
CLI::Option* add_optional(CLI::App* cmd, const std::string& name, std::optional<T>& target,
                          const std::string& description) {
  return cmd->add_option_function<T>(
      name, [&target](const T& v) { target = v; }, description);
}

inline CLI::Option* add_optional_bool(CLI::App* cmd, const std::string& name,
                                      std::optional<bool>& target, const std::string& description) {
  return cmd
      ->add_option_function<std::string>(
          name, [&target](const std::string& v) { target = v == "true"; }, description)
      ->check(one_of({"true", "false"}))
      ->type_name("true|false");
}

inline CLI::Option* add_number_type(CLI::App* cmd, std::optional<ic::number_type>& target) {
  return cmd
      ->add_option_function<std::string>(
          "--type", [&target](const std::string& v) { target = ic::number_type_from_string(v); },
          "The number type")
      ->check(one_of({"mobile", "local", "toll-free", "national"}))
      ->type_name("mobile|local|toll-free|national");
}

inline constexpr std::string_view read_reconcile = "a read changes nothing: run it again";

inline std::string again_or_get(std::int64_t id) {
  return "sending it again is safe; `vnumctl identitycall get " + std::to_string(id) +
         "` shows the number as it is";
}

// ---- The commands, one function each

inline void search(CLI::App& identitycall, runner& run) {
  auto f = std::make_shared<ic::search_request>();
  auto* cmd = identitycall.add_subcommand("search", "Search the numbers available to buy");
  add_optional(cmd, "--country", f->country, "ISO 3166-1 alpha-2 (the provider's default: US)");
  add_number_type(cmd, f->type);
  run.command<provider>(cmd, [f](const session& s) {
    const ic::search_request& r = *f;
    return s.execute(
        [&](const ic::config& c) { return ic::build_search_available_numbers(c, r); },
        [&](auto& client) { return client.search_available_numbers(r); },
        [](const std::vector<ic::available_number>& numbers) {
          table t({"PHONE NUMBER", "COUNTRY", "TYPE", "UPFRONT", "MONTHLY", "FEATURES"});
          for (const auto& n : numbers)
            t.row({n.phone_number, or_dash(n.country_code),
                   n.type ? std::string(ic::to_string(*n.type)) : "-", or_dash(n.upfront_cost),
                   or_dash(n.monthly_cost), n.features ? join(*n.features, ",") : "-"});
          return shown{t.str(), array_json(numbers, [](const auto& n) { return to_json(n); })};
        },
        read_reconcile);
  });
}

inline void purchase(CLI::App& identitycall, runner& run) {
  auto f = std::make_shared<ic::purchase_request>();
  auto* cmd = identitycall.add_subcommand("purchase", "Buy a number that search lists");
  cmd->add_option("--phone-number", f->phone_number, "The number in E.164 (+15551234567)")
      ->required();
  add_optional(cmd, "--country-code", f->country_code, "ISO 3166-1 alpha-2, e.g. US");
  add_number_type(cmd, f->type);
  add_optional(cmd, "--name", f->name, "A display name");
  add_optional(cmd, "--requirement-group-id", f->requirement_group_id,
               "An approved regulatory requirement group");
  add_optional(cmd, "--upfront-cost", f->upfront_cost, "Informational, e.g. 1.00");
  add_optional(cmd, "--monthly-cost", f->monthly_cost, "Informational, e.g. 1.00");
  cmd->footer(
      "On exit 4 the purchase may have gone through: run `vnumctl identitycall list` before "
      "buying again.");
  run.command<provider>(cmd, [f](const session& s) {
    const ic::purchase_request& r = *f;
    return s.execute([&](const ic::config& c) { return ic::build_purchase_number(c, r); },
                     [&](auto& client) { return client.purchase_number(r); },
                     [](const ic::virtual_number& n) {
                       return shown{"Bought " + number_with_name(n) + ", id " +
                                        std::to_string(n.id) + ", " + n.country_code,
                                    to_json(n)};
                     },
                     "run `vnumctl identitycall list` to see whether " + r.phone_number +
                         " is on the account before buying again");
  });
}

inline void list(CLI::App& identitycall, runner& run) {
  auto* cmd = identitycall.add_subcommand("list", "List the account's virtual numbers");
  run.command<provider>(cmd, [](const session& s) {
    return s.execute(
        [](const ic::config& c) { return ic::build_list_virtual_numbers(c); },
        [](auto& client) { return client.list_virtual_numbers(); },
        [](const std::vector<ic::virtual_number>& numbers) {
          table t({"ID", "PHONE NUMBER", "NAME", "COUNTRY", "ACTIVE", "OPERATORS"});
          for (const auto& n : numbers)
            t.row({std::to_string(n.id), n.phone_number, or_dash(n.name), n.country_code,
                   yes_no(n.active), std::to_string(n.operators_count)});
          return shown{t.str(), array_json(numbers, [](const auto& n) { return to_json(n); })};
        },
        read_reconcile);
  });
}

inline void get(CLI::App& identitycall, runner& run) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = identitycall.add_subcommand("get", "Show a virtual number, its operators and calls");
  cmd->add_option("ID", *id, "The virtual number's id")->required();
  run.command<provider>(cmd, [id](const session& s) {
    return s.execute([&](const ic::config& c) { return ic::build_get_virtual_number(c, *id); },
                     [&](auto& client) { return client.get_virtual_number(*id); }, detail_shown,
                     read_reconcile);
  });
}

inline void update(CLI::App& identitycall, runner& run) {
  struct flags {
    std::int64_t id = 0;
    ic::update_request request;
  };
  auto f = std::make_shared<flags>();
  auto* cmd = identitycall.add_subcommand("update", "Change a virtual number's settings");
  cmd->add_option("ID", f->id, "The virtual number's id")->required();
  add_optional(cmd, "--name", f->request.name, "A display name");
  add_optional_bool(cmd, "--active", f->request.active, "Receive calls");
  add_optional_bool(cmd, "--recording", f->request.recording, "Record inbound calls");
  cmd->add_option_function<std::string>(
         "--routing",
         [f](const std::string& v) { f->request.routing = ic::routing_strategy_from_string(v); },
         "How calls reach the operators")
      ->check(one_of({"priority", "round_robin", "simultaneous"}))
      ->type_name("priority|round_robin|simultaneous");
  run.command<provider>(cmd, [f](const session& s) {
    const std::int64_t id = f->id;
    const ic::update_request& r = f->request;
    return s.execute([&](const ic::config& c) { return ic::build_update_virtual_number(c, id, r); },
                     [&](auto& client) { return client.update_virtual_number(id, r); },
                     [id](const std::optional<ic::virtual_number_detail>& d) {
                       if (!d)
                         return shown{"Updated virtual number " + std::to_string(id) +
                                          " (no details returned: vnumctl identitycall get " +
                                          std::to_string(id) + ")",
                                      nullptr};
                       return shown{"Updated virtual number " + std::to_string(id) + ": " +
                                        number_with_name(*d) + ", active " + yes_no(d->active) +
                                        ", recording " + yes_no(d->recording) + ", routing " +
                                        d->routing_name,
                                    to_json(d)};
                     },
                     again_or_get(id));
  });
}

inline void add_operator(CLI::App& identitycall, runner& run) {
  struct flags {
    std::int64_t id = 0;
    ic::add_operator_request request;
  };
  auto f = std::make_shared<flags>();
  auto* cmd = identitycall.add_subcommand(
      "add-operator", "Attach an operator to a virtual number (an existing one, or a new one)");
  cmd->add_option("ID", f->id, "The virtual number's id")->required();
  add_optional(cmd, "--operator-id", f->request.operator_id, "Attach this existing operator");
  add_optional(cmd, "--phone-number", f->request.phone_number,
               "Or create an operator with this E.164 number and attach it");
  add_optional(cmd, "--name", f->request.name, "The new operator's name (with --phone-number)");
  run.command<provider>(cmd, [f](const session& s) {
    const std::int64_t id = f->id;
    const ic::add_operator_request& r = f->request;
    return s.execute([&](const ic::config& c) { return ic::build_add_operator(c, id, r); },
                     [&](auto& client) { return client.add_operator(id, r); },
                     [id](const std::optional<ic::virtual_number_detail>& d) {
                       if (!d)
                         return shown{"Added the operator to virtual number " + std::to_string(id) +
                                          " (no details returned: vnumctl identitycall get " +
                                          std::to_string(id) + ")",
                                      nullptr};
                       return shown{"Added the operator to virtual number " + std::to_string(id) +
                                        " " + number_with_name(*d) +
                                        "; its operators: " + operator_names(*d),
                                    to_json(d)};
                     },
                     "run `vnumctl identitycall get " + std::to_string(id) +
                         "` and `vnumctl identitycall list-operators` before adding it again");
  });
}

inline void remove_operator(CLI::App& identitycall, runner& run) {
  struct flags {
    std::int64_t id = 0;
    std::int64_t operator_id = 0;
  };
  auto f = std::make_shared<flags>();
  auto* cmd =
      identitycall.add_subcommand("remove-operator", "Detach an operator from a virtual number");
  cmd->add_option("ID", f->id, "The virtual number's id")->required();
  cmd->add_option("--operator-id", f->operator_id, "The operator to detach")->required();
  run.command<provider>(cmd, [f](const session& s) {
    const std::int64_t id = f->id;
    const std::int64_t operator_id = f->operator_id;
    return s.execute(
        [&](const ic::config& c) { return ic::build_remove_operator(c, id, operator_id); },
        [&](auto& client) { return client.remove_operator(id, operator_id); },
        [id, operator_id](const std::optional<ic::virtual_number_detail>& d) {
          std::string text = "Removed operator " + std::to_string(operator_id) +
                             " from virtual number " + std::to_string(id);
          if (d) text += " " + number_with_name(*d) + "; its operators: " + operator_names(*d);
          return shown{std::move(text), to_json(d)};
        },
        again_or_get(id));
  });
}

inline void list_operators(CLI::App& identitycall, runner& run) {
  auto* cmd = identitycall.add_subcommand("list-operators", "List the operators");
  run.command<provider>(cmd, [](const session& s) {
    return s.execute(
        [](const ic::config& c) { return ic::build_list_operators(c); },
        [](auto& client) { return client.list_operators(); },
        [](const std::vector<ic::operator_summary>& operators) {
          table t({"ID", "NAME", "PHONE NUMBER", "EMAIL", "ACTIVE", "NUMBERS"});
          for (const auto& o : operators)
            t.row({std::to_string(o.id), o.name, o.phone_number, or_dash(o.email), yes_no(o.active),
                   std::to_string(o.virtual_numbers_count)});
          return shown{t.str(), array_json(operators, [](const auto& o) { return to_json(o); })};
        },
        read_reconcile);
  });
}

inline void get_operator(CLI::App& identitycall, runner& run) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = identitycall.add_subcommand("get-operator", "Show an operator and its numbers");
  cmd->add_option("ID", *id, "The operator's id")->required();
  run.command<provider>(cmd, [id](const session& s) {
    return s.execute([&](const ic::config& c) { return ic::build_get_operator(c, *id); },
                     [&](auto& client) { return client.get_operator(*id); }, operator_shown,
                     read_reconcile);
  });
}

inline void create_operator(CLI::App& identitycall, runner& run) {
  auto f = std::make_shared<ic::create_operator_request>();
  auto* cmd = identitycall.add_subcommand("create-operator", "Create an operator");
  cmd->add_option("--name", f->name, "The full display name")->required();
  cmd->add_option("--phone-number", f->phone_number, "The operator's number in E.164")->required();
  add_optional(cmd, "--email", f->email, "A contact email");
  add_optional_bool(cmd, "--active", f->active, "Can receive routed calls (default true)");
  run.command<provider>(cmd, [f](const session& s) {
    const ic::create_operator_request& r = *f;
    return s.execute([&](const ic::config& c) { return ic::build_create_operator(c, r); },
                     [&](auto& client) { return client.create_operator(r); },
                     [](const ic::operator_detail& o) {
                       return shown{"Created operator " + std::to_string(o.id) + ": " + o.name +
                                        " " + o.phone_number,
                                    to_json(o)};
                     },
                     "run `vnumctl identitycall list-operators` to see whether " + r.name +
                         " was created before creating it again");
  });
}

inline void update_operator(CLI::App& identitycall, runner& run) {
  struct flags {
    std::int64_t id = 0;
    ic::update_operator_request request;
  };
  auto f = std::make_shared<flags>();
  auto* cmd = identitycall.add_subcommand("update-operator", "Change an operator");
  cmd->add_option("ID", f->id, "The operator's id")->required();
  add_optional(cmd, "--name", f->request.name, "The full display name");
  add_optional(cmd, "--phone-number", f->request.phone_number, "The number in E.164");
  add_optional(cmd, "--email", f->request.email, "A contact email");
  cmd->add_flag("--clear-email", f->request.clear_email, "Remove the contact email");
  add_optional_bool(cmd, "--active", f->request.active, "Can receive routed calls");
  run.command<provider>(cmd, [f](const session& s) {
    const std::int64_t id = f->id;
    const ic::update_operator_request& r = f->request;
    return s.execute(
        [&](const ic::config& c) { return ic::build_update_operator(c, id, r); },
        [&](auto& client) { return client.update_operator(id, r); },
        [id](const std::optional<ic::operator_detail>& o) {
          if (!o)
            return shown{"Updated operator " + std::to_string(id) +
                             " (no details returned: vnumctl identitycall get-operator " +
                             std::to_string(id) + ")",
                         nullptr};
          return shown{"Updated operator " + std::to_string(id) + ": " + o->name + " " +
                           o->phone_number + ", email " + or_dash(o->email) + ", active " +
                           yes_no(o->active),
                       to_json(o)};
        },
        "sending it again is safe; `vnumctl identitycall get-operator " + std::to_string(id) +
            "` shows the operator as it is");
  });
}

inline void delete_operator(CLI::App& identitycall, runner& run) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = identitycall.add_subcommand("delete-operator",
                                          "Delete an operator (it is detached from every number)");
  cmd->add_option("ID", *id, "The operator's id")->required();
  run.command<provider>(cmd, [id](const session& s) {
    return s.execute(
        [&](const ic::config& c) { return ic::build_delete_operator(c, *id); },
        // result<void> carries nothing to print: the id deleted stands for it.
        [&](auto& client) -> vnum::result<std::int64_t> {
          auto deleted = client.delete_operator(*id);
          if (!deleted) return deleted.error();
          return *id;
        },
        [](std::int64_t deleted) {
          return shown{"Deleted operator " + std::to_string(deleted),
                       json::object{{"id", deleted}, {"deleted", true}}};
        },
        "deleting again is safe; `vnumctl identitycall list-operators` shows whether it is gone");
  });
}

// `vnumctl identitycall`, with its commands.
inline void add_commands(CLI::App& app, runner& run) {
  auto* identitycall =
      app.add_subcommand("identitycall", "IdentityCall virtual numbers and operators");
  identitycall->require_subcommand(1);
  identitycall->footer(
      "The API key comes from IDENTITYCALL_API_KEY, or --api-key-file PATH.\n"
      "The global flags and the exit codes: vnumctl --help.");
  search(*identitycall, run);
  purchase(*identitycall, run);
  list(*identitycall, run);
  get(*identitycall, run);
  update(*identitycall, run);
  add_operator(*identitycall, run);
  remove_operator(*identitycall, run);
  list_operators(*identitycall, run);
  get_operator(*identitycall, run);
  create_operator(*identitycall, run);
  update_operator(*identitycall, run);
  delete_operator(*identitycall, run);
}

}  // namespace vnumctl::identitycall

#endif  // VNUM_APPS_VNUMCTL_COMMANDS_IDENTITYCALL_HPP
