// Group "build": every build_* of both providers on a valid request (vnum validates it first),
// against assembling the same http::request by hand: the URL by concatenation, the four headers
// detail::make_request adds (content-type only where the provider sends a body, and on every
// Cellcast request), the body as a boost::json::object passed to boost::json::serialize; no
// validation (the enums' wire spellings come from the model's to_string, as a user would take
// them). The requests are the documented ones of tests/<provider>/build_test.cpp.
#include <vnum/cellcast/build.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/build.hpp>
#include <vnum/version.hpp>

#include "registry.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <utility>

namespace {

namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
namespace http = vnum::http;
namespace json = boost::json;

// The ids of the documented examples: virtual number 7, operator 42.
constexpr std::int64_t number_id = 7;
constexpr std::int64_t operator_id = 42;

// ---- By hand

http::request by_hand(http::method method, std::string url, const std::string& api_key,
                      bool json_body, std::string body = {}) {
  http::request r;
  r.method = method;
  r.url = std::move(url);
  r.headers.push_back({"authorization", "Bearer " + api_key});
  if (json_body) r.headers.push_back({"content-type", "application/json"});
  r.headers.push_back({"accept", "application/json"});
  r.headers.push_back({"user-agent", "vnum/" VNUM_VERSION_STRING});
  r.body = std::move(body);
  return r;
}

// Adds "build/<name>/{vnum,baseline}" after checking that both make the same request, byte for
// byte.
template <class VnumBuild, class BaselineBuild>
void add_build_pair(bench::registry& cases, const std::string& name, VnumBuild vnum_build,
                    BaselineBuild baseline_build) {
  const std::string pair = "build/" + name;
  const vnum::result<http::request> built = vnum_build();
  const http::request assembled = baseline_build();
  if (!built)
    cases.mismatch(pair, "vnum failed: " + to_string(built.error()));
  else if (!(*built == assembled))
    cases.mismatch(pair, "vnum built " + bench::describe(*built) + " but the baseline built " +
                             bench::describe(assembled));
  bench::add_pair(cases, pair, vnum_build, baseline_build);
}

void add_cellcast(bench::registry& cases) {
  cc::config cfg;
  cfg.api_key = "ck_bench_0123456789abcdef0123456789abcdef";
  cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_YEARLY"});
  const std::string base = cfg.base_url;
  const std::string key = cfg.api_key;

  const cc::purchase_request purchase{"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW",
                                      "66ea98514f0c1a121c76ec17", cc::billing_cycle::month};
  add_build_pair(
      cases, "cellcast_purchase_virtual_number",
      [cfg, purchase] { return cc::build_purchase_virtual_number(cfg, purchase); },
      [base, key, purchase] {
        json::object body;
        body["card"] = purchase.card;
        body["product"] = purchase.product;
        body["number"] = purchase.number;
        body["recurring_time"] = cc::to_string(purchase.recurring_time);
        body["resubscribe"] = purchase.resubscribe;
        return by_hand(http::method::post, base + "/api/v1/apiClient/virtual-number/purchase", key,
                       true, json::serialize(body));
      });

  const cc::postpaid_purchase_request postpaid{"66ea98514f0c1a121c76ec17", false};
  add_build_pair(
      cases, "cellcast_purchase_virtual_number_postpaid",
      [cfg, postpaid] { return cc::build_purchase_virtual_number_postpaid(cfg, postpaid); },
      [base, key, postpaid] {
        json::object body;
        body["number"] = postpaid.number;
        body["resubscribe"] = postpaid.resubscribe;
        return by_hand(http::method::post,
                       base + "/api/v1/apiClient/virtual-number/purchase-postpaid", key, true,
                       json::serialize(body));
      });

  const std::string cellcast_number = "66ea98514f0c1a121c76ec17";
  add_build_pair(
      cases, "cellcast_unsubscribe_virtual_number",
      [cfg, cellcast_number] { return cc::build_unsubscribe_virtual_number(cfg, cellcast_number); },
      [base, key, cellcast_number] {
        return by_hand(http::method::put,
                       base + "/api/v1/apiClient/virtual-number/unsubscribe/" + cellcast_number,
                       key, true);
      });

  // Already normalized, so that the baseline, which normalizes nothing, sends the same number.
  const cc::custom_number_request custom{"Custom Number", "+61400000000"};
  add_build_pair(
      cases, "cellcast_add_custom_number",
      [cfg, custom] { return cc::build_add_custom_number(cfg, custom); },
      [base, key, custom] {
        json::object body;
        body["name"] = custom.name;
        body["number"] = custom.number;
        return by_hand(http::method::post, base + "/api/v1/customNumber/add", key, true,
                       json::serialize(body));
      });

  const cc::verify_custom_number_request verify{"Custom Number", "+61400000000", "123456"};
  add_build_pair(
      cases, "cellcast_verify_custom_number",
      [cfg, verify] { return cc::build_verify_custom_number(cfg, verify); },
      [base, key, verify] {
        json::object body;
        body["name"] = verify.name;
        body["number"] = verify.number;
        body["otp"] = verify.otp;
        return by_hand(http::method::post, base + "/api/v1/customNumber/verifyCustomNumber", key,
                       true, json::serialize(body));
      });

  cc::business_name_request business;
  business.business_name = "Pizza Biz";
  business.description_internal = "Marketing campaigns";
  business.purpose_of_use = "Promotional SMS";
  business.ownership = true;
  business.company = {"Pizza Co Pty Ltd", "12345678901", "https://pizzaco.com.au",
                      "123 Main St, Sydney NSW 2000"};
  business.requestor = {"John", "Smith", "Marketing Manager", "0400000000", "john@pizzaco.com.au"};
  business.customer_contact = "+61400000000";
  add_build_pair(
      cases, "cellcast_add_business_name",
      [cfg, business] { return cc::build_add_business_name(cfg, business); },
      [base, key, business] {
        json::object body;
        body["businessname"] = business.business_name;
        body["descriptionInternal"] = business.description_internal;
        body["purposeOfUse"] = business.purpose_of_use;
        body["ownership"] = business.ownership;
        body["companyInformation"] = {{"name", business.company.name},
                                      {"abn", business.company.abn},
                                      {"website", business.company.website},
                                      {"address", business.company.address}};
        body["requestorContact"] = {{"firstName", business.requestor.first_name},
                                    {"lastName", business.requestor.last_name},
                                    {"position", business.requestor.position},
                                    {"phoneNumber", business.requestor.phone_number},
                                    {"email", business.requestor.email}};
        body["customerContact"] = business.customer_contact;
        return by_hand(http::method::post, base + "/api/v1/business/add", key, true,
                       json::serialize(body));
      });

  add_build_pair(
      cases, "cellcast_list_cards", [cfg] { return cc::build_list_cards(cfg); },
      [base, key] {
        return by_hand(http::method::get, base + "/api/v1/user/getCards", key, true);
      });

  add_build_pair(
      cases, "cellcast_list_custom_numbers", [cfg] { return cc::build_list_custom_numbers(cfg); },
      [base, key] { return by_hand(http::method::get, base + "/api/v1/customNumber", key, true); });
}

void add_identitycall(bench::registry& cases) {
  ic::config cfg;
  cfg.api_key = "idc_0123456789abcdef0123456789abcdef";
  const std::string api = cfg.base_url + "/api/v1/public";
  const std::string key = cfg.api_key;

  // The purchase page's cURL example.
  ic::purchase_request purchase;
  purchase.phone_number = "+15551234567";
  purchase.country_code = "US";
  purchase.type = ic::number_type::local;
  purchase.name = "US Sales Line";
  add_build_pair(
      cases, "identitycall_purchase_number",
      [cfg, purchase] { return ic::build_purchase_number(cfg, purchase); },
      [api, key, purchase] {
        json::object body;
        body["phone_number"] = purchase.phone_number;
        body["country_code"] = *purchase.country_code;
        body["number_type"] = ic::to_string(*purchase.type);
        body["name"] = *purchase.name;
        return by_hand(http::method::post, api + "/virtual_numbers/purchase", key, true,
                       json::serialize(body));
      });

  add_build_pair(
      cases, "identitycall_list_virtual_numbers",
      [cfg] { return ic::build_list_virtual_numbers(cfg); },
      [api, key] { return by_hand(http::method::get, api + "/virtual_numbers", key, false); });

  add_build_pair(
      cases, "identitycall_list_virtual_numbers_page",
      [cfg] { return ic::build_list_virtual_numbers_page(cfg, 2, 50); },
      [api, key] {
        return by_hand(
            http::method::get,
            api + "/virtual_numbers?page=" + std::to_string(2) + "&per_page=" + std::to_string(50),
            key, false);
      });

  add_build_pair(
      cases, "identitycall_get_virtual_number",
      [cfg] { return ic::build_get_virtual_number(cfg, number_id); },
      [api, key] {
        return by_hand(http::method::get, api + "/virtual_numbers/" + std::to_string(number_id),
                       key, false);
      });

  // The update page's cURL example.
  const ic::update_request update{"US Sales Line - Primary", true, true,
                                  ic::routing_strategy::round_robin};
  add_build_pair(
      cases, "identitycall_update_virtual_number",
      [cfg, update] { return ic::build_update_virtual_number(cfg, number_id, update); },
      [api, key, update] {
        json::object body;
        body["name"] = *update.name;
        body["active"] = *update.active;
        body["recording"] = *update.recording;
        body["routing_strategy"] = ic::to_string(*update.routing);
        return by_hand(http::method::patch, api + "/virtual_numbers/" + std::to_string(number_id),
                       key, true, json::serialize(body));
      });

  const ic::search_request search{"US", ic::number_type::local};
  add_build_pair(
      cases, "identitycall_search_available_numbers",
      [cfg, search] { return ic::build_search_available_numbers(cfg, search); },
      [api, key, search] {
        return by_hand(http::method::get,
                       api + "/virtual_numbers/available?country=" + *search.country +
                           "&number_type=" + std::string(ic::to_string(*search.type)),
                       key, false);
      });

  const auto attach = ic::add_operator_request::existing(22);
  add_build_pair(
      cases, "identitycall_add_operator",
      [cfg, attach] { return ic::build_add_operator(cfg, number_id, attach); },
      [api, key, attach] {
        json::object body;
        body["operator_id"] = *attach.operator_id;
        return by_hand(http::method::post,
                       api + "/virtual_numbers/" + std::to_string(number_id) + "/add_operator", key,
                       true, json::serialize(body));
      });

  add_build_pair(
      cases, "identitycall_remove_operator",
      [cfg] { return ic::build_remove_operator(cfg, number_id, 22); },
      [api, key] {
        return by_hand(http::method::delete_,
                       api + "/virtual_numbers/" + std::to_string(number_id) +
                           "/remove_operator?operator_id=" + std::to_string(22),
                       key, false);
      });

  add_build_pair(
      cases, "identitycall_list_operators", [cfg] { return ic::build_list_operators(cfg); },
      [api, key] { return by_hand(http::method::get, api + "/operators", key, false); });

  add_build_pair(
      cases, "identitycall_list_operators_page",
      [cfg] { return ic::build_list_operators_page(cfg, 2, 50); },
      [api, key] {
        return by_hand(
            http::method::get,
            api + "/operators?page=" + std::to_string(2) + "&per_page=" + std::to_string(50), key,
            false);
      });

  add_build_pair(
      cases, "identitycall_get_operator",
      [cfg] { return ic::build_get_operator(cfg, operator_id); },
      [api, key] {
        return by_hand(http::method::get, api + "/operators/" + std::to_string(operator_id), key,
                       false);
      });

  // The create page's cURL example.
  const ic::create_operator_request create{"Jane Doe", "+15551234567", "jane.doe@example.com",
                                           true};
  add_build_pair(
      cases, "identitycall_create_operator",
      [cfg, create] { return ic::build_create_operator(cfg, create); },
      [api, key, create] {
        json::object body;
        body["name"] = create.name;
        body["phone_number"] = create.phone_number;
        body["email"] = *create.email;
        body["active"] = *create.active;
        return by_hand(http::method::post, api + "/operators", key, true, json::serialize(body));
      });

  // The update page's cURL example.
  ic::update_operator_request change;
  change.email = "jane.doe+work@example.com";
  change.active = false;
  add_build_pair(
      cases, "identitycall_update_operator",
      [cfg, change] { return ic::build_update_operator(cfg, operator_id, change); },
      [api, key, change] {
        json::object body;
        body["email"] = *change.email;
        body["active"] = *change.active;
        return by_hand(http::method::patch, api + "/operators/" + std::to_string(operator_id), key,
                       true, json::serialize(body));
      });

  add_build_pair(
      cases, "identitycall_delete_operator",
      [cfg] { return ic::build_delete_operator(cfg, operator_id); },
      [api, key] {
        return by_hand(http::method::delete_, api + "/operators/" + std::to_string(operator_id),
                       key, false);
      });
}

}  // namespace

namespace bench {

void add_build_cases(registry& cases) {
  add_cellcast(cases);
  add_identitycall(cases);
}

}  // namespace bench
