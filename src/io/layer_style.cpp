// QGIS QML for the exported layers.
#include "io/layer_style.hpp"

#include "core/text.hpp"

#include <cstdio>

namespace sw::io {
namespace {

std::string rgba(const Rgba& c) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
           std::to_string(c.a);
}

std::string number(double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

// One property, both as QGIS 3.26+ writes it (Option) and as earlier 3.x read it (prop).
struct Props {
    std::vector<std::pair<std::string, std::string>> kv;
    std::string xml() const {
        std::string s = "    <Option type=\"Map\">\n";
        for (const auto& [k, v] : kv)
            s += "     <Option type=\"QString\" name=\"" + k + "\" value=\"" + xmlEscape(v) +
                 "\"/>\n";
        s += "    </Option>\n";
        for (const auto& [k, v] : kv)
            s += "    <prop k=\"" + k + "\" v=\"" + xmlEscape(v) + "\"/>\n";
        return s;
    }
};

std::string symbol(const LayerStyle& style, const StyleClass& c, std::size_t index) {
    Props p;
    std::string cls, type;
    if (style.points) {
        cls = "SimpleMarker";
        type = "marker";
        p.kv = {{"name", "circle"},
                {"color", rgba(c.fill)},
                {"outline_color", rgba(c.outline)},
                {"outline_style", "solid"},
                {"outline_width", "0.2"},
                {"outline_width_unit", "MM"},
                {"size", "2"},
                {"size_unit", "MM"}};
    } else {
        cls = "SimpleFill";
        type = "fill";
        p.kv = {{"color", rgba(c.fill)},      {"outline_color", rgba(c.outline)},
                {"outline_style", "solid"},   {"outline_width", number(style.outline_mm)},
                {"outline_width_unit", "MM"}, {"style", c.fill.a == 0 ? "no" : "solid"},
                {"joinstyle", "bevel"}};
    }
    return "   <symbol type=\"" + type + "\" name=\"" + std::to_string(index) +
           "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n    <layer class=\"" + cls +
           "\" enabled=\"1\" locked=\"0\" pass=\"0\">\n" + p.xml() + "    </layer>\n   </symbol>\n";
}

std::string renderer(const LayerStyle& style, const std::string& field) {
    std::string head, items, symbols;
    for (std::size_t i = 0; i < style.classes.size(); ++i) {
        const StyleClass& c = style.classes[i];
        symbols += symbol(style, c, i);
        const std::string common = "render=\"true\" symbol=\"" + std::to_string(i) + "\" label=\"" +
                                   xmlEscape(c.label) + "\"";
        if (style.kind == LayerStyle::Kind::Categorised)
            items += "   <category " + common + " value=\"" + xmlEscape(c.value) + "\"/>\n";
        else if (style.kind == LayerStyle::Kind::Graduated)
            items += "   <range " + common + " lower=\"" + number(c.lower) + "\" upper=\"" +
                     number(c.upper) + "\"/>\n";
        if (style.kind == LayerStyle::Kind::Single)
            break;
    }
    const std::string base = "forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\"";
    std::string s;
    switch (style.kind) {
    case LayerStyle::Kind::Single:
        s = " <renderer-v2 type=\"singleSymbol\" " + base + ">\n  <symbols>\n" + symbols +
            "  </symbols>\n";
        break;
    case LayerStyle::Kind::Categorised:
        s = " <renderer-v2 type=\"categorizedSymbol\" attr=\"" + xmlEscape(field) + "\" " + base +
            ">\n  <categories>\n" + items + "  </categories>\n  <symbols>\n" + symbols +
            "  </symbols>\n";
        break;
    case LayerStyle::Kind::Graduated:
        s = " <renderer-v2 type=\"graduatedSymbol\" attr=\"" + xmlEscape(field) +
            "\" graduatedMethod=\"GraduatedColor\" " + base + ">\n  <ranges>\n" + items +
            "  </ranges>\n  <symbols>\n" + symbols + "  </symbols>\n";
        break;
    }
    return s + " </renderer-v2>\n";
}

std::string labeling(const std::string& field) {
    return " <labeling type=\"simple\">\n  <settings calloutType=\"simple\">\n"
           "   <text-style fieldName=\"" +
           xmlEscape(field) +
           "\" isExpression=\"0\" fontFamily=\"Sans Serif\" fontSize=\"9\" "
           "fontSizeUnit=\"Point\" fontWeight=\"63\" textColor=\"30,30,30,255\" "
           "textOpacity=\"1\">\n"
           "    <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\" "
           "bufferColor=\"255,255,255,255\" bufferOpacity=\"0.9\" bufferNoFill=\"1\"/>\n"
           "   </text-style>\n"
           "   <placement placement=\"1\" priority=\"5\" offsetType=\"0\" dist=\"0\"/>\n"
           "   <rendering obstacle=\"1\" displayAll=\"0\" upsidedownLabels=\"0\"/>\n"
           "  </settings>\n </labeling>\n";
}

} // namespace

std::string qmlText(const LayerStyle& style,
                    const std::function<std::string(const std::string&)>& field_name) {
    const auto name = [&](const std::string& f) { return field_name ? field_name(f) : f; };
    std::string s = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                    "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling\" "
                    "labelsEnabled=\"" +
                    std::string(style.label_field.empty() ? "0" : "1") + "\">\n";
    s += renderer(style, name(style.field));
    if (!style.label_field.empty())
        s += labeling(name(style.label_field));
    s += " <layerGeometryType>" + std::string(style.points ? "0" : "2") +
         "</layerGeometryType>\n</qgis>\n";
    return s;
}

} // namespace sw::io
