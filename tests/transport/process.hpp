// Child processes for the end-to-end tests: started with posix_spawn, their output read through
// pipes with a deadline, and always stopped (SIGTERM, a bounded wait, then SIGKILL) by RAII, also
// when an assertion fails.
#ifndef VNUM_TESTS_TRANSPORT_PROCESS_HPP
#define VNUM_TESTS_TRANSPORT_PROCESS_HPP

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace proc {

using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

// A pipe whose two ends close with it.
struct pipe_pair {
  int read = -1;
  int write = -1;
  pipe_pair() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    read = fds[0];
    write = fds[1];
  }
  ~pipe_pair() {
    close_read();
    close_write();
  }
  pipe_pair(const pipe_pair&) = delete;
  pipe_pair& operator=(const pipe_pair&) = delete;
  void close_read() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void close_write() {
    if (write >= 0) ::close(write);
    write = -1;
  }
};

// Reads from fd until `stop(text)` is true, EOF, or the deadline. Returns what was read.
template <class Stop>
std::string read_until(int fd, clock::time_point deadline, Stop stop) {
  std::string text;
  char buffer[4096];
  while (!stop(text)) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
    if (left <= 0ms) break;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

// A running child; the destructor stops it.
class child {
 public:
  // Starts argv[0] with its stdout and stderr on pipes.
  explicit child(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_.write, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_.write, STDERR_FILENO);
    // The child starts with SIGINT and SIGTERM at their defaults and unblocked.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const int rc = posix_spawn(&pid_, args[0], &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    out_.close_write();
    err_.close_write();
    if (rc != 0) {
      pid_ = -1;
      throw std::runtime_error("cannot start " + argv[0] + ": " + std::to_string(rc));
    }
  }

  ~child() { stop(); }
  child(const child&) = delete;
  child& operator=(const child&) = delete;

  // The first line of stdout (without its newline), waiting at most `limit`.
  std::optional<std::string> first_line(std::chrono::milliseconds limit = 10s) {
    out_text_ += read_until(out_.read, clock::now() + limit,
                            [](const std::string& t) { return t.find('\n') != std::string::npos; });
    const auto nl = out_text_.find('\n');
    if (nl == std::string::npos) return std::nullopt;
    return out_text_.substr(0, nl);
  }

  // Everything on stderr until it closes (the child exits), waiting at most `limit`.
  std::string stderr_text(std::chrono::milliseconds limit = 10s) {
    return read_until(err_.read, clock::now() + limit, [](const std::string&) { return false; });
  }

  // Waits at most `limit` for the child to exit; its wait status, or nullopt if still running.
  std::optional<int> wait_for(std::chrono::milliseconds limit) {
    if (pid_ < 0) return status_;
    const auto deadline = clock::now() + limit;
    while (true) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        status_ = status;
        return status_;
      }
      if (r < 0 && errno != EINTR) return std::nullopt;
      if (clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(5ms);
    }
  }

  // Sends `sig` and waits (bounded) for the exit; SIGKILL if it does not come. The wait status.
  std::optional<int> stop(int sig = SIGTERM, std::chrono::milliseconds limit = 5s) {
    if (pid_ < 0) return status_;
    ::kill(pid_, sig);
    if (auto s = wait_for(limit)) return s;
    ::kill(pid_, SIGKILL);
    wait_for(5s);
    return std::nullopt;  // it had to be killed
  }

  pid_t pid() const { return pid_; }

 private:
  pipe_pair out_;
  pipe_pair err_;
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::string out_text_;
};

// The exit code of a wait status, or -1 if the process did not exit normally.
inline int exit_code(std::optional<int> status) {
  if (!status || !WIFEXITED(*status)) return -1;
  return WEXITSTATUS(*status);
}

// A temporary directory, removed with the files written into it.
class temp_dir {
 public:
  temp_dir() {
    std::string pattern = "/tmp/vnum-test-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~temp_dir() {
    for (const auto& f : files_) ::unlink(f.c_str());
    ::rmdir(path_.c_str());
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  // A path in the directory for a program to create; removed with the directory, with the
  // temporary file an atomic writer leaves beside it.
  std::string reserve(const std::string& name) {
    const std::string file = path_ + "/" + name;
    files_.push_back(file);
    files_.push_back(file + ".tmp");
    return file;
  }

  std::string write(const std::string& name, const std::string& content) {
    const std::string file = path_ + "/" + name;
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot write " + file);
    const ssize_t n = ::write(fd, content.data(), content.size());
    ::close(fd);
    if (n != static_cast<ssize_t>(content.size())) throw std::runtime_error("short write " + file);
    files_.push_back(file);
    return file;
  }

 private:
  std::string path_;
  std::vector<std::string> files_;
};

}  // namespace proc

#endif  // VNUM_TESTS_TRANSPORT_PROCESS_HPP
