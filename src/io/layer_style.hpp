// Layer styles as QGIS QML documents: one per exported layer, stored in a GeoPackage's
// layer_styles table and beside each shapefile (<name>.qml, which QGIS loads as the layer's
// default style), so partners open the pack styled. Single-symbol, categorised (a text or
// integer field) and graduated (ranges of a number field) fills, or point markers, with
// optional labels (halo-buffered).
#pragma once

#include "core/layer_rules.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sw::io {

struct StyleClass {
    std::string value;           // categorised: the field's value ("proposed", "3")
    double lower = 0, upper = 0; // graduated: the range
    std::string label;           // the legend's words
    Rgba fill, outline{60, 60, 60, 255};
};

struct LayerStyle {
    enum class Kind { Single, Categorised, Graduated };
    Kind kind = Kind::Single;
    std::string field;               // the classified field (a long name)
    std::vector<StyleClass> classes; // Single: the first
    std::string label_field;         // labels from this field (empty: none)
    bool points = false;             // point markers instead of fills
    double outline_mm = 0.4;
    std::string name; // the style's name ("streetweek target areas")
};

// The QML text. `field_name` maps a long field name to the one the format stores (a
// shapefile's short name); identity when null.
std::string qmlText(const LayerStyle& style,
                    const std::function<std::string(const std::string&)>& field_name = {});

} // namespace sw::io
