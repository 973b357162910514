// llm-optimizer: argument parsing, mode selection and wiring. Everything else
// lives in the engine, connectors and ui libraries.
#include "analysis_pipeline.h"
#include "analysis_report.h"
#include "audit_log.h"
#include "chart_exporter.h"
#include "chart_readout.h"
#include "collector.h"
#include "color_scheme.h"
#include "cost_report.h"
#include "daemon_api.h"
#include "daemon_config.h"
#include "decision_pipeline.h"
#include "decision_service.h"
#include "drift_report.h"
#include "embedded_resources.h"
#include "engine_host.h"
#include "engine_loop.h"
#include "environment_credentials.h"
#include "event_file_reader.h"
#include "event_store.h"
#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "experiment_plan.h"
#include "experiment_report.h"
#include "experiment_runner.h"
#include "ingest_queue.h"
#include "kafka_consumer.h"
#include "llm_event.h"
#include "offline_results.h"
#include "otlp_http_receiver.h"
#include "otlp_json_codec.h"
#include "overview_controller.h"
#include "price_table.h"
#include "responsiveness_probe.h"
#include "simulator.h"
#include "source_list_model.h"
#include "ui_language.h"
#include "variant_aggregator.h"
#include "view_filter.h"
#include "window_session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <thread>

Q_IMPORT_QML_PLUGIN(WorkbenchPlugin)

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitInputRejected = 2;
constexpr int kExitAuditBroken = 3;
constexpr int kExitSpendCapReached = 4; // experiment run: stopped at spend_cap_usd
constexpr int kExitInterrupted = 5; // experiment run: Ctrl+C; a rerun resumes

void printError(const QString& message)
{
    std::fprintf(stderr, "llm-optimizer: %s\n", qPrintable(message));
}

// The shipped price table, then the user's file in the config folder, then --prices.
llmopt::PriceTable loadPrices(const QString& overridePath)
{
    auto table = llmopt::PriceTable::fromJson(llmopt::embeddedPriceTable(), "built-in prices.json");
    const QString userFile
        = QStandardPaths::locate(QStandardPaths::AppConfigLocation, QStringLiteral("prices.json"));
    if (!userFile.isEmpty())
        table.merge(llmopt::PriceTable::fromFile(userFile.toStdString()));
    if (!overridePath.isEmpty())
        table.merge(llmopt::PriceTable::fromFile(overridePath.toStdString()));
    return table;
}

// Unix seconds or an ISO 8601 time (a date alone: its UTC midnight; a time
// without a zone: local time), for `option`.
int64_t parseTime(const QString& text, const char* option)
{
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds * 1'000'000'000LL;
    // QDate also takes the date of a date and time: only "yyyy-MM-dd" is a date alone.
    const QDate date = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
    const QDateTime t = date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC)
                                       : QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        throw llmopt::ConfigError(std::string(option)
                                  + ": expected Unix seconds or an ISO 8601 time such as "
                                    "2026-01-01T00:00:00Z or 2026-01-01, got \""
                                  + text.toStdString() + "\"");
    return t.toMSecsSinceEpoch() * 1'000'000LL;
}

int runSimulate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Writes the demo workload as OTLP JSON lines (one ExportTraceServiceRequest per line).");
    parser.addHelpOption();
    parser.addOption({"scenario", "Scenario: " + QString::fromStdString([] {
                                      std::string s;
                                      for (const auto& n : llmopt::Scenario::names())
                                          s += (s.empty() ? "" : ", ") + n;
                                      return s;
                                  }()),
                      "NAME", "steady"});
    parser.addOption({"duration", "Simulated seconds to generate.", "S", "600"});
    parser.addOption({"seed", "Random seed; the same seed gives the same output.", "N", "1"});
    parser.addOption(
        {"start", "Start time (Unix seconds or ISO 8601).", "TIME", "2026-01-01T00:00:00Z"});
    parser.addOption({"rate-scale", "Multiplies every service's request rate.", "X", "1"});
    parser.addOption({"out", "Output file, or - for standard output.", "FILE", "-"});
    parser.process(args);

    bool ok = false;
    const double duration = parser.value("duration").toDouble(&ok);
    if (!ok || duration <= 0) {
        printError("--duration must be a positive number of seconds");
        return kExitFailure;
    }
    const quint64 seed = parser.value("seed").toULongLong(&ok);
    if (!ok) {
        printError("--seed must be a non-negative integer");
        return kExitFailure;
    }
    const double rateScale = parser.value("rate-scale").toDouble(&ok);
    if (!ok || rateScale <= 0) {
        printError("--rate-scale must be a positive number");
        return kExitFailure;
    }
    const auto scenario = llmopt::Scenario::named(parser.value("scenario").toStdString(), duration);
    if (!scenario) {
        printError("unknown scenario \"" + parser.value("scenario")
                   + "\"; see --help for the list");
        return kExitFailure;
    }

    const int64_t start = parseTime(parser.value("start"), "--start");
    auto config = llmopt::SimulatorConfig::demo(seed, start);
    config.scenario = *scenario;
    config.rateScale = rateScale;
    llmopt::Simulator simulator(std::move(config));

    std::ofstream file;
    const QString out = parser.value("out");
    if (out != "-") {
        file.open(out.toStdString(), std::ios::binary | std::ios::trunc);
        if (!file) {
            printError("cannot write " + out + ": check that the folder exists and is writable");
            return kExitFailure;
        }
    }
    std::ostream& stream = out == "-" ? std::cout : file;
    // One request line per simulated second, as an exporter batching every second would write.
    std::vector<llmopt::LlmEvent> batch;
    uint64_t written = 0;
    for (int64_t t = start; t < start + static_cast<int64_t>(duration * 1e9);) {
        t = std::min<int64_t>(t + 1'000'000'000LL, start + static_cast<int64_t>(duration * 1e9));
        batch.clear();
        simulator.generateUntil(t, batch);
        if (batch.empty())
            continue;
        stream << llmopt::OtlpJsonCodec::encodeTraces(batch) << '\n';
        written += batch.size();
    }
    stream.flush();
    if (!stream) {
        printError("writing " + out + " failed (disk full?)");
        return kExitFailure;
    }
    std::fprintf(stderr, "llm-optimizer: wrote %llu events\n",
                 static_cast<unsigned long long>(written));
    return kExitOk;
}

