// vnum — IdentityCall: each operation as a plan (<vnum/plan.hpp>), built and ready to run. The
// blocking client<T> and the asynchronous async_client<T> (<vnum/asio.hpp>) run these same plans.
// SPDX-License-Identifier: MIT
#ifndef VNUM_IDENTITYCALL_PLAN_HPP
#define VNUM_IDENTITYCALL_PLAN_HPP

#include <vnum/detail/fingerprint.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/build.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/identitycall/parse.hpp>
#include <vnum/intent.hpp>
#include <vnum/plan.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vnum::identitycall {

/// A complete list. The first request goes out as the List page documents it (no parameters); if
/// its answer has meta and more than one page, pages 2 to total_pages follow with the per_page the
/// first answer reported, each a read (retried as config::retry allows). A failure on any page is
/// that failure (after the first page, its message names the page), never a short list; pages
/// that contradict the first, an empty page before the last, or more than max_pages pages are
/// errc::protocol naming the page. The config is borrowed: it must outlive the plan.
///
/// Each page's last attempt is one event, whose decision is call_decision::next_page when another
/// page follows.
/// @tparam Item the type of the list's entries
template <class Item>
class list_plan {
 public:
  using value_type = std::vector<Item>;  ///< the whole list, every page's entries in order
  /// Builds the request for a page after the first: (config, page, per_page).
  using page_builder = result<http::request> (*)(const config&, std::int64_t, std::int64_t);
  /// Reads one page's answer.
  using page_parser = result<page<Item>> (*)(const http::response&);

  /// The most pages a list may have before it is refused as a protocol error (100 000 entries at
  /// the largest page size): a bound, so that a provider that never says "last page" cannot keep
  /// a caller reading forever.
  static constexpr std::int64_t max_pages = 1000;

  /// A plan for a whole list.
  /// @param cfg the client's config (its retry policy, API key and observer); borrowed
  /// @param first the first page's request as built, or why it could not be (then that is the
  ///        result, and nothing is sent)
  /// @param build_page builds the requests for pages 2 on
  /// @param parse_page reads each page
  /// @param operation the name the events give, e.g. "list_operators" (borrowed)
  list_plan(const config& cfg, result<http::request> first, page_builder build_page,
            page_parser parse_page, std::string_view operation = {})
      : config_(&cfg), build_page_(build_page), parse_page_(parse_page), operation_(operation) {
    page_.emplace(std::move(first), parse_page_, config_->retry, config_->api_key, context());
  }

  /// The first step.
  /// @return send the first page's request; or done when it failed to build or the retry policy
  ///         is invalid (errc::invalid_argument)
  next_action start() { return follow(page_->start()); }
  /// Passes an answer to the current page's read; when that page is done, checks it and asks for
  /// the next.
  /// @param answer what the transport returned
  /// @param took how long the exchange took, for the event
  /// @return send (this page again, or the next), wait before a retry, or done
  next_action on_answer(result<http::response> answer, std::chrono::microseconds took = {}) {
    return follow(page_->on_answer(std::move(answer), took));
  }
  /// The wait before a retry of the current page is over.
  /// @return send the page's request again
  next_action on_waited() { return follow(page_->on_waited()); }
  /// The runner stopped: the result is the current page's, as read_plan::cancel() says.
  /// @return done
  next_action cancel() { return follow(page_->cancel()); }
  /// The result, once done; moved from by whoever takes it.
  /// @return the whole list, or the error that ended it
  result<value_type>&& take_result() { return std::move(*outcome_); }

  /// The page being read: 1 for the first request.
  /// @return the page's number
  std::int64_t page_number() const noexcept { return number_; }

 private:
  // Passes the page's actions through; when the page is done, checks it and asks for the next.
  next_action follow(next_action a) {
    while (a.is_done()) {
      result<page<Item>> answer = page_->take_result();
      if (!answer) {
        report(std::nullopt);
        return finish(on_page(std::move(answer).error()));
      }
      if (auto refused = number_ == 1 ? check_first(*answer) : check_next(*answer)) {
        report(call_decision::error, errc::protocol);
        return finish(std::move(*refused));
      }
      for (auto& item : answer->items) all_.push_back(std::move(item));
      if (number_ >= meta_.total_pages) {
        report(call_decision::success);
        return finish(std::move(all_));
      }
      report(call_decision::next_page);
      ++number_;
      page_.emplace(build_page_(*config_, number_, meta_.per_page), parse_page_, config_->retry,
                    config_->api_key, context());
      a = page_->start();
    }
    return a;
  }

  vnum::detail::call_context context() const {
    return {{"identitycall", operation_, operation_kind::read}, &config_->observe, number_};
  }

  // The event of the page's last attempt, with what the list made of it (unchanged: nullopt).
  void report(std::optional<call_decision> decision, std::optional<errc> code = std::nullopt) {
    auto& e = page_->last_event();
    if (!e) return;
    if (decision) e->decision = *decision;
    if (code) e->error = code;
    vnum::detail::notify(&config_->observe, *e);
  }

