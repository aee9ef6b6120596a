// Runs a program to completion, as a shell would: its arguments, an environment of our choosing,
// stdout and stderr read together (poll, so that neither pipe can fill and stall it), a deadline
// after which it is killed, and its exit code.
#ifndef VNUM_TESTS_TRANSPORT_VNUMCTL_RUN_HPP
#define VNUM_TESTS_TRANSPORT_VNUMCTL_RUN_HPP

#include "../process.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace proc {

struct outcome {
  int exit_code = -1;  // -1: killed at the deadline, or did not exit normally
  std::string out;
  std::string err;
};

// Runs argv (argv[0] a path) with exactly the environment `env` ("NAME=value" entries) and no
// stdin; kills it if it has not exited after `limit`.
inline outcome run(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                   std::chrono::milliseconds limit = 20s) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  pipe_pair out;
  pipe_pair err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, &attr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  out.close_write();
  err.close_write();
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::to_string(rc));

  outcome result;
  const auto deadline = clock::now() + limit;
  bool out_open = true;
  bool err_open = true;
  char buffer[4096];
  while ((out_open || err_open) && clock::now() < deadline) {
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
    const int ready = ::poll(fds, 2, static_cast<int>(std::max<long long>(left.count(), 1)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    for (int i = 0; i < 2; ++i) {
      bool& open = i == 0 ? out_open : err_open;
      if (!open || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        open = false;
        continue;
      }
      (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
    }
  }

  int status = 0;
  while (true) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) return result;
    if (clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return result;  // exit_code stays -1
    }
    std::this_thread::sleep_for(5ms);
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace proc

#endif  // VNUM_TESTS_TRANSPORT_VNUMCTL_RUN_HPP
