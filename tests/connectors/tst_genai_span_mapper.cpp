#include "genai_span_mapper.h"
#include "llm_event.h"
#include "span_view.h"

#include <QTest>

using namespace llmopt;

namespace {

AttributeView str(std::string_view s)
{
    AttributeView v;
    v.type = AttributeView::Type::String;
    v.text = s;
    return v;
}

AttributeView num(int64_t n)
{
    AttributeView v;
    v.type = AttributeView::Type::Int;
    v.integer = n;
    return v;
}

AttributeView real(double x)
{
    AttributeView v;
    v.type = AttributeView::Type::Double;
    v.number = x;
    return v;
}

SpanView span(std::vector<KeyValueView> attributes)
{
    SpanView s;
    s.serviceName = "svc";
    s.traceId = "0af7651916cd43dd8448eb211c80319c";
    s.spanId = "b7ad6b7169203331";
    s.hasStart = true;
    s.startUnixNano = 1'000'000'000;
    s.endUnixNano = 1'400'000'000;
    s.attributes = std::move(attributes);
    return s;
}

} // namespace

class TestGenAiSpanMapper : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void currentConventions()
    {
        LlmEvent e;
        const SpanView s = span({{"gen_ai.operation.name", str("chat")},
                                 {"gen_ai.provider.name", str("anthropic")},
                                 {"gen_ai.system", str("ignored-older-name")},
                                 {"gen_ai.request.model", str("claude-3-5-sonnet")},
                                 {"gen_ai.usage.input_tokens", num(1200)},
                                 {"gen_ai.usage.output_tokens", num(80)},
                                 {"gen_ai.usage.cache_read.input_tokens", num(1000)},
                                 {"gen_ai.usage.cache_creation.input_tokens", num(100)},
                                 {"gen_ai.usage.reasoning.output_tokens", num(30)},
                                 {"gen_ai.response.time_to_first_chunk", real(0.25)},
                                 {"feature_flag.key", str("support-prompt")},
                                 {"feature_flag.result.variant", str("treatment")},
                                 {"deployment.environment", str("prod")}});
        QCOMPARE(GenAiSpanMapper::map(s, e), GenAiSpanMapper::Result::Mapped);
        QCOMPARE(e.provider, std::string("anthropic")); // current name wins over the deprecated one
        QCOMPARE(e.variant.model, std::string("claude-3-5-sonnet"));
        QCOMPARE(e.inputTokens, 1200);
        QCOMPARE(e.cacheReadTokens, 1000);
        QCOMPARE(e.cacheWriteTokens, 100);
        QCOMPARE(*e.ttftMs, 250.0);
        QCOMPARE(e.latencyMs, 400.0);
        QCOMPARE(e.variantName, std::string("treatment"));
        const std::vector<std::pair<std::string, std::string>> kept
            = {{"gen_ai.usage.reasoning.output_tokens", "30"},
               {"feature_flag.key", "support-prompt"},
               {"deployment.environment", "prod"}};
        QCOMPARE(e.attributes, kept);
    }

    void openLlmetryAndOpenLit()
    {
        LlmEvent e;
        const SpanView s = span({{"gen_ai.system", str("openai")},
                                 {"gen_ai.request.model", str("my-finetune")},
                                 {"gen_ai.usage.prompt_tokens", num(100)},
                                 {"llm.usage.total_tokens", num(130)},
                                 {"gen_ai.usage.cache_read_input_tokens", num(64)},
                                 {"gen_ai.usage.cost", real(0.0042)},
                                 {"feature_flag.variant", str("control")}});
        QCOMPARE(GenAiSpanMapper::map(s, e), GenAiSpanMapper::Result::Mapped);
        QCOMPARE(e.provider, std::string("openai"));
        QCOMPARE(e.inputTokens, 100);
        QCOMPARE(e.outputTokens, 30); // total − prompt
        QCOMPARE(e.cacheReadTokens, 64);
        QCOMPARE(*e.reportedCostUsd, 0.0042);
        QCOMPARE(e.variantName, std::string("control"));
    }

    void openInference()
    {
        LlmEvent e;
        const SpanView s = span({{"openinference.span.kind", str("LLM")},
                                 {"llm.model_name", str("gpt-4o-mini")},
                                 {"llm.provider", str("openai")},
                                 {"llm.token_count.prompt", num(500)},
                                 {"llm.token_count.completion", num(40)},
                                 {"llm.token_count.prompt_details.cache_read", num(256)},
                                 {"llm.invocation_parameters",
                                  str(R"({"temperature":0.7,"max_completion_tokens":300})")},
                                 {"llm.prompt_template.version", str("v9")}});
        QCOMPARE(GenAiSpanMapper::map(s, e), GenAiSpanMapper::Result::Mapped);
        QCOMPARE(e.requestModel, std::string("gpt-4o-mini"));
        QCOMPARE(e.responseModel, std::string("gpt-4o-mini"));
        QCOMPARE(e.provider, std::string("openai"));
        QCOMPARE(e.inputTokens, 500);
        QCOMPARE(e.outputTokens, 40);
        QCOMPARE(e.cacheReadTokens, 256);
        QCOMPARE(*e.variant.temperature, 0.7);
        QCOMPARE(*e.variant.maxTokens, 300);
        QCOMPARE(e.variant.promptVersion, std::string("v9"));

        const SpanView chain = span(
            {{"openinference.span.kind", str("CHAIN")}, {"llm.model_name", str("gpt-4o-mini")}});
        QCOMPARE(GenAiSpanMapper::map(chain, e), GenAiSpanMapper::Result::NotLlmCall);
    }

    void agentToolAndPlainSpansAreNotCalls()
    {
        LlmEvent e;
        QCOMPARE(GenAiSpanMapper::map(span({{"gen_ai.operation.name", str("execute_tool")}}), e),
                 GenAiSpanMapper::Result::NotLlmCall);
        QCOMPARE(GenAiSpanMapper::map(span({{"gen_ai.operation.name", str("invoke_agent")},
                                            {"gen_ai.request.model", str("gpt-4o")}}),
                                      e),
                 GenAiSpanMapper::Result::NotLlmCall);
        QCOMPARE(GenAiSpanMapper::map(span({{"http.request.method", str("POST")}}), e),
                 GenAiSpanMapper::Result::NotLlmCall);
    }

    void wrongTypesNameTheAttribute()
    {
        LlmEvent e;
        try {
            GenAiSpanMapper::map(span({{"gen_ai.request.model", str("m")},
                                       {"gen_ai.usage.output_tokens", str("lots")}}),
                                 e);
            QFAIL("expected invalid_argument");
        } catch (const std::invalid_argument& ex) {
            QCOMPARE(QString(ex.what()),
                     QStringLiteral("gen_ai.usage.output_tokens is not a number"));
        }
        try {
            GenAiSpanMapper::map(span({{"gen_ai.request.model", str("m")},
                                       {"gen_ai.request.temperature", real(std::nan(""))}}),
                                 e);
            QFAIL("expected invalid_argument");
        } catch (const std::invalid_argument& ex) {
            QVERIFY(QString(ex.what()).contains("gen_ai.request.temperature"));
        }
        // Integral doubles and decimal strings are accepted for counts.
        QCOMPARE(GenAiSpanMapper::map(span({{"gen_ai.request.model", str("m")},
                                            {"gen_ai.usage.input_tokens", real(12.0)},
                                            {"gen_ai.usage.output_tokens", str("7")}}),
                                      e),
                 GenAiSpanMapper::Result::Mapped);
        QCOMPARE(e.inputTokens, 12);
        QCOMPARE(e.outputTokens, 7);
    }
};

QTEST_GUILESS_MAIN(TestGenAiSpanMapper)
#include "tst_genai_span_mapper.moc"
