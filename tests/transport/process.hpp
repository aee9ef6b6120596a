// Child processes for the end-to-end tests: started with fork and exec, their output read through
// pipes with a deadline, and always stopped (SIGTERM, a bounded wait, then SIGKILL) by RAII, also
// when an assertion fails.
#ifndef VNUM_TESTS_TRANSPORT_PROCESS_HPP
#define VNUM_TESTS_TRANSPORT_PROCESS_HPP

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
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
  // Starts argv[0] with its stdout and stderr on pipes. The child is killed if this process dies
  // first (PR_SET_PDEATHSIG), so that a test that crashes leaves no server behind; "first" means
  // the thread that started it, so start children from a thread that outlives them.
  explicit child(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pipe_pair exec_failed;  // closes on a successful exec (O_CLOEXEC); else carries errno
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("cannot start " + argv[0] + ": fork failed");
    if (pid_ == 0) {
      // Only async-signal-safe calls from here to exec: the parent may have threads.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(127);  // the parent died before the line above
      ::dup2(out_.write, STDOUT_FILENO);
      ::dup2(err_.write, STDERR_FILENO);
      // The child starts with SIGINT, SIGTERM and SIGPIPE at their defaults and nothing blocked.
      for (int sig : {SIGINT, SIGTERM, SIGPIPE}) ::signal(sig, SIG_DFL);
      sigset_t none;
      sigemptyset(&none);
      ::sigprocmask(SIG_SETMASK, &none, nullptr);
      ::execve(args[0], args.data(), environ);
      const int error = errno;
      (void)::write(exec_failed.write, &error, sizeof error);
      ::_exit(127);
    }
    out_.close_write();
    err_.close_write();
    exec_failed.close_write();
    int error = 0;
    ssize_t n;
    while ((n = ::read(exec_failed.read, &error, sizeof error)) < 0 && errno == EINTR) {
    }
    if (n == static_cast<ssize_t>(sizeof error)) {
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
      throw std::runtime_error("cannot start " + argv[0] + ": " + std::to_string(error));
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
