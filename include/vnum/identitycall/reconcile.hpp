// vnum — IdentityCall: settling unsettled intents (<vnum/intent.hpp>) from the provider's records.
//
// A purchase is settled from List Virtual Numbers, an operator's creation from List Operators,
// both read whole (every page). What the docs allow:
//   - Purchase Number "attaches [the number] to the account (and the key's project)", and List
//     Virtual Numbers "returns every virtual number on the account" (the key's project when
//     project-scoped): a number the list holds is bought. Its list entry is the object the purchase
//     answers with (the same documented fields), so the intent becomes succeeded with it, and the
//     same key returns that number.
//   - A number the list does not hold is "absent", which settles nothing: the docs do not say that
//     a purchase shows in the list at once. A person who knows (the dashboard) resolves it.
//   - An operator is matched by the request's name and phone number; more than one match is
//     "ambiguous" and left to a person.
//   - add_operator has no list of its own to check against: a person settles it (get_virtual_number
//     shows the number's operators).
// Each call reads the lists through the client's transport and writes only to the ledger.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_RECONCILE_HPP
#define VNUM_IDENTITYCALL_RECONCILE_HPP

#include <vnum/detail/json.hpp>
#include <vnum/detail/run.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/client.hpp>
#include <vnum/identitycall/parse.hpp>
#include <vnum/identitycall/plan.hpp>
#include <vnum/intent.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::identitycall {

namespace detail {

// The transport's successful answers, kept as they came: the list entries are kept from these,
// byte for byte, not rebuilt from vnum's model.
template <class Inner>
struct keeping_transport {
  Inner* inner;
  std::vector<http::response> pages;
  result<http::response> send(const http::request& r) {
    auto answer = vnum::detail::send(*inner, r);
    if (answer && answer->status == 200) pages.push_back(*answer);
    return answer;
  }
};

// Every entry of every kept page's "data", serialized, by its "phone_number".
inline std::multimap<std::string, std::string> entries_by_phone(
    const std::vector<http::response>& pages) {
  std::multimap<std::string, std::string> out;
  for (const auto& p : pages) {
    auto body = vnum::detail::parse_json(p.body);
    if (!body || !body->is_object()) continue;
    const auto* data = vnum::detail::array_member(body->get_object(), "data");
    if (data == nullptr) continue;
    for (const auto& e : *data)
      if (const auto* o = e.if_object())
        if (auto phone = vnum::detail::string_member(*o, "phone_number"))
          out.emplace(std::move(*phone), boost::json::serialize(e));
  }
  return out;
}

// A request body member of an intent's fingerprint ("POST url\n{json}").
inline std::optional<std::string> fingerprint_member(std::string_view fingerprint,
                                                     std::string_view name) {
  const auto nl = fingerprint.find('\n');
  if (nl == std::string_view::npos) return std::nullopt;
  auto body = vnum::detail::parse_json(fingerprint.substr(nl + 1));
  if (!body || !body->is_object()) return std::nullopt;
  return vnum::detail::string_member(body->get_object(), name);
}

}  // namespace detail

