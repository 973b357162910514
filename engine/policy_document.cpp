#include "policy_document.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <stdexcept>

namespace llmopt {

std::string PolicyDocument::validate() const
{
    std::set<std::string> seen;
    for (const ServicePolicy& s : services) {
        const std::string where = "policy for " + (s.service.empty() ? "?" : s.service) + ": ";
        if (s.service.empty())
            return "policy: a service entry has no service name";
        if (!seen.insert(s.service).second)
            return where + "the service is listed twice";
        if (s.flagKey.empty())
            return where + "no flag key";
        int total = 0;
        for (const auto& [name, weight] : s.weights) {
            if (weight < 0 || weight > 100)
                return where + "weight " + std::to_string(weight) + " of " + name
                    + " is outside 0–100";
            const bool defined
                = std::any_of(s.variants.begin(), s.variants.end(),
                              [&](const RoutedVariant& v) { return v.name == name; });
            if (!defined)
                return where + "variant " + name + " has a weight but no definition";
            total += weight;
        }
        if (total != 100)
            return where + "weights add up to " + std::to_string(total) + ", not 100";
        const bool hasDefault
            = std::any_of(s.variants.begin(), s.variants.end(),
                          [&](const RoutedVariant& v) { return v.name == s.defaultVariant; });
        if (!hasDefault)
            return where + "the default variant \"" + s.defaultVariant + "\" is not defined";
    }
    return {};
}

nlohmann::json PolicyDocument::toJson() const
{
    nlohmann::json list = nlohmann::json::array();
    for (const ServicePolicy& s : services) {
        nlohmann::json weights = nlohmann::json::object();
        for (const auto& [name, weight] : s.weights)
            weights[name] = weight;
        nlohmann::json variants = nlohmann::json::object();
        for (const RoutedVariant& v : s.variants)
            variants[v.name]
                = {{"model", v.model}, {"prompt_version", v.promptVersion}, {"params", v.params}};
        list.push_back({{"service", s.service},
                        {"flag_key", s.flagKey},
                        {"default_variant", s.defaultVariant},
                        {"weights", std::move(weights)},
                        {"variants", std::move(variants)}});
    }
    return {{"version", version}, {"created_unix_nano", createdUnixNano}, {"services", list}};
}

PolicyDocument PolicyDocument::fromJson(const nlohmann::json& j)
{
    try {
        PolicyDocument d;
        d.version = j.at("version").get<uint64_t>();
        d.createdUnixNano = j.at("created_unix_nano").get<int64_t>();
        for (const auto& s : j.at("services")) {
            ServicePolicy p;
            p.service = s.at("service").get<std::string>();
            p.flagKey = s.at("flag_key").get<std::string>();
            p.defaultVariant = s.at("default_variant").get<std::string>();
            for (const auto& [name, weight] : s.at("weights").items())
                p.weights.emplace_back(name, weight.get<int>());
            for (const auto& [name, v] : s.at("variants").items())
                p.variants.push_back({name, v.at("model").get<std::string>(),
                                      v.value("prompt_version", std::string()),
                                      v.value("params", nlohmann::json::object())});
            d.services.push_back(std::move(p));
        }
        if (const std::string problem = d.validate(); !problem.empty())
            throw std::invalid_argument(problem);
        return d;
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("policy document: ") + e.what());
    }
}

std::vector<std::pair<std::string, int>>
PolicyDocument::percents(const std::vector<std::pair<std::string, double>>& shares)
{
    double total = 0;
    for (const auto& [name, share] : shares)
        total += std::isfinite(share) && share > 0 ? share : 0.0;
    std::vector<std::pair<std::string, int>> out;
    if (shares.empty())
        return out;
    std::vector<double> exact;
    int given = 0;
    for (const auto& [name, share] : shares) {
        const double s = total > 0 && std::isfinite(share) && share > 0 ? share / total * 100 : 0;
        exact.push_back(s);
        out.emplace_back(name, int(std::floor(s)));
        given += out.back().second;
    }
    if (total <= 0) { // nothing to go by: all to the first
        out.front().second = 100;
        return out;
    }
    std::vector<size_t> order(out.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return exact[a] - std::floor(exact[a]) > exact[b] - std::floor(exact[b]);
    });
    for (size_t i = 0; given < 100; ++i, ++given)
        ++out[order[i % order.size()]].second;
    return out;
}

} // namespace llmopt
