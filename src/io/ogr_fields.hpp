// Field definitions and values between the writers' FieldSpec/FieldValue and OGR.
#pragma once

#include "io/vector_writer.hpp"

#include <ogrsf_frmts.h>

namespace sw::io {

OGRFieldType ogrFieldType(FieldSpec::Type type);

// Sets field `index` of the feature (null for no value and for a suppressed count).
void setOgrField(OGRFeature& feature, int index, const FieldValue& value);

} // namespace sw::io