// The YAML file of --config with the LLMOPT_… variables applied; no file: the defaults
// (and the variables). Throws ConfigError naming the key and the fix.
llmopt::DaemonConfig readConfig(const QString& path)
{
    const auto environment = [](const std::string& name) -> std::optional<std::string> {
        if (const char* v = std::getenv(name.c_str()))
            return std::string(v);
        return std::nullopt;
    };
    return path.isEmpty() ? llmopt::DaemonConfig::parse("", "defaults", environment)
                          : llmopt::DaemonConfig::load(path.toStdString(), environment);
}

const QCommandLineOption kConfigOption{
    "config", "YAML configuration (resources/config.example.yaml); none: defaults.", "FILE"};

int runAnalyze(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Reads OTLP JSON lines or flat JSONL events and prints per-variant statistics.\n"
        "Exit code: 0 all input analysed, 2 some lines or spans rejected, 1 error.");
    parser.addHelpOption();
    parser.addOption({"format", "Output format: json or text.", "FORMAT", "text"});
    parser.addOption({"prices", "Price table file overriding the built-in prices.", "FILE"});
    parser.addOption(
        {"db", "Keep the events in this SQLite file (default: in memory).", "FILE", ":memory:"});
    parser.addOption(kConfigOption); // its analysis and budgets sections
    parser.addPositionalArgument("files", "Event files (OTLP JSON lines or flat JSONL).",
                                 "FILE...");
    parser.process(args);

    const QString format = parser.value("format");
    if (format != "json" && format != "text") {
        printError("--format must be json or text");
        return kExitFailure;
    }
    if (parser.positionalArguments().isEmpty()) {
        printError("no input files; usage: llm-optimizer analyze FILE... [--format json|text]");
        return kExitFailure;
    }

    const llmopt::DaemonConfig config = readConfig(parser.value("config"));
    llmopt::EventStore store(parser.value("db").toStdString());
    llmopt::Collector collector(store,
                                loadPrices(parser.isSet("prices")
                                               ? parser.value("prices")
                                               : QString::fromStdString(config.pricesFile)));
    llmopt::VariantAggregator aggregator;
    llmopt::AnalysisReport report;
    llmopt::AnalysisPipeline analysis(config.analysis);
    llmopt::DecisionPipeline decisions({config.experiments, config.decisions, config.rules});
    size_t findingsSeen = 0; // handed to the decision pipeline
    const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
    bool unreadable = false;

    // Closed windows and the findings concluded since the last call go to the
    // strategies, and into the database as the engine keeps them (reports
    // over a period read them from there).
    auto concludeWindows = [&](const std::vector<llmopt::WindowResult>& closed) {
        report.windows.closed += closed.size();
        const auto concluded = std::span(report.findings).subspan(findingsSeen);
        decisions.addClosed(closed, analysis.groupingName(), concluded);
        store.addWindows(analysis.groupingName(), closed);
        store.addFindings(concluded);
        findingsSeen = report.findings.size();
    };
    llmopt::EventFileReader reader(
        [&](std::vector<llmopt::LlmEvent>& batch) {
            const size_t stored = collector.ingest(batch, "file", now).stored;
            for (size_t i = 0; i < stored; ++i) {
                aggregator.add(batch[i]);
                analysis.add(batch[i], report.findings);
                decisions.add(batch[i]);
            }
            concludeWindows(analysis.takeClosed(report.findings));
        },
        [&](const llmopt::InputProblem& problem, std::string_view payload) {
            if (problem.line > 0)
                collector.reject("file",
                                 problem.file + ":" + std::to_string(problem.line) + ": "
                                     + problem.reason,
                                 payload, now);
            report.problems.push_back(problem);
        });
    for (const QString& path : parser.positionalArguments()) {
        const std::string file = QFile::encodeName(path).toStdString(); // bytes as the OS has them
        report.files.push_back(file);
        unreadable = !reader.read(file) || unreadable;
    }
    report.counters = collector.totals();
    report.spansSkipped = reader.spansSkipped();
    report.variants = aggregator.rows();
    concludeWindows(analysis.flush(report.findings));
    llmopt::DecisionPipeline::Proposals proposals
        = decisions.propose(now, collector.prices(), report.variantLabels());
    report.experiments = std::move(proposals.experiments);
    report.pareto = std::move(proposals.pareto);
    report.recommendations = std::move(proposals.firings);
    for (llmopt::Recommendation& r : proposals.recommendations)
        report.recommendations.push_back(std::move(r));
    report.windows.grouping = analysis.groupingName();
    report.windows.kind = "tumbling";
    report.windows.sizeSeconds = double(analysis.windows().spec().sizeNanos) / 1e9;
    report.windows.lateEvents = analysis.windows().lateEvents();
    const std::string text = format == "json" ? report.toJson() : report.toText();
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (unreadable)
        return kExitFailure;
    return report.counters.rejected > 0 ? kExitInputRejected : kExitOk;
}

// The daemon's event database when the configuration names none.
QString defaultEventDatabase()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/events.sqlite");
}

