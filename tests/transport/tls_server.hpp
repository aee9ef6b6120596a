// A TLS server on 127.0.0.1 (a free port) for the transports' certificate tests, and the test's own
// PKI made at run time with OpenSSL: a CA, and a server certificate it signs for the names asked
// for. The server answers every request with one fixed answer, keeping the connection alive, on
// its own thread; it counts handshakes and requests. The destructor stops it and joins.
#ifndef VNUM_TESTS_TRANSPORT_TLS_SERVER_HPP
#define VNUM_TESTS_TRANSPORT_TLS_SERVER_HPP

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace tls_test {

struct key_free {
  void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
struct cert_free {
  void operator()(X509* c) const noexcept { X509_free(c); }
};
using key_ptr = std::unique_ptr<EVP_PKEY, key_free>;
using cert_ptr = std::unique_ptr<X509, cert_free>;

inline void need(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("OpenSSL: ") + what + " failed");
}

inline key_ptr make_key() {
  key_ptr k(EVP_EC_gen("P-256"));
  need(k != nullptr, "EVP_EC_gen");
  return k;
}

inline void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  need(ext != nullptr, "X509V3_EXT_conf_nid");
  need(X509_add_ext(cert, ext, -1) == 1, "X509_add_ext");
  X509_EXTENSION_free(ext);
}

// A certificate for `key` named `common_name`, valid from an hour ago for a day, signed by
// `issuer_key` (self-signed when issuer is null). A CA when `alt_names` is empty.
inline cert_ptr make_cert(EVP_PKEY* key, const std::string& common_name, X509* issuer,
                          EVP_PKEY* issuer_key, const std::string& alt_names, long serial) {
  cert_ptr cert(X509_new());
  need(cert != nullptr, "X509_new");
  X509* c = cert.get();
  need(X509_set_version(c, 2) == 1, "X509_set_version");
  need(ASN1_INTEGER_set(X509_get_serialNumber(c), serial) == 1, "ASN1_INTEGER_set");
  need(X509_gmtime_adj(X509_getm_notBefore(c), -3600) != nullptr, "notBefore");
  need(X509_gmtime_adj(X509_getm_notAfter(c), 86400) != nullptr, "notAfter");
  need(X509_set_pubkey(c, key) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(c);
  need(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                  reinterpret_cast<const unsigned char*>(common_name.c_str()), -1,
                                  -1, 0) == 1,
       "X509_NAME_add_entry_by_txt");
  X509* signer = issuer != nullptr ? issuer : c;
  need(X509_set_issuer_name(c, X509_get_subject_name(signer)) == 1, "X509_set_issuer_name");
  add_extension(c, signer, NID_subject_key_identifier, "hash");
  if (alt_names.empty()) {
    add_extension(c, signer, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(c, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(c, signer, NID_authority_key_identifier, "keyid:always");
    add_extension(c, signer, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(c, signer, NID_key_usage, "critical,digitalSignature");
    add_extension(c, signer, NID_ext_key_usage, "serverAuth");
    add_extension(c, signer, NID_subject_alt_name, alt_names.c_str());
  }
  need(X509_sign(c, issuer_key, EVP_sha256()) > 0, "X509_sign");
  return cert;
}

inline void write_pem(const std::string& path, X509* cert) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  need(f != nullptr, "fopen");
  const bool ok = PEM_write_X509(f, cert) == 1;
  std::fclose(f);
  need(ok, "PEM_write_X509");
}

// The test's CA, written to `ca_file` for the transports' options::ca_file, and a server
// certificate it signs for `alt_names` ("IP:127.0.0.1,DNS:localhost").
struct pki {
  pki(const std::string& ca_path, const std::string& alt_names)
      : ca_file(ca_path),
        ca_key(make_key()),
        ca(make_cert(ca_key.get(), "vnum test CA", nullptr, ca_key.get(), "", 1)),
        server_key(make_key()),
        server(
            make_cert(server_key.get(), "vnum test server", ca.get(), ca_key.get(), alt_names, 2)) {
    write_pem(ca_file, ca.get());
  }
  std::string ca_file;
  key_ptr ca_key;
  cert_ptr ca;
  key_ptr server_key;
  cert_ptr server;
};

class server {
 public:
  server(const pki& p, std::string answer) : answer_(std::move(answer)) {
    SSL_CTX* ctx = tls_.native_handle();
    need(SSL_CTX_use_certificate(ctx, p.server.get()) == 1, "SSL_CTX_use_certificate");
    need(SSL_CTX_use_PrivateKey(ctx, p.server_key.get()) == 1, "SSL_CTX_use_PrivateKey");
    acceptor_.open(boost::asio::ip::tcp::v4());
    acceptor_.bind({boost::asio::ip::address_v4::loopback(), 0});
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~server() { stop(); }
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  void stop() {
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }

  int port() const { return port_; }
  std::string url(std::string_view host = "127.0.0.1", std::string_view path = "/x") const {
    return "https://" + std::string(host) + ":" + std::to_string(port_) + std::string(path);
  }
  int handshakes() const { return handshakes_; }
  int failed_handshakes() const { return failed_handshakes_; }
  int accepted() const { return accepted_; }
  int requests() const { return requests_; }
  // The server name (SNI) of the last handshake; empty when the client sent none.
  std::string server_name() const {
    std::lock_guard lock(mutex_);
    return server_name_;
  }

 private:
  using stream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;
  struct session {
    explicit session(stream s) : tls(std::move(s)) {}
    stream tls;
    boost::beast::flat_buffer buffer;
    boost::beast::http::request<boost::beast::http::string_body> request;
  };

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec,
                                  boost::asio::ip::tcp::socket socket) {
      if (ec) return;
      ++accepted_;
      auto s = std::make_shared<session>(stream(std::move(socket), tls_));
      s->tls.async_handshake(
          boost::asio::ssl::stream_base::server, [this, s](boost::system::error_code hs) {
            if (hs) {
              ++failed_handshakes_;
              return;
            }
            ++handshakes_;
            const char* sni = SSL_get_servername(s->tls.native_handle(), TLSEXT_NAMETYPE_host_name);
            {
              std::lock_guard lock(mutex_);
              server_name_ = sni != nullptr ? sni : "";
            }
            serve(s);
          });
      accept();
    });
  }

  void serve(const std::shared_ptr<session>& s) {
    s->request = {};
    boost::beast::http::async_read(
        s->tls, s->buffer, s->request, [this, s](boost::system::error_code ec, std::size_t) {
          if (ec) return;
          ++requests_;
          boost::asio::async_write(s->tls, boost::asio::buffer(answer_),
                                   [this, s](boost::system::error_code wec, std::size_t) {
                                     if (!wec) serve(s);
                                   });
        });
  }

  std::string answer_;
  boost::asio::io_context io_;
  boost::asio::ssl::context tls_{boost::asio::ssl::context::tls_server};
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  int port_ = 0;
  std::atomic<int> accepted_{0};
  std::atomic<int> handshakes_{0};
  std::atomic<int> failed_handshakes_{0};
  std::atomic<int> requests_{0};
  mutable std::mutex mutex_;
  std::string server_name_;
  std::thread thread_;
};

}  // namespace tls_test

#endif  // VNUM_TESTS_TRANSPORT_TLS_SERVER_HPP
