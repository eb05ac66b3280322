#pragma once
// The LibTorch device (Automatic / CPU / CUDA) and CPU-thread choice, one definition for every page that runs a
// model: the Training page's form and the Review page's prediction controls. The combo's item data is the word the
// workflows take ("auto" | "cpu" | "cuda"); the spin box's 0 means LibTorch's default thread count.

class QComboBox;
class QSpinBox;
class QWidget;

namespace lightbox::ui {

/// CUDA is listed but disabled (with a tooltip saying why) when `cuda` is false.
QComboBox* makeDeviceCombo(bool cuda, QWidget* parent);
QSpinBox* makeThreadsSpinBox(QWidget* parent);
/// Whether the chosen device is the CPU, Automatic included when there is no CUDA.
bool deviceIsCpu(const QComboBox* device, bool cuda);

}  // namespace lightbox::ui
