// vnum — vnum::testing::fake_identitycall: an in-memory, stateful fake of IdentityCall's
// virtual-number and operator API that satisfies http::transport (what it answers, and what it
// models, is documented at the class).
// Declared here; its members are defined in <vnum/testing/impl/fake_identitycall.hpp>, compiled
// once per program: in the translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION) and includes this header (or <vnum/vnum_testing.hpp>). Of Boost.JSON
// this header includes only boost::json::array, the type of offer::region_information and
// number_state::recent_calls.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_FAKE_IDENTITYCALL_HPP
#define VNUM_TESTING_FAKE_IDENTITYCALL_HPP

#include <vnum/http.hpp>
#include <vnum/testing/detail/fake_base.hpp>
#include <vnum/testing/fault.hpp>

#include <boost/json/array.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing {

/// The routes a fault can be restricted to (fake_identitycall::route). Paths are under
/// /api/v1/public.
enum class identitycall_route {
  list_virtual_numbers,      ///< GET /virtual_numbers
  get_virtual_number,        ///< GET /virtual_numbers/{id}
  update_virtual_number,     ///< PATCH /virtual_numbers/{id}
  search_available_numbers,  ///< GET /virtual_numbers/available
  purchase_number,           ///< POST /virtual_numbers/purchase
  add_operator,              ///< POST /virtual_numbers/{id}/add_operator
  remove_operator,           ///< DELETE /virtual_numbers/{id}/remove_operator
  list_operators,            ///< GET /operators
  get_operator,              ///< GET /operators/{id}
  create_operator,           ///< POST /operators
  update_operator,           ///< PATCH /operators/{id}
  delete_operator,           ///< DELETE /operators/{id}
};

/// The route's name, as fault arming by name uses it (vnum-fake-server's "route").
/// @param r the route.
/// @return its enumerator's name: "purchase_number", ...
constexpr std::string_view to_string(identitycall_route r) noexcept {
  switch (r) {
    case identitycall_route::list_virtual_numbers:
      return "list_virtual_numbers";
    case identitycall_route::get_virtual_number:
      return "get_virtual_number";
    case identitycall_route::update_virtual_number:
      return "update_virtual_number";
    case identitycall_route::search_available_numbers:
      return "search_available_numbers";
    case identitycall_route::purchase_number:
      return "purchase_number";
    case identitycall_route::add_operator:
      return "add_operator";
    case identitycall_route::remove_operator:
      return "remove_operator";
    case identitycall_route::list_operators:
      return "list_operators";
    case identitycall_route::get_operator:
      return "get_operator";
    case identitycall_route::create_operator:
      return "create_operator";
    case identitycall_route::update_operator:
      return "update_operator";
    case identitycall_route::delete_operator:
      return "delete_operator";
  }
  return "";
}