// The headless daemon: receivers → queue → engine thread → store, plus the HTTP API.
// Runs until SIGINT or SIGTERM, then drains the queue, commits and exits 0.
int runHeadless(const QString& configPath)
{
    // Signals are taken by sigwait below; block them before any thread starts.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    llmopt::DaemonConfig config = readConfig(configPath);
    if (config.storage.path.empty())
        config.storage.path = defaultEventDatabase().toStdString();

    llmopt::EventStore store(
        config.storage.path,
        llmopt::EventStore::Options{int64_t(config.storage.retentionDays) * 24 * 3600});
    llmopt::IngestQueue queue(static_cast<size_t>(config.queueCapacityEvents));
    std::unique_ptr<llmopt::DecisionService> decisions;
    if (!config.routing.empty())
        decisions = std::make_unique<llmopt::DecisionService>(
            config.routing, static_cast<uint64_t>(QDateTime::currentMSecsSinceEpoch()));
    llmopt::EngineLoop engine(queue, store, loadPrices(QString::fromStdString(config.pricesFile)),
                              {config.analysis, config.experiments, decisions.get(),
                               config.decisions, config.rules, config.actuator.options,
                               config.policySinks()});
    engine.start();

    std::unique_ptr<llmopt::OtlpHttpReceiver> otlp;
    if (config.otlpHttp.enabled) {
        llmopt::OtlpHttpReceiver::Options o;
        o.address = config.otlpHttp.address;
        o.port = static_cast<uint16_t>(config.otlpHttp.port);
        o.maxBodyBytes = static_cast<size_t>(config.otlpHttp.maxBodyBytes);
        o.bearerToken = config.otlpHttp.bearerToken;
        o.threads = config.otlpHttp.threads;
        o.tlsCertificateFile = config.otlpHttp.tlsCertificate;
        o.tlsPrivateKeyFile = config.otlpHttp.tlsPrivateKey;
        otlp = std::make_unique<llmopt::OtlpHttpReceiver>(o, queue);
        otlp->start();
        std::fprintf(stderr, "llm-optimizer: OTLP/HTTP%s on %s:%u (POST /v1/traces)\n",
                     o.tlsCertificateFile.empty() ? "" : "S", o.address.c_str(), otlp->port());
    }
    std::unique_ptr<llmopt::KafkaConsumer> kafka;
    if (config.kafka.enabled) {
        llmopt::KafkaConsumer::Options o;
        o.brokers = config.kafka.brokers;
        o.groupId = config.kafka.groupId;
        o.topics = config.kafka.topics;
        o.logTopics = config.kafka.logTopics;
        o.encoding = llmopt::KafkaConsumer::encodingFromName(config.kafka.encoding);
        o.deadLetterTopic = config.kafka.deadLetterTopic;
        o.properties = config.kafka.properties;
        kafka = std::make_unique<llmopt::KafkaConsumer>(o, queue);
        kafka->start();
        std::fprintf(stderr, "llm-optimizer: consuming Kafka topics from %s\n", o.brokers.c_str());
    }
    std::unique_ptr<llmopt::DaemonApi> api;
    if (config.api.enabled) {
        llmopt::DaemonApi::Options o{config.api.address, static_cast<uint16_t>(config.api.port),
                                     config.api.bearerToken, config.storage.path};
        api = std::make_unique<llmopt::DaemonApi>(
            o, engine, queue, llmopt::DaemonApi::Sources{otlp.get(), kafka.get(), decisions.get()});
        api->start();
        std::fprintf(stderr, "llm-optimizer: API on %s:%u (GET /api/v1/health)\n",
                     o.address.c_str(), api->port());
    }
    std::fprintf(stderr, "llm-optimizer: storing events in %s; stop with Ctrl+C\n",
                 config.storage.path.c_str());

    int received = 0;
    sigwait(&stopSignals, &received);
    std::fprintf(stderr, "llm-optimizer: %s received, draining\n",
                 received == SIGINT ? "SIGINT" : "SIGTERM");
    if (otlp)
        otlp->stop(); // no new requests
    if (kafka)
        kafka->stop(); // waits for the engine to commit what it holds, then commits offsets
    if (api)
        api->stop(); // no command may wait for an engine that has stopped
    engine.stopAfterDrain();
    const llmopt::EngineSnapshot last = engine.snapshot();
    uint64_t stored = 0;
    for (const auto& [name, counters] : last.sources)
        stored += counters.ingest.stored;
    std::fprintf(stderr, "llm-optimizer: stopped; %llu events stored this run\n",
                 static_cast<unsigned long long>(stored));
    return kExitOk;
}

int runAudit(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "verify: checks the hash chain of the operators' audit log and names the first broken "
        "record. list: prints the newest records, tab-separated.\n"
        "Exit code: 0 intact (verify) or listed, 3 the chain is broken, 1 error.");
    parser.addHelpOption();
    parser.addOption(
        {"db", "Event database (default: the daemon's, events.sqlite in the app data folder).",
         "FILE"});
    parser.addOption({"limit", "list: how many records, newest first.", "N", "20"});
    parser.addPositionalArgument("command", "verify or list.", "verify|list");
    parser.process(args);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (positional.size() != 1 || (command != "verify" && command != "list")) {
        printError("usage: llm-optimizer audit verify|list [--db FILE] [--limit N]");
        return kExitFailure;
    }
    bool isNumber = false;
    const qlonglong limit = parser.value("limit").toLongLong(&isNumber);
    if (!isNumber || limit <= 0) {
        printError("--limit must be a positive integer");
        return kExitFailure;
    }
    const QString db = parser.isSet("db") ? parser.value("db") : defaultEventDatabase();
    if (!QFileInfo::exists(db)) { // verifying must not create an empty, "intact" log
        printError("no event database at " + db + "; choose one with --db");
        return kExitFailure;
    }
    llmopt::AuditLog log(QFile::encodeName(db).toStdString());
    if (command == "list") {
        for (const llmopt::AuditRecord& r : log.records(size_t(limit))) {
            const QString time = QDateTime::fromMSecsSinceEpoch(r.timeUnixNano / 1'000'000, Qt::UTC)
                                     .toString(Qt::ISODateWithMs);
            const std::string evidence
                = r.evidence.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            std::printf("%lld\t%s\t%s\t%s\t%s\t%s\n", static_cast<long long>(r.seq),
                        qPrintable(time), r.actor.c_str(), r.action.c_str(), r.subject.c_str(),
                        evidence.c_str());
        }
        return kExitOk;
    }
    const llmopt::AuditLog::VerifyResult result = log.verify();
    if (!result.ok) {
        std::printf("audit log broken at record %lld: %s\n",
                    static_cast<long long>(result.brokenSeq), result.problem.c_str());
        return kExitAuditBroken;
    }
    std::printf("audit log intact: %zu records\n", result.checked);
    // Deleting the newest records leaves an intact chain: only a head kept elsewhere shows it.
    if (result.headSeq > 0)
        std::printf("newest record %lld has hash %s\n", static_cast<long long>(result.headSeq),
                    result.headHash.c_str());
    return kExitOk;
}

// An experiment definition as given on the command line, with the folder
// its relative dataset path is read from.
struct ExperimentInput {
    llmopt::offline::ExperimentDefinition definition;
    std::string definitionPath;
    std::string datasetPath; // resolved; the stored definition keeps the path as written
};

