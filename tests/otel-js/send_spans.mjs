// Sends GenAI spans to an OTLP/HTTP endpoint with the OpenTelemetry JavaScript
// SDK, as an instrumented service would: node send_spans.mjs URL proto|json
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

const [endpoint, encoding] = process.argv.slice(2);
const Exporter = encoding === 'proto' ? ProtoExporter : JsonExporter;
const provider = new BasicTracerProvider({ resource: new Resource({ 'service.name': 'js-support-bot' }) });
provider.addSpanProcessor(new BatchSpanProcessor(new Exporter({ url: `${endpoint}/v1/traces` })));
const tracer = provider.getTracer('tst_otel_sdk');

const start = new Date('2026-11-27T10:00:00.000Z');
const after = (ms) => new Date(start.getTime() + ms);

// A call with the current GenAI conventions, an evaluation and user feedback.
const chat = tracer.startSpan('chat gpt-4o-mini', {
  kind: SpanKind.CLIENT,
  startTime: start,
  attributes: {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'gpt-4o-mini',
    'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
    'gen_ai.request.temperature': 0.25,
    'gen_ai.request.top_p': 0.9,
    'gen_ai.request.max_tokens': 512,
    'gen_ai.usage.input_tokens': 1409,
    'gen_ai.usage.output_tokens': 197,
    'gen_ai.usage.cache_read.input_tokens': 1024,
    'gen_ai.response.finish_reasons': ['stop'],
    'gen_ai.response.time_to_first_chunk': 0.31,
    'feature_flag.key': 'support-prompt',
    'feature_flag.result.variant': 'concise-v3',
    'llmopt.prompt.version': 'v3',
    'deployment.environment': 'prod',
  },
});
chat.addEvent('gen_ai.evaluation.result', {
  'gen_ai.evaluation.name': 'answer_quality',
  'gen_ai.evaluation.score.value': 0.875,
}, after(1600));
chat.addEvent('gen_ai.evaluation.result', {
  'gen_ai.evaluation.name': 'user_feedback',
  'gen_ai.evaluation.score.value': 1,
}, after(1650));
chat.end(after(1500));

// An older instrumentation: deprecated names, and a failure.
const legacy = tracer.startSpan('chat claude-3-haiku', {
  kind: SpanKind.CLIENT,
  startTime: after(2000),
  attributes: {
    'gen_ai.system': 'anthropic',
    'gen_ai.request.model': 'claude-3-haiku',
    'gen_ai.usage.prompt_tokens': 12,
    'gen_ai.usage.completion_tokens': 0,
    'error.type': '529',
  },
});
legacy.setStatus({ code: SpanStatusCode.ERROR, message: 'overloaded' });
legacy.end(after(2250));

// Not an LLM call: skipped and counted.
const http = tracer.startSpan('GET /health', { startTime: after(3000), attributes: { 'http.request.method': 'GET' } });
http.end(after(3001));

await provider.forceFlush();
await provider.shutdown();
console.log(`sent 3 spans as ${encoding}`);
