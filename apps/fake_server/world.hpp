// vnum-fake-server — the world file: what a fake provider holds when the server starts, and again
// after POST /_fake/reset. Read strictly: an unknown key, a wrong type or a missing field is
// refused, naming it by its JSON path ("numbers[1].monthly_product").
//
//   cellcast      {"api_key": "...", "cards": ["card_1"],
//                  "numbers": [{"id", "number", "monthly_product", "yearly_product"}],
//                  "otp_required": false, "postpaid": false}
//   identitycall  {"api_key": "...",
//                  "available": [{"phone_number", "country_code", "number_type"}],
//                  "requirement_groups": [{"approved": true}],
//                  "operators": [{"name", "phone_number", "id" (optional)}]}
//
// Every key is optional; an absent one leaves the fake's default (its own API key, nothing seeded).
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_FAKE_SERVER_WORLD_HPP
#define VNUM_APPS_FAKE_SERVER_WORLD_HPP

#include <vnum/detail/json.hpp>
#include <vnum/testing/fake_cellcast.hpp>
#include <vnum/testing/fake_identitycall.hpp>

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vnum_fake_server {

namespace json = boost::json;

// A world file that cannot be used; what() names the file and the offending key.
class world_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads members of one JSON object, refusing keys it does not know and values of the wrong type.
class reader {
 public:
  reader(const json::value& v, std::string path) : path_(std::move(path)) {
    if (!v.is_object())
      fail(path_.empty() ? "the world" : path_, "must be an object, not " + kind(v));
    o_ = &v.get_object();
  }

  // Refuses any key not in `known`.
  void only(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, value] : *o_) {
      bool ok = false;
      for (auto k : known) ok = ok || k == key;
      if (ok) continue;
      std::string list;
      for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      fail(at(key), "is not a known key (known here: " + list + ")");
    }
  }

  std::optional<std::string> text(std::string_view key, bool required = false) const {
    const json::value* v = get(key, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) fail(at(key), "must be a string, not " + kind(*v));
    return std::string(v->get_string());
  }

  std::optional<bool> boolean(std::string_view key) const {
    const json::value* v = get(key, false);
    if (v == nullptr) return std::nullopt;
    if (!v->is_bool()) fail(at(key), "must be true or false, not " + kind(*v));
    return v->get_bool();
  }

  std::optional<std::int64_t> integer(std::string_view key) const {
    const json::value* v = get(key, false);
    if (v == nullptr) return std::nullopt;
    if (!v->is_int64() || v->get_int64() <= 0)
      fail(at(key), "must be a positive integer, not " + kind(*v));
    return v->get_int64();
  }

  const json::array* array(std::string_view key) const {
    const json::value* v = get(key, false);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) fail(at(key), "must be an array, not " + kind(*v));
    return &v->get_array();
  }

  std::string at(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  [[noreturn]] static void fail(const std::string& where, const std::string& why) {
    throw world_error(where + " " + why);
  }

  static std::string kind(const json::value& v) {
    switch (v.kind()) {
      case json::kind::null:
        return "null";
      case json::kind::bool_:
        return "a boolean";
      case json::kind::int64:
      case json::kind::uint64:
      case json::kind::double_:
        return "a number";
      case json::kind::string:
        return "a string";
      case json::kind::array:
        return "an array";
      case json::kind::object:
        return "an object";
    }
    return "a value";
  }

 private:
  const json::value* get(std::string_view key, bool required) const {
    const json::value* v = o_->if_contains(key);
    if (v == nullptr && required) fail(at(key), "is required");
    return v;
  }

  const json::object* o_ = nullptr;
  std::string path_;
};

inline std::string element(std::string_view array, std::size_t i) {
  return std::string(array) + "[" + std::to_string(i) + "]";
}

inline std::string required_text(const reader& r, std::string_view key) {
  auto v = r.text(key, true);
  if (v->empty()) reader::fail(r.at(key), "must not be empty");
  return *v;
}

struct cellcast_world {
  std::optional<std::string> api_key;
  std::vector<std::string> cards;
  struct number {
    std::string id, e164, monthly, yearly;
  };
  std::vector<number> numbers;
  bool otp_required = false;
  bool postpaid = false;

