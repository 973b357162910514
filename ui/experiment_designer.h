#pragma once

#include "dataset_preview_model.h"
#include "experiment_arm_model.h"
#include "template_diff_model.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QVariantList>
#include <QVariantMap>
#include <atomic>
#include <memory>

namespace llmopt {
class PriceTable;
namespace offline {
class ExperimentDataset;
struct ExperimentDefinition;
struct ExperimentPlan;
} // namespace offline
} // namespace llmopt

// The Experiments screen's controller: the designer of an offline prompt
// experiment (docs/experiments.md), everything before a run. Opens a
// definition file, reads its dataset (a relative dataset.path is taken from
// the definition's folder), validates both and computes the plan — all on a
// worker thread, so a large dataset never blocks the GUI. Results come back
// queued; a newer open or reload supersedes an older one still in flight.
// Every problem is listed with the section of the screen it belongs to, the
// field it names and what to do about it.
class ExperimentDesigner : public QObject {
    Q_OBJECT
    // "empty" (nothing opened), "loading", "loaded" (the definition was read;
    // it may still have problems) or "failed" (it could not be read at all).
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString path READ path NOTIFY stateChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(QString suggestedExamplePath READ suggestedExamplePath CONSTANT)
    // Why the definition could not be read (state "failed"), else "".
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    // [{section, field, message, fix}]; section: "definition", "arms",
    // "dataset", "metrics" or "plan".
    Q_PROPERTY(QVariantList issues READ issues NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    Q_PROPERTY(QString description READ description NOTIFY stateChanged)
    Q_PROPERTY(ExperimentArmModel* arms READ arms CONSTANT)
    Q_PROPERTY(int diffLeft READ diffLeft NOTIFY diffChanged)
    Q_PROPERTY(int diffRight READ diffRight NOTIFY diffChanged)
    Q_PROPERTY(TemplateDiffModel* promptDiff READ promptDiff CONSTANT)
    Q_PROPERTY(TemplateDiffModel* systemDiff READ systemDiff CONSTANT)
    Q_PROPERTY(QString datasetPath READ datasetPath NOTIFY stateChanged) // resolved
    Q_PROPERTY(QString datasetFormat READ datasetFormat NOTIFY stateChanged)
    Q_PROPERTY(int datasetItems READ datasetItems NOTIFY stateChanged) // -1: not read
    Q_PROPERTY(QStringList datasetColumns READ datasetColumns NOTIFY stateChanged)
    Q_PROPERTY(QString datasetError READ datasetError NOTIFY stateChanged)
    Q_PROPERTY(DatasetPreviewModel* datasetPreview READ datasetPreview CONSTANT)
    // Template variables that are no dataset column; items lacking one.
    Q_PROPERTY(QStringList missingColumns READ missingColumns NOTIFY stateChanged)
    Q_PROPERTY(int itemsMissingVariables READ itemsMissingVariables NOTIFY stateChanged)
    // [{name, kind, primary, proportion, detail}]
    Q_PROPERTY(QVariantList metrics READ metrics NOTIFY stateChanged)
    Q_PROPERTY(QString primaryMetric READ primaryMetric NOTIFY stateChanged)
    Q_PROPERTY(double alpha READ alpha NOTIFY stateChanged)
    Q_PROPERTY(double power READ power NOTIFY stateChanged)
    Q_PROPERTY(double minimumEffect READ minimumEffect NOTIFY stateChanged)
    Q_PROPERTY(QString baselineText READ baselineText NOTIFY stateChanged)
    Q_PROPERTY(bool planning READ planning NOTIFY planChanged)
    // The plan's figures, formatted and raw (see planToVariant); empty when none.
    Q_PROPERTY(QVariantMap plan READ plan NOTIFY planChanged)
    // Why there is no plan ("fix the problems above first"), else "".
    Q_PROPERTY(QString planBlocked READ planBlocked NOTIFY planChanged)
    Q_PROPERTY(QString runCommand READ runCommand NOTIFY stateChanged)

public:
    static constexpr int kRecentFiles = 8;
    static constexpr const char* kRecentKey = "experiments/recent";

    ExperimentDesigner(const llmopt::PriceTable& prices, QObject* parent = nullptr);
    ~ExperimentDesigner() override;

    // A path as typed or dropped ("file:" URL, "~/…", relative) made absolute.
    static QString localPath(const QString& input);

    // The event database the run command names.
    void setDatabasePath(const QString& path);

    QString state() const { return m_state; }
    QString path() const { return m_path; }
    QStringList recentFiles() const { return m_recent; }
    QString suggestedExamplePath() const;
    QString error() const { return m_error; }
    QVariantList issues() const { return m_issues; }
    QString name() const;
    QString description() const;
    ExperimentArmModel* arms() const { return m_arms; }
    int diffLeft() const { return m_diffLeft; }
    int diffRight() const { return m_diffRight; }
    TemplateDiffModel* promptDiff() const { return m_promptDiff; }
    TemplateDiffModel* systemDiff() const { return m_systemDiff; }
    QString datasetPath() const { return m_datasetPath; }
    QString datasetFormat() const;
    int datasetItems() const;
    QStringList datasetColumns() const;
    QString datasetError() const { return m_datasetError; }
    DatasetPreviewModel* datasetPreview() const { return m_preview; }
    QStringList missingColumns() const { return m_missingColumns; }
    int itemsMissingVariables() const { return m_itemsMissingVariables; }
    QVariantList metrics() const;
    QString primaryMetric() const;
    double alpha() const;
    double power() const;
    double minimumEffect() const;
    QString baselineText() const;
    bool planning() const { return m_planning; }
    QVariantMap plan() const { return m_plan; }
    QString planBlocked() const { return m_planBlocked; }
    QString runCommand() const;
    // What a run would run: set only while the definition and dataset are
    // valid and have a plan (planBlocked is empty); null otherwise.
    std::shared_ptr<const llmopt::offline::ExperimentDefinition> runnableDefinition() const;
    std::shared_ptr<const llmopt::offline::ExperimentDataset> runnableDataset() const;

    // Reads the definition at `path` (a local path or file: URL) off the GUI thread.
    Q_INVOKABLE void open(const QString& path);
    Q_INVOKABLE void reload();
    Q_INVOKABLE void openMostRecent();
    Q_INVOKABLE void forgetRecent(const QString& path);
    // Writes the starter definition (docs/experiments.md) to `path` and its
    // dataset faq.csv beside it (unless one exists), then opens it. Refuses
    // to overwrite a definition: returns "" or what went wrong.
    Q_INVOKABLE QString createFromExample(const QString& path);
    Q_INVOKABLE void setDiffArms(int left, int right);

    // The plan as the screen shows it: figures and their texts.
    static QVariantMap planToVariant(const llmopt::offline::ExperimentPlan& plan,
                                     const llmopt::offline::ExperimentDefinition& definition);
    // An engine message ("origin: arms[1].params.top_p must be …") as
    // {section, field, message, fix}.
    static QVariantMap issueFrom(const QString& message, const QString& origin);
    static QString exampleDefinition();
    static QString exampleDataset();

Q_SIGNALS:
    void stateChanged();
    void recentFilesChanged();
    void diffChanged();
    void planChanged();

private:
    struct Loaded;
    // Reads and checks a definition and its dataset; runs on the worker.
    static std::shared_ptr<Loaded> load(const QString& path);
    void loaded(quint64 generation, std::shared_ptr<Loaded> result);
    void planned(quint64 generation, QVariantMap plan, QString error);
    void rememberRecent(const QString& path);
    void updateDiff();

    std::shared_ptr<const llmopt::PriceTable> m_prices;
    QString m_databasePath;
    QString m_state = QStringLiteral("empty");
    QString m_path;
    QStringList m_recent;
    QString m_error;
    QVariantList m_issues;
    std::shared_ptr<const llmopt::offline::ExperimentDefinition> m_definition;
    std::shared_ptr<const llmopt::offline::ExperimentDataset> m_dataset;
    QString m_datasetPath;
    QString m_datasetError;
    QStringList m_missingColumns;
    int m_itemsMissingVariables = 0;
    ExperimentArmModel* m_arms = nullptr;
    TemplateDiffModel* m_promptDiff = nullptr;
    TemplateDiffModel* m_systemDiff = nullptr;
    DatasetPreviewModel* m_preview = nullptr;
    int m_diffLeft = 0;
    int m_diffRight = 1;
    bool m_planning = false;
    QVariantMap m_plan;
    QString m_planBlocked;
    std::atomic<quint64> m_generation{0}; // a job whose generation is older is stale
    QThreadPool m_worker;
};
