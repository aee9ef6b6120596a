// vnumctl cellcast COMMAND: one command per vnum::cellcast::client operation, named after it in
// kebab case, its flags after the API's fields. commands_identitycall.hpp mirrors this file.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_VNUMCTL_COMMANDS_CELLCAST_HPP
#define VNUM_APPS_VNUMCTL_COMMANDS_CELLCAST_HPP

#include <vnum/vnum.hpp>

#include "output.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace vnumctl::cellcast {

namespace cc = vnum::cellcast;

struct provider {
  using config = cc::config;
  template <class T>
  using client = cc::client<T>;
  static inline const std::string key_variable = "CELLCAST_API_KEY";
};

using session = vnumctl::session<provider>;

// ---- The typed results as JSON: each member under its C++ name.

inline json::value to_json(const cc::purchase_receipt& r) { return {{"message", r.message}}; }

inline json::value to_json(const cc::unsubscribe_receipt& r) { return {{"message", r.message}}; }

inline json::value to_json(const cc::custom_number_receipt& r) {
  return {{"otp_required", r.otp_required}, {"message", r.message}, {"detail", r.detail}};
}

inline json::value to_json(const cc::verify_custom_number_receipt& r) {
  return {{"message", r.message}};
}

inline json::value to_json(const cc::business_name_receipt& r) { return {{"message", r.message}}; }

inline json::value to_json(const cc::card& c) {
  return {{"id", c.id},
          {"brand", c.brand},
          {"last4", c.last4},
          {"exp_month", c.exp_month},
          {"exp_year", c.exp_year},
          {"funding", c.funding},
          {"country", optional_json(c.country)},
          {"name", optional_json(c.name)}};
}

inline json::value to_json(const cc::custom_number& n) {
  return {{"name", n.name}, {"number", n.number}};
}

// ---- Human text

