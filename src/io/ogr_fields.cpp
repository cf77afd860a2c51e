// FieldSpec/FieldValue to OGR.
#include "io/ogr_fields.hpp"

#include <type_traits>

namespace sw::io {

OGRFieldType ogrFieldType(FieldSpec::Type type) {
    switch (type) {
    case FieldSpec::Type::Integer:
        return OFTInteger;
    case FieldSpec::Type::Real:
        return OFTReal;
    case FieldSpec::Type::Date:
        return OFTDate;
    case FieldSpec::Type::Text:
        break;
    }
    return OFTString;
}

void setOgrField(OGRFeature& feat, int idx, const FieldValue& value) {
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate> || std::is_same_v<T, Suppressed>)
                feat.SetFieldNull(idx);
            else if constexpr (std::is_same_v<T, std::int64_t>)
                feat.SetField(idx, static_cast<GIntBig>(v));
            else if constexpr (std::is_same_v<T, double>)
                feat.SetField(idx, v);
            else if constexpr (std::is_same_v<T, DateValue>)
                feat.SetField(idx, v.year, v.month, v.day);
            else
                feat.SetField(idx, v.c_str());
        },
        value);
}

} // namespace sw::io
