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
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_CASSETTE_HPP
#define VNUM_TESTING_CASSETTE_HPP

#include <vnum/detail/fingerprint.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>

#include <boost/json/stream_parser.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace vnum::testing {

/// The body fields whose values are secrets other than the API key: an OTP, a Stripe token, BECS
/// bank details. Extend the list per recording_transport.
/// @return "otp", "token", "becs_account_number" and "becs_bsb_number".
inline std::vector<std::string> default_secret_fields() {
  return {vnum::detail::secret_body_fields.begin(), vnum::detail::secret_body_fields.end()};
}

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

namespace json = boost::json;

inline bool is_redacted(const json::value& v) {
  return v.is_string() && (v.get_string() == redacted_value || v.get_string() == "[redacted]");
}

inline std::string path_key(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

inline std::string path_index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// A path matches a pattern when equal, "[*]" matching any index; a pattern "**.name" matches a
// member called `name` at any depth.
inline bool path_matches(std::string_view path, std::string_view pattern) {
  if (pattern.substr(0, 3) == "**.") {
    const std::string_view name = pattern.substr(3);
    if (path == name) return true;
    if (path.size() <= name.size() || path.substr(path.size() - name.size()) != name) return false;
    const char before = path[path.size() - name.size() - 1];
    return before == '.';
  }
  std::size_t i = 0, j = 0;
  while (i < path.size() && j < pattern.size()) {
    if (pattern.substr(j, 3) == "[*]" && path[i] == '[') {
      const auto close = path.find(']', i);
      if (close == std::string_view::npos) return false;
      i = close + 1;
      j += 3;
    } else if (path[i] == pattern[j]) {
      ++i;
      ++j;
    } else {
      return false;
    }
  }
  return i == path.size() && j == pattern.size();
}

inline bool ignored(std::string_view path, const std::vector<std::string>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return path_matches(path, p); });
}

struct difference {
  std::string path, recorded, actual;
};

inline std::string show(const json::value* v) {
  return v == nullptr ? std::string("(missing)") : json::serialize(*v);
}

// Every difference between two JSON values; a redacted recorded value matches anything.
inline void diff(const json::value& recorded, const json::value& actual, const std::string& path,
                 const std::vector<std::string>& ignore, std::vector<difference>& out) {
  if (ignored(path, ignore) || is_redacted(recorded)) return;
  if (recorded.is_object() && actual.is_object()) {
    const auto& r = recorded.get_object();
    const auto& a = actual.get_object();
    for (const auto& kv : r) {
      const auto p = path_key(path, kv.key());
      if (const auto* av = a.if_contains(kv.key())) {
        diff(kv.value(), *av, p, ignore, out);
      } else if (!ignored(p, ignore) && !is_redacted(kv.value())) {
        out.push_back({p, show(&kv.value()), show(nullptr)});
      }
    }
    for (const auto& kv : a) {
      const auto p = path_key(path, kv.key());
      if (!r.contains(kv.key()) && !ignored(p, ignore))
        out.push_back({p, show(nullptr), show(&kv.value())});
    }
    return;
  }
  if (recorded.is_array() && actual.is_array()) {
    const auto& r = recorded.get_array();
    const auto& a = actual.get_array();
    for (std::size_t i = 0; i < std::max(r.size(), a.size()); ++i) {
      const auto p = path_index(path, i);
      if (i < r.size() && i < a.size())
        diff(r[i], a[i], p, ignore, out);
      else if (!ignored(p, ignore))
        out.push_back(
            {p, show(i < r.size() ? &r[i] : nullptr), show(i < a.size() ? &a[i] : nullptr)});
    }
    return;
  }
  // Scalars as Boost.JSON compares them: integers by value (signed or not); 1 and 1.0 differ.
  if (recorded != actual)
    out.push_back({path.empty() ? "(body)" : path, show(&recorded), show(&actual)});
}

// A body as JSON, when it is a JSON document.
inline std::optional<json::value> as_json(std::string_view body) {
  if (body.empty()) return std::nullopt;
  return vnum::detail::parse_json(body);
}

// The differences between a recorded body and an actual one: as JSON when both are, else as text.
inline std::vector<difference> body_diff(std::string_view recorded, std::string_view actual,
                                         const std::vector<std::string>& ignore) {
  std::vector<difference> out;
  auto r = as_json(recorded);
  auto a = as_json(actual);
  if (r && a) {
    diff(*r, *a, "", ignore, out);
  } else if (recorded != actual) {
    out.push_back(
        {"(body)", json::serialize(json::string(recorded)), json::serialize(json::string(actual))});
  }
  return out;
}

