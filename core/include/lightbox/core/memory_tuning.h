#pragma once
// Process-wide allocator setting for programs that generate training samples.
//
// Every sample returns fresh full-size buffers (the augmented image, the anomaly mask and the label: 6.3 MB for a
// 80x112x80 volume) and frees the previous sample's. glibc then finds that much free memory at the top of its heap,
// returns it to the kernel (trim), and the next sample takes a page fault on every 4 KiB page it writes: about 1,500
// faults per 3D sample, 30-45% of the sample time, and more or less depending on what else happens to sit at the top
// of the heap. Whether it happens is a matter of heap layout luck, not of the sample code.

namespace lightbox {

/// Keeps freed memory in the process for reuse (glibc: mallopt M_TRIM_THRESHOLD = 256 MiB, M_MMAP_THRESHOLD =
/// 32 MiB, so full-size buffers come from the heap and the heap is trimmed only past 256 MiB of free memory per arena).
/// Call once at program start, before threads are started, in programs that generate samples (the benchmark, training,
/// data export). Costs at most that much resident memory per malloc arena; changes no result. Returns false where
/// the C library has no such setting (a no-op there).
bool retainFreedMemory();

}  // namespace lightbox
