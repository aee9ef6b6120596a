// vnum — vnum::postgres_ledger, an intent ledger (<vnum/intent.hpp>) in PostgreSQL, for a fleet:
// every process on every machine that connects to the same database shares its keys.
//
// Not included by <vnum/vnum.hpp>: include it yourself and link libpq (Debian: libpq-dev); the
// server is PostgreSQL 9.5 or later (INSERT ... ON CONFLICT):
//
//   #include <vnum/ledger/postgres.hpp>       g++ -std=c++20 -I/usr/include/postgresql ... -lpq
//   Meson: dependency('vnum-postgres')
//   CMake: target_link_libraries(app PRIVATE vnum::postgres)
//   Single header: #include "vnum.hpp" then #include <vnum/ledger/postgres.hpp>, with this file
//   copied as vnum/ledger/ into a directory on the include path
//
//   auto ledger = vnum::postgres_ledger::open("host=db.internal dbname=app user=app").value();
//   client.purchase_number(r, vnum::once(ledger, "order-1234"));
//
// The semantics are vnum::testing::memory_ledger's, kept in the tables vnum_intents and
// vnum_schema (created at the first open, in the connection's search_path):
//   - a claim is one INSERT ... ON CONFLICT (key) DO NOTHING, after deleting the key's expired
//     settled row in the same transaction, so of any claimants of one key exactly one wins;
//   - every time (created_at, lease_until, settled_at, whether an owner is alive, expiry) is the
//     server's clock, so machines whose clocks disagree still agree on leases;
//   - the tables carry a schema version: a database of another version is refused
//     (errc::protocol, naming both versions) rather than misread.
//
// Errors are values: errc::transport ("postgres ledger: " and the server's or libpq's reason)
// when the server cannot be reached, read or written; a lost connection is reset at the next call.
// The connection string is never put into a message (it may hold a password). Nothing throws but
// std::bad_alloc. Text is sent as UTF-8 (client_encoding is set so): a body the server cannot
// store (a NUL byte) fails rather than being cut short.
//
// Threads: one instance may be shared between threads (a mutex serializes its calls over its one
// connection); for parallel calls give each thread its own instance. Move-only; the connection is
// closed with the last owner, and a moved-from instance answers errc::transport.
// SPDX-License-Identifier: MIT
#ifndef VNUM_LEDGER_POSTGRES_HPP
#define VNUM_LEDGER_POSTGRES_HPP

