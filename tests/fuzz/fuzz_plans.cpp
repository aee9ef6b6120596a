// The plans over any sequence of answers: IdentityCall's list plan (pages, retries) and a write
// plan always end, within a bound set by the answers they are given, in a typed result or a typed
// error; a write never sends twice; no error carries the API key; cancel() ends any plan at once.
// A purchase with an intent key sends at most once, keeps no API key in the ledger, and its key
// sent again sends nothing unless the key was given back, and answers what the first call did.
#define VNUM_IMPLEMENTATION
#include <vnum/identitycall/plan.hpp>
#include <vnum/testing/memory_ledger.hpp>
#include <vnum/vnum.hpp>  // the compiled part: this is the one VNUM_IMPLEMENTATION unit

#include "fuzz_input.hpp"

#include <cstdlib>
#include <string>
#include <vector>

namespace {

const std::string key = "idc_fuzz0123456789abcdefghijklmnopq";

// The field as an answer: empty is a lost connection, else a status (two bytes) and a body.
vnum::result<vnum::http::response> answer_of(const std::string& field) {
  if (field.empty()) return vnum::make_error(vnum::errc::transport, "connection refused");
  const auto [status, body] =
      fuzz::split_answer(reinterpret_cast<const std::uint8_t*>(field.data()), field.size());
  return vnum::http::response{status, {{"retry-after", "1"}}, std::string(body)};
}

template <class Plan>
auto run(Plan plan, const std::vector<std::string>& answers, std::size_t cancel_at,
         std::size_t max_sends) {
  std::size_t sends = 0;
  std::size_t steps = 0;
  vnum::next_action a = plan.start();
  while (!a.is_done()) {
    if (++steps == cancel_at) {
      a = plan.cancel();
      if (!a.is_done()) std::abort();  // cancel() ends a plan at once
      break;
    }
    if (a.is_wait()) {
      a = plan.on_waited();
      continue;
    }
    if (++sends > max_sends) std::abort();  // more sends than the answers and retries allow
    a = plan.on_answer(answer_of(sends <= answers.size() ? answers[sends - 1] : std::string()));
  }
  auto r = plan.take_result();
  if (!r && (r.error().message.find(key) != std::string::npos ||
             r.error().provider_message.find(key) != std::string::npos))
    std::abort();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The first field steers: its first byte is the step at which the runner cancels (0: never);
  // each further field is one answer.
  auto answers = fuzz::split_fields(data, size, 1);
  const std::size_t cancel_at =
      answers.front().empty() ? 0 : static_cast<unsigned char>(answers.front()[0]) % 64u;
  answers.erase(answers.begin());
  namespace ic = vnum::identitycall;
  ic::config cfg;
  cfg.api_key = key;
  cfg.retry.max_attempts = 3;
  // Every answer is read once; past them each page gets its three attempts before the list ends.
  run(ic::plans::list_virtual_numbers(cfg), answers, cancel_at, answers.size() + 3);
  ic::purchase_request order;
  order.phone_number = "+15551234567";
  run(ic::plans::purchase_number(cfg, order), answers, cancel_at, 1);  // a write: one send

  vnum::testing::memory_ledger ledger;
  auto first =
      run(ic::plans::purchase_number(cfg, order, vnum::once(ledger, "k")), answers, cancel_at, 1);
  auto held = ledger.find("k");
  if (!held) std::abort();
  const bool given_back = !held->has_value();
  if (!given_back && ((*held)->answer_body.find(key) != std::string::npos ||
                      (*held)->refusal.message.find(key) != std::string::npos ||
                      (*held)->fingerprint.find(key) != std::string::npos))
    std::abort();  // the ledger keeps no API key
  auto again = run(ic::plans::purchase_number(cfg, order, vnum::once(ledger, "k")), answers, 0,
                   given_back ? 1 : 0);
  if (!given_back && ((*held)->state == vnum::intent_state::refused ||
                      ((*held)->state == vnum::intent_state::succeeded &&
                       (*held)->answer_body.find("[redacted]") == std::string::npos)))
    if (!(again == first)) std::abort();  // a settled key answers what the first call did
  return 0;
}