ExperimentInput readExperiment(const QString& path, const QString& datasetDir)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw llmopt::ConfigError(path.toStdString()
                                  + ": cannot be read: " + file.errorString().toStdString());
    const QByteArray text = file.readAll();
    ExperimentInput in;
    in.definitionPath = path.toStdString();
    in.definition = llmopt::offline::ExperimentDefinition::parse(
        std::string_view(text.constData(), size_t(text.size())), in.definitionPath);
    const QString datasetPath = QString::fromStdString(in.definition.dataset.path);
    const QString base = datasetDir.isEmpty() ? QFileInfo(path).absolutePath() : datasetDir;
    in.datasetPath
        = QFile::encodeName(QFileInfo(datasetPath).isAbsolute() ? datasetPath
                                                                : QDir(base).filePath(datasetPath))
              .toStdString();
    return in;
}

llmopt::offline::ExperimentDataset readDataset(const ExperimentInput& in)
{
    return llmopt::offline::ExperimentDataset::fromFile(
        in.datasetPath, in.definition.dataset.format, in.definition.dataset.referenceColumn);
}

// Problems of the definition against its dataset, printed; false when there are any.
bool checkExperiment(const ExperimentInput& in, const llmopt::offline::ExperimentDataset& dataset)
{
    const std::vector<std::string> problems = in.definition.validate(&dataset);
    for (const std::string& p : problems)
        printError(QString::fromStdString(in.definitionPath + ": " + p));
    return problems.empty();
}

QString usd(const std::optional<double>& value)
{
    return value ? QStringLiteral("$%1").arg(*value, 0, 'f', 4) : QStringLiteral("unknown");
}

void printPlan(const llmopt::offline::ExperimentDefinition& definition,
               const llmopt::offline::ExperimentPlan& plan)
{
    QString out;
    out += QStringLiteral("experiment %1: %2 arms, primary metric %3 (%4)\n")
               .arg(QString::fromStdString(definition.name))
               .arg(definition.arms.size())
               .arg(QString::fromStdString(plan.primaryMetric),
                    QString::fromStdString(plan.method));
    out += QStringLiteral("items per arm: %1 (required %2, dataset %3), power %4 at alpha %5\n")
               .arg(plan.itemsPerArm)
               .arg(plan.requiredPerArm)
               .arg(plan.datasetItems)
               .arg(plan.plannedPower, 0, 'f', 3)
               .arg(definition.alpha);
    if (plan.detectableEffect)
        out += QStringLiteral("the dataset is too small: it detects an effect of %1 at power %2\n")
                   .arg(*plan.detectableEffect, 0, 'f', 4)
                   .arg(definition.power);
    for (const llmopt::offline::ArmPlan& a : plan.arms)
        out += QStringLiteral("arm %1 (%2): %3 items, %4 input and %5 output tokens per call, "
                              "cost %6\n")
                   .arg(QString::fromStdString(a.arm), QString::fromStdString(a.model))
                   .arg(plan.itemsPerArm)
                   .arg(a.inputTokensPerCall, 0, 'f', 1)
                   .arg(a.outputTokensPerCall)
                   .arg(usd(a.costUsd));
    out += QStringLiteral("total: %1 calls, cost %2, spend cap %3\n")
               .arg(plan.calls)
               .arg(usd(plan.totalCostUsd),
                    plan.spendCapUsd ? usd(plan.spendCapUsd) : QStringLiteral("none"));
    out += QStringLiteral("duration: about %1 s at concurrency %2 (%3 ms per call assumed)\n")
               .arg(plan.durationSeconds, 0, 'f', 0)
               .arg(plan.concurrency)
               .arg(plan.assumedLatencyMs, 0, 'f', 0);
    for (const std::string& n : plan.notes)
        out += QStringLiteral("note: %1\n").arg(QString::fromStdString(n));
    for (const std::string& p : plan.problems)
        out += QStringLiteral("problem: %1\n").arg(QString::fromStdString(p));
    std::fputs(out.toUtf8().constData(), stdout);
}

int runExperimentPlan(const QCommandLineParser& parser, const QString& file)
{
    const ExperimentInput in = readExperiment(file, parser.value("dataset-dir"));
    const llmopt::offline::ExperimentDataset dataset = readDataset(in);
    if (!checkExperiment(in, dataset))
        return kExitFailure;
    const auto plan = llmopt::offline::ExperimentPlan::compute(in.definition, dataset,
                                                               loadPrices(parser.value("prices")));
    if (parser.value("format") == "json")
        std::printf("%s\n", plan.toJson().dump(2).c_str());
    else
        printPlan(in.definition, plan);
    return kExitOk;
}

