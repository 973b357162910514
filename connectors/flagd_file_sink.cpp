#include "flagd_file_sink.h"

#include "policy_document.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace llmopt {

FlagdFileSink::FlagdFileSink(std::string path)
    : m_path(std::move(path))
{
}

nlohmann::json FlagdFileSink::flagDefinitions(const PolicyDocument& document)
{
    nlohmann::json flags = nlohmann::json::object();
    for (const ServicePolicy& s : document.services) {
        nlohmann::json variants = nlohmann::json::object();
        for (const RoutedVariant& v : s.variants)
            variants[v.name] = {{"variant", v.name},
                                {"model", v.model},
                                {"prompt_version", v.promptVersion},
                                {"params", v.params}};
        // The bucketing value is flagd's documented default (flag key and
        // targetingKey), spelled out so that every flagd version agrees.
        nlohmann::json split = nlohmann::json::array(
            {{{"cat", {{{"var", "$flagd.flagKey"}}, {{"var", "targetingKey"}}}}}});
        for (const auto& [name, weight] : s.weights)
            if (weight > 0)
                split.push_back({name, weight});
        nlohmann::json flag = {{"state", "ENABLED"},
                               {"variants", std::move(variants)},
                               {"defaultVariant", s.defaultVariant}};
        if (split.size() > 2) // more than one variant takes traffic
            flag["targeting"] = {{"fractional", std::move(split)}};
        else if (split.size() == 2) // everything on one variant: no split to evaluate
            flag["defaultVariant"] = split[1][0];
        flags[s.flagKey] = std::move(flag);
    }
    return {{"$schema", "https://flagd.dev/schema/v0/flags.json"},
            {"flags", std::move(flags)},
            {"metadata",
             {{"version", std::to_string(document.version)}, {"generated_by", "llm-optimizer"}}}};
}

std::vector<std::pair<std::string, double>>
FlagdFileSink::fractionalWeights(const nlohmann::json& definitions, const std::string& flagKey)
{
    std::vector<std::pair<std::string, double>> weights;
    const auto flags = definitions.find("flags");
    if (flags == definitions.end() || !flags->is_object() || !flags->contains(flagKey))
        return weights;
    const nlohmann::json& flag = (*flags)[flagKey];
    const nlohmann::json* split = nullptr;
    if (const auto t = flag.find("targeting"); t != flag.end() && t->is_object())
        if (const auto f = t->find("fractional"); f != t->end() && f->is_array())
            split = &*f;
    if (split) {
        for (const nlohmann::json& bucket : *split) // the first entry may be the bucketing value
            if (bucket.is_array() && bucket.size() == 2 && bucket[0].is_string()
                && bucket[1].is_number())
                weights.emplace_back(bucket[0].get<std::string>(), bucket[1].get<double>());
    } else if (const auto d = flag.find("defaultVariant"); d != flag.end() && d->is_string()) {
        weights.emplace_back(d->get<std::string>(), 100.0);
    }
    return weights;
}

PolicySink::Result FlagdFileSink::publish(const PolicyDocument& document)
{
    if (const std::string problem = document.validate(); !problem.empty())
        return {false, problem};
    const std::string text = flagDefinitions(document).dump(2) + "\n";
    const std::string temporary = m_path + ".tmp-" + std::to_string(::getpid());
    auto failure = [&](const char* what) {
        const std::string reason = std::strerror(errno);
        ::unlink(temporary.c_str());
        return Result{false,
                      "cannot " + std::string(what) + " " + m_path + ": " + reason
                          + "; check that the folder exists and is writable"};
    };
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return failure("create a temporary file next to");
    for (size_t written = 0; written < text.size();) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            return failure("write");
        }
        written += size_t(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        return failure("flush");
    }
    ::close(fd);
    if (::rename(temporary.c_str(), m_path.c_str()) != 0)
        return failure("replace");
    return {true, "version " + std::to_string(document.version) + " written to " + m_path};
}

} // namespace llmopt
