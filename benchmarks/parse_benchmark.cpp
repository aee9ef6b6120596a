// Group "parse": every parse_* of both providers on its documented success, against the naive
// read a user would write without vnum: boost::json::parse with the default memory resource, then
// as_object().at("x").as_string() for exactly the fields vnum reads, into the same result type,
// with the status check and nothing else (no strict typing, no field paths, no outcome rule).
// The bodies are the providers' documented examples, from tests/<provider>/examples.hpp (which the
// tests and the cassettes of tests/cassettes/ use too); where a page documents none, the comment
// at the pair says what stands in.
#include <vnum/cellcast/parse.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/parse.hpp>

#include "../tests/cellcast/examples.hpp"
#include "../tests/identitycall/examples.hpp"
#include "registry.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
namespace http = vnum::http;
namespace json = boost::json;
namespace cc_ex = cellcast_examples;
namespace ic_ex = identitycall_examples;

// ---- The naive reads

// What a naive reader answers to anything but the success it expects (never reached here).
vnum::error not_a_success(const http::response& r) {
  return vnum::make_error(vnum::errc::protocol, "not the documented success", r.status);
}

std::string text(const json::object& o, std::string_view key) {
  return std::string(o.at(key).as_string());
}

std::optional<std::string> nullable_text(const json::object& o, std::string_view key) {
  const json::value& v = o.at(key);
  if (v.is_null()) return std::nullopt;
  return std::string(v.as_string());
}

std::int64_t integer(const json::object& o, std::string_view key) { return o.at(key).as_int64(); }

bool flag(const json::object& o, std::string_view key) { return o.at(key).as_bool(); }

template <class Read>
auto array_of(const json::object& o, std::string_view key, Read read) {
  std::vector<decltype(read(std::declval<const json::object&>()))> out;
  for (const json::value& item : o.at(key).as_array()) out.push_back(read(item.as_object()));
  return out;
}

// Cellcast: a 200 whose envelope says "status": true; `read` takes the envelope.
template <class Read>
auto cellcast_success(const http::response& r, Read read)
    -> vnum::result<decltype(read(std::declval<const json::object&>()))> {
  if (r.status != 200) return not_a_success(r);
  const json::value body = json::parse(r.body);
  const json::object& envelope = body.as_object();
  if (!flag(envelope, "status")) return not_a_success(r);
  return read(envelope);
}

// IdentityCall: one of the accepted statuses; `read` takes the top-level object.
template <class Read>
auto identitycall_success(const http::response& r, bool accepted, Read read)
    -> vnum::result<decltype(read(std::declval<const json::object&>()))> {
  if (!accepted) return not_a_success(r);
  const json::value body = json::parse(r.body);
  return read(body.as_object());
}

cc::card naive_card(const json::object& o) {
  cc::card c;
  c.id = text(o, "id");
  c.brand = text(o, "brand");
  c.last4 = text(o, "last4");
  c.exp_month = integer(o, "exp_month");
  c.exp_year = integer(o, "exp_year");
  c.funding = text(o, "funding");
  c.country = nullable_text(o, "country");
  c.name = nullable_text(o, "name");
  return c;
}

ic::operator_preview naive_operator_preview(const json::object& o) {
  return {integer(o, "id"), text(o, "name"), text(o, "initials")};
}

ic::virtual_number naive_virtual_number(const json::object& o) {
  ic::virtual_number n;
  n.id = integer(o, "id");
  n.phone_number = text(o, "phone_number");
  n.name = nullable_text(o, "name");
  n.country_code = text(o, "country_code");
  n.active = flag(o, "active");
  n.ai_receptionist_enabled = flag(o, "ai_receptionist_enabled");
  n.operators = array_of(o, "operators", naive_operator_preview);
  n.operators_count = integer(o, "operators_count");
  return n;
}

ic::routing_strategy naive_routing(std::string_view s) {
  if (s == "priority") return ic::routing_strategy::priority;
  if (s == "round_robin") return ic::routing_strategy::round_robin;
  if (s == "simultaneous") return ic::routing_strategy::simultaneous;
  return ic::routing_strategy::other;
}

std::optional<ic::number_type> naive_number_type(std::string_view s) {
  if (s == "mobile") return ic::number_type::mobile;
  if (s == "local") return ic::number_type::local;
  if (s == "toll-free") return ic::number_type::toll_free;
  if (s == "national") return ic::number_type::national;
  return std::nullopt;
}

