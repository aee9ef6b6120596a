// vnum — the definitions of vnum::testing::fake_identitycall's members, declared in
// <vnum/testing/fake_identitycall.hpp>: IdentityCall's rules, and the JSON it reads and answers.
// Compiled once per program: <vnum/testing/fake_identitycall.hpp> includes this file in the
// translation unit that defines VNUM_IMPLEMENTATION (or VNUM_TESTING_IMPLEMENTATION); never
// include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_IMPL_FAKE_IDENTITYCALL_HPP
#define VNUM_TESTING_IMPL_FAKE_IDENTITYCALL_HPP

#include <vnum/detail/ascii.hpp>
#include <vnum/http.hpp>
#include <vnum/testing/detail/fake_base.hpp>
#include <vnum/testing/detail/fake_json.hpp>
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/testing/fault.hpp>
#include <vnum/testing/impl/fake_base.hpp>

#include <boost/json/value_from.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::testing {

// The account and IdentityCall's rules: everything the fake keeps, and what it answers. Every
// member is called under the fake's lock.
struct fake_identitycall::state {
  explicit state(std::string key) : default_key_(std::move(key)) {
    keys_[default_key_] = {{true, true}, std::nullopt};
  }

  struct key_state {
    permissions perm;
    std::optional<std::int64_t> project_id;
  };
  using json_object = boost::json::object;

  static http::response error_body(int status, std::string_view message,
                                   std::vector<http::header> headers = {}) {
    return detail::json_response(status, json_object{{"error", message}}, std::move(headers));
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

  static bool writes(route r) {
    return r == route::update_virtual_number || r == route::purchase_number ||
           r == route::add_operator || r == route::remove_operator || r == route::create_operator ||
           r == route::update_operator || r == route::delete_operator;
  }

  // The route's answer under IdentityCall's rules (fake_base::send holds the lock).
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
        return paged(list(k), detail::parse_target(r.url).query);
      case route::search_available_numbers:
        return search(detail::parse_target(r.url).query);
      case route::purchase_number:
        return purchase(k, *body);
      case route::list_operators:
        return paged(operator_list(k), detail::parse_target(r.url).query);
      case route::create_operator:
        return operator_create(k, *body);
      case route::get_operator:
      case route::update_operator:
      case route::delete_operator: {
        operator_state* op = visible_operator(k, *id);
        if (op == nullptr) return error_body(404, "Resource not found");
        if (*which == route::get_operator) return data(operator_detail_of(k, *op));
        if (*which == route::update_operator) return operator_update(k, *op, *body);
        return operator_delete(op->id);
      }
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

  // "Two-letter initials derived from name": the first character of the first and of the last
  // word, each a whole UTF-8 character, ASCII letters upper-cased ("Aldona Petrauskaitė" -> "AP").
  static std::string initials(std::string_view name) {
    std::vector<std::string> firsts;
    bool start = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
      const char c = name[i];
      if (c == ' ') {
        start = true;
        continue;
      }
      if (!start) continue;
      start = false;
      std::size_t end = i + 1;
      while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
      std::string first(name.substr(i, end - i));
      if (first.size() == 1) first[0] = vnum::detail::to_upper(first[0]);
      firsts.push_back(std::move(first));
    }
    if (firsts.empty()) return {};
    if (firsts.size() == 1) return firsts.front();
    return firsts.front() + firsts.back();
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

  boost::json::array list(const key_state& k) const {
    boost::json::array out;
    for (const auto& [id, n] : numbers_)
      if (!k.project_id || n.project_id == k.project_id) out.push_back(summary_of(n));
    return out;
  }

  // A list answer: all of it, or with set_page_size() the page the query asks for and its meta.
  http::response paged(boost::json::array all, std::string_view query) const {
    if (page_size_ == 0) return data(std::move(all));
    auto number = [&query](std::string_view name) {
      return parse_id(detail::query_param(query, name).value_or(""));
    };
    const std::int64_t per_page =
        std::clamp<std::int64_t>(number("per_page").value_or(page_size_), 1, 100);
    const std::int64_t page = std::max<std::int64_t>(number("page").value_or(1), 1);
    const auto count = static_cast<std::int64_t>(all.size());
    const std::int64_t total_pages = std::max<std::int64_t>(1, (count + per_page - 1) / per_page);
    boost::json::array items;
    for (std::int64_t i = (page - 1) * per_page; i < count && i < page * per_page; ++i)
      items.push_back(std::move(all[static_cast<std::size_t>(i)]));
    return detail::json_response(200, json_object{{"data", std::move(items)},
                                                  {"meta",
                                                   {{"current_page", page},
                                                    {"per_page", per_page},
                                                    {"total_pages", total_pages},
                                                    {"total_count", count}}}});
  }

  http::response search(std::string_view query) const {
    const std::string country =
        vnum::detail::to_upper(detail::query_param(query, "country").value_or("US"));
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
    if (auto type = detail::string_field(b, "number_type");
        type && *type != "mobile" && *type != "local" && *type != "toll-free" &&
        *type != "national")
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
    const std::int64_t highest = operators_.empty() ? 0 : operators_.rbegin()->first;
    const std::int64_t op_id = id ? *id : std::max(next_operator_id_, highest + 1);
    next_operator_id_ = std::max(next_operator_id_, op_id + 1);  // not reused after a delete
    operator_state op;
    op.id = op_id;
    op.name = std::move(name);
    op.phone_number = std::move(e164);
    operators_[op_id] = std::move(op);
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
      op_id = create_operator(detail::string_field(b, "name").value_or("Operator"), *phone,
                              std::nullopt);
    } else {
      return error_body(422, "operator_id or phone_number is required");
    }
    if (std::find(n.operators.begin(), n.operators.end(), op_id) == n.operators.end()) {
      n.operators.push_back(op_id);  // re-attaching is a no-op
      operators_.at(op_id).numbers.insert(n.id);
    }
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
    if (auto op = operators_.find(*op_id); op != operators_.end()) op->second.numbers.erase(n.id);
    return data(detail_of(n));
  }

