#pragma once
// TaskPreviewPanel: the synthetic-task showcase (issue #6). For the selected image of a project, pick a
// self-supervised task, see original | augmented | anomaly mask | soft label, shuffle the seed, browse a
// gallery across the training images and edit the task's parameters (stored in the project).
#include <QString>
#include <QWidget>

namespace lightbox::ui {

class TaskPreviewPanel : public QWidget {
  Q_OBJECT
public:
  explicit TaskPreviewPanel(QWidget* parent = nullptr);
  ~TaskPreviewPanel() override;

  void setProject(const QString& projectPath);
  void setImage(qint64 imageId);
};

} // namespace lightbox::ui