ic::virtual_number_detail naive_detail(const json::object& o) {
  ic::virtual_number_detail d;
  d.id = integer(o, "id");
  d.phone_number = text(o, "phone_number");
  d.name = nullable_text(o, "name");
  d.country_code = text(o, "country_code");
  d.active = flag(o, "active");
  d.recording = flag(o, "recording");
  d.routing_name = text(o, "routing_strategy");
  d.routing = naive_routing(d.routing_name);
  d.ai_receptionist_enabled = flag(o, "ai_receptionist_enabled");
  const json::object& stats = o.at("stats").as_object();
  d.stats.total_calls = integer(stats, "total_calls");
  d.stats.answered_calls = integer(stats, "answered_calls");
  d.stats.missed_calls = integer(stats, "missed_calls");
  d.stats.average_duration_seconds = stats.at("average_duration_seconds").to_number<double>();
  d.operators = array_of(o, "operators", [](const json::object& op) {
    return ic::attached_operator{integer(op, "id"), text(op, "name"), text(op, "phone_number"),
                                 text(op, "initials"), integer(op, "priority")};
  });
  d.available_operators = array_of(o, "available_operators", [](const json::object& op) {
    return ic::available_operator{integer(op, "id"), text(op, "name"), text(op, "phone_number"),
                                  text(op, "initials")};
  });
  d.recent_calls = array_of(o, "recent_calls", [](const json::object& c) {
    return ic::recent_call{integer(c, "id"),
                           text(c, "phone_number"),
                           nullable_text(c, "caller_name"),
                           text(c, "call_status"),
                           integer(c, "call_duration"),
                           text(c, "direction"),
                           flag(c, "ai_handled"),
                           nullable_text(c, "transcript_summary"),
                           text(c, "created_at")};
  });
  return d;
}

ic::virtual_number_detail naive_data_detail(const json::object& top) {
  return naive_detail(top.at("data").as_object());
}

ic::available_number naive_available_number(const json::object& o) {
  ic::available_number a;
  a.phone_number = text(o, "phone_number");
  a.country_code = text(o, "country_code");
  a.type = naive_number_type(o.at("number_type").as_string());
  a.upfront_cost = text(o, "upfront_cost");
  a.monthly_cost = text(o, "monthly_cost");
  std::vector<std::string> features;
  for (const json::value& f : o.at("features").as_array()) features.emplace_back(f.as_string());
  a.features = std::move(features);
  a.region_information = array_of(o, "region_information", [](const json::object& region) {
    return ic::number_region{text(region, "region_type"), text(region, "region_name")};
  });
  a.raw = json::serialize(o);  // the entry as JSON text, as vnum keeps it
  return a;
}

ic::operator_summary naive_operator_summary(const json::object& o) {
  return {integer(o, "id"),
          text(o, "name"),
          text(o, "phone_number"),
          nullable_text(o, "email"),
          flag(o, "active"),
          text(o, "initials"),
          integer(o, "virtual_numbers_count")};
}

ic::operator_detail naive_operator_detail(const json::object& o) {
  ic::operator_detail d;
  d.id = integer(o, "id");
  d.name = text(o, "name");
  d.phone_number = text(o, "phone_number");
  d.email = nullable_text(o, "email");
  d.active = flag(o, "active");
  d.initials = text(o, "initials");
  d.virtual_numbers = array_of(o, "virtual_numbers", [](const json::object& n) {
    return ic::operator_number{integer(n, "id"), text(n, "phone_number"), nullable_text(n, "name"),
                               flag(n, "active")};
  });
  return d;
}

ic::operator_detail naive_data_operator(const json::object& top) {
  return naive_operator_detail(top.at("data").as_object());
}

ic::page_meta naive_meta(const json::object& m) {
  return {integer(m, "current_page"), integer(m, "per_page"), integer(m, "total_pages"),
          integer(m, "total_count")};
}

template <class Read>
auto naive_page(const json::object& top, Read read) {
  ic::page<decltype(read(std::declval<const json::object&>()))> p;
  p.items = array_of(top, "data", read);
  if (top.contains("meta")) p.meta = naive_meta(top.at("meta").as_object());
  return p;
}

// ---- The pairs