inline void redact_json(json::value& v, const std::vector<std::string>& fields) {
  if (v.is_object()) {
    for (auto& kv : v.get_object()) {
      const bool secret =
          std::find(fields.begin(), fields.end(), std::string_view(kv.key())) != fields.end();
      if (secret && (kv.value().is_string() || kv.value().is_number()))
        kv.value() = json::string(redacted_value);
      else
        redact_json(kv.value(), fields);
    }
  } else if (v.is_array()) {
    for (auto& e : v.get_array()) redact_json(e, fields);
  }
}

inline void replace_all(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  for (auto at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + redacted_value.size()))
    text.replace(at, secret.size(), redacted_value);
}

// The path and query of a URL ("https://host/a?b" -> "/a?b").
inline std::string_view target(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return url;
  const auto slash = url.find('/', scheme + 3);
  return slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
}

inline std::optional<errc> errc_from(std::string_view s) {
  for (int i = 0; i <= static_cast<int>(errc::protocol); ++i)
    if (vnum::to_string(static_cast<errc>(i)) == s) return static_cast<errc>(i);
  return std::nullopt;
}

inline std::optional<http::method> method_from(std::string_view s) {
  for (auto m : {http::method::get, http::method::post, http::method::put, http::method::patch,
                 http::method::delete_})
    if (http::to_string(m) == s) return m;
  return std::nullopt;
}

inline json::value body_value(const std::string& body) {
  if (auto v = as_json(body); v && (v->is_object() || v->is_array())) return std::move(*v);
  return json::string(body);
}

inline json::array headers_value(const std::vector<http::header>& headers) {
  json::array a;
  for (const auto& h : headers)
    a.push_back(json::array{json::string(h.name), json::string(h.value)});
  return a;
}

}  // namespace cassette_detail
/// @endcond

/// The request as it is written to a cassette: the authorization value keeps only its scheme
/// (`Bearer ***`), and the credential it carried is masked wherever else it appears (URL, headers,
/// body); the values of `secret_fields` in a JSON body (at any depth) are `***`.
/// @param r the request as sent.
/// @param secret_fields the body members whose string or number values are masked.
/// @return the redacted copy.
inline http::request redact(http::request r, const std::vector<std::string>& secret_fields) {
  std::string credential;
  for (auto& h : r.headers) {
    if (!http::iequals(h.name, "authorization")) continue;
    const auto space = h.value.find(' ');
    credential = space == std::string::npos ? h.value : h.value.substr(space + 1);
    h.value = space == std::string::npos
                  ? std::string(redacted_value)
                  : h.value.substr(0, space + 1) + std::string(redacted_value);
  }
  if (auto v = cassette_detail::as_json(r.body)) {
    cassette_detail::redact_json(*v, secret_fields);
    r.body = boost::json::serialize(*v);
  }
  if (credential.size() >= 4) {
    cassette_detail::replace_all(r.url, credential);
    cassette_detail::replace_all(r.body, credential);
    for (auto& h : r.headers)
      if (!http::iequals(h.name, "authorization"))
        cassette_detail::replace_all(h.value, credential);
  }
  return r;
}

