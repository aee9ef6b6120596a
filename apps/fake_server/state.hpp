// vnum-fake-server — GET /_fake/state: the world a fake holds now, as JSON, for scripts and for the
// page at /_fake/. Read through the fakes' public accessors only; never an API key.
//
//   cellcast      {"provider", "routes", "settings": {"otp_required", "postpaid", "key_expired"},
//                  "numbers": [{"id", "number", "monthly_product", "yearly_product",
//                               "state": "available"|"subscribed", "subscription": {...}|null}],
//                  "cards": [...], "custom_numbers": [...], "pending_otps": [{"number", "otp"}],
//                  "business_names": [...], "faults": [...], "journal": {...}}
//   identitycall  {"provider", "routes", "available": [...], "numbers": [...], "operators": [...],
//                  "requirement_groups": [...], "faults": [...], "journal": {...}}
// "faults": the armed ones, in the order they will be considered: {"kind", "status",
// "retry_after", "route"} (null where it does not apply). "journal": {"limit", "kept", "dropped",
// "received"}.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_FAKE_SERVER_STATE_HPP
#define VNUM_APPS_FAKE_SERVER_STATE_HPP

#include <vnum/detail/json.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vnum_fake_server {

namespace json = boost::json;

inline constexpr std::array cellcast_routes{
    vnum::testing::cellcast_route::purchase_virtual_number,
    vnum::testing::cellcast_route::purchase_virtual_number_postpaid,
    vnum::testing::cellcast_route::unsubscribe_virtual_number,
    vnum::testing::cellcast_route::add_custom_number,
    vnum::testing::cellcast_route::verify_custom_number,
    vnum::testing::cellcast_route::add_business_name,
    vnum::testing::cellcast_route::list_cards,
    vnum::testing::cellcast_route::list_custom_numbers,
};

inline constexpr std::array identitycall_routes{
    vnum::testing::identitycall_route::list_virtual_numbers,
    vnum::testing::identitycall_route::get_virtual_number,
    vnum::testing::identitycall_route::update_virtual_number,
    vnum::testing::identitycall_route::search_available_numbers,
    vnum::testing::identitycall_route::purchase_number,
    vnum::testing::identitycall_route::add_operator,
    vnum::testing::identitycall_route::remove_operator,
    vnum::testing::identitycall_route::list_operators,
    vnum::testing::identitycall_route::get_operator,
    vnum::testing::identitycall_route::create_operator,
    vnum::testing::identitycall_route::update_operator,
    vnum::testing::identitycall_route::delete_operator,
};

inline const auto& routes_of(const vnum::testing::fake_cellcast&) { return cellcast_routes; }
inline const auto& routes_of(const vnum::testing::fake_identitycall&) {
  return identitycall_routes;
}