// Adds "parse/<name>/{vnum,baseline}" on one canned answer after checking that both read it alike.
template <class VnumParse, class BaselineParse>
void add_parse_pair(bench::registry& cases, const std::string& name, int status,
                    std::string_view body, VnumParse vnum_parse, BaselineParse baseline_parse) {
  const std::string pair = "parse/" + name;
  auto answer =
      std::make_shared<const http::response>(http::response{status, {}, std::string(body)});
  bench::check_same(cases, pair, vnum_parse(*answer), baseline_parse(*answer));
  bench::add_pair(
      cases, pair, [answer, vnum_parse] { return vnum_parse(*answer); },
      [answer, baseline_parse] { return baseline_parse(*answer); });
}

void add_cellcast(bench::registry& cases) {
  // purchase-virtual-number.html, 200 Success.
  add_parse_pair(
      cases, "cellcast_purchase_virtual_number", 200, cc_ex::purchase_200,
      [](const http::response& r) { return cc::parse_purchase_virtual_number(r); },
      [](const http::response& r) {
        return cellcast_success(
            r, [](const json::object& e) { return cc::purchase_receipt{text(e, "message")}; });
      });
  // The postpaid page documents no response; vnum reads the family's envelope: purchase_200.
  add_parse_pair(
      cases, "cellcast_purchase_virtual_number_postpaid", 200, cc_ex::purchase_200,
      [](const http::response& r) { return cc::parse_purchase_virtual_number_postpaid(r); },
      [](const http::response& r) {
        return cellcast_success(
            r, [](const json::object& e) { return cc::purchase_receipt{text(e, "message")}; });
      });
  // unsubscribe-virtual-number.html, 200 Success.
  add_parse_pair(
      cases, "cellcast_unsubscribe_virtual_number", 200, cc_ex::unsubscribe_200,
      [](const http::response& r) { return cc::parse_unsubscribe_virtual_number(r); },
      [](const http::response& r) {
        return cellcast_success(
            r, [](const json::object& e) { return cc::unsubscribe_receipt{text(e, "message")}; });
      });
  // custom-number.html, 200 Success request without OTP Verification.
  add_parse_pair(
      cases, "cellcast_add_custom_number", 200, cc_ex::custom_number_200_created,
      [](const http::response& r) { return cc::parse_add_custom_number(r); },
      [](const http::response& r) {
        return cellcast_success(r, [](const json::object& e) {
          constexpr std::string_view otp_sent = "OTP sent to your number successfully";
          cc::custom_number_receipt receipt;
          receipt.message = text(e, "message");
          receipt.detail = text(e.at("data").as_object(), "message");
          receipt.otp_required = receipt.message == otp_sent || receipt.detail == otp_sent;
          return receipt;
        });
      });
  // verify-custom-number.html, 200 Success.
  add_parse_pair(
      cases, "cellcast_verify_custom_number", 200, cc_ex::verify_custom_number_200,
      [](const http::response& r) { return cc::parse_verify_custom_number(r); },
      [](const http::response& r) {
        return cellcast_success(r, [](const json::object& e) {
          return cc::verify_custom_number_receipt{text(e, "message")};
        });
      });
  // business-name.html documents no response body; vnum reads the family's envelope: purchase_200.
  add_parse_pair(
      cases, "cellcast_add_business_name", 200, cc_ex::purchase_200,
      [](const http::response& r) { return cc::parse_add_business_name(r); },
      [](const http::response& r) {
        return cellcast_success(
            r, [](const json::object& e) { return cc::business_name_receipt{text(e, "message")}; });
      });
  // billing/get-list-credit-card.html, 200 Success (two Stripe cards).
  add_parse_pair(
      cases, "cellcast_list_cards", 200, cc_ex::list_cards_200,
      [](const http::response& r) { return cc::parse_list_cards(r); },
      [](const http::response& r) {
        return cellcast_success(
            r, [](const json::object& e) { return array_of(e, "data", naive_card); });
      });
  // No page documents GET /api/v1/customNumber: the live answer a public client logged (no
  // envelope, so the baseline checks the status only).
  add_parse_pair(
      cases, "cellcast_list_custom_numbers", 200, cc_ex::list_custom_numbers_200,
      [](const http::response& r) { return cc::parse_list_custom_numbers(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return array_of(top, "data", [](const json::object& n) {
            return cc::custom_number{text(n, "name"), text(n, "number")};
          });
        });
      });
}

