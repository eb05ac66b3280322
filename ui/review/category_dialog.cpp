#include "review/category_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace lightbox::ui {

CategoryDialog::CategoryDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("categoryDialog"));
  setWindowTitle(tr("Finding categories"));
  list_ = new QListWidget(this);
  list_->setObjectName(QStringLiteral("categoryList"));
  auto* add = new QPushButton(tr("Add…"), this);
  add->setObjectName(QStringLiteral("addCategoryButton"));
  rename_ = new QPushButton(tr("Rename…"), this);
  rename_->setObjectName(QStringLiteral("renameCategoryButton"));
  remove_ = new QPushButton(tr("Remove"), this);
  remove_->setObjectName(QStringLiteral("removeCategoryButton"));
  up_ = new QPushButton(tr("Move up"), this);
  up_->setObjectName(QStringLiteral("categoryUpButton"));
  down_ = new QPushButton(tr("Move down"), this);
  down_->setObjectName(QStringLiteral("categoryDownButton"));
  auto* buttons = new QVBoxLayout;
  for (auto* b : {add, rename_, remove_, up_, down_}) buttons->addWidget(b);
  buttons->addStretch(1);
  auto* row = new QHBoxLayout;
  row->addWidget(list_, 1);
  row->addLayout(buttons);
  auto* note = new QLabel(tr("Every change is stored at once and can be undone on the review page (Ctrl+Z)."), this);
  note->setWordWrap(true);
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row, 1);
  layout->addWidget(note);
  layout->addWidget(close);

  confirm_ = [this](const QString& name, qint64 uses) {
    return QMessageBox::question(this, tr("Remove category"),
                                 tr("%n finding(s) have the category “%1”; removing it leaves them without one. "
                                    "Remove it?",
                                    nullptr, int(uses))
                                     .arg(name)) == QMessageBox::Yes;
  };
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(list_, &QListWidget::currentRowChanged, this, [this] { refreshButtons(); });
  connect(add, &QPushButton::clicked, this, [this] {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add category"), tr("Name"), QLineEdit::Normal, {}, &ok);
    if (ok) addCategory(name);
  });
  connect(rename_, &QPushButton::clicked, this, [this] {
    const int r = currentRow();
    if (r < 0) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename category"), tr("Name"), QLineEdit::Normal,
                                               QString::fromStdString(categories_[size_t(r)].name), &ok);
    if (ok) renameCurrent(name);
  });
  connect(remove_, &QPushButton::clicked, this, &CategoryDialog::removeCurrent);
  connect(up_, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
  connect(down_, &QPushButton::clicked, this, [this] { moveCurrent(1); });
  refreshButtons();
}

void CategoryDialog::setCategories(const std::vector<workflows::ReviewCategory>& categories) {
  const qint64 keep = currentRow() >= 0 ? categories_[size_t(currentRow())].id : 0;
  categories_ = categories;
  list_->clear();
  int row = -1;
  for (size_t k = 0; k < categories_.size(); ++k) {
    list_->addItem(QString::fromStdString(categories_[k].name));
    if (categories_[k].id == keep) row = int(k);
  }
  if (row >= 0) list_->setCurrentRow(row);
  refreshButtons();
}

int CategoryDialog::currentRow() const {
  const int r = list_->currentRow();
  return r >= 0 && size_t(r) < categories_.size() ? r : -1;
}

void CategoryDialog::setCurrentRow(int row) { list_->setCurrentRow(row); }

QStringList CategoryDialog::names() const {
  QStringList out;
  for (const auto& c : categories_) out << QString::fromStdString(c.name);
  return out;
}

void CategoryDialog::addCategory(const QString& name) {
  if (!name.trimmed().isEmpty()) Q_EMIT addRequested(name.trimmed());
}

void CategoryDialog::renameCurrent(const QString& name) {
  const int r = currentRow();
  if (r < 0 || name.trimmed().isEmpty()) return;
  const QString before = QString::fromStdString(categories_[size_t(r)].name);
  if (name.trimmed() != before) Q_EMIT renameRequested(categories_[size_t(r)].id, before, name.trimmed());
}

void CategoryDialog::removeCurrent() {
  const int r = currentRow();
  if (r < 0) return;
  const auto& c = categories_[size_t(r)];
  const QString name = QString::fromStdString(c.name);
  const qint64 uses = uses_ ? uses_(c.id) : 0;
  if (uses > 0 && !(confirm_ && confirm_(name, uses))) return;
  Q_EMIT removeRequested(c.id, name, r);
}

void CategoryDialog::moveCurrent(int delta) {
  const int r = currentRow();
  const int to = r + delta;
  if (r < 0 || to < 0 || size_t(to) >= categories_.size()) return;
  std::vector<int64_t> before, after;
  for (const auto& c : categories_) before.push_back(c.id);
  after = before;
  std::swap(after[size_t(r)], after[size_t(to)]);
  const qint64 moved = categories_[size_t(r)].id;
  Q_EMIT reorderRequested(before, after);
  for (size_t k = 0; k < categories_.size(); ++k)
    if (categories_[k].id == moved) list_->setCurrentRow(int(k));
}

void CategoryDialog::refreshButtons() {
  const int r = currentRow();
  rename_->setEnabled(r >= 0);
  remove_->setEnabled(r >= 0);
  up_->setEnabled(r > 0);
  down_->setEnabled(r >= 0 && size_t(r) + 1 < categories_.size());
}

}  // namespace lightbox::ui
