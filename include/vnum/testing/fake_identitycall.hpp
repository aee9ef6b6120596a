// vnum — an in-memory, stateful fake of IdentityCall's virtual-number API that satisfies
// http::transport, so that client<vnum::testing::fake_identitycall&> talks to it exactly as to the
// real service.
//
// It answers with IdentityCall's documented shapes (docs.identitycall.ai, api-reference/
// virtual-numbers and errors): 201 {data: number} for a purchase, {data: [...]} for the list and
// the available-numbers search, {data: detail} for get, update, add and remove operator; errors
// as {"error": "..."}: 401 "Invalid or expired API key", 403 "Write permission required" /
// "Read permission required", 404 "Resource not found", 422 "phone_number is required" and
// "Requirement group must be approved before purchasing".
//
// Modelled rather than documented (the docs leave them open):
//   - keys carry read and write permissions independently (api_key() has both; make_key() sets
//     them): list, get and search need read, the other routes write; a project-scoped key sees
//     only its project's numbers (others answer 404), and its purchases join its project;
//   - purchasing a number that is not (or no longer) available: 422 "Number is no longer
//     available" (the page's "provider error"); an unknown requirement group: 422
//     "Requirement group not found"; an invalid number_type: 422;
//   - update with a routing_strategy other than priority / round_robin / simultaneous, or a
//     field of the wrong type: 422 {"errors": [...]};
//   - add_operator answers 200 with the detail payload (the page's response is not documented);
//     an unknown operator_id: 404; neither operator_id nor phone_number: 422;
//   - remove_operator without operator_id: 422;
//   - a body that is not a JSON object: 400 {"error": "Invalid JSON"}; an unknown route: 404;
//   - injected statuses: {"error": ...} with 401/403/404 as above, 422 "Provider error",
//     429 "Rate limit exceeded" with Retry-After, 500 "Internal server error",
//     503 "Service unavailable".
//
// Thread-safe: any number of threads may share one instance.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_FAKE_IDENTITYCALL_HPP
#define VNUM_TESTING_FAKE_IDENTITYCALL_HPP

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <vnum/detail/ascii.hpp>
#include <vnum/testing/detail/fake_base.hpp>
#include <vnum/testing/fault.hpp>

namespace vnum::testing {

// The routes a fault can be restricted to (fake_identitycall::route).
enum class identitycall_route {
  list_virtual_numbers,
  get_virtual_number,
  update_virtual_number,
  search_available_numbers,
  purchase_number,
  add_operator,
  remove_operator,
};

class fake_identitycall : public detail::fake_base<fake_identitycall, identitycall_route> {
 public:
  using route = identitycall_route;

  // A key's permissions (the Authentication page's read and write).
  struct permissions {
    bool read = true;
    bool write = false;
  };

  // An entry of the available-numbers search. Its shape "is passed through from our phone-number
  // provider"; these are the documented typical fields.
  struct offer {
    std::string phone_number;
    std::string country_code;
    std::string number_type;  // mobile, local, toll-free or national
    std::string upfront_cost = "1.00";
    std::string monthly_cost = "1.00";
    std::vector<std::string> features{"voice"};
    boost::json::array region_information{};
  };

  // A purchased number as the fake holds it.
  struct number_state {
    std::int64_t id = 0;
    std::string phone_number;
    std::optional<std::string> name;
    std::string country_code;
    bool active = true;
    bool recording = true;
    std::string routing_strategy = "priority";
    bool ai_receptionist_enabled = false;
    std::optional<std::int64_t> project_id;
    std::vector<std::int64_t> operators;  // in priority order
    // stats and recent calls, which calls would fill in; set them with set_activity().
    std::int64_t total_calls = 0, answered_calls = 0, missed_calls = 0,
                 average_duration_seconds = 0;
    boost::json::array recent_calls;
  };

  fake_identitycall() { keys_[default_key_] = {{true, true}, std::nullopt}; }