/// An in-memory, stateful fake of IdentityCall's virtual-number and operator API that satisfies
/// http::transport, so that client<vnum::testing::fake_identitycall&> talks to it exactly as to
/// the real service.
///
/// It answers with IdentityCall's documented shapes (docs.identitycall.ai, api-reference/
/// virtual-numbers, api-reference/operators and errors): 201 {data: number} for a purchase,
/// {data: [...]} for the list and the available-numbers search, {data: detail} for get, update,
/// add and remove operator; for operators {data: [...]} sorted by name ascending with
/// virtual_numbers_count for the list, {data: operator detail} with its virtual_numbers for get
/// and update, 201 {data: operator detail} for create, 200 {"success": true} for delete; errors as
/// {"error": "..."}: 401 "Invalid or expired API key", 403 "Write permission required" / "Read
/// permission required", 404 "Resource not found", 422 "phone_number is required" and
/// "Requirement group must be approved before purchasing".
///
/// Documented operator rules it keeps: a project-scoped key sees only the operators linked to its
/// project (the list omits the others, get/update/delete answer 404), and an operator it creates
/// is linked to its project; an account-wide key sees every operator and creates them unlinked
/// (add_operator() seeds unlinked ones; link_operator() links one). active defaults to true.
/// Deleting an operator detaches it from every virtual number and drops its project links; the
/// numbers stay.
///
/// Modelled rather than documented (the docs leave them open):
/// - keys carry read and write permissions independently (api_key() has both; make_key() sets
///   them): list, get and search need read, the other routes write; a project-scoped key sees
///   only its project's numbers (others answer 404), and its purchases join its project;
/// - purchasing a number that is not (or no longer) available: 422 "Number is no longer
///   available" (the page's "provider error"); an unknown requirement group: 422 "Requirement
///   group not found"; an invalid number_type: 422;
/// - update with a routing_strategy other than priority / round_robin / simultaneous, or a field
///   of the wrong type: 422 {"errors": [...]};
/// - add_operator answers 200 with the detail payload (the page's response is not documented);
///   an unknown operator_id: 404; neither operator_id nor phone_number: 422;
/// - remove_operator without operator_id: 422;
/// - operators: create without name or phone_number answers 422 {"error": "name is required"} /
///   {"error": "phone_number is required"} (the create page's errors were not captured);
/// - the phone number is "auto-normalized to E.164" by dropping spaces, '-', '(', ')' and '.';
///   one that is then not E.164 (a local format: how its country is found is not documented) is
///   invalid; an invalid phone number, a field of the wrong type or an empty name on update is
///   422 {"errors": [...]};
/// - an operator's virtual_numbers, and the list's virtual_numbers_count, count only the numbers
///   the key can see, in number id order;
/// - "Two-letter initials derived from name" are the first characters of the first and last
///   words (whole UTF-8 characters, ASCII letters upper-cased), in the virtual-number payloads
///   too; the list sorts names by their bytes, ties by id;
/// - an operator that a number's add_operator creates (by phone_number) is linked to no project;
/// - a new operator's id is above every id given so far (never reused after a delete), or what
///   set_next_operator_id() sets when that is higher;
/// - with set_page_size(n), the two lists answer in pages as the pagination guide describes: page
///   (default 1), per_page (default n, clamped to 1..100), "meta" with total_pages at least 1; a
///   page past the last is empty;
/// - a body that is not a JSON object: 400 {"error": "Invalid JSON"}; an unknown route: 404;
/// - injected statuses: {"error": ...} with 401/403/404 as above, 422 "Provider error", 429 "Rate
///   limit exceeded" with Retry-After, 500 "Internal server error", 503 "Service unavailable".
///
/// From the fakes' common base it has `send(request)` (the http::transport); `journal()` (the
/// requests received, in order; one lost by an injected fault never arrived) and
/// `journal_entries(after)` (each request with its route, status and journal_outcome, lost ones
/// too), which keep the last `journal_limit()` requests (default_journal_limit; change it with
/// `set_journal_limit(n)`) and count the rest in `journal_dropped()`, of `journal_received()` in
/// all; `fail_next(fault)` / `fail_next(fault, route)` (arms a fault for the next request, or for
/// the next request to one route) and `armed_faults()` (those not fired yet).
///
/// Thread-safe: any number of threads may share one instance (one mutex guards its state).
///
/// @code
/// namespace ic = vnum::identitycall;
/// using vnum::testing::fake_identitycall;
/// fake_identitycall fake;
/// fake.add_available("+15551234567", "US", "local");
/// ic::config cfg;
/// cfg.api_key = fake.api_key();
/// ic::client<fake_identitycall&> identitycall{fake, cfg};
///
/// ic::purchase_request order;
/// order.phone_number = "+15551234567";
/// order.name = "US Sales Line";
/// auto bought = identitycall.purchase_number(order);
/// // bought->phone_number == "+15551234567", fake.numbers().size() == 1
///
/// using vnum::testing::fault;
/// fake.fail_next(fault::request_lost(), fake_identitycall::route::get_virtual_number);
/// auto lost = identitycall.get_virtual_number(bought->id);
/// // lost.error().code == vnum::errc::transport, and fake.journal().size() == 1
/// @endcode
class fake_identitycall : public detail::fake_base<fake_identitycall, identitycall_route> {
 public:
  /// The routes a fault can be restricted to, e.g. `route::purchase_number`.
  using route = identitycall_route;