  static cellcast_world read(const json::value& v) {
    cellcast_world w;
    reader r(v, "");
    r.only({"api_key", "cards", "numbers", "otp_required", "postpaid"});
    if (r.text("api_key")) w.api_key = required_text(r, "api_key");
    if (const auto* cards = r.array("cards")) {
      for (std::size_t i = 0; i < cards->size(); ++i) {
        const auto& c = (*cards)[i];
        if (!c.is_string() || c.get_string().empty())
          reader::fail(element("cards", i),
                       "must be a card id (a non-empty string), not " + reader::kind(c));
        w.cards.emplace_back(c.get_string());
      }
    }
    if (const auto* numbers = r.array("numbers")) {
      for (std::size_t i = 0; i < numbers->size(); ++i) {
        reader n((*numbers)[i], element("numbers", i));
        n.only({"id", "number", "monthly_product", "yearly_product"});
        w.numbers.push_back({required_text(n, "id"), required_text(n, "number"),
                             required_text(n, "monthly_product"),
                             required_text(n, "yearly_product")});
      }
    }
    w.otp_required = r.boolean("otp_required").value_or(false);
    w.postpaid = r.boolean("postpaid").value_or(false);
    return w;
  }

  std::shared_ptr<vnum::testing::fake_cellcast> make() const {
    auto fake = api_key ? std::make_shared<vnum::testing::fake_cellcast>(*api_key)
                        : std::make_shared<vnum::testing::fake_cellcast>();
    for (const auto& c : cards) fake->add_card(c);
    for (const auto& n : numbers) fake->add_number(n.id, n.e164, n.monthly, n.yearly);
    fake->require_otp(otp_required);
    fake->enable_postpaid(postpaid);
    return fake;
  }
};

struct identitycall_world {
  std::optional<std::string> api_key;
  struct offer {
    std::string phone_number, country_code, number_type;
  };
  std::vector<offer> available;
  std::vector<bool> requirement_groups;
  struct operator_seed {
    std::string name, phone_number;
    std::optional<std::int64_t> id;
  };
  std::vector<operator_seed> operators;

  static identitycall_world read(const json::value& v) {
    identitycall_world w;
    reader r(v, "");
    r.only({"api_key", "available", "requirement_groups", "operators"});
    if (r.text("api_key")) w.api_key = required_text(r, "api_key");
    if (const auto* available = r.array("available")) {
      for (std::size_t i = 0; i < available->size(); ++i) {
        reader a((*available)[i], element("available", i));
        a.only({"phone_number", "country_code", "number_type"});
        w.available.push_back({required_text(a, "phone_number"), required_text(a, "country_code"),
                               required_text(a, "number_type")});
      }
    }
    if (const auto* groups = r.array("requirement_groups")) {
      for (std::size_t i = 0; i < groups->size(); ++i) {
        reader g((*groups)[i], element("requirement_groups", i));
        g.only({"approved"});
        auto approved = g.boolean("approved");
        if (!approved) reader::fail(g.at("approved"), "is required");
        w.requirement_groups.push_back(*approved);
      }
    }
    if (const auto* operators = r.array("operators")) {
      for (std::size_t i = 0; i < operators->size(); ++i) {
        reader o((*operators)[i], element("operators", i));
        o.only({"name", "phone_number", "id"});
        w.operators.push_back(
            {required_text(o, "name"), required_text(o, "phone_number"), o.integer("id")});
      }
    }
    return w;
  }

  std::shared_ptr<vnum::testing::fake_identitycall> make() const {
    auto fake = api_key ? std::make_shared<vnum::testing::fake_identitycall>(*api_key)
                        : std::make_shared<vnum::testing::fake_identitycall>();
    for (const auto& a : available)
      fake->add_available(a.phone_number, a.country_code, a.number_type);
    for (bool approved : requirement_groups) fake->add_requirement_group(approved);
    for (const auto& op : operators) fake->add_operator(op.name, op.phone_number, op.id);
    return fake;
  }
};

// Reads and checks a world file; world_error names the file and what is wrong in it.
template <class World>
World load_world(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw world_error(file + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  auto v = vnum::detail::parse_json(text.str());
  if (!v) throw world_error(file + ": is not valid JSON");
  try {
    return World::read(*v);
  } catch (const world_error& e) {
    throw world_error(file + ": " + e.what());
  }
}

}  // namespace vnum_fake_server

#endif  // VNUM_APPS_FAKE_SERVER_WORLD_HPP
