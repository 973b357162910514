#pragma once

#include "experiment_definition.h"

#include <QAbstractListModel>
#include <vector>

// The arms of an offline experiment definition, the control first, for the
// Experiments screen: what each calls (provider, model, parameters) and with
// which templates.
class ExperimentArmModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        ProviderRole,
        ModelRole,
        ParamsRole, // "temperature 0.2 · top_p 0.9 · max_tokens 128", or "provider defaults"
        ControlRole, // the first arm: the one the others are compared with
        PromptRole,
        SystemRole, // "" without a system message
        VariablesRole, // QStringList: the templates' variables, each once
    };
    Q_ENUM(Role)

    explicit ExperimentArmModel(QObject* parent = nullptr);

    void setArms(std::vector<llmopt::offline::ExperimentArm> arms);
    const std::vector<llmopt::offline::ExperimentArm>& arms() const { return m_arms; }
    static QString paramsText(const llmopt::offline::ArmParams& params);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<llmopt::offline::ExperimentArm> m_arms;
};
