// Hostile input through every public entry point: each row is one input a caller or a network can
// hand vnum, with the exact errc, the field named (for what a validator refuses) and whether
// anything was sent. Nothing may crash, hang, throw, or go out when it was refused.
#include <vnum/cellcast/client.hpp>
#include <vnum/detail/json.hpp>  // Boost.JSON, to read the bodies
#include <vnum/identitycall/client.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
namespace http = vnum::http;
using vnum::errc;

namespace {

// Answers every request with one canned answer (a response, an error, or a throw) and counts them.
struct canned_transport {
  std::variant<http::response, vnum::error, std::string> answer = http::response{200, {}, "{}"};
  int sent = 0;
  vnum::result<http::response> send(const http::request&) {
    ++sent;
    if (auto* r = std::get_if<http::response>(&answer)) return *r;
    if (auto* e = std::get_if<vnum::error>(&answer)) return *e;
    throw std::runtime_error(std::get<std::string>(answer));
  }
};

template <class R>
std::optional<vnum::error> failure(const R& r) {
  if (r) return std::nullopt;
  return r.error();
}

struct row {
  std::string name;
  std::function<std::optional<vnum::error>(canned_transport&)> call;
  errc code;
  std::string field;  // the field a validator names; empty for errors about an answer
  bool sends;
};

const std::string cellcast_key = "ck_live_abcdef";
const std::string identitycall_key = "idc_live0123456789";

cc::config cellcast_config() {
  cc::config c;
  c.api_key = cellcast_key;
  return c;
}

ic::config identitycall_config() { return ic::config{identitycall_key}; }

cc::purchase_request card_purchase() {
  return {"card_1", "prod_M", "66ea98514f0c1a121c76ec17", cc::billing_cycle::month, false};
}

cc::purchase_request becs_purchase() {
  auto r = card_purchase();
  r.card.clear();
  r.becs = cc::becs_debit{"ops@example.com.au", "John Doe", "", "000000", "000123456"};
  return r;
}

cc::business_name_request business() {
  cc::business_name_request r;
  r.business_name = "Pizza Biz";
  r.description_internal = "Marketing";
  r.purpose_of_use = "Promotions";
  r.ownership = true;
  r.company = {"Pizza Co", "12345678901", "https://pizza.example", "1 Main St"};
  r.requestor = {"John", "Smith", "Manager", "0400000000", "john@pizza.example"};
  return r;
}

ic::purchase_request number_purchase() {
  ic::purchase_request r;
  r.phone_number = "+15551234567";
  r.country_code = "US";
  return r;
}

// One string field of one request, reachable by its name, sent through its client method.
struct text_field {
  std::string field;
  std::function<std::optional<vnum::error>(canned_transport&, const std::string&)> send_with;
};

std::vector<text_field> text_fields() {
  auto cellcast = [](canned_transport& t) {
    return cc::client<canned_transport&>{t, cellcast_config()};
  };
  auto identitycall = [](canned_transport& t) {
    return ic::client<canned_transport&>{t, identitycall_config()};
  };
  auto purchase_with = [cellcast](auto set) {
    return [cellcast, set](canned_transport& t, const std::string& v) {
      auto r = card_purchase();
      set(r, v);
      return failure(cellcast(t).purchase_virtual_number(r));
    };
  };
  auto becs_with = [cellcast](auto set) {
    return [cellcast, set](canned_transport& t, const std::string& v) {
      auto r = becs_purchase();
      set(*r.becs, v);
      return failure(cellcast(t).purchase_virtual_number(r));
    };
  };
  auto business_with = [cellcast](auto set) {
    return [cellcast, set](canned_transport& t, const std::string& v) {
      auto r = business();
      set(r, v);
      return failure(cellcast(t).add_business_name(r));
    };
  };
  auto ic_purchase_with = [identitycall](auto set) {
    return [identitycall, set](canned_transport& t, const std::string& v) {
      auto r = number_purchase();
      set(r, v);
      return failure(identitycall(t).purchase_number(r));
    };
  };
  using P = cc::purchase_request;
  using B = cc::becs_debit;
  using N = cc::business_name_request;
  using I = ic::purchase_request;
  return {
      {"card", purchase_with([](P& r, const std::string& v) { r.card = v; })},
      {"product", purchase_with([](P& r, const std::string& v) { r.product = v; })},
      {"number", purchase_with([](P& r, const std::string& v) { r.number = v; })},
      {"becs.email", becs_with([](B& b, const std::string& v) { b.email = v; })},
      {"becs.account_name", becs_with([](B& b, const std::string& v) { b.account_name = v; })},
      {"becs.bsb_number", becs_with([](B& b, const std::string& v) { b.bsb_number = v; })},
      {"becs.account_number", becs_with([](B& b, const std::string& v) { b.account_number = v; })},
      {"number",
       [cellcast](canned_transport& t, const std::string& v) {
         return failure(cellcast(t).purchase_virtual_number_postpaid({v, false}));
       }},
      {"id",
       [cellcast](canned_transport& t, const std::string& v) {
         return failure(cellcast(t).unsubscribe_virtual_number(v));
       }},
      {"name",
       [cellcast](canned_transport& t, const std::string& v) {
         return failure(cellcast(t).add_custom_number({v, "0400000000"}));
       }},
      {"number",
       [cellcast](canned_transport& t, const std::string& v) {
         return failure(cellcast(t).add_custom_number({"Support", v}));
       }},
      {"otp",
       [cellcast](canned_transport& t, const std::string& v) {
         return failure(cellcast(t).verify_custom_number({"Support", "0400000000", v}));
       }},
      {"business_name", business_with([](N& r, const std::string& v) { r.business_name = v; })},
      {"description_internal",
       business_with([](N& r, const std::string& v) { r.description_internal = v; })},
      {"purpose_of_use", business_with([](N& r, const std::string& v) { r.purpose_of_use = v; })},
      {"company.name", business_with([](N& r, const std::string& v) { r.company.name = v; })},
      {"company.website", business_with([](N& r, const std::string& v) { r.company.website = v; })},
      {"company.address", business_with([](N& r, const std::string& v) { r.company.address = v; })},
      {"requestor.first_name",
       business_with([](N& r, const std::string& v) { r.requestor.first_name = v; })},
      {"requestor.email", business_with([](N& r, const std::string& v) { r.requestor.email = v; })},
      {"customer_contact",
       business_with([](N& r, const std::string& v) { r.customer_contact = v; })},
      {"phone_number", ic_purchase_with([](I& r, const std::string& v) { r.phone_number = v; })},
      {"name", ic_purchase_with([](I& r, const std::string& v) { r.name = v; })},
      {"upfront_cost", ic_purchase_with([](I& r, const std::string& v) { r.upfront_cost = v; })},
      {"name",
       [identitycall](canned_transport& t, const std::string& v) {
         ic::create_operator_request r{v, "+15551234567", std::nullopt, std::nullopt};
         return failure(identitycall(t).create_operator(r));
       }},
      {"email",
       [identitycall](canned_transport& t, const std::string& v) {
         ic::create_operator_request r{"Jane", "+15551234567", v, std::nullopt};
         return failure(identitycall(t).create_operator(r));
       }},
  };
}

// Inputs no text field may carry.
std::vector<std::pair<std::string, std::string>> hostile_texts() {
  return {{"a control character", "ab\x01"},
          {"a NUL", std::string("ab\0cd", 5)},
          {"CR/LF", "ab\r\nX-Injected: 1"},
          {"invalid UTF-8", "caf\xe9"},
          {"1 MB", std::string(1 << 20, 'a')}};
}

std::vector<row> request_rows() {
  std::vector<row> rows;
  for (const auto& f : text_fields())
    for (const auto& [what, value] : hostile_texts())
      rows.push_back({f.field + " with " + what,
                      [f, v = value](canned_transport& t) { return f.send_with(t, v); },
                      errc::invalid_argument, f.field, false});
  rows.push_back(
      {"a 10 MB description",
       [](canned_transport& t) {
         auto r = business();
         r.description_internal.assign(10 << 20, 'x');
         return failure(cc::client<canned_transport&>{t, cellcast_config()}.add_business_name(r));
       },
       errc::invalid_argument, "description_internal", false});
  rows.push_back({"a name of only spaces",
                  [](canned_transport& t) {
                    return failure(
                        cc::client<canned_transport&>{t, cellcast_config()}.add_custom_number(
                            {"   ", "0400000000"}));
                  },
                  errc::invalid_argument, "name", false});
  for (std::int64_t id : {std::int64_t{0}, std::int64_t{-1}, INT64_MIN})
    rows.push_back(
        {"virtual number id " + std::to_string(id),
         [id](canned_transport& t) {
           return failure(
               ic::client<canned_transport&>{t, identitycall_config()}.get_virtual_number(id));
         },
         errc::invalid_argument, "id", false});
  // The configuration: the key goes into a header, the base URL starts every request.
  for (const auto& [what, key] :
       std::vector<std::pair<std::string, std::string>>{{"CR/LF", "key\r\nX-Injected: 1"},
                                                        {"a NUL", std::string("key\0x", 5)},
                                                        {"a byte >= 0x80", "key\xc3\xa9"},
                                                        {"a space", "key with space"},
                                                        {"1 MB", std::string(1 << 20, 'k')}})
    rows.push_back({"api_key with " + what,
                    [k = key](canned_transport& t) {
                      cc::config c = cellcast_config();
                      c.api_key = k;
                      return failure(cc::client<canned_transport&>{t, c}.list_cards());
                    },
                    errc::invalid_argument, "api_key", false});
  for (const auto& [what, url] : std::vector<std::pair<std::string, std::string>>{
           {"CR/LF", "https://api.cellcast.com\r\nX: 1"},
           {"a query", "https://api.cellcast.com/?a=b"},
           {"no scheme", "api.cellcast.com"},
           {"10 MB", "https://" + std::string(10 << 20, 'a')}})
    rows.push_back({"base_url with " + what,
                    [u = url](canned_transport& t) {
                      ic::config c = identitycall_config();
                      c.base_url = u;
                      return failure(ic::client<canned_transport&>{t, c}.list_virtual_numbers());
                    },
                    errc::invalid_argument, "base_url", false});
  return rows;
}

// An answer the network hands back, to a read (list) and to a money-moving write (purchase).
std::vector<row> answer_rows() {
  std::vector<row> rows;
  auto list = [](canned_transport& t) {
    return failure(ic::client<canned_transport&>{t, identitycall_config()}.list_virtual_numbers());
  };
  auto buy = [](canned_transport& t) {
    return failure(
        ic::client<canned_transport&>{t, identitycall_config()}.purchase_number(number_purchase()));
  };
  auto cards = [](canned_transport& t) {
    return failure(cc::client<canned_transport&>{t, cellcast_config()}.list_cards());
  };
  auto answered = [](auto call, http::response r) {
    return [call, r](canned_transport& t) {
      t.answer = r;
      return call(t);
    };
  };
  const std::string entry =
      R"({"id":7,"phone_number":"+15551234567","name":null,"country_code":"US","active":true,)"
      R"("ai_receptionist_enabled":false,"operators":[],"operators_count":0})";
  auto list_with = [&](std::string_view field, std::string_view value) {
    auto v = boost::json::parse(entry);
    v.as_object()[field] = boost::json::parse(value);
    return http::response{200, {}, R"({"data":[)" + boost::json::serialize(v) + "]}"};
  };
  // Wrong JSON types for every documented field of a list entry.
  for (const auto& [field, wrong] :
       std::vector<std::pair<std::string, std::string>>{{"id", R"("7")"},
                                                        {"id", "7.5"},
                                                        {"id", "18446744073709551616"},
                                                        {"id", "9223372036854775808"},
                                                        {"phone_number", "15551234567"},
                                                        {"name", "[]"},
                                                        {"country_code", "null"},
                                                        {"active", R"("true")"},
                                                        {"active", "1"},
                                                        {"ai_receptionist_enabled", "null"},
                                                        {"operators", "{}"},
                                                        {"operators", R"(["a"])"},
                                                        {"operators_count", R"("0")"}})
    rows.push_back({"list entry " + field + " as " + wrong, answered(list, list_with(field, wrong)),
                    errc::protocol, "", true});
  rows.push_back({"duplicate keys: the last one wins, and is checked",
                  answered(list, http::response{200, {}, R"({"data":[],"data":{}})"}),
                  errc::protocol, "", true});
  const std::string deep(100000, '[');
  const std::string huge = R"({"data":[)" + std::string(50u << 20, ' ') + "]}";
  for (const auto& [what, body] : std::vector<std::pair<std::string, std::string>>{
           {"100 000 nested brackets", deep},
           {"a 50 MB body", huge},
           {"an empty body", ""},
           {"an HTML page", "<html><body>Bad gateway</body></html>"},
           {"a truncated body", R"({"data":[{"id":7,"phone)"},
           {"invalid UTF-8", "{\"data\":[\"\xff\"]}"}}) {
    rows.push_back({"a read answered 200 with " + what,
                    answered(list, http::response{200, {}, body}), errc::protocol, "", true});
    rows.push_back({"a purchase answered 201 with " + what,
                    answered(buy, http::response{201, {}, body}), errc::outcome_unknown, "", true});
  }
  rows.push_back(
      {"cards with last4 as a number",
       answered(
           cards,
           http::response{
               200,
               {},
               R"({"status":true,"message":"ok","data":[{"id":"c","brand":"Visa","last4":4242}]})"}),
       errc::protocol, "", true});
  for (int status : {0, 99, 302, 600, -1})
    rows.push_back({"a read answered HTTP " + std::to_string(status),
                    answered(list, http::response{status, {}, "{}"}), errc::protocol, "", true});
  rows.push_back({"a read answered 204", answered(list, http::response{204, {}, ""}),
                  errc::protocol, "", true});
  rows.push_back({"a purchase answered 204", answered(buy, http::response{204, {}, ""}),
                  errc::outcome_unknown, "", true});
  rows.push_back({"a purchase answered 302", answered(buy, http::response{302, {}, ""}),
                  errc::protocol, "", true});
  rows.push_back({"a transport that throws on a purchase",
                  [buy](canned_transport& t) {
                    t.answer = std::string("connection reset");
                    return buy(t);
                  },
                  errc::outcome_unknown, "", true});
  rows.push_back({"a transport that throws on a read",
                  [list](canned_transport& t) {
                    t.answer = std::string("boom");
                    return list(t);
                  },
                  errc::outcome_unknown, "", true});
  return rows;
}

void run(const row& r) {
  INFO(r.name);
  canned_transport t;
  std::optional<vnum::error> e;
  REQUIRE_NOTHROW(e = r.call(t));
  REQUIRE(e.has_value());
  CHECK(e->code == r.code);
  CHECK(e->field == r.field);
  CHECK((t.sent > 0) == r.sends);
}

}  // namespace

TEST_CASE("hostile requests are refused naming the field, and nothing is sent") {
  const auto rows = request_rows();
  CHECK(rows.size() >= 130);
  for (const auto& r : rows) run(r);
}

TEST_CASE("hostile answers are typed errors, never a crash or a success") {
  const auto rows = answer_rows();
  CHECK(rows.size() >= 35);
  for (const auto& r : rows) run(r);
}
