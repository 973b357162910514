#pragma once

#include "experiment_dataset.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

// The first items of an experiment's dataset as a table: the item's id, each
// variable the arms' templates use, and the reference answer. A variable the
// templates use that an item lacks (or that is no column at all) is flagged:
// the run would stop at that item rather than send a prompt with a hole.
class DatasetPreviewModel : public QAbstractTableModel {
    Q_OBJECT
    Q_PROPERTY(QStringList columns READ columns NOTIFY changed)
    // Per column: whether any previewed item lacks it (a template variable
    // that is not a dataset column is missing everywhere).
    Q_PROPERTY(QVariantList columnMissing READ columnMissing NOTIFY changed)

public:
    enum Role {
        MissingRole = Qt::UserRole + 1, // the item lacks this template variable
        KindRole, // "id", "variable" or "reference"
    };
    Q_ENUM(Role)

    static constexpr size_t kPreviewItems = 20;

    explicit DatasetPreviewModel(QObject* parent = nullptr);

    // `variables`: what the templates use, in order; `withReference`: show the
    // reference column.
    void setItems(const std::vector<llmopt::offline::DatasetItem>& items,
                  const std::vector<std::string>& variables, bool withReference);
    void clear();

    QStringList columns() const { return m_columns; }
    QVariantList columnMissing() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void changed();

private:
    struct Cell {
        QString text;
        bool missing = false;
    };
    QStringList m_columns;
    std::vector<bool> m_columnMissing;
    int m_referenceColumn = -1;
    std::vector<std::vector<Cell>> m_rows;
};
