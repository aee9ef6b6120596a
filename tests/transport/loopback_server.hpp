// A TCP listener on 127.0.0.1 (a free port) that runs a test-written behavior on each connection it
// accepts, each on its own thread: answer properly, never answer, close mid-body, stream forever...
// Every wait is bounded, and the destructor stops the listener and every connection, then joins.
#ifndef VNUM_TESTS_TRANSPORT_LOOPBACK_SERVER_HPP
#define VNUM_TESTS_TRANSPORT_LOOPBACK_SERVER_HPP

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace loopback {

using namespace std::chrono_literals;

// A bound 127.0.0.1 socket on a free port; with listen() it accepts, without it nothing listens.
inline int bind_loopback(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    throw std::runtime_error("bind failed");
  }
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  port = ntohs(a.sin_port);
  return fd;
}

// A port on 127.0.0.1 where nothing listens (bound, then released).
inline int closed_port() {
  int port = 0;
  ::close(bind_loopback(port));
  return port;
}

class server;

// What a behavior gets: the connection, and bounded helpers that give up when the server stops.
class connection {
 public:
  connection(int fd, server& owner) : fd_(fd), owner_(owner) {}

  // One request: headers, then a body of Content-Length bytes. nullopt on EOF, error or stop.
  std::optional<std::string> read_request();
  // Whatever arrives first (at most 4 KiB), waiting up to 10 s; empty on EOF, error or stop.
  std::string read_some();
  // Writes everything; false if the peer went away or the server stops.
  bool send(std::string_view data);
  // Waits until the server stops or the peer closes (or `limit`).
  void idle(std::chrono::milliseconds limit = 60s);
  // Sleeps `d` unless the server stops first; false when it stopped.
  bool pause(std::chrono::milliseconds d);
  void close_now() { ::shutdown(fd_, SHUT_RDWR); }
  int fd() const { return fd_; }

 private:
  int wait(short events, int ms);
  int fd_;
  server& owner_;
  std::string pending_;  // bytes read past the last request
};

class server {
 public:
  using behavior = std::function<void(connection&)>;

  explicit server(behavior b, int backlog = 16) : behavior_(std::move(b)) {
    listener_ = bind_loopback(port_);
    if (::listen(listener_, backlog) != 0) throw std::runtime_error("listen failed");
    acceptor_ = std::thread([this] { accept_loop(); });
  }

  // A listener that never accepts: its queue fills, and later connects wait in SYN_SENT.
  struct no_accept_t {};
  explicit server(no_accept_t) {
    listener_ = bind_loopback(port_);
    if (::listen(listener_, 0) != 0) throw std::runtime_error("listen failed");
  }

  ~server() { stop(); }
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  void stop() {
    if (stopping_.exchange(true)) return;
    if (acceptor_.joinable()) acceptor_.join();
    {
      std::lock_guard lock(mutex_);
      for (int fd : open_) ::shutdown(fd, SHUT_RDWR);
    }
    for (auto& t : workers_) t.join();
    ::close(listener_);
  }

  int port() const { return port_; }
  std::string url(std::string_view path = "/x") const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }
  bool stopping() const { return stopping_; }
  int accepted() const { return accepted_; }
  int requests() const { return requests_; }
  // Every request received so far, in order.
  std::vector<std::string> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  void record(std::string request) {
    std::lock_guard lock(mutex_);
    received_.push_back(std::move(request));
    ++requests_;
  }

 private:
  void accept_loop() {
    while (!stopping_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      ++accepted_;
      std::lock_guard lock(mutex_);
      open_.push_back(fd);
      workers_.emplace_back([this, fd] {
        connection c(fd, *this);
        behavior_(c);
        ::shutdown(fd, SHUT_RDWR);
        ::close(fd);
        std::lock_guard inner(mutex_);
        std::erase(open_, fd);
      });
    }
  }

  behavior behavior_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::atomic<int> requests_{0};
  std::thread acceptor_;
  mutable std::mutex mutex_;
  std::vector<std::thread> workers_;
  std::vector<int> open_;
  std::vector<std::string> received_;
};

inline int connection::wait(short events, int ms) {
  for (int waited = 0; waited < ms && !owner_.stopping(); waited += 20) {
    pollfd p{fd_, events, 0};
    const int n = ::poll(&p, 1, 20);
    if (n < 0 && errno != EINTR) return -1;
    if (n > 0) return n;
  }
  return 0;
}

inline std::optional<std::string> connection::read_request() {
  std::string data = std::move(pending_);
  pending_.clear();
  auto complete = [&]() -> std::optional<std::size_t> {
    const auto end = data.find("\r\n\r\n");
    if (end == std::string::npos) return std::nullopt;
    std::size_t length = 0;
    std::string_view head(data.data(), end);
    for (std::size_t pos = 0; pos < head.size();) {
      auto eol = head.find("\r\n", pos);
      if (eol == std::string_view::npos) eol = head.size();
      std::string_view line = head.substr(pos, eol - pos);
      constexpr std::string_view cl = "content-length:";
      if (line.size() > cl.size()) {
        std::string lower(line.substr(0, cl.size()));
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == cl) length = std::stoul(std::string(line.substr(cl.size())));
      }
      pos = eol + 2;
    }
    if (data.size() < end + 4 + length) return std::nullopt;
    return end + 4 + length;
  };
  while (true) {
    if (auto size = complete()) {
      pending_ = data.substr(*size);
      data.resize(*size);
      owner_.record(data);
      return data;
    }
    if (wait(POLLIN, 10'000) <= 0) return std::nullopt;
    char buffer[4096];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return std::nullopt;
    data.append(buffer, static_cast<std::size_t>(n));
  }
}

inline std::string connection::read_some() {
  if (wait(POLLIN, 10'000) <= 0) return {};
  char buffer[4096];
  const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
  if (n <= 0) return {};
  return std::string(buffer, static_cast<std::size_t>(n));
}

inline bool connection::send(std::string_view data) {
  while (!data.empty()) {
    if (wait(POLLOUT, 10'000) <= 0) return false;
    const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

inline void connection::idle(std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!owner_.stopping() && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 20) > 0) {
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return;  // the peer went away
    }
  }
}

inline bool connection::pause(std::chrono::milliseconds d) {
  const auto deadline = std::chrono::steady_clock::now() + d;
  while (std::chrono::steady_clock::now() < deadline) {
    if (owner_.stopping()) return false;
    std::this_thread::sleep_for(5ms);
  }
  return !owner_.stopping();
}

// "HTTP/1.1 <status>" with the headers given, a Content-Length and the body.
inline std::string answer(int status, std::string_view body = "",
                          std::string_view headers = "Content-Type: application/json\r\n") {
  return "HTTP/1.1 " + std::to_string(status) + " Status\r\n" + std::string(headers) +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

}  // namespace loopback

#endif  // VNUM_TESTS_TRANSPORT_LOOPBACK_SERVER_HPP
