#pragma once

#include "http_server.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

// A real HTTP server on loopback for clients under test: it answers as its
// script says and keeps every request with the time it arrived and how many
// were being answered at once.
class ScriptedServer {
public:
    using Clock = std::chrono::steady_clock;
    using Script
        = std::function<llmopt::HttpResponse(int attempt, const llmopt::HttpRequest& request)>;

    // `threads`: enough that handlers which sleep do not hold up each other.
    explicit ScriptedServer(Script script, int threads = 8)
        : m_script(std::move(script))
        , m_server(options(threads), [this](llmopt::HttpRequest& r) { return handle(r); })
    {
        m_server.start();
    }

    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_server.port()); }
    std::vector<llmopt::HttpRequest> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }
    std::vector<Clock::time_point> arrivals() const
    {
        std::lock_guard lock(m_mutex);
        return m_arrivals;
    }
    size_t count() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests.size();
    }
    int maxInFlight() const
    {
        std::lock_guard lock(m_mutex);
        return m_maxInFlight;
    }

    // The value of a request header (names are lower case), or "".
    static std::string header(const llmopt::HttpRequest& request, const std::string& name)
    {
        for (const auto& [n, value] : request.headers)
            if (n == name)
                return value;
        return {};
    }

private:
    static llmopt::HttpServer::Options options(int threads)
    {
        llmopt::HttpServer::Options o;
        o.threads = threads;
        return o;
    }

    llmopt::HttpResponse handle(const llmopt::HttpRequest& request)
    {
        int attempt = 0;
        {
            std::lock_guard lock(m_mutex);
            m_requests.push_back(request);
            m_arrivals.push_back(Clock::now());
            attempt = int(m_requests.size());
            m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);
        }
        llmopt::HttpResponse response = m_script(attempt, request);
        std::lock_guard lock(m_mutex);
        --m_inFlight;
        return response;
    }

    Script m_script;
    mutable std::mutex m_mutex;
    std::vector<llmopt::HttpRequest> m_requests;
    std::vector<Clock::time_point> m_arrivals;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    llmopt::HttpServer m_server; // last: stopped before the members its handler uses go
};
