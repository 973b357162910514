#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <string>

// A blocking HTTP/1.1 client on loopback for tests and benchmarks, keeping
// its connection open between requests.
class HttpClient {
public:
    struct Response {
        int status = 0;
        std::map<std::string, std::string> headers;
        std::string body;
    };

    explicit HttpClient(uint16_t port)
        : m_stream(m_io)
    {
        boost::asio::ip::tcp::resolver resolver(m_io);
        m_stream.connect(resolver.resolve("127.0.0.1", std::to_string(port)));
    }

    Response request(const std::string& method, const std::string& target, const std::string& body,
                     const std::map<std::string, std::string>& headers = {})
    {
        namespace http = boost::beast::http;
        http::request<http::string_body> req(http::string_to_verb(method), target, 11);
        req.set(http::field::host, "127.0.0.1");
        for (const auto& [name, value] : headers)
            req.set(name, value);
        req.body() = body;
        req.prepare_payload();
        http::write(m_stream, req);
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        http::read(m_stream, m_buffer, parser);
        auto res = parser.release();
        Response out;
        out.status = static_cast<int>(res.result_int());
        for (const auto& field : res)
            out.headers[std::string(field.name_string())] = std::string(field.value());
        out.body = res.body();
        return out;
    }

    Response post(const std::string& target, const std::string& contentType,
                  const std::string& body, std::map<std::string, std::string> headers = {})
    {
        headers["Content-Type"] = contentType;
        return request("POST", target, body, headers);
    }

private:
    boost::asio::io_context m_io;
    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
};