  // The account-wide key with read and write permission.
  std::string api_key() const { return default_key_; }

  // Another key: e.g. read-only ({.read = true}), account-wide or bound to a project.
  std::string make_key(permissions p, std::optional<std::int64_t> project_id = std::nullopt) {
    std::lock_guard lock(mutex_);
    std::string key = "idc_fake" + std::to_string(keys_.size()) + std::string(24, 'k');
    key.resize(36, 'k');
    keys_[key] = {p, project_id};
    return key;
  }

  // A number the search offers and a purchase can take.
  void add_available(std::string e164, std::string country_code, std::string number_type) {
    add_available(offer{std::move(e164), std::move(country_code), std::move(number_type)});
  }
  void add_available(offer o) {
    std::lock_guard lock(mutex_);
    available_.push_back(std::move(o));
  }

  // A regulatory requirement group; returns its id.
  std::int64_t add_requirement_group(bool approved) {
    std::lock_guard lock(mutex_);
    const auto id = static_cast<std::int64_t>(requirement_groups_.size()) + 1;
    requirement_groups_[id] = approved;
    return id;
  }
  void approve_requirement_group(std::int64_t id) {
    std::lock_guard lock(mutex_);
    requirement_groups_[id] = true;
  }

  // An operator on the account; returns its id (or uses the one given).
  std::int64_t add_operator(std::string name, std::string e164,
                            std::optional<std::int64_t> id = {}) {
    std::lock_guard lock(mutex_);
    return create_operator(std::move(name), std::move(e164), id);
  }

  // Sets the id the next purchased number gets (ids only increase).
  void set_next_number_id(std::int64_t id) {
    std::lock_guard lock(mutex_);
    next_number_id_ = id;
  }

  // What calls would have recorded on a number: its stats and most recent calls.
  void set_activity(std::int64_t number_id, std::int64_t total, std::int64_t answered,
                    std::int64_t missed, std::int64_t average_duration_seconds,
                    boost::json::array recent_calls = {}) {
    std::lock_guard lock(mutex_);
    auto& n = numbers_.at(number_id);
    n.total_calls = total;
    n.answered_calls = answered;
    n.missed_calls = missed;
    n.average_duration_seconds = average_duration_seconds;
    n.recent_calls = std::move(recent_calls);
  }

  // Account settings no endpoint of the family changes.
  void set_ai_receptionist(std::int64_t number_id, bool enabled) {
    std::lock_guard lock(mutex_);
    numbers_.at(number_id).ai_receptionist_enabled = enabled;
  }

  std::vector<number_state> numbers() const {
    std::lock_guard lock(mutex_);
    std::vector<number_state> out;
    for (const auto& [id, n] : numbers_) out.push_back(n);
    return out;
  }

 private:
  friend class detail::fake_base<fake_identitycall, identitycall_route>;

  using json_object = boost::json::object;

  struct key_state {
    permissions perm;
    std::optional<std::int64_t> project_id;
  };
  struct operator_state {
    std::int64_t id;
    std::string name, phone_number;
  };

  static http::response error_body(int status, std::string_view message,
                                   std::vector<http::header> headers = {}) {
    return detail::json_response(status, json_object{{"error", message}}, std::move(headers));
  }

  static http::response injected(const fault& f) {
    switch (f.http_status()) {
      case 401:
        return error_body(401, "Invalid or expired API key");
      case 403:
        return error_body(403, "Write permission required");
      case 404:
        return error_body(404, "Resource not found");
      case 422:
        return error_body(422, "Provider error");
      case 429:
        return error_body(429, "Rate limit exceeded",
                          {{"retry-after", std::to_string(f.retry_after().count())}});
      case 500:
        return error_body(500, "Internal server error");
      case 503:
        return error_body(503, "Service unavailable");
      default:
        return error_body(f.http_status(), "HTTP " + std::to_string(f.http_status()));
    }
  }