  std::optional<error> check_first(const page<Item>& answer) {
    if (!answer.meta) return std::nullopt;  // total_pages stays 0: this one page is the list
    meta_ = *answer.meta;
    if (meta_.current_page != 1)
      return refuse("meta.current_page is " + std::to_string(meta_.current_page) + ", not 1");
    if (meta_.total_pages > max_pages)
      return refuse("more pages than the " + std::to_string(max_pages) + " vnum reads");
    if (meta_.total_pages > 1 && (meta_.per_page < 1 || meta_.per_page > 100))
      return refuse("meta.per_page is " + std::to_string(meta_.per_page));
    if (meta_.total_pages > 1 && answer.items.empty())
      return refuse("an empty page before the last");
    return std::nullopt;
  }

  std::optional<error> check_next(const page<Item>& answer) {
    if (!answer.meta) return refuse("meta is missing");
    const page_meta& m = *answer.meta;
    if (m.current_page != number_)
      return refuse("meta.current_page is " + std::to_string(m.current_page));
    if (m.total_pages != meta_.total_pages)
      return refuse("meta.total_pages is " + std::to_string(m.total_pages) + ", page 1 said " +
                    std::to_string(meta_.total_pages));
    if (m.per_page != meta_.per_page)
      return refuse("meta.per_page is " + std::to_string(m.per_page) + ", page 1 said " +
                    std::to_string(meta_.per_page));
    if (answer.items.empty() && number_ < meta_.total_pages)
      return refuse("an empty page before the last");
    return std::nullopt;
  }

  error refuse(const std::string& why) const {
    return make_error(errc::protocol,
                      "unexpected response: page " + std::to_string(number_) + " of " +
                          std::to_string(meta_.total_pages) + ": " + why,
                      200);
  }

  // A page's own error; after the first page it names the page.
  error on_page(error e) const {
    if (number_ > 1)
      e.message = "page " + std::to_string(number_) + " of " + std::to_string(meta_.total_pages) +
                  ": " + e.message;
    return e;
  }

  next_action finish(result<value_type> r) {
    outcome_.emplace(std::move(r));
    return next_action::done();
  }

  const config* config_;
  page_builder build_page_;
  page_parser parse_page_;
  std::string_view operation_;
  std::optional<read_plan<page<Item>>> page_;
  std::int64_t number_ = 1;
  page_meta meta_{};
  value_type all_;
  std::optional<result<value_type>> outcome_;
};

namespace detail {

// The events' context of an operation of this provider: its name and kind, and the config's
// observer.
inline vnum::detail::call_context call_context_of(const config& c, std::string_view name,
                                                  operation_kind kind) {
  return {{"identitycall", name, kind}, &c.observe, 0};
}

}  // namespace detail

