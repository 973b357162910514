#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace llmopt {

struct HttpRequest {
    std::string method;
    std::string target;
    std::string contentType;
    std::string contentEncoding;
    std::string authorization;
    std::string body;
    // Every request header as received, names lower-cased (HTTP names are
    // case-insensitive), in order; repeated headers appear more than once.
    std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// A small HTTP/1.1 server on Boost.Beast: keep-alive, a size limit on request
// bodies (413 before reading more), timeouts, and a handler called on one of
// the server's own threads. Both the OTLP receiver and the daemon API use it.
class HttpServer {
public:
    struct Options {
        std::string address = "127.0.0.1";
        uint16_t port = 0; // 0: any free port (tests)
        size_t maxBodyBytes = 16 * 1024 * 1024;
        int threads = 1;
        std::string settingName = "http"; // named in errors: "… change <settingName>.port"
        // PEM files; both set: HTTPS (TLS 1.2 or later) instead of plain HTTP.
        std::string tlsCertificateFile;
        std::string tlsPrivateKeyFile;
    };
    using Handler = std::function<HttpResponse(HttpRequest& request)>;

    HttpServer(Options options, Handler handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts serving; throws std::runtime_error with what to change.
    void start();
    void stop();
    bool isRunning() const;
    uint16_t port() const; // the bound port

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace llmopt
