// <vnum/fmt.hpp>: fmt::format("{}", x) is what `os << x` prints, for every kind of type (errors,
// requests, responses, results, every model type of both providers, the enums, call_event), with
// the same secrets masked; format specs work as a string's; spdlog logs the same text. std types
// holding vnum types are left to fmt (fmt/ranges.h formats a vector of cards through the card's).
#include <vnum/fmt.hpp>

#include <catch2/catch.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <fmt/std.h>
#if VNUM_TEST_SPDLOG
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#endif

#include <chrono>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
namespace http = vnum::http;

namespace {

template <class T>
std::string printed(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

vnum::error token_expired() {
  return vnum::make_error(vnum::errc::unauthorized, "Token expired", 401);
}

http::request purchase_request_with_secrets() {
  http::request r;
  r.method = http::method::post;
  r.url = "https://api.cellcast.com/api/v1/apiClient/virtual-number/purchase";
  r.headers = {{"authorization", "Bearer sk_live_KEY_SECRET"},
               {"content-type", "application/json"}};
  r.body = R"({"product":"prod_month","token":"tok_STRIPE_SECRET"})";
  return r;
}

vnum::call_event rate_limited_page() {
  vnum::call_event e;
  e.provider = "identitycall";
  e.operation = "list_virtual_numbers";
  e.kind = vnum::operation_kind::read;
  e.attempt = 1;
  e.page = 2;
  e.method = http::method::get;
  e.path = "/api/v1/public/virtual_numbers";
  e.status = 429;
  e.error = vnum::errc::rate_limited;
  e.duration = std::chrono::microseconds(1500);
  e.wait = std::chrono::milliseconds(2000);
  e.decision = vnum::call_decision::retry;
  return e;
}

// A user's type beside vnum's: printable, but not vnum's to format.
struct users_own {
  friend std::ostream& operator<<(std::ostream& os, const users_own&) { return os << "mine"; }
};

}  // namespace

// What is formattable, and what is left alone: std types (whatever they hold), a user's types,
// vnum's templates and the vnum types that do not print.
static_assert(vnum::detail::fmt_printable<vnum::error>);
static_assert(vnum::detail::fmt_printable<vnum::errc>);
static_assert(vnum::detail::fmt_printable<http::request>);
static_assert(vnum::detail::fmt_printable<http::response>);
static_assert(vnum::detail::fmt_printable<http::method>);
static_assert(vnum::detail::fmt_printable<vnum::call_event>);
static_assert(vnum::detail::fmt_printable<vnum::call_decision>);
static_assert(vnum::detail::fmt_printable<vnum::intent_state>);
static_assert(vnum::detail::fmt_printable<vnum::result<cc::card>>);
static_assert(vnum::detail::fmt_printable<vnum::result<void>>);
static_assert(!vnum::detail::fmt_printable<std::string>);
static_assert(!vnum::detail::fmt_printable<int>);
static_assert(!vnum::detail::fmt_printable<users_own>);
static_assert(!vnum::detail::fmt_printable<std::vector<cc::card>>);
static_assert(!vnum::detail::fmt_printable<std::optional<vnum::error>>);
static_assert(!vnum::detail::fmt_printable<std::pair<vnum::errc, int>>);
static_assert(!vnum::detail::fmt_printable<boost::system::result<int, std::string>>);
static_assert(!vnum::detail::fmt_printable<ic::page<ic::virtual_number>>);
static_assert(!vnum::detail::fmt_printable<vnum::intent_record>);
static_assert(!vnum::detail::fmt_printable<cc::config>);
static_assert(!vnum::detail::fmt_printable<vnum::detail::masked>);
static_assert(!fmt::is_formattable<users_own>::value);
static_assert(!fmt::is_formattable<vnum::intent_record>::value);
static_assert(fmt::is_formattable<const cc::card>::value);

TEST_CASE("a user's printable type is not vnum's to format") {
  CHECK(printed(users_own{}) == "mine");
  CHECK(fmt::format("{}", fmt::streamed(users_own{})) == "mine");
}

TEST_CASE("an error formats as to_string and operator<< print it") {
  const auto e = token_expired();
  CHECK(fmt::format("{}", e) == "unauthorized (HTTP 401): Token expired");
  CHECK(fmt::format("{}", e) == printed(e));
  CHECK(fmt::format("{}", vnum::error{}) == printed(vnum::error{}));
  CHECK(fmt::format("{}", vnum::invalid_argument("number", "is empty")) ==
        "invalid_argument: number: is empty");
}

TEST_CASE("the enums format as their operator<<, or their to_string where they have none") {
  CHECK(fmt::format("{}", vnum::errc::unauthorized) == "unauthorized");
  CHECK(fmt::format("{}", vnum::errc::outcome_unknown) == "outcome_unknown");
  CHECK(fmt::format("{}", vnum::operation_kind::creating_write) == "creating_write");
  CHECK(fmt::format("{}", vnum::call_decision::next_page) == "next_page");
  CHECK(fmt::format("{}", vnum::intent_state::succeeded) == "succeeded");
  CHECK(fmt::format("{}", vnum::reconcile_verdict::needs_person) == "needs_person");
  CHECK(fmt::format("{}", http::method::delete_) == "DELETE");
  CHECK(fmt::format("{}", cc::billing_cycle::year) == "year");
  CHECK(fmt::format("{}", cc::billing_cycle{}) == "unset");
  CHECK(fmt::format("{}", cc::billing_cycle{}) == printed(cc::billing_cycle{}));
  CHECK(fmt::format("{}", ic::number_type::toll_free) == "toll-free");
  CHECK(fmt::format("{}", ic::routing_strategy::round_robin) ==
        printed(ic::routing_strategy::round_robin));
}

TEST_CASE("a request formats with its credentials masked, as operator<< prints it") {
  const auto r = purchase_request_with_secrets();
  const auto text = fmt::format("{}", r);
  CHECK(text == printed(r));
  CHECK(text ==
        "POST https://api.cellcast.com/api/v1/apiClient/virtual-number/purchase\n"
        "authorization: Bearer ***\n"
        "content-type: application/json\n"
        "\n"
        R"({"product":"prod_month","token":"***"})");
  CHECK(text.find("SECRET") == std::string::npos);
  CHECK(fmt::format("{:>200}", r).find("SECRET") == std::string::npos);
}

TEST_CASE("a response formats as operator<< prints it") {
  http::response r;
  r.status = 200;
  r.headers = {{"content-type", "application/json"}};
  r.body = R"({"status":true})";
  CHECK(fmt::format("{}", r) == "HTTP 200\ncontent-type: application/json\n\n{\"status\":true}");
  CHECK(fmt::format("{}", r) == printed(r));
}

TEST_CASE("a model with a secret formats it masked") {
  cc::purchase_request r;
  r.product = "prod_month";
  r.number = "66ea98514f0c1a121c76ec17";
  r.recurring_time = cc::billing_cycle::month;
  r.token = "tok_STRIPE_SECRET";
  const auto text = fmt::format("{}", r);
  CHECK(text ==
        R"(purchase_request{card="", product="prod_month", number="66ea98514f0c1a121c76ec17", )"
        R"(recurring_time=month, resubscribe=false, token="***", becs=null})");
  CHECK(text == printed(r));
  CHECK(text.find("SECRET") == std::string::npos);

  cc::verify_custom_number_request v{"Shop", "+61402000002", "123456"};
  CHECK(fmt::format("{}", v).find("123456") == std::string::npos);
  CHECK(fmt::format("{}", v) == printed(v));
  cc::becs_debit becs;
  becs.account_number = "000123456";
  CHECK(fmt::format("{}", becs).find("000123456") == std::string::npos);
  CHECK(fmt::format("{}", becs) == printed(becs));
}

TEMPLATE_TEST_CASE("every model type formats as its operator<< prints it", "", cc::billing_cycle,
                   cc::product_ids, cc::becs_debit, cc::purchase_request,
                   cc::postpaid_purchase_request, cc::purchase_receipt, cc::unsubscribe_receipt,
                   cc::custom_number_request, cc::custom_number_receipt,
                   cc::verify_custom_number_request, cc::verify_custom_number_receipt,
                   cc::company_information, cc::requestor_contact, cc::business_name_request,
                   cc::business_name_receipt, cc::card, cc::custom_number, ic::number_type,
                   ic::routing_strategy, ic::purchase_request, ic::operator_preview,
                   ic::virtual_number, ic::call_stats, ic::attached_operator,
                   ic::available_operator, ic::recent_call, ic::virtual_number_detail,
                   ic::update_request, ic::search_request, ic::number_region, ic::available_number,
                   ic::add_operator_request, ic::operator_summary, ic::operator_number,
                   ic::operator_detail, ic::create_operator_request, ic::update_operator_request,
                   ic::page_meta) {
  const TestType value{};
  CHECK(fmt::format("{}", value) == printed(value));
  CHECK_FALSE(fmt::format("{}", value).empty());
}

TEST_CASE("models with values, and inside std containers (fmt/ranges.h), format as they print") {
  cc::card card;
  card.id = "card_1";
  card.brand = "Visa";
  card.last4 = "1111";
  card.exp_month = 12;
  card.exp_year = 2030;
  card.country = "AU";
  CHECK(fmt::format("{}", card) == printed(card));
  CHECK(fmt::format("{}", std::vector<cc::card>{card, card}) ==
        "[" + printed(card) + ", " + printed(card) + "]");
  CHECK(fmt::format("{}", std::vector<vnum::errc>{vnum::errc::conflict, vnum::errc::transport}) ==
        "[conflict, transport]");

  ic::purchase_request p;
  p.phone_number = "+61400000000";
  p.type = ic::number_type::mobile;
  p.requirement_group_id = 7;
  CHECK(fmt::format("{}", p) == printed(p));

  ic::virtual_number n;
  n.id = 3;
  n.operators = {{1, "Ann", "A"}, {2, "Bob", "B"}};
  CHECK(fmt::format("{}", n) == printed(n));
}

TEST_CASE("a result formats as its operator<< prints it") {
  const vnum::result<cc::purchase_receipt> ok = cc::purchase_receipt{"Payment is Successful."};
  CHECK(fmt::format("{}", ok) == R"(value:purchase_receipt{message="Payment is Successful."})");
  CHECK(fmt::format("{}", ok) == printed(ok));
  const vnum::result<cc::purchase_receipt> failed = token_expired();
  CHECK(fmt::format("{}", failed) == "error:unauthorized (HTTP 401): Token expired");
  CHECK(fmt::format("{}", failed) == printed(failed));
  const vnum::result<void> done;
  CHECK(fmt::format("{}", done) == "value:void");
  CHECK(fmt::format("{}", done) == printed(done));
  const vnum::result<std::vector<cc::custom_number>> list =
      std::vector<cc::custom_number>{{"Shop", "61402000002"}};
  CHECK(fmt::format("{}", list) == R"(value:[custom_number{name="Shop", number="61402000002"}])");
  CHECK(fmt::format("{}", list) == printed(list));
}

TEST_CASE("a call_event formats as the model types print") {
  CHECK(fmt::format("{}", rate_limited_page()) ==
        R"(call_event{provider="identitycall", operation="list_virtual_numbers", kind=read, )"
        R"(attempt=1, page=2, method=GET, path="/api/v1/public/virtual_numbers", status=429, )"
        R"(error=rate_limited, duration=1500us, wait=2000ms, decision=retry, sent=true})");
  CHECK(fmt::format("{}", vnum::call_event{}) ==
        R"(call_event{provider="", operation="", kind=read, attempt=0, page=0, method=GET, )"
        R"(path="", status=0, error=null, duration=0us, wait=null, decision=success, sent=true})");
}

TEST_CASE("a format spec applies to the text, as to a string's") {
  CHECK(fmt::format("{:>30}", vnum::errc::unauthorized) == "                  unauthorized");
  CHECK(fmt::format("{:<14}|", vnum::errc::unauthorized) == "unauthorized  |");
  CHECK(fmt::format("{:*^16}", vnum::errc::conflict) == "****conflict****");
  CHECK(fmt::format("{:>40}", token_expired()) == "  unauthorized (HTTP 401): Token expired");
  CHECK(fmt::format("{:.12}", token_expired()) == "unauthorized");
  CHECK(fmt::format("{:>12}", cc::purchase_receipt{"ok"}) == printed(cc::purchase_receipt{"ok"}));
  CHECK(fmt::format("{:>12}", vnum::result<void>{}) == "  value:void");
}

#if VNUM_TEST_SPDLOG
TEST_CASE("spdlog logs a vnum type as fmt formats it") {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  spdlog::logger logger("vnum", sink);
  logger.set_pattern("%v");

  logger.error("{}", token_expired());
  CHECK(out.str() == "unauthorized (HTTP 401): Token expired\n");

  out.str("");
  logger.info("sending {}", purchase_request_with_secrets());
  CHECK(out.str() == "sending " + printed(purchase_request_with_secrets()) + "\n");
  CHECK(out.str().find("SECRET") == std::string::npos);

  out.str("");
  logger.warn("{} {:>10}", rate_limited_page(), vnum::errc::conflict);
  CHECK(out.str() == fmt::format("{}", rate_limited_page()) + "   conflict\n");
}
#endif