// One function per client method, with its arguments: the operation, validated and built (nothing
// is sent when that fails), as a plan of its kind. Each says whether it is a read (retried as
// config::retry allows) or a write (sent once; its parser applies the outcome rule of its kind).
// The config is borrowed: it must outlive the plan.
namespace plans {

/// Purchase Number: a creating write.
/// @param c the config; borrowed
/// @param r the purchase
/// @return the plan; its result as parse_purchase_number() reads the answer, or the error of
///         build_purchase_number() (nothing sent)
inline write_plan<virtual_number> purchase_number(const config& c, const purchase_request& r) {
  return {build_purchase_number(c, r), parse_purchase_number, c.api_key,
          detail::call_context_of(c, "purchase_number", operation_kind::creating_write)};
}

/// List Virtual Numbers: every number on the account (or the key's project), across pages
/// (list_plan); each page a read.
/// @param c the config; borrowed
/// @return the plan
inline list_plan<virtual_number> list_virtual_numbers(const config& c) {
  return {c, build_list_virtual_numbers(c), build_list_virtual_numbers_page,
          parse_list_virtual_numbers_page, "list_virtual_numbers"};
}

/// Get Virtual Number: a read.
/// @param c the config; borrowed
/// @param id the number's id (positive, else errc::invalid_argument and nothing is sent)
/// @return the plan
inline read_plan<virtual_number_detail> get_virtual_number(const config& c, std::int64_t id) {
  return {build_get_virtual_number(c, id), parse_get_virtual_number, c.retry, c.api_key,
          detail::call_context_of(c, "get_virtual_number", operation_kind::read)};
}

/// Update Virtual Number: an idempotent write.
/// @param c the config; borrowed
/// @param id the number's id
/// @param r the fields to change (at least one)
/// @return the plan; its result is empty when the provider answers 204
inline write_plan<std::optional<virtual_number_detail>> update_virtual_number(
    const config& c, std::int64_t id, const update_request& r) {
  return {build_update_virtual_number(c, id, r), parse_update_virtual_number, c.api_key,
          detail::call_context_of(c, "update_virtual_number", operation_kind::idempotent_write)};
}

/// Search Available Numbers: a read.
/// @param c the config; borrowed
/// @param r the filters
/// @return the plan
inline read_plan<std::vector<available_number>> search_available_numbers(const config& c,
                                                                         const search_request& r) {
  return {build_search_available_numbers(c, r), parse_search_available_numbers, c.retry, c.api_key,
          detail::call_context_of(c, "search_available_numbers", operation_kind::read)};
}

/// Add Operator to a number: a creating write (it may create an operator).
/// @param c the config; borrowed
/// @param id the number's id
/// @param r the operator: an existing one's id, or a new one's phone number
/// @return the plan; its result is empty when the provider answers 204
inline write_plan<std::optional<virtual_number_detail>> add_operator(
    const config& c, std::int64_t id, const add_operator_request& r) {
  return {build_add_operator(c, id, r), parse_add_operator, c.api_key,
          detail::call_context_of(c, "add_operator", operation_kind::creating_write)};
}

/// Remove Operator from a number: an idempotent write.
/// @param c the config; borrowed
/// @param id the number's id
/// @param operator_id the operator's id
/// @return the plan; its result is empty when the provider answers 204
inline write_plan<std::optional<virtual_number_detail>> remove_operator(const config& c,
                                                                        std::int64_t id,
                                                                        std::int64_t operator_id) {
  return {build_remove_operator(c, id, operator_id), parse_remove_operator, c.api_key,
          detail::call_context_of(c, "remove_operator", operation_kind::idempotent_write)};
}

/// List Operators: every operator the key sees, across pages (list_plan); each page a read.
/// @param c the config; borrowed
/// @return the plan
inline list_plan<operator_summary> list_operators(const config& c) {
  return {c, build_list_operators(c), build_list_operators_page, parse_list_operators_page,
          "list_operators"};
}

/// Get Operator: a read.
/// @param c the config; borrowed
/// @param id the operator's id (positive, else errc::invalid_argument and nothing is sent)
/// @return the plan
inline read_plan<operator_detail> get_operator(const config& c, std::int64_t id) {
  return {build_get_operator(c, id), parse_get_operator, c.retry, c.api_key,
          detail::call_context_of(c, "get_operator", operation_kind::read)};
}

/// Create Operator: a creating write.
/// @param c the config; borrowed
/// @param r the operator
/// @return the plan
inline write_plan<operator_detail> create_operator(const config& c,
                                                   const create_operator_request& r) {
  return {build_create_operator(c, r), parse_create_operator, c.api_key,
          detail::call_context_of(c, "create_operator", operation_kind::creating_write)};
}

/// Update Operator: an idempotent write.
/// @param c the config; borrowed
/// @param id the operator's id
/// @param r the fields to change (at least one)
/// @return the plan; its result is empty when the provider answers 204
inline write_plan<std::optional<operator_detail>> update_operator(
    const config& c, std::int64_t id, const update_operator_request& r) {
  return {build_update_operator(c, id, r), parse_update_operator, c.api_key,
          detail::call_context_of(c, "update_operator", operation_kind::idempotent_write)};
}

/// Delete Operator: an idempotent write (the operator and its assignments go; the numbers stay).
/// @param c the config; borrowed
/// @param id the operator's id
/// @return the plan
inline write_plan<void> delete_operator(const config& c, std::int64_t id) {
  return {build_delete_operator(c, id), parse_delete_operator, c.api_key,
          detail::call_context_of(c, "delete_operator", operation_kind::idempotent_write)};
}

// The creating writes once per intent key (<vnum/intent.hpp>): claimed in the ledger before the
// send, settled after it; a key already held answers from the ledger and nothing is sent.

/// purchase_number(const config&, const purchase_request&) once per intent key: the ledger
/// operation "identitycall.purchase_number".
/// @param c the config; borrowed
/// @param r the purchase
/// @param k the ledger and key (from vnum::once())
/// @return the plan
template <ledger L>
intent_plan<virtual_number, L> purchase_number(const config& c, const purchase_request& r,
                                               intent_key<L> k) {
  return {purchase_number(c, r), std::move(k), vnum::detail::request_fingerprint};
}

/// create_operator(const config&, const create_operator_request&) once per intent key: the ledger
/// operation "identitycall.create_operator".
/// @param c the config; borrowed
/// @param r the operator
/// @param k the ledger and key (from vnum::once())
/// @return the plan
template <ledger L>
intent_plan<operator_detail, L> create_operator(const config& c, const create_operator_request& r,
                                                intent_key<L> k) {
  return {create_operator(c, r), std::move(k), vnum::detail::request_fingerprint};
}

/// add_operator(const config&, std::int64_t, const add_operator_request&) once per intent key:
/// the ledger operation "identitycall.add_operator".
/// @param c the config; borrowed
/// @param id the number's id
/// @param r the operator
/// @param k the ledger and key (from vnum::once())
/// @return the plan
template <ledger L>
intent_plan<std::optional<virtual_number_detail>, L> add_operator(const config& c, std::int64_t id,
                                                                  const add_operator_request& r,
                                                                  intent_key<L> k) {
  return {add_operator(c, id, r), std::move(k), vnum::detail::request_fingerprint};
}

}  // namespace plans

}  // namespace vnum::identitycall

#endif  // VNUM_IDENTITYCALL_PLAN_HPP
