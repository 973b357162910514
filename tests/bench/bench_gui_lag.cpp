// GUI responsiveness under load (docs/benchmarks.md): starts the real
// workbench (`llm-optimizer --timing`, offscreen unless QT_QPA_PLATFORM says
// otherwise) on a fresh database, with the demo feed at its normal rate and
// scaled up to RATE events/s, and prints what the program measured on its GUI
// thread: cold start, event-loop lag, frames, and the events stored per second.
#include "simulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

namespace {

// The demo feed's rate now (its daily curve moves it), summed over its services.
double demoEventsPerSecond()
{
    const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    llmopt::SimulatorConfig config = llmopt::SimulatorConfig::demo(1, now);
    const size_t services = config.services.size();
    const llmopt::Simulator simulator(std::move(config));
    double rate = 0;
    for (size_t i = 0; i < services; ++i)
        rate += simulator.rateAt(i, now);
    return rate;
}

// The figures the workbench printed (coldStartMs from its main(), the probe's
// lag and frame figures, storedPerSecond) and spawnToFrameMs: from starting
// the process to reading its cold start line.
std::optional<QJsonObject> runWorkbench(double rateScale, double seconds)
{
    QTemporaryDir dir;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains("QT_QPA_PLATFORM"))
        env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_DATA_HOME", dir.filePath("data")); // never the user's profile
    env.insert("XDG_CONFIG_HOME", dir.filePath("config"));
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    // LLMOPT_BINARY in the environment: another build, to compare two.
    p.start(qEnvironmentVariable("LLMOPT_BINARY", QStringLiteral(LLMOPT_BINARY)),
            {"--db", dir.filePath("demo.sqlite"), "--rate-scale", QString::number(rateScale),
             "--timing", QString::number(seconds)});
    double spawnToFrameMs = 0;
    QList<QByteArray> lines;
    while (lines.size() < 2 && p.waitForReadyRead(static_cast<int>(seconds * 1000) + 60000))
        while (p.canReadLine()) {
            lines << p.readLine();
            if (lines.size() == 1)
                spawnToFrameMs = double(clock.nsecsElapsed()) / 1e6;
        }
    p.waitForFinished(120000); // it commits what is queued before it exits
    const QByteArray log = p.readAllStandardError();
    if (lines.size() < 2 || p.exitCode() != 0 || log.contains("qrc:/")) {
        std::fprintf(stderr, "the workbench failed (exit code %d):\n%s\n", p.exitCode(),
                     log.constData());
        return std::nullopt;
    }
    QJsonObject figures = QJsonDocument::fromJson(lines[1]).object();
    figures["coldStartMs"] = QJsonDocument::fromJson(lines[0]).object()["coldStartMs"];
    figures["spawnToFrameMs"] = spawnToFrameMs;
    return figures;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty()   ? 0
        : v.size() % 2 ? v[v.size() / 2]
                       : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Column {
    const char* key; // in the figures
    const char* header;
    int decimals;
};

constexpr Column kColumns[] = {
    {"storedPerSecond", "stored/s", 0},
    {"lagP50Ms", "lag p50", 2},
    {"lagP90Ms", "p90", 2},
    {"lagP99Ms", "p99", 2},
    {"lagMaxMs", "max", 1},
    {"frames", "frames", 0},
    {"frameP99Ms", "frame p99", 1},
    {"frameIntervalP50Ms", "interval", 0},
    {"coldStartMs", "cold start", 0},
    {"spawnToFrameMs", "spawn→frame", 0},
};

void printRow(const char* name, const std::map<std::string, double>& values)
{
    std::printf("%-7s", name);
    for (const Column& c : kColumns)
        std::printf(" %11.*f", c.decimals, values.at(c.key));
    std::printf("\n");
    std::fflush(stdout);
}

// One row per run and the medians; false when a run failed.
bool measure(const char* label, double rateScale, double seconds, int runs)
{
    std::printf("\n%s: --rate-scale %.1f, %.0f s per run (times in ms)\n%-7s", label, rateScale,
                seconds, "run");
    for (const Column& c : kColumns)
        std::printf(" %11s", c.header);
    std::printf("\n");
    std::map<std::string, std::vector<double>> all;
    for (int r = 0; r < runs; ++r) {
        const auto figures = runWorkbench(rateScale, seconds);
        if (!figures)
            return false;
        std::map<std::string, double> values;
        for (const Column& c : kColumns)
            values[c.key] = (*figures)[c.key].toDouble();
        for (const auto& [key, value] : values)
            all[key].push_back(value);
        printRow(QByteArray::number(r + 1).constData(), values);
    }
    std::map<std::string, double> medians;
    for (const auto& [key, values] : all)
        medians[key] = median(values);
    printRow("median", medians);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const double seconds = args.size() > 1 ? args[1].toDouble() : 20.0;
    const int runs = args.size() > 2 ? args[2].toInt() : 3;
    const double rate = args.size() > 3 ? args[3].toDouble() : 200000.0;
    if (seconds <= 0 || runs <= 0 || rate <= 0) {
        std::fprintf(stderr, "usage: bench_gui_lag [SECONDS=20] [RUNS=3] [RATE=200000]\n");
        return 1;
    }
    const double base = demoEventsPerSecond();
    std::printf("llm-optimizer --timing, QT_QPA_PLATFORM=%s; demo feed now %.1f events/s\n",
                qEnvironmentVariableIsSet("QT_QPA_PLATFORM")
                    ? qgetenv("QT_QPA_PLATFORM").constData()
                    : "offscreen",
                base);
    const bool ok
        = measure("demo feed at its normal rate (as a user starts it)", 1.0, seconds, runs)
        && measure("demo feed at the target rate", rate / base, seconds, runs);
    return ok ? 0 : 1;
}
