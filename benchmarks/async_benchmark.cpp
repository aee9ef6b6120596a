// Group "async": what async_client<T> adds around the sans-I/O functions. vnum is
// async_client<posting_transport>::async_<name>(request, callback) and one io_context::run; the
// baseline makes the same steps by hand (build_*, the same transport's async_send, parse_* in the
// callback), as a user with their own Asio loop would. Both sides pay for one posted completion.
#include <vnum/asio.hpp>
#include <vnum/http.hpp>

#include "../tests/cellcast/examples.hpp"
#include "../tests/identitycall/examples.hpp"
#include "registry.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace cc = vnum::cellcast;
namespace ic = vnum::identitycall;
namespace http = vnum::http;

// Answers every request with the same response from memory, completing through the executor.
struct posting_transport {
  asio::io_context* io;
  http::response answer;

  asio::any_io_executor get_executor() const { return io->get_executor(); }

  template <class Token>
  auto async_send(const http::request&, Token&& token) {
    return asio::async_initiate<Token, http::send_signature>(
        [this](auto handler) {
          asio::post(*io, [h = std::move(handler), a = answer]() mutable {
            std::move(h)(vnum::result<http::response>(std::move(a)));
          });
        },
        token);
  }
};

// Runs one asynchronous call to its end and returns what it completed with.
template <class R, class Start>
R run_one(asio::io_context& io, Start start) {
  std::optional<R> out;
  start([&out](R r) { out.emplace(std::move(r)); });
  io.restart();
  io.run();
  return std::move(*out);
}

template <class VnumCall, class BaselineCall>
void add_async_pair(bench::registry& cases, const std::string& name, VnumCall vnum_call,
                    BaselineCall baseline_call) {
  const std::string pair = "async/" + name;
  bench::check_same(cases, pair, vnum_call(), baseline_call());
  bench::add_pair(cases, pair, vnum_call, baseline_call);
}

// The fixture of one pair: its io_context, transport and client, shared by both sides.
template <class Client>
struct fixture {
  asio::io_context io;
  posting_transport transport;
  std::optional<Client> client;
};

}  // namespace

namespace bench {

void add_async_cases(registry& cases) {
  // A creating write: Cellcast's purchase and its documented 200.
  {
    using client_type = cc::async_client<posting_transport&>;
    auto f = std::make_shared<fixture<client_type>>();
    f->transport = {&f->io,
                    {200,
                     {{"content-type", "application/json"}},
                     std::string(cellcast_examples::purchase_200)}};
    cc::config cfg;
    cfg.api_key = "ck_bench_0123456789abcdef0123456789abcdef";
    cfg.products.add("66ea98514f0c1a121c76ec17", {"prod_PFdN753rT3lNFW", "prod_YEARLY"});
    f->client.emplace(f->transport, cfg);
    const cc::purchase_request purchase{"card_1SQmzoGOdUwLPbU6ll0QwsyH", "prod_PFdN753rT3lNFW",
                                        "66ea98514f0c1a121c76ec17", cc::billing_cycle::month};
    using R = vnum::result<cc::purchase_receipt>;
    add_async_pair(
        cases, "cellcast_purchase_virtual_number",
        [f, purchase] {
          return run_one<R>(f->io, [&](auto done) {
            f->client->async_purchase_virtual_number(purchase, std::move(done));
          });
        },
        [f, cfg, purchase] {
          return run_one<R>(f->io, [&](auto done) {
            auto built = std::make_unique<vnum::result<http::request>>(
                cc::build_purchase_virtual_number(cfg, purchase));
            if (!*built) return done(R(built->error()));
            const http::request& request = **built;
            f->transport.async_send(request, [built = std::move(built), done = std::move(done)](
                                                 vnum::result<http::response> answer) mutable {
              if (!answer) return done(R(answer.error()));
              done(cc::parse_purchase_virtual_number(*answer));
            });
          });
        });
  }
  // A read, through config::retry (off): IdentityCall's get operator and its documented 200.
  {
    using client_type = ic::async_client<posting_transport&>;
    auto f = std::make_shared<fixture<client_type>>();
    f->transport = {&f->io,
                    {200,
                     {{"content-type", "application/json"}},
                     std::string(identitycall_examples::get_operator_200)}};
    ic::config cfg;
    cfg.api_key = "idc_0123456789abcdef0123456789abcdef";
    f->client.emplace(f->transport, cfg);
    using R = vnum::result<ic::operator_detail>;
    add_async_pair(
        cases, "identitycall_get_operator",
        [f] {
          return run_one<R>(f->io,
                            [&](auto done) { f->client->async_get_operator(12, std::move(done)); });
        },
        [f, cfg] {
          return run_one<R>(f->io, [&](auto done) {
            auto built =
                std::make_unique<vnum::result<http::request>>(ic::build_get_operator(cfg, 12));
            if (!*built) return done(R(built->error()));
            const http::request& request = **built;
            f->transport.async_send(request, [built = std::move(built), done = std::move(done)](
                                                 vnum::result<http::response> answer) mutable {
              if (!answer) return done(R(answer.error()));
              done(ic::parse_get_operator(*answer));
            });
          });
        });
  }
}

}  // namespace bench