template <class T>
json::value or_null(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

inline std::string_view kind_name(vnum::testing::fault::kind k) {
  switch (k) {
    case vnum::testing::fault::kind::request_lost:
      return "request_lost";
    case vnum::testing::fault::kind::response_lost:
      return "response_lost";
    case vnum::testing::fault::kind::status:
      return "status";
  }
  return "";
}

// What every provider's state has: its routes, armed faults and the journal's bounds.
template <class Fake>
void add_common(json::object& out, const Fake& fake) {
  json::array routes;
  for (auto r : routes_of(fake)) routes.emplace_back(to_string(r));
  out["routes"] = std::move(routes);
  json::array faults;
  for (const auto& a : fake.armed_faults()) {
    const bool status = a.what.type() == vnum::testing::fault::kind::status;
    faults.push_back(
        json::object{{"kind", kind_name(a.what.type())},
                     {"status", status ? json::value(a.what.http_status()) : json::value(nullptr)},
                     {"retry_after", status && a.what.http_status() == 429
                                         ? json::value(a.what.retry_after().count())
                                         : json::value(nullptr)},
                     {"route", a.only ? json::value(to_string(*a.only)) : json::value(nullptr)}});
  }
  out["faults"] = std::move(faults);
  const std::uint64_t received = fake.journal_received();
  const std::uint64_t dropped = fake.journal_dropped();
  out["journal"] = json::object{{"limit", fake.journal_limit()},
                                {"kept", received - dropped},
                                {"dropped", dropped},
                                {"received", received}};
}

inline json::object state_of(const vnum::testing::fake_cellcast& fake) {
  json::object out{{"provider", "cellcast"}};
  out["settings"] = json::object{{"otp_required", fake.otp_required()},
                                 {"postpaid", fake.postpaid_enabled()},
                                 {"key_expired", fake.key_expired()}};
  const auto subscriptions = fake.subscriptions();
  json::array numbers;
  for (const auto& n : fake.inventory()) {
    json::value subscription = nullptr;
    for (const auto& s : subscriptions)
      if (s.number_id == n.id)
        subscription = json::object{{"product", s.product},
                                    {"recurring_time", s.recurring_time},
                                    {"payment", s.payment},
                                    {"resubscribe", s.resubscribe}};
    numbers.push_back(json::object{{"id", n.id},
                                   {"number", n.number},
                                   {"monthly_product", n.monthly_product},
                                   {"yearly_product", n.yearly_product},
                                   {"state", subscription.is_null() ? "available" : "subscribed"},
                                   {"subscription", std::move(subscription)}});
  }
  out["numbers"] = std::move(numbers);
  json::array cards;
  for (const auto& c : fake.cards())
    cards.push_back(json::object{{"id", c.id},
                                 {"brand", c.details.brand},
                                 {"last4", c.details.last4},
                                 {"exp_month", c.details.exp_month},
                                 {"exp_year", c.details.exp_year},
                                 {"funding", c.details.funding},
                                 {"country", or_null(c.details.country)},
                                 {"name", or_null(c.details.name)}});
  out["cards"] = std::move(cards);
  json::array custom;
  for (const auto& c : fake.custom_numbers())
    custom.push_back(
        json::object{{"number", c.number}, {"name", c.name}, {"verified", c.verified}});
  out["custom_numbers"] = std::move(custom);
  json::array otps;
  for (const auto& p : fake.pending_otps())
    otps.push_back(json::object{{"number", p.number}, {"otp", p.otp}});
  out["pending_otps"] = std::move(otps);
  json::array names;
  for (const auto& n : fake.business_names()) names.emplace_back(n);
  out["business_names"] = std::move(names);
  add_common(out, fake);
  return out;
}

template <class Ids>
json::array ids_of(const Ids& ids) {
  json::array out;
  for (std::int64_t id : ids) out.emplace_back(id);
  return out;
}

inline json::object state_of(const vnum::testing::fake_identitycall& fake) {
  json::object out{{"provider", "identitycall"}};
  json::array available;
  for (const auto& o : fake.available())
    available.push_back(json::object{{"phone_number", o.phone_number},
                                     {"country_code", o.country_code},
                                     {"number_type", o.number_type},
                                     {"upfront_cost", o.upfront_cost},
                                     {"monthly_cost", o.monthly_cost}});
  out["available"] = std::move(available);
  json::array numbers;
  for (const auto& n : fake.numbers())
    numbers.push_back(json::object{{"id", n.id},
                                   {"phone_number", n.phone_number},
                                   {"name", or_null(n.name)},
                                   {"country_code", n.country_code},
                                   {"active", n.active},
                                   {"recording", n.recording},
                                   {"routing_strategy", n.routing_strategy},
                                   {"project_id", or_null(n.project_id)},
                                   {"operators", ids_of(n.operators)}});
  out["numbers"] = std::move(numbers);
  json::array operators;
  for (const auto& op : fake.operators())
    operators.push_back(json::object{{"id", op.id},
                                     {"name", op.name},
                                     {"phone_number", op.phone_number},
                                     {"email", or_null(op.email)},
                                     {"active", op.active},
                                     {"projects", ids_of(op.projects)},
                                     {"numbers", ids_of(op.numbers)}});
  out["operators"] = std::move(operators);
  json::array groups;
  for (const auto& g : fake.requirement_groups())
    groups.push_back(json::object{{"id", g.id}, {"approved", g.approved}});
  out["requirement_groups"] = std::move(groups);
  add_common(out, fake);
  return out;
}

}  // namespace vnum_fake_server

#endif  // VNUM_APPS_FAKE_SERVER_STATE_HPP