  // Account-wide keys see every operator; a project-scoped key only those linked to its project.
  static bool sees(const key_state& k, const operator_state& op) {
    return !k.project_id || op.projects.contains(*k.project_id);
  }

  operator_state* visible_operator(const key_state& k, std::int64_t id) {
    auto it = operators_.find(id);
    if (it == operators_.end() || !sees(k, it->second)) return nullptr;
    return &it->second;
  }

  // The virtual numbers the operator is attached to that the key can see, by number id.
  boost::json::array numbers_of(const key_state& k, std::int64_t op_id) const {
    boost::json::array out;
    for (std::int64_t number_id : operators_.at(op_id).numbers) {
      const number_state& n = numbers_.at(number_id);
      if (k.project_id && n.project_id != k.project_id) continue;
      out.push_back(json_object{{"id", n.id},
                                {"phone_number", n.phone_number},
                                {"name", nullable(n.name)},
                                {"active", n.active}});
    }
    return out;
  }

  // The Get Operator payload, also answered by create and update.
  json_object operator_detail_of(const key_state& k, const operator_state& op) const {
    return {{"id", op.id},
            {"name", op.name},
            {"phone_number", op.phone_number},
            {"email", nullable(op.email)},
            {"active", op.active},
            {"initials", initials(op.name)},
            {"virtual_numbers", numbers_of(k, op.id)}};
  }