int runExperimentRun(const QCommandLineParser& parser, const QString& file,
                     const std::map<std::string, std::string>& baseUrls)
{
    using llmopt::offline::RunStatus;
    if (!parser.isSet("db")) {
        printError("experiment run needs --db FILE: the results are stored there, and a rerun "
                   "with the same file resumes");
        return kExitFailure;
    }
    const ExperimentInput in = readExperiment(file, parser.value("dataset-dir"));
    llmopt::offline::ExperimentDataset dataset = readDataset(in);
    if (!checkExperiment(in, dataset))
        return kExitFailure;

    // Ctrl+C and SIGTERM are taken by a thread of ours: block them before
    // the provider clients' threads start, which inherit the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    llmopt::offline::ExperimentRunner::Options options;
    options.baseUrls = baseUrls;
    options.credentials = std::make_shared<llmopt::EnvironmentCredentials>();
    auto lastLine = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    options.onProgress = [&lastLine](const llmopt::offline::RunProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        const bool final = p.status != RunStatus::Running && p.status != RunStatus::Paused;
        if (!final && now - lastLine < std::chrono::milliseconds(200))
            return;
        lastLine = now;
        std::string line;
        for (const auto& a : p.arms) {
            line += a.name + " " + std::to_string(a.done) + "/" + std::to_string(a.total);
            if (a.errors)
                line += " (" + std::to_string(a.errors) + " errors)";
            line += "  ";
        }
        char spent[64];
        std::snprintf(spent, sizeof spent, "spent $%.4f", p.spentUsd);
        std::fprintf(stderr, "\r%s%s   ", line.c_str(), spent);
        if (final)
            std::fputc('\n', stderr);
        std::fflush(stderr);
    };
    llmopt::offline::ExperimentRunner runner(QFile::encodeName(parser.value("db")).toStdString(),
                                             in.definition, std::move(dataset),
                                             loadPrices(parser.value("prices")), options);
    std::fprintf(stderr,
                 "llm-optimizer: experiment %s (id %lld), %llu items per arm; Ctrl+C "
                 "stops, a rerun resumes\n",
                 in.definition.name.c_str(), static_cast<long long>(runner.experimentId()),
                 static_cast<unsigned long long>(runner.itemsPerArm()));

    std::atomic<bool> finished{false};
    std::thread stopper([&] {
        const timespec tick{0, 200'000'000};
        while (!finished) {
            if (sigtimedwait(&stopSignals, nullptr, &tick) > 0) {
                std::fputs("\nllm-optimizer: stopping; calls in flight are cancelled\n", stderr);
                runner.cancel();
                return;
            }
        }
    });
    const RunStatus status = runner.run();
    finished = true;
    stopper.join();
    std::fprintf(stderr, "llm-optimizer: %s\n", runner.message().c_str());
    std::printf("experiment %lld: %s\nresults: llm-optimizer experiment results --db %s "
                "--experiment %lld\n",
                static_cast<long long>(runner.experimentId()),
                std::string(llmopt::offline::runStatusName(status)).c_str(),
                qPrintable(parser.value("db")), static_cast<long long>(runner.experimentId()));
    switch (status) {
    case RunStatus::Completed:
        return kExitOk;
    case RunStatus::SpendCapReached:
        return kExitSpendCapReached;
    case RunStatus::Cancelled:
        return kExitInterrupted;
    default:
        return kExitFailure;
    }
}

// results: the analysis; launch: its winner as a recommendation to roll out.
int runExperimentResults(const QCommandLineParser& parser, const QString& command)
{
    const QString db = parser.value("db");
    if (db.isEmpty() || !QFileInfo::exists(db)) {
        printError(db.isEmpty() ? "experiment " + command + " needs --db FILE"
                                : "no event database at " + db + "; choose one with --db");
        return kExitFailure;
    }
    const QString wanted = parser.value("experiment");
    if (wanted.isEmpty()) {
        printError("experiment " + command
                   + " needs --experiment ID (the id that experiment run printed, or the "
                     "experiment's name for its newest version)");
        return kExitFailure;
    }
    llmopt::EventStore store(QFile::encodeName(db).toStdString());
    const auto record = store.experimentDefinition(wanted.toStdString());
    if (!record) {
        printError("no experiment " + wanted + " in " + db
                   + "; experiment run prints the id of the one it stores");
        return kExitFailure;
    }
    const auto results = llmopt::offline::OfflineResults::compute(
        record->definition, store.experimentResults(record->id), record->id);
    if (command == "launch") {
        const QString service = parser.value("service");
        if (service.isEmpty()) {
            printError("experiment launch needs --service NAME: the production service whose "
                       "traffic the winner should get");
            return kExitFailure;
        }
        const auto recommendation
            = results.liveRecommendation(record->definition, service.toStdString(),
                                         QDateTime::currentMSecsSinceEpoch() * 1'000'000LL);
        if (!recommendation) {
            printError(QString::fromStdString("no winner to launch: " + results.verdict.text));
            return kExitFailure;
        }
        const int64_t id = store.addRecommendation(*recommendation);
        std::printf("recommendation %lld: %s\napprove it on the Rollouts screen (Ctrl+6) or with "
                    "POST /api/v1/recommendations/%lld/approve; a canary rollout follows\n",
                    static_cast<long long>(id), recommendation->summary.c_str(),
                    static_cast<long long>(id));
        return kExitOk;
    }
    if (parser.value("format") == "json")
        std::printf("%s\n", results.toJson().dump(2).c_str());
    else
        std::fputs(results.toText().c_str(), stdout);
    return kExitOk;
}

// experiment plan|run|results: offline prompt experiments (docs/experiments.md).
int runExperiment(QStringList args)
{
    // --base-url-<provider> URL: one option per provider, which
    // QCommandLineParser cannot declare in advance; taken out first.
    std::map<std::string, std::string> baseUrls;
    const QString prefix = QStringLiteral("--base-url-");
    for (int i = 1; i < args.size();) {
        if (!args[i].startsWith(prefix)) {
            ++i;
            continue;
        }
        QString name = args[i].mid(prefix.size());
        QString value;
        if (const qsizetype eq = name.indexOf('='); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            args.removeAt(i);
        } else if (i + 1 < args.size()) {
            value = args[i + 1];
            args.remove(i, 2);
        } else {
            printError(args[i] + " needs a URL");
            return kExitFailure;
        }
        baseUrls[name.toStdString()] = value.toStdString();
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Offline prompt experiments on a dataset.\n"
        "  plan FILE.json      prints items per arm, power, cost and duration\n"
        "  run FILE.json --db DB [--base-url-<provider> URL]   runs it, resumable\n"
        "  results --db DB --experiment ID   per-arm metrics, tests and the verdict\n"
        "  launch --db DB --experiment ID --service S   proposes the winner for a canary "
        "rollout of S (an operator approves it)\n"
        "Exit code: 0 done, 1 error or invalid definition, 4 spend cap reached, "
        "5 interrupted (a rerun resumes).");
    parser.addHelpOption();
    parser.addOption({"dataset-dir",
                      "Folder the dataset path is relative to (default: the definition's).",
                      "DIR"});
    parser.addOption({"db", "Event database the results are stored in.", "FILE"});
    parser.addOption({"experiment", "results, launch: the experiment's id (or name).", "ID"});
    parser.addOption(
        {"service", "launch: the production service the winner is proposed for.", "NAME"});
    parser.addOption({"format", "plan and results: json or text.", "FORMAT", "text"});
    parser.addOption({"prices", "Price table file overriding the built-in prices.", "FILE"});
    parser.addPositionalArgument("command", "plan, run, results or launch.",
                                 "plan|run|results|launch");
    parser.addPositionalArgument("file", "plan and run: the experiment definition (JSON).",
                                 "[FILE.json]");
    parser.process(args);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    const QString format = parser.value("format");
    if (format != "json" && format != "text") {
        printError("--format must be json or text");
        return kExitFailure;
    }
    if ((command == "plan" || command == "run") && positional.size() == 2) {
        if (command == "plan")
            return runExperimentPlan(parser, positional[1]);
        return runExperimentRun(parser, positional[1], baseUrls);
    }
    if ((command == "results" || command == "launch") && positional.size() == 1)
        return runExperimentResults(parser, command);
    printError("usage: llm-optimizer experiment plan FILE.json [--dataset-dir DIR] | run "
               "FILE.json --db DB [--base-url-<provider> URL] | results --db DB --experiment ID "
               "[--format json|text] | launch --db DB --experiment ID --service NAME");
    return kExitFailure;
}

