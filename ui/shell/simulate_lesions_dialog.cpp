#include "shell/simulate_lesions_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

#include "shell/eta.h"
#include "shell/job_progress_page.h"
#include "shell/job_runner.h"

namespace lightbox::ui {

namespace {

constexpr const char* kSlicePreset = "brain-slices-2d";

/// Healthy datasets before blend sources; among them those imported as slices (the only ones that work) first.
int sourceRank(const workflows::BrowseDataset& d) {
  return (d.role == "healthy" ? 0 : 2) + (d.preset == kSlicePreset ? 0 : 1);
}

}  // namespace

SimulateLesionsDialog::SimulateLesionsDialog(const QString& projectPath,
                                             const std::vector<workflows::BrowseDataset>& datasets, JobRunner* runner,
                                             QWidget* parent)
    : QDialog(parent),
      projectPath_(projectPath),
      runner_(runner),
      datasets_(datasets),
      result_(std::make_shared<workflows::SimulatedLesionResult>()) {
  setObjectName(QStringLiteral("simulateLesionsDialog"));
  setWindowTitle(tr("Test Set with Simulated Lesions"));
  pages_ = new QStackedWidget(this);
  pages_->addWidget(buildSetupPage());
  pages_->addWidget(buildProgressPage());
  pages_->addWidget(buildResultPage());
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(pages_);

  std::vector<const workflows::BrowseDataset*> sources;
  for (const auto& d : datasets_)
    if (d.role != "test" && d.imported > 0) sources.push_back(&d);
  std::stable_sort(sources.begin(), sources.end(),
                   [](const auto* a, const auto* b) { return sourceRank(*a) < sourceRank(*b); });
  for (const auto* d : sources)
    source_->addItem(tr("%1 (%2, %3, %n image(s))", nullptr, int(d->imported))
                         .arg(QString::fromStdString(d->name), QString::fromStdString(d->role),
                              QString::fromStdString(d->preset)),
                     QString::fromStdString(d->name));

  // A free name: the workflow refuses an existing one, so offer the first that is not taken.
  const workflows::SimulatedLesionParams defaults;
  QString name = QString::fromStdString(defaults.testDataset);
  const auto taken = [this](const QString& n) {
    return std::any_of(datasets_.begin(), datasets_.end(),
                       [&](const auto& d) { return QString::fromStdString(d.name) == n; });
  };
  for (int k = 2; taken(name); ++k) name = QStringLiteral("%1-%2").arg(QString::fromStdString(defaults.testDataset)).arg(k);
  name_->setText(name);
  every_->setValue(defaults.holdOutEvery);
  share_->setValue(100.0 * defaults.lesionShare);
  seed_->setValue(int(defaults.seed));

  connect(runner_, &JobRunner::started, this, [this] { updateForm(); });
  connect(runner_, &JobRunner::finished, this, [this] { updateForm(); });
  resize(600, sizeHint().height());
  updateForm();
}

QWidget* SimulateLesionsDialog::buildSetupPage() {
  auto* page = new QWidget(pages_);
  page->setObjectName(QStringLiteral("simulateSetupPage"));
  auto* layout = new QVBoxLayout(page);
  auto* intro = new QLabel(
      tr("Holds out every k-th slice of each healthy volume and copies it into a new <b>test</b> dataset; most of "
         "these slices get one or two <b>simulated</b> lesions (smooth bright or dark ellipses, not one of the "
         "training tasks) with their masks as ground truth. The held-out slices are left out of training from now on, "
         "so the model is tested on slices it never saw. There are no real lesions in this set: it is marked "
         "“simulated” in the project."),
      page);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  source_ = new QComboBox(page);
  source_->setObjectName(QStringLiteral("simulateSource"));
  source_->setToolTip(tr("A healthy dataset imported with the brain-slices-2d preset (one working array per axial "
                         "slice). Its held-out slices stay in it, marked, but no training run uses them any more."));
  name_ = new QLineEdit(page);
  name_->setObjectName(QStringLiteral("simulateName"));
  name_->setToolTip(tr("Name of the new test dataset; it must not exist yet"));
  every_ = new QSpinBox(page);
  every_->setObjectName(QStringLiteral("simulateEvery"));
  every_->setRange(2, 1000);
  every_->setPrefix(tr("1 in "));
  every_->setSuffix(tr(" slices"));
  every_->setToolTip(tr("Which slices become test images: slices 0, k, 2k, … of each volume. They are held out of "
                        "training for good (later runs skip them), so a smaller k makes a bigger test set and leaves "
                        "less to train on."));
  everyNote_ = new QLabel(page);
  everyNote_->setObjectName(QStringLiteral("simulateEveryNote"));
  everyNote_->setWordWrap(true);
  everyNote_->setForegroundRole(QPalette::PlaceholderText);
  share_ = new QDoubleSpinBox(page);
  share_->setObjectName(QStringLiteral("simulateShare"));
  share_->setRange(0.0, 100.0);
  share_->setDecimals(0);
  share_->setSingleStep(5.0);
  share_->setSuffix(tr(" %"));
  share_->setToolTip(tr("Share of the held-out slices that get lesions; the others stay healthy, so the test set has "
                        "negatives too (sample-level AP and AUROC need both)."));
  seed_ = new QSpinBox(page);
  seed_->setObjectName(QStringLiteral("simulateSeed"));
  seed_->setRange(0, INT_MAX);
  seed_->setToolTip(tr("Where the lesions go, their size, shape and brightness: the same seed makes the same set"));

  auto* form = new QFormLayout;
  form->addRow(tr("&Source (healthy):"), source_);
  form->addRow(tr("&New test dataset:"), name_);
  auto* everyColumn = new QVBoxLayout;
  everyColumn->setSpacing(2);
  everyColumn->addWidget(every_);
  everyColumn->addWidget(everyNote_);
  auto* everyLabel = new QLabel(tr("&Held-out slices:"), page);
  everyLabel->setBuddy(every_);
  form->addRow(everyLabel, everyColumn);
  form->addRow(tr("&With lesions:"), share_);
  form->addRow(tr("S&eed:"), seed_);
  layout->addLayout(form);

  error_ = new QLabel(page);
  error_->setObjectName(QStringLiteral("simulateError"));
  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->hide();
  layout->addWidget(error_);
  layout->addStretch();

  auto* buttons = new QDialogButtonBox(page);
  createButton_ = buttons->addButton(tr("Create Test Set"), QDialogButtonBox::AcceptRole);
  createButton_->setObjectName(QStringLiteral("simulateCreate"));
  createButton_->setDefault(true);
  buttons->addButton(QDialogButtonBox::Cancel);
  layout->addWidget(buttons);

  connect(source_, &QComboBox::currentIndexChanged, this, [this] { updateForm(); });
  connect(name_, &QLineEdit::textChanged, this, [this] { updateForm(); });
  connect(every_, &QSpinBox::valueChanged, this, [this] { updateForm(); });
  connect(createButton_, &QPushButton::clicked, this, [this] { start(); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  return page;
}

QWidget* SimulateLesionsDialog::buildProgressPage() {
  auto* page = new JobProgressPage(
      runner_, this, QStringLiteral("simulate"), tr("Cancel"),
      tr("The test set is written in one transaction: cancelling leaves the project as it was. "
         "You can close this window; the work goes on in the status bar."),
      pages_);
  progressText_ = page->text();
  progressBar_ = page->bar();
  eta_ = page->eta();
  cancelButton_ = page->cancelButton();
  return page;
}

QWidget* SimulateLesionsDialog::buildResultPage() {
  auto* page = new QWidget(pages_);
  page->setObjectName(QStringLiteral("simulateResultPage"));
  auto* layout = new QVBoxLayout(page);
  summary_ = new QLabel(page);
  summary_->setObjectName(QStringLiteral("simulateSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
  buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("simulateClose"));
  layout->addWidget(summary_);
  layout->addStretch();
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
  return page;
}

void SimulateLesionsDialog::setSourceDataset(const QString& name) {
  if (const int i = source_->findData(name); i >= 0) source_->setCurrentIndex(i);
}

QString SimulateLesionsDialog::sourceDataset() const { return source_->currentData().toString(); }
void SimulateLesionsDialog::setTestDatasetName(const QString& name) { name_->setText(name); }
void SimulateLesionsDialog::setHoldOutEvery(int k) { every_->setValue(k); }
void SimulateLesionsDialog::setLesionShare(double share) { share_->setValue(100.0 * share); }
void SimulateLesionsDialog::setSeed(int seed) { seed_->setValue(seed); }

workflows::SimulatedLesionParams SimulateLesionsDialog::params() const {
  workflows::SimulatedLesionParams p;
  p.projectPath = projectPath_.toStdString();
  p.sourceDataset = sourceDataset().toStdString();
  p.testDataset = name_->text().trimmed().toStdString();
  p.holdOutEvery = every_->value();
  p.lesionShare = share_->value() / 100.0;
  p.seed = uint64_t(seed_->value());
  return p;
}

QString SimulateLesionsDialog::errorText() const { return error_->isVisible() ? error_->text() : QString(); }

void SimulateLesionsDialog::updateForm() {
  const QString name = name_->text().trimmed();
  const bool taken = std::any_of(datasets_.begin(), datasets_.end(),
                                 [&](const auto& d) { return QString::fromStdString(d.name) == name; });
  QString note = tr("About %1 % of each volume's slices become test images.").arg(QLocale().toString(100.0 / every_->value(), 'f', 0));
  for (const auto& d : datasets_)
    if (QString::fromStdString(d.name) == sourceDataset() && d.preset != kSlicePreset)
      note += QLatin1Char('\n') + tr("“%1” was imported with %2, not %3: only slice datasets can be used.")
                                      .arg(sourceDataset(), QString::fromStdString(d.preset), QLatin1String(kSlicePreset));
  if (source_->count() == 0) note = tr("The project has no healthy dataset yet: import a brain volume with the %1 "
                                       "preset first.").arg(QLatin1String(kSlicePreset));
  if (taken) note += QLatin1Char('\n') + tr("The project already has a dataset named “%1”.").arg(name);
  everyNote_->setText(note);
  const bool busy = runner_->busy();
  createButton_->setEnabled(!running_ && !busy && source_->count() > 0 && !name.isEmpty() && !taken);
  createButton_->setToolTip(busy && !running_ ? tr("Wait for “%1” to finish first").arg(runner_->title()) : QString());
}

void SimulateLesionsDialog::showError(const QString& message) {
  error_->setText(message);
  error_->setStyleSheet(QStringLiteral("color:#c0392b;"));
  error_->show();
  pages_->setCurrentIndex(0);
}

bool SimulateLesionsDialog::start() {
  if (running_ || !createButton_->isEnabled()) return false;
  const workflows::SimulatedLesionParams p = params();
  // Page and connections first: the runner emits started() inside start(), and a Cancel then must already work.
  error_->hide();
  pages_->setCurrentIndex(1);
  progressText_->setText(tr("Choosing the slices to hold out…"));
  progressBar_->setRange(0, 0);
  eta_->clear();
  cancelButton_->setEnabled(true);
  auto* context = new QObject(this);  // scopes the connections to this one job
  connect(runner_, &JobRunner::progressed, context,
          [this](qint64 done, qint64 total, const QString&, const QString& eta) {
            if (total <= 0) return;
            progressBar_->setRange(0, int(std::min<qint64>(total, 1 << 30)));
            progressBar_->setValue(int(done));
            progressBar_->setFormat(formatCount(done, total));
            progressText_->setText(tr("Simulating lesions on held-out slice %1 of %2").arg(std::min(done + 1, total)).arg(total));
            eta_->setText(eta);
          });
  connect(runner_, &JobRunner::cancelling, context, [this] {
    cancelButton_->setEnabled(false);
    eta_->setText(tr("Cancelling…"));
  });
  connect(runner_, &JobRunner::finished, context, [this, context](bool cancelled, const QString& error) {
    context->deleteLater();
    onFinished(cancelled, error);
  });
  running_ = true;
  const auto result = result_;
  const bool started = runner_->start(tr("Making test set %1").arg(QString::fromStdString(p.testDataset)),
                                      [p, result](ProgressSink& progress) -> std::function<void()> {
                                        *result = workflows::createSimulatedLesionTestSet(p, progress);
                                        return {};
                                      });
  if (!started) {
    delete context;
    running_ = false;
    showError(tr("Another job is running (“%1”): wait for it, or cancel it, first.").arg(runner_->title()));
    updateForm();
    return false;
  }
  return true;
}

void SimulateLesionsDialog::onFinished(bool cancelled, const QString& error) {
  running_ = false;
  // The workflow commits everything at its end and throws when it stops early, so an empty error means the test
  // set exists, even when Cancel came too late to stop it.
  if (!error.isEmpty()) {
    if (cancelled) {
      showError(tr("Cancelled: nothing was written, and the source dataset is unchanged."));
      error_->setStyleSheet(QString());
    } else {
      showError(tr("Could not make the test set: %1").arg(error));
      if (isHidden()) show();  // a failure deserves to be seen
    }
    updateForm();
    Q_EMIT simulationFinished(false);
    return;
  }
  succeeded_ = true;
  const workflows::SimulatedLesionResult& r = *result_;
  const QString name = name_->text().trimmed();
  QString text = tr("<b>“%1” made</b> from “%2”: %n held-out slice(s)", nullptr, r.heldOutSlices).arg(name.toHtmlEscaped(), sourceDataset().toHtmlEscaped());
  text += tr(", %n with simulated lesions", nullptr, r.withLesions);
  text += tr(" (%n lesion pixel(s) in the masks)", nullptr, int(std::min<int64_t>(r.lesionPixels, INT_MAX)));
  text += tr(", %n left healthy.", nullptr, r.heldOutSlices - r.withLesions);
  text += QStringLiteral("<p>") +
          tr("These slices are left out of training from now on. Train a run on “%1”, then predict “%2” on the Review "
             "page; its masks give the ROC and PR figures.")
              .arg(sourceDataset().toHtmlEscaped(), name.toHtmlEscaped()) +
          QStringLiteral("</p>");
  for (const auto& w : r.warnings)
    text += QStringLiteral("<p>") + tr("Warning: %1").arg(QString::fromStdString(w).toHtmlEscaped()) +
            QStringLiteral("</p>");
  summary_->setText(text);
  pages_->setCurrentIndex(2);
  setWindowTitle(tr("Test Set Made"));
  Q_EMIT datasetCreated(name);
  Q_EMIT simulationFinished(true);
}

void SimulateLesionsDialog::keyPressEvent(QKeyEvent* event) {
  if (running_ && event->key() == Qt::Key_Escape) {  // Esc hides; it never cancels silently
    hide();
    return;
  }
  QDialog::keyPressEvent(event);
}

}  // namespace lightbox::ui
