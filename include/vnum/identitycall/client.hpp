// vnum — IdentityCall: the client, which composes validate -> build -> send -> parse.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_CLIENT_HPP
#define VNUM_IDENTITYCALL_CLIENT_HPP

#include <vnum/detail/client_base.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/build.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/parse.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vnum::identitycall {

// Works owning (client<my_transport>) and borrowing (client<my_transport&>). Nothing is sent when
// validation fails. No write is retried (reads only as config::retry allows): a purchase that ends
// in errc::outcome_unknown may have gone through, so reconcile with list_virtual_numbers() before
// trying again (and likewise a create_operator with list_operators()). Not safe for concurrent use
// of one instance. config() and transport() come from the shared base.
template <http::transport T>
class client : public vnum::detail::client_base<T, config> {
  using base = vnum::detail::client_base<T, config>;

 public:
  client(T transport, config cfg) : base(std::forward<T>(transport), std::move(cfg)) {}

  // Each method says whether it is a read (retried as config::retry allows) or a write (sent once;
  // its kind, and what an answer that does not say how it ended means, is its parser's).

  result<virtual_number> purchase_number(const purchase_request& r) {
    return this->write(build_purchase_number(this->config(), r), parse_purchase_number);
  }

  // Every number on the account (or the key's project): when the answer is one page of several,
  // the following pages are read too (see list_all).
  result<std::vector<virtual_number>> list_virtual_numbers() {
    return list_all(build_list_virtual_numbers(this->config()), build_list_virtual_numbers_page,
                    parse_list_virtual_numbers_page);
  }

  result<virtual_number_detail> get_virtual_number(std::int64_t id) {
    return this->read(build_get_virtual_number(this->config(), id), parse_get_virtual_number);
  }

  // The number as updated; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> update_virtual_number(std::int64_t id,
                                                                     const update_request& r) {
    return this->write(build_update_virtual_number(this->config(), id, r),
                       parse_update_virtual_number);
  }

  result<std::vector<available_number>> search_available_numbers(const search_request& r = {}) {
    return this->read(build_search_available_numbers(this->config(), r),
                      parse_search_available_numbers);
  }

  // The number with the operator attached; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> add_operator(std::int64_t id,
                                                            const add_operator_request& r) {
    return this->write(build_add_operator(this->config(), id, r), parse_add_operator);
  }

  // The number without the operator; empty when the provider answered 204 without a body.
  result<std::optional<virtual_number_detail>> remove_operator(std::int64_t id,
                                                               std::int64_t operator_id) {
    return this->write(build_remove_operator(this->config(), id, operator_id),
                       parse_remove_operator);
  }

  // Every operator the key sees, across pages as list_virtual_numbers.
  result<std::vector<operator_summary>> list_operators() {
    return list_all(build_list_operators(this->config()), build_list_operators_page,
                    parse_list_operators_page);
  }

  result<operator_detail> get_operator(std::int64_t id) {
    return this->read(build_get_operator(this->config(), id), parse_get_operator);
  }

  result<operator_detail> create_operator(const create_operator_request& r) {
    return this->write(build_create_operator(this->config(), r), parse_create_operator);
  }

  // The operator as updated; empty when the provider answered 204 without a body.
  result<std::optional<operator_detail>> update_operator(std::int64_t id,
                                                         const update_operator_request& r) {
    return this->write(build_update_operator(this->config(), id, r), parse_update_operator);
  }

  result<void> delete_operator(std::int64_t id) {
    return this->write(build_delete_operator(this->config(), id), parse_delete_operator);
  }

  // The most pages a list may have before it is refused as a protocol error (100 000 entries at
  // the largest page size): a bound, so that a provider that never says "last page" cannot keep a
  // caller reading forever.
  static constexpr std::int64_t max_pages = 1000;

 private:
  // A complete list. The first request goes out as the List page documents it (no parameters); if
  // its answer has meta and more than one page, pages 2 to total_pages follow with the per_page the
  // first answer reported, each a read (retried as config::retry allows). A failure on any page is
  // that failure, never a short list; pages that contradict the first, an empty page before the
  // last, or more than max_pages pages are errc::protocol naming the page.
  template <class Item>
  result<std::vector<Item>> list_all(result<http::request> first,
                                     result<http::request> (*build_page)(const config&,
                                                                         std::int64_t,
                                                                         std::int64_t),
                                     result<page<Item>> (*parse_page)(const http::response&)) {
    auto answer = this->read(std::move(first), parse_page);
    if (!answer) return answer.error();
    std::vector<Item> all = std::move(answer->items);
    if (!answer->meta) return all;
    const page_meta meta = *answer->meta;
    auto refuse = [&meta](std::int64_t n, const std::string& why) {
      return make_error(errc::protocol,
                        "unexpected response: page " + std::to_string(n) + " of " +
                            std::to_string(meta.total_pages) + ": " + why,
                        200);
    };
    if (meta.current_page != 1)
      return refuse(1, "meta.current_page is " + std::to_string(meta.current_page) + ", not 1");
    if (meta.total_pages > max_pages)
      return refuse(1, "more pages than the " + std::to_string(max_pages) + " vnum reads");
    if (meta.total_pages > 1 && (meta.per_page < 1 || meta.per_page > 100))
      return refuse(1, "meta.per_page is " + std::to_string(meta.per_page));
    if (meta.total_pages > 1 && all.empty()) return refuse(1, "an empty page before the last");
    for (std::int64_t n = 2; n <= meta.total_pages; ++n) {
      auto next = this->read(build_page(this->config(), n, meta.per_page), parse_page);
      if (!next) {
        error e = next.error();
        e.message = "page " + std::to_string(n) + " of " + std::to_string(meta.total_pages) + ": " +
                    e.message;
        return e;
      }
      if (!next->meta) return refuse(n, "meta is missing");
      if (next->meta->current_page != n)
        return refuse(n, "meta.current_page is " + std::to_string(next->meta->current_page));
      if (next->meta->total_pages != meta.total_pages)
        return refuse(n, "meta.total_pages is " + std::to_string(next->meta->total_pages) +
                             ", page 1 said " + std::to_string(meta.total_pages));
      if (next->meta->per_page != meta.per_page)
        return refuse(n, "meta.per_page is " + std::to_string(next->meta->per_page) +
                             ", page 1 said " + std::to_string(meta.per_page));
      if (next->items.empty() && n < meta.total_pages)
        return refuse(n, "an empty page before the last");
      for (auto& item : next->items) all.push_back(std::move(item));
    }
    return all;
  }
};

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_CLIENT_HPP
