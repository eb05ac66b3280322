// Copies of a real DICOM file with new identifiers.
#include <dcmtk/dcmdata/dctk.h>

#include <cstdio>
#include <stdexcept>

#include "lightbox/imageio/dicom.h"
#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio {

void writeDicomCopy(const std::string& source, const std::string& destination, const DicomIdentity& id) {
  DcmFileFormat file;
  if (!file.loadFile(source.c_str()).good()) throw ImageReadError(source, "not a readable DICOM file");
  DcmDataset* d = file.getDataset();
  DcmMetaInfo* meta = file.getMetaInfo();
  bool ok = d->putAndInsertString(DCM_StudyInstanceUID, id.studyInstanceUid.c_str()).good() &&
            d->putAndInsertString(DCM_SeriesInstanceUID, id.seriesInstanceUid.c_str()).good() &&
            d->putAndInsertString(DCM_SOPInstanceUID, id.sopInstanceUid.c_str()).good() &&
            meta->putAndInsertString(DCM_MediaStorageSOPInstanceUID, id.sopInstanceUid.c_str()).good();
  if (id.instanceNumber) ok &= d->putAndInsertString(DCM_InstanceNumber, std::to_string(*id.instanceNumber).c_str()).good();
  if (id.imagePosition) {
    char text[96];
    std::snprintf(text, sizeof text, "%.6f\\%.6f\\%.6f", (*id.imagePosition)[0], (*id.imagePosition)[1],
                  (*id.imagePosition)[2]);
    ok &= d->putAndInsertString(DCM_ImagePositionPatient, text).good();
  }
  if (!ok) throw std::runtime_error(destination + ": cannot set the new identifiers");
  const OFCondition saved = file.saveFile(destination.c_str(), EXS_Unknown);
  if (!saved.good()) throw std::runtime_error(destination + ": cannot write: " + std::string(saved.text()));
}

}  // namespace lightbox::imageio
