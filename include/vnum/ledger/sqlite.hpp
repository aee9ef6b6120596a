// vnum — vnum::sqlite_ledger, an intent ledger (<vnum/intent.hpp>) in one SQLite file, for one
// machine: every process that opens the same file shares its keys.
//
// Not included by <vnum/vnum.hpp>: include it yourself and link SQLite 3.35 or later (Debian:
// libsqlite3-dev):
//
//   #include <vnum/ledger/sqlite.hpp>         g++ -std=c++20 ... -lsqlite3
//   Meson: dependency('vnum-sqlite')
//   CMake: target_link_libraries(app PRIVATE vnum::sqlite)
//   Single header: #include "vnum.hpp" then #include <vnum/ledger/sqlite.hpp>, with this file
//   copied as vnum/ledger/ into a directory on the include path
//
//   auto ledger = vnum::sqlite_ledger::open("/var/lib/app/intents.db").value();
//   client.purchase_number(r, vnum::once(ledger, "order-1234"));
//
// The semantics are vnum::testing::memory_ledger's, kept on disk:
//   - the file is in WAL mode with synchronous=FULL, so a settlement that returned is on disk
//     before the caller acts on it, even if the machine loses power;
//   - a claim is one BEGIN IMMEDIATE transaction (drop the key's expired settled row, insert if
//     absent, else read what holds it), so of any processes claiming one key exactly one wins;
//   - a process waits up to options::busy_timeout for another's transaction, then fails;
//   - times are the process's system clock, in milliseconds since the epoch. Processes sharing a
//     file share a machine, so they share that clock; a fleet shares a PostgreSQL ledger instead;
//   - the file carries a schema version: opening a file of another version is refused
//     (errc::protocol, naming the file and both versions) rather than misread.
//
// Errors are values: errc::transport ("sqlite ledger <path>: " and SQLite's reason) when the file
// cannot be opened, read or written, also for a file that is not a database. Nothing throws but
// std::bad_alloc.
//
// Threads: one instance may be shared between threads (a mutex serializes its calls); processes
// and other instances on the same file are serialized by SQLite's locks. Move-only; the handle is
// closed with the last owner, and a moved-from instance answers errc::transport.
// SPDX-License-Identifier: MIT
#ifndef VNUM_LEDGER_SQLITE_HPP
#define VNUM_LEDGER_SQLITE_HPP

// With the single header (single_include/vnum/vnum.hpp), include "vnum.hpp" before this file: the
// two headers below are in it already, and their guards say so.
#ifndef VNUM_INTENT_HPP
#include <vnum/error.hpp>
#include <vnum/intent.hpp>
#endif

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#if SQLITE_VERSION_NUMBER < 3035000
#error "vnum/ledger/sqlite.hpp needs SQLite 3.35 or later"
#endif

namespace vnum {

namespace detail {

// Outside the class, so that `options o = {}` may be a default argument of its members.
struct sqlite_ledger_options {
  std::chrono::milliseconds expiry{std::chrono::hours(24)};  // settled intents are kept this long
  std::chrono::milliseconds busy_timeout{5000};  // the longest wait for another's transaction
};

}  // namespace detail

/// An intent ledger (vnum::ledger, intent.hpp) in one SQLite file, for one machine: every process
/// that opens the same file shares its keys.
///
/// The semantics are vnum::testing::memory_ledger's, kept on disk. The file is in WAL mode with
/// synchronous=FULL, so a settlement that returned is on disk even if the machine loses power. A
/// claim is one BEGIN IMMEDIATE transaction, so of any processes claiming one key exactly one
/// wins. Times are the process's system clock, which processes on one machine share (a fleet
/// shares a postgres_ledger instead). Not part of vnum.hpp: include this header and link SQLite
/// 3.35 or later (`-lsqlite3`).
///
/// Errors are values: every member returns errc::transport (naming the file, with SQLite's
/// reason) when the file cannot be opened, read or written, and errc::protocol for a file or a
/// row this version cannot read. Nothing throws but std::bad_alloc.
///
/// Threads: one instance may be shared between threads (a mutex serializes its calls); other
/// instances and processes on the same file are serialized by SQLite's locks. Move-only; a
/// moved-from instance answers errc::transport.
///
/// @code
/// auto ledger = vnum::sqlite_ledger::open("/var/lib/app/intents.db").value();
/// auto bought = client.purchase_number(order, vnum::once(ledger, "order-1234"));
/// @endcode
class sqlite_ledger {
 public:
  /// `expiry` (24 h): how long a settled intent is kept, and holds its key; `busy_timeout` (5 s):
  /// the longest wait for another connection's transaction.
  using options = detail::sqlite_ledger_options;