  /// A key's permissions (the Authentication page's read and write).
  struct permissions {
    bool read = true;    ///< List, get and search.
    bool write = false;  ///< Every other route.
  };

  /// An entry of the available-numbers search. Its shape "is passed through from our phone-number
  /// provider"; these are the documented typical fields.
  struct offer {
    std::string phone_number;  ///< E.164; a purchase names it.
    std::string country_code;  ///< Matched by the search's `country` (default US), in any case.
    std::string number_type;   ///< mobile, local, toll-free or national; matched by the search's
                               ///< `number_type` (default mobile).
    std::string upfront_cost = "1.00";           ///< Answered as given, a string.
    std::string monthly_cost = "1.00";           ///< Answered as given, a string.
    std::vector<std::string> features{"voice"};  ///< Answered as given.
    boost::json::array region_information{};     ///< Answered as given.
  };

  /// A purchased number as the fake holds it.
  struct number_state {
    std::int64_t id = 0;              ///< Its id, given at purchase (see set_next_number_id()).
    std::string phone_number;         ///< E.164, the offer's.
    std::optional<std::string> name;  ///< Set by the purchase or an update.
    std::string country_code;         ///< The offer's.
    bool active = true;               ///< Whether the number is active; an update sets it.
    bool recording = true;            ///< Whether calls are recorded; an update sets it.
    std::string routing_strategy = "priority";  ///< priority, round_robin or simultaneous.
    bool ai_receptionist_enabled = false;       ///< See set_ai_receptionist().
    std::optional<std::int64_t> project_id;     ///< The buying key's project; none: account-wide.
    std::vector<std::int64_t> operators;        ///< The attached operators' ids, in priority order.
    // Stats and recent calls, which calls would fill in; set them with set_activity().
    std::int64_t total_calls = 0,      ///< Calls in total.
        answered_calls = 0,            ///< Calls answered.
        missed_calls = 0,              ///< Calls missed.
        average_duration_seconds = 0;  ///< Average call duration.
    boost::json::array recent_calls;   ///< Recent calls, as set_activity() gave them.
  };

  /// An operator (a human agent) as the fake holds it.
  struct operator_state {
    std::int64_t id = 0;               ///< Its id (see set_next_operator_id()).
    std::string name;                  ///< Its display name; initials derive from it.
    std::string phone_number;          ///< E.164 (normalized when created through the API).
    std::optional<std::string> email;  ///< Its email, if it has one.
    bool active = true;                ///< Active by default.
    std::set<std::int64_t> projects;   ///< The projects it is linked to (OperatorProject).
    /// The numbers it is attached to: the index of number_state::operators, so that showing or
    /// deleting an operator does not walk every number.
    std::set<std::int64_t> numbers;
  };

  /// An account whose read-write, account-wide key is "idc_" and 32 'f's.
  fake_identitycall() : fake_identitycall("idc_" + std::string(32, 'f')) {}
  /// An account whose read-write, account-wide key is `key` instead of the default.
  /// @param key the account-wide key.
  explicit fake_identitycall(std::string key);
  /// Ends the account.
  ~fake_identitycall();

  /// @return the account-wide key with read and write permission.
  std::string api_key() const;

  /// Another key: e.g. read-only ({.read = true}), account-wide or bound to a project.
  /// @param p what the key may do.
  /// @param project_id the project the key is bound to; nullopt: account-wide.
  /// @return the new key.
  std::string make_key(permissions p, std::optional<std::int64_t> project_id = std::nullopt);

  /// A number the search offers and a purchase can take (and takes out of the offers); it costs
  /// "1.00" upfront and monthly and has the feature "voice".
  /// @param e164 the phone number.
  /// @param country_code its country, e.g. "US".
  /// @param number_type mobile, local, toll-free or national.
  void add_available(std::string e164, std::string country_code, std::string number_type);
  /// A number the search offers and a purchase can take, with every field given.
  /// @param o the offer.
  void add_available(offer o);