/// Settles what IdentityCall's lists can settle of the ledger's unsettled IdentityCall intents,
/// and says of each what it found. An error (a list could not be read, the ledger failed) settles
/// nothing more than was settled before it.
///
/// A purchase is looked for in List Virtual Numbers by its phone number, an operator's creation in
/// List Operators by its phone number and name, each list read whole (every page) at most once per
/// call, through the client's transport and with its retry policy. One match whose entry reads as
/// the call's own answer is settled (succeeded, kept as that answer, so the same key returns it);
/// none is absent, more than one ambiguous; any other operation (add_operator), and a match that
/// does not read as the answer, need a person; a pending intent with a live owner is in flight and
/// left alone. Intents of other providers are skipped. Nothing is sent but the lists' reads; only
/// the ledger is written.
/// @param c the client whose transport and config read the lists
/// @param ledger the ledger; its calls block the calling thread
/// @return one entry per unsettled IdentityCall intent, oldest first; or the first error: the
///         ledger's (from unsettled() or resolve()), or a list's read (as client::list_operators
///         and client::list_virtual_numbers give them)
template <http::transport T, ledger L>
result<std::vector<reconciled>> reconcile(client<T>& c, L& ledger) {
  auto open = ledger.unsettled();
  if (!open) return open.error();
  std::vector<reconciled> out;
  std::optional<std::multimap<std::string, std::string>> numbers, operators;

  // Reads a whole list once, keeping its pages' entries.
  auto read_list = [&c](auto plan) -> result<std::multimap<std::string, std::string>> {
    detail::keeping_transport<std::remove_reference_t<T>> keeping{&c.transport(), {}};
    auto listed = vnum::detail::run(keeping, plan, c.config().retry);
    if (!listed) return listed.error();
    return detail::entries_by_phone(keeping.pages);
  };

  for (const intent_record& r : *open) {
    reconciled item{r.key, r.operation, reconcile_verdict::needs_person, {}};
    const bool purchase = r.operation == "identitycall.purchase_number";
    const bool create = r.operation == "identitycall.create_operator";
    if (!r.operation.starts_with("identitycall.")) continue;
    if (r.state == intent_state::pending && r.owner_alive) {
      item.verdict = reconcile_verdict::in_flight;
      item.detail = "its owner is still sending it (lease to " + to_iso8601(r.lease_until) + ")";
      out.push_back(std::move(item));
      continue;
    }
    if (!purchase && !create) {
      item.detail = "no list records it: check get_virtual_number()'s operators, then resolve";
      out.push_back(std::move(item));
      continue;
    }
    auto& index = purchase ? numbers : operators;
    if (!index) {
      auto listed = purchase ? read_list(plans::list_virtual_numbers(c.config()))
                             : read_list(plans::list_operators(c.config()));
      if (!listed) return listed.error();
      index = std::move(*listed);
    }
    const auto phone = detail::fingerprint_member(r.fingerprint, "phone_number");
    const auto name = detail::fingerprint_member(r.fingerprint, "name");
    std::vector<std::string> matches;
    if (phone) {
      auto [from, to] = index->equal_range(*phone);
      for (auto it = from; it != to; ++it) {
        if (create) {
          auto entry = vnum::detail::parse_json(it->second);
          if (!entry || vnum::detail::string_member(entry->get_object(), "name") != name) continue;
        }
        matches.push_back(it->second);
      }
    }
    const std::string what =
        purchase ? "the number " + phone.value_or("?")
                 : "an operator " + name.value_or("?") + " with " + phone.value_or("?");
    if (matches.empty()) {
      item.verdict = reconcile_verdict::absent;
      item.detail = what + " is not in " + (purchase ? "List Virtual Numbers" : "List Operators") +
                    "; the docs do not say a new one shows there at once, so this settles nothing";
    } else if (matches.size() > 1) {
      item.verdict = reconcile_verdict::ambiguous;
      item.detail = std::to_string(matches.size()) + " entries match " + what;
    } else {
      settlement s;
      s.state = intent_state::succeeded;
      s.answer_status = 200;
      s.answer_body = "{\"data\":" + matches.front() + "}";
      s.note = std::string("reconciled: ") +
               (purchase ? "List Virtual Numbers" : "List Operators") + " holds " + what;
      // The kept answer must read as the call's own would: checked before it is kept.
      const bool reads = purchase ? bool(parse_purchase_number({200, {}, s.answer_body}))
                                  : bool(parse_create_operator({200, {}, s.answer_body}));
      if (!reads) {
        item.verdict = reconcile_verdict::needs_person;
        item.detail = "the list entry for " + what + " does not read as the call's answer";
      } else {
        auto kept = ledger.resolve(r.key, s);
        if (!kept) return kept.error();
        item.verdict = reconcile_verdict::settled;
        item.detail = s.note;
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_RECONCILE_HPP