  /// The version of the tables this header reads and writes; a file of another is refused.
  static constexpr std::int64_t schema_version = 1;

  /// Opens the ledger file at `path`, creating the file and its tables if absent.
  /// @param path the file, as SQLite opens it.
  /// @param o the expiry window and the busy wait.
  /// @return the ledger; errc::transport when the file cannot be opened or set up (another
  ///   process held it past options::busy_timeout, or it is not a database); errc::protocol when
  ///   its schema version is not schema_version.
  static result<sqlite_ledger> open(std::string path, options o = {}) {
    for (auto problem : {detail::negative_option("expiry", o.expiry),
                         detail::negative_option("busy_timeout", o.busy_timeout)})
      if (problem) return *problem;
    auto s = std::make_unique<state>();
    s->path = std::move(path);
    s->opts = o;
    const int rc = sqlite3_open_v2(s->path.c_str(), &s->db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      if (s->db == nullptr) return s->failure(sqlite3_errstr(rc));
      return s->failure();
    }
    sqlite3_extended_result_codes(s->db, 1);
    const auto wait = std::min<std::chrono::milliseconds::rep>(
        std::max<std::chrono::milliseconds::rep>(o.busy_timeout.count(), 0),
        std::numeric_limits<int>::max());
    sqlite3_busy_timeout(s->db, static_cast<int>(wait));
    // Processes opening a new file at once contend for turning it into WAL mode and creating
    // its tables; SQLite answers some of those contentions "busy" without waiting (a wait could
    // deadlock), so the setup is tried again, within busy_timeout.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait);
    for (;;) {
      // A file that is not a database fails here, at its first read.
      auto r = s->exec("PRAGMA journal_mode=WAL");
      if (r) r = s->exec("PRAGMA synchronous=FULL");
      if (r) r = s->create_schema();
      if (r) return sqlite_ledger(std::move(s));
      if (!s->busy || std::chrono::steady_clock::now() >= deadline) return r.error();
      s->busy = false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  /// Takes the other's handle; the other answers errc::transport.
  sqlite_ledger(sqlite_ledger&&) noexcept = default;
  /// Takes the other's handle, closing this one's; the other answers errc::transport.
  sqlite_ledger& operator=(sqlite_ledger&&) noexcept = default;
  sqlite_ledger(const sqlite_ledger&) = delete;
  sqlite_ledger& operator=(const sqlite_ledger&) = delete;
  ~sqlite_ledger() = default;

  /// The file, as given to open() (empty when moved from).
  const std::string& path() const noexcept {
    static const std::string none;
    return s_ ? s_->path : none;
  }

  /// Claims `c.key`: inserts a pending intent owned by `c.owner`, leased for `c.lease`, unless
  /// an intent holds the key (a settled one older than options::expiry no longer does, and is
  /// dropped). One transaction: of concurrent claimants of a key, exactly one wins.
  /// @param c the key, the operation and request fingerprint, the owner token and the lease.
  /// @return claim_outcome::won, or the intent holding the key (claim_outcome::existing).
  result<claim_outcome> claim(const intent_claim& c) {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    auto tx = s_->begin();
    if (!tx) return tx.error();
    const ledger_time t = now();
    {
      statement del(*s_,
                    "DELETE FROM vnum_intents WHERE key = ?1 AND "
                    "state IN ('succeeded', 'refused') AND settled_at <= ?2");
      del.text(1, c.key);
      del.integer(2, ms(t - s_->opts.expiry));
      if (auto r = del.run(); !r) return r.error();
    }
    intent_record r;
    r.key = c.key;
    r.operation = c.operation;
    r.fingerprint = c.fingerprint;
    r.owner = c.owner;
    r.created_at = t;
    r.lease_until = t + c.lease;
    {
      statement ins(*s_,
                    "INSERT INTO vnum_intents (key, operation, fingerprint, state, owner, "
                    "created_at, lease_until, settled_at, answer_status, answer_body, "
                    "refusal_code, refusal_status, refusal_message, refusal_field, "
                    "refusal_provider_message, refusal_retry_after, note) VALUES (?1, ?2, ?3, ?4, "
                    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
                    "ON CONFLICT (key) DO NOTHING");
      ins.text(1, r.key);
      ins.text(2, r.operation);
      ins.text(3, r.fingerprint);
      ins.text(4, to_string(r.state));
      ins.text(5, r.owner);
      ins.integer(6, ms(r.created_at));
      ins.integer(7, ms(r.lease_until));
      ins.integer(8, ms(r.settled_at));
      ins.bind_outcome(9, r.answer_status, r.answer_body, r.refusal, r.note);
      if (auto done = ins.run(); !done) return done.error();
    }
    if (sqlite3_changes(s_->db) == 1) {
      if (auto done = tx->commit(); !done) return done.error();
      return claim_outcome{true, {}};
    }
    auto held = s_->read_one(c.key, t);
    if (!held) return held.error();
    if (auto done = tx->commit(); !done) return done.error();
    if (!*held)  // cannot happen inside the transaction: the insert found the key taken
      return s_->failure("intent key \"" + c.key + "\" is taken but cannot be read");
    return claim_outcome{false, std::move(**held)};
  }

  /// The owner's settlement of its pending intent.
  /// @param key the intent's key.
  /// @param owner the token it was claimed with.
  /// @param s the state it ends in (succeeded, refused or unknown), with the answer or error.
  /// @return nothing; errc::conflict when the intent is not pending with this owner (a person or
  ///   reconciliation settled it first, which wins).
  result<void> settle(std::string_view key, std::string_view owner, const settlement& s) {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    statement up(*s_, settle_sql);
    up.text(1, key);
    up.text(2, owner);
    up.bind_settlement(3, s, now());
    if (auto r = up.run(); !r) return r.error();
    if (sqlite3_changes(s_->db) == 0)
      return make_error(errc::conflict, "the intent is no longer this call's to settle");
    return {};
  }

  /// Removes the owner's pending intent, freeing its key: its request certainly had no effect.
  /// @param key the intent's key.
  /// @param owner the token it was claimed with.
  /// @return nothing; errc::conflict when the intent is not pending with this owner.
  result<void> release(std::string_view key, std::string_view owner) {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    statement del(*s_,
                  "DELETE FROM vnum_intents WHERE key = ?1 AND state = 'pending' AND owner = ?2");
    del.text(1, key);
    del.text(2, owner);
    if (auto r = del.run(); !r) return r.error();
    if (sqlite3_changes(s_->db) == 0)
      return make_error(errc::conflict, "the intent is no longer this call's to release");
    return {};
  }

  /// Settles an unsettled intent (unknown, or pending with its lease run out), as a person or
  /// reconciliation does.
  /// @param key the intent's key.
  /// @param s the state it ends in, with the answer or error, and a note saying how it was settled.
  /// @return nothing; errc::not_found when no intent has the key, errc::conflict when it is
  ///   settled or its owner's lease is live.
  result<void> resolve(std::string_view key, const settlement& s) {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    auto tx = s_->begin();
    if (!tx) return tx.error();
    const ledger_time t = now();
    if (auto ok = s_->unsettled_check(key, t); !ok) return ok.error();
    statement up(*s_, resolve_sql);
    up.text(1, key);
    up.bind_settlement(3, s, t);
    if (auto r = up.run(); !r) return r.error();
    return tx->commit();
  }

  /// Removes an unsettled intent that did not take effect, freeing its key.
  /// @param key the intent's key.
  /// @return nothing; errc::not_found or errc::conflict as resolve() says.
  result<void> forget(std::string_view key) {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    auto tx = s_->begin();
    if (!tx) return tx.error();
    if (auto ok = s_->unsettled_check(key, now()); !ok) return ok.error();
    statement del(*s_, "DELETE FROM vnum_intents WHERE key = ?1");
    del.text(1, key);
    if (auto r = del.run(); !r) return r.error();
    return tx->commit();
  }

  /// The intent stored under `key`, with intent_record::owner_alive as of now. A settled intent
  /// past the expiry window is still found until reap() or a new claim of its key removes it.
  /// @param key the key.
  /// @return the intent, or empty when there is none.
  result<std::optional<intent_record>> find(std::string_view key) {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    return s_->read_one(key, now());
  }

  /// Every intent that is unknown or pending (live leases included), oldest first.
  /// @return the intents, by created_at and then key.
  result<std::vector<intent_record>> unsettled() {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    const ledger_time t = now();
    statement sel(*s_, unsettled_sql);
    std::vector<intent_record> out;
    while (true) {
      auto row = sel.step();
      if (!row) return row.error();
      if (!*row) break;
      auto r = sel.read_row(t);
      if (!r) return r.error();
      out.push_back(std::move(*r));
    }
    return out;
  }

  /// Removes the settled (succeeded or refused) intents older than options::expiry; never an
  /// unsettled one.
  /// @return how many were removed.
  result<std::size_t> reap() {
    if (!s_) return moved_from();
    std::lock_guard lock(s_->mutex);
    statement del(*s_,
                  "DELETE FROM vnum_intents WHERE state IN ('succeeded', 'refused') AND "
                  "settled_at <= ?1");
    del.integer(1, ms(now() - s_->opts.expiry));
    if (auto r = del.run(); !r) return r.error();
    return static_cast<std::size_t>(sqlite3_changes(s_->db));
  }

 private:
  static constexpr const char* settle_sql =
      "UPDATE vnum_intents SET owner = '', state = ?3, settled_at = ?4, answer_status = ?5, "
      "answer_body = ?6, refusal_code = ?7, refusal_status = ?8, refusal_message = ?9, "
      "refusal_field = ?10, refusal_provider_message = ?11, refusal_retry_after = ?12, "
      "note = ?13 WHERE key = ?1 AND state = 'pending' AND owner = ?2";
  static constexpr const char* resolve_sql =
      "UPDATE vnum_intents SET owner = '', state = ?3, settled_at = ?4, answer_status = ?5, "
      "answer_body = ?6, refusal_code = ?7, refusal_status = ?8, refusal_message = ?9, "
      "refusal_field = ?10, refusal_provider_message = ?11, refusal_retry_after = ?12, "
      "note = ?13 WHERE key = ?1";
  static constexpr const char* find_sql =
      "SELECT key, operation, fingerprint, state, owner, created_at, lease_until, settled_at, "
      "answer_status, answer_body, refusal_code, refusal_status, refusal_message, refusal_field, "
      "refusal_provider_message, refusal_retry_after, note FROM vnum_intents WHERE key = ?1";
  static constexpr const char* unsettled_sql =
      "SELECT key, operation, fingerprint, state, owner, created_at, lease_until, settled_at, "
      "answer_status, answer_body, refusal_code, refusal_status, refusal_message, refusal_field, "
      "refusal_provider_message, refusal_retry_after, note FROM vnum_intents "
      "WHERE state IN ('pending', 'unknown') ORDER BY created_at, key";

  struct state;

  // One prepared statement, finalized with it. The first failure (preparing or binding) is kept
  // and returned by run() or step(), so that a caller binds without checking each parameter.
  class statement {
   public:
    statement(state& s, const char* sql) : s_(s) {
      rc_ = sqlite3_prepare_v2(s.db, sql, -1, &p_, nullptr);
    }
    ~statement() { sqlite3_finalize(p_); }
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    void text(int i, std::string_view v) {
      if (rc_ == SQLITE_OK)
        rc_ = sqlite3_bind_text64(p_, i, v.data(), static_cast<sqlite3_uint64>(v.size()),
                                  SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    void integer(int i, std::int64_t v) {
      if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_int64(p_, i, static_cast<sqlite3_int64>(v));
    }
    void null(int i) {
      if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_null(p_, i);
    }

    // ?first .. ?first+10: a settlement's state, its time, and what it kept.
    void bind_settlement(int first, const settlement& s, ledger_time t) {
      text(first, to_string(s.state));
      integer(first + 1, ms(t));
      bind_outcome(first + 2, s.answer_status, s.answer_body, s.refusal, s.note);
    }

    // ?first .. ?first+8: answer_status through note, in the table's order.
    void bind_outcome(int first, int status, std::string_view body, const error& refusal,
                      std::string_view note) {
      integer(first, status);
      text(first + 1, body);
      text(first + 2, to_string(refusal.code));
      integer(first + 3, refusal.http_status);
      text(first + 4, refusal.message);
      text(first + 5, refusal.field);
      text(first + 6, refusal.provider_message);
      if (refusal.retry_after)
        integer(first + 7, refusal.retry_after->count());
      else
        null(first + 7);
      text(first + 8, note);
    }

    // Steps once: true when a row is ready to read, false when the statement is done.
    result<bool> step() {
      if (rc_ != SQLITE_OK) return s_.failure(rc_);
      const int rc = sqlite3_step(p_);
      if (rc == SQLITE_ROW) return true;
      if (rc == SQLITE_DONE) return false;
      rc_ = rc;
      return s_.failure();
    }

    // Steps to the end, for a statement that returns no rows.
    result<void> run() {
      while (true) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) return {};
      }
    }

    std::int64_t column_integer(int i) const {
      return static_cast<std::int64_t>(sqlite3_column_int64(p_, i));
    }
    bool column_null(int i) const { return sqlite3_column_type(p_, i) == SQLITE_NULL; }
    std::string column_text(int i) const {
      const auto* p = sqlite3_column_text(p_, i);  // before _bytes, as SQLite asks
      const int n = sqlite3_column_bytes(p_, i);
      if (p == nullptr || n <= 0) return {};
      return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)};
    }

    // The current row (find_sql's columns), with owner_alive as of t.
    result<intent_record> read_row(ledger_time t) const {
      intent_record r;
      r.key = column_text(0);
      r.operation = column_text(1);
      r.fingerprint = column_text(2);
      const std::string st = column_text(3);
      const auto known = intent_state_from_string(st);
      if (!known) return s_.unreadable(r.key, "state", st);
      r.state = *known;
      r.owner = column_text(4);
      r.created_at = at(column_integer(5));
      r.lease_until = at(column_integer(6));
      r.settled_at = at(column_integer(7));
      r.answer_status = static_cast<int>(column_integer(8));
      r.answer_body = column_text(9);
      const std::string code = column_text(10);
      const auto ec = errc_from_string(code);
      if (!ec) return s_.unreadable(r.key, "refusal_code", code);
      r.refusal.code = *ec;
      r.refusal.http_status = static_cast<int>(column_integer(11));
      r.refusal.message = column_text(12);
      r.refusal.field = column_text(13);
      r.refusal.provider_message = column_text(14);
      if (!column_null(15)) r.refusal.retry_after = std::chrono::seconds(column_integer(15));
      r.note = column_text(16);
      r.owner_alive = r.state == intent_state::pending && r.lease_until > t;
      return r;
    }

   private:
    state& s_;
    sqlite3_stmt* p_ = nullptr;
    int rc_ = SQLITE_OK;
  };

