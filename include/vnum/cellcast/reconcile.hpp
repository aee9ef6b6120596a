// vnum — Cellcast: settling unsettled intents (<vnum/intent.hpp>), the twin of IdentityCall's.
//
// Cellcast documents no list of the account's virtual numbers or business names, so nothing here
// can show that a purchase or a request took effect: every unsettled Cellcast intent is left to a
// person, who checks Cellcast's dashboard and settles it (ledger::resolve or forget, or `vnumctl
// ledger resolve`). A custom number shows in list_custom_numbers(), but its creation answers with
// one of two messages (created, or an OTP sent) that the list does not tell apart, so that too is a
// person's to settle. This sends nothing.
// SPDX-License-Identifier: MIT
#ifndef VNUM_CELLCAST_RECONCILE_HPP
#define VNUM_CELLCAST_RECONCILE_HPP

#include <vnum/cellcast/client.hpp>
#include <vnum/error.hpp>
#include <vnum/http.hpp>
#include <vnum/intent.hpp>

#include <string>
#include <utility>
#include <vector>

namespace vnum::cellcast {

/// What a person checks for each unsettled Cellcast intent; the ledger is only read, and nothing
/// is sent. Every verdict is reconcile_verdict::needs_person, or reconcile_verdict::in_flight for a
/// pending intent with a live owner; intents of other providers are skipped. The client is not
/// used (Cellcast documents no list to check against): it is taken for the twin's signature.
/// @param ledger the ledger
/// @return one entry per unsettled Cellcast intent, oldest first; or the ledger's error from
///         unsettled()
template <http::transport T, ledger L>
result<std::vector<reconciled>> reconcile(client<T>&, L& ledger) {
  auto open = ledger.unsettled();
  if (!open) return open.error();
  std::vector<reconciled> out;
  for (const intent_record& r : *open) {
    if (!r.operation.starts_with("cellcast.")) continue;
    reconciled item{r.key, r.operation, reconcile_verdict::needs_person, {}};
    if (r.state == intent_state::pending && r.owner_alive) {
      item.verdict = reconcile_verdict::in_flight;
      item.detail = "its owner is still sending it (lease to " + to_iso8601(r.lease_until) + ")";
    } else if (r.operation == "cellcast.add_custom_number") {
      item.detail = "check list_custom_numbers() and the OTP state in Cellcast's dashboard";
    } else if (r.operation == "cellcast.add_business_name") {
      item.detail = "check the account's business names in Cellcast's dashboard";
    } else {
      item.detail = "check the account's virtual numbers in Cellcast's dashboard";
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace vnum::cellcast

#endif  // VNUM_CELLCAST_RECONCILE_HPP
