#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <chrono>
#include <mutex>
#include <vector>

// How responsive the GUI thread is (`llm-optimizer --timing`, bench_gui_lag,
// docs/benchmarks.md). Event-loop lag: a 5 ms precise single-shot timer,
// re-armed at every tick, records how late each tick fires — anything that
// holds the GUI thread (a slot, a model reset, layout, a software-rendered
// frame) shows up as lateness. Frames: the window reports when a frame
// begins and when it is swapped. Cold start: from `processStart` to the first
// frame swapped after markPopulated().
class ResponsivenessProbe : public QObject {
    Q_OBJECT

public:
    using Clock = std::chrono::steady_clock;

    explicit ResponsivenessProbe(Clock::time_point processStart, QObject* parent = nullptr);

    // The screen now holds data: the next frame swapped is the first populated one.
    void markPopulated();
    // Called by the window from whichever thread renders (QQuickWindow::beforeFrameBegin
    // and frameSwapped, connected directly).
    void frameBegun();
    void frameSwapped();

    // Clears the samples and starts the lag timer.
    void startRecording();
    // Stops it; the lag, frame-time and frame-interval percentiles since startRecording().
    QJsonObject stopRecording();

Q_SIGNALS:
    // The first frame with data was swapped, `milliseconds` after processStart.
    void populatedFrameShown(double milliseconds);

private:
    void tick();

    Clock::time_point m_processStart;
    QTimer m_timer;
    Clock::time_point m_armedAt;
    Clock::time_point m_recordingSince;
    std::vector<double> m_lagMs;

    std::mutex m_frameMutex; // the frame calls come from the render thread, if there is one
    bool m_recording = false;
    bool m_populated = false;
    bool m_populatedFrameShown = false;
    Clock::time_point m_frameBegun;
    Clock::time_point m_lastSwap;
    std::vector<double> m_frameMs; // begin → swapped
    std::vector<double> m_frameIntervalMs; // swapped → swapped
};