  // "Operators are returned sorted by name ascending."
  boost::json::array operator_list(const key_state& k) const {
    std::vector<const operator_state*> shown;
    for (const auto& [id, op] : operators_)
      if (sees(k, op)) shown.push_back(&op);
    std::stable_sort(
        shown.begin(), shown.end(),
        [](const operator_state* a, const operator_state* b) { return a->name < b->name; });
    boost::json::array out;
    for (const operator_state* op : shown)
      out.push_back(json_object{
          {"id", op->id},
          {"name", op->name},
          {"phone_number", op->phone_number},
          {"email", nullable(op->email)},
          {"active", op->active},
          {"initials", initials(op->name)},
          {"virtual_numbers_count", static_cast<std::int64_t>(numbers_of(k, op->id).size())}});
    return out;
  }

  // "Auto-normalized to E.164": separators go; what is left must be '+' and 8 to 15 digits, the
  // first not 0. A local format is refused: the page does not say how its country is found.
  static std::optional<std::string> normalize_phone(std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') out += c;
    if (out.size() < 9 || out.size() > 16 || out[0] != '+' || out[1] == '0') return std::nullopt;
    for (std::size_t i = 1; i < out.size(); ++i)
      if (out[i] < '0' || out[i] > '9') return std::nullopt;
    return out;
  }

  // The type errors of an operator body, as 422 {"errors": [...]} lists them.
  static void check_operator_fields(const json_object& b, boost::json::array& errors) {
    if (const auto* v = b.if_contains("email"); v != nullptr && !v->is_string() && !v->is_null())
      errors.push_back("email must be a string or null");
    if (const auto* v = b.if_contains("active"); v != nullptr && !v->is_bool())
      errors.push_back("active must be true or false");
  }

  static std::optional<std::string> email_of(const boost::json::value& v) {
    if (v.is_string()) return std::string(v.get_string());
    return std::nullopt;
  }

  http::response operator_create(const key_state& k, const json_object& b) {
    auto name = detail::string_field(b, "name");
    if (!name || name->empty()) return error_body(422, "name is required");
    auto phone = detail::string_field(b, "phone_number");
    if (!phone || phone->empty()) return error_body(422, "phone_number is required");
    boost::json::array errors;
    auto normalized = normalize_phone(*phone);
    if (!normalized) errors.push_back("phone_number is invalid");
    check_operator_fields(b, errors);
    if (!errors.empty())
      return detail::json_response(422, json_object{{"errors", std::move(errors)}});
    operator_state& op =
        operators_.at(create_operator(std::move(*name), *normalized, std::nullopt));
    if (const auto* v = b.if_contains("email")) op.email = email_of(*v);
    if (const auto* v = b.if_contains("active")) op.active = v->get_bool();
    if (k.project_id) op.projects.insert(*k.project_id);  // auto-linked to the key's project
    return data(operator_detail_of(k, op), 201);
  }

  // "Partial update — only the fields you supply are changed"; "email": null clears the email.
  http::response operator_update(const key_state& k, operator_state& op, const json_object& b) {
    boost::json::array errors;
    const auto* name = b.if_contains("name");
    if (name != nullptr && (!name->is_string() || name->get_string().empty()))
      errors.push_back("name must be a non-empty string");
    std::optional<std::string> normalized;
    if (const auto* phone = b.if_contains("phone_number")) {
      if (phone->is_string()) normalized = normalize_phone(phone->get_string());
      if (!normalized) errors.push_back("phone_number is invalid");
    }
    check_operator_fields(b, errors);
    if (!errors.empty())
      return detail::json_response(422, json_object{{"errors", std::move(errors)}});
    if (name != nullptr) op.name = std::string(name->get_string());
    if (normalized) op.phone_number = *normalized;
    if (const auto* v = b.if_contains("email")) op.email = email_of(*v);
    if (const auto* v = b.if_contains("active")) op.active = v->get_bool();
    return data(operator_detail_of(k, op));
  }

  // The cascade: the operator leaves every number's routing list (whatever the key's scope), its
  // project links go with it, and the numbers stay.
  http::response operator_delete(std::int64_t op_id) {
    for (std::int64_t number_id : operators_.at(op_id).numbers) {
      auto& attached = numbers_.at(number_id).operators;
      attached.erase(std::remove(attached.begin(), attached.end(), op_id), attached.end());
    }
    operators_.erase(op_id);
    return detail::json_response(200, json_object{{"success", true}});
  }