// report: an offline experiment's report as PDF, HTML, JSON or CSV (docs/experiments.md, Reports).
// report --cost / --drift: what a period cost, what changed in it.
int runPeriodReport(const QCommandLineParser& parser, const QString& db, report::Format format,
                    const QString& out)
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
    const int64_t to = parser.isSet("to") ? parseTime(parser.value("to"), "--to") : now;
    const int64_t from = parser.isSet("from") ? parseTime(parser.value("from"), "--from")
                                              : to - 7 * 24 * 3'600'000'000'000LL;
    if (from >= to) {
        printError("--from must be before --to");
        return kExitFailure;
    }
    const llmopt::EventStore store(QFile::encodeName(db).toStdString());
    QString error;
    const bool cost = parser.isSet("cost");
    const bool written = cost
        ? CostReport::load(store, from, to,
                           readConfig(parser.value("config")).analysis.cost.budgets)
              .write(format, out, &error)
        : DriftReport::load(store, from, to).write(format, out, &error);
    if (!written) {
        printError(error);
        return kExitFailure;
    }
    std::fprintf(stderr, "llm-optimizer: wrote the %s %s report of %s to %s to %s\n",
                 qPrintable(parser.value("format")), cost ? "cost" : "drift",
                 qPrintable(report::utc(from)), qPrintable(report::utc(to)), qPrintable(out));
    return kExitOk;
}

int runReport(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Writes a report: of a stored offline experiment (method, dataset, arms and prompts, "
        "results with intervals and p-values, the verdict, disagreeing items, who approved "
        "what); or of a period, what it cost (--cost) or what drifted and was anomalous in it "
        "(--drift).");
    parser.addHelpOption();
    parser.addOption(
        {"experiment", "The experiment's id, or its name for the newest version.", "ID"});
    parser.addOption({"cost", "A cost report of the period --from … --to."});
    parser.addOption({"drift", "A drift and anomaly report of the period --from … --to."});
    parser.addOption({"from",
                      "Period start: ISO 8601 (2026-11-01, 2026-11-01T08:00:00Z) or Unix "
                      "seconds; default: a week before --to.",
                      "TIME"});
    parser.addOption({"to", "Period end (excluded); default: now.", "TIME"});
    parser.addOption(kConfigOption); // --cost: its budgets section
    parser.addOption({"db", "Event database to read.", "FILE"});
    parser.addOption({"format", "pdf, html, json or csv.", "FORMAT"});
    parser.addOption({"out", "File to write.", "FILE"});
    parser.process(args);

    const QString db = parser.value("db");
    const QString wanted = parser.value("experiment");
    const QString out = parser.value("out");
    const QString formatName = parser.value("format");
    const auto format = report::formatFromName(formatName.toStdString());
    const int kinds
        = int(!wanted.isEmpty()) + int(parser.isSet("cost")) + int(parser.isSet("drift"));
    if (db.isEmpty() || kinds != 1 || out.isEmpty() || !format) {
        printError("usage: llm-optimizer report (--experiment ID|NAME | --cost | --drift) "
                   "[--from TIME] [--to TIME] --db DB --format pdf|html|json|csv --out FILE");
        return kExitFailure;
    }
    if (!QFileInfo::exists(db)) {
        printError("no event database at " + db + "; choose one with --db");
        return kExitFailure;
    }
    if (wanted.isEmpty())
        return runPeriodReport(parser, db, *format, out);
    const std::string dbPath = QFile::encodeName(db).toStdString();
    llmopt::EventStore store(dbPath);
    const auto record = ExperimentReport::findExperiment(store, wanted.toStdString());
    if (!record) {
        printError("no experiment " + wanted + " in " + db
                   + "; experiment run prints the id of the one it stores");
        return kExitFailure;
    }
    // Planned items: the dataset's, when its path can be read from here;
    // otherwise the report counts the distinct items stored.
    std::optional<uint64_t> planned;
    const auto& source = record->definition.dataset;
    if (QFileInfo(QString::fromStdString(source.path)).isFile()) {
        try {
            planned = llmopt::offline::ExperimentDataset::fromFile(source.path, source.format,
                                                                   source.referenceColumn)
                          .size();
        } catch (const std::exception&) { // changed since the run: count what is stored
        }
    }
    const llmopt::AuditLog audit(dbPath);
    const ExperimentReport report(
        *record, store.experimentResults(record->id),
        ExperimentReport::approvalsFor(*record, audit.records(std::numeric_limits<size_t>::max())),
        planned);
    QString error;
    if (!report.write(*format, out, &error)) {
        printError(error);
        return kExitFailure;
    }
    std::fprintf(stderr, "llm-optimizer: wrote the %s report of experiment %s (id %lld) to %s\n",
                 qPrintable(formatName), record->name.c_str(), static_cast<long long>(record->id),
                 qPrintable(out));
    return kExitOk;
}

