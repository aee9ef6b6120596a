// vnum-fake-server — cpp-httplib's server, with each connection's socket in reach of its handler,
// so that a handler can drop the connection without answering (an injected request_lost or
// response_lost): the client then sees the connection close with no byte of an answer.
//
// httplib::Server does not hand its handlers the socket. This server runs each accepted connection
// itself (the keep-alive loop of httplib's own process_and_close_socket, on a Stream of its own)
// and lets httplib parse requests and write answers (Server::process_request). A handler calls
// drop_connection(); the answer httplib then tries to write goes nowhere and the socket is closed.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_FAKE_SERVER_SERVER_HPP
#define VNUM_APPS_FAKE_SERVER_SERVER_HPP

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace vnum_fake_server {

// One accepted connection, as httplib's Stream.
class connection final : public httplib::Stream {
 public:
  connection(int sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  // Closes both directions now, without a byte of an answer.
  void drop() {
    if (dropped_) return;
    dropped_ = true;
    ::shutdown(sock_, SHUT_RDWR);
  }
  bool dropped() const { return dropped_; }

  // Waits up to timeout_ms for the next request, checking `running` every 50 ms.
  template <class Running>
  bool wait_for_request(int timeout_ms, Running running) {
    if (buffered() > 0) return true;
    for (int waited = 0; waited < timeout_ms; waited += 50) {
      if (!running()) return false;
      const int ready = poll_for(POLLIN, 50);
      if (ready < 0) return false;
      if (ready > 0) return true;
    }
    return false;
  }

  bool is_readable() const override {
    return buffered() > 0 || poll_for(POLLIN, read_timeout_ms_) > 0;
  }
  bool is_writable() const override {
    return !dropped_ && poll_for(POLLOUT, write_timeout_ms_) > 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (buffered() == 0) {
      if (dropped_ || poll_for(POLLIN, read_timeout_ms_) <= 0) return -1;
      ssize_t n;
      do n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
      while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    const size_t n = std::min(size, buffered());
    std::memcpy(ptr, buffer_.data() + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address(::getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address(::getsockname, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  size_t buffered() const { return end_ - begin_; }

  int poll_for(short events, int timeout_ms) const {
    pollfd p{sock_, events, 0};
    int n;
    do n = ::poll(&p, 1, timeout_ms);
    while (n < 0 && errno == EINTR);
    return n;
  }

  template <class Get>
  void address(Get get, std::string& ip, int& port) const {
    sockaddr_in a{};
    socklen_t len = sizeof a;
    if (get(sock_, reinterpret_cast<sockaddr*>(&a), &len) != 0 || a.sin_family != AF_INET) return;
    std::array<char, INET_ADDRSTRLEN> text{};
    if (::inet_ntop(AF_INET, &a.sin_addr, text.data(), text.size()) == nullptr) return;
    ip = text.data();
    port = ntohs(a.sin_port);
  }

  int sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  bool dropped_ = false;
  std::array<char, 4096> buffer_{};
  size_t begin_ = 0;
  size_t end_ = 0;
};

// A thread for each connection (httplib's ThreadPool has a fixed size, and a kept-alive connection
// holds its thread: clients that keep more connections open than the pool has threads would wait).
// Finished threads are joined as new ones start, and all of them at shutdown.
class thread_per_connection final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override {
    std::lock_guard lock(mutex_);
    for (auto it = running_.begin(); it != running_.end();) {
      if (it->done->load()) {
        it->thread.join();
        it = running_.erase(it);
      } else {
        ++it;
      }
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    running_.push_back({std::thread([fn = std::move(fn), done] {
                          fn();
                          done->store(true);
                        }),
                        done});
  }

  void shutdown() override {
    std::list<worker> all;
    {
      std::lock_guard lock(mutex_);
      all.swap(running_);
    }
    for (auto& w : all) w.thread.join();
  }

 private:
  struct worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
  };
  std::mutex mutex_;
  std::list<worker> running_;
};

class server : public httplib::Server {
 public:
  server() {
    new_task_queue = [] { return new thread_per_connection; };
  }

  // Once bound: lets the kernel queue as many connections as it allows. Debian's compiled httplib
  // listens with a backlog of 5, which drops a burst of clients connecting at once (an async client
  // starting a thousand operations) for seconds. httplib does not hand out its listening socket,
  // so it is found by its port; listen() again on it only changes the backlog.
  static void widen_backlog(int port) {
    for (int fd = 3; fd < 1024; ++fd) {
      int listening = 0;
      socklen_t size = sizeof listening;
      if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening)
        continue;
      sockaddr_in local{};
      socklen_t length = sizeof local;
      if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) == 0 &&
          local.sin_family == AF_INET && ntohs(local.sin_port) == port) {
        ::listen(fd, SOMAXCONN);
        return;
      }
    }
  }

  // Drops the connection of the request this thread is handling (see connection::drop).
  static void drop_connection() {
    if (current_ != nullptr) current_->drop();
  }

 private:
  // HTTP/1.1: a request without Content-Length or Transfer-Encoding has no body. httplib would
  // instead read a POST's body until the connection closes, so `curl -X POST URL` would hang.
  static void empty_body_by_default(httplib::Request& req) {
    if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
      req.set_header("Content-Length", "0");
  }

  // Runs on a worker thread of the server's pool for each accepted connection.
  bool process_and_close_socket(socket_t sock) override {
    // httplib writes the head and the body separately: without this, Nagle's algorithm holds the
    // body until the client's delayed ACK (40 ms a request).
    const int one = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    connection conn(sock, static_cast<int>(read_timeout_sec_ * 1000),
                    static_cast<int>(write_timeout_sec_ * 1000));
    current_ = &conn;
    bool ok = false;
    const auto running = [this] { return svr_sock_ != INVALID_SOCKET; };
    for (size_t served = 0; served < keep_alive_max_count_; ++served) {
      if (!conn.wait_for_request(static_cast<int>(keep_alive_timeout_sec_ * 1000), running)) break;
      bool closed = false;
      ok =
          process_request(conn, served + 1 == keep_alive_max_count_, closed, empty_body_by_default);
      if (!ok || closed || conn.dropped()) break;
    }
    current_ = nullptr;
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
  }

  static inline thread_local connection* current_ = nullptr;
};

}  // namespace vnum_fake_server

#endif  // VNUM_APPS_FAKE_SERVER_SERVER_HPP
