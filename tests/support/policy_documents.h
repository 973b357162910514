#pragma once

#include "policy_document.h"

#include <nlohmann/json.hpp>

// A policy of two services for the sinks' tests: support-chat with a canary
// of `candidateWeight` % on gpt-4o-mini/v3, summarizer all on claude/v1.
inline llmopt::PolicyDocument document(uint64_t version, int candidateWeight = 5)
{
    using namespace llmopt;
    PolicyDocument d;
    d.version = version;
    d.createdUnixNano = 1'700'000'000'000'000'000 + int64_t(version);
    ServicePolicy chat;
    chat.service = "support-chat";
    chat.flagKey = "support-chat.variant";
    chat.defaultVariant = "gpt-4o/v3";
    chat.weights = {{"gpt-4o/v3", 100 - candidateWeight}, {"gpt-4o-mini/v3", candidateWeight}};
    chat.variants = {{"gpt-4o/v3", "gpt-4o", "v3", {{"temperature", 0.3}}},
                     {"gpt-4o-mini/v3", "gpt-4o-mini", "v3", {{"temperature", 0.3}}}};
    ServicePolicy summary;
    summary.service = "summarizer";
    summary.flagKey = "summarizer.variant";
    summary.defaultVariant = "claude/v1";
    summary.weights = {{"claude/v1", 100}};
    summary.variants = {{"claude/v1", "claude-3-5-haiku", "v1", nlohmann::json::object()}};
    d.services = {chat, summary};
    return d;
}