  // A BEGIN IMMEDIATE transaction: it takes the file's write lock at once (waiting up to
  // busy_timeout), so what it reads stays true until it commits. Rolled back unless committed.
  class transaction {
   public:
    explicit transaction(state& s) : s_(&s) {}
    transaction(transaction&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    transaction& operator=(transaction&&) = delete;
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;
    ~transaction() {
      if (s_ != nullptr) (void)sqlite3_exec(s_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    result<void> commit() {
      state* s = std::exchange(s_, nullptr);
      if (auto r = s->exec("COMMIT"); !r) {
        (void)sqlite3_exec(s->db, "ROLLBACK", nullptr, nullptr, nullptr);
        return r.error();
      }
      return {};
    }

   private:
    state* s_;
  };

  struct state {
    sqlite3* db = nullptr;
    std::string path;
    options opts;
    std::mutex mutex;
    mutable bool busy = false;  // the last failure was SQLite's "busy" or "locked"

    state() = default;
    state(const state&) = delete;
    state& operator=(const state&) = delete;
    ~state() { sqlite3_close_v2(db); }

    error failure(std::string_view why) const {
      return make_error(errc::transport, "sqlite ledger " + path + ": " + std::string(why));
    }
    error failure() const {
      busy = (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY ||
             (sqlite3_errcode(db) & 0xff) == SQLITE_LOCKED;
      return failure(sqlite3_errmsg(db));
    }
    error failure(int rc) const {
      // A failed prepare leaves its reason in the handle; a failed bind only its code.
      return rc == SQLITE_RANGE || rc == SQLITE_NOMEM || rc == SQLITE_TOOBIG
                 ? failure(sqlite3_errstr(rc))
                 : failure();
    }
    error unreadable(const std::string& key, std::string_view column,
                     const std::string& text) const {
      return make_error(errc::protocol, "sqlite ledger " + path + ": " + detail::quoted_key(key) +
                                            ": its " + std::string(column) + " \"" + text +
                                            "\" is not one this vnum knows");
    }

    result<void> exec(const char* sql) {
      if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return failure();
      return {};
    }

    result<transaction> begin() {
      if (auto r = exec("BEGIN IMMEDIATE"); !r) return r.error();
      return transaction(*this);
    }

    result<std::optional<intent_record>> read_one(std::string_view key, ledger_time t) {
      statement sel(*this, find_sql);
      sel.text(1, key);
      auto row = sel.step();
      if (!row) return row.error();
      if (!*row) return std::optional<intent_record>();
      auto r = sel.read_row(t);
      if (!r) return r.error();
      return std::optional<intent_record>(std::move(*r));
    }

    // As memory_ledger: resolve and forget take only an unknown intent or a dead pending one.
    result<void> unsettled_check(std::string_view key, ledger_time t) {
      statement sel(*this, "SELECT state, lease_until FROM vnum_intents WHERE key = ?1");
      sel.text(1, key);
      auto row = sel.step();
      if (!row) return row.error();
      if (!*row) return make_error(errc::not_found, detail::quoted_key(key) + ": no such intent");
      const std::string st = sel.column_text(0);
      const ledger_time lease_until = at(sel.column_integer(1));
      if (st == to_string(intent_state::succeeded) || st == to_string(intent_state::refused))
        return make_error(errc::conflict, detail::quoted_key(key) + ": already " + st);
      if (st == to_string(intent_state::pending) && lease_until > t)
        return make_error(errc::conflict, detail::quoted_key(key) +
                                              ": its owner is still sending it (lease to " +
                                              to_iso8601(lease_until) + ")");
      if (!intent_state_from_string(st)) return unreadable(std::string(key), "state", st);
      return {};
    }

    // The tables, created in a new file; in an existing one, its version checked first.
    result<void> create_schema() {
      auto tx = begin();
      if (!tx) return tx.error();
      if (auto r = exec("CREATE TABLE IF NOT EXISTS vnum_schema (version INTEGER NOT NULL)"); !r)
        return r.error();
      statement sel(*this, "SELECT version FROM vnum_schema");
      auto row = sel.step();
      if (!row) return row.error();
      if (*row) {
        const std::int64_t found = sel.column_integer(0);
        if (found != schema_version)
          return make_error(errc::protocol,
                            "sqlite ledger " + path + ": the file's schema version is " +
                                std::to_string(found) + ", this vnum reads version " +
                                std::to_string(schema_version));
        return tx->commit();
      }
      if (auto r = exec("CREATE TABLE IF NOT EXISTS vnum_intents ("
                        "key TEXT PRIMARY KEY NOT NULL, operation TEXT NOT NULL, "
                        "fingerprint TEXT NOT NULL, state TEXT NOT NULL, owner TEXT NOT NULL, "
                        "created_at INTEGER NOT NULL, lease_until INTEGER NOT NULL, "
                        "settled_at INTEGER NOT NULL, answer_status INTEGER NOT NULL, "
                        "answer_body TEXT NOT NULL, refusal_code TEXT NOT NULL, "
                        "refusal_status INTEGER NOT NULL, refusal_message TEXT NOT NULL, "
                        "refusal_field TEXT NOT NULL, refusal_provider_message TEXT NOT NULL, "
                        "refusal_retry_after INTEGER, note TEXT NOT NULL)");
          !r)
        return r.error();
      if (auto r = exec("CREATE INDEX IF NOT EXISTS vnum_intents_by_state "
                        "ON vnum_intents (state, created_at)");
          !r)
        return r.error();
      statement ins(*this, "INSERT INTO vnum_schema (version) VALUES (?1)");
      ins.integer(1, schema_version);
      if (auto r = ins.run(); !r) return r.error();
      return tx->commit();
    }
  };

  explicit sqlite_ledger(std::unique_ptr<state> s) noexcept : s_(std::move(s)) {}

  static error moved_from() { return make_error(errc::transport, "sqlite ledger: moved from"); }

  static ledger_time now() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
  static std::int64_t ms(ledger_time t) { return t.time_since_epoch().count(); }
  static ledger_time at(std::int64_t since_epoch) {
    return ledger_time(std::chrono::milliseconds(since_epoch));
  }

  std::unique_ptr<state> s_;
};

static_assert(vnum::ledger<sqlite_ledger>);

}  // namespace vnum

#endif  // VNUM_LEDGER_SQLITE_HPP