void add_identitycall(bench::registry& cases) {
  // purchase, 201 Created.
  add_parse_pair(
      cases, "identitycall_purchase_number", 201, ic_ex::purchase_201,
      [](const http::response& r) { return ic::parse_purchase_number(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 201 || r.status == 200,
                                    [](const json::object& top) {
                                      return naive_virtual_number(top.at("data").as_object());
                                    });
      });
  // list, 200 OK (two numbers, four operator previews).
  add_parse_pair(
      cases, "identitycall_list_virtual_numbers", 200, ic_ex::list_200,
      [](const http::response& r) { return ic::parse_list_virtual_numbers(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return array_of(top, "data", naive_virtual_number);
        });
      });
  // list, 200 OK: the documented answer has no "meta".
  add_parse_pair(
      cases, "identitycall_list_virtual_numbers_page", 200, ic_ex::list_200,
      [](const http::response& r) { return ic::parse_list_virtual_numbers_page(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return naive_page(top, naive_virtual_number);
        });
      });
  // get, 200 OK.
  add_parse_pair(
      cases, "identitycall_get_virtual_number", 200, ic_ex::get_200,
      [](const http::response& r) { return ic::parse_get_virtual_number(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, naive_data_detail);
      });
  // update, 200 OK.
  add_parse_pair(
      cases, "identitycall_update_virtual_number", 200, ic_ex::update_200,
      [](const http::response& r) { return ic::parse_update_virtual_number(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return std::optional<ic::virtual_number_detail>(naive_data_detail(top));
        });
      });
  // available, 200 OK.
  add_parse_pair(
      cases, "identitycall_search_available_numbers", 200, ic_ex::available_200,
      [](const http::response& r) { return ic::parse_search_available_numbers(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return array_of(top, "data", naive_available_number);
        });
      });
  // add-operator's response was not retrievable; vnum reads the detail payload its siblings
  // return, so get's documented 200 stands in.
  add_parse_pair(
      cases, "identitycall_add_operator", 200, ic_ex::get_200,
      [](const http::response& r) { return ic::parse_add_operator(r); },
      [](const http::response& r) {
        return identitycall_success(
            r, r.status == 200 || r.status == 201, [](const json::object& top) {
              return std::optional<ic::virtual_number_detail>(naive_data_detail(top));
            });
      });
  // remove-operator, 200 OK.
  add_parse_pair(
      cases, "identitycall_remove_operator", 200, ic_ex::remove_operator_200,
      [](const http::response& r) { return ic::parse_remove_operator(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return std::optional<ic::virtual_number_detail>(naive_data_detail(top));
        });
      });
  // operators/list, 200 OK (three operators, one email null).
  add_parse_pair(
      cases, "identitycall_list_operators", 200, ic_ex::list_operators_200,
      [](const http::response& r) { return ic::parse_list_operators(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return array_of(top, "data", naive_operator_summary);
        });
      });
  // operators/list, 200 OK: the documented answer has no "meta".
  add_parse_pair(
      cases, "identitycall_list_operators_page", 200, ic_ex::list_operators_200,
      [](const http::response& r) { return ic::parse_list_operators_page(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return naive_page(top, naive_operator_summary);
        });
      });
  // operators/get, 200 OK.
  add_parse_pair(
      cases, "identitycall_get_operator", 200, ic_ex::get_operator_200,
      [](const http::response& r) { return ic::parse_get_operator(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, naive_data_operator);
      });
  // operators/create, 201 Created: the page's example (cut off after "email") made whole as
  // examples.hpp says, which is also the cassette identitycall_operators' answer.
  add_parse_pair(
      cases, "identitycall_create_operator", 201, ic_ex::create_operator_201,
      [](const http::response& r) { return ic::parse_create_operator(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 201 || r.status == 200, naive_data_operator);
      });
  // operators/update, 200 OK.
  add_parse_pair(
      cases, "identitycall_update_operator", 200, ic_ex::update_operator_200,
      [](const http::response& r) { return ic::parse_update_operator(r); },
      [](const http::response& r) {
        return identitycall_success(r, r.status == 200, [](const json::object& top) {
          return std::optional<ic::operator_detail>(naive_data_operator(top));
        });
      });
  // operators/delete, 200 OK {"success": true}.
  add_parse_pair(
      cases, "identitycall_delete_operator", 200, ic_ex::delete_operator_200,
      [](const http::response& r) { return ic::parse_delete_operator(r); },
      [](const http::response& r) -> vnum::result<void> {
        if (r.status != 200) return not_a_success(r);
        const json::value body = json::parse(r.body);
        if (!flag(body.as_object(), "success")) return not_a_success(r);
        return {};
      });
}

}  // namespace

namespace bench {

void add_parse_cases(registry& cases) {
  add_cellcast(cases);
  add_identitycall(cases);
}

}  // namespace bench