  const std::string default_key_;
  std::map<std::string, key_state, std::less<>> keys_;
  std::vector<offer> available_;
  std::map<std::int64_t, bool> requirement_groups_;
  std::map<std::int64_t, operator_state> operators_;
  std::map<std::int64_t, number_state> numbers_;
  std::int64_t next_number_id_ = 1;
  std::int64_t page_size_ = 0;
  std::int64_t next_operator_id_ = 1;
};

fake_identitycall::fake_identitycall(std::string key)
    : state_(std::make_unique<state>(std::move(key))) {}

fake_identitycall::~fake_identitycall() = default;

std::string fake_identitycall::api_key() const { return state_->default_key_; }

std::string fake_identitycall::make_key(permissions p, std::optional<std::int64_t> project_id) {
  std::lock_guard lock(mutex_);
  std::string key = "idc_fake" + std::to_string(state_->keys_.size()) + std::string(24, 'k');
  key.resize(36, 'k');
  state_->keys_[key] = {p, project_id};
  return key;
}

void fake_identitycall::add_available(std::string e164, std::string country_code,
                                      std::string number_type) {
  add_available(offer{std::move(e164), std::move(country_code), std::move(number_type)});
}

void fake_identitycall::add_available(offer o) {
  std::lock_guard lock(mutex_);
  state_->available_.push_back(std::move(o));
}

std::int64_t fake_identitycall::add_requirement_group(bool approved) {
  std::lock_guard lock(mutex_);
  const auto id = static_cast<std::int64_t>(state_->requirement_groups_.size()) + 1;
  state_->requirement_groups_[id] = approved;
  return id;
}

void fake_identitycall::approve_requirement_group(std::int64_t id) {
  std::lock_guard lock(mutex_);
  state_->requirement_groups_[id] = true;
}

std::int64_t fake_identitycall::add_operator(std::string name, std::string e164,
                                             std::optional<std::int64_t> id) {
  std::lock_guard lock(mutex_);
  return state_->create_operator(std::move(name), std::move(e164), id);
}

void fake_identitycall::link_operator(std::int64_t operator_id, std::int64_t project_id) {
  std::lock_guard lock(mutex_);
  state_->operators_.at(operator_id).projects.insert(project_id);
}

void fake_identitycall::set_page_size(std::int64_t n) {
  std::lock_guard lock(mutex_);
  state_->page_size_ = n;
}

void fake_identitycall::set_next_number_id(std::int64_t id) {
  std::lock_guard lock(mutex_);
  state_->next_number_id_ = id;
}

void fake_identitycall::set_next_operator_id(std::int64_t id) {
  std::lock_guard lock(mutex_);
  state_->next_operator_id_ = id;
}

void fake_identitycall::set_activity(std::int64_t number_id, std::int64_t total,
                                     std::int64_t answered, std::int64_t missed,
                                     std::int64_t average_duration_seconds,
                                     boost::json::array recent_calls) {
  std::lock_guard lock(mutex_);
  auto& n = state_->numbers_.at(number_id);
  n.total_calls = total;
  n.answered_calls = answered;
  n.missed_calls = missed;
  n.average_duration_seconds = average_duration_seconds;
  n.recent_calls = std::move(recent_calls);
}

void fake_identitycall::set_ai_receptionist(std::int64_t number_id, bool enabled) {
  std::lock_guard lock(mutex_);
  state_->numbers_.at(number_id).ai_receptionist_enabled = enabled;
}

std::vector<fake_identitycall::number_state> fake_identitycall::numbers() const {
  std::lock_guard lock(mutex_);
  std::vector<number_state> out;
  for (const auto& [id, n] : state_->numbers_) out.push_back(n);
  return out;
}

