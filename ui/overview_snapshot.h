#pragma once

#include "collector.h"
#include "model_timeline.h"
#include "variant_aggregator.h"

#include <QMetaType>
#include <QStringList>
#include <memory>

// One immutable picture of the live feed, handed from the engine thread to
// the GUI thread (DESIGN.md, Threads).
struct OverviewSnapshot {
    int64_t nowUnixNano = 0;
    llmopt::LiveKpis kpis;
    std::vector<llmopt::VariantSummary> variants;
    std::vector<llmopt::TimelineSeries> series;
    llmopt::IngestCounters counters;
    QStringList scenarioNotes; // scenario events that have started, newest last
};

using OverviewSnapshotPtr = std::shared_ptr<const OverviewSnapshot>;
Q_DECLARE_METATYPE(OverviewSnapshotPtr)