// --timing: prints the cold start (main() entered to the first frame swapped
// once the Overview shows stored events: KPIs and chart series) as a JSON line,
// then records event-loop lag and frames for `seconds`, prints them with the
// events stored per second meanwhile, and quits (bench_gui_lag).
void measureResponsiveness(QQuickWindow& window, OverviewController& overview, double seconds,
                           ResponsivenessProbe::Clock::time_point processStart)
{
    auto* probe = new ResponsivenessProbe(processStart, &window);
    QObject::connect(&window, &QQuickWindow::beforeFrameBegin, probe,
                     &ResponsivenessProbe::frameBegun, Qt::DirectConnection);
    QObject::connect(&window, &QQuickWindow::frameSwapped, probe,
                     &ResponsivenessProbe::frameSwapped, Qt::DirectConnection);
    const auto checkPopulated = [&overview, probe] {
        if (overview.eventsStored() > 0 && overview.requestsPerSecond() > 0
            && !overview.models().isEmpty())
            probe->markPopulated();
    };
    QObject::connect(&overview, &OverviewController::kpisChanged, probe, checkPopulated);
    QObject::connect(&overview, &OverviewController::seriesChanged, probe, checkPopulated);
    QObject::connect(
        probe, &ResponsivenessProbe::populatedFrameShown, probe, [=, &overview](double ms) {
            std::printf("{\"coldStartMs\":%.1f}\n", ms);
            std::fflush(stdout);
            const quint64 storedBefore = overview.eventsStored();
            probe->startRecording();
            QTimer::singleShot(
                std::chrono::milliseconds(std::lround(seconds * 1000)), probe,
                [probe, storedBefore, &overview] {
                    QJsonObject figures = probe->stopRecording();
                    figures[QStringLiteral("storedPerSecond")]
                        = double(overview.eventsStored() - storedBefore)
                        / figures[QStringLiteral("seconds")].toDouble();
                    std::printf("%s\n",
                                QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
                    std::fflush(stdout);
                    QCoreApplication::quit();
                });
        });
}

int runGui(int argc, char** argv, std::chrono::steady_clock::time_point processStart)
{
    QApplication app(argc, argv); // Qt Charts needs a QApplication, also for QML ChartView
    // The desktop entry gives Wayland compositors the icon; X11 takes the window's,
    // rendered at build time from resources/icons/llm-optimizer.svg.
    QGuiApplication::setDesktopFileName(QStringLiteral("llm-optimizer"));
    QIcon icon;
    for (const QFileInfo& png : QDir(QStringLiteral(":/icons")).entryInfoList())
        icon.addFile(png.filePath());
    QGuiApplication::setWindowIcon(icon);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "LLM Auto-Optimizer Workbench. With no connection configured it plays the built-in demo "
        "feed.\n"
        "Other modes: llm-optimizer simulate --help, llm-optimizer analyze --help, "
        "llm-optimizer audit --help, llm-optimizer experiment --help, "
        "llm-optimizer report --help");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {"db", "Event database (default: demo.sqlite in the app data folder).", "FILE"});
    parser.addOption({"prices", "Price table file overriding the built-in prices.", "FILE"});
    parser.addOption({"scenario", "Demo feed scenario.", "NAME", "demo"});
    parser.addOption({"seed", "Demo feed random seed (default: a new one each start).", "N"});
    parser.addOption({"rate-scale",
                      "Multiplies the demo feed's request rate (load tests); the history it "
                      "generates at start keeps its number of calls.",
                      "X", "1"});
    parser.addOption({"screen",
                      "Screen to show first: overview, costs, findings, pareto, experiments, "
                      "rollouts, connections or audit (default: the one shown last).",
                      "NAME"});
    parser.addOption({"theme",
                      "Colours for this run: system, light or dark (default: the one chosen in "
                      "Settings).",
                      "NAME"});
    parser.addOption({"language",
                      "Language for this run: system, en, de or zh_CN (default: the one chosen "
                      "in Settings).",
                      "NAME"});
    parser.addOption({"screenshot", "Save a PNG of the main window and quit.", "FILE"});
    parser.addOption({"after", "Seconds to run before --screenshot.", "SECONDS", "3"});
    parser.addOption({"timing",
                      "Print the cold start, then event-loop lag and frame times over SECONDS "
                      "as JSON lines, and quit.",
                      "SECONDS"});
    parser.addOption(kConfigOption); // its prices, analysis and budgets sections
    parser.process(app);
    UiLanguage language; // the saved choice, which Settings changes for the next start
    const QString languageChoice
        = parser.isSet("language") ? parser.value("language") : language.choice();
    if (!UiLanguage::isChoice(languageChoice)) {
        printError("unknown language \"" + languageChoice + "\"; choose system, en, de or zh_CN");
        return kExitFailure;
    }
    UiLanguage::install(app, languageChoice); // before any translated text is made
    const llmopt::DaemonConfig config = readConfig(parser.value("config"));

    const QString screenshot = parser.value("screenshot");
    if (!screenshot.isEmpty()) // offscreen grabs need the software scene graph
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    EngineHost::Settings settings;
    settings.databasePath = parser.value("db");
    if (settings.databasePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        settings.databasePath = dir + QStringLiteral("/demo.sqlite");
    }
    settings.scenario = parser.value("scenario");
    // Each start plays new calls: a fixed seed would repeat trace ids the store already holds.
    settings.seed = parser.isSet("seed")
        ? parser.value("seed").toULongLong()
        : static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    bool scaleOk = false;
    settings.rateScale = parser.value("rate-scale").toDouble(&scaleOk);
    if (!scaleOk || settings.rateScale <= 0) {
        printError("--rate-scale must be a positive number");
        return kExitFailure;
    }
    // At 10,000× the usual half hour of history would be hundreds of millions of calls.
    settings.backfillSeconds = static_cast<int>(settings.backfillSeconds / settings.rateScale);
    const bool timing = parser.isSet("timing");
    bool timingOk = false;
    const double timingSeconds = parser.value("timing").toDouble(&timingOk);
    if (timing && (!timingOk || timingSeconds <= 0)) {
        printError("--timing must be a positive number of seconds");
        return kExitFailure;
    }
    if (!llmopt::Scenario::named(settings.scenario.toStdString(), 1.0)) {
        printError("unknown scenario \"" + settings.scenario + "\"");
        return kExitFailure;
    }
    llmopt::PriceTable prices
        = loadPrices(parser.isSet("prices") ? parser.value("prices")
                                            : QString::fromStdString(config.pricesFile));

    OverviewController overview;
    overview.setDatabasePath(settings.databasePath);
    qmlRegisterSingletonInstance("Workbench.Ui", 1, 0, "Overview", &overview);
    qmlRegisterUncreatableType<OverviewController>("Workbench.Ui", 1, 0, "OverviewController",
                                                   "enum access only");
    EngineHost host(settings, prices,
                    {config.analysis, config.experiments, nullptr, config.decisions, config.rules,
                     config.actuator.options, config.policySinks()});
    qmlRegisterSingletonInstance("Workbench.Ui", 1, 0, "Engine", &host);
    qmlRegisterUncreatableType<SourceListModel>("Workbench.Ui", 1, 0, "SourceListModel",
                                                "owned by the engine");
    qmlRegisterUncreatableType<FindingListModel>("Workbench.Ui", 1, 0, "FindingListModel",
                                                 "owned by the engine");
    qmlRegisterUncreatableType<ParetoController>("Workbench.Ui", 1, 0, "ParetoController",
                                                 "owned by the engine");
    qmlRegisterUncreatableType<RecommendationListModel>(
        "Workbench.Ui", 1, 0, "RecommendationListModel", "owned by the engine");
    qmlRegisterUncreatableType<DriftHistory>("Workbench.Ui", 1, 0, "DriftHistory",
                                             "owned by the engine");
    ChartExporter chartExporter; // every chart's PNG and SVG export (ChartFrame.qml)
    qmlRegisterSingletonInstance("Workbench.Ui", 1, 0, "ChartExporter", &chartExporter);
    ChartReadout chartReadout; // every chart's hover read-out
    qmlRegisterSingletonInstance("Workbench.Ui", 1, 0, "ChartReadout", &chartReadout);
    QObject::connect(&host, &EngineHost::snapshotReady, &overview,
                     &OverviewController::receiveSnapshot);
    QObject::connect(&host, &EngineHost::failed, &overview, &OverviewController::reportFeedError);
    ViewFilter filter; // the last range and service chosen, from the settings
    qmlRegisterSingletonInstance("Workbench.Ui", 1, 0, "Filter", &filter);
    host.setFilter(&filter);
    host.start();
    overview.setFilter(&filter);

    // Index in Main.qml's navigation of the screens that exist so far.
    const QMap<QString, int> screens{
        {QStringLiteral("overview"), 0},    {QStringLiteral("costs"), 1},
        {QStringLiteral("findings"), 2},    {QStringLiteral("pareto"), 3},
        {QStringLiteral("experiments"), 4}, {QStringLiteral("rollouts"), 5},
        {QStringLiteral("connections"), 6}, {QStringLiteral("audit"), 7}};
    const WindowSession session;
    const QString screen = parser.isSet("screen") ? parser.value("screen")
        : screens.contains(session.screen())      ? session.screen()
                                                  : QStringLiteral("overview");
    if (!screens.contains(screen)) {
        printError(
            "unknown screen \"" + screen
            + "\"; choose overview, costs, findings, pareto, experiments, rollouts, connections "
              "or audit");
        return kExitFailure;
    }
    ColorScheme colors; // the saved choice; before the window, which is drawn in it
    if (parser.isSet("theme")) {
        const auto choice = ColorScheme::fromName(parser.value("theme"));
        if (!choice) {
            printError("unknown theme \"" + parser.value("theme")
                       + "\"; choose system, light or dark");
            return kExitFailure;
        }
        colors.apply(*choice);
    }
    qmlRegisterSingletonInstance("Workbench.Ui", 1, 0, "ColorScheme", &colors);
    qmlRegisterSingletonInstance("Workbench.Ui", 1, 0, "UiLanguage", &language);
    QQmlApplicationEngine engine;
    QVariantMap initial = session.windowProperties();
    initial.insert(QStringLiteral("initialScreen"), screens.value(screen));
    initial.insert(QStringLiteral("showWelcome"), !session.welcomed());
    engine.setInitialProperties(initial);
    engine.load(QUrl(QStringLiteral("qrc:/Workbench/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return kExitFailure;

    if (timing)
        measureResponsiveness(*qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst()),
                              overview, timingSeconds, processStart);
    int exitCode = kExitOk;
    if (!screenshot.isEmpty()) {
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        const int afterMs = static_cast<int>(parser.value("after").toDouble() * 1000);
        QTimer::singleShot(afterMs, &app, [&] {
            const QImage image = window->grabWindow();
            if (image.isNull() || !image.save(screenshot)) {
                printError("could not save the screenshot to " + screenshot);
                exitCode = kExitFailure;
            }
            app.quit();
        });
    }
    const int rc = app.exec();
    const auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    WindowSession::save(*window, screens.key(window->property("currentScreen").toInt()));
    return exitCode != kExitOk ? exitCode : rc;
}

} // namespace