std::vector<fake_identitycall::operator_state> fake_identitycall::operators() const {
  std::lock_guard lock(mutex_);
  std::vector<operator_state> out;
  for (const auto& [id, op] : state_->operators_) out.push_back(op);
  return out;
}

std::vector<fake_identitycall::offer> fake_identitycall::available() const {
  std::lock_guard lock(mutex_);
  return state_->available_;
}

std::vector<fake_identitycall::requirement_group> fake_identitycall::requirement_groups() const {
  std::lock_guard lock(mutex_);
  std::vector<requirement_group> out;
  for (const auto& [id, approved] : state_->requirement_groups_) out.push_back({id, approved});
  return out;
}

http::response fake_identitycall::injected(const fault& f) {
  switch (f.http_status()) {
    case 401:
      return state::error_body(401, "Invalid or expired API key");
    case 403:
      return state::error_body(403, "Write permission required");
    case 404:
      return state::error_body(404, "Resource not found");
    case 422:
      return state::error_body(422, "Provider error");
    case 429:
      return state::error_body(429, "Rate limit exceeded",
                               {{"retry-after", std::to_string(f.retry_after().count())}});
    case 500:
      return state::error_body(500, "Internal server error");
    case 503:
      return state::error_body(503, "Service unavailable");
    default:
      return state::error_body(f.http_status(), "HTTP " + std::to_string(f.http_status()));
  }
}

std::pair<std::optional<fake_identitycall::route>, std::optional<std::int64_t>>
fake_identitycall::match(const http::request& r) {
  std::string path = detail::parse_target(r.url).path;
  using m = http::method;
  const std::string_view operators = "/api/v1/public/operators";
  if (path == operators) {
    if (r.method == m::get) return {route::list_operators, {}};
    if (r.method == m::post) return {route::create_operator, {}};
    return {std::nullopt, std::nullopt};
  }
  if (path.starts_with(operators) && path.size() > operators.size() &&
      path[operators.size()] == '/') {
    auto id = state::parse_id(std::string_view(path).substr(operators.size() + 1));
    if (!id) return {std::nullopt, std::nullopt};
    if (r.method == m::get) return {route::get_operator, id};
    if (r.method == m::patch) return {route::update_operator, id};
    if (r.method == m::delete_) return {route::delete_operator, id};
    return {std::nullopt, std::nullopt};
  }
  const std::string_view prefix = "/api/v1/public/virtual_numbers";
  if (!path.starts_with(prefix)) return {std::nullopt, std::nullopt};
  std::string_view rest = std::string_view(path).substr(prefix.size());
  if (rest.empty())
    return {r.method == m::get ? std::optional(route::list_virtual_numbers) : std::nullopt, {}};
  if (rest == "/available" && r.method == m::get) return {route::search_available_numbers, {}};
  if (rest == "/purchase" && r.method == m::post) return {route::purchase_number, {}};
  rest.remove_prefix(1);
  auto slash = rest.find('/');
  auto id = state::parse_id(rest.substr(0, slash));
  if (!id) return {std::nullopt, std::nullopt};
  std::string_view action = slash == std::string_view::npos ? "" : rest.substr(slash);
  if (action.empty() && r.method == m::get) return {route::get_virtual_number, id};
  if (action.empty() && r.method == m::patch) return {route::update_virtual_number, id};
  if (action == "/add_operator" && r.method == m::post) return {route::add_operator, id};
  if (action == "/remove_operator" && r.method == m::delete_) return {route::remove_operator, id};
  return {std::nullopt, std::nullopt};
}

http::response fake_identitycall::handle(const http::request& r, std::optional<route> which,
                                         std::optional<std::int64_t> id) {
  return state_->handle(r, which, id);
}

// The common base's members, for this fake: compiled here, once.
template class detail::fake_base<fake_identitycall, identitycall_route>;

}  // namespace vnum::testing

#endif  // VNUM_TESTING_IMPL_FAKE_IDENTITYCALL_HPP
