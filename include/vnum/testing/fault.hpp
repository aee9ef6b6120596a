// vnum — faults that the fake providers inject into the next matching request, so that users can
// test how their code handles each way a call can fail.
// SPDX-License-Identifier: MIT
#ifndef VNUM_TESTING_FAULT_HPP
#define VNUM_TESTING_FAULT_HPP

#include <chrono>
#include <optional>

namespace vnum::testing {

/// A failure that a fake provider injects into the next matching request.
///
/// Arm it with fake_cellcast::fail_next() or fake_identitycall::fail_next() (inherited from the
/// fakes' common base): `fail_next(f)` for the next request, `fail_next(f, route)` for the next
/// request to that route. Each armed fault fires once, in the order armed.
///
/// @code
/// fake.fail_next(vnum::testing::fault::response_lost());  // the next request takes effect,
///                                                          // its answer is errc::outcome_unknown
/// fake.fail_next(vnum::testing::fault::status(429).retry_after(std::chrono::seconds(7)));
/// @endcode
class fault {
 public:
  /// How the request fails.
  enum class kind {
    request_lost,   ///< Never reaches the provider: state unchanged, errc::transport.
    response_lost,  ///< The provider applies it, the answer is lost: errc::outcome_unknown.
    status,         ///< The provider answers this HTTP status with its own body, changing nothing.
  };

  /// The request never reaches the provider (nor the fake's journal).
  /// @return a fault of kind::request_lost.
  static fault request_lost() { return fault(kind::request_lost, 0); }
  /// The provider applies the request, but its answer is lost.
  /// @return a fault of kind::response_lost.
  static fault response_lost() { return fault(kind::response_lost, 0); }
  /// The provider answers `http_status` with its own error body, changing nothing.
  ///
  /// 401 is the provider's "token expired"; 429 carries Retry-After (see retry_after()).
  /// @param http_status the status to answer, e.g. 401, 429, 500 or 503.
  /// @return a fault of kind::status.
  static fault status(int http_status) { return fault(kind::status, http_status); }

  /// Sets the Retry-After the provider sends with status(429) (default 30 s).
  /// @param s the delay the answer's Retry-After header carries.
  /// @return `*this`, for chaining: `fault::status(429).retry_after(7s)`.
  fault& retry_after(std::chrono::seconds s) {
    retry_after_ = s;
    return *this;
  }

  /// @return the kind of failure.
  kind type() const noexcept { return kind_; }
  /// @return the status of a kind::status fault; 0 for the other kinds.
  int http_status() const noexcept { return status_; }
  /// @return the Retry-After a status(429) answer carries.
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }

 private:
  fault(kind k, int s) : kind_(k), status_(s) {}
  kind kind_;
  int status_;
  std::chrono::seconds retry_after_{30};
};

}  // namespace vnum::testing

#endif  // VNUM_TESTING_FAULT_HPP