// A custom number as Cellcast lists it (digits without '+', or an alphanumeric sender id), shown
// in E.164 when it is digits.
inline std::string e164_or_sender_id(const std::string& number) {
  const bool digits = !number.empty() && std::all_of(number.begin(), number.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
  return digits ? "+" + number : number;
}

inline std::string expiry(const cc::card& c) {
  char text[32];
  std::snprintf(text, sizeof text, "%02lld/%lld", static_cast<long long>(c.exp_month),
                static_cast<long long>(c.exp_year));
  return text;
}

// How a purchase pays, for its line.
inline std::string payment(const cc::purchase_request& r) {
  if (!r.card.empty()) return "card " + r.card;
  if (!r.token.empty()) return "a Stripe token";
  return "BECS direct debit";
}

// The request's custom number as it is sent (+61...), or as typed if the validator refused it
// (then nothing was sent and this is not printed).
template <class Request>
std::string normalized_number(const Request& r) {
  auto valid = cc::validate(r);
  return valid ? valid->number : r.number;
}

// What to do after outcome_unknown, per operation.
inline constexpr std::string_view purchase_reconcile =
    "check the account's virtual numbers in Cellcast's dashboard (no Cellcast API lists them); "
    "buying again may buy twice";
inline constexpr std::string_view read_reconcile = "a read changes nothing: run it again";

// ---- The commands, one function each

inline void purchase(CLI::App& cellcast, runner& run) {
  struct flags {
    cc::purchase_request request;
    std::string cycle;
    cc::becs_debit becs;
  };
  auto f = std::make_shared<flags>();
  auto* cmd = cellcast.add_subcommand(
      "purchase", "Buy a virtual number, paid by card, Stripe token or BECS direct debit");
  cmd->add_option("--card", f->request.card, "A card ID from list-cards (card_...)");
  cmd->add_option("--token", f->request.token, "A Stripe token (API-only)");
  cmd->add_option("--becs-email", f->becs.email, "BECS: the email for mandate and debit notices");
  cmd->add_option("--becs-name", f->becs.account_name, "BECS: the bank account holder's name");
  cmd->add_option("--becs-payment-method", f->becs.payment_method,
                  "BECS: a Stripe payment method (or --becs-bsb and --becs-account)");
  cmd->add_option("--becs-bsb", f->becs.bsb_number, "BECS: the BSB, 6 digits");
  cmd->add_option("--becs-account", f->becs.account_number, "BECS: the account number");
  cmd->add_option("--product", f->request.product,
                  "The number's monthly product for --cycle month, its yearly one for year")
      ->required();
  cmd->add_option("--number", f->request.number,
                  "The virtual number's ID (e.g. 66ea98514f0c1a121c76ec17)")
      ->required();
  cmd->add_option("--cycle", f->cycle, "The billing cycle")
      ->required()
      ->check(one_of({"month", "year"}))
      ->type_name("month|year");
  cmd->add_flag("--resubscribe", f->request.resubscribe, "Resubscribe a number bought before");
  cmd->footer(
      "Pay with exactly one of --card, --token or the --becs-* flags. On exit 4 the purchase may "
      "have been charged: check the dashboard before buying again.");
  run.command<provider>(cmd, [f](const session& s) {
    cc::purchase_request r = f->request;
    r.recurring_time = f->cycle == "year" ? cc::billing_cycle::year : cc::billing_cycle::month;
    const auto& b = f->becs;
    if (!b.email.empty() || !b.account_name.empty() || !b.payment_method.empty() ||
        !b.bsb_number.empty() || !b.account_number.empty())
      r.becs = b;
    return s.execute([&](const cc::config& c) { return cc::build_purchase_virtual_number(c, r); },
                     [&](auto& client) { return client.purchase_virtual_number(r); },
                     [&](const cc::purchase_receipt& receipt) {
                       return shown{"Bought virtual number " + r.number + " (" + f->cycle +
                                        ", product " + r.product + ", " + payment(r) +
                                        "): " + receipt.message,
                                    to_json(receipt)};
                     },
                     purchase_reconcile);
  });
}

inline void purchase_postpaid(CLI::App& cellcast, runner& run) {
  auto f = std::make_shared<cc::postpaid_purchase_request>();
  auto* cmd = cellcast.add_subcommand(
      "purchase-postpaid", "Buy a virtual number on postpaid billing (accounts Cellcast enabled)");
  cmd->add_option("--number", f->number, "The virtual number's ID")->required();
  cmd->add_flag("--resubscribe", f->resubscribe, "Resubscribe a number bought before");
  run.command<provider>(cmd, [f](const session& s) {
    const cc::postpaid_purchase_request& r = *f;
    return s.execute(
        [&](const cc::config& c) { return cc::build_purchase_virtual_number_postpaid(c, r); },
        [&](auto& client) { return client.purchase_virtual_number_postpaid(r); },
        [&](const cc::purchase_receipt& receipt) {
          return shown{"Bought virtual number " + r.number + " (postpaid): " + receipt.message,
                       to_json(receipt)};
        },
        purchase_reconcile);
  });
}

inline void unsubscribe(CLI::App& cellcast, runner& run) {
  auto id = std::make_shared<std::string>();
  auto* cmd = cellcast.add_subcommand("unsubscribe", "Release a virtual number");
  cmd->add_option("ID", *id, "The virtual number's ID")->required();
  run.command<provider>(cmd, [id](const session& s) {
    return s.execute(
        [&](const cc::config& c) { return cc::build_unsubscribe_virtual_number(c, *id); },
        [&](auto& client) { return client.unsubscribe_virtual_number(*id); },
        [&](const cc::unsubscribe_receipt& receipt) {
          return shown{"Released virtual number " + *id + ": " + receipt.message, to_json(receipt)};
        },
        "unsubscribing again is safe: run the same command again");
  });
}

inline void add_custom_number(CLI::App& cellcast, runner& run) {
  auto f = std::make_shared<cc::custom_number_request>();
  auto* cmd = cellcast.add_subcommand(
      "add-custom-number", "Add an Australian number as a sender ID (an OTP may follow)");
  cmd->add_option("--name", f->name, "A name for the sender ID")->required();
  cmd->add_option("--number", f->number,
                  "The number, in any Australian form (0400 000 000, +61...)")
      ->required();
  run.command<provider>(cmd, [f](const session& s) {
    const cc::custom_number_request& r = *f;
    const std::string number = normalized_number(r);
    return s.execute([&](const cc::config& c) { return cc::build_add_custom_number(c, r); },
                     [&](auto& client) { return client.add_custom_number(r); },
                     [&](const cc::custom_number_receipt& receipt) {
                       std::string text =
                           receipt.otp_required
                               ? "OTP sent to custom number " + number + " (" + r.name +
                                     "): verify it with: vnumctl cellcast verify-custom-number "
                                     "--name " +
                                     shell_quote(r.name) + " --number " + number + " --otp CODE"
                               : "Added custom number " + number + " (" + r.name +
                                     "): " + receipt.message;
                       return shown{std::move(text), to_json(receipt)};
                     },
                     "run `vnumctl cellcast list-custom-numbers` to see whether " + number +
                         " was added before adding it again");
  });
}

inline void verify_custom_number(CLI::App& cellcast, runner& run) {
  auto f = std::make_shared<cc::verify_custom_number_request>();
  auto* cmd = cellcast.add_subcommand("verify-custom-number",
                                      "Verify a custom number with the OTP sent to it");
  cmd->add_option("--name", f->name, "The name given to add-custom-number")->required();
  cmd->add_option("--number", f->number, "The number, in any Australian form")->required();
  cmd->add_option("--otp", f->otp, "The code received by SMS")->required();
  run.command<provider>(cmd, [f](const session& s) {
    const cc::verify_custom_number_request& r = *f;
    const std::string number = normalized_number(r);
    return s.execute(
        [&](const cc::config& c) { return cc::build_verify_custom_number(c, r); },
        [&](auto& client) { return client.verify_custom_number(r); },
        [&](const cc::verify_custom_number_receipt& receipt) {
          return shown{"Verified custom number " + number + " (" + r.name + "): " + receipt.message,
                       to_json(receipt)};
        },
        "run `vnumctl cellcast list-custom-numbers` to see whether " + number +
            " is verified; verifying again is safe");
  });
}

inline void add_business_name(CLI::App& cellcast, runner& run) {
  auto f = std::make_shared<cc::business_name_request>();
  auto* cmd = cellcast.add_subcommand(
      "add-business-name", "Ask Cellcast to approve a business name (Alpha ID) as sender ID");
  cmd->add_option("--business-name", f->business_name, "The name, 3 to 11 characters")->required();
  cmd->add_option("--description", f->description_internal, "What it is for, internally")
      ->required();
  cmd->add_option("--purpose", f->purpose_of_use, "The purpose of use")->required();
  cmd->add_flag("--ownership", f->ownership, "You own the business name");
  cmd->add_option("--company-name", f->company.name, "The company's name")->required();
  cmd->add_option("--abn", f->company.abn, "The Australian Business Number, 11 digits")->required();
  cmd->add_option("--website", f->company.website, "The company's website")->required();
  cmd->add_option("--address", f->company.address, "The company's address")->required();
  cmd->add_option("--first-name", f->requestor.first_name, "The requestor's first name")
      ->required();
  cmd->add_option("--last-name", f->requestor.last_name, "The requestor's last name")->required();
  cmd->add_option("--position", f->requestor.position, "The requestor's position")->required();
  cmd->add_option("--phone", f->requestor.phone_number, "The requestor's phone number, digits")
      ->required();
  cmd->add_option("--email", f->requestor.email, "The requestor's email")->required();
  cmd->add_option("--customer-contact", f->customer_contact,
                  "A number customers can call, in any Australian form (optional)");
  run.command<provider>(cmd, [f](const session& s) {
    const cc::business_name_request& r = *f;
    return s.execute(
        [&](const cc::config& c) { return cc::build_add_business_name(c, r); },
        [&](auto& client) { return client.add_business_name(r); },
        [&](const cc::business_name_receipt& receipt) {
          return shown{"Requested business name " + r.business_name + ": " + receipt.message,
                       to_json(receipt)};
        },
        "check the account's business names in Cellcast's dashboard before asking again");
  });
}

inline void list_cards(CLI::App& cellcast, runner& run) {
  auto* cmd = cellcast.add_subcommand("list-cards", "List the cards on file (IDs for --card)");
  run.command<provider>(cmd, [](const session& s) {
    return s.execute(
        [](const cc::config& c) { return cc::build_list_cards(c); },
        [](auto& client) { return client.list_cards(); },
        [](const std::vector<cc::card>& cards) {
          table t({"ID", "BRAND", "LAST4", "EXPIRES", "FUNDING", "COUNTRY", "NAME"});
          for (const auto& c : cards)
            t.row({c.id, c.brand, c.last4, expiry(c), or_dash(c.funding), or_dash(c.country),
                   or_dash(c.name)});
          return shown{t.str(), array_json(cards, [](const cc::card& c) { return to_json(c); })};
        },
        read_reconcile);
  });
}

inline void list_custom_numbers(CLI::App& cellcast, runner& run) {
  auto* cmd = cellcast.add_subcommand("list-custom-numbers",
                                      "List the account's custom numbers (sender IDs)");
  run.command<provider>(cmd, [](const session& s) {
    return s.execute([](const cc::config& c) { return cc::build_list_custom_numbers(c); },
                     [](auto& client) { return client.list_custom_numbers(); },
                     [](const std::vector<cc::custom_number>& numbers) {
                       table t({"NUMBER", "NAME"});
                       for (const auto& n : numbers) t.row({e164_or_sender_id(n.number), n.name});
                       return shown{t.str(), array_json(numbers, [](const cc::custom_number& n) {
                                      return to_json(n);
                                    })};
                     },
                     read_reconcile);
  });
}

// `vnumctl cellcast`, with its commands.
inline void add_commands(CLI::App& app, runner& run) {
  auto* cellcast = app.add_subcommand("cellcast", "Cellcast virtual and custom numbers");
  cellcast->require_subcommand(1);
  cellcast->footer(
      "The API key comes from CELLCAST_API_KEY, or --api-key-file PATH.\n"
      "The global flags and the exit codes: vnumctl --help.");
  purchase(*cellcast, run);
  purchase_postpaid(*cellcast, run);
  unsubscribe(*cellcast, run);
  add_custom_number(*cellcast, run);
  verify_custom_number(*cellcast, run);
  add_business_name(*cellcast, run);
  list_cards(*cellcast, run);
  list_custom_numbers(*cellcast, run);
}

}  // namespace vnumctl::cellcast

#endif  // VNUM_APPS_VNUMCTL_COMMANDS_CELLCAST_HPP
