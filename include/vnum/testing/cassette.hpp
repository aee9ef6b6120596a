// vnum — cassettes: record what a provider really answered, replay it in tests, and hold a fake
// to it.
//
//   recording_transport<T>  wraps any transport and writes each exchange (request; response or
//                           transport error), in the order sent, to a cassette file. The
//                           authorization value and the secret body fields are redacted before
//                           anything is written, and the file is rewritten atomically (temporary
//                           file, then rename) after each exchange.
//   replay_transport        answers each request with the recorded response of the next unplayed
//                           exchange whose method, URL path and query, and body (as JSON, redacted
//                           fields ignored) match.
//   replay_against(fake, c) sends each recorded request to a fake and reports every difference
//                           between its answers and the recorded ones (status; JSON paths).
//
// The cassette is JSON, one exchange member per line so that an error can name its line:
//   {"vnum_cassette": 1, "source": "...", "exchanges": [
//     {"request": {"method", "url", "headers": [[name, value], ...], "body"},
//      "response": {"status", "headers", "body"}   or   "error": {"code", "message"}}, ...]}
// A body that is a JSON object or array is stored as that JSON value; any other body as a string
// holding its text.
//
// Declared here; the functions and replay_transport's members are defined in
// <vnum/testing/impl/cassette.hpp>, compiled once per program: in the translation unit that
// defines VNUM_IMPLEMENTATION (or VNUM_TESTING_IMPLEMENTATION) and includes this header (or
// <vnum/vnum_testing.hpp>). This header includes no Boost.JSON.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_CASSETTE_HPP
#define VNUM_TESTING_CASSETTE_HPP

#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace vnum::testing {

/// The body fields whose values are secrets other than the API key: an OTP, a Stripe token, BECS
/// bank details. Extend the list per recording_transport.
/// @return "otp", "token", "becs_account_number" and "becs_bsb_number".
std::vector<std::string> default_secret_fields();

/// What a redacted value is replaced with.
inline constexpr std::string_view redacted_value = "***";

/// One recorded exchange: the request, and either the response or the transport's error.
struct exchange {
  http::request request;                   ///< As sent; redacted when recording_transport wrote it.
  std::optional<http::response> response;  ///< The answer (any status), when there was one.
  std::optional<vnum::error> error;        ///< The transport's error, when there was no answer.
  /// Member-wise equality.
  friend bool operator==(const exchange&, const exchange&) = default;
};

/// A recording: what a provider answered to each request, in the order sent.
struct cassette {
  std::string source;  ///< Where the exchanges come from: "captured ...", a documentation page.
  std::vector<exchange> exchanges;  ///< In the order sent.
  /// Member-wise equality.
  friend bool operator==(const cassette&, const cassette&) = default;
};

/// @cond INTERNAL
namespace cassette_detail {

struct difference {
  std::string path, recorded, actual;
};

// A path matches a pattern when equal, "[*]" matching any index; a pattern "**.name" matches a
// member called `name` at any depth.
bool path_matches(std::string_view path, std::string_view pattern);

// The differences between a recorded body and an actual one: as JSON when both are, else as text;
// a redacted recorded value matches anything, and the `ignore` paths are skipped.
std::vector<difference> body_diff(std::string_view recorded, std::string_view actual,
                                  const std::vector<std::string>& ignore);

}  // namespace cassette_detail
/// @endcond

/// The request as it is written to a cassette: the authorization value keeps only its scheme
/// (`Bearer ***`), and the credential it carried is masked wherever else it appears (URL, headers,
/// body); the values of `secret_fields` in a JSON body (at any depth) are `***`.
/// @param r the request as sent.
/// @param secret_fields the body members whose string or number values are masked.
/// @return the redacted copy.
http::request redact(http::request r, const std::vector<std::string>& secret_fields);

/// The cassette as text: the vnum_cassette JSON format, one exchange member per line.
/// @param c the cassette.
/// @return the text that save() writes and parse_cassette() reads.
std::string to_text(const cassette& c);

/// Writes the cassette to `path` atomically: a temporary file next to it (`path` + ".tmp"), then a
/// rename.
/// @param c the cassette.
/// @param path the file to replace.
/// @return nothing; errc::invalid_argument when the temporary file cannot be written or renamed.
result<void> save(const cassette& c, const std::string& path);

/// Reads a cassette from its text.
/// @param text the cassette, as to_text() writes it.
/// @param name prefixes every error ("buy.cassette.json:41: ...").
/// @return the cassette; errc::invalid_argument when the text is not valid JSON (naming the line
/// where parsing stopped) or its JSON is not a version-1 cassette (naming the exchange, its line
/// and the key).
result<cassette> parse_cassette(std::string_view text, const std::string& name);

/// Reads a cassette file.
/// @param path the file.
/// @return the cassette; errc::invalid_argument when the file cannot be opened ("path: cannot
/// open") or as parse_cassette() refuses it.
result<cassette> load_cassette(const std::string& path);