int main(int argc, char** argv)
{
    const auto processStart = std::chrono::steady_clock::now(); // for --timing
    QCoreApplication::setApplicationName(QStringLiteral("llm-optimizer"));
    QCoreApplication::setOrganizationName(QStringLiteral("llm-optimizer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LLMOPT_VERSION));
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    try {
        if (command == "--headless") {
            QCoreApplication app(argc, argv);
            QCommandLineParser parser;
            parser.setApplicationDescription(
                "Headless daemon: OTLP/HTTP and Kafka in, HTTP API out.");
            parser.addHelpOption();
            parser.addOption({"headless", "Run without a window."});
            parser.addOption(kConfigOption);
            parser.process(app);
            return runHeadless(parser.value("config"));
        }
        if (command == "simulate" || command == "analyze" || command == "audit"
            || command == "experiment") {
            QCoreApplication app(argc, argv);
            QStringList args = app.arguments();
            args.removeAt(1);
            args[0] += ' ' + command;
            if (command == "audit")
                return runAudit(args);
            if (command == "experiment")
                return runExperiment(args);
            return command == "simulate" ? runSimulate(args) : runAnalyze(args);
        }
        if (command == "report") {
            // The PDF lays out text, which needs a QGuiApplication; no display is needed.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication app(argc, argv);
            QStringList args = app.arguments();
            args.removeAt(1);
            args[0] += QStringLiteral(" report");
            return runReport(args);
        }
        return runGui(argc, argv, processStart);
    } catch (const llmopt::ConfigError& e) {
        printError(e.what());
    } catch (const llmopt::StoreError& e) {
        printError(e.what());
    } catch (
        const std::runtime_error& e) { // a receiver could not start: the message names the setting
        printError(e.what());
    } catch (const std::exception& e) { // nothing a user sends may end in std::terminate
        printError(QStringLiteral("unexpected error: %1").arg(QString::fromUtf8(e.what())));
    }
    return kExitFailure;
}
