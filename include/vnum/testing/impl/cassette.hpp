// vnum — the definitions of the cassette functions and of replay_transport's members declared in
// <vnum/testing/cassette.hpp>. Compiled once per program: <vnum/testing/cassette.hpp> includes this
// file in the translation unit that defines VNUM_IMPLEMENTATION (or VNUM_TESTING_IMPLEMENTATION);
// never include it directly.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_IMPL_CASSETTE_HPP
#define VNUM_TESTING_IMPL_CASSETTE_HPP

#include <vnum/detail/fingerprint.hpp>
#include <vnum/detail/json.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/testing/cassette.hpp>

#include <boost/json/stream_parser.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace vnum::testing {

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

bool path_matches(std::string_view path, std::string_view pattern) {
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

std::vector<difference> body_diff(std::string_view recorded, std::string_view actual,
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

std::vector<std::string> default_secret_fields() {
  return {vnum::detail::secret_body_fields.begin(), vnum::detail::secret_body_fields.end()};
}

http::request redact(http::request r, const std::vector<std::string>& secret_fields) {
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

std::string to_text(const cassette& c) {
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

result<void> save(const cassette& c, const std::string& path) {
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

result<cassette> parse_cassette(std::string_view text, const std::string& name) {
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

result<cassette> load_cassette(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return make_error(errc::invalid_argument, path + ": cannot open");
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  return parse_cassette(text, path);
}

replay_transport::replay_transport(const std::string& path)
    : replay_transport(load_cassette(path).value()) {}

replay_transport::replay_transport(cassette c)
    : c_(std::move(c)), played_(c_.exchanges.size(), false), m_(std::make_unique<std::mutex>()) {}

result<replay_transport> replay_transport::load(const std::string& path) {
  auto c = load_cassette(path);
  if (!c) return c.error();
  return replay_transport(std::move(*c));
}

result<http::response> replay_transport::send(const http::request& r) {
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
  std::string msg =
      "replay: no recorded exchange matches " + std::string(http::to_string(r.method)) + " " + sent;
  if (best)
    msg += "; the closest unplayed is exchange " + std::to_string(*best) + ": " + best_why;
  else
    msg += "; every recorded exchange was played";
  return make_error(errc::transport, msg);
}

bool replay_transport::all_played() const {
  std::lock_guard lock(*m_);
  return std::all_of(played_.begin(), played_.end(), [](bool b) { return b; });
}

std::vector<std::size_t> replay_transport::unplayed() const {
  std::lock_guard lock(*m_);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < played_.size(); ++i)
    if (!played_[i]) out.push_back(i);
  return out;
}

std::ostream& operator<<(std::ostream& os, const conformance_difference& d) {
  return os << "exchange " << d.exchange << ": " << d.path << ": recorded " << d.recorded
            << ", fake " << d.actual;
}

std::ostream& operator<<(std::ostream& os, const conformance_report& r) {
  os << (r.ok() ? "conforms" : "differs") << ": " << r.exchanges << " exchanges, "
     << r.differences.size() << " differences (" << r.source << ")";
  for (const auto& d : r.differences) os << '\n' << "  " << d;
  return os;
}

std::vector<std::string> default_volatile_fields() {
  return {"**.id", "**.created_at", "**.updated_at", "**.purchased_at", "**.expires_at"};
}

namespace cassette_detail {

conformance_report replay(const std::function<result<http::response>(const http::request&)>& send,
                          const cassette& c, const replay_options& options) {
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
    result<http::response> got = send(r);
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

}  // namespace cassette_detail

}  // namespace vnum::testing

#endif  // VNUM_TESTING_IMPL_CASSETTE_HPP