// With the single header (single_include/vnum/vnum.hpp), include "vnum.hpp" before this file: the
// two headers below are in it already, and their guards say so.
#ifndef VNUM_INTENT_HPP
#include <vnum/error.hpp>
#include <vnum/intent.hpp>
#endif

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace vnum {

namespace detail {

// Outside the class, so that `options o = {}` may be a default argument of its members.
struct postgres_ledger_options {
  std::chrono::milliseconds expiry{std::chrono::hours(24)};  // settled intents are kept this long
};

}  // namespace detail

// The server's clock, in milliseconds since the epoch; and a row with whether its owner is alive
// by that clock (undefined at the end of this file).
#define VNUM_PG_NOW "floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint"
#define VNUM_PG_SELECT                                                                         \
  "SELECT key, operation, fingerprint, state, owner, created_at, lease_until, settled_at, "    \
  "answer_status, answer_body, refusal_code, refusal_status, refusal_message, refusal_field, " \
  "refusal_provider_message, refusal_retry_after, note, "                                      \
  "state = 'pending' AND lease_until > " VNUM_PG_NOW " FROM vnum_intents"

/// An intent ledger (vnum::ledger, intent.hpp) in PostgreSQL, for a fleet: every process on every
/// machine that connects to the same database shares its keys.
///
/// The semantics are vnum::testing::memory_ledger's, kept in the tables vnum_intents and
/// vnum_schema. A claim is one INSERT ... ON CONFLICT (key) DO NOTHING, so of any claimants of one
/// key exactly one wins. Every time is the server's clock, so machines whose clocks disagree still
/// agree on leases. Not part of vnum.hpp: include this header and link libpq (`-lpq`); the server
/// is PostgreSQL 9.5 or later.
///
/// Errors are values: every member returns errc::transport ("postgres ledger: " and the server's
/// or libpq's reason) when the server cannot be reached, read or written, a lost connection being
/// reset at the next call; and errc::protocol for tables or a row this version cannot read. The
/// connection string is never put into a message. Nothing throws but std::bad_alloc.
///
/// Threads: one instance may be shared between threads (a mutex serializes its calls over its one
/// connection); for parallel calls give each thread its own instance. Move-only; a moved-from
/// instance answers errc::transport.
///
/// @code
/// auto ledger = vnum::postgres_ledger::open("host=db.internal dbname=app user=app").value();
/// auto bought = client.purchase_number(order, vnum::once(ledger, "order-1234"));
/// @endcode
class postgres_ledger {
 public:
  /// `expiry` (24 h): how long a settled intent is kept, and holds its key.
  using options = detail::postgres_ledger_options;

  /// The version of the tables this header reads and writes; a database of another is refused.
  static constexpr std::int64_t schema_version = 1;

  /// Connects and creates the tables if they are absent (in the connection's search_path).
  /// @param conninfo a libpq connection string ("host=... dbname=..." or a postgresql:// URI).
  /// @param o the expiry window.
  /// @return the ledger; errc::transport when the server cannot be reached or the tables cannot
  ///   be created; errc::protocol when their schema version is not schema_version.
  static result<postgres_ledger> open(const std::string& conninfo, options o = {}) {
    if (auto problem = detail::negative_option("expiry", o.expiry)) return *problem;
    auto s = std::make_unique<state>();
    s->opts = o;
    // expand_dbname: the first "dbname" is the whole connection string; the keywords after it
    // override it, so client_encoding holds after a reset too.
    const char* const keywords[] = {"dbname", "client_encoding", nullptr};
    const char* const values[] = {conninfo.c_str(), "UTF8", nullptr};
    s->conn = PQconnectdbParams(keywords, values, 1);
    if (s->conn == nullptr) return s->failure("out of memory");
    PQsetNoticeProcessor(
        s->conn, [](void*, const char*) {}, nullptr);  // not on stderr
    if (PQstatus(s->conn) != CONNECTION_OK) return s->failure();
    if (auto r = s->create_schema(); !r) return r.error();
    return postgres_ledger(std::move(s));
  }

  /// Takes the other's connection; the other answers errc::transport.
  postgres_ledger(postgres_ledger&&) noexcept = default;
  /// Takes the other's connection, closing this one's; the other answers errc::transport.
  postgres_ledger& operator=(postgres_ledger&&) noexcept = default;
  postgres_ledger(const postgres_ledger&) = delete;
  postgres_ledger& operator=(const postgres_ledger&) = delete;
  ~postgres_ledger() = default;

  /// Claims `c.key`: inserts a pending intent owned by `c.owner`, leased for `c.lease`, unless
  /// an intent holds the key (a settled one older than options::expiry no longer does, and is
  /// dropped). Of concurrent claimants of a key, exactly one wins.
  /// @param c the key, the operation and request fingerprint, the owner token and the lease.
  /// @return claim_outcome::won, or the intent holding the key (claim_outcome::existing).
  result<claim_outcome> claim(const intent_claim& c) {
    auto s = lock();
    if (!s) return s.error();
    auto& st = *s->first;
    // The common cases in as few round trips as they allow: a new key is one INSERT, committed on
    // its own; a key already held (a replay) is that INSERT, which conflicts without writing, and
    // one read. Only a key whose settled intent has expired takes the transaction below.
    auto won = st.run(insert_sql, insert_params(c));
    if (!won) return won.error();
    if (PQntuples(won->get()) == 1) return claim_outcome{true, {}};
    params held_now;
    held_now.text(c.key);
    held_now.integer(st.opts.expiry.count());
    auto held = st.run(VNUM_PG_SELECT
                       " WHERE key = $1 AND NOT (state IN ('succeeded', 'refused') "
                       "AND settled_at + $2 <= " VNUM_PG_NOW ")",
                       held_now);
    if (!held) return held.error();
    if (PQntuples(held->get()) == 1) {
      auto row = st.read_row(held->get(), 0);
      if (!row) return row.error();
      return claim_outcome{false, std::move(*row)};
    }
    auto tx = st.begin();
    if (!tx) return tx.error();
    // Between a claim that found the key held and its read, the holder may have released it:
    // then the claim goes again. Each statement sees what committed before it began.
    for (int attempt = 0; attempt < 10; ++attempt) {
      params del;
      del.text(c.key);
      del.integer(st.opts.expiry.count());
      if (auto r = st.run(
              "DELETE FROM vnum_intents WHERE key = $1 AND state IN ('succeeded', 'refused') "
              "AND settled_at + $2 <= " VNUM_PG_NOW,
              del);
          !r)
        return r.error();
      auto won_now = st.run(insert_sql, insert_params(c));
      if (!won_now) return won_now.error();
      if (PQntuples(won_now->get()) == 1) {
        if (auto r = tx->commit(); !r) return r.error();
        return claim_outcome{true, {}};
      }
      auto holder = st.read_one(c.key);
      if (!holder) return holder.error();
      if (*holder) {
        if (auto r = tx->commit(); !r) return r.error();
        return claim_outcome{false, std::move(**holder)};
      }
    }
    return st.failure("intent key \"" + c.key + "\": claimed and released again too often");
  }

  /// The owner's settlement of its pending intent.
  /// @param key the intent's key.
  /// @param owner the token it was claimed with.
  /// @param set the state it ends in (succeeded, refused or unknown), with the answer or error.
  /// @return nothing; errc::conflict when the intent is not pending with this owner (a person or
  ///   reconciliation settled it first, which wins).
  result<void> settle(std::string_view key, std::string_view owner, const settlement& set) {
    auto s = lock();
    if (!s) return s.error();
    params p;
    p.text(key);
    p.text(owner);
    p.settlement(set);
    auto r = s->first->run("UPDATE vnum_intents SET owner = '', settled_at = " VNUM_PG_NOW
                           ", state = $3, answer_status = $4, answer_body = $5, refusal_code = $6, "
                           "refusal_status = $7, refusal_message = $8, refusal_field = $9, "
                           "refusal_provider_message = $10, refusal_retry_after = $11, note = $12 "
                           "WHERE key = $1 AND state = 'pending' AND owner = $2",
                           p);
    if (!r) return r.error();
    if (affected(r->get()) == 0)
      return make_error(errc::conflict, "the intent is no longer this call's to settle");
    return {};
  }

  /// Removes the owner's pending intent, freeing its key: its request certainly had no effect.
  /// @param key the intent's key.
  /// @param owner the token it was claimed with.
  /// @return nothing; errc::conflict when the intent is not pending with this owner.
  result<void> release(std::string_view key, std::string_view owner) {
    auto s = lock();
    if (!s) return s.error();
    params p;
    p.text(key);
    p.text(owner);
    auto r = s->first->run(
        "DELETE FROM vnum_intents WHERE key = $1 AND state = 'pending' AND owner = $2", p);
    if (!r) return r.error();
    if (affected(r->get()) == 0)
      return make_error(errc::conflict, "the intent is no longer this call's to release");
    return {};
  }

  /// Settles an unsettled intent (unknown, or pending with its lease run out), as a person or
  /// reconciliation does.
  /// @param key the intent's key.
  /// @param set the state it ends in, with the answer or error, and a note saying how it was
  ///   settled.
  /// @return nothing; errc::not_found when no intent has the key, errc::conflict when it is
  ///   settled or its owner's lease is live.
  result<void> resolve(std::string_view key, const settlement& set) {
    auto s = lock();
    if (!s) return s.error();
    auto& st = *s->first;
    auto tx = st.begin();
    if (!tx) return tx.error();
    if (auto ok = st.unsettled_check(key); !ok) return ok.error();
    params p;
    p.text(key);
    p.settlement(set);
    auto r = st.run("UPDATE vnum_intents SET owner = '', settled_at = " VNUM_PG_NOW
                    ", state = $2, answer_status = $3, answer_body = $4, refusal_code = $5, "
                    "refusal_status = $6, refusal_message = $7, refusal_field = $8, "
                    "refusal_provider_message = $9, refusal_retry_after = $10, note = $11 "
                    "WHERE key = $1",
                    p);
    if (!r) return r.error();
    return tx->commit();
  }

  /// Removes an unsettled intent that did not take effect, freeing its key.
  /// @param key the intent's key.
  /// @return nothing; errc::not_found or errc::conflict as resolve() says.
  result<void> forget(std::string_view key) {
    auto s = lock();
    if (!s) return s.error();
    auto& st = *s->first;
    auto tx = st.begin();
    if (!tx) return tx.error();
    if (auto ok = st.unsettled_check(key); !ok) return ok.error();
    params p;
    p.text(key);
    if (auto r = st.run("DELETE FROM vnum_intents WHERE key = $1", p); !r) return r.error();
    return tx->commit();
  }

  /// The intent stored under `key`, with intent_record::owner_alive by the server's clock. A
  /// settled intent past the expiry window is still found until reap() or a new claim of its key
  /// removes it.
  /// @param key the key.
  /// @return the intent, or empty when there is none.
  result<std::optional<intent_record>> find(std::string_view key) {
    auto s = lock();
    if (!s) return s.error();
    return s->first->read_one(key);
  }

  /// Every intent that is unknown or pending (live leases included), oldest first.
  /// @return the intents, by created_at and then key (in byte order).
  result<std::vector<intent_record>> unsettled() {
    auto s = lock();
    if (!s) return s.error();
    auto& st = *s->first;
    // Keys in byte order, as the other stores, whatever the database's collation.
    auto r = st.run(VNUM_PG_SELECT
                    " WHERE state IN ('pending', 'unknown') ORDER BY created_at, key COLLATE \"C\"",
                    params{});
    if (!r) return r.error();
    std::vector<intent_record> out;
    const int rows = PQntuples(r->get());
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
      auto one = st.read_row(r->get(), i);
      if (!one) return one.error();
      out.push_back(std::move(*one));
    }
    return out;
  }

  /// Removes the settled (succeeded or refused) intents older than options::expiry; never an
  /// unsettled one.
  /// @return how many were removed.
  result<std::size_t> reap() {
    auto s = lock();
    if (!s) return s.error();
    params p;
    p.integer(s->first->opts.expiry.count());
    auto r = s->first->run(
        "DELETE FROM vnum_intents WHERE state IN ('succeeded', 'refused') AND "
        "settled_at + $1 <= " VNUM_PG_NOW,
        p);
    if (!r) return r.error();
    return static_cast<std::size_t>(affected(r->get()));
  }

 private:
  struct result_deleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
  };
  using pg_result = std::unique_ptr<PGresult, result_deleter>;

  static constexpr unsigned text_oid = 25;  // pg_type's oids for text and bigint
  static constexpr unsigned bigint_oid = 20;

  // A statement's parameters. Text goes in binary format with its length, so that every byte is
  // sent (the server refuses what it cannot store); numbers go as decimal text.
  class params {
   public:
    void text(std::string_view v) {
      if (v.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        too_long_ = true;
        v = {};
      }
      values_.push_back(v.data() != nullptr ? v.data() : "");
      lengths_.push_back(static_cast<int>(v.size()));
      formats_.push_back(1);
      types_.push_back(text_oid);
    }
    void integer(std::int64_t v) {
      values_.push_back(numbers_.emplace_back(std::to_string(v)).c_str());
      lengths_.push_back(0);
      formats_.push_back(0);
      types_.push_back(bigint_oid);
    }
    void null_integer() {
      values_.push_back(nullptr);
      lengths_.push_back(0);
      formats_.push_back(0);
      types_.push_back(bigint_oid);
    }
    // A settlement's state, then its outcome.
    void settlement(const vnum::settlement& s) {
      text(to_string(s.state));
      outcome(s.answer_status, s.answer_body, s.refusal, s.note);
    }
    // answer_status through note, in the table's order.
    void outcome(int status, std::string_view body, const error& refusal, std::string_view note) {
      integer(status);
      text(body);
      text(to_string(refusal.code));
      integer(refusal.http_status);
      text(refusal.message);
      text(refusal.field);
      text(refusal.provider_message);
      if (refusal.retry_after)
        integer(refusal.retry_after->count());
      else
        null_integer();
      text(note);
    }
    // A text longer than libpq's int lengths was given.
    bool too_long() const { return too_long_; }

    int size() const { return static_cast<int>(values_.size()); }
    const char* const* values() const { return values_.data(); }
    const int* lengths() const { return lengths_.data(); }
    const int* formats() const { return formats_.data(); }
    const unsigned* types() const { return types_.data(); }

   private:
    std::vector<const char*> values_;
    std::vector<int> lengths_;
    std::vector<int> formats_;
    std::vector<unsigned> types_;
    std::deque<std::string> numbers_;  // a deque, so that values_ keeps pointing at them
    bool too_long_ = false;
  };

  struct state;

  // The claim: one row if the key is free, none if an intent holds it.
  static constexpr const char* insert_sql =
      "INSERT INTO vnum_intents (key, operation, fingerprint, state, owner, created_at, "
      "lease_until, settled_at, answer_status, answer_body, refusal_code, refusal_status, "
      "refusal_message, refusal_field, refusal_provider_message, refusal_retry_after, note) "
      "SELECT $1, $2, $3, $4, $5, n, n + $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16 "
      "FROM (SELECT " VNUM_PG_NOW " AS n) AS t ON CONFLICT (key) DO NOTHING RETURNING key";

  static params insert_params(const intent_claim& c) {
    const intent_record blank;
    params ins;
    ins.text(c.key);
    ins.text(c.operation);
    ins.text(c.fingerprint);
    ins.text(to_string(intent_state::pending));
    ins.text(c.owner);
    ins.integer(c.lease.count());
    ins.integer(blank.settled_at.time_since_epoch().count());
    ins.outcome(blank.answer_status, blank.answer_body, blank.refusal, blank.note);
    return ins;
  }

  // A transaction, rolled back unless committed.
  class transaction {
   public:
    explicit transaction(state& s) : s_(&s) {}
    transaction(transaction&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    transaction& operator=(transaction&&) = delete;
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;
    ~transaction() {
      if (s_ != nullptr) (void)s_->run("ROLLBACK", params{});
    }
    result<void> commit() {
      state* s = std::exchange(s_, nullptr);
      if (auto r = s->run("COMMIT", params{}); !r) {
        (void)s->run("ROLLBACK", params{});
        return r.error();
      }
      return {};
    }

   private:
    state* s_;
  };

  struct state {
    PGconn* conn = nullptr;
    options opts;
    std::mutex mutex;

    state() = default;
    state(const state&) = delete;
    state& operator=(const state&) = delete;
    ~state() { PQfinish(conn); }

    static error failure(std::string_view why) {
      std::string text(why);
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      return make_error(errc::transport, "postgres ledger: " + text);
    }
    error failure() const { return failure(PQerrorMessage(conn)); }
    static error unreadable(std::string_view key, std::string_view column, std::string_view text) {
      return make_error(errc::protocol, "postgres ledger: " + detail::quoted_key(key) + ": its " +
                                            std::string(column) + " \"" + std::string(text) +
                                            "\" is not one this vnum knows");
    }

    // One statement with its parameters; its rows, or the server's reason.
    result<pg_result> run(const char* sql, const params& p) const {
      if (p.too_long()) return failure("a text is too long to send");
      pg_result r(
          PQexecParams(conn, sql, p.size(), p.types(), p.values(), p.lengths(), p.formats(), 0));
      if (!r) return failure();
      const auto status = PQresultStatus(r.get());
      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const char* why = PQresultErrorMessage(r.get());
        return why != nullptr && *why != '\0' ? failure(why) : failure();
      }
      return r;
    }

    result<transaction> begin() {
      if (auto r = run("BEGIN", params{}); !r) return r.error();
      return transaction(*this);
    }

    static std::string_view cell(const PGresult* r, int row, int col) {
      return {PQgetvalue(r, row, col), static_cast<std::size_t>(PQgetlength(r, row, col))};
    }

    // A row of VNUM_PG_SELECT.
    static result<intent_record> read_row(const PGresult* res, int row) {
      intent_record r;
      r.key = cell(res, row, 0);
      r.operation = cell(res, row, 1);
      r.fingerprint = cell(res, row, 2);
      const auto st = cell(res, row, 3);
      const auto known = intent_state_from_string(st);
      if (!known) return unreadable(r.key, "state", st);
      r.state = *known;
      r.owner = cell(res, row, 4);
      const auto number = [&](int col) -> std::optional<std::int64_t> {
        const auto text = cell(res, row, col);
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
        return v;
      };
      std::int64_t n[6] = {};
      const int number_cols[6] = {5, 6, 7, 8, 11, 15};
      for (int i = 0; i < 6; ++i) {
        const int col = number_cols[i];
        if (col == 15 && PQgetisnull(res, row, col)) continue;
        auto v = number(col);
        if (!v) return unreadable(r.key, PQfname(res, col), cell(res, row, col));
        n[i] = *v;
      }
      r.created_at = at(n[0]);
      r.lease_until = at(n[1]);
      r.settled_at = at(n[2]);
      r.answer_status = static_cast<int>(n[3]);
      r.answer_body = cell(res, row, 9);
      const auto code = cell(res, row, 10);
      const auto ec = errc_from_string(code);
      if (!ec) return unreadable(r.key, "refusal_code", code);
      r.refusal.code = *ec;
      r.refusal.http_status = static_cast<int>(n[4]);
      r.refusal.message = cell(res, row, 12);
      r.refusal.field = cell(res, row, 13);
      r.refusal.provider_message = cell(res, row, 14);
      if (!PQgetisnull(res, row, 15)) r.refusal.retry_after = std::chrono::seconds(n[5]);
      r.note = cell(res, row, 16);
      r.owner_alive = cell(res, row, 17) == "t";
      return r;
    }

    result<std::optional<intent_record>> read_one(std::string_view key) const {
      params p;
      p.text(key);
      auto r = run(VNUM_PG_SELECT " WHERE key = $1", p);
      if (!r) return r.error();
      if (PQntuples(r->get()) == 0) return std::optional<intent_record>();
      auto one = read_row(r->get(), 0);
      if (!one) return one.error();
      return std::optional<intent_record>(std::move(*one));
    }

    // As memory_ledger: resolve and forget take only an unknown intent or a dead pending one.
    // Inside a transaction: the row stays locked until it commits.
    result<void> unsettled_check(std::string_view key) const {
      params p;
      p.text(key);
      auto r = run("SELECT state, lease_until, lease_until > " VNUM_PG_NOW
                   " FROM vnum_intents WHERE key = $1 FOR UPDATE",
                   p);
      if (!r) return r.error();
      if (PQntuples(r->get()) == 0)
        return make_error(errc::not_found, detail::quoted_key(key) + ": no such intent");
      const auto st = intent_state_from_string(cell(r->get(), 0, 0));
      if (!st) return unreadable(key, "state", cell(r->get(), 0, 0));
      if (*st == intent_state::succeeded || *st == intent_state::refused)
        return make_error(errc::conflict,
                          detail::quoted_key(key) + ": already " + std::string(to_string(*st)));
      if (*st == intent_state::pending && cell(r->get(), 0, 2) == "t") {
        std::int64_t lease = 0;
        const auto text = cell(r->get(), 0, 1);
        std::from_chars(text.data(), text.data() + text.size(), lease);
        return make_error(errc::conflict, detail::quoted_key(key) +
                                              ": its owner is still sending it (lease to " +
                                              to_iso8601(at(lease)) + ")");
      }
      return {};
    }

    // The tables, created in a new database; in an existing one, its version checked first.
    // An advisory lock keeps two first opens from creating them at once.
    result<void> create_schema() {
      auto tx = begin();
      if (!tx) return tx.error();
      if (auto r = run("SELECT pg_advisory_xact_lock(8534995199384544359)", params{}); !r)
        return r.error();
      auto exists = run("SELECT to_regclass('vnum_schema') IS NOT NULL", params{});
      if (!exists) return exists.error();
      if (cell(exists->get(), 0, 0) == "t") {
        auto found = run("SELECT version FROM vnum_schema LIMIT 1", params{});
        if (!found) return found.error();
        if (PQntuples(found->get()) == 1) {
          const auto text = cell(found->get(), 0, 0);
          if (text != std::to_string(schema_version))
            return make_error(errc::protocol, "postgres ledger: the database's schema version is " +
                                                  std::string(text) + ", this vnum reads version " +
                                                  std::to_string(schema_version));
          return tx->commit();
        }
      } else if (auto r = run("CREATE TABLE vnum_schema (version BIGINT NOT NULL)", params{}); !r) {
        return r.error();
      }
      if (auto r = run("CREATE TABLE IF NOT EXISTS vnum_intents ("
                       "key TEXT PRIMARY KEY, operation TEXT NOT NULL, "
                       "fingerprint TEXT NOT NULL, state TEXT NOT NULL, owner TEXT NOT NULL, "
                       "created_at BIGINT NOT NULL, lease_until BIGINT NOT NULL, "
                       "settled_at BIGINT NOT NULL, answer_status INTEGER NOT NULL, "
                       "answer_body TEXT NOT NULL, refusal_code TEXT NOT NULL, "
                       "refusal_status INTEGER NOT NULL, refusal_message TEXT NOT NULL, "
                       "refusal_field TEXT NOT NULL, refusal_provider_message TEXT NOT NULL, "
                       "refusal_retry_after BIGINT, note TEXT NOT NULL)",
                       params{});
          !r)
        return r.error();
      if (auto r = run("CREATE INDEX IF NOT EXISTS vnum_intents_by_state "
                       "ON vnum_intents (state, created_at)",
                       params{});
          !r)
        return r.error();
      params v;
      v.integer(schema_version);
      if (auto r = run("INSERT INTO vnum_schema (version) VALUES ($1)", v); !r) return r.error();
      return tx->commit();
    }
  };

  explicit postgres_ledger(std::unique_ptr<state> s) noexcept : s_(std::move(s)) {}

  // The state, locked, with its connection up: a connection found lost is reset first.
  result<std::pair<state*, std::unique_lock<std::mutex>>> lock() {
    if (!s_) return make_error(errc::transport, "postgres ledger: moved from");
    std::unique_lock guard(s_->mutex);
    if (PQstatus(s_->conn) != CONNECTION_OK) {
      PQreset(s_->conn);
      if (PQstatus(s_->conn) != CONNECTION_OK) return s_->failure();
    }
    return std::pair<state*, std::unique_lock<std::mutex>>(s_.get(), std::move(guard));
  }

  static std::int64_t affected(const PGresult* r) {
    const std::string_view text = PQcmdTuples(const_cast<PGresult*>(r));
    std::int64_t n = 0;
    std::from_chars(text.data(), text.data() + text.size(), n);
    return n;
  }

  static ledger_time at(std::int64_t since_epoch) {
    return ledger_time(std::chrono::milliseconds(since_epoch));
  }

  std::unique_ptr<state> s_;
};

static_assert(vnum::ledger<postgres_ledger>);

#undef VNUM_PG_SELECT
#undef VNUM_PG_NOW

}  // namespace vnum

#endif  // VNUM_LEDGER_POSTGRES_HPP
