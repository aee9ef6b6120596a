// vnum — faults that the fake providers inject into the next matching request, so that users can
// test how their code handles each way a call can fail.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_FAULT_HPP
#define VNUM_TESTING_FAULT_HPP

#include <chrono>
#include <optional>

namespace vnum::testing {

class fault {
 public:
  enum class kind {
    request_lost,   // never reaches the provider: state unchanged, the client sees errc::transport
    response_lost,  // the provider applies it, the answer is lost: errc::outcome_unknown
    status,         // the provider answers this HTTP status with its own body, changing nothing
  };

  static fault request_lost() { return fault(kind::request_lost, 0); }
  static fault response_lost() { return fault(kind::response_lost, 0); }
  // 401 is the provider's "token expired"; 429 carries Retry-After (see retry_after()).
  static fault status(int http_status) { return fault(kind::status, http_status); }

  // For status(429): the Retry-After the provider sends (default 30 s).
  fault& retry_after(std::chrono::seconds s) {
    retry_after_ = s;
    return *this;
  }

  kind type() const noexcept { return kind_; }
  int http_status() const noexcept { return status_; }
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }

 private:
  fault(kind k, int s) : kind_(k), status_(s) {}
  kind kind_;
  int status_;
  std::chrono::seconds retry_after_{30};
};

}  // namespace vnum::testing

#endif  // VNUM_TESTING_FAULT_HPP
