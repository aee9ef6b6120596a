// vnum — formatting vnum's types with {fmt} (and so with spdlog), and with std::format where the
// standard library has it: fmt::format("{}", error) is what `std::cout << error` prints.
//
// Opt-in: <vnum/vnum.hpp> does not include this header. A program that includes it uses {fmt}
// (Debian: libfmt-dev; link -lfmt, or define FMT_HEADER_ONLY).
//
// Formattable, each as exactly the text its own printer writes (so with the same secrets masked):
//   - every type of namespaces vnum, vnum::http, vnum::cellcast and vnum::identitycall that has an
//     operator<<: vnum::error, http::request (the authorization header and the OTP, Stripe token
//     and bank account body fields masked), http::response, and every model type of both providers
//     (cellcast::purchase_request's token masked, becs_debit's account number masked, ...);
//   - every enum of those namespaces that has only a to_string: vnum::errc, operation_kind,
//     call_decision, intent_state, reconcile_verdict, http::method;
//   - vnum::result<T>, as its operator<< prints it: "value:..." or "error:...";
//   - vnum::call_event, which has no operator<<: as the model types print, e.g.
//     call_event{provider="cellcast", operation="list_cards", kind=read, attempt=1, page=0,
//     method=GET, path="/api/v1/user/getCards", status=200, error=null, duration=1500us,
//     wait=null, decision=success, sent=true}.
// Not formattable: the types with no printer (intent_record, reconciled, the configs, the clients),
// and the templates of those namespaces (identitycall::page<T>).
// Which types are formattable is not listed anywhere: a class or enum of those four namespaces
// that prints is (a model type added later with an operator<< is too); a std type never is, not
// even one holding vnum types (std::vector<cellcast::card> is fmt/ranges.h's to format).
//
// The format spec is a string's: "{:>30}" right-aligns in 30 columns, "{:.20}" cuts at 20
// characters.
// SPDX-License-Identifier: MIT
#ifndef VNUM_FMT_HPP
#define VNUM_FMT_HPP

#include <vnum/cellcast/model.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/identitycall/model.hpp>
#include <vnum/intent.hpp>
#include <vnum/observe.hpp>

#include <fmt/format.h>

#include <concepts>
#include <optional>
#include <ostream>
#include <ranges>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <version>

namespace vnum::detail {

// What the namespace markers below return.
struct formattable_namespace {};

// Hides vnum::vnum_formattable_namespace from the ordinary lookup in fmt_printable, so that only
// argument-dependent lookup, that is the type's own namespace, can find a marker.
void vnum_formattable_namespace() = delete;

}  // namespace vnum::detail

namespace vnum {
/// Marks namespace vnum as one whose printable types <vnum/fmt.hpp> formats (found by
/// argument-dependent lookup; never called).
constexpr detail::formattable_namespace vnum_formattable_namespace(const void*) noexcept {
  return {};
}
}  // namespace vnum

namespace vnum::http {
/// Marks namespace vnum::http as one whose printable types <vnum/fmt.hpp> formats (found by
/// argument-dependent lookup; never called).
constexpr vnum::detail::formattable_namespace vnum_formattable_namespace(const void*) noexcept {
  return {};
}
}  // namespace vnum::http

namespace vnum::cellcast {
/// Marks namespace vnum::cellcast as one whose printable types <vnum/fmt.hpp> formats (found by
/// argument-dependent lookup; never called).
constexpr vnum::detail::formattable_namespace vnum_formattable_namespace(const void*) noexcept {
  return {};
}
}  // namespace vnum::cellcast

namespace vnum::identitycall {
/// Marks namespace vnum::identitycall as one whose printable types <vnum/fmt.hpp> formats (found
/// by argument-dependent lookup; never called).
constexpr vnum::detail::formattable_namespace vnum_formattable_namespace(const void*) noexcept {
  return {};
}
}  // namespace vnum::identitycall

