// Example user code: a provisioning service that buys a Cellcast number for a customer and
// registers the customer's own mobile as a sender ID, releasing the number again if registration
// fails. Its tests (provisioning_test.cpp) run it against vnum's fake Cellcast, one fault at a
// time.
#ifndef PROVISIONING_HPP
#define PROVISIONING_HPP

#include <vnum/vnum.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace provisioning {

struct order {
  std::string number_id;    // the virtual number to buy
  std::string product;      // its monthly product
  std::string card;         // the customer's card on file
  std::string sender_name;  // the sender ID's name
  std::string sender_mobile;
};

enum class status {
  ready,                 // number bought, sender ID registered
  awaiting_otp,          // number bought; the customer must confirm the OTP sent to their mobile
  not_bought,            // failed before anything was charged
  released,              // bought, registration failed, and the number was released again
  retry_later,           // the provider asked us to slow down; nothing was bought
  needs_reconciliation,  // something may have been charged: a human (or a job) must check
};

struct outcome {
  provisioning::status status;
  std::string detail;
  std::optional<std::chrono::seconds> retry_after;
};

template <vnum::http::transport T>
class provisioner {
 public:
  provisioner(T transport, vnum::cellcast::config cfg)
      : cellcast_(std::forward<T>(transport), std::move(cfg)) {}

  outcome provision(const order& o) {
    auto bought = cellcast_.purchase_virtual_number(
        {o.card, o.product, o.number_id, vnum::cellcast::billing_cycle::month});
    if (!bought) return purchase_failed(bought.error());

    auto sender = cellcast_.add_custom_number({o.sender_name, o.sender_mobile});
    if (sender) {
      if (sender->otp_required) return {status::awaiting_otp, sender->message, {}};
      return {status::ready, sender->message, {}};
    }
    // It may have been registered all the same: look before giving up on it.
    if (sender.error().code == vnum::errc::outcome_unknown && is_listed(o.sender_mobile))
      return {status::ready, "registered (found on the account after an unknown outcome)", {}};
    // Never keep paying for a number the customer cannot use.
    auto released = cellcast_.unsubscribe_virtual_number(o.number_id);
    if (released) return {status::released, vnum::to_string(sender.error()), {}};
    return {status::needs_reconciliation,
            "registration failed (" + vnum::to_string(sender.error()) +
                ") and releasing the number failed (" + vnum::to_string(released.error()) + ")",
            {}};
  }

  outcome confirm(const order& o, const std::string& otp) {
    auto verified = cellcast_.verify_custom_number({o.sender_name, o.sender_mobile, otp});
    if (!verified) return {status::awaiting_otp, vnum::to_string(verified.error()), {}};
    return {status::ready, verified->message, {}};
  }

 private:
  // Whether the account lists the mobile as a custom number (listed as digits without '+').
  bool is_listed(const std::string& mobile) {
    auto e164 = vnum::phone::normalize_au(mobile);
    auto listed = cellcast_.list_custom_numbers();
    if (!e164 || !listed) return false;
    for (const auto& n : *listed)
      if ("+" + n.number == *e164) return true;
    return false;
  }

  static outcome purchase_failed(const vnum::error& e) {
    switch (e.code) {
      case vnum::errc::outcome_unknown:  // vnum reports a 5xx on a purchase this way too
        return {status::needs_reconciliation, vnum::to_string(e), {}};
      case vnum::errc::rate_limited:
        return {status::retry_later, vnum::to_string(e), e.retry_after};
      default:
        return {status::not_bought, vnum::to_string(e), {}};
    }
  }

  vnum::cellcast::client<T> cellcast_;
};

}  // namespace provisioning

#endif  // PROVISIONING_HPP
