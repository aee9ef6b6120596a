// Logging every call with spdlog, and counting them (README, "Observing calls"): one line per
// attempt, with what came next, against the in-process fake.
#define VNUM_IMPLEMENTATION
#include <vnum/testing/fake_identitycall.hpp>
#include <vnum/vnum.hpp>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <map>
#include <string>

int main() {
  auto log = spdlog::stdout_logger_st("vnum");
  log->set_pattern("%l %v");
  std::map<std::string, int> calls;  // a metrics counter: attempts by operation and decision

  vnum::testing::fake_identitycall fake;
  fake.add_available("+15551234567", "US", "local");
  vnum::identitycall::config cfg;
  cfg.api_key = fake.api_key();
  cfg.observe = [&](const vnum::call_event& e) {
    const auto level = e.decision == vnum::call_decision::outcome_unknown ? spdlog::level::err
                       : e.error                                          ? spdlog::level::warn
                                                                          : spdlog::level::info;
    log->log(level, "{} {} attempt {} page {}: {} {} -> {} in {} us: {}", e.provider, e.operation,
             e.attempt, e.page, vnum::http::to_string(e.method), e.path, e.status,
             e.duration.count(), vnum::to_string(e.decision));
    ++calls[std::string(e.operation) + " " + std::string(vnum::to_string(e.decision))];
  };
  vnum::identitycall::client<vnum::testing::fake_identitycall&> client(fake, cfg);

  vnum::identitycall::purchase_request order;
  order.phone_number = "+15551234567";
  fake.fail_next(vnum::testing::fault::response_lost());
  (void)client.purchase_number(order);  // outcome_unknown: logged as an error
  (void)client.list_virtual_numbers();  // the reconciliation: the number is there
  for (const auto& [what, n] : calls) log->info("count {}: {}", what, n);
  return calls.size() == 2 ? 0 : 1;
}