/// The cassette as text: the vnum_cassette JSON format, one exchange member per line.
/// @param c the cassette.
/// @return the text that save() writes and parse_cassette() reads.
inline std::string to_text(const cassette& c) {
  namespace json = boost::json;
  std::string out = "{\n  \"vnum_cassette\": 1,\n  \"source\": ";
  out += json::serialize(json::string(c.source));
  out += ",\n  \"exchanges\": [";
  for (std::size_t i = 0; i < c.exchanges.size(); ++i) {
    const auto& e = c.exchanges[i];
    json::object req;
    req["method"] = http::to_string(e.request.method);
    req["url"] = e.request.url;
    req["headers"] = cassette_detail::headers_value(e.request.headers);
    req["body"] = cassette_detail::body_value(e.request.body);
    out += i == 0 ? "\n    {\n      \"request\": " : ",\n    {\n      \"request\": ";
    out += json::serialize(req);
    if (e.response) {
      json::object res;
      res["status"] = e.response->status;
      res["headers"] = cassette_detail::headers_value(e.response->headers);
      res["body"] = cassette_detail::body_value(e.response->body);
      out += ",\n      \"response\": " + json::serialize(res);
    } else {
      json::object err;
      const auto& er = e.error ? *e.error : vnum::error{};
      err["code"] = vnum::to_string(er.code);
      err["message"] = er.message;
      out += ",\n      \"error\": " + json::serialize(err);
    }
    out += "\n    }";
  }
  out += c.exchanges.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

/// Writes the cassette to `path` atomically: a temporary file next to it (`path` + ".tmp"), then a
/// rename.
/// @param c the cassette.
/// @param path the file to replace.
/// @return nothing; errc::invalid_argument when the temporary file cannot be written or renamed.
inline result<void> save(const cassette& c, const std::string& path) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << to_text(c);
    f.flush();
    if (!f) return make_error(errc::invalid_argument, path + ": cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec)
    return make_error(errc::invalid_argument,
                      path + ": cannot rename " + tmp + ": " + ec.message());
  return {};
}

/// Reads a cassette from its text.
/// @param text the cassette, as to_text() writes it.
/// @param name prefixes every error ("buy.cassette.json:41: ...").
/// @return the cassette; errc::invalid_argument when the text is not valid JSON (naming the line
/// where parsing stopped) or its JSON is not a version-1 cassette (naming the exchange, its line
/// and the key).
inline result<cassette> parse_cassette(std::string_view text, const std::string& name) {
  namespace json = boost::json;
  auto line_at = [&](std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(
                   text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  };
  auto fail = [&](std::size_t line, const std::string& why) -> vnum::error {
    return make_error(errc::invalid_argument, name + ":" + std::to_string(line) + ": " + why);
  };
  json::stream_parser p;
  json::error_code ec;
  const std::size_t used = p.write(text.data(), text.size(), ec);
  if (ec) return fail(line_at(used), "not JSON: " + ec.message());
  p.finish(ec);
  if (ec) {  // it ends too early: name the last line that has anything on it
    const auto last = text.find_last_not_of(" \t\r\n");
    return fail(line_at(last == std::string_view::npos ? 0 : last),
                "not JSON (truncated?): " + ec.message());
  }
  const json::value doc = p.release();

  // The line where each exchange begins: a '{' at depth 2 (inside the root object's array).
  std::vector<std::size_t> starts;
  {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char ch = text[i];
      if (in_string) {
        if (ch == '\\')
          ++i;
        else if (ch == '"')
          in_string = false;
      } else if (ch == '"') {
        in_string = true;
      } else if (ch == '{' || ch == '[') {
        if (ch == '{' && depth == 2) starts.push_back(line_at(i));
        ++depth;
      } else if (ch == '}' || ch == ']') {
        --depth;
      }
    }
  }
  if (!doc.is_object()) return fail(1, "a cassette is a JSON object");
  const auto& root = doc.get_object();
  const auto* version = root.if_contains("vnum_cassette");
  if (version == nullptr || !version->is_int64() || version->get_int64() != 1)
    return fail(1, "\"vnum_cassette\": 1 is missing (not a vnum cassette, or another version)");
  cassette c;
  if (const auto* s = root.if_contains("source")) {
    if (!s->is_string()) return fail(1, "source is not a string");
    c.source = std::string(s->get_string());
  }
  const auto* xs = root.if_contains("exchanges");
  if (xs == nullptr || !xs->is_array()) return fail(1, "exchanges is missing or not an array");
  const auto& arr = xs->get_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::size_t line = i < starts.size() ? starts[i] : 1;
    auto bad = [&](const std::string& why) {
      return fail(line, "exchange " + std::to_string(i) + ": " + why);
    };
    if (!arr[i].is_object()) return bad("not an object");
    const auto& x = arr[i].get_object();
    auto headers = [&](const json::object& o, const std::string& where,
                       std::vector<http::header>& into) -> std::optional<std::string> {
      const auto* h = o.if_contains("headers");
      if (h == nullptr) return std::nullopt;
      if (!h->is_array()) return where + ".headers is not an array";
      for (const auto& e : h->get_array()) {
        if (!e.is_array() || e.get_array().size() != 2 || !e.get_array()[0].is_string() ||
            !e.get_array()[1].is_string())
          return where + ".headers: each header is [name, value]";
        into.push_back({std::string(e.get_array()[0].get_string()),
                        std::string(e.get_array()[1].get_string())});
      }
      return std::nullopt;
    };
    auto body = [](const json::object& o) -> std::string {
      const auto* b = o.if_contains("body");
      if (b == nullptr || b->is_null()) return {};
      if (b->is_string()) return std::string(b->get_string());
      return json::serialize(*b);
    };
    exchange e;
    const auto* rq = x.if_contains("request");
    if (rq == nullptr || !rq->is_object()) return bad("request is missing or not an object");
    const auto& ro = rq->get_object();
    const auto* m = ro.if_contains("method");
    if (m == nullptr || !m->is_string()) return bad("request.method is missing or not a string");
    auto method = cassette_detail::method_from(m->get_string());
    if (!method)
      return bad("request.method '" + std::string(m->get_string()) +
                 "' is not GET, POST, PUT, PATCH or DELETE");
    e.request.method = *method;
    const auto* u = ro.if_contains("url");
    if (u == nullptr || !u->is_string()) return bad("request.url is missing or not a string");
    e.request.url = std::string(u->get_string());
    if (auto why = headers(ro, "request", e.request.headers)) return bad(*why);
    e.request.body = body(ro);
    const auto* rs = x.if_contains("response");
    const auto* er = x.if_contains("error");
    if ((rs == nullptr) == (er == nullptr)) return bad("needs exactly one of response and error");
    if (rs != nullptr) {
      if (!rs->is_object()) return bad("response is not an object");
      const auto& so = rs->get_object();
      const auto* st = so.if_contains("status");
      if (st == nullptr || !st->is_int64() || st->get_int64() < 100 || st->get_int64() > 599)
        return bad("response.status is missing or not an HTTP status");
      http::response r;
      r.status = static_cast<int>(st->get_int64());
      if (auto why = headers(so, "response", r.headers)) return bad(*why);
      r.body = body(so);
      e.response = std::move(r);
    } else {
      if (!er->is_object()) return bad("error is not an object");
      const auto& eo = er->get_object();
      const auto* code = eo.if_contains("code");
      std::optional<errc> ec2;
      if (code != nullptr && code->is_string())
        ec2 = cassette_detail::errc_from(code->get_string());
      if (!ec2) return bad("error.code is missing or not a vnum::errc name");
      const auto* msg = eo.if_contains("message");
      e.error = make_error(
          *ec2, msg != nullptr && msg->is_string() ? std::string(msg->get_string()) : "");
    }
    c.exchanges.push_back(std::move(e));
  }
  return c;
}