/// Wraps a transport and records every exchange to the cassette at `path`, replacing what the
/// file held (or, given `earlier`, after its exchanges).
///
/// Each exchange (request; response or transport error) is redacted (see redact()) before anything
/// is written, and the file is rewritten atomically (see save()) after each exchange; nothing is
/// written before the first. Thread-safe: exchanges are appended in the order their answers
/// arrive.
///
/// @code
/// using vnum::testing::fake_cellcast;
/// fake_cellcast fake;
/// vnum::testing::recording_transport<fake_cellcast&> rec{fake, "buy.cassette.json"};
/// vnum::cellcast::client<decltype(rec)&> c{rec, cfg};
/// @endcode
///
/// @tparam T the transport, owned, or borrowed when T is a reference.
template <http::transport T>
class recording_transport {
 public:
  /// @param inner the transport that sends.
  /// @param path the cassette file; replaced at the first exchange.
  /// @param secret_fields the body members to redact.
  /// @param source the cassette's source.
  recording_transport(T inner, std::string path,
                      std::vector<std::string> secret_fields = default_secret_fields(),
                      std::string_view source = "recorded by vnum::testing::recording_transport")
      : inner_(std::forward<T>(inner)),
        state_(std::make_unique<state>()),
        path_(std::move(path)),
        secret_fields_(std::move(secret_fields)) {
    state_->c.source = std::string(source);
  }

  /// Continues `earlier` (a cassette loaded from `path`, say): new exchanges follow its own, and
  /// its source is kept. Nothing is written until the first exchange.
  /// @param inner the transport that sends.
  /// @param path the cassette file.
  /// @param earlier the exchanges the cassette starts with.
  /// @param secret_fields the body members to redact.
  recording_transport(T inner, std::string path, const cassette& earlier,
                      std::vector<std::string> secret_fields = default_secret_fields())
      : inner_(std::forward<T>(inner)),
        state_(std::make_unique<state>()),
        path_(std::move(path)),
        secret_fields_(std::move(secret_fields)) {
    state_->c = earlier;
  }

  /// Sends `r` through the inner transport and records the exchange.
  /// @param r the request; sent as is, recorded redacted.
  /// @return the inner transport's answer; errc::outcome_unknown when it threw (recorded so).
  /// @throws vnum::exception when the cassette cannot be saved.
  result<http::response> send(const http::request& r) {
    exchange e;
    e.request = redact(r, secret_fields_);
    result<http::response> answer = make_error(errc::outcome_unknown, "");
    try {
      answer = inner_.send(r);
    } catch (const std::exception& ex) {
      answer = make_error(errc::outcome_unknown, std::string("the transport threw: ") + ex.what());
    }
    if (answer) {
      e.response = *answer;
    } else {
      e.error = answer.error();
    }
    std::lock_guard lock(state_->m);
    state_->c.exchanges.push_back(std::move(e));
    if (auto saved = save(state_->c, path_); !saved) throw vnum::exception(saved.error());
    return answer;
  }

  /// @return the exchanges recorded so far (after `earlier`'s), as written.
  cassette recorded() const {
    std::lock_guard lock(state_->m);
    return state_->c;
  }
  /// @return the cassette file's path.
  const std::string& path() const noexcept { return path_; }
  /// @return the wrapped transport.
  std::remove_reference_t<T>& inner() noexcept { return inner_; }

 private:
  struct state {
    mutable std::mutex m;
    cassette c;
  };
  T inner_;
  std::unique_ptr<state> state_;
  std::string path_;
  std::vector<std::string> secret_fields_;
};

/// Answers each request from a cassette: with the recorded answer of the next unplayed exchange
/// whose method, URL path and query, and body match. Thread-safe.
///
/// @code
/// vnum::cellcast::client<vnum::testing::replay_transport> c{
///     vnum::testing::replay_transport{"buy.cassette.json"}, cfg};
/// @endcode
class replay_transport {
 public:
  /// @param path the cassette file.
  /// @throws vnum::exception (errc::invalid_argument, "path:line: reason") when the file cannot be
  /// opened or the cassette is malformed.
  explicit replay_transport(const std::string& path);
  /// @param c the exchanges to answer from, none played yet.
  explicit replay_transport(cassette c);

  /// Loads a cassette file without throwing.
  /// @param path the cassette file.
  /// @return the transport; errc::invalid_argument as load_cassette() gives it.
  static result<replay_transport> load(const std::string& path);

  /// Plays the first unplayed exchange that matches `r`: the same method, URL path and query (the
  /// host is not compared), and body (as JSON when both are, a redacted recorded value matching
  /// anything; else as text). Headers are not compared.
  /// @param r the request.
  /// @return the recorded response, or the recorded transport error; errc::transport when no
  /// unplayed exchange matches, naming the closest one and how it differs.
  result<http::response> send(const http::request& r);

  /// @return whether every exchange has been played.
  bool all_played() const;
  /// @return the indices of the exchanges not played yet, in order.
  std::vector<std::size_t> unplayed() const;
  /// @return the cassette as loaded.
  const vnum::testing::cassette& recorded() const noexcept { return c_; }

