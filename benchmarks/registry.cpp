#include "registry.hpp"

#include <stdexcept>

namespace bench {

void registry::add(std::string name, body_factory make) {
  if (entries_.contains(name)) throw std::logic_error("benchmark case added twice: " + name);
  order_.push_back(name);
  entries_.emplace(std::move(name), entry{std::move(make), {}});
}

const body& registry::get(const std::string& name) {
  auto it = entries_.find(name);
  if (it == entries_.end()) throw std::out_of_range("no benchmark case is called " + name);
  if (!it->second.made) it->second.made = it->second.make();
  return it->second.made;
}

std::string describe(const vnum::http::request& r) {
  std::string out(to_string(r.method));
  out += ' ' + r.url;
  for (const auto& h : r.headers) out += " [" + h.name + ": " + h.value + ']';
  return out + " body " + r.body;
}

}  // namespace bench
