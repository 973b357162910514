#pragma once

#include "prompt_template.h"

#include <QAbstractListModel>
#include <vector>

// The line diff of two arms' templates (PromptTemplate::diff, longest common
// subsequence), one row per line, with each line's number on its side.
class TemplateDiffModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(int added READ added NOTIFY changed)
    Q_PROPERTY(int removed READ removed NOTIFY changed)
    // Both texts are empty (e.g. neither arm has a system message).
    Q_PROPERTY(bool bothEmpty READ bothEmpty NOTIFY changed)
    Q_PROPERTY(bool identical READ identical NOTIFY changed)

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // "same", "added" or "removed"
        TextRole,
        LeftLineRole, // 1-based line in the left text, 0 for an added line
        RightLineRole, // 1-based line in the right text, 0 for a removed line
    };
    Q_ENUM(Role)

    explicit TemplateDiffModel(QObject* parent = nullptr);

    void setTexts(const std::string& left, const std::string& right);
    void clear();
    int added() const { return m_added; }
    int removed() const { return m_removed; }
    bool bothEmpty() const { return m_bothEmpty; }
    bool identical() const { return m_added == 0 && m_removed == 0; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void changed();

private:
    struct Line {
        llmopt::TemplateDiffLine::Kind kind;
        QString text;
        int left = 0;
        int right = 0;
    };
    std::vector<Line> m_lines;
    int m_added = 0;
    int m_removed = 0;
    bool m_bothEmpty = true;
};