 private:
  vnum::testing::cassette c_;
  std::vector<bool> played_;
  std::unique_ptr<std::mutex> m_;
};

/// One way a fake's answer differs from the recorded one.
struct conformance_difference {
  std::size_t exchange = 0;  ///< The exchange's index in the cassette.
  /// A JSON path in the body ("data.operators[1].id"), "(status)" for the HTTP status, "(body)"
  /// for a body compared as text, "(error)" when one side is a transport error.
  std::string path;
  std::string recorded;  ///< The recorded value (JSON text in a body); "(missing)" when absent.
  std::string actual;    ///< The fake's value, likewise.
  /// Member-wise equality.
  friend bool operator==(const conformance_difference&, const conformance_difference&) = default;
};

/// What replay_against() found: every difference between a fake's answers and a cassette's.
struct conformance_report {
  std::string source;                               ///< The cassette's source.
  std::size_t exchanges = 0;                        ///< How many exchanges were replayed.
  std::vector<conformance_difference> differences;  ///< In exchange order.
  /// @return whether the fake answered as recorded (no difference).
  bool ok() const noexcept { return differences.empty(); }
};

/// Prints "exchange 3: data.id: recorded 1, fake 2".
/// @param os the stream.
/// @param d the difference.
/// @return `os`.
std::ostream& operator<<(std::ostream& os, const conformance_difference& d);

/// Prints "conforms" or "differs", the counts and the source, then each difference on its own
/// line.
/// @param os the stream.
/// @param r the report.
/// @return `os`.
std::ostream& operator<<(std::ostream& os, const conformance_report& r);

/// Fields that change from one answer to the next: ignored by default when holding a fake to a
/// cassette.
/// @return `**.id`, `**.created_at`, `**.updated_at`, `**.purchased_at` and `**.expires_at`.
std::vector<std::string> default_volatile_fields();

/// How replay_against() sends the recorded requests and compares the answers.
struct replay_options {
  /// The body paths not compared, nor anything below them: a path as conformance_difference
  /// names it, `[*]` matching any index (`data[*].id`); `**.name` matches a member `name` at any
  /// depth.
  std::vector<std::string> ignore = default_volatile_fields();
  /// The key to send in place of the redacted one ("Bearer " + key in each authorization header);
  /// empty: the fake's api_key() when it has one.
  std::string api_key;
  /// Called on each request before it is sent, e.g. to put back a redacted OTP.
  std::function<void(http::request&)> prepare;
};

/// @cond INTERNAL
namespace cassette_detail {
// replay_against() for any transport: `send` sends one request (the key already put in).
conformance_report replay(const std::function<result<http::response>(const http::request&)>& send,
                          const cassette& c, const replay_options& options);
}  // namespace cassette_detail
/// @endcond

/// Sends each recorded request, in order, to `fake` and reports every difference between its
/// answers and the recorded ones: the status and the body (as JSON, `options.ignore` paths
/// skipped), or the error code when either side is a transport error. Response headers are not
/// compared.
///
/// @code
/// vnum::testing::fake_cellcast fake;  // set up as the account was when the cassette was recorded
/// auto report = vnum::testing::replay_against(fake, "buy.cassette.json");
/// REQUIRE(report);
/// CHECK(report->ok());  // else: std::cout << *report;
/// @endcode
///
/// @tparam Fake an http::transport, normally fake_cellcast or fake_identitycall.
/// @param fake the fake to hold to the cassette; each request changes its state.
/// @param c the cassette.
/// @param options the paths to ignore, the key to send, a hook on each request.
/// @return the report.
template <http::transport Fake>
conformance_report replay_against(Fake& fake, const cassette& c, replay_options options = {}) {
  if (options.api_key.empty()) {
    if constexpr (requires { fake.api_key(); }) options.api_key = fake.api_key();
  }
  return cassette_detail::replay(
      [&fake](const http::request& r) -> result<http::response> { return fake.send(r); }, c,
      options);
}

/// replay_against() on a cassette file.
/// @tparam Fake an http::transport, normally fake_cellcast or fake_identitycall.
/// @param fake the fake to hold to the cassette; each request changes its state.
/// @param cassette_path the cassette file.
/// @param options the paths to ignore, the key to send, a hook on each request.
/// @return the report; errc::invalid_argument when the file cannot be loaded (load_cassette()).
template <http::transport Fake>
result<conformance_report> replay_against(Fake& fake, const std::string& cassette_path,
                                          replay_options options = {}) {
  auto c = load_cassette(cassette_path);
  if (!c) return c.error();
  return replay_against(fake, *c, std::move(options));
}

}  // namespace vnum::testing

// The definitions, compiled in the one translation unit that defines VNUM_IMPLEMENTATION (or
// VNUM_TESTING_IMPLEMENTATION).
#if defined(VNUM_IMPLEMENTATION) || defined(VNUM_TESTING_IMPLEMENTATION)
#include <vnum/testing/impl/cassette.hpp>
#endif

#endif  // VNUM_TESTING_CASSETTE_HPP