/// Reads a cassette file.
/// @param path the file.
/// @return the cassette; errc::invalid_argument when the file cannot be opened ("path: cannot
/// open") or as parse_cassette() refuses it.
inline result<cassette> load_cassette(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error(errc::invalid_argument, path + ": cannot open");
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  return parse_cassette(text, path);
}

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
  explicit replay_transport(const std::string& path)
      : replay_transport(load_cassette(path).value()) {}
  /// @param c the exchanges to answer from, none played yet.
  explicit replay_transport(cassette c)
      : c_(std::move(c)), played_(c_.exchanges.size(), false), m_(std::make_unique<std::mutex>()) {}

  /// Loads a cassette file without throwing.
  /// @param path the cassette file.
  /// @return the transport; errc::invalid_argument as load_cassette() gives it.
  static result<replay_transport> load(const std::string& path) {
    auto c = load_cassette(path);
    if (!c) return c.error();
    return replay_transport(std::move(*c));
  }

  /// Plays the first unplayed exchange that matches `r`: the same method, URL path and query (the
  /// host is not compared), and body (as JSON when both are, a redacted recorded value matching
  /// anything; else as text). Headers are not compared.
  /// @param r the request.
  /// @return the recorded response, or the recorded transport error; errc::transport when no
  /// unplayed exchange matches, naming the closest one and how it differs.
  result<http::response> send(const http::request& r) {
    std::lock_guard lock(*m_);
    const auto sent = std::string(cassette_detail::target(r.url));
    std::optional<std::size_t> best;
    std::size_t best_score = 0;
    std::string best_why;
    for (std::size_t i = 0; i < c_.exchanges.size(); ++i) {
      if (played_[i]) continue;
      const auto& x = c_.exchanges[i].request;
      std::size_t score = 0;
      std::string why;
      if (x.method != r.method) {
        score += 100;
        why += "; method: recorded " + std::string(http::to_string(x.method)) + ", sent " +
               std::string(http::to_string(r.method));
      }
      const auto recorded = std::string(cassette_detail::target(x.url));
      if (recorded != sent) {
        score += 10;
        why += "; URL: recorded ";
        why += recorded;
        why += ", sent ";
        why += sent;
      }
      for (const auto& d : cassette_detail::body_diff(x.body, r.body, {})) {
        score += 1;
        why += "; body " + d.path + ": recorded " + d.recorded + ", sent " + d.actual;
      }
      if (score == 0) {
        played_[i] = true;
        const auto& e = c_.exchanges[i];
        if (e.response) return *e.response;
        return e.error ? *e.error : make_error(errc::transport, "");
      }
      if (!best || score < best_score) {
        best = i;
        best_score = score;
        best_why = why.substr(2);
      }
    }
    std::string msg = "replay: no recorded exchange matches " +
                      std::string(http::to_string(r.method)) + " " + sent;
    if (best)
      msg += "; the closest unplayed is exchange " + std::to_string(*best) + ": " + best_why;
    else
      msg += "; every recorded exchange was played";
    return make_error(errc::transport, msg);
  }

  /// @return whether every exchange has been played.
  bool all_played() const {
    std::lock_guard lock(*m_);
    return std::all_of(played_.begin(), played_.end(), [](bool b) { return b; });
  }
  /// @return the indices of the exchanges not played yet, in order.
  std::vector<std::size_t> unplayed() const {
    std::lock_guard lock(*m_);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < played_.size(); ++i)
      if (!played_[i]) out.push_back(i);
    return out;
  }
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
inline std::ostream& operator<<(std::ostream& os, const conformance_difference& d) {
  return os << "exchange " << d.exchange << ": " << d.path << ": recorded " << d.recorded
            << ", fake " << d.actual;
}