  static std::optional<std::int64_t> parse_id(std::string_view s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // The route and, where the path has one, the virtual number's id.
  static std::pair<std::optional<route>, std::optional<std::int64_t>> match(
      const http::request& r) {
    std::string path = detail::parse_target(r.url).path;
    const std::string_view prefix = "/api/v1/public/virtual_numbers";
    if (!path.starts_with(prefix)) return {std::nullopt, std::nullopt};
    std::string_view rest = std::string_view(path).substr(prefix.size());
    using m = http::method;
    if (rest.empty())
      return {r.method == m::get ? std::optional(route::list_virtual_numbers) : std::nullopt, {}};
    if (rest == "/available" && r.method == m::get) return {route::search_available_numbers, {}};
    if (rest == "/purchase" && r.method == m::post) return {route::purchase_number, {}};
    rest.remove_prefix(1);
    auto slash = rest.find('/');
    auto id = parse_id(rest.substr(0, slash));
    if (!id) return {std::nullopt, std::nullopt};
    std::string_view action = slash == std::string_view::npos ? "" : rest.substr(slash);
    if (action.empty() && r.method == m::get) return {route::get_virtual_number, id};
    if (action.empty() && r.method == m::patch) return {route::update_virtual_number, id};
    if (action == "/add_operator" && r.method == m::post) return {route::add_operator, id};
    if (action == "/remove_operator" && r.method == m::delete_) return {route::remove_operator, id};
    return {std::nullopt, std::nullopt};
  }

  static bool writes(route r) {
    return r == route::update_virtual_number || r == route::purchase_number ||
           r == route::add_operator || r == route::remove_operator;
  }

  http::response handle(const http::request& r, std::optional<route> which,
                        std::optional<std::int64_t> id) {
    auto key = keys_.find(detail::bearer_token(r));
    if (key == keys_.end()) return error_body(401, "Invalid or expired API key");
    if (!which) return error_body(404, "Resource not found");
    if (writes(*which) && !key->second.perm.write)
      return error_body(403, "Write permission required");
    if (!writes(*which) && !key->second.perm.read)
      return error_body(403, "Read permission required");
    auto body = detail::body_object(r);
    if (!body) return error_body(400, "Invalid JSON");
    const key_state& k = key->second;
    switch (*which) {
      case route::list_virtual_numbers:
        return list(k);
      case route::search_available_numbers:
        return search(detail::parse_target(r.url).query);
      case route::purchase_number:
        return purchase(k, *body);
      default:
        break;
    }
    number_state* n = visible(k, *id);
    if (n == nullptr) return error_body(404, "Resource not found");
    switch (*which) {
      case route::get_virtual_number:
        return data(detail_of(*n));
      case route::update_virtual_number:
        return update(*n, *body);
      case route::add_operator:
        return attach(*n, *body);
      case route::remove_operator:
        return detach(*n, *body, detail::parse_target(r.url).query);
      default:
        return error_body(404, "Resource not found");
    }
  }

  number_state* visible(const key_state& k, std::int64_t id) {
    auto it = numbers_.find(id);
    if (it == numbers_.end()) return nullptr;
    if (k.project_id && it->second.project_id != k.project_id) return nullptr;
    return &it->second;
  }

  static http::response data(boost::json::value v, int status = 200) {
    return detail::json_response(status, json_object{{"data", std::move(v)}});
  }

  static std::string initials(std::string_view name) {
    std::string out;
    bool start = true;
    for (char c : name) {
      if (c == ' ')
        start = true;
      else if (start) {
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        start = false;
      }
    }
    return out;
  }

  static boost::json::value nullable(const std::optional<std::string>& s) {
    if (s) return boost::json::value(*s);
    return nullptr;
  }

  // The shape of list entries and of the purchase answer.
  json_object summary_of(const number_state& n) const {
    boost::json::array preview;
    for (std::size_t i = 0; i < n.operators.size() && i < 3; ++i) {
      const auto& op = operators_.at(n.operators[i]);
      preview.push_back(
          json_object{{"id", op.id}, {"name", op.name}, {"initials", initials(op.name)}});
    }
    return {{"id", n.id},
            {"phone_number", n.phone_number},
            {"name", nullable(n.name)},
            {"country_code", n.country_code},
            {"active", n.active},
            {"ai_receptionist_enabled", n.ai_receptionist_enabled},
            {"operators", std::move(preview)},
            {"operators_count", static_cast<std::int64_t>(n.operators.size())}};
  }

  // The Get Virtual Number payload, also answered by update and the operator calls.
  json_object detail_of(const number_state& n) const {
    boost::json::array attached;
    for (std::size_t i = 0; i < n.operators.size(); ++i) {
      const auto& op = operators_.at(n.operators[i]);
      attached.push_back(json_object{{"id", op.id},
                                     {"name", op.name},
                                     {"phone_number", op.phone_number},
                                     {"initials", initials(op.name)},
                                     {"priority", static_cast<std::int64_t>(i)}});
    }
    boost::json::array others;
    for (const auto& [op_id, op] : operators_) {
      if (std::find(n.operators.begin(), n.operators.end(), op_id) != n.operators.end()) continue;
      others.push_back(json_object{{"id", op.id},
                                   {"name", op.name},
                                   {"phone_number", op.phone_number},
                                   {"initials", initials(op.name)}});
    }
    return {{"id", n.id},
            {"phone_number", n.phone_number},
            {"name", nullable(n.name)},
            {"country_code", n.country_code},
            {"active", n.active},
            {"recording", n.recording},
            {"routing_strategy", n.routing_strategy},
            {"ai_receptionist_enabled", n.ai_receptionist_enabled},
            {"stats",
             {{"total_calls", n.total_calls},
              {"answered_calls", n.answered_calls},
              {"missed_calls", n.missed_calls},
              {"average_duration_seconds", n.average_duration_seconds}}},
            {"operators", std::move(attached)},
            {"available_operators", std::move(others)},
            {"recent_calls", n.recent_calls}};
  }

  http::response list(const key_state& k) const {
    boost::json::array out;
    for (const auto& [id, n] : numbers_)
      if (!k.project_id || n.project_id == k.project_id) out.push_back(summary_of(n));
    return data(std::move(out));
  }

  http::response search(std::string_view query) const {
    const std::string country = vnum::detail::to_upper(detail::query_param(query, "country").value_or("US"));
    const std::string type = detail::query_param(query, "number_type").value_or("mobile");
    boost::json::array out;
    for (const auto& a : available_)
      if (vnum::detail::to_upper(a.country_code) == country && a.number_type == type)
        out.push_back(json_object{{"phone_number", a.phone_number},
                                  {"country_code", a.country_code},
                                  {"number_type", a.number_type},
                                  {"upfront_cost", a.upfront_cost},
                                  {"monthly_cost", a.monthly_cost},
                                  {"features", boost::json::value_from(a.features)},
                                  {"region_information", a.region_information}});
    return data(std::move(out));
  }

  http::response purchase(const key_state& k, const json_object& b) {
    auto phone = detail::string_field(b, "phone_number");
    if (!phone || phone->empty()) return error_body(422, "phone_number is required");
    if (const auto* group = b.if_contains("requirement_group_id")) {
      auto it = group->is_int64() ? requirement_groups_.find(group->get_int64())
                                  : requirement_groups_.end();
      if (it == requirement_groups_.end()) return error_body(422, "Requirement group not found");
      if (!it->second)
        return error_body(422, "Requirement group must be approved before purchasing");
    }
    if (auto type = detail::string_field(b, "number_type"); type && *type != "mobile" && *type != "local" &&
                                                    *type != "toll-free" && *type != "national")
      return error_body(422, "number_type is not valid");
    auto offered = std::find_if(available_.begin(), available_.end(),
                                [&](const offer& a) { return a.phone_number == *phone; });
    if (offered == available_.end()) return error_body(422, "Number is no longer available");
    number_state n;
    n.id = next_number_id_++;
    n.phone_number = offered->phone_number;
    n.name = detail::string_field(b, "name");
    n.country_code = offered->country_code;
    n.project_id = k.project_id;
    available_.erase(offered);
    auto& stored = numbers_[n.id] = std::move(n);
    return data(summary_of(stored), 201);
  }

  http::response update(number_state& n, const json_object& b) {
    boost::json::array errors;
    const auto* name = b.if_contains("name");
    if (name != nullptr && !name->is_string()) errors.push_back("name must be a string");
    for (const char* flag : {"active", "recording"})
      if (const auto* v = b.if_contains(flag); v != nullptr && !v->is_bool())
        errors.push_back(boost::json::value(std::string(flag) + " must be true or false"));
    auto strategy = detail::string_field(b, "routing_strategy");
    if (b.contains("routing_strategy") &&
        (!strategy ||
         (*strategy != "priority" && *strategy != "round_robin" && *strategy != "simultaneous")))
      errors.push_back("routing_strategy must be priority, round_robin or simultaneous");
    if (!errors.empty())
      return detail::json_response(422, json_object{{"errors", std::move(errors)}});
    if (name != nullptr) n.name = std::string(name->get_string());
    if (const auto* v = b.if_contains("active")) n.active = v->get_bool();
    if (const auto* v = b.if_contains("recording")) n.recording = v->get_bool();
    if (strategy) n.routing_strategy = *strategy;
    return data(detail_of(n));
  }

  std::int64_t create_operator(std::string name, std::string e164, std::optional<std::int64_t> id) {
    const std::int64_t op_id = id ? *id : (operators_.empty() ? 1 : operators_.rbegin()->first + 1);
    operators_[op_id] = {op_id, std::move(name), std::move(e164)};
    return op_id;
  }

  http::response attach(number_state& n, const json_object& b) {
    std::int64_t op_id = 0;
    if (const auto* v =
            b.if_contains("operator_id")) {  // "If both ... are present, operator_id wins."
      if (!v->is_int64() || !operators_.contains(v->get_int64()))
        return error_body(404, "Resource not found");
      op_id = v->get_int64();
    } else if (auto phone = detail::string_field(b, "phone_number"); phone && !phone->empty()) {
      op_id = create_operator(detail::string_field(b, "name").value_or("Operator"), *phone, std::nullopt);
    } else {
      return error_body(422, "operator_id or phone_number is required");
    }
    if (std::find(n.operators.begin(), n.operators.end(), op_id) == n.operators.end())
      n.operators.push_back(op_id);  // re-attaching is a no-op
    return data(detail_of(n));
  }

  http::response detach(number_state& n, const json_object& b, std::string_view query) {
    std::optional<std::int64_t> op_id;
    if (auto q = detail::query_param(query, "operator_id"))
      op_id = parse_id(*q);
    else if (const auto* v = b.if_contains("operator_id"); v != nullptr && v->is_int64())
      op_id = v->get_int64();
    if (!op_id) return error_body(422, "operator_id is required");
    auto it = std::find(n.operators.begin(), n.operators.end(), *op_id);
    if (it == n.operators.end()) return error_body(404, "Resource not found");
    n.operators.erase(it);
    return data(detail_of(n));
  }

  const std::string default_key_ = "idc_" + std::string(32, 'f');
  std::map<std::string, key_state, std::less<>> keys_;
  std::vector<offer> available_;
  std::map<std::int64_t, bool> requirement_groups_;
  std::map<std::int64_t, operator_state> operators_;
  std::map<std::int64_t, number_state> numbers_;
  std::int64_t next_number_id_ = 1;
};

static_assert(http::transport<fake_identitycall&>);

}  // namespace vnum::testing

#endif  // VNUM_TESTING_FAKE_IDENTITYCALL_HPP