  /// A regulatory requirement group, which a purchase may name.
  /// @param approved whether it is approved; a purchase naming an unapproved one answers 422.
  /// @return its id: 1, 2, ... in the order added.
  std::int64_t add_requirement_group(bool approved);
  /// Approves a requirement group (an unknown id becomes an approved group).
  /// @param id the group's id.
  void approve_requirement_group(std::int64_t id);

  /// An operator on the account, linked to no project.
  /// @param name its name.
  /// @param e164 its phone number, taken as given.
  /// @param id its id; none: the next (see set_next_operator_id()). An operator with this id is
  /// replaced.
  /// @return its id.
  std::int64_t add_operator(std::string name, std::string e164,
                            std::optional<std::int64_t> id = {});

  /// Links an operator to a project (what the dashboard or the project-scoped endpoints do), so
  /// that that project's keys see it.
  /// @param operator_id the operator.
  /// @param project_id the project.
  /// @throws std::out_of_range when there is no such operator.
  void link_operator(std::int64_t operator_id, std::int64_t project_id);

  /// Lists answer in pages of n entries (guides/pagination: page, per_page up to 100, and
  /// "meta"), as the API overview says list endpoints do.
  /// @param n the default per_page; 0 (the default) answers the whole list without meta, as the
  /// List pages show.
  void set_page_size(std::int64_t n);

  /// Sets the id the next purchased number gets; the ones after count up from it.
  /// @param id the next number's id.
  void set_next_number_id(std::int64_t id);

  /// Sets the id the next created operator gets (when it is above every operator's id).
  /// @param id the next operator's id.
  void set_next_operator_id(std::int64_t id);

  /// What calls would have recorded on a number: its stats and most recent calls.
  /// @param number_id the number.
  /// @param total its total_calls.
  /// @param answered its answered_calls.
  /// @param missed its missed_calls.
  /// @param average_duration_seconds its average call duration.
  /// @param recent_calls its recent calls, answered as given.
  /// @throws std::out_of_range when there is no such number.
  void set_activity(std::int64_t number_id, std::int64_t total, std::int64_t answered,
                    std::int64_t missed, std::int64_t average_duration_seconds,
                    boost::json::array recent_calls = {});

  /// Turns a number's AI receptionist on or off: an account setting no endpoint of the family
  /// changes.
  /// @param number_id the number.
  /// @param enabled whether it is on.
  /// @throws std::out_of_range when there is no such number.
  void set_ai_receptionist(std::int64_t number_id, bool enabled);

  /// @return every number purchased, by id.
  std::vector<number_state> numbers() const;

  /// @return every operator on the account, by id.
  std::vector<operator_state> operators() const;

  /// @return the numbers the search offers (a purchase takes its number out), in the order added.
  std::vector<offer> available() const;

  /// A regulatory requirement group (requirement_groups()).
  struct requirement_group {
    std::int64_t id = 0;    ///< Its id.
    bool approved = false;  ///< Whether a purchase may name it.
  };
  /// @return the requirement groups, by id.
  std::vector<requirement_group> requirement_groups() const;

 private:
  friend class detail::fake_base<fake_identitycall, identitycall_route>;
  struct state;  // the account and IdentityCall's rules (<vnum/testing/impl/fake_identitycall.hpp>)

  // The provider's answer to an injected status (fake_base::send).
  static http::response injected(const fault& f);
  // The route and, where the path has one, the virtual number's or the operator's id.
  static std::pair<std::optional<route>, std::optional<std::int64_t>> match(const http::request& r);
  // The answer under IdentityCall's rules; called under the lock (fake_base::send).
  http::response handle(const http::request& r, std::optional<route> which,
                        std::optional<std::int64_t> id);

  std::unique_ptr<state> state_;
};

static_assert(http::transport<fake_identitycall&>);

}  // namespace vnum::testing

// The definitions, compiled in the one translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION).
#if defined(VNUM_IMPLEMENTATION) || defined(VNUM_TESTING_IMPLEMENTATION)
#include <vnum/testing/impl/fake_identitycall.hpp>
#endif

#endif  // VNUM_TESTING_FAKE_IDENTITYCALL_HPP