/// Prints "conforms" or "differs", the counts and the source, then each difference on its own
/// line.
/// @param os the stream.
/// @param r the report.
/// @return `os`.
inline std::ostream& operator<<(std::ostream& os, const conformance_report& r) {
  os << (r.ok() ? "conforms" : "differs") << ": " << r.exchanges << " exchanges, "
     << r.differences.size() << " differences (" << r.source << ")";
  for (const auto& d : r.differences) os << '\n' << "  " << d;
  return os;
}

/// Fields that change from one answer to the next: ignored by default when holding a fake to a
/// cassette.
/// @return `**.id`, `**.created_at`, `**.updated_at`, `**.purchased_at` and `**.expires_at`.
inline std::vector<std::string> default_volatile_fields() {
  return {"**.id", "**.created_at", "**.updated_at", "**.purchased_at", "**.expires_at"};
}

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
  conformance_report report;
  report.source = c.source;
  report.exchanges = c.exchanges.size();
  for (std::size_t i = 0; i < c.exchanges.size(); ++i) {
    const auto& x = c.exchanges[i];
    http::request r = x.request;
    for (auto& h : r.headers)
      if (http::iequals(h.name, "authorization") && !options.api_key.empty())
        h.value = "Bearer " + options.api_key;
    if (options.prepare) options.prepare(r);
    result<http::response> got = fake.send(r);
    auto add = [&](std::string path, std::string recorded, std::string actual) {
      report.differences.push_back({i, std::move(path), std::move(recorded), std::move(actual)});
    };
    if (!got || !x.response) {
      if (got && !x.response) {
        add("(error)", std::string(vnum::to_string(x.error ? x.error->code : errc::transport)),
            "HTTP " + std::to_string(got->status));
      } else if (!got && x.response) {
        add("(error)", "HTTP " + std::to_string(x.response->status), vnum::to_string(got.error()));
      } else if (x.error && x.error->code != got.error().code) {
        add("(error)", std::string(vnum::to_string(x.error->code)),
            std::string(vnum::to_string(got.error().code)));
      }
      continue;
    }
    if (got->status != x.response->status)
      add("(status)", std::to_string(x.response->status), std::to_string(got->status));
    for (auto& d : cassette_detail::body_diff(x.response->body, got->body, options.ignore))
      add(std::move(d.path), std::move(d.recorded), std::move(d.actual));
  }
  return report;
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

#endif  // VNUM_TESTING_CASSETTE_HPP
