#pragma once
// "Categories…": the project's list of finding categories, edited in place — add, rename, remove (asking first when
// findings have the category: they lose it), move up and down. The dialog only asks; every edit is a command on the
// review page's undo stack (CategoryListCommand), which stores it at once and calls setCategories with the new list.

#include <QDialog>
#include <functional>
#include <vector>

#include "lightbox/workflows/review.h"

class QListWidget;
class QPushButton;

namespace lightbox::ui {

class CategoryDialog : public QDialog {
  Q_OBJECT
 public:
  explicit CategoryDialog(QWidget* parent = nullptr);

  void setCategories(const std::vector<workflows::ReviewCategory>& categories);
  int currentRow() const;
  void setCurrentRow(int row);
  QStringList names() const;
  /// How the dialog asks before removing a category that `uses` findings have; the default shows a message box.
  void setConfirmRemoval(std::function<bool(const QString& name, qint64 uses)> confirm) { confirm_ = std::move(confirm); }
  /// How many findings have a category (set by the page: it reads the project).
  void setUseCounter(std::function<qint64(qint64 id)> count) { uses_ = std::move(count); }

  // What the buttons do, callable directly (tests, keyboard).
  void addCategory(const QString& name);
  void renameCurrent(const QString& name);
  void removeCurrent();
  void moveCurrent(int delta);

 Q_SIGNALS:
  void addRequested(const QString& name);
  void renameRequested(qint64 id, const QString& before, const QString& after);
  void removeRequested(qint64 id, const QString& name, int position);
  void reorderRequested(const std::vector<int64_t>& before, const std::vector<int64_t>& after);

 private:
  void refreshButtons();

  std::vector<workflows::ReviewCategory> categories_;
  QListWidget* list_ = nullptr;
  QPushButton *rename_ = nullptr, *remove_ = nullptr, *up_ = nullptr, *down_ = nullptr;
  std::function<bool(const QString&, qint64)> confirm_;
  std::function<qint64(qint64)> uses_;
};

}  // namespace lightbox::ui
