// A throwaway PostgreSQL server for tests: initdb into a fresh directory under /tmp, started on a
// Unix socket in that directory only (no TCP), fsync off; stopped (immediate) and deleted by RAII.
// Every step is bounded in time. As root, the directory belongs to the `postgres` user and the
// server runs as that user (initdb refuses root).
//
//   auto pg = vnum_test::pg_server::start();
//   if (!pg) { WARN("postgres cases skipped: " << pg.reason()); return; }
//   auto ledger = vnum::postgres_ledger::open(pg->conninfo());
//
// start() is empty only when no server binaries are installed (/usr/lib/postgresql/*/bin, or
// $VNUM_TEST_PG_BIN when set: VNUM_TEST_PG_BIN=/nonexistent shows the skipping); a
// server that is installed but fails to start throws std::runtime_error with initdb's or the
// server's log, so that a broken setup fails a test instead of skipping it. A forked child may
// use conninfo(): only the process that started the server stops it.
#ifndef VNUM_TESTS_LEDGER_PG_SERVER_HPP
#define VNUM_TESTS_LEDGER_PG_SERVER_HPP

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace vnum_test {

class pg_started;

class pg_server {
 public:
  // The directory holding initdb, pg_ctl and postgres: $VNUM_TEST_PG_BIN when set (a directory
  // without them makes the server absent), else the newest /usr/lib/postgresql/<version>/bin.
  // Empty if there is none.
  static std::string find_bin_dir() {
    namespace fs = std::filesystem;
    const auto has_server = [](const fs::path& bin) {
      return ::access((bin / "initdb").c_str(), X_OK) == 0 &&
             ::access((bin / "pg_ctl").c_str(), X_OK) == 0 &&
             ::access((bin / "postgres").c_str(), X_OK) == 0;
    };
    if (const char* forced = std::getenv("VNUM_TEST_PG_BIN"))
      return has_server(forced) ? std::string(forced) : std::string();
    std::error_code ec;
    int best = -1;
    std::string found;
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
      const std::string name = e.path().filename().string();
      int version = 0;
      try {
        version = std::stoi(name);
      } catch (const std::exception&) {
        continue;
      }
      const fs::path bin = e.path() / "bin";
      if (version > best && has_server(bin)) {
        best = version;
        found = bin.string();
      }
    }
    return found;
  }

  // The server, started; empty (with the reason) when no server is installed.
  static pg_started start();

  pg_server(pg_server&& o) noexcept
      : bin_(std::move(o.bin_)),
        dir_(std::exchange(o.dir_, {})),
        port_(o.port_),
        as_postgres_(o.as_postgres_),
        running_(std::exchange(o.running_, false)),
        creator_(o.creator_) {}
  pg_server& operator=(pg_server&&) = delete;
  pg_server(const pg_server&) = delete;
  pg_server& operator=(const pg_server&) = delete;

  ~pg_server() {
    if (dir_.empty() || ::getpid() != creator_) return;
    if (running_)
      (void)run({bin_ + "/pg_ctl", "-D", data_dir(), "-m", "immediate", "-w", "-t", "20", "stop"},
                std::chrono::seconds(30));
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // "host=<socket dir> port=<port> user=postgres dbname=postgres"
  std::string conninfo() const {
    return "host=" + dir_ + " port=" + std::to_string(port_) + " user=postgres dbname=postgres";
  }
  const std::string& socket_dir() const noexcept { return dir_; }
  std::string data_dir() const { return dir_ + "/data"; }
  int port() const noexcept { return port_; }
  const std::string& bin_dir() const noexcept { return bin_; }

 private:
  explicit pg_server(std::string bin) : bin_(std::move(bin)), creator_(::getpid()) {
    std::string pattern = "/tmp/vnum-pg-XXXXXX";  // short: a socket path has ~100 bytes
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("pg_server: mkdtemp failed");
    dir_ = pattern;
    try {
      as_postgres_ = ::geteuid() == 0;
      if (as_postgres_) {
        const passwd* pw = ::getpwnam("postgres");
        if (pw == nullptr)
          throw std::runtime_error("pg_server: running as root and there is no postgres user");
        if (::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0)
          throw std::runtime_error("pg_server: cannot chown " + dir_);
      }
      port_ = free_port();
      const std::string log = dir_ + "/initdb.log";
      if (!run({bin_ + "/initdb", "-D", data_dir(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync"},
               std::chrono::seconds(60), log))
        throw std::runtime_error("pg_server: initdb failed:\n" + read(log));
      const std::string server_log = dir_ + "/server.log";
      const std::string opts =
          "-c listen_addresses='' -k " + dir_ + " -p " + std::to_string(port_) + " -c fsync=off";
      running_ = true;  // from here on the destructor stops it, also after a failed start
      if (!run({bin_ + "/pg_ctl", "-D", data_dir(), "-w", "-t", "30", "-l", server_log, "-o", opts,
                "start"},
               std::chrono::seconds(45), dir_ + "/pg_ctl.log"))
        throw std::runtime_error("pg_server: the server did not start:\n" +
                                 read(dir_ + "/pg_ctl.log") + read(server_log));
    } catch (...) {
      pg_server dying(std::move(*this));  // stops what started and deletes the directory
      throw;
    }
  }

  // A port nothing listens on now: bound on 127.0.0.1:0, then closed. It only names the socket.
  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("pg_server: socket failed");
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("pg_server: cannot pick a port");
    return ntohs(a.sin_port);
  }

  static std::string read(const std::string& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Runs argv (as the postgres user when root) in the directory, its output appended to `log`
  // (or discarded), killed after `limit`. True when it exited 0.
  bool run(std::vector<std::string> argv, std::chrono::seconds limit,
           const std::string& log = "/dev/null") const {
    if (as_postgres_) argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const pid_t pid = ::fork();
    if (pid < 0) {
      if (out >= 0) ::close(out);
      return false;
    }
    if (pid == 0) {
      if (out >= 0) {
        ::dup2(out, STDOUT_FILENO);
        ::dup2(out, STDERR_FILENO);
      }
      const int null = ::open("/dev/null", O_RDONLY);
      if (null >= 0) ::dup2(null, STDIN_FILENO);
      if (::chdir(dir_.c_str()) != 0) ::_exit(126);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    if (out >= 0) ::close(out);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (true) {
      int status = 0;
      const pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid) return WIFEXITED(status) && WEXITSTATUS(status) == 0;
      if (r < 0 && errno != EINTR) return false;
      if (std::chrono::steady_clock::now() >= deadline) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  std::string bin_;
  std::string dir_;
  int port_ = 0;
  bool as_postgres_ = false;
  bool running_ = false;
  pid_t creator_ = 0;
};

// A started server, or the reason there is none; used like std::optional.
class pg_started {
 public:
  explicit operator bool() const noexcept { return server_.has_value(); }
  pg_server& operator*() { return *server_; }
  pg_server* operator->() { return &*server_; }
  const std::string& reason() const noexcept { return reason_; }

 private:
  friend class pg_server;
  std::optional<pg_server> server_;
  std::string reason_;
};

inline pg_started pg_server::start() {
  pg_started out;
  const std::string bin = find_bin_dir();
  if (bin.empty()) {
    const char* forced = std::getenv("VNUM_TEST_PG_BIN");
    out.reason_ = forced != nullptr
                      ? "no PostgreSQL server binaries in VNUM_TEST_PG_BIN=" + std::string(forced)
                      : "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin";
    return out;
  }
  out.server_.emplace(pg_server(bin));
  return out;
}

}  // namespace vnum_test

#endif  // VNUM_TESTS_LEDGER_PG_SERVER_HPP
