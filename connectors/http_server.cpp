#include "http_server.h"

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <thread>

namespace llmopt {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kIdleTimeout = std::chrono::seconds(60);

// One connection: plain TCP (Stream = beast::tcp_stream) or TLS
// (Stream = beast::ssl_stream<beast::tcp_stream>, handshake first).
template <typename Stream> class Session : public std::enable_shared_from_this<Session<Stream>> {
public:
    template <typename... StreamArgs>
    Session(const HttpServer::Handler& handler, size_t maxBody, StreamArgs&&... args)
        : m_stream(std::forward<StreamArgs>(args)...)
        , m_handler(handler)
        , m_maxBody(maxBody)
    {
        // Beast reads at most what the buffer can take without growing: a small
        // buffer means a system call and a timer update per few hundred bytes
        // of an OTLP batch. 64 KiB is the most it reads at once anyway.
        m_buffer.reserve(64 * 1024);
    }

    void run()
    {
        asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
            if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
                self->read();
            } else {
                beast::get_lowest_layer(self->m_stream).expires_after(kIdleTimeout);
                self->m_stream.async_handshake(asio::ssl::stream_base::server,
                                               [self](beast::error_code ec) {
                                                   if (!ec)
                                                       self->read();
                                               });
            }
        });
    }

private:
    void close()
    {
        beast::error_code ignored;
        beast::get_lowest_layer(m_stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
    }

    void read()
    {
        m_parser.emplace();
        m_parser->body_limit(m_maxBody);
        m_parser->header_limit(64 * 1024);
        beast::get_lowest_layer(m_stream).expires_after(kIdleTimeout);
        http::async_read(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](beast::error_code ec, size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        if (ec == http::error::body_limit) {
            HttpResponse tooLarge{
                413, "text/plain", "request body exceeds the configured limit\n", {}};
            send(tooLarge, 11, false);
            return;
        }
        if (ec) { // closed, timed out or unparseable: nothing to answer
            close();
            return;
        }
        auto request = m_parser->release();
        HttpRequest r;
        r.method = std::string(request.method_string());
        r.target = std::string(request.target());
        r.contentType = std::string(request[http::field::content_type]);
        r.contentEncoding = std::string(request[http::field::content_encoding]);
        r.authorization = std::string(request[http::field::authorization]);
        for (const auto& field : request) {
            std::string name(field.name_string());
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            r.headers.emplace_back(std::move(name), std::string(field.value()));
        }
        r.body = std::move(request.body());
        HttpResponse response;
        try {
            response = m_handler(r);
        } catch (const std::exception& e) {
            response = {500, "text/plain", std::string("internal error: ") + e.what() + "\n", {}};
        }
        send(response, request.version(), request.keep_alive());
    }

    void send(const HttpResponse& r, unsigned version, bool keepAlive)
    {
        auto response = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(r.status), version);
        response->set(http::field::server, "llm-optimizer");
        response->set(http::field::content_type, r.contentType);
        for (const auto& [name, value] : r.headers)
            response->set(name, value);
        response->keep_alive(keepAlive);
        response->body() = r.body;
        response->prepare_payload();
        http::async_write(
            m_stream, *response,
            [self = this->shared_from_this(), response, keepAlive](beast::error_code ec, size_t) {
                if (ec || !keepAlive) {
                    self->close();
                    return;
                }
                self->read();
            });
    }

    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    const HttpServer::Handler& m_handler;
    size_t m_maxBody;
};

} // namespace

struct HttpServer::Impl {
    Options options;
    Handler handler;
    asio::io_context io;
    std::optional<tcp::acceptor> acceptor;
    std::optional<asio::ssl::context> tls; // set when a certificate is configured
    std::vector<std::thread> threads;
    uint16_t port = 0;

    void accept()
    {
        acceptor->async_accept(
            asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
                if (ec == asio::error::operation_aborted)
                    return;
                if (!ec && tls)
                    std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
                        handler, options.maxBodyBytes, std::move(socket), *tls)
                        ->run();
                else if (!ec)
                    std::make_shared<Session<beast::tcp_stream>>(handler, options.maxBodyBytes,
                                                                 std::move(socket))
                        ->run();
                accept();
            });
    }
};

HttpServer::HttpServer(Options options, Handler handler)
    : d(std::make_unique<Impl>())
{
    d->options = std::move(options);
    d->handler = std::move(handler);
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::start()
{
    const std::string where = d->options.address + ":" + std::to_string(d->options.port);
    beast::error_code ec;
    if (!d->options.tlsCertificateFile.empty() || !d->options.tlsPrivateKeyFile.empty()) {
        asio::ssl::context tls(asio::ssl::context::tls_server);
        tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2
                        | asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1
                        | asio::ssl::context::no_tlsv1_1);
        tls.use_certificate_chain_file(d->options.tlsCertificateFile, ec);
        if (ec)
            throw std::runtime_error("cannot load the TLS certificate \""
                                     + d->options.tlsCertificateFile + "\" (" + ec.message()
                                     + ") — check " + d->options.settingName + ".tls_certificate");
        tls.use_private_key_file(d->options.tlsPrivateKeyFile, asio::ssl::context::pem, ec);
        if (ec)
            throw std::runtime_error("cannot load the TLS private key \""
                                     + d->options.tlsPrivateKeyFile + "\" (" + ec.message()
                                     + ") — check " + d->options.settingName + ".tls_private_key");
        d->tls.emplace(std::move(tls));
    }
    const auto address = asio::ip::make_address(d->options.address, ec);
    if (ec)
        throw std::runtime_error("\"" + d->options.address + "\" is not an IP address — change "
                                 + d->options.settingName + ".address");
    tcp::acceptor acceptor(d->io);
    const tcp::endpoint endpoint(address, d->options.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (ec == asio::error::address_in_use)
        throw std::runtime_error("port " + std::to_string(d->options.port) + " is in use — change "
                                 + d->options.settingName + ".port or stop the other program");
    if (ec == asio::error::access_denied)
        throw std::runtime_error("not allowed to listen on " + where
                                 + " — choose a port above 1023 in " + d->options.settingName
                                 + ".port");
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
    d->port = acceptor.local_endpoint().port();
    d->acceptor.emplace(std::move(acceptor));
    d->accept();
    for (int i = 0; i < std::max(1, d->options.threads); ++i)
        d->threads.emplace_back([this] { d->io.run(); });
}

void HttpServer::stop()
{
    if (d->threads.empty())
        return;
    asio::post(d->io, [this] {
        beast::error_code ignored;
        d->acceptor->close(ignored);
    });
    d->io.stop();
    for (std::thread& t : d->threads)
        t.join();
    d->threads.clear();
    d->acceptor.reset();
}

bool HttpServer::isRunning() const
{
    return !d->threads.empty();
}

uint16_t HttpServer::port() const
{
    return d->port;
}

} // namespace llmopt
