#include "shell/device_controls.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSpinBox>
#include <QThread>

namespace lightbox::ui {

namespace {
class DeviceControls {
  Q_DECLARE_TR_FUNCTIONS(DeviceControls)
};
}  // namespace

QComboBox* makeDeviceCombo(bool cuda, QWidget* parent) {
  auto* device = new QComboBox(parent);
  device->addItem(cuda ? DeviceControls::tr("Automatic (CUDA)") : DeviceControls::tr("Automatic (CPU: no CUDA device)"),
                  QStringLiteral("auto"));
  device->addItem(DeviceControls::tr("CPU"), QStringLiteral("cpu"));
  device->addItem(DeviceControls::tr("CUDA"), QStringLiteral("cuda"));
  if (!cuda) {
    device->setItemData(2, false, Qt::UserRole - 1);  // disabled item
    device->setItemData(2, DeviceControls::tr("This LibTorch has no CUDA, or sees no GPU"), Qt::ToolTipRole);
  }
  return device;
}

QSpinBox* makeThreadsSpinBox(QWidget* parent) {
  auto* threads = new QSpinBox(parent);
  threads->setRange(0, 256);
  threads->setSpecialValueText(DeviceControls::tr("default (%1)").arg(QThread::idealThreadCount()));
  threads->setToolTip(DeviceControls::tr("LibTorch CPU threads"));
  return threads;
}

bool deviceIsCpu(const QComboBox* device, bool cuda) {
  const QString d = device->currentData().toString();
  return d == QLatin1String("cpu") || (d == QLatin1String("auto") && !cuda);
}

}  // namespace lightbox::ui
