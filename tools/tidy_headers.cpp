// The translation unit clang-tidy reads the library through (tools/test.sh): every header, and
// every member of both clients instantiated over the fakes and the mock, so that templates are
// checked too.
#define VNUM_IMPLEMENTATION
#include <vnum/asio.hpp>
#include <vnum/fmt.hpp>
#include <vnum/ledger/postgres.hpp>
#include <vnum/ledger/sqlite.hpp>
#include <vnum/testing/async_adapter.hpp>
#include <vnum/testing/mock_transport.hpp>
#include <vnum/transport/beast.hpp>
#include <vnum/transport/curl.hpp>
#include <vnum/vnum.hpp>
#include <vnum/vnum_testing.hpp>

#include <boost/asio/detached.hpp>
#include <catch2/catch.hpp>
#include <catch2/trompeloeil.hpp>

template class vnum::cellcast::client<vnum::testing::fake_cellcast&>;
template class vnum::cellcast::client<vnum::testing::mock_transport&>;
template class vnum::identitycall::client<vnum::testing::fake_identitycall&>;
template class vnum::identitycall::client<vnum::testing::mock_transport&>;
template class vnum::cellcast::client<vnum::curl_transport>;
template class vnum::identitycall::client<vnum::curl_transport>;

template class vnum::cellcast::async_client<
    vnum::testing::async_adapter<vnum::testing::fake_cellcast&>>;
template class vnum::identitycall::async_client<
    vnum::testing::async_adapter<vnum::testing::fake_identitycall&>>;

// The asynchronous runner's templates, instantiated through one read, one write and one list.
void tidy_async(
    vnum::cellcast::async_client<vnum::testing::async_adapter<vnum::testing::fake_cellcast&>>&
        cellcast,
    vnum::identitycall::async_client<
        vnum::testing::async_adapter<vnum::testing::fake_identitycall&>>& identitycall) {
  cellcast.async_list_cards(boost::asio::detached);
  cellcast.async_unsubscribe_virtual_number("66ea98514f0c1a121c76ec17", boost::asio::detached);
  identitycall.async_list_operators(boost::asio::detached);
}

// <vnum/fmt.hpp>'s formatter, over a model type, an enum without operator<<, call_event and a
// result.
inline std::string tidy_format(const vnum::cellcast::purchase_request& r, vnum::errc c,
                               const vnum::call_event& e, const vnum::result<void>& v) {
  return fmt::format("{} {:>20} {} {}", r, c, e, v);
}

// beast_transport's operation, for a handler of any type.
inline void send_with_beast(vnum::beast_transport& t, const vnum::http::request& r,
                            vnum::http::any_send_handler h) {
  t.async_send(r, std::move(h));
}

// Intent keys on each store, and reconciliation.
template <class Ledger>
void tidy_intents(vnum::identitycall::client<vnum::testing::fake_identitycall&>& identitycall,
                  vnum::cellcast::client<vnum::testing::fake_cellcast&>& cellcast, Ledger& ledger) {
  (void)identitycall.purchase_number({}, vnum::once(ledger, "k"));
  (void)identitycall.create_operator({}, vnum::once(ledger, "k"));
  (void)identitycall.add_operator(1, {}, vnum::once(ledger, "k"));
  (void)cellcast.purchase_virtual_number({}, vnum::once(ledger, "k"));
  (void)cellcast.add_business_name({}, vnum::once(ledger, "k"));
  (void)vnum::identitycall::reconcile(identitycall, ledger);
  (void)vnum::cellcast::reconcile(cellcast, ledger);
}
template void tidy_intents(vnum::identitycall::client<vnum::testing::fake_identitycall&>&,
                           vnum::cellcast::client<vnum::testing::fake_cellcast&>&,
                           vnum::testing::memory_ledger&);
template void tidy_intents(vnum::identitycall::client<vnum::testing::fake_identitycall&>&,
                           vnum::cellcast::client<vnum::testing::fake_cellcast&>&,
                           vnum::sqlite_ledger&);
template void tidy_intents(vnum::identitycall::client<vnum::testing::fake_identitycall&>&,
                           vnum::cellcast::client<vnum::testing::fake_cellcast&>&,
                           vnum::postgres_ledger&);
