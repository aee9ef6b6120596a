// Pages of List Virtual Numbers for the paging tests: the documented entry once per id, with the
// pagination guide's meta.
#ifndef VNUM_TESTS_IDENTITYCALL_PAGES_HPP
#define VNUM_TESTS_IDENTITYCALL_PAGES_HPP

#include <vnum/detail/json.hpp>
#include <vnum/identitycall/model.hpp>

#include "identitycall/examples.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace identitycall_pages {

inline std::string numbers_page(std::vector<std::int64_t> ids, std::int64_t current,
                                std::int64_t per_page, std::int64_t total_pages,
                                std::int64_t total_count) {
  const auto entry = boost::json::parse(identitycall_examples::list_200).at("data").at(0);
  boost::json::array data;
  for (auto id : ids) {
    auto e = entry;
    e.as_object()["id"] = id;
    data.push_back(e);
  }
  return boost::json::serialize(boost::json::object{{"data", data},
                                                    {"meta",
                                                     {{"current_page", current},
                                                      {"per_page", per_page},
                                                      {"total_pages", total_pages},
                                                      {"total_count", total_count}}}});
}

inline std::vector<std::int64_t> ids_of(
    const std::vector<vnum::identitycall::virtual_number>& numbers) {
  std::vector<std::int64_t> ids;
  for (const auto& n : numbers) ids.push_back(n.id);
  return ids;
}

}  // namespace identitycall_pages

#endif  // VNUM_TESTS_IDENTITYCALL_PAGES_HPP