namespace vnum::detail {

template <class T>
inline constexpr bool is_type_template_specialization = false;
template <template <class...> class Template, class... Args>
inline constexpr bool is_type_template_specialization<Template<Args...>> = true;

// A class or enum declared in one of the marked namespaces. Argument-dependent lookup also looks
// in the namespaces of a template's arguments (std::vector<cellcast::card> would be found through
// cellcast::card): templates and ranges are left out, so no std type is ever taken.
template <class T>
concept in_formattable_namespace = (std::is_class_v<T> || std::is_enum_v<T>)&&!std::is_const_v<T> &&
                                   !std::is_volatile_v<T> && !is_type_template_specialization<T> &&
                                   !std::ranges::range<T> && requires(const T* p) {
  { vnum_formattable_namespace(p) } -> std::same_as<formattable_namespace>;
};

template <class T>
concept streamable = requires(std::ostream& os, const T& v) {
  os << v;
};

template <class T>
concept named_by_to_string = requires(const T& v) {
  { to_string(v) } -> std::convertible_to<std::string_view>;
};

// A word printed as it is (an enum's name, a duration), where print_value would quote a string.
struct word {
  std::string text;
  friend std::ostream& operator<<(std::ostream& os, const word& w) { return os << w.text; }
};

// call_event has no operator<<: it prints as the model types do.
inline void print_call_event(std::ostream& os, const call_event& e) {
  std::optional<word> error;
  if (e.error) error = word{std::string(to_string(*e.error))};
  std::optional<word> wait;
  if (e.wait) wait = word{std::to_string(e.wait->count()) + "ms"};
  print(os, "call_event", "provider", e.provider, "operation", e.operation, "kind",
        word{std::string(to_string(e.kind))}, "attempt", e.attempt, "page", e.page, "method",
        word{std::string(to_string(e.method))}, "path", e.path, "status", e.status, "error", error,
        "duration", word{std::to_string(e.duration.count()) + "us"}, "wait", wait, "decision",
        word{std::string(to_string(e.decision))}, "sent", e.sent);
}

template <class T>
inline constexpr bool is_result = false;
template <class T>
inline constexpr bool is_result<boost::system::result<T, error>> = true;

// The types <vnum/fmt.hpp> formats: vnum::result<T> (printed by vnum's operator<<, or Boost's for
// result<void>), and the marked namespaces' types that print.
template <class T>
concept fmt_printable = is_result<T> ||
    (in_formattable_namespace<T> &&
     (streamable<T> || named_by_to_string<T> || std::same_as<T, call_event>));

// The text of a formattable value: its operator<<'s, else its to_string's.
template <class T>
std::string fmt_text(const T& v) {
  if constexpr (streamable<T>) {
    std::ostringstream out;
    static_cast<std::ostream&>(out) << v;
    return std::move(out).str();
  } else if constexpr (named_by_to_string<T>) {
    return std::string(std::string_view(to_string(v)));
  } else {
    std::ostringstream out;
    print_call_event(out, v);
    return std::move(out).str();
  }
}

}  // namespace vnum::detail

/// {fmt}'s namespace, where <vnum/fmt.hpp> specializes fmt::formatter for vnum's types.
namespace fmt {

/// Formats a vnum type as its operator<< (or, for an enum without one, its to_string) prints it,
/// with a string's format spec: fmt::format("{:>30}", vnum::errc::unauthorized). Also formats
/// vnum::result<T>: "value:<value>" or "error:<error>".
template <class T>
requires vnum::detail::fmt_printable<T>
struct formatter<T, char> : formatter<fmt::string_view, char> {
  /// Not a string: a range of vnum values (fmt/ranges.h) prints them as they are, unquoted.
  void set_debug_format() = delete;

  /// Writes the value's text to the context's output, aligned and cut as the spec says.
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = vnum::detail::fmt_text(value);
    return formatter<fmt::string_view, char>::format(fmt::string_view(text), ctx);
  }
};

}  // namespace fmt

// std::format, where the standard library has it (it defines __cpp_lib_format: libstdc++ 13 and
// later). No build of this project compiles this block (Debian 12's libstdc++ 12 has no <format>),
// so it is kept to the definition above, over std::formatter<std::string_view> instead.
#if defined(__cpp_lib_format) && __has_include(<format>)
#include <format>

/// std::format's counterpart of fmt::formatter<T, char> above: the same text, a string's spec.
template <class T>
requires vnum::detail::fmt_printable<T>
struct std::formatter<T, char> : std::formatter<std::string_view, char> {
  /// Not a string: a range of vnum values prints them as they are, unquoted.
  void set_debug_format() = delete;

  /// Writes the value's text to the context's output, aligned and cut as the spec says.
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const {
    const std::string text = vnum::detail::fmt_text(value);
    return std::formatter<std::string_view, char>::format(std::string_view(text), ctx);
  }
};
#endif

#endif  // VNUM_FMT_HPP
